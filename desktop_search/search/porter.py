"""Words as the keyword index stores them: FTS5's ``porter unicode61 remove_diacritics 2``.

The index's vocabulary is made of Porter stems of case-folded words with Latin diacritics
removed. To compare a query word with that vocabulary, or to find the word of a text that
gave a stem, the same steps are reproduced here for one word at a time:

- **folding** (unicode61 with ``remove_diacritics 2``): each character case-folded on its
  own (final sigma becomes sigma, the micro sign mu; "ß" stays), and the combining marks
  of Latin letters dropped ("crème" -> "creme"); other scripts keep theirs.
- **stemming**: PyStemmer's original Porter algorithm, plus the two departures of
  Porter's own C version that FTS5 follows ("-bli" -> "-ble", "-logi" -> "-log", so
  "technology" -> "technolog" and "possibly" -> "possibl"). FTS5 leaves tokens of fewer
  than 3 or more than 64 bytes unstemmed, and so does :func:`stem`.

Checked against FTS5 itself on the 51,500 distinct words of the SciFact, Cranfield and
Medline corpora (``tests/search/test_porter.py`` checks the 2,900 words of the personal
folder benchmark's documents): they differ only on rare oddities, "eed" (FTS5 makes it "e")
and words with "ß" (FTS5 counts its two bytes as consonants, so "straße" -> "straß"). The
folding follows unicode61 for Latin, Greek and Cyrillic letters; a few rare precomposed
letters (Latin letters with two marks such as "ǡ", Greek letters with iota subscript) are
folded differently.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from collections.abc import Sequence

import Stemmer

FTS5_STEM_MIN_BYTES = 3  # FTS5's porter passes shorter and longer tokens through as they are
FTS5_STEM_MAX_BYTES = 64
# unicode61's token characters are letters and digits; "_" and marks separate tokens.
_TOKEN = re.compile(r"[^\W_]+")
_VOWELS = frozenset("aeiou")
_local = threading.local()


def _stemmer() -> Stemmer.Stemmer:
    """This thread's stemmer (a PyStemmer object must not be shared between threads)."""
    stemmer: Stemmer.Stemmer | None = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = Stemmer.Stemmer("porter")
    return stemmer


def _is_latin(char: str) -> bool:
    return char < "\u0250" or "\u1e00" <= char < "\u1f00"


def _fold_one(char: str) -> str:
    """unicode61 folds one character to one character."""
    for folded in (char.casefold(), char.lower()):
        if len(folded) == 1:
            return folded
    return char


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    parts = unicodedata.normalize("NFD", char)
    if len(parts) > 1 and _is_latin(parts[0]):
        kept = "".join(p for p in parts if not unicodedata.combining(p))
        if len(kept) == 1:
            return _fold_one(kept)
    return _fold_one(char)


def fold(word: str) -> str:
    """A word case-folded and stripped of Latin diacritics, as unicode61 does."""
    if word.isascii():
        return word.lower()
    return "".join(_fold_char(c) for c in word)


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
    """The index term FTS5 makes of one word (a token of letters and digits)."""
    return stem_folded(fold(word))


def tokens(text: str) -> list[str]:
    """The words of ``text`` as unicode61 splits it (letters and digits), unfolded."""
    return _TOKEN.findall(text)
