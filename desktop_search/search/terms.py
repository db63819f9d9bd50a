"""Query words: what BM25 searches for and what snippets highlight."""

from __future__ import annotations

import functools

import regex

from desktop_search.language import detect, stopwords
from desktop_search.language.scripts import CJK_RUN
from desktop_search.storage.fts_query import any_of

STOPWORDS = stopwords.ENGLISH
# Letters, digits, marks (inside Devanagari or vowelled Arabic words) and "_".
_WORD = regex.compile(r"[\w\p{M}\p{Co}]+")
WHOLE_CJK_RUN = 4  # a longer CJK run in a query is searched as its bigrams, each a word


def words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, lowercased word) for every word in ``text``."""
    return [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]


def _parts(word: str) -> list[str]:
    """A word split where CJK characters meet others ("iphone手机" -> "iphone", "手机"); a
    CJK run longer than :data:`WHOLE_CJK_RUN` (a sentence typed without spaces) becomes
    its overlapping bigrams, each searched as a word of its own."""
    if word.isascii() or CJK_RUN.search(word) is None:
        return [word]
    parts: list[str] = []
    done = 0
    for run in CJK_RUN.finditer(word):
        if run.start() > done:
            parts.append(word[done : run.start()])
        found = run.group()
        if len(found) <= WHOLE_CJK_RUN:
            parts.append(found)
        else:
            parts.extend(found[i : i + 2] for i in range(len(found) - 1))
        done = run.end()
    if done < len(word):
        parts.append(word[done:])
    return parts


def query_terms(query: str) -> list[str]:
    """Distinct content words of a query, in order: stop words (English, and those of the
    query's language when it can be told) dropped unless nothing is left."""
    all_words = [p for _, _, w in words(query) for p in _parts(w)]
    stop = stopwords.for_languages({detect.query_language(query)})
    content = [
        w
        for w in all_words
        if w not in stop and (len(w) > 1 or w.isdigit() or CJK_RUN.match(w) is not None)
    ]
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


def fts_match_expression(forms: list[str]) -> str:
    """An FTS5 MATCH expression that ORs analysed forms, quoted (safe for any input)."""
    return any_of(forms)
