"""Snowball stemmers (PyStemmer) by ISO 639-1 language code, one object per thread (a
PyStemmer object must not be shared between threads). English is not here: it keeps
FTS5's Porter stems (:mod:`desktop_search.language.porter`)."""

from __future__ import annotations

import functools
import threading

import Stemmer

_ALGORITHMS = {
    "ar": "arabic",
    "hy": "armenian",
    "eu": "basque",
    "ca": "catalan",
    "cs": "czech",
    "da": "danish",
    "nl": "dutch",
    "eo": "esperanto",
    "et": "estonian",
    "fi": "finnish",
    "fr": "french",
    "de": "german",
    "el": "greek",
    "hi": "hindi",
    "hu": "hungarian",
    "id": "indonesian",
    "ga": "irish",
    "it": "italian",
    "lt": "lithuanian",
    "ne": "nepali",
    "no": "norwegian",
    "nb": "norwegian",
    "nn": "norwegian",
    "fa": "persian",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "st": "sesotho",
    "es": "spanish",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "yi": "yiddish",
}
MAX_STEMMED_CHARS = 64  # longer tokens (codes, hashes) are left as they are
_local = threading.local()


@functools.cache
def algorithm(language: str) -> str | None:
    """The Snowball algorithm for ``language`` if this PyStemmer has one."""
    name = _ALGORITHMS.get(language)
    return name if name is not None and name in Stemmer.algorithms() else None


def has_stemmer(language: str) -> bool:
    return language == "en" or algorithm(language) is not None


def _stemmer(name: str) -> Stemmer.Stemmer:
    stemmers: dict[str, Stemmer.Stemmer] | None = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    stemmer = stemmers.get(name)
    if stemmer is None:
        stemmer = stemmers[name] = Stemmer.Stemmer(name)
    return stemmer


def stem(word: str, language: str) -> str:
    """``word`` (folded) stemmed by ``language``'s Snowball stemmer; unchanged when there
    is none."""
    name = algorithm(language)
    if name is None or len(word) > MAX_STEMMED_CHARS:
        return word
    return str(_stemmer(name).stemWord(word))
