"""Encoder benchmark: the shipped int8 ONNX encoder against sentence-transformers fp32.

Both encode the same texts in the same run (throughput ratio), and both are scored on a
BEIR collection by dense retrieval (nDCG@10, exact cosine). Also compares the usearch
index stored as f16 and as i8 on the int8 vectors (HNSW search, as the product runs it).

Needs the build extra (torch, sentence-transformers):
    python benchmarks/encoder.py [DATA_DIR] [--limit N] [--threads T] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import beir, machine
from desktop_search.config.paths import default_model_dir
from desktop_search.embedding.encoder import Encoder


def dense_run(
    doc_ids: list[str],
    doc_vecs: np.ndarray,
    query_ids: list[str],
    query_vecs: np.ndarray,
    k: int = 100,
) -> dict[str, list[str]]:
    scores = query_vecs @ doc_vecs.T
    top = np.argsort(-scores, axis=1)[:, :k]
    return {qid: [doc_ids[j] for j in row] for qid, row in zip(query_ids, top, strict=True)}


def usearch_run(
    dtype: str,
    doc_vecs: np.ndarray,
    doc_ids: list[str],
    query_ids: list[str],
    query_vecs: np.ndarray,
    k: int = 100,
) -> dict[str, list[str]]:
    from usearch.index import Index

    index = Index(ndim=doc_vecs.shape[1], metric="cos", dtype=dtype, expansion_search=128)
    index.add(np.arange(len(doc_ids), dtype=np.uint64), doc_vecs)
    matches = index.search(query_vecs, k)
    return {qid: [doc_ids[int(j)] for j in matches.keys[i]] for i, qid in enumerate(query_ids)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=beir.SCIFACT)
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    import torch
    from sentence_transformers import SentenceTransformer

    from desktop_search.embedding.export import default_source_model

    torch.set_num_threads(args.threads)
    collection = beir.load(args.data_dir)
    doc_ids = list(collection.corpus)[: args.limit or None]
    texts = [
        f"{t}. {x}".strip(". ") if t else x for t, x in (collection.corpus[d] for d in doc_ids)
    ]
    queries = collection.judged_queries()
    query_ids, query_texts = list(queries), list(queries.values())

    reference = SentenceTransformer(str(default_source_model()), device="cpu")
    encoder = Encoder(default_model_dir(), threads=args.threads)
    reference.encode(texts[:32])
    encoder.encode(texts[:32])

    started = time.perf_counter()
    ref_docs = reference.encode(texts, batch_size=32, normalize_embeddings=True)
    ref_seconds = time.perf_counter() - started
    started = time.perf_counter()
    int8_docs = encoder.encode(texts)
    int8_seconds = time.perf_counter() - started

    ref_queries = reference.encode(query_texts, normalize_embeddings=True)
    int8_queries = encoder.encode_queries(query_texts)
    cosines = (np.asarray(ref_docs) * int8_docs).sum(axis=1)
    fp32 = beir.evaluate(
        dense_run(doc_ids, np.asarray(ref_docs), query_ids, ref_queries), collection.qrels
    )
    int8 = beir.evaluate(dense_run(doc_ids, int8_docs, query_ids, int8_queries), collection.qrels)
    index_dtypes = {
        dtype: beir.evaluate(
            usearch_run(dtype, int8_docs, doc_ids, query_ids, int8_queries), collection.qrels
        )
        for dtype in ("f16", "i8")
    }
    result = {
        "collection": args.data_dir.name,
        "docs": len(texts),
        "threads": args.threads,
        "fp32_texts_per_s": round(len(texts) / ref_seconds, 1),
        "int8_texts_per_s": round(len(texts) / int8_seconds, 1),
        "speedup": round(ref_seconds / int8_seconds, 2),
        "cosine_int8_vs_fp32": {
            "mean": round(float(cosines.mean()), 4),
            "min": round(float(cosines.min()), 4),
        },
        "fp32": fp32,
        "int8": int8,
        "ndcg@10_delta": round(int8["ndcg@10"] - fp32["ndcg@10"], 4),
        "usearch_dtype": index_dtypes,
        "machine": machine.describe(),
    }
    if not args.json:
        print(f"{len(texts)} texts, {args.threads} threads")
        print(
            f"sentence-transformers fp32: {result['fp32_texts_per_s']} texts/s, "
            f"nDCG@10 {fp32['ndcg@10']}"
        )
        print(
            f"shipped int8 ONNX:          {result['int8_texts_per_s']} texts/s, "
            f"nDCG@10 {int8['ndcg@10']}"
        )
        print(f"speedup {result['speedup']}x, nDCG@10 delta {result['ndcg@10_delta']}")
        for dtype, scores in index_dtypes.items():
            print(
                f"usearch {dtype} (HNSW): nDCG@10 {scores['ndcg@10']}, "
                f"recall@100 {scores['recall@100']}"
            )
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
