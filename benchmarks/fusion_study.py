"""Compare fusion variants offline on indexes built by the quality benchmarks.

For each judged query, reads once through the real search code: the cosine of every chunk
(the collections are small enough to score exactly) and the keyword evidence of the real
:class:`~desktop_search.search.lexical.LexicalSearcher` (BM25 scores, the query's IDF
reference, its coverage). Then scores fusion variants without searching again, so a
constant can be chosen on one collection and checked on the others:

    python benchmarks/quality.py ../shared/data/scifact --index-dir /tmp/qidx/scifact
    python benchmarks/personal_quality.py --folder /tmp/qidx/personal/Documents \\
        --data-dir /tmp/qidx/personal/data
    python benchmarks/fusion_study.py /tmp/qidx/scifact:../shared/data/scifact \\
        /tmp/qidx/personal

An argument ``DIR:DATA`` is a BEIR index (``DIR/data``, ``DIR/docs``) and its collection;
a bare ``DIR`` is the personal folder (``DIR/data``, ``DIR/Documents``), scored by top-1
accuracy over all its queries and over the paraphrases; BEIR by nDCG@10.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import beir
from benchmarks.personal_folder import build
from benchmarks.quality import file_name
from desktop_search.engine import Engine
from desktop_search.search.fusion import KeywordEvidence
from desktop_search.search.lexical import QueryWord
from desktop_search.search.terms import query_terms

CANDIDATES = 200


@dataclass
class Query:
    cosines: np.ndarray  # one per chunk, in the collection's chunk order
    keywords: KeywordEvidence
    relevant: dict[str, int]
    kind: str


@dataclass
class Collection:
    name: str
    docs: list[str]  # per chunk
    position: dict[int, int]  # chunk id -> row
    queries: list[Query]
    personal: bool


Fuse = Callable[[Collection, Query], np.ndarray]


def load(
    engine: Engine,
    name: str,
    judged: list[tuple[str, dict[str, int], str]],
    doc_of: Callable[[str], str],
    personal: bool,
) -> Collection:
    catalog = engine.store.catalog
    rows = catalog.conn.execute(
        "SELECT c.id, f.display_path FROM chunks c JOIN files f ON f.id = c.file_id ORDER BY c.id"
    ).fetchall()
    ids = [int(r[0]) for r in rows]
    matrix = np.concatenate([v for _, v in catalog.iter_vectors(ids)])
    queries = []
    for text, relevant, kind in judged:
        vector = engine.encoder.encode_query(text)
        words = [QueryWord.plain(t) for t in query_terms(text)]
        evidence = engine.search.bm25.search(words, CANDIDATES).evidence
        queries.append(Query(matrix @ vector, evidence, relevant, kind))
    return Collection(
        name,
        [doc_of(str(r[1])) for r in rows],
        {c: i for i, c in enumerate(ids)},
        queries,
        personal,
    )


def ranked_docs(collection: Collection, scores: np.ndarray, k: int = 100) -> list[str]:
    seen: dict[str, None] = {}
    for row in np.argsort(-scores, kind="stable"):
        if not np.isfinite(scores[row]):
            break
        seen.setdefault(collection.docs[row])
        if len(seen) == k:
            break
    return list(seen)


def keyword_array(collection: Collection, query: Query, strength: bool) -> np.ndarray:
    values = np.zeros(len(collection.docs))
    for chunk, score in query.keywords.scores.items():
        row = collection.position[chunk]
        values[row] = query.keywords.strength(chunk) if strength else score
    return values


def absolute(weight: float, power: float) -> Fuse:
    """The product's fusion with other constants."""

    def fuse(collection: Collection, query: Query) -> np.ndarray:
        bonus = weight * query.keywords.coverage**power
        scores: np.ndarray = query.cosines + bonus * keyword_array(collection, query, True)
        return scores

    return fuse


def minmax(dense_weight: float = 0.5) -> Fuse:
    """The fusion before #11: min-max within each side's top 200, absent counts as 0."""

    def fuse(collection: Collection, query: Query) -> np.ndarray:
        cos = query.cosines
        top = np.argsort(-cos)[:CANDIDATES]
        out = np.full(len(cos), -np.inf)
        dense = np.zeros(len(cos))
        low, high = cos[top].min(), cos[top].max()
        dense[top] = (cos[top] - low) / max(high - low, 1e-12)
        keywords = keyword_array(collection, query, False)
        hit = keywords > 0
        if hit.any():
            k_low, k_high = keywords[hit].min(), keywords[hit].max()
            keywords[hit] = (keywords[hit] - k_low) / (k_high - k_low) if k_high > k_low else 1.0
        present = hit.copy()
        present[top] = True
        out[present] = dense_weight * dense[present] + (1 - dense_weight) * keywords[present]
        return out

    return fuse


def dense_only(collection: Collection, query: Query) -> np.ndarray:
    return query.cosines


def keywords_only(collection: Collection, query: Query) -> np.ndarray:
    values = keyword_array(collection, query, False)
    return np.where(values > 0, values, -np.inf)


def evaluate(collection: Collection, fuse: Fuse) -> str:
    if collection.personal:
        top1: dict[str, list[float]] = {}
        for query in collection.queries:
            first = ranked_docs(collection, fuse(collection, query), 1)
            hit = 1.0 if first and first[0] in query.relevant else 0.0
            for group in ("all", query.kind):
                top1.setdefault(group, []).append(hit)
        return " ".join(
            f"{g} {sum(v) / len(v):.3f}" for g, v in top1.items() if g in ("all", "paraphrase")
        )
    run = {
        str(i): ranked_docs(collection, fuse(collection, q))
        for i, q in enumerate(collection.queries)
    }
    qrels = {str(i): q.relevant for i, q in enumerate(collection.queries)}
    return f"{beir.evaluate(run, qrels)['ndcg@10']:.4f}"


def open_collection(spec: str) -> tuple[Engine, Collection]:
    if ":" in spec:
        index, data = (Path(p) for p in spec.split(":", 1))
        collection = beir.load(data)
        names = {file_name(d): d for d in collection.corpus}
        judged = [
            (text, collection.qrels[qid], "beir")
            for qid, text in collection.judged_queries().items()
        ]
        engine = Engine(index / "data", read_only=True)
        return engine, load(engine, data.name, judged, lambda p: names.get(Path(p).name, ""), False)
    root = Path(spec)
    folder = (root / "Documents").resolve()
    judged = [(q.text, dict.fromkeys(q.relevant, 1), q.kind) for q in build(folder)]
    prefix = str(folder) + "/"
    engine = Engine(root / "data", read_only=True)
    return engine, load(engine, "personal", judged, lambda p: p.removeprefix(prefix), True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("collections", nargs="+", help="DIR:DATA (BEIR) or DIR (personal)")
    args = parser.parse_args()
    variants: dict[str, Fuse] = {
        "dense": dense_only,
        "keywords": keywords_only,
        "min-max 0.5 (before #11)": minmax(0.5),
    }
    for weight in (0.5, 1.0, 1.5, 2.0, 3.0):
        for power in (0.0, 1.0, 2.0, 3.0):
            variants[f"absolute w={weight} coverage^{power:g}"] = absolute(weight, power)
    opened = [open_collection(spec) for spec in args.collections]
    try:
        for name, fuse in variants.items():
            cells = [f"{c.name}: {evaluate(c, fuse)}" for _, c in opened]
            print(f"{name:34s} " + " | ".join(cells), flush=True)
    finally:
        for engine, _ in opened:
            engine.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
