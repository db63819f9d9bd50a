"""The usearch vector index: cosine, i8, keyed by chunk id, saved atomically.

The file is handed to usearch only when its size and BLAKE2b checksum are those recorded
in the catalog at the last save: usearch trusts its input (a damaged file can crash it or
feed it wrong vectors), and a file that does not match is rebuilt from the catalog's f16
copies instead (see :meth:`IndexStore.repair`).
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from pathlib import Path
from typing import Protocol

import numpy as np
from usearch.index import Index

from desktop_search.config.private import create_private_file, fsync_dir, private_umask
from desktop_search.storage.checksums import FileDigest, KeySetSum

log = logging.getLogger(__name__)

# i8 measured the same retrieval quality as f16 on SciFact (nDCG@10 0.6482 vs 0.6478,
# benchmarks/encoder.py) at half the memory and disk; the catalog keeps f16 copies, so the
# index can always be rebuilt exactly.
VECTOR_DTYPE = "i8"
# Below this many vectors an exact scan is fast enough and immune to HNSW's weak spot
# (many identical vectors can trap the graph search away from the true neighbours).
EXACT_SEARCH_LIMIT = 20_000
EXPANSION_SEARCH = 128
# A reader may look while the writer saves (record, then rename): it looks again briefly.
READ_ATTEMPTS = 3
READ_RETRY_S = 0.05
_NOT_SAVED_FILE = "it is not the file that was saved (size or checksum differ)"
_REPLACED = "it was replaced while being read"


class DigestLedger(Protocol):
    """Where the vector file's checksum is recorded (the catalog)."""

    def vectors_digest(self) -> FileDigest | None: ...

    def record_vectors_digest(self, digest: FileDigest) -> None: ...


class VectorIndex:
    def __init__(
        self, path: Path, dimensions: int, ledger: DigestLedger, *, read_only: bool = False
    ) -> None:
        self.path = path
        self.dimensions = dimensions
        self.ledger = ledger
        self.read_only = read_only
        self.dirty = False
        # The daemon searches from request threads while its worker writes.
        self._lock = threading.RLock()
        self.index = self._open()

    def _new(self) -> Index:
        return self.built([], np.zeros((0, self.dimensions), dtype=np.float32))

    def _open(self) -> Index:
        """The saved index, or an empty one (marked dirty, so that the next save replaces
        a file that could not be used) when there is none that can be trusted."""
        if not self.path.exists():
            return self._new()
        try:
            index = self._load_verified()
        except (ValueError, RuntimeError, OSError, KeyError) as exc:
            log.warning("vector index %s is unreadable (%s): rebuilding", self.path, exc)
            index = None
        if index is None:
            self.dirty = True
            return self._new()
        return index

    def _load_verified(self) -> Index | None:
        reason = ""
        for attempt in range(READ_ATTEMPTS):
            if attempt:
                time.sleep(READ_RETRY_S)
            expected = self.ledger.vectors_digest()
            if expected is None:
                reason = "no checksum was recorded for it"
                break
            index, reason = self._load_if_matching(expected)
            if index is not None:
                return index
            if reason not in (_NOT_SAVED_FILE, _REPLACED):  # looking again would not help
                break
        log.warning("vector index %s is not used (%s): rebuilding it", self.path, reason)
        return None

    def _load_if_matching(self, expected: FileDigest) -> tuple[Index | None, str]:
        """(the index, "") if the file is the one recorded, else (None, why not)."""
        with self.path.open("rb") as fh:
            opened = os.fstat(fh.fileno())
            if FileDigest.of_stream(fh) != expected:
                return None, _NOT_SAVED_FILE
            meta = Index.metadata(str(self.path))
            if meta is None or int(meta["dimensions"]) != self.dimensions:
                return None, "it has other dimensions"
            index = Index.restore(str(self.path), view=False)
            # The file is only ever replaced, never changed in place: the same inode (held
            # open meanwhile, so not reused) means usearch read the bytes just checked.
            now = os.stat(self.path)
            if (now.st_dev, now.st_ino) != (opened.st_dev, opened.st_ino):
                return None, _REPLACED
        if index is None:
            raise ValueError("usearch could not read the file")
        index.expansion_search = EXPANSION_SEARCH  # type: ignore[misc]  # has a setter
        return index, ""

    def __len__(self) -> int:
        with self._lock:
            return len(self.index)

    def max_key(self) -> int:
        with self._lock:
            if len(self.index) == 0:
                return 0
            return int(np.max(np.asarray(self.index.keys, dtype=np.int64)))

    def keys(self) -> set[int]:
        with self._lock:
            return {int(k) for k in self.index.keys}

    def key_sum(self) -> KeySetSum:
        """The checksum of the key set (compared with the catalog's chunk ids)."""
        with self._lock:
            return KeySetSum.of(np.asarray(self.index.keys, dtype=np.uint64))

    def add(self, keys: list[int], vectors: np.ndarray, *, threads: int = 1) -> None:
        if keys:
            with self._lock:
                self.index.add(np.asarray(keys, dtype=np.uint64), vectors, threads=threads)
                self.dirty = True

    def remove(self, keys: list[int]) -> None:
        if keys:
            with self._lock:
                self.index.remove(np.asarray(keys, dtype=np.uint64))
                self.dirty = True

    def reset(self) -> None:
        with self._lock:
            self.index = self._new()
            self.dirty = True

    def built(self, keys: list[int], vectors: np.ndarray, *, threads: int = 1) -> Index:
        """A new index of ``vectors`` (of any dimensions), built while this one still
        answers searches; :meth:`adopt` puts it in use."""
        index = Index(
            ndim=int(vectors.shape[1]) if len(keys) else self.dimensions,
            metric="cos",
            dtype=VECTOR_DTYPE,
            expansion_search=EXPANSION_SEARCH,
        )
        if keys:
            index.add(np.asarray(keys, dtype=np.uint64), vectors, threads=threads)
        return index

    def adopt(self, index: Index) -> None:
        """Use ``index`` (from :meth:`built`) from now on; saved at the next save."""
        with self._lock:
            self.index = index
            self.dimensions = int(index.ndim)
            self.dirty = True

    def search(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(keys, cosine similarities) of the ``k`` nearest chunks, best first."""
        with self._lock:
            if len(self.index) == 0 or k <= 0:
                return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
            count = min(k, len(self.index))
            exact = len(self.index) <= EXACT_SEARCH_LIMIT
            matches = self.index.search(query.astype(np.float32), count, exact=exact, threads=1)
        keys = np.asarray(matches.keys, dtype=np.int64)
        similarities = 1.0 - np.asarray(matches.distances, dtype=np.float32)
        return keys, similarities

    def save(self) -> None:
        """Write a private temp file, fsync it, record its checksum, then rename it over the
        index file. A kill between the record and the rename leaves a file that does not
        match the record: it is rebuilt at the next open, never loaded."""
        with self._lock:
            if self.read_only or not self.dirty:
                return
            tmp = self.path.with_name(self.path.name + ".tmp")
            with private_umask():
                create_private_file(tmp)
                self.index.save(str(tmp))
            with tmp.open("rb+") as fh:
                os.fsync(fh.fileno())
                digest = FileDigest.of_stream(fh)
            self.ledger.record_vectors_digest(digest)
            os.replace(tmp, self.path)
            fsync_dir(self.path.parent)
            self.dirty = False

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.save()
