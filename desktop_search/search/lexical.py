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
(with the IDF of its best-known form).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from desktop_search.search import porter
from desktop_search.search.fusion import KeywordEvidence, idf
from desktop_search.search.terms import fts_match_expression
from desktop_search.storage.catalog import Catalog

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
    """One word of the query and the forms searched for it (itself, its corrections)."""

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

    def _doc_counts(self, terms: Sequence[str]) -> tuple[dict[str, int], int]:
        """Document counts and the number of chunks. A count stops just above the budget
        (FTS5 reads no further): only on an index of more chunks than that, and only for a
        word the budget leaves out, is its IDF read higher than it is, where it is small."""
        with self._lock:
            newest = self.catalog.max_chunk_id()  # ids only grow: a cheap sign of change
            if abs(newest - self._counts_at) > CACHE_TOLERANCE * max(self._counts_at, 1):
                self._counts.clear()
                self._counts_at = newest
                self._total = self.catalog.chunk_count()
            missing = [t for t in terms if t not in self._counts]
            if missing:
                self._counts.update(self.catalog.term_doc_counts(missing, self.row_budget))
            return {t: self._counts[t] for t in terms}, max(self._total, 1)

    def plan(self, terms: Sequence[str], budget: int | None = None) -> LexicalPlan:
        counts, total = self._doc_counts(terms)
        chosen = budget_for(total, self.row_budget) if budget is None else budget
        return plan_terms(terms, counts, total, chosen)

    def search(self, words: Sequence[QueryWord], limit: int) -> LexicalResult:
        terms = _forms(words)
        if not terms:
            return LexicalResult([], LexicalPlan([]), KeywordEvidence({}, 0.0, 0.0))
        counts, total = self._doc_counts(terms)
        plan = plan_terms(terms, counts, total, budget_for(total, self.row_budget))
        ranked = self.catalog.bm25(fts_match_expression(plan.used), limit) if plan.used else []
        weighted = _weighted(words, counts, total)
        texts = self.catalog.chunk_search_texts(c for c, _ in ranked[:COVERAGE_DEPTH])
        coverage = max((_held(t, weighted) for t in texts.values()), default=0.0)
        reference = sum(weight for _, weight in weighted)
        return LexicalResult(ranked, plan, KeywordEvidence(dict(ranked), reference, coverage))

    def words_held(self, texts: Mapping[int, str], words: Sequence[QueryWord]) -> dict[int, float]:
        """For each text, the IDF share of the query's words it holds (in any form)."""
        counts, total = self._doc_counts(_forms(words))
        weighted = _weighted(words, counts, total)
        return {key: _held(text, weighted) for key, text in texts.items()}


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


Weighted = list[tuple[frozenset[str], float]]  # per query word: its forms' stems, its IDF


def _weighted(words: Sequence[QueryWord], counts: dict[str, int], total: int) -> Weighted:
    """Each query word's index stems and IDF, from its rarest form that some chunk holds; a
    word no chunk holds in any form could still have scored: it gets the highest IDF."""
    return [
        (
            frozenset(porter.stem(form) for form in word.forms),
            idf(min((counts[f] for f in word.forms if counts[f]), default=0), total),
        )
        for word in words
    ]


def _held(text: str, weighted: Weighted) -> float:
    reference = sum(weight for _, weight in weighted)
    if reference <= 0:
        return 0.0
    stems = set(porter.stems_folded([porter.fold(t) for t in porter.tokens(text)]))
    held = sum(weight for forms, weight in weighted if forms & stems)
    return min(held / reference, 1.0)
