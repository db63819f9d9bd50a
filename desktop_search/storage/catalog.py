"""The SQLite catalog: folders, files, chunks and the FTS5 keyword index.

One writer connection per process does every write inside :meth:`Catalog.transaction`
(``BEGIN IMMEDIATE``); nothing outside ``storage/`` touches a connection.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from desktop_search.storage.schema import migrate

CATALOG_FILE = "catalog.sqlite3"


def encode_path(path: str | os.PathLike[str]) -> bytes:
    """The file system's own bytes for a path: any name survives, even non-UTF-8."""
    return os.fsencode(os.fspath(path))


def decode_path(raw: bytes) -> str:
    return os.fsdecode(raw)


def display_path(raw: bytes) -> str:
    return raw.decode("utf-8", errors="replace")


def clean_text(text: str) -> str:
    """Text safe for a TEXT column: lone surrogates (from odd file names) become U+FFFD."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return (
            text.encode("utf-8", "surrogateescape")
            .decode("utf-8", "replace")
            .encode("utf-8", "replace")
            .decode("utf-8")
        )


@dataclass(frozen=True)
class FileState:
    id: int
    size: int | None
    mtime_ns: int | None
    content_hash: str | None
    status: str


@dataclass(frozen=True)
class FileRow:
    id: int
    path: str
    display_path: str
    ext: str
    kind: str
    title: str
    size: int | None
    mtime_ns: int | None
    status: str
    error: str | None
    chunk_count: int


@dataclass(frozen=True)
class ChunkRow:
    id: int
    file_id: int
    ordinal: int
    start: int
    end: int
    section: str
    text: str


@dataclass(frozen=True)
class NewChunk:
    ordinal: int
    start: int
    end: int
    section: str
    text: str


@dataclass(frozen=True)
class NewFile:
    """A file's freshly extracted content, ready to replace what the index holds for it."""

    path: str
    kind: str
    title: str
    size: int
    mtime_ns: int
    content_hash: str
    chunks: Sequence[NewChunk]
    vectors: np.ndarray


_FILE_COLUMNS = (
    "id, path, display_path, ext, kind, title, size, mtime_ns, status, error, chunk_count"
)


def _file_row(row: Sequence[Any]) -> FileRow:
    raw = bytes(row[1])
    return FileRow(
        id=int(row[0]),
        path=decode_path(raw),
        display_path=str(row[2]),
        ext=str(row[3]),
        kind=str(row[4]),
        title=str(row[5]),
        size=None if row[6] is None else int(row[6]),
        mtime_ns=None if row[7] is None else int(row[7]),
        status=str(row[8]),
        error=None if row[9] is None else str(row[9]),
        chunk_count=int(row[10]),
    )


class Catalog:
    def __init__(self, data_dir: Path, *, read_only: bool = False) -> None:
        self.path = data_dir / CATALOG_FILE
        self.read_only = read_only
        # One connection per thread (SQLite connections are not shared between threads);
        # all of them are remembered so that close() closes every one.
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._connections_lock = threading.Lock()
        # A reader of an index that does not exist yet sees an empty one, creating nothing.
        self._empty = read_only and not self.path.exists()
        if read_only and not self._empty:
            # An index written by an older version is brought up to date even by a reader
            # (a short write); the daemon, when running, has done it already.
            with contextlib.closing(sqlite3.connect(self.path, timeout=30.0)) as upgrade:
                upgrade.isolation_level = None
                migrate(upgrade)
        conn = self._connect()
        if not read_only:
            migrate(conn)

    def _connect(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None:
            return conn
        target = ":memory:" if self._empty else self.path
        conn = sqlite3.connect(target, isolation_level=None, timeout=30.0, check_same_thread=False)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 30000")
        if self._empty:
            migrate(conn)
        if self.read_only:
            conn.execute("PRAGMA query_only = ON")
        self._local.conn = conn
        with self._connections_lock:
            self._connections.append(conn)
        return conn

    @property
    def conn(self) -> sqlite3.Connection:
        return self._connect()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def close(self) -> None:
        """Close every thread's connection; call when no other thread is using the catalog."""
        with self._connections_lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
        self._local = threading.local()

    # -- meta -------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, conn: sqlite3.Connection, key: str, value: str) -> None:
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    # -- folders ----------------------------------------------------------------------

    def add_folder(self, path: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO folders (path, added_at) VALUES (?, ?)",
                (encode_path(path), time.time()),
            )

    def folders(self) -> list[str]:
        rows = self.conn.execute("SELECT path FROM folders ORDER BY path").fetchall()
        return [decode_path(bytes(r[0])) for r in rows]

    # -- files ------------------------------------------------------------------------

    def file_state(self, path: str) -> FileState | None:
        row = self.conn.execute(
            "SELECT id, size, mtime_ns, content_hash, status FROM files WHERE path = ?",
            (encode_path(path),),
        ).fetchone()
        if row is None:
            return None
        return FileState(int(row[0]), row[1], row[2], row[3], str(row[4]))

    def _under_clause(self, roots: Iterable[str]) -> tuple[str, list[bytes]]:
        """SQL matching paths equal to or below any root (a range scan on the path index)."""
        clauses, params = [], []
        for root in roots:
            raw = encode_path(root).rstrip(b"/") or b"/"
            clauses.append("(path = ? OR (path >= ? AND path < ?))")
            params += [raw, raw.rstrip(b"/") + b"/", raw.rstrip(b"/") + b"0"]  # '0' follows '/'
        return " OR ".join(clauses) or "0", params

    def file_states_under(
        self, roots: Iterable[str]
    ) -> dict[bytes, tuple[int | None, int | None, str]]:
        """path bytes -> (size, mtime_ns, status) for the files at or below ``roots``."""
        where, params = self._under_clause(roots)
        return {
            bytes(r[0]): (r[1], r[2], str(r[3]))
            for r in self.conn.execute(
                f"SELECT path, size, mtime_ns, status FROM files WHERE {where}", params
            )
        }

    def paths_under(self, roots: Iterable[str]) -> list[str]:
        where, params = self._under_clause(roots)
        return [
            decode_path(bytes(r[0]))
            for r in self.conn.execute(f"SELECT path FROM files WHERE {where}", params)
        ]

    def mark_pending(self, paths: Iterable[str]) -> None:
        """Record files that are about to be (re)indexed; mtime NULL means 'not in sync'."""
        with self.transaction() as conn:
            for path in paths:
                raw = encode_path(path)
                conn.execute(
                    "INSERT INTO files (path, display_path, ext, status) "
                    "VALUES (?, ?, ?, 'pending') "
                    "ON CONFLICT (path) DO UPDATE SET mtime_ns = NULL, status = "
                    "CASE WHEN status = 'failed' THEN 'pending' ELSE status END",
                    (raw, display_path(raw), Path(path).suffix.lower()),
                )

    def _ensure_file(self, conn: sqlite3.Connection, path: str) -> int:
        raw = encode_path(path)
        conn.execute(
            "INSERT OR IGNORE INTO files (path, display_path, ext, status) "
            "VALUES (?, ?, ?, 'pending')",
            (raw, display_path(raw), Path(path).suffix.lower()),
        )
        return int(conn.execute("SELECT id FROM files WHERE path = ?", (raw,)).fetchone()[0])

    def _drop_chunks(self, conn: sqlite3.Connection, file_id: int) -> list[int]:
        ids = [
            int(r[0]) for r in conn.execute("SELECT id FROM chunks WHERE file_id = ?", (file_id,))
        ]
        if ids:
            conn.executemany("DELETE FROM chunk_fts WHERE rowid = ?", [(i,) for i in ids])
            conn.execute("DELETE FROM chunks WHERE file_id = ?", (file_id,))
        return ids

    def replace_file_chunks(
        self, conn: sqlite3.Connection, new: NewFile
    ) -> tuple[list[int], list[int]]:
        """Store a file's new chunks in place of its old ones. Returns (removed, added) ids."""
        file_id = self._ensure_file(conn, new.path)
        removed = self._drop_chunks(conn, file_id)
        added: list[int] = []
        blobs = new.vectors.astype(np.float16)
        for chunk, vector in zip(new.chunks, blobs, strict=True):
            cursor = conn.execute(
                "INSERT INTO chunks (file_id, ordinal, start, end, section, vector) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    file_id,
                    chunk.ordinal,
                    chunk.start,
                    chunk.end,
                    clean_text(chunk.section),
                    vector.tobytes(),
                ),
            )
            chunk_id = int(cursor.lastrowid or 0)
            conn.execute(
                "INSERT INTO chunk_fts (rowid, title, body) VALUES (?, ?, ?)",
                (chunk_id, clean_text(new.title), clean_text(chunk.text)),
            )
            added.append(chunk_id)
        conn.execute(
            "UPDATE files SET kind = ?, title = ?, size = ?, mtime_ns = ?, content_hash = ?, "
            "status = 'indexed', error = NULL, chunk_count = ?, indexed_at = ? WHERE id = ?",
            (
                new.kind,
                clean_text(new.title),
                new.size,
                new.mtime_ns,
                new.content_hash,
                len(new.chunks),
                time.time(),
                file_id,
            ),
        )
        return removed, added

    def touch_file(self, conn: sqlite3.Connection, path: str, *, size: int, mtime_ns: int) -> None:
        """Content unchanged (same hash): bring size and mtime back in sync, nothing else."""
        conn.execute(
            "UPDATE files SET size = ?, mtime_ns = ?, status = 'indexed' WHERE path = ?",
            (size, mtime_ns, encode_path(path)),
        )

    def mark_failed(
        self,
        conn: sqlite3.Connection,
        path: str,
        reason: str,
        *,
        size: int | None,
        mtime_ns: int | None,
    ) -> list[int]:
        """Record why a file could not be indexed; its old chunks go. Returns removed ids."""
        file_id = self._ensure_file(conn, path)
        removed = self._drop_chunks(conn, file_id)
        conn.execute(
            "UPDATE files SET status = 'failed', error = ?, size = ?, mtime_ns = ?, "
            "content_hash = NULL, chunk_count = 0, indexed_at = ? WHERE id = ?",
            (clean_text(reason), size, mtime_ns, time.time(), file_id),
        )
        return removed

    def remove_file(self, conn: sqlite3.Connection, path: str) -> list[int]:
        row = conn.execute("SELECT id FROM files WHERE path = ?", (encode_path(path),)).fetchone()
        if row is None:
            return []
        removed = self._drop_chunks(conn, int(row[0]))
        conn.execute("DELETE FROM files WHERE id = ?", (int(row[0]),))
        return removed

    def files_by_ids(self, ids: Iterable[int]) -> dict[int, FileRow]:
        id_list = sorted(set(ids))
        result: dict[int, FileRow] = {}
        for start in range(0, len(id_list), 500):
            part = id_list[start : start + 500]
            marks = ",".join("?" * len(part))
            for row in self.conn.execute(
                f"SELECT {_FILE_COLUMNS} FROM files WHERE id IN ({marks})", part
            ):
                file_row = _file_row(row)
                result[file_row.id] = file_row
        return result

    def file_by_path(self, path: str) -> FileRow | None:
        row = self.conn.execute(
            f"SELECT {_FILE_COLUMNS} FROM files WHERE path = ?", (encode_path(path),)
        ).fetchone()
        return None if row is None else _file_row(row)

    def failures(self) -> list[FileRow]:
        return [
            _file_row(r)
            for r in self.conn.execute(
                f"SELECT {_FILE_COLUMNS} FROM files WHERE status = 'failed' ORDER BY display_path"
            )
        ]

    def counts(self) -> dict[str, int]:
        counts = {"indexed": 0, "pending": 0, "failed": 0}
        for status, count in self.conn.execute(
            "SELECT status, COUNT(*) FROM files GROUP BY status"
        ):
            counts[str(status)] = int(count)
        counts["chunks"] = int(self.conn.execute("SELECT COUNT(*) FROM chunks").fetchone()[0])
        return counts

    # -- chunks -----------------------------------------------------------------------

    def chunk_key_summary(self) -> tuple[int, int]:
        count, max_id = self.conn.execute("SELECT COUNT(*), MAX(id) FROM chunks").fetchone()
        return int(count), int(max_id or 0)

    def chunk_ids(self) -> set[int]:
        return {int(r[0]) for r in self.conn.execute("SELECT id FROM chunks")}

    def iter_vectors(
        self, ids: Iterable[int] | None = None, batch: int = 4096
    ) -> Iterator[tuple[list[int], np.ndarray]]:
        """(ids, float32 vectors) in batches, from the vectors the catalog keeps."""
        if ids is None:
            cursor = self.conn.execute("SELECT id, vector FROM chunks ORDER BY id")
            rows_iter: Iterator[Sequence[Any]] = iter(cursor)
        else:
            id_list = sorted(ids)

            def fetch() -> Iterator[Sequence[Any]]:
                for start in range(0, len(id_list), 500):
                    part = id_list[start : start + 500]
                    marks = ",".join("?" * len(part))
                    yield from self.conn.execute(
                        f"SELECT id, vector FROM chunks WHERE id IN ({marks})", part
                    )

            rows_iter = fetch()
        keys: list[int] = []
        blobs: list[bytes] = []
        for row in rows_iter:
            keys.append(int(row[0]))
            blobs.append(bytes(row[1]))
            if len(keys) >= batch:
                yield keys, _blobs_to_array(blobs)
                keys, blobs = [], []
        if keys:
            yield keys, _blobs_to_array(blobs)

    def chunks_by_ids(self, ids: Iterable[int]) -> dict[int, ChunkRow]:
        id_list = sorted(set(ids))
        result: dict[int, ChunkRow] = {}
        for start in range(0, len(id_list), 500):
            part = id_list[start : start + 500]
            marks = ",".join("?" * len(part))
            for row in self.conn.execute(
                "SELECT c.id, c.file_id, c.ordinal, c.start, c.end, c.section, f.body "
                f"FROM chunks c JOIN chunk_fts f ON f.rowid = c.id WHERE c.id IN ({marks})",
                part,
            ):
                result[int(row[0])] = ChunkRow(
                    int(row[0]),
                    int(row[1]),
                    int(row[2]),
                    int(row[3]),
                    int(row[4]),
                    str(row[5]),
                    str(row[6]),
                )
        return result

    def chunk_ids_of_file(self, file_id: int) -> list[int]:
        return [
            int(r[0])
            for r in self.conn.execute(
                "SELECT id FROM chunks WHERE file_id = ? ORDER BY ordinal", (file_id,)
            )
        ]

    def chunk_files(self, ids: Iterable[int]) -> dict[int, int]:
        """chunk id -> file id."""
        id_list = sorted(set(ids))
        result: dict[int, int] = {}
        for start in range(0, len(id_list), 500):
            part = id_list[start : start + 500]
            marks = ",".join("?" * len(part))
            for chunk_id, file_id in self.conn.execute(
                f"SELECT id, file_id FROM chunks WHERE id IN ({marks})", part
            ):
                result[int(chunk_id)] = int(file_id)
        return result

    def term_doc_counts(self, terms: Iterable[str], cap: int) -> dict[str, int]:
        """How many chunks hold each term, counted up to ``cap`` + 1 (FTS5 stops there, so
        a common term costs no more than a rare one)."""
        counts: dict[str, int] = {}
        for term in terms:
            row = self.conn.execute(
                "SELECT COUNT(*) FROM (SELECT rowid FROM chunk_fts WHERE chunk_fts MATCH ? "
                "LIMIT ?)",
                ('"' + term.replace('"', '""') + '"', cap + 1),
            ).fetchone()
            counts[term] = int(row[0])
        return counts

    def max_chunk_id(self) -> int:
        row = self.conn.execute("SELECT MAX(id) FROM chunks").fetchone()
        return int(row[0] or 0)

    def bm25(self, match: str, limit: int) -> list[tuple[int, float]]:
        """(chunk id, score) for an FTS5 MATCH expression, best first; higher is better."""
        rows = self.conn.execute(
            "SELECT rowid, -rank FROM chunk_fts WHERE chunk_fts MATCH ? ORDER BY rank LIMIT ?",
            (match, limit),
        ).fetchall()
        return [(int(r[0]), float(r[1])) for r in rows]


def _blobs_to_array(blobs: list[bytes]) -> np.ndarray:
    return (
        np.frombuffer(b"".join(blobs), dtype=np.float16).reshape(len(blobs), -1).astype(np.float32)
    )
