"""Compare fusion and PRF variants on an index built by ``quality.py --index-dir``.

Fetches each query's dense and BM25 chunk lists once through the real search service,
then scores the variants offline. This is how the defaults in ``search/`` were chosen:
from flat regions of these tables and standard values, not from the single best cell.

    python benchmarks/fusion_study.py INDEX_DIR [DATA_DIR]
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import beir
from benchmarks.quality import file_name
from desktop_search.engine import Engine
from desktop_search.search import fusion
from desktop_search.search.terms import query_terms

Ranked = list[tuple[int, float]]
Fuse = Callable[[Ranked, Ranked], dict[int, float]]


def to_docs(
    scores: dict[int, float], chunk_doc: dict[int, str], k: int = 100, share: float = 0.0
) -> list[str]:
    """Files ranked by their best chunk plus ``share`` of their second best."""
    per_doc: dict[str, list[float]] = {}
    for chunk, score in scores.items():
        doc = chunk_doc.get(chunk)
        if doc is not None:
            per_doc.setdefault(doc, []).append(score)
    best: dict[str, float] = {}
    for doc, values in per_doc.items():
        values.sort(reverse=True)
        best[doc] = values[0] + (share * values[1] if len(values) > 1 else 0.0)
    return sorted(best, key=lambda d: -best[d])[:k]


def _zscores(ranked: Ranked) -> dict[int, float]:
    if not ranked:
        return {}
    values = np.array([s for _, s in ranked])
    spread = float(values.std()) or 1.0
    return {k: (s - float(values.mean())) / spread for k, s in ranked}


def zscore_fusion(dense: Ranked, lexical: Ranked, w: float) -> dict[int, float]:
    d, lx = _zscores(dense), _zscores(lexical)
    floor_d = min(d.values(), default=0.0)
    floor_l = min(lx.values(), default=0.0)
    return {k: w * d.get(k, floor_d) + (1 - w) * lx.get(k, floor_l) for k in d.keys() | lx.keys()}


def max_scaled_fusion(dense: Ranked, lexical: Ranked, w: float) -> dict[int, float]:
    top = max((s for _, s in lexical), default=1.0) or 1.0
    d = dict(dense)
    lx = {k: s / top for k, s in lexical}
    return {k: w * d.get(k, 0.0) + (1 - w) * lx.get(k, 0.0) for k in d.keys() | lx.keys()}


def expansion_terms(query: str, texts: list[str], n: int) -> list[str]:
    from desktop_search.search.terms import STOPWORDS, light_stem, words

    asked = {light_stem(t) for t in query_terms(query)}
    weights: dict[str, float] = {}
    for text in texts:
        tokens = [w for _, _, w in words(text) if len(w) > 2 and w.isalpha() and w not in STOPWORDS]
        for token in tokens:
            if light_stem(token) not in asked:
                weights[token] = weights.get(token, 0.0) + 1.0 / max(1, len(tokens))
    return sorted(weights, key=lambda t: -weights[t])[:n]


def combine(first: Ranked, second: Ranked, weight: float) -> Ranked:
    a, b = fusion.minmax(first), fusion.minmax(second)
    merged = {k: a.get(k, 0.0) + weight * b.get(k, 0.0) for k in a.keys() | b.keys()}
    return sorted(merged.items(), key=lambda kv: -kv[1])


def minmax_fn(w: float) -> Fuse:
    return lambda d, lx: fusion.score_fusion(d, lx, dense_weight=w)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("index_dir", type=Path)
    parser.add_argument("data_dir", nargs="?", type=Path, default=beir.SCIFACT)
    parser.add_argument("--depth", type=int, default=200)
    parser.add_argument("--quick", action="store_true", help="only the chosen variants")
    args = parser.parse_args()
    collection = beir.load(args.data_dir)
    names = {file_name(d): d for d in collection.corpus}
    queries = collection.judged_queries()
    with Engine(args.index_dir / "data", read_only=True) as engine:
        service, catalog = engine.search, engine.store.catalog
        cache: dict[str, tuple[np.ndarray, Ranked, Ranked]] = {}
        for qid, text in queries.items():
            qvec = engine.encoder.encode_query(text)
            keys, sims = engine.store.vectors.search(qvec, args.depth)
            dense = [(int(k), float(s)) for k, s in zip(keys, sims, strict=True)]
            lexical = service.lexical(query_terms(text), args.depth)
            cache[qid] = (qvec, dense, lexical)
        all_chunks = {c for _, d, lx in cache.values() for c, _ in d + lx}
        chunk_file = catalog.chunk_files(all_chunks)
        file_rows = catalog.files_by_ids(set(chunk_file.values()))
        chunk_doc = {c: names.get(Path(file_rows[f].path).name, "") for c, f in chunk_file.items()}

        def evaluate(
            fuse: Fuse,
            prf: tuple[int, float] | None = None,
            share: float = 0.0,
            weighted: bool = False,
            rm3: tuple[int, float] | None = None,
            complete: bool = False,
        ) -> float:
            run = {}
            for qid, (qvec, dense, lexical) in cache.items():
                if complete:
                    dense = completed(qvec, dense, lexical)
                scores = fuse(dense, lexical)
                if prf is not None:
                    top_n, beta = prf
                    top_docs: list[int] = []
                    seen: set[str] = set()
                    for chunk in sorted(scores, key=lambda c: -scores[c]):
                        doc = chunk_doc.get(chunk, "")
                        if doc not in seen:
                            seen.add(doc)
                            top_docs.append(chunk)
                        if len(top_docs) == top_n:
                            break
                    vecs = np.concatenate([v for _, v in catalog.iter_vectors(sorted(top_docs))])
                    if weighted:
                        order = sorted(top_docs)
                        w = np.array([scores[c] for c in order], dtype=np.float32)
                        centroid = (vecs * (w / w.sum())[:, None]).sum(axis=0)
                    else:
                        centroid = vecs.mean(axis=0)
                    expanded = qvec + beta * centroid
                    expanded /= np.linalg.norm(expanded)
                    keys, sims = engine.store.vectors.search(expanded, args.depth)
                    dense2 = [(int(k), float(s)) for k, s in zip(keys, sims, strict=True)]
                    if complete:
                        dense2 = completed(expanded, dense2, lexical)
                    if rm3 is not None:
                        n_terms, weight = rm3
                        texts = [c.text for c in catalog.chunks_by_ids(top_docs).values()]
                        added = expansion_terms(queries[qid], texts, n_terms)
                        extra = service.lexical(added, args.depth)
                        lexical = combine(lexical, extra, weight)
                    scores = fuse(dense2, lexical)
                run[qid] = to_docs(scores, chunk_doc, share=share)
            return beir.evaluate(run, collection.qrels)["ndcg@10"]

        def completed(vector: np.ndarray, dense: Ranked, lexical: Ranked) -> Ranked:
            """Exact cosine for the BM25 candidates the dense list lacks."""
            have = {c for c, _ in dense}
            extra = [c for c, _ in lexical if c not in have]
            more: Ranked = []
            for ids, vecs in catalog.iter_vectors(extra):
                more.extend((c, float(s)) for c, s in zip(ids, vecs @ vector, strict=True))
            return dense + more

        print("COMPLETE minmax 0.5", evaluate(minmax_fn(0.5), complete=True))
        print(
            "COMPLETE max-scaled 0.5",
            evaluate(functools.partial(max_scaled_fusion, w=0.5), complete=True),
        )
        for top_n in (3, 5):
            print(
                f"COMPLETE minmax 0.5 + PRF top{top_n} 0.75",
                evaluate(minmax_fn(0.5), (top_n, 0.75), complete=True),
            )
            print(
                f"COMPLETE max-scaled 0.5 + PRF top{top_n} 0.75",
                evaluate(functools.partial(max_scaled_fusion, w=0.5), (top_n, 0.75), complete=True),
            )
        for w in (0.4, 0.6):
            print(
                f"COMPLETE minmax {w} + PRF top3 0.75",
                evaluate(minmax_fn(w), (3, 0.75), complete=True),
            )
        if args.quick:
            return 0

        def minmax(w: float) -> Fuse:
            return lambda d, lx: fusion.score_fusion(d, lx, dense_weight=w)

        def rrf(d: Ranked, lx: Ranked) -> dict[int, float]:
            return fusion.reciprocal_rank_fusion(d, lx)

        print("dense only", evaluate(lambda d, lx: dict(d)))
        print("lexical only", evaluate(lambda d, lx: dict(lx)))
        print("rrf k=60", evaluate(rrf))
        for w in (0.3, 0.4, 0.5, 0.6, 0.7):
            print(f"minmax w={w}", evaluate(minmax(w)))
        for w in (0.3, 0.5, 0.7):
            print(f"zscore w={w}", evaluate(functools.partial(zscore_fusion, w=w)))
            print(f"max-scaled w={w}", evaluate(functools.partial(max_scaled_fusion, w=w)))
        for top_n in (3, 5, 10):
            for beta in (0.5, 1.0, 2.0):
                print(
                    f"minmax w=0.5 + dense PRF top{top_n} beta={beta}",
                    evaluate(minmax(0.5), (top_n, beta)),
                )
        print("rrf + dense PRF top5 beta=1.0", evaluate(rrf, (5, 1.0)))
        for top_n in (2, 3, 4):
            print(f"minmax w=0.5 + PRF top{top_n} beta=0.75", evaluate(minmax(0.5), (top_n, 0.75)))
        print(
            "minmax w=0.5 + PRF top3 beta=0.75 weighted",
            evaluate(minmax(0.5), (3, 0.75), weighted=True),
        )
        for top_n in (3, 5):
            print(
                f"dense + PRF top{top_n} beta=0.75", evaluate(lambda d, lx: dict(d), (top_n, 0.75))
            )
        for n_terms in (5, 10, 20):
            for weight in (0.2, 0.5):
                print(
                    f"PRF top3 0.75 + RM3 {n_terms} terms weight {weight}",
                    evaluate(minmax(0.5), (3, 0.75), rm3=(n_terms, weight)),
                )
        for share in (0.1, 0.2, 0.3, 0.5):
            print(
                f"aggregation best+{share}*next: hybrid",
                evaluate(minmax(0.5), share=share),
                "with PRF top3 0.75",
                evaluate(minmax(0.5), (3, 0.75), share=share),
                "dense",
                evaluate(lambda d, lx: dict(d), share=share),
                "lexical",
                evaluate(lambda d, lx: dict(lx), share=share),
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
