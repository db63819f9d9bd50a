"""The model a user gets when they have not chosen one: from their locale, then from the
languages their files turn out to be in.

A new user whose locale is not English starts with the multilingual model. One whose
locale is English starts with the English model, and moves to the multilingual one (in
the background, searches answering all along) once a share of their files is in other
languages. The move is one-way: the multilingual model serves English too, so a folder
that later looks English again is not embedded a third time.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from desktop_search.language import stemmers

ENGLISH_MODEL = "all-MiniLM-L6-v2-int8"
MULTILINGUAL_MODEL = "multilingual-e5-small-int8"
# Chunks in other languages than English, of those whose language was told, from which a
# folder counts as multilingual; and how many told chunks make a sample worth judging.
OTHER_LANGUAGES_SHARE = 0.05
MIN_SAMPLE_CHUNKS = 20
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def locale_language(environ: Mapping[str, str] = os.environ) -> str:
    """The user's language (ISO 639-1) from the POSIX locale variables; '' when unset or
    the C/POSIX locale."""
    for name in _LOCALE_VARIABLES:
        value = environ.get(name, "")
        if value:
            language = value.split(".")[0].split("@")[0].split("_")[0].lower()
            return "" if language in ("c", "posix") else language
    return ""


def model_for_locale(language: str) -> str:
    return ENGLISH_MODEL if language in ("", "en") else MULTILINGUAL_MODEL


# Languages written by many people whose text the detector tells reliably: those with a
# Snowball stemmer, and the CJK and a few other scripts. English word lists and notes are
# sometimes told as a rare language (py3langid calls 15 % of English word salad Nigerian
# Pidgin); such labels are no reason to change model.
_SCRIPT_LANGUAGES = frozenset({"zh", "ja", "ko", "uk", "bg", "he", "th", "vi", "tr"})


def is_widely_written(language: str) -> bool:
    return language in _SCRIPT_LANGUAGES or stemmers.has_stemmer(language)


def files_need_multilingual(languages: Sequence[tuple[str, int]]) -> bool:
    """Whether an index whose chunks are in ``languages`` ((language, chunks), '' for
    chunks whose language was not told) holds enough text in widely written languages
    other than English to need the multilingual model."""
    told = sum(count for language, count in languages if language)
    if told < MIN_SAMPLE_CHUNKS:
        return False
    other = sum(
        count for language, count in languages if language != "en" and is_widely_written(language)
    )
    return other >= OTHER_LANGUAGES_SHARE * told
