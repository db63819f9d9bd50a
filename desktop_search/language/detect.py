"""The language of a text (ISO 639-1), by py3langid, whose model ships in its wheel
(nothing is ever downloaded).

Chosen on ``benchmarks/language_detection.py`` (hand-written texts of personal-document
kinds in en/de/fr/es/ru/ar/zh/ja/ko): 100 % right on paragraphs and on paragraphs with an
English sentence mixed in, 99 % on single sentences, 91 % on 2-4 word texts; about
160 us a chunk; its model costs about 75 MB of memory once loaded (0.5-0.7 s, the first
time a process needs it). Scripts settle what a statistical model finds hard in short
texts: kana means Japanese, a text mostly of Hangul Korean, Chinese characters without
kana Chinese.

The model is read here, in memory: py3langid's own loader decompresses it into a temporary
file (in TMPDIR), and nothing may be written outside our own folders.
"""

from __future__ import annotations

import functools
import io
import lzma
import threading
from dataclasses import dataclass
from typing import Any

import numpy as np
import regex

MAX_CHARS = 500  # a chunk's first 500 characters tell its language (the model reads every byte)
CHUNK_CONFIDENCE = 0.5  # below, a chunk's language is unknown ('')
QUERY_CONFIDENCE = 0.5
_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
_HANGUL = regex.compile(r"\p{Hangul}")
_HAN = regex.compile(r"\p{Han}")
_ALIASES = {"wuu": "zh", "yue": "zh", "nb": "no", "nn": "no"}

_lock = threading.Lock()
_identifier: Any = None


def _load() -> Any:
    """py3langid's identifier, its model decompressed in memory (see the module's doc)."""
    from py3langid import modelio
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    with lzma.open(MODEL_DIR / MODEL_FILE) as source:
        raw = source.read()
    with np.load(io.BytesIO(raw), allow_pickle=False) as data:
        return LanguageIdentifier(
            np.asarray(data["ptc"]),
            np.asarray(data["pc"]),
            data["classes"].tolist(),
            modelio._to_array(data["nextmove"]),
            data["out_feat"].tolist(),
            norm_probs=True,
            tk_row=modelio._to_array(data["nextmove_row"]),
        )


def _model() -> Any:
    global _identifier
    with _lock:
        if _identifier is None:
            _identifier = _load()
        return _identifier


@dataclass(frozen=True)
class Guess:
    language: str  # ISO 639-1, '' when nothing could be told
    confidence: float  # 0-1


def _by_script(text: str) -> str:
    if _KANA.search(text):
        return "ja"
    hangul = len(_HANGUL.findall(text))
    if hangul and hangul >= len(_HAN.findall(text)):
        return "ko"
    return ""


def guess(text: str) -> Guess:
    """The language of ``text`` and how sure the model is."""
    # the model reads UTF-8: a lone surrogate (from an odd file name) must not stop it
    sample = text[:MAX_CHARS].encode("utf-8", "replace").decode("utf-8")
    scripted = _by_script(sample)
    if scripted:
        return Guess(scripted, 1.0)
    if not any(c.isalpha() for c in sample):
        return Guess("", 0.0)
    language, confidence = _model().classify(sample)
    language = _ALIASES.get(str(language), str(language))
    han = len(_HAN.findall(sample))
    if han and language not in ("zh", "ja", "ko") and han * 2 >= sum(c.isalpha() for c in sample):
        return Guess("zh", 1.0)
    return Guess(language, float(confidence))


def chunk_language(text: str) -> str:
    """A chunk's language, '' when the model is not sure (a title alone, a table of
    numbers): such a chunk's words get the usual analysis of their script."""
    found = guess(text)
    return found.language if found.confidence >= CHUNK_CONFIDENCE else ""


@functools.lru_cache(maxsize=1024)  # one query asks for it a few times
def query_language(text: str) -> str:
    """A query's language when the model is fairly sure of it, else ''."""
    found = guess(text)
    return found.language if found.confidence >= QUERY_CONFIDENCE else ""
