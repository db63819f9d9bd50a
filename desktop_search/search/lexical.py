"""BM25 over the FTS5 index, with a bound on the work a query may cost.

FTS5 scores every chunk that holds any query term, about 1.5 microseconds a row; on a
large index the commonest terms would make that the slowest part of a search. As in
Lucene's common-terms query, the terms are taken rarest first while their document
counts fit a row budget; the commonest terms, which carry little IDF, are left out of
BM25 (the dense side still sees the whole query) and reported by ``--explain``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from desktop_search.search.terms import fts_match_expression
from desktop_search.storage.catalog import Catalog

ROW_BUDGET = 6000  # chunks FTS5 may score for one query
CACHE_TOLERANCE = 0.02  # document counts are reused until the index has grown 2%

Ranked = list[tuple[int, float]]


@dataclass
class LexicalPlan:
    used: list[str]
    left_out: list[str] = field(default_factory=list)


class LexicalSearcher:
    def __init__(self, catalog: Catalog, *, row_budget: int = ROW_BUDGET) -> None:
        self.catalog = catalog
        self.row_budget = row_budget
        self._lock = threading.Lock()
        self._counts: dict[str, int] = {}
        self._counts_at = -1  # highest chunk id when the cache was filled

    def _doc_counts(self, terms: list[str]) -> dict[str, int]:
        """Document counts, capped just above the budget (beyond it they change nothing)."""
        with self._lock:
            newest = self.catalog.max_chunk_id()  # ids only grow: a cheap sign of change
            if abs(newest - self._counts_at) > CACHE_TOLERANCE * max(self._counts_at, 1):
                self._counts.clear()
                self._counts_at = newest
            missing = [t for t in terms if t not in self._counts]
            if missing:
                self._counts.update(self.catalog.term_doc_counts(missing, self.row_budget))
            return {t: self._counts[t] for t in terms}

    def plan(self, terms: list[str], budget: int | None = None) -> LexicalPlan:
        budget = self.row_budget if budget is None else budget
        if len(terms) <= 1:
            return LexicalPlan(list(terms))
        counts = self._doc_counts(terms)
        used: list[str] = []
        rows = 0
        for term in sorted(terms, key=lambda t: counts[t]):
            if used and rows + counts[term] > budget:
                break
            used.append(term)
            rows += counts[term]
        left_out = [t for t in terms if t not in used]
        return LexicalPlan([t for t in terms if t in used], left_out)

    def search(self, terms: list[str], limit: int) -> tuple[Ranked, LexicalPlan]:
        plan = self.plan(terms)
        if not plan.used:
            return [], plan
        return self.catalog.bm25(fts_match_expression(plan.used), limit), plan
