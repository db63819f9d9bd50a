"""How long opening the index takes at 100k chunks: writer and read-only reader.

Opening checks that the catalog is readable and that the vector file is the one the
catalog recorded (size + BLAKE2b) and holds the catalog's key set; this benchmark prints
what those checks cost, and what a full ``PRAGMA quick_check`` would cost beside them.
The store is the product's own (``IndexStore``), filled with synthetic chunks (random
words, random unit vectors of the shipped model's size); it is built once into
``--dir`` and reused when it is already there.

    python benchmarks/store_open.py [--chunks 100000] [--dir /tmp/store-100k] [--json]
"""

from __future__ import annotations

import argparse
import contextlib
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import machine
from desktop_search.storage.catalog import CATALOG_FILE, NewChunk, NewFile
from desktop_search.storage.store import IndexStore

DIMENSIONS = 384
MODEL = "synthetic"
CHUNKS_PER_FILE = 10
WORDS_PER_CHUNK = 120
OPENS = 5


def build(data_dir: Path, chunks: int) -> None:
    rng = np.random.default_rng(7)
    vocabulary = [f"w{i}" for i in range(20_000)]
    store = IndexStore(data_dir, model_name=MODEL, dimensions=DIMENSIONS)
    for number in range(0, chunks // CHUNKS_PER_FILE):
        texts = [" ".join(rng.choice(vocabulary, WORDS_PER_CHUNK)) for _ in range(CHUNKS_PER_FILE)]
        vectors = rng.normal(size=(CHUNKS_PER_FILE, DIMENSIONS)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        new = [NewChunk(i, 0, len(t), "", t) for i, t in enumerate(texts)]
        store.commit_file(
            NewFile(f"/synthetic/f{number}.txt", "text", "t", 1, 1, str(number), new, vectors)
        )
        if number % 1000 == 999:
            store.save()
            print(f"  built {(number + 1) * CHUNKS_PER_FILE} chunks", file=sys.stderr, flush=True)
    store.close()


def open_seconds(data_dir: Path, *, read_only: bool) -> float:
    times = []
    for _ in range(OPENS):
        started = time.perf_counter()
        store = IndexStore(data_dir, model_name=MODEL, dimensions=DIMENSIONS, read_only=read_only)
        times.append(time.perf_counter() - started)
        store.close()
    return statistics.median(times)


def quick_check_seconds(data_dir: Path) -> float:
    started = time.perf_counter()
    with contextlib.closing(sqlite3.connect(data_dir / CATALOG_FILE)) as conn:
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
    assert result == "ok", result
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, help="keep the built store here (reused if present)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        folder = args.dir or Path(stack.enter_context(tempfile.TemporaryDirectory()))
        data_dir = folder / "data"
        if not (data_dir / CATALOG_FILE).exists():
            build(data_dir, args.chunks)
        size_mb = sum(f.stat().st_size for f in data_dir.iterdir() if f.is_file()) / 1e6
        results: dict[str, object] = {
            "machine": machine.describe(),
            "chunks": args.chunks,
            "data_dir_mb": round(size_mb, 1),
            "open_writer_s": round(open_seconds(data_dir, read_only=False), 3),
            "open_reader_s": round(open_seconds(data_dir, read_only=True), 3),
            "pragma_quick_check_s": round(quick_check_seconds(data_dir), 3),
        }
    machine.print_results(results, as_json=args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
