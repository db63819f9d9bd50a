"""Small real indexes for the storage tests: random unit vectors, known chunk ids."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from desktop_search.storage.catalog import NewChunk, NewFile
from desktop_search.storage.store import IndexStore

REPO = Path(__file__).resolve().parents[2]
DIMS = 8
MODEL = "m"


def open_store(data_dir: Path, model: str = MODEL, *, read_only: bool = False) -> IndexStore:
    return IndexStore(data_dir, model_name=model, dimensions=DIMS, read_only=read_only)


def unit_vectors(n: int, seed: int, dims: int = DIMS) -> np.ndarray:
    rng = np.random.default_rng(seed)
    v = rng.normal(size=(n, dims)).astype(np.float32)
    normalised: np.ndarray = v / np.linalg.norm(v, axis=1, keepdims=True)
    return normalised


def add_file(
    store: IndexStore, path: str, texts: list[str], seed: int = 0, vectors: np.ndarray | None = None
) -> list[int]:
    """Commit a file's chunks; returns their new chunk ids, in order."""
    chunks = [NewChunk(i, 0, len(t), "", t) for i, t in enumerate(texts)]
    if vectors is None:
        vectors = unit_vectors(len(texts), seed, store.vectors.dimensions)
    store.commit_file(NewFile(path, "text", Path(path).name, 1, 1, f"h{seed}", chunks, vectors))
    row = store.catalog.file_by_path(path)
    assert row is not None
    return store.catalog.chunk_ids_of_file(row.id)


@dataclass
class BuiltIndex:
    """What a test index holds: each chunk id with the vector it was stored with."""

    ids: list[int]
    vectors: np.ndarray


def build_index(
    data_dir: Path, *, files: int = 20, chunks_per_file: int = 5, seed: int = 0
) -> BuiltIndex:
    """An index of ``files`` files, saved and closed cleanly."""
    store = open_store(data_dir)
    ids: list[int] = []
    parts = []
    for number in range(files):
        vectors = unit_vectors(chunks_per_file, seed=seed + number)
        texts = [f"file{number} chunk{i} alpha" for i in range(chunks_per_file)]
        ids += add_file(store, f"/docs/f{number}.txt", texts, vectors=vectors)
        parts.append(vectors)
    store.close()
    return BuiltIndex(ids, np.concatenate(parts))


def probe_in_subprocess(
    data_dir: Path, built: BuiltIndex, *, read_only: bool, prefix: Sequence[str] = ()
) -> dict[str, Any]:
    """Open the index in a fresh process (a crash there fails the test, not pytest) and
    search each stored vector: the probe reports the top key of each, and counts.
    ``prefix`` runs the process through another command (setpriv)."""
    result = subprocess.run(
        [
            *prefix,
            sys.executable,
            "-m",
            "tests.storage.probe_store",
            str(data_dir),
            str(DIMS),
            "reader" if read_only else "writer",
        ],
        input=json.dumps(built.vectors.tolist()),
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, f"exit {result.returncode}: {result.stderr[-3000:]}"
    probe: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    probe["log"] = result.stderr
    return probe
