"""The SQLite catalog: files, chunks, the FTS5 keyword index of their text
(``storage/keyword_index.py``: analysed terms in each chunk's language, the text itself in
``chunk_text``) and the one of file and folder names (``storage/name_index.py``).

Each thread reads on its own connection; every write runs inside
:meth:`Catalog.transaction` (``BEGIN IMMEDIATE``); nothing outside ``storage/`` touches a
connection. Readers open the file read-only and never migrate it.
"""

from __future__ import annotations

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

from desktop_search.language import analyser, detect
from desktop_search.storage import keyword_index, name_index
from desktop_search.storage.catalog_file import (
    connect_reader,
    connect_writer,
    open_reader,
    open_writer,
)
from desktop_search.storage.checksums import FileDigest, KeySetSum
from desktop_search.storage.connections import ThreadConnections
from desktop_search.storage.fts_query import any_of
from desktop_search.storage.schema import migrate, require_current

CATALOG_FILE = "catalog.sqlite3"
VECTORS_DIGEST_KEY = "vectors_file"
# The languages held are read again once the index has grown 2%, or has changed at all
# and they were read 10 s ago (a first German letter in a large English index counts).
LANGUAGES_TOLERANCE = 0.02
LANGUAGES_REREAD_S = 10.0


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
    language: str = ""  # ISO 639-1, '' when it could not be told


@dataclass(frozen=True)
class NewChunk:
    ordinal: int
    start: int
    end: int
    section: str
    text: str
    language: str | None = None  # None: detected when stored


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
    ocr_pending: int = 0  # pages still waiting for the OCR job
    note: str = ""  # what of the file was left out, and why ('' when nothing)


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
    """The catalog of one data dir, opened for writing (migrated, made to read, set aside
    and started afresh when it does not) or read-only (never written, never migrated)."""

    def __init__(self, data_dir: Path, *, read_only: bool = False) -> None:
        self.path = data_dir / CATALOG_FILE
        self.read_only = read_only
        # A reader of an index that does not exist yet (or of an empty file) sees an empty
        # one, in memory, creating nothing.
        self._empty = False
        self._reader_uri = ""
        self._languages_lock = threading.Lock()
        self._languages: list[tuple[str, int]] = []
        self._languages_at = -1  # highest chunk id when they were read
        self._languages_read = 0.0  # time.monotonic() then
        first = self._open_reader() if read_only else self._open_writer()
        self._connections = ThreadConnections(self._connect)
        self._connections.adopt(first)

    def _open_writer(self) -> sqlite3.Connection:
        conn = open_writer(self.path)
        try:
            migrate(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    def _open_reader(self) -> sqlite3.Connection:
        if not self.path.exists():
            self._empty = True
            return self._connect()
        uri, conn, version = open_reader(self.path)
        if version == 0:  # created, never written
            conn.close()
            self._empty = True
            return self._connect()
        try:
            require_current(version, self.path.parent)
        except BaseException:
            conn.close()
            raise
        self._reader_uri = uri
        return conn

    def _connect(self) -> sqlite3.Connection:
        """A new connection for the calling thread."""
        if self._empty:
            conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            migrate(conn)
            conn.execute("PRAGMA query_only = ON")
            return conn
        if self.read_only:
            return connect_reader(self._reader_uri)
        return connect_writer(self.path)

    @property
    def conn(self) -> sqlite3.Connection:
        """This thread's connection (SQLite connections are not shared between threads)."""
        return self._connections.get()

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
        self._connections.close_all()

    # -- meta -------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, conn: sqlite3.Connection, key: str, value: str) -> None:
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def vectors_digest(self) -> FileDigest | None:
        """The size and checksum of the vector file as last saved (None: never recorded)."""
        return FileDigest.decode(self.get_meta(VECTORS_DIGEST_KEY))

    def record_vectors_digest(self, digest: FileDigest) -> None:
        with self.transaction() as conn:
            self.set_meta(conn, VECTORS_DIGEST_KEY, digest.encode())

    def forget_vectors_digest(self, conn: sqlite3.Connection) -> None:
        """The vector file is no longer the catalog's: it is rebuilt at the next open."""
        conn.execute("DELETE FROM meta WHERE key = ?", (VECTORS_DIGEST_KEY,))

    def replace_vectors(
        self, conn: sqlite3.Connection, ids: Sequence[int], vectors: np.ndarray
    ) -> None:
        """Every chunk of ``ids`` gets its row of ``vectors`` (another model's)."""
        blobs = vectors.astype(np.float16)
        conn.executemany(
            "UPDATE chunks SET vector = ? WHERE id = ?",
            [(v.tobytes(), i) for i, v in zip(ids, blobs, strict=True)],
        )

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

    def _insert_file(self, conn: sqlite3.Connection, path: str) -> bool:
        """Add a pending row for ``path`` (and index its name) unless it has one already.
        True if it was added. The only place a file row is inserted."""
        raw = encode_path(path)
        shown = display_path(raw)
        cursor = conn.execute(
            "INSERT OR IGNORE INTO files (path, display_path, ext, status) "
            "VALUES (?, ?, ?, 'pending')",
            (raw, shown, Path(path).suffix.lower()),
        )
        if cursor.rowcount != 1:
            return False
        name_index.add_file_name(conn, int(cursor.lastrowid or 0), shown)
        return True

    def mark_pending(self, paths: Iterable[str]) -> None:
        """Record files that are about to be (re)indexed; mtime NULL means 'not in sync'."""
        with self.transaction() as conn:
            for path in paths:
                known = conn.execute(
                    "UPDATE files SET mtime_ns = NULL, status = "
                    "CASE WHEN status = 'failed' THEN 'pending' ELSE status END "
                    "WHERE path = ?",
                    (encode_path(path),),
                ).rowcount
                if not known:
                    self._insert_file(conn, path)

    def _ensure_file(self, conn: sqlite3.Connection, path: str) -> int:
        self._insert_file(conn, path)
        row = conn.execute("SELECT id FROM files WHERE path = ?", (encode_path(path),)).fetchone()
        return int(row[0])

    def _drop_chunks(self, conn: sqlite3.Connection, file_id: int) -> list[int]:
        ids = [
            int(r[0]) for r in conn.execute("SELECT id FROM chunks WHERE file_id = ?", (file_id,))
        ]
        if ids:
            keyword_index.drop_chunks(conn, ids)
            conn.execute("DELETE FROM chunks WHERE file_id = ?", (file_id,))
        return ids

    def replace_file_chunks(
        self, conn: sqlite3.Connection, new: NewFile
    ) -> tuple[list[int], list[int]]:
        """Store a file's new chunks in place of its old ones (a chunk whose language is
        not given gets the detected one). Returns (removed, added) ids."""
        file_id = self._ensure_file(conn, new.path)
        removed = self._drop_chunks(conn, file_id)
        added: list[int] = []
        blobs = new.vectors.astype(np.float16)
        title = keyword_index.TitleTerms(clean_text(new.title))
        languages: list[str] = []
        for chunk, vector in zip(new.chunks, blobs, strict=True):
            text = clean_text(chunk.text)
            language = detect.chunk_language(text) if chunk.language is None else chunk.language
            cursor = conn.execute(
                "INSERT INTO chunks (file_id, ordinal, start, end, section, vector, language) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    file_id,
                    chunk.ordinal,
                    chunk.start,
                    chunk.end,
                    clean_text(chunk.section),
                    vector.tobytes(),
                    language,
                ),
            )
            chunk_id = int(cursor.lastrowid or 0)
            keyword_index.add_chunk(conn, chunk_id, title, text, language)
            languages.append(language)
            added.append(chunk_id)
        language = keyword_index.majority(languages)
        conn.execute(
            "UPDATE files SET kind = ?, title = ?, size = ?, mtime_ns = ?, content_hash = ?, "
            "status = 'indexed', error = NULL, chunk_count = ?, indexed_at = ?, language = ?, "
            "ocr_pending = ?, note = ? WHERE id = ?",
            (
                new.kind,
                clean_text(new.title),
                new.size,
                new.mtime_ns,
                new.content_hash,
                len(new.chunks),
                time.time(),
                language,
                new.ocr_pending,
                clean_text(new.note),
                file_id,
            ),
        )
        shown = conn.execute("SELECT display_path FROM files WHERE id = ?", (file_id,))
        name_index.set_file_name(
            conn, file_id, str(shown.fetchone()[0]), name_index.languages_of(language)
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
            "content_hash = NULL, chunk_count = 0, indexed_at = ?, ocr_pending = 0, note = '' "
            "WHERE id = ?",
            (clean_text(reason), size, mtime_ns, time.time(), file_id),
        )
        return removed

    def remove_file(self, conn: sqlite3.Connection, path: str) -> list[int]:
        row = conn.execute("SELECT id FROM files WHERE path = ?", (encode_path(path),)).fetchone()
        if row is None:
            return []
        removed = self._drop_chunks(conn, int(row[0]))
        name_index.drop_file_name(conn, int(row[0]))
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

    def notes(self, limit: int) -> tuple[int, list[tuple[str, str]]]:
        """How many indexed files were read only in part, and the first ``limit`` of them
        as (shown path, what was left out and why). Asked by every status poll: the partial
        index holds only the noted files (the planner would pick files_status instead)."""
        count = self.conn.execute(
            "SELECT COUNT(*) FROM files INDEXED BY files_noted "
            "WHERE note != '' AND status = 'indexed'"
        ).fetchone()[0]
        rows = self.conn.execute(
            "SELECT display_path, note FROM files INDEXED BY files_noted "
            "WHERE note != '' AND status = 'indexed' "
            "ORDER BY display_path LIMIT ?",
            (limit,),
        ).fetchall()
        return int(count), [(str(path), str(note)) for path, note in rows]

    def ocr_backlog(self, max_pages: int) -> tuple[int, int]:
        """(files, pages) waiting for the OCR job, which reads at most ``max_pages`` of a
        file."""
        row = self.conn.execute(
            "SELECT COUNT(*), COALESCE(SUM(MIN(ocr_pending, ?)), 0) FROM files "
            "WHERE ocr_pending > 0 AND status = 'indexed'",
            (max_pages,),
        ).fetchone()
        return int(row[0]), int(row[1])

    def next_for_ocr(self) -> str | None:
        """The file the OCR job reads next: the most recently changed one waiting."""
        row = self.conn.execute(
            "SELECT path FROM files WHERE ocr_pending > 0 AND status = 'indexed' "
            "ORDER BY mtime_ns DESC LIMIT 1"
        ).fetchone()
        return None if row is None else decode_path(bytes(row[0]))

    def clear_ocr_pending(self, conn: sqlite3.Connection, path: str) -> None:
        """The OCR job is done with a file (or gave up on it): it is not asked again."""
        conn.execute("UPDATE files SET ocr_pending = 0 WHERE path = ?", (encode_path(path),))

    def file_count(self) -> int:
        """How many files the catalog holds (any status): the N of a file name's IDF."""
        return int(self.conn.execute("SELECT COUNT(*) FROM files").fetchone()[0])

    def counts(self) -> dict[str, int]:
        counts = {"indexed": 0, "pending": 0, "failed": 0}
        for status, count in self.conn.execute(
            "SELECT status, COUNT(*) FROM files GROUP BY status"
        ):
            counts[str(status)] = int(count)
        counts["chunks"] = int(self.conn.execute("SELECT COUNT(*) FROM chunks").fetchone()[0])
        return counts

    # -- chunks -----------------------------------------------------------------------

    def chunk_key_sum(self) -> KeySetSum:
        """The checksum of the set of chunk ids (compared with the vector index's keys)."""
        cursor = self.conn.execute("SELECT id FROM chunks")
        return KeySetSum.of(np.fromiter((row[0] for row in cursor), dtype=np.uint64))

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
                "SELECT c.id, c.file_id, c.ordinal, c.start, c.end, c.section, t.body, "
                f"c.language FROM chunks c JOIN chunk_text t ON t.id = c.id "
                f"WHERE c.id IN ({marks})",
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
                    str(row[7]),
                )
        return result

    def chunk_ids_of_files(self, file_ids: Iterable[int]) -> list[int]:
        """The chunk ids of several files, in one query per 500 files."""
        id_list = sorted(set(file_ids))
        result: list[int] = []
        for start in range(0, len(id_list), 500):
            part = id_list[start : start + 500]
            marks = ",".join("?" * len(part))
            rows = self.conn.execute(f"SELECT id FROM chunks WHERE file_id IN ({marks})", part)
            result.extend(int(r[0]) for r in rows)
        return sorted(result)

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

    def _count(self, match: str, cap: int) -> int:
        row = self.conn.execute(
            "SELECT COUNT(*) FROM (SELECT rowid FROM chunk_fts WHERE chunk_fts MATCH ? LIMIT ?)",
            (match, cap + 1),
        ).fetchone()
        return int(row[0])

    def form_doc_counts(self, forms: Iterable[str], cap: int) -> dict[str, int]:
        """How many chunks hold each analysed form (a term, a phrase of terms, a prefix:
        :func:`desktop_search.language.analyser.word_forms`), counted up to ``cap`` + 1
        (FTS5 stops there, so a common term costs no more than a rare one)."""
        return {form: self._count(any_of([form]), cap) for form in dict.fromkeys(forms)}

    def term_doc_counts(self, terms: Iterable[str], cap: int) -> dict[str, int]:
        """As :meth:`form_doc_counts` for words as typed or read (each in any of its forms
        in the languages the index holds)."""
        languages = self.analysis_languages()
        counts: dict[str, int] = {}
        for term in dict.fromkeys(terms):
            match = any_of(analyser.word_forms(term, languages))
            counts[term] = self._count(match, cap) if match else 0
        return counts

    def chunk_count(self) -> int:
        row = self.conn.execute("SELECT COUNT(*) FROM chunks").fetchone()
        return int(row[0])

    def chunk_search_texts(self, ids: Iterable[int]) -> dict[int, str]:
        """What the keyword index holds for each chunk: the analysed terms of its file's
        title and of its text, space-separated."""
        id_list = sorted(set(ids))
        result: dict[int, str] = {}
        for start in range(0, len(id_list), 500):
            part = id_list[start : start + 500]
            marks = ",".join("?" * len(part))
            for rowid, title, body in self.conn.execute(
                f"SELECT rowid, title, body FROM chunk_fts WHERE rowid IN ({marks})", part
            ):
                result[int(rowid)] = f"{title} {body}"
        return result

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

    # -- the languages held --------------------------------------------------------

    def languages(self) -> list[tuple[str, int]]:
        """(language, chunks in it), most first ('' for the chunks whose language was not
        told). Read again once the index has grown by 2%, or changed 10 s after."""
        newest = self.max_chunk_id()  # ids only grow: a cheap sign of change
        with self._languages_lock:
            moved = abs(newest - self._languages_at)
            stale = time.monotonic() - self._languages_read >= LANGUAGES_REREAD_S
            if moved > LANGUAGES_TOLERANCE * max(self._languages_at, 1) or (moved and stale):
                self._languages = [
                    (str(lang), int(count))
                    for lang, count in self.conn.execute(
                        "SELECT language, COUNT(*) FROM chunks GROUP BY language ORDER BY 2 DESC, 1"
                    )
                ]
                self._languages_at = newest
                self._languages_read = time.monotonic()
            return list(self._languages)

    def analysis_languages(self, query_language: str = "") -> tuple[str, ...]:
        """The languages a query word is analysed in: the index's commonest few, and the
        query's own language if the index holds it at all."""
        return analyser.query_languages(self.languages(), query_language)

    # -- the keyword index's vocabulary (its analysed terms) -------------------------

    def _vocabulary(self) -> sqlite3.Connection:
        """This thread's connection with fts5vocab tables over ``chunk_fts`` in its temp
        schema. They write nothing to the catalog, so a reader lifts query_only to make them."""
        conn = self.conn
        made = conn.execute(
            "SELECT COUNT(*) FROM temp.sqlite_master WHERE name IN ('chunk_terms', 'chunk_term_at')"
        ).fetchone()[0]
        if made != 2:
            query_only = int(conn.execute("PRAGMA query_only").fetchone()[0])
            conn.execute("PRAGMA query_only = OFF")
            try:
                for name, kind in (("chunk_terms", "row"), ("chunk_term_at", "instance")):
                    conn.execute(
                        f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{name} "
                        f"USING fts5vocab(main, chunk_fts, {kind})"
                    )
            finally:
                conn.execute(f"PRAGMA query_only = {query_only}")
        return conn

    def vocabulary_range(self, low: str, high: str) -> list[tuple[str, int]]:
        """(term, chunks holding it) for the index terms from ``low`` up to, not including,
        ``high``. FTS5 reads every posting of those terms to count them: keep it narrow."""
        rows = self._vocabulary().execute(
            "SELECT term, doc FROM temp.chunk_terms WHERE term >= ? AND term < ?", (low, high)
        )
        return [(str(term), int(doc)) for term, doc in rows]

    def texts_with_term(self, term: str, limit: int) -> list[tuple[str, str]]:
        """(text, its chunk's language) of up to ``limit`` chunks holding the index term
        ``term`` in their file's title or their text (the text as written, which gave the
        term); none when no chunk holds it."""
        conn = self._vocabulary()
        places = conn.execute(
            "SELECT DISTINCT doc, col FROM temp.chunk_term_at WHERE term = ? LIMIT ?",
            (term, limit),
        ).fetchall()
        texts: list[tuple[str, str]] = []
        for doc, column in places:
            row = conn.execute(
                "SELECT f.title, t.body, c.language FROM chunks c JOIN files f "
                "ON f.id = c.file_id JOIN chunk_text t ON t.id = c.id WHERE c.id = ?",
                (doc,),
            ).fetchone()
            if row is not None:
                texts.append((str(row[0] if column == "title" else row[1]), str(row[2])))
        return texts

    def matches(self, match: str) -> bool:
        """Whether any chunk matches an FTS5 MATCH expression (FTS5 stops at the first)."""
        row = self.conn.execute(
            "SELECT 1 FROM chunk_fts WHERE chunk_fts MATCH ? LIMIT 1", (match,)
        ).fetchone()
        return row is not None

    # -- file and folder names ---------------------------------------------------------

    def name_matches(self, terms: Sequence[str], limit: int) -> list[tuple[int, float]]:
        """(file id, BM25 score; higher is better) of the files whose name or folders'
        names hold any of ``terms`` (any text: each is searched as a quoted phrase), best
        first; a word in the name weighs twice one in the folders."""
        return name_index.name_matches(self.conn, terms, limit, self.analysis_languages())

    def name_coverage(self, file_ids: Iterable[int], terms: Sequence[str]) -> dict[int, set[str]]:
        """For each of ``file_ids`` (each one a key): which of ``terms`` its name or
        folders' names hold, with the index's stemming ("invoice" is in "Invoices 2023")."""
        return name_index.name_coverage(self.conn, file_ids, terms, self.analysis_languages())

    def name_doc_counts(self, terms: Sequence[str], cap: int | None = None) -> dict[str, int]:
        """How many files hold each term in their name or folders' names (with ``cap``:
        counted up to ``cap`` + 1 only, so a term in every path costs no more than a rare
        one)."""
        return name_index.name_doc_counts(self.conn, terms, cap, self.analysis_languages())


def _blobs_to_array(blobs: list[bytes]) -> np.ndarray:
    return (
        np.frombuffer(b"".join(blobs), dtype=np.float16).reshape(len(blobs), -1).astype(np.float32)
    )
