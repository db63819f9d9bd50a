"""The usearch vector index: cosine, f16, keyed by chunk id, saved atomically."""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

import numpy as np
from usearch.index import Index

log = logging.getLogger(__name__)

# f16 keeps recall identical to f32 at half the memory; i8 was measured too (see
# docs/benchmarks.md) and costs recall for a saving that matters little beside the text.
VECTOR_DTYPE = "f16"


def fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class VectorIndex:
    def __init__(self, path: Path, dimensions: int, *, read_only: bool = False) -> None:
        self.path = path
        self.dimensions = dimensions
        self.read_only = read_only
        self.dirty = False
        self.index = self._open()

    def _new(self) -> Index:
        return Index(ndim=self.dimensions, metric="cos", dtype=VECTOR_DTYPE)

    def _open(self) -> Index:
        if not self.path.exists():
            return self._new()
        try:
            meta = Index.metadata(str(self.path))
            if meta is None or int(meta["dimensions"]) != self.dimensions:
                log.warning("vector index %s has other dimensions: rebuilding", self.path)
                return self._new()
            index = Index.restore(str(self.path), view=False)
            if index is None:
                raise ValueError("usearch could not read the file")
            return index
        except (ValueError, RuntimeError, OSError, KeyError) as exc:
            log.warning("vector index %s is unreadable (%s): rebuilding", self.path, exc)
            return self._new()

    def __len__(self) -> int:
        return len(self.index)

    def max_key(self) -> int:
        if len(self.index) == 0:
            return 0
        return int(np.max(np.asarray(self.index.keys, dtype=np.int64)))

    def keys(self) -> set[int]:
        return {int(k) for k in self.index.keys}

    def add(self, keys: list[int], vectors: np.ndarray) -> None:
        if keys:
            self.index.add(np.asarray(keys, dtype=np.uint64), vectors, threads=1)
            self.dirty = True

    def remove(self, keys: list[int]) -> None:
        if keys:
            self.index.remove(np.asarray(keys, dtype=np.uint64))
            self.dirty = True

    def reset(self) -> None:
        self.index = self._new()
        self.dirty = True

    def search(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(keys, cosine similarities) of the ``k`` nearest chunks, best first."""
        if len(self.index) == 0 or k <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        matches = self.index.search(query.astype(np.float32), min(k, len(self.index)))
        keys = np.asarray(matches.keys, dtype=np.int64)
        similarities = 1.0 - np.asarray(matches.distances, dtype=np.float32)
        return keys, similarities

    def save(self) -> None:
        """Write to a temp file, fsync it, then atomically replace the index file."""
        if self.read_only or not self.dirty:
            return
        tmp = self.path.with_name(self.path.name + ".tmp")
        self.index.save(str(tmp))
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)
        fsync_dir(self.path.parent)
        self.dirty = False

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.save()
