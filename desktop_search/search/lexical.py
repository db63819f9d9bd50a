"""BM25 over the FTS5 index, read on an absolute scale, with a bound on its cost.

FTS5 scores every chunk that holds any query word, about 1.5 microseconds a row. A query
whose words are held by more rows than the budget in all would be the slowest part of a
search on a large index; then, as in Lucene's common-terms query, the words are taken
rarest first while their counts fit the budget, and the commonest, which carry little
IDF, are left out of BM25 (the dense side still sees the whole query) and reported by
``--explain``. On an index small enough that a query's words fit the budget, which is any
query on a few thousand chunks, every word is kept, however long the query.

A query word comes with its spelling corrections (:mod:`desktop_search.search.spelling`):
BM25 searches for all of them, and the word counts once in the query's reference score
(with the IDF of its best-known form). Each is searched in its analysed forms
(:func:`desktop_search.language.analyser.word_forms`) for the languages the index holds
most and the query's own language: "Kündigungen" as the English "kundigungen" and the
German "kundig", a Chinese word as the phrase of its bigrams.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from desktop_search.language import analyser, detect
from desktop_search.search.fusion import KeywordEvidence, idf
from desktop_search.storage.catalog import Catalog
from desktop_search.storage.fts_query import any_of

# Rows FTS5 may score for one query (1.5 us each): 16,000 (about 25 ms) on an index under
# 50,000 chunks, where the rest of a query is quick, so a long query keeps its words;
# 6,000 on larger ones, where HNSW, feedback and candidates cost more.
ROW_BUDGET = 16000
LARGE_INDEX = 50000
LARGE_INDEX_ROW_BUDGET = 6000
CACHE_TOLERANCE = 0.02  # document counts are reused until the index has grown 2%
COVERAGE_DEPTH = 10  # best keyword chunks looked at for how much of the query they hold

Ranked = list[tuple[int, float]]


@dataclass(frozen=True)
class QueryWord:
    """One word of the query and the forms searched for it (itself, its corrections), as
    typed: each is searched in its analysed forms."""

    forms: tuple[str, ...]

    @classmethod
    def plain(cls, word: str) -> QueryWord:
        return cls((word,))


@dataclass
class LexicalPlan:
    used: list[str]
    left_out: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class LexicalResult:
    ranked: Ranked
    plan: LexicalPlan
    evidence: KeywordEvidence


class LexicalSearcher:
    def __init__(self, catalog: Catalog, *, row_budget: int = ROW_BUDGET) -> None:
        self.catalog = catalog
        self.row_budget = row_budget
        self._lock = threading.Lock()
        self._counts: dict[str, int] = {}
        self._total = 0
        self._counts_at = -1  # highest chunk id when the cache was filled

    def _form_counts(self, forms: Sequence[str]) -> tuple[dict[str, int], int]:
        """Document counts of analysed forms and the number of chunks. A count stops just
        above the budget (FTS5 reads no further): only on an index of more chunks than
        that, and only for a word the budget leaves out, is its IDF read higher than it
        is, where it is small."""
        with self._lock:
            newest = self.catalog.max_chunk_id()  # ids only grow: a cheap sign of change
            if abs(newest - self._counts_at) > CACHE_TOLERANCE * max(self._counts_at, 1):
                self._counts.clear()
                self._counts_at = newest
                self._total = self.catalog.chunk_count()
            missing = [f for f in dict.fromkeys(forms) if f not in self._counts]
            if missing:
                self._counts.update(self.catalog.form_doc_counts(missing, self.row_budget))
            return {f: self._counts[f] for f in forms}, max(self._total, 1)

    def analysed(self, words: Sequence[QueryWord]) -> dict[str, tuple[str, ...]]:
        """Each form of the query's words (as typed) -> the analysed forms it is searched
        as, in the index's languages and the query's own."""
        typed = _forms(words)
        languages = self.catalog.analysis_languages(detect.query_language(" ".join(typed)))
        return {form: analyser.word_forms(form, languages) for form in typed}

    def _doc_counts(
        self, terms: Sequence[str], analysed: Mapping[str, tuple[str, ...]] | None = None
    ) -> tuple[dict[str, int], int]:
        """For words as typed: the chunks holding any of its analysed forms (at most the
        sum of the forms' counts; FTS5 reads that many rows for it) and the chunk count."""
        if analysed is None:
            analysed = self.analysed([QueryWord.plain(t) for t in terms])
        forms = [f for t in terms for f in analysed.get(t, ())]
        counts, total = self._form_counts(forms)
        return {t: min(sum(counts[f] for f in analysed.get(t, ())), total) for t in terms}, total

    def plan(self, terms: Sequence[str], budget: int | None = None) -> LexicalPlan:
        counts, total = self._doc_counts(terms)
        chosen = budget_for(total, self.row_budget) if budget is None else budget
        return plan_terms(terms, counts, total, chosen)

    def search(self, words: Sequence[QueryWord], limit: int) -> LexicalResult:
        terms = _forms(words)
        analysed = self.analysed(words)
        if not any(analysed.values()):
            return LexicalResult([], LexicalPlan([]), KeywordEvidence({}, 0.0, 0.0))
        counts, total = self._doc_counts(terms, analysed)
        plan = plan_terms(terms, counts, total, budget_for(total, self.row_budget))
        # one OR'ed part per query word: two words of one stem ("detect", "detection")
        # weigh it twice, as they always did
        match = " OR ".join(part for t in plan.used if (part := any_of(analysed[t])))
        ranked = self.catalog.bm25(match, limit) if match else []
        weighted = self._weighted(words, analysed)
        texts = self.catalog.chunk_search_texts(c for c, _ in ranked[:COVERAGE_DEPTH])
        holding = [_holding(t, weighted) for t in texts.values()]
        coverage = max((share for share, _ in holding), default=0.0)
        matched = max((count for _, count in holding), default=0)
        reference = sum(weight for _, weight in weighted)
        evidence = KeywordEvidence(dict(ranked), reference, coverage, words_matched=matched)
        return LexicalResult(ranked, plan, evidence)

    def words_held(self, texts: Mapping[int, str], words: Sequence[QueryWord]) -> dict[int, float]:
        """For each chunk's analysed text (:meth:`Catalog.chunk_search_texts`), the IDF
        share of the query's words it holds (in any form)."""
        analysed = self.analysed(words)
        weighted = self._weighted(words, analysed)
        return {key: _held(text, weighted) for key, text in texts.items()}

    def phrase_match(self, phrases: Sequence[str]) -> str:
        """An FTS5 expression for chunks holding every phrase (words as typed, in order), in
        any of its analyses."""
        languages = self.catalog.analysis_languages(detect.query_language(" ".join(phrases)))
        parts = [any_of(analyser.word_forms(p, languages)) for p in phrases]
        return " AND ".join(f"({part})" for part in parts if part) or '""'  # '""': nothing

    def _weighted(
        self, words: Sequence[QueryWord], analysed: Mapping[str, tuple[str, ...]]
    ) -> Weighted:
        """Each query word's analysed forms and IDF, from its rarest form that some chunk
        holds; a word no chunk holds in any form could still have scored: it gets the
        highest IDF."""
        forms = [f for word in words for typed in word.forms for f in analysed.get(typed, ())]
        counts, total = self._form_counts(forms)
        weighted: Weighted = []
        for word in words:
            own = frozenset(f for typed in word.forms for f in analysed.get(typed, ()))
            held = [counts[f] for f in own if counts[f]]
            weighted.append((own, idf(min(held, default=0), total)))
        return weighted


def budget_for(total: int, ceiling: int = ROW_BUDGET) -> int:
    """The row budget of a query on an index of ``total`` chunks."""
    return min(ceiling, LARGE_INDEX_ROW_BUDGET) if total > LARGE_INDEX else ceiling


def plan_terms(
    terms: Sequence[str], counts: dict[str, int], total: int, budget: int = ROW_BUDGET
) -> LexicalPlan:
    """The words BM25 searches for: rarest first while their counts fit the row budget; a
    word held by more than half the chunks (no IDF left) only when it is all there is."""
    informative = [t for t in terms if counts[t] * 2 <= total] or list(terms)
    used: list[str] = []
    rows = 0
    for term in sorted(informative, key=lambda t: counts[t]):
        if used and rows + counts[term] > budget:
            break
        used.append(term)
        rows += counts[term]
    return LexicalPlan([t for t in terms if t in used], [t for t in terms if t not in used])


def _forms(words: Sequence[QueryWord]) -> list[str]:
    return list(dict.fromkeys(form for word in words for form in word.forms))


Weighted = list[tuple[frozenset[str], float]]  # per query word: its analysed forms, its IDF


def _held(text: str, weighted: Weighted) -> float:
    """The IDF share of the query's words an analysed text holds."""
    return _holding(text, weighted)[0]


def _holding(text: str, weighted: Weighted) -> tuple[float, int]:
    """(the IDF share of the query's words an analysed text holds, how many it holds)."""
    reference = sum(weight for _, weight in weighted)
    if reference <= 0:
        return 0.0, 0
    terms = analyser.term_set(text)
    held = [
        weight
        for forms, weight in weighted
        if any(analyser.form_held(f, terms, text) for f in forms)
    ]
    return min(sum(held) / reference, 1.0), len(held)
