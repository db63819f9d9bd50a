"""Query words: what BM25 searches for and what snippets highlight."""

from __future__ import annotations

import functools
import re

_STOPWORD_TEXT = (
    "a an and are as at be but by for from has have how i if in into is it its me my no not "
    "of on or our so than that the their them then there these they this to was we were what "
    "when where which who why will with you your do does did can could should would about "
    "all any been being both each few more most other some such only own same too very just "
    "over under again further once here out up down off above below between through during "
    "before after while"
)
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, lowercased word) for every word in ``text``."""
    return [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]


def query_terms(query: str) -> list[str]:
    """Distinct content words of a query, in order (stop words dropped unless nothing is left)."""
    all_words = [w for _, _, w in words(query)]
    content = [w for w in all_words if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]
    chosen = content or all_words
    return list(dict.fromkeys(chosen))


@functools.lru_cache(maxsize=1 << 16)
def light_stem(word: str) -> str:
    """A deliberately light stemmer for highlighting (plural, -ing, -ed, -ly)."""
    for suffix in ("ations", "ation", "ings", "ing", "edly", "ed", "ies", "es", "ly", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            return stem + "y" if suffix == "ies" else stem
    return word


def fts_match_expression(terms: list[str]) -> str:
    """An FTS5 MATCH expression that ORs the quoted terms (safe for any input)."""
    return " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)
