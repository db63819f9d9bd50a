"""The search service: query -> dense + BM25 -> fusion -> files with snippets."""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Literal

from desktop_search.embedding.encoder import Encoder
from desktop_search.search.filters import Filters
from desktop_search.search.fusion import score_fusion
from desktop_search.search.snippets import make_snippet
from desktop_search.search.terms import fts_match_expression, query_terms
from desktop_search.storage.store import IndexStore

log = logging.getLogger(__name__)

Mode = Literal["hybrid", "dense", "lexical"]
MODES: tuple[Mode, ...] = ("hybrid", "dense", "lexical")

CANDIDATES = 100
FILTERED_CANDIDATES = 1000
DENSE_WEIGHT = 0.5


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


class SearchService:
    def __init__(self, store: IndexStore, encoder: Encoder) -> None:
        self.store = store
        self.encoder = encoder

    def dense(self, query: str, limit: int) -> list[tuple[int, float]]:
        vector = self.encoder.encode_query(query)
        keys, sims = self.store.vectors.search(vector, limit)
        return [(int(k), float(s)) for k, s in zip(keys, sims, strict=True)]

    def lexical(self, terms: list[str], limit: int) -> list[tuple[int, float]]:
        if not terms:
            return []
        return self.store.catalog.bm25(fts_match_expression(terms), limit)

    def search(self, request: SearchRequest) -> list[SearchHit]:
        query = request.query.strip()
        if not query:
            return []
        filters = request.filters.normalised()
        limit = FILTERED_CANDIDATES if filters.active() else max(CANDIDATES, request.k * 5)
        terms = query_terms(query)
        dense = self.dense(query, limit) if request.mode != "lexical" else []
        lexical = self.lexical(terms, limit) if request.mode != "dense" else []
        if request.mode == "dense":
            chunk_scores = dict(dense)
        elif request.mode == "lexical":
            chunk_scores = dict(lexical)
        else:
            chunk_scores = score_fusion(dense, lexical, dense_weight=DENSE_WEIGHT)
        return self._group(chunk_scores, terms, filters, request.k)

    def _group(
        self, chunk_scores: dict[int, float], terms: list[str], filters: Filters, k: int
    ) -> list[SearchHit]:
        catalog = self.store.catalog
        chunk_file = catalog.chunk_files(chunk_scores)
        best: dict[int, tuple[float, int]] = {}  # file id -> (score, best chunk id)
        for chunk_id, score in chunk_scores.items():
            file_id = chunk_file.get(chunk_id)
            if file_id is None:
                continue  # removed since the vector index was loaded
            if file_id not in best or score > best[file_id][0]:
                best[file_id] = (score, chunk_id)
        files = catalog.files_by_ids(best)
        ranked = sorted(
            (item for item in best.items() if item[0] in files and filters.accepts(files[item[0]])),
            key=lambda item: (-item[1][0], files[item[0]].display_path),
        )[:k]
        chunks = catalog.chunks_by_ids(chunk_id for _, (_, chunk_id) in ranked)
        hits: list[SearchHit] = []
        for file_id, (score, chunk_id) in ranked:
            row, chunk = files[file_id], chunks.get(chunk_id)
            if chunk is None:
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
