"""Query latency through the real search service at 10k, 100k and 1M chunks.

The index is the product's own (SQLite catalog + FTS5 + usearch, written through
``IndexStore``); its content is synthetic but shaped like real data: each chunk is a real
document of a BEIR corpus (its first ~150 words) with a tenth of its words replaced by
words drawn from the corpus's word distribution, so real queries meet realistic
posting-list lengths; its vector is the real encoder's vector of that document plus
noise, so the vector index sees realistic clustered geometry.
Queries are the collection's real queries, run through ``SearchService.run`` with the
default options (hybrid + PRF), encoding included.

    python benchmarks/latency.py [--sizes 10000,100000,1000000] [--queries 300] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import beir, machine
from desktop_search.config.paths import default_model_dir
from desktop_search.embedding.encoder import Encoder
from desktop_search.search.service import SearchRequest, SearchService
from desktop_search.search.terms import words
from desktop_search.storage.catalog import NewChunk, NewFile
from desktop_search.storage.store import IndexStore

CHUNKS_PER_FILE = 10
WORDS_PER_CHUNK = 150
SEED_DOCS = 1500


def rss_mb() -> float:
    status = Path("/proc/self/status")
    if not status.exists():
        return 0.0
    for line in status.read_text(encoding="utf-8").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def folder_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.iterdir() if f.is_file()) / 1e6


class SyntheticCorpus:
    def __init__(self, collection: beir.Collection, encoder: Encoder, seed: int = 7) -> None:
        self.rng = np.random.default_rng(seed)
        counts: Counter[str] = Counter()
        self.documents: list[list[str]] = []
        texts = []
        for title, text in list(collection.corpus.values())[:SEED_DOCS]:
            tokens = [w for _, _, w in words(f"{title} {text}")]
            counts.update(tokens)
            self.documents.append(tokens[:WORDS_PER_CHUNK])
            texts.append(f"{title}. {text}")
        self.vocabulary = np.array(list(counts))
        frequencies = np.array([counts[w] for w in self.vocabulary], dtype=np.float64)
        self.probabilities = frequencies / frequencies.sum()
        self.seeds = encoder.encode(texts)

    def chunks(self, count: int) -> tuple[list[str], np.ndarray]:
        """(texts, vectors) of ``count`` synthetic chunks."""
        sources = self.rng.integers(0, len(self.documents), size=count)
        texts = []
        for source in sources:
            tokens = list(self.documents[source])
            swaps = self.rng.random(len(tokens)) < 0.1
            replacements = self.rng.choice(
                len(self.vocabulary), size=int(swaps.sum()), p=self.probabilities
            )
            for position, word in zip(np.flatnonzero(swaps), replacements, strict=True):
                tokens[position] = str(self.vocabulary[word])
            texts.append(" ".join(tokens))
        base = self.seeds[sources]
        noisy = base + self.rng.normal(scale=0.35 / np.sqrt(base.shape[1]), size=base.shape)
        vectors: np.ndarray = (noisy / np.linalg.norm(noisy, axis=1, keepdims=True)).astype(
            np.float32
        )
        return texts, vectors


def build(data_dir: Path, corpus: SyntheticCorpus, encoder: Encoder, chunks: int) -> float:
    started = time.monotonic()
    store = IndexStore(data_dir, model_name=encoder.name, dimensions=encoder.dimensions)
    batch_files = 500
    made = 0
    file_number = 0
    while made < chunks:
        count = min(batch_files * CHUNKS_PER_FILE, chunks - made)
        texts, vectors = corpus.chunks(count)
        for start in range(0, count, CHUNKS_PER_FILE):
            part = texts[start : start + CHUNKS_PER_FILE]
            new = [NewChunk(i, i * 1000, i * 1000 + len(t), "", t) for i, t in enumerate(part)]
            path = f"/synthetic/{file_number // 1000}/f{file_number}.txt"
            store.commit_file(
                NewFile(
                    path,
                    "text",
                    f"file {file_number}",
                    1,
                    1,
                    str(file_number),
                    new,
                    vectors[start : start + len(part)],
                )
            )
            file_number += 1
        made += count
        print(
            f"  built {made}/{chunks} chunks ({time.monotonic() - started:.0f} s)",
            file=sys.stderr,
            flush=True,
        )
    store.close()
    return time.monotonic() - started


def measure(data_dir: Path, encoder: Encoder, queries: list[str]) -> dict[str, object]:
    before = rss_mb()
    store = IndexStore(
        data_dir, model_name=encoder.name, dimensions=encoder.dimensions, read_only=True
    )
    service = SearchService(store, encoder)
    loaded = rss_mb()
    chunks = store.catalog.counts()["chunks"]
    options = {
        "default (hybrid+PRF)": ("hybrid", None),
        "hybrid, no PRF": ("hybrid", False),
        "lexical": ("lexical", False),
        "dense": ("dense", False),
    }
    # Steady state, as in a daemon that has been answering for a while: one untimed pass
    # warms the page cache and the term-count cache; the timed pass rotates the order of
    # the modes so that none of them always pays for the others.
    for text in queries:
        service.run(SearchRequest(query=text))
    timings: dict[str, list[float]] = {name: [] for name in options}
    names = list(options)
    for number, text in enumerate(queries):
        for name in names[number % len(names) :] + names[: number % len(names)]:
            mode, prf = options[name]
            started = time.perf_counter()
            service.run(SearchRequest(query=text, mode=mode, prf=prf))  # type: ignore[arg-type]
            timings[name].append((time.perf_counter() - started) * 1000)
    result: dict[str, object] = {"chunks": chunks}
    for name, values in timings.items():
        array = np.array(values)
        result[name] = {f"p{p}": round(float(np.percentile(array, p)), 1) for p in (50, 95, 99)}
    result["memory_mb"] = round(loaded - before, 1)
    result["memory_bytes_per_chunk"] = round((loaded - before) * 1e6 / max(1, chunks))
    result["disk_mb"] = round(folder_mb(data_dir), 1)
    result["disk_bytes_per_chunk"] = round(folder_mb(data_dir) * 1e6 / max(1, chunks))
    service.close()
    store.close()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--data", type=Path, default=beir.SCIFACT, help="BEIR collection")
    parser.add_argument("--work-dir", type=Path, help="keep (and reuse) the indexes here")
    parser.add_argument("--threads", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    collection = beir.load(args.data)
    encoder = Encoder(default_model_dir(), threads=args.threads)
    queries = list(collection.judged_queries().values())[: args.queries]
    corpus = SyntheticCorpus(collection, encoder)
    work = args.work_dir or Path(tempfile.mkdtemp(prefix="ds-latency-"))
    report: dict[str, object] = {
        "queries": len(queries),
        "threads": args.threads,
        "machine": machine.describe(),
        "sizes": {},
    }
    for size in (int(s) for s in args.sizes.split(",")):
        data_dir = work / f"chunks-{size}"
        build_seconds = None
        if not (data_dir / "catalog.sqlite3").exists():
            build_seconds = round(build(data_dir, corpus, encoder, size), 1)
        figures = measure(data_dir, encoder, queries)
        figures["build_seconds"] = build_seconds
        report["sizes"][str(size)] = figures  # type: ignore[index]
        if not args.json:
            print(f"{size} chunks: " + json.dumps(figures), flush=True)
    if args.work_dir is None:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
