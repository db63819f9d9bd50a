"""The search service: query -> dense + BM25 -> fusion -> PRF -> files with snippets."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Literal

import numpy as np

from desktop_search.embedding.encoder import Encoder
from desktop_search.search import prf
from desktop_search.search.expansion import expansion_terms
from desktop_search.search.filters import Filters
from desktop_search.search.fusion import score_fusion
from desktop_search.search.lexical import LexicalSearcher
from desktop_search.search.query_syntax import contains_phrase, merge_filters, parse_query
from desktop_search.search.snippets import make_snippet
from desktop_search.search.terms import query_terms
from desktop_search.storage.catalog import FileRow
from desktop_search.storage.store import IndexStore

log = logging.getLogger(__name__)

Mode = Literal["hybrid", "dense", "lexical"]
MODES: tuple[Mode, ...] = ("hybrid", "dense", "lexical")

# Chunks taken from each of the dense and BM25 lists. A fixed depth (not a multiple of k)
# keeps the fused ranking the same whatever number of results is asked for.
CANDIDATES = 200
FILTERED_CANDIDATES = 1000
PHRASE_CANDIDATES = 2000
DENSE_WEIGHT = 0.5
# Measured on SciFact (benchmarks/fusion_study.py): PRF lifts hybrid (0.7389 -> 0.7418)
# but hurts dense alone (0.6629 -> 0.6386), whose feedback set is noisier.
PRF_BY_DEFAULT: dict[str, bool] = {"hybrid": True, "dense": False, "lexical": False}

Ranked = list[tuple[int, float]]


@dataclass
class SearchHit:
    path: str
    display_path: str
    title: str
    kind: str
    score: float
    snippet: str
    highlights: list[tuple[int, int]]
    section: str
    chunk_id: int
    chunk_start: int
    chunk_end: int
    size: int | None
    modified: str | None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["path"] = self.display_path
        data["highlights"] = [list(h) for h in self.highlights]
        return data


@dataclass
class SearchRequest:
    query: str
    k: int = 10
    mode: Mode = "hybrid"
    filters: Filters = field(default_factory=Filters)
    prf: bool | None = None  # None: the default for the mode
    relevant: list[str] = field(default_factory=list)  # paths the user marked relevant
    not_relevant: list[str] = field(default_factory=list)
    describe_expansion: bool = False  # name the words PRF drifted toward (for people)


@dataclass
class SearchResponse:
    hits: list[SearchHit]
    explain: dict[str, Any] = field(default_factory=dict)


class SearchService:
    def __init__(self, store: IndexStore, encoder: Encoder) -> None:
        self.store = store
        self.encoder = encoder
        self.bm25 = LexicalSearcher(store.catalog)
        # BM25 runs on this thread while the query is being encoded: SQLite and
        # onnxruntime both release the GIL, so the two overlap on a second core.
        self._keyword_worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bm25")

    def close(self) -> None:
        self._keyword_worker.shutdown(wait=True)

    # -- retrieval primitives ---------------------------------------------------------

    def dense_vector(
        self, vector: np.ndarray, limit: int, allowed: set[int] | None = None
    ) -> Ranked:
        if allowed is not None:  # a small candidate set: score it exactly
            ids = sorted(allowed)
            scored: Ranked = []
            for batch_ids, vectors in self.store.catalog.iter_vectors(ids):
                batch_sims = vectors @ vector
                scored.extend((k, float(s)) for k, s in zip(batch_ids, batch_sims, strict=True))
            return sorted(scored, key=lambda item: -item[1])[:limit]
        keys, sims = self.store.vectors.search(vector, limit)
        return [(int(k), float(s)) for k, s in zip(keys, sims, strict=True)]

    def lexical(
        self,
        terms: list[str],
        limit: int,
        allowed: set[int] | None = None,
        explain: dict[str, Any] | None = None,
    ) -> Ranked:
        if not terms:
            return []
        ranked, plan = self.bm25.search(terms, limit)
        if explain is not None:
            explain["keyword_terms"] = plan.used
            explain["left_out_common_terms"] = plan.left_out
        return ranked if allowed is None else [(c, s) for c, s in ranked if c in allowed]

    def _phrase_chunks(self, phrases: list[str]) -> set[int]:
        """Chunks whose text contains every phrase (FTS5 finds candidates, text confirms)."""
        expression = " AND ".join('"' + p.replace('"', '""') + '"' for p in phrases)
        found = {c for c, _ in self.store.catalog.bm25(expression, PHRASE_CANDIDATES)}
        chunks = self.store.catalog.chunks_by_ids(found)
        return {
            c for c, row in chunks.items() if all(contains_phrase(row.text, p) for p in phrases)
        }

    def _file_vectors(self, paths: Iterable[str]) -> np.ndarray | None:
        """Every chunk vector of the given files (for explicit feedback and similar)."""
        catalog = self.store.catalog
        ids: list[int] = []
        for path in paths:
            row = catalog.file_by_path(path)
            if row is not None:
                ids.extend(catalog.chunk_ids_of_file(row.id))
        parts = [vectors for _, vectors in catalog.iter_vectors(ids)]
        return np.concatenate(parts) if parts else None

    # -- search -----------------------------------------------------------------------

    def search(self, request: SearchRequest) -> list[SearchHit]:
        return self.run(request).hits

    def run(self, request: SearchRequest) -> SearchResponse:
        parsed = parse_query(request.query)
        text = parsed.search_text()
        filters = merge_filters(parsed.filters, request.filters).normalised()
        explain: dict[str, Any] = {
            "mode": request.mode,
            "text": text,
            "phrases": parsed.phrases,
            "filters": filters.describe(),
        }
        if not text:
            return SearchResponse([], explain)
        allowed = self._phrase_chunks(parsed.phrases) if parsed.phrases else None
        if allowed is not None and not allowed:
            return SearchResponse([], explain)
        limit = (
            FILTERED_CANDIDATES
            if filters.active() or allowed is not None
            else max(CANDIDATES, request.k)
        )
        terms = query_terms(text)
        use_dense = request.mode != "lexical"
        keyword_job = (
            self._keyword_worker.submit(self.lexical, terms, limit, allowed, explain)
            if request.mode != "dense"
            else None
        )
        vector = self.encoder.encode_query(text) if use_dense else None
        excluded = set(request.not_relevant)
        if vector is not None and (request.relevant or request.not_relevant):
            vector = prf.rocchio(
                vector,
                self._file_vectors(request.relevant),
                self._file_vectors(request.not_relevant),
            )
            explain["relevance_feedback"] = {
                "relevant": request.relevant,
                "not_relevant": request.not_relevant,
            }
        lexical = keyword_job.result() if keyword_job is not None else []
        dense = self.dense_vector(vector, limit, allowed) if vector is not None else []
        scores = self._fuse(request.mode, dense, lexical)

        use_prf = PRF_BY_DEFAULT[request.mode] if request.prf is None else request.prf
        explain["prf"] = bool(use_prf and vector is not None)
        if use_prf and vector is not None:
            feedback = self._rank_files(scores, filters, prf.FEEDBACK_FILES, excluded)
            if feedback:
                ids = [chunk_id for _, (_, chunk_id) in feedback]
                vectors = np.concatenate([v for _, v in self.store.catalog.iter_vectors(ids)])
                expanded = prf.rocchio(vector, vectors)
                dense = self.dense_vector(expanded, limit, allowed)
                scores = self._fuse(request.mode, dense, lexical)
                rows = self.store.catalog.files_by_ids(f for f, _ in feedback)
                explain["feedback"] = [
                    {"path": rows[f].display_path, "chunk_id": c, "score": round(s, 6)}
                    for f, (s, c) in feedback
                    if f in rows
                ]
                if request.describe_expansion:
                    passages = self.store.catalog.chunks_by_ids(ids).values()
                    explain["expansion_terms"] = expansion_terms(
                        self.store.catalog,
                        (p.text for p in passages),
                        terms,
                        len(self.store.vectors),
                    )
        ranked = self._rank_files(scores, filters, request.k, excluded)
        return SearchResponse(self._hits(ranked, terms), explain)

    def similar(self, path: str, k: int = 10, filters: Filters | None = None) -> list[SearchHit]:
        """Files most like ``path`` ("more like this"): the centroid of its chunk vectors."""
        vectors = self._file_vectors([path])
        if vectors is None:
            raise LookupError(f"{path} is not in the index")
        centroid = prf.rocchio(vectors.mean(axis=0), None)
        dense = self.dense_vector(centroid, FILTERED_CANDIDATES)
        ranked = self._rank_files(dict(dense), (filters or Filters()).normalised(), k, {path})
        return self._hits(ranked, [])

    # -- helpers ----------------------------------------------------------------------

    @staticmethod
    def _fuse(mode: str, dense: Ranked, lexical: Ranked) -> dict[int, float]:
        if mode == "dense":
            return dict(dense)
        if mode == "lexical":
            return dict(lexical)
        return score_fusion(dense, lexical, dense_weight=DENSE_WEIGHT)

    def _rank_files(
        self, chunk_scores: dict[int, float], filters: Filters, k: int, excluded: set[str]
    ) -> list[tuple[int, tuple[float, int]]]:
        """Best (score, chunk id) per file, filtered, best first: [(file id, (score, chunk))]."""
        catalog = self.store.catalog
        chunk_file = catalog.chunk_files(chunk_scores)
        best: dict[int, tuple[float, int]] = {}
        for chunk_id, score in chunk_scores.items():
            file_id = chunk_file.get(chunk_id)
            if file_id is None:
                continue  # removed since the vector index was loaded
            if file_id not in best or score > best[file_id][0]:
                best[file_id] = (score, chunk_id)
        ordered = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))
        if not filters.active() and not excluded:
            return ordered[:k]  # no file rows needed to decide
        files = catalog.files_by_ids(best)

        def keep(row: FileRow | None) -> bool:
            return row is not None and filters.accepts(row) and row.path not in excluded

        return [item for item in ordered if keep(files.get(item[0]))][:k]

    def _hits(
        self, ranked: list[tuple[int, tuple[float, int]]], terms: list[str]
    ) -> list[SearchHit]:
        catalog = self.store.catalog
        files = catalog.files_by_ids(f for f, _ in ranked)
        chunks = catalog.chunks_by_ids(chunk_id for _, (_, chunk_id) in ranked)
        hits: list[SearchHit] = []
        for file_id, (score, chunk_id) in ranked:
            row, chunk = files.get(file_id), chunks.get(chunk_id)
            if row is None or chunk is None:
                continue
            snippet = make_snippet(chunk.text, terms)
            modified = (
                datetime.fromtimestamp(row.mtime_ns / 1e9).isoformat(timespec="seconds")
                if row.mtime_ns
                else None
            )
            hits.append(
                SearchHit(
                    path=row.path,
                    display_path=row.display_path,
                    title=row.title,
                    kind=row.kind,
                    score=round(score, 6),
                    snippet=snippet.text,
                    highlights=snippet.highlights,
                    section=chunk.section,
                    chunk_id=chunk_id,
                    chunk_start=chunk.start + snippet.offset,
                    chunk_end=chunk.end,
                    size=row.size,
                    modified=modified,
                )
            )
        return hits
