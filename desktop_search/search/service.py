"""The search service: query -> dense + BM25 -> fusion -> PRF -> files with snippets."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from typing import Any, Literal

import numpy as np

from desktop_search.embedding.encoder import Encoder
from desktop_search.language import detect
from desktop_search.search import prf, relevance
from desktop_search.search.expansion import expansion_terms
from desktop_search.search.filters import Filters
from desktop_search.search.fusion import NO_KEYWORDS, CosineScale, KeywordEvidence, hybrid_scores
from desktop_search.search.known_words import KnownWords
from desktop_search.search.lexical import LexicalSearcher, QueryWord
from desktop_search.search.query_syntax import contains_phrase, merge_filters, parse_query
from desktop_search.search.snippets import make_snippet
from desktop_search.search.spelling import Corrections, SpellingCorrector
from desktop_search.search.terms import query_terms
from desktop_search.storage.catalog import FileRow
from desktop_search.storage.store import IndexStore

log = logging.getLogger(__name__)

Mode = Literal["hybrid", "dense", "lexical"]
MODES: tuple[Mode, ...] = ("hybrid", "dense", "lexical")

# Chunks taken from each of the dense and BM25 lists. A fixed depth (not a multiple of k)
# keeps the fused ranking the same whatever number of results is asked for.
CANDIDATES = 200
REACH_DEPTH = 10  # the dense side's best chunks whose languages tell the keywords' reach
FILTERED_CANDIDATES = 1000
PHRASE_CANDIDATES = 2000
NAMED_CANDIDATES = 1000  # files whose names hold a query word, looked at for known items
# Measured (benchmarks/fusion_study.py): PRF hurts dense alone on every collection, whose
# feedback set is noisier; in hybrid mode it runs only on a confident first pass.
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
    file_id: int = 0
    match: relevance.Match = "weak"  # how well it matches, in words (relevance.py)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        del data["file_id"]
        data["path"] = self.display_path
        data["highlights"] = [list(h) for h in self.highlights]
        return data


@dataclass
class SearchRequest:
    query: str
    k: int = 10
    mode: Mode = "hybrid"
    filters: Filters = field(default_factory=Filters)
    prf: bool | None = None  # None: the mode's default, where the first pass is confident
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
        self.speller = SpellingCorrector(store.catalog, words=KnownWords(encoder.whole_words()))
        self.background = relevance.Background(store.catalog)
        self.scale = CosineScale.of(encoder.manifest.raw)
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
        words: list[QueryWord],
        limit: int,
        allowed: set[int] | None = None,
        explain: dict[str, Any] | None = None,
    ) -> KeywordEvidence:
        if not words:
            return NO_KEYWORDS
        result = self.bm25.search(words, limit)
        if explain is not None:
            explain["keyword_terms"] = result.plan.used
            explain["left_out_common_terms"] = result.plan.left_out
        evidence = result.evidence
        if allowed is None:
            return evidence
        kept = {c: s for c, s in evidence.scores.items() if c in allowed}
        return replace(evidence, scores=kept)

    def _phrase_chunks(self, phrases: list[str]) -> set[int]:
        """Chunks whose text contains every phrase (FTS5 finds candidates, text confirms)."""
        expression = self.bm25.phrase_match(phrases)  # each phrase analysed as the index is
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
        corrections = self.speller.correct(terms) if request.mode != "dense" else None
        words = self._query_words(terms, corrections)
        if corrections is not None and corrections.replaced:
            explain["corrected"] = corrections.replaced
        keyword_job = (
            self._keyword_worker.submit(self.lexical, words, limit, allowed, explain)
            if request.mode != "dense"
            else None
        )
        # The encoder reads the query as typed: its sub-word vocabulary copes with typos, and
        # a wrong correction would move the whole query vector, not one keyword.
        vector = self.encoder.encode_query(text) if request.mode != "lexical" else None
        query_vector = vector
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
        keywords = keyword_job.result() if keyword_job is not None else NO_KEYWORDS
        explain["keyword_coverage"] = round(keywords.coverage, 4)
        dense = self.dense_vector(vector, limit, allowed) if vector is not None else []
        if request.mode == "hybrid" and keywords.scores:
            keywords = self._blind_sides(keywords, text, dense)
            explain["keyword_reach"] = round(keywords.reach, 4)
            explain["keyword_weight"] = round(keywords.weight(), 4)
        scores = self._fuse(request.mode, vector, dense, keywords)

        # By default, feedback only from a first pass that is sure of itself: its keyword
        # side holds most of the query, so its best files agree with both sides. Asked for
        # (prf=True), it always runs.
        confident = keywords.coverage >= prf.MIN_KEYWORD_COVERAGE
        wanted = PRF_BY_DEFAULT[request.mode] and confident if request.prf is None else request.prf
        use_prf = wanted and vector is not None
        explain["prf"] = use_prf
        if use_prf and vector is not None:
            feedback = self._rank_files(scores, filters, prf.FEEDBACK_FILES, excluded)
            if feedback:
                ids = [chunk_id for _, (_, chunk_id) in feedback]
                vectors = np.concatenate([v for _, v in self.store.catalog.iter_vectors(ids)])
                vector = prf.rocchio(vector, vectors)
                dense = self.dense_vector(vector, limit, allowed)
                scores = self._fuse(request.mode, vector, dense, keywords)
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
        named: set[int] = set()
        if request.mode == "hybrid" and words and query_vector is not None:
            named = self._named_files(words, query_vector, scores, allowed)
            if named:
                explain["named_files"] = len(named)
        ranked = self._rank_files(scores, filters, request.k, excluded, first=named)
        hits = self._hits(ranked, [f for w in words for f in w.forms])
        if query_vector is not None:
            self._label(hits, query_vector, words, named)
        return SearchResponse(hits, explain)

    def _blind_sides(self, keywords: KeywordEvidence, text: str, dense: Ranked) -> KeywordEvidence:
        """The keyword side as far as each side can see: when the encoder cannot read the
        query's language, partial keyword matches no longer fade; when the dense side's
        best chunks are in other languages than the query, the keywords (which cannot match
        them) count for the share they can match. A query whose language is not told, or
        not one the index holds, changes nothing."""
        language = detect.query_language(text)
        if not language:
            return keywords
        if not self.encoder.reads(language):
            return replace(keywords, fade=False)
        if language not in {held for held, _ in self.store.catalog.languages()}:
            return keywords
        best = self.store.catalog.chunks_by_ids(c for c, _ in dense[:REACH_DEPTH]).values()
        languages = [chunk.language for chunk in best]
        if not languages:
            return keywords
        readable = sum(1 for found in languages if found in (language, ""))
        return replace(keywords, reach=readable / len(languages))

    @staticmethod
    def _query_words(terms: list[str], corrections: Corrections | None) -> list[QueryWord]:
        replaced = corrections.replaced if corrections is not None else {}
        return [QueryWord((t, replaced[t])) if t in replaced else QueryWord.plain(t) for t in terms]

    def _named_files(
        self,
        words: list[QueryWord],
        vector: np.ndarray,
        scores: dict[int, float],
        allowed: set[int] | None,
    ) -> set[int]:
        """Files whose name or folders hold every word of the query (a known-item search):
        they come first. Each gets its best chunk into ``scores`` if it has none there."""
        catalog = self.store.catalog
        forms = [f for w in words for f in w.forms]
        # Every word must be in the path, so the candidates are the files holding the
        # rarest word; a word in more paths than that (a home folder's name) is never read.
        counts = catalog.name_doc_counts(forms, cap=NAMED_CANDIDATES)
        rarest = min(words, key=lambda w: sum(counts.get(f, 0) for f in w.forms))
        if not 0 < sum(counts.get(f, 0) for f in rarest.forms) <= NAMED_CANDIDATES:
            return set()
        found = [f for f, _ in catalog.name_matches(list(rarest.forms), NAMED_CANDIDATES)]
        if not found:
            return set()
        held = catalog.name_coverage(found, forms)
        named = {
            f for f in found if all(any(x in held.get(f, set()) for x in w.forms) for w in words)
        }
        if not named:
            return set()
        # a named file the searches did not reach is scored by its chunks' cosines
        reached = set(catalog.chunk_files(scores).values())
        unscored = [
            c
            for c in catalog.chunk_ids_of_files(named - reached)
            if allowed is None or c in allowed
        ]
        for ids, vectors in catalog.iter_vectors(unscored):
            scores.update(zip(ids, (float(s) for s in vectors @ vector), strict=True))
        return named

    def _label(
        self, hits: list[SearchHit], vector: np.ndarray, words: list[QueryWord], named: set[int]
    ) -> None:
        """Each hit's readable match label (strong / partial / weak)."""
        if not hits:
            return
        mean, spread = self.background.standing(vector)
        catalog = self.store.catalog
        cosines = {
            c: float(s)
            for ids, vectors in catalog.iter_vectors(sorted({h.chunk_id for h in hits}))
            for c, s in zip(ids, vectors @ vector, strict=True)
        }
        held = self.bm25.words_held(catalog.chunk_search_texts(cosines), words)
        for hit in hits:
            evidence = relevance.Evidence(
                standing=(cosines.get(hit.chunk_id, mean) - mean) / spread,
                words_held=held.get(hit.chunk_id, 0.0),
                named=hit.file_id in named,
            )
            hit.match = relevance.label(evidence)

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

    def _fuse(
        self, mode: str, vector: np.ndarray | None, dense: Ranked, keywords: KeywordEvidence
    ) -> dict[int, float]:
        if mode == "lexical":
            return dict(keywords.scores)
        if mode == "dense" or vector is None:
            return dict(dense)
        cosines = dict(dense)
        # a keyword candidate the dense list missed still has a cosine: read it exactly
        missing = sorted(keywords.scores.keys() - cosines.keys())
        for ids, vectors in self.store.catalog.iter_vectors(missing):
            cosines.update(zip(ids, (float(s) for s in vectors @ vector), strict=True))
        return hybrid_scores(cosines, keywords, self.scale)

    def _rank_files(
        self,
        chunk_scores: dict[int, float],
        filters: Filters,
        k: int,
        excluded: set[str],
        *,
        first: AbstractSet[int] = frozenset(),
    ) -> list[tuple[int, tuple[float, int]]]:
        """Best (score, chunk id) per file, filtered, best first: [(file id, (score, chunk))];
        the files of ``first`` (named by the query) before all others."""
        catalog = self.store.catalog
        chunk_file = catalog.chunk_files(chunk_scores)
        best: dict[int, tuple[float, int]] = {}
        for chunk_id, score in chunk_scores.items():
            file_id = chunk_file.get(chunk_id)
            if file_id is None:
                continue  # removed since the vector index was loaded
            if file_id not in best or score > best[file_id][0]:
                best[file_id] = (score, chunk_id)
        ordered = sorted(
            best.items(), key=lambda item: (item[0] not in first, -item[1][0], item[0])
        )
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
            snippet = make_snippet(chunk.text, terms, language=chunk.language)
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
                    file_id=file_id,
                )
            )
        return hits
