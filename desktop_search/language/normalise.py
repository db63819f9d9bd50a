"""Text made comparable before it is split into words and stemmed.

- **Unicode**: NFKC (compatibility forms: ligatures, full-width letters, half-width
  katakana, Arabic presentation forms) and case folding ("Straße" -> "strasse").
- **Latin diacritics** dropped, as FTS5's ``unicode61 remove_diacritics 2`` does
  ("crème" -> "creme"): a word typed without its accents still matches.
- **Arabic**, as is usual for Arabic retrieval (Lucene's ArabicNormalizer, Larkey's
  light stemmers): tashkeel (short vowels, shadda, sukun, tanween, the superscript alef)
  and tatweel removed; alef with hamza above or below, alef madda and alef wasla become
  a bare alef; alef maqsura becomes yeh; ta marbuta and a final heh are one letter. The
  last is done around the stemmer, which strips a final ta marbuta (the feminine ending)
  but keeps a final heh after the article: a final heh is read as ta marbuta before
  stemming and ta marbuta written as heh after, so "الاستقالة", "الاستقاله" and
  "استقالة" all stem to "استقال".
- **Hebrew** points (niqqud and cantillation) removed.
"""

from __future__ import annotations

import functools
import unicodedata

_ARABIC_DROPPED = dict.fromkeys(
    [*range(0x064B, 0x0660), 0x0670, 0x0640, *range(0x06D6, 0x06EE)]  # tashkeel, tatweel
)
_ARABIC_LETTERS = {
    0x0623: "\u0627",  # alef with hamza above
    0x0625: "\u0627",  # alef with hamza below
    0x0622: "\u0627",  # alef with madda
    0x0671: "\u0627",  # alef wasla
    0x0649: "\u064a",  # alef maqsura -> yeh
}
ARABIC_TABLE: dict[int, str | None] = {**_ARABIC_DROPPED, **_ARABIC_LETTERS}
TA_MARBUTA = "\u0629"
HEH = "\u0647"
HEBREW_TABLE: dict[int, None] = dict.fromkeys([*range(0x0591, 0x05BE), 0x05BF, 0x05C1, 0x05C2])
HEBREW_TABLE.update(dict.fromkeys([0x05C4, 0x05C5, 0x05C7]))


def text(raw: str) -> str:
    """NFKC and case folded (the first step for index and query alike)."""
    if raw.isascii():
        return raw.lower()
    return unicodedata.normalize("NFKC", raw).casefold()


def _is_latin(char: str) -> bool:
    return char < "\u0250" or "\u1e00" <= char < "\u1f00"


@functools.lru_cache(maxsize=1 << 16)
def fold_latin(word: str) -> str:
    """``word`` without the combining marks of its Latin letters ("creme" for "crème");
    other scripts keep theirs."""
    if word.isascii():
        return word
    kept: list[str] = []
    latin_base = False
    for char in unicodedata.normalize("NFD", word):
        if unicodedata.combining(char):
            if latin_base:
                continue
        else:
            latin_base = _is_latin(char)
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def fold(word: str) -> str:
    """A word as it is compared with the index's words before stemming: NFKC, case
    folded, Latin diacritics dropped."""
    return fold_latin(text(word))


def arabic(word: str) -> str:
    """An Arabic word ready for the stemmer (see the module's docstring)."""
    word = word.translate(ARABIC_TABLE)
    return word[:-1] + TA_MARBUTA if word.endswith(HEH) else word


def arabic_stem(stem: str) -> str:
    """An Arabic stem as the index holds it: a ta marbuta left by the stemmer as heh."""
    return stem.translate(ARABIC_TABLE).replace(TA_MARBUTA, HEH)


def hebrew(word: str) -> str:
    return word.translate(HEBREW_TABLE)
