"""English stems as FTS5's ``porter`` tokenizer makes them, for the English analysis.

Until schema 4 the keyword index was FTS5's ``porter unicode61 remove_diacritics 2``;
English text is still stemmed exactly so (now in Python, :mod:`.analyser`), so English
results did not change when the index learnt other languages. For one already folded
word (:func:`desktop_search.language.normalise.fold`):

- PyStemmer's original Porter algorithm, plus the two departures of Porter's own C
  version that FTS5 follows ("-bli" -> "-ble", "-logi" -> "-log", so "technology" ->
  "technolog" and "possibly" -> "possibl"). Tokens of fewer than 3 or more than 64 bytes
  are left unstemmed, as FTS5 leaves them.

Checked against FTS5 itself on the 51,500 distinct words of the SciFact, Cranfield and
Medline corpora (``tests/language/test_porter.py`` checks the 2,900 words of the personal
folder benchmark's documents): they differ only on rare oddities, "eed" (FTS5 makes it
"e"). Folding now case-folds ("straße" -> "strasse", where unicode61 kept the "ß").
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import Stemmer

from desktop_search.language import normalise

FTS5_STEM_MIN_BYTES = 3  # FTS5's porter passes shorter and longer tokens through as they are
FTS5_STEM_MAX_BYTES = 64
_VOWELS = frozenset("aeiou")
_local = threading.local()


def _stemmer() -> Stemmer.Stemmer:
    """This thread's stemmer (a PyStemmer object must not be shared between threads)."""
    stemmer: Stemmer.Stemmer | None = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = Stemmer.Stemmer("porter")
    return stemmer


def _consonant(word: str, i: int) -> bool:
    char = word[i]
    if char in _VOWELS:
        return False
    if char == "y":
        return i == 0 or not _consonant(word, i - 1)
    return True


def _measure(word: str) -> int:
    """Porter's m: how many vowel-consonant sequences ``word`` holds."""
    count = 0
    after_vowel = False
    for i in range(len(word)):
        if _consonant(word, i):
            if after_vowel:
                count += 1
            after_vowel = False
        else:
            after_vowel = True
    return count


def _fts5_stem(folded: str, porter: str) -> str:
    """FTS5's stem of ``folded`` from the published algorithm's stem ``porter`` of it."""
    size = len(folded) if folded.isascii() else len(folded.encode("utf-8"))
    if size < FTS5_STEM_MIN_BYTES or size > FTS5_STEM_MAX_BYTES:
        return folded
    # The two departures of Porter's C version (and FTS5) from the published algorithm,
    # both in step 2, which leaves a stem ending "logi" or "bli" when they apply. (A stem
    # that lost a final "e" in step 5, "histologie" -> "histologi", did not end so then.)
    if folded == porter + "e":
        return porter
    if porter.endswith("logi") and _measure(porter[:-4]) > 0:
        return porter[:-1]
    if porter.endswith("bli") and _measure(porter[:-3]) > 0:
        return str(_stemmer().stemWord(porter[:-1] + "e"))  # "-ble" goes on through steps 3-5
    return porter


def stem_folded(folded: str) -> str:
    """The index term of an already folded word."""
    return _fts5_stem(folded, str(_stemmer().stemWord(folded)))


def stems_folded(folded: Sequence[str]) -> list[str]:
    """The index terms of many already folded words (one call into the stemmer)."""
    porter: list[str] = _stemmer().stemWords(folded)
    return [_fts5_stem(f, p) for f, p in zip(folded, porter, strict=True)]


def stem(word: str) -> str:
    """The English index term of one word (a token of letters and digits)."""
    return stem_folded(normalise.fold(word))
