"""The vectors of a model being switched to, kept beside the catalog until every chunk has one.

While the index changes model, searches go on with the old model's vectors (the catalog's
and usearch's); the new model's vectors of the same chunks gather here, a slice at a time,
and survive a kill (SQLite, committed per slice). When every chunk has one they replace the
catalog's in one transaction (:meth:`IndexStore.adopt_vectors`) and this file is deleted.

The file is derived and disposable: one written for another model, or one SQLite cannot
read, is deleted and started again (the work is redone, nothing is lost).
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np

from desktop_search.config.private import create_private_file, private_umask

log = logging.getLogger(__name__)

NEXT_VECTORS_FILE = "next-vectors.sqlite3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS vectors (id INTEGER PRIMARY KEY, vector BLOB NOT NULL);
"""
_READ_BATCH = 500


def discard_next_vectors(data_dir: Path) -> None:
    """Delete the file (and SQLite's companions), if any: no model switch is under way."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            (data_dir / (NEXT_VECTORS_FILE + suffix)).unlink()


class NextVectors:
    """Vectors by ``model`` (its identity, e.g. ``name/dimensions``), keyed by chunk id."""

    def __init__(self, data_dir: Path, model: str, dimensions: int) -> None:
        self.path = data_dir / NEXT_VECTORS_FILE
        self.model = model
        self.dimensions = dimensions
        try:
            self._conn = self._open()
        except sqlite3.DatabaseError as exc:
            log.warning("%s is unreadable (%s): starting it again", self.path, exc)
            discard_next_vectors(data_dir)
            self._conn = self._open()

    def _open(self) -> sqlite3.Connection:
        with private_umask():
            create_private_file(self.path)
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.executescript(_SCHEMA)
            row = conn.execute("SELECT value FROM meta WHERE key = 'model'").fetchone()
            if row is None or row[0] != self.model:
                if row is not None:
                    log.info("vectors of %s set aside for %s: starting again", row[0], self.model)
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("DELETE FROM vectors")
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('model', ?)", (self.model,))
                conn.execute("COMMIT")
            conn.execute("SELECT COUNT(*) FROM vectors").fetchone()  # readable?
        except BaseException:
            conn.close()
            raise
        return conn

    def ids(self) -> set[int]:
        return {int(r[0]) for r in self._conn.execute("SELECT id FROM vectors")}

    def add(self, ids: list[int], vectors: np.ndarray) -> None:
        """Store one slice, committed at once (a kill loses at most the slice in hand)."""
        blobs = vectors.astype(np.float16)
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            self._conn.executemany(
                "INSERT OR REPLACE INTO vectors (id, vector) VALUES (?, ?)",
                [(i, v.tobytes()) for i, v in zip(ids, blobs, strict=True)],
            )
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def read(self, ids: Iterable[int]) -> Iterator[tuple[list[int], np.ndarray]]:
        """(ids, float32 vectors) of those of ``ids`` held here, in batches, in id order."""
        wanted = sorted(set(ids))
        for start in range(0, len(wanted), _READ_BATCH):
            part = wanted[start : start + _READ_BATCH]
            marks = ",".join("?" * len(part))
            rows = self._conn.execute(
                f"SELECT id, vector FROM vectors WHERE id IN ({marks}) ORDER BY id", part
            ).fetchall()
            if rows:
                found = [int(r[0]) for r in rows]
                array = np.frombuffer(b"".join(bytes(r[1]) for r in rows), dtype=np.float16)
                yield found, array.reshape(len(rows), self.dimensions).astype(np.float32)

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._conn.close()
