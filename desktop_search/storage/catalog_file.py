"""Opening the catalog's SQLite file: writer and read-only connections, the check that it
reads at all, and setting an unreadable one aside.

A writer that finds the catalog unreadable moves it (with its -wal and -shm) aside as
``catalog.sqlite3.corrupt-<UTC time>`` and starts an empty one: the user's files are the
source of truth, and the next scan indexes them again. A reader only says so.

The check at open reads the schema, the meta table and the last row of every table; a
writer also runs ``PRAGMA quick_check`` (about 0.2 s at 100k chunks, see
``benchmarks/store_open.py``), which finds a damaged page anywhere in the file.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from desktop_search.config.private import (
    create_private_file,
    fsync_dir,
    make_private_file,
    private_umask,
)
from desktop_search.storage.schema import SCHEMA_VERSION, required_tables

log = logging.getLogger(__name__)

SIDE_FILES = ("-wal", "-shm")
BUSY_TIMEOUT_MS = 30_000
SET_ASIDE_ATTEMPTS = 2


class CatalogCorruptError(Exception):
    """The catalog file cannot be read: damaged, truncated, or not a database at all."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            f"the index catalog {path} is damaged ({detail}); the daemon, or "
            "`desktop-search index`, will set it aside and rebuild the index from your files"
        )
        self.path = path
        self.detail = detail


def is_corruption(exc: sqlite3.Error) -> bool:
    name = str(getattr(exc, "sqlite_errorname", ""))
    return name.startswith("SQLITE_CORRUPT") or name == "SQLITE_NOTADB"


def check_catalog(conn: sqlite3.Connection, path: Path, *, thorough: bool) -> int:
    """The catalog's schema version, once it is known to read (CatalogCorruptError if not).

    A catalog of a newer schema is not looked into: it is not this version's to judge."""
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            return version
        tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master")}
        if version >= 1:
            missing = required_tables(version) - tables
            if missing:
                raise CatalogCorruptError(path, f"tables missing: {', '.join(sorted(missing))}")
            conn.execute("SELECT key, value FROM meta").fetchall()
            last_rows = [("files", "id"), ("chunks", "id"), ("chunk_fts", "rowid")]
            if "file_fts" in tables:
                last_rows.append(("file_fts", "rowid"))
            for table, key in last_rows:
                conn.execute(f"SELECT * FROM {table} ORDER BY {key} DESC LIMIT 1").fetchall()
        if thorough:
            problems = [str(r[0]) for r in conn.execute("PRAGMA quick_check(5)")]
            if problems != ["ok"]:
                raise CatalogCorruptError(path, "; ".join(problems))
    except sqlite3.DatabaseError as exc:
        if is_corruption(exc):
            raise CatalogCorruptError(path, str(exc)) from exc
        raise
    return version


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None, timeout=30.0, check_same_thread=False)


def _use_wal(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def connect_writer(path: Path) -> sqlite3.Connection:
    """Another read-write connection to the catalog :func:`open_writer` opened."""
    conn = _connect(path)
    try:
        _use_wal(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _open_checked(path: Path) -> sqlite3.Connection:
    # SQLite gives -wal and -shm the catalog's own mode: 0600 from the start.
    with private_umask():
        create_private_file(path)
        conn = _connect(path)
        try:
            check_catalog(conn, path, thorough=True)
            _use_wal(conn)
        except sqlite3.DatabaseError as exc:
            conn.close()
            if is_corruption(exc):
                raise CatalogCorruptError(path, str(exc)) from exc
            raise
        except BaseException:
            conn.close()
            raise
    return conn


def open_writer(path: Path) -> sqlite3.Connection:
    """The writer's first connection, to a catalog that reads: an unreadable one is set
    aside and an empty one created in its place. (Twice at most: a kill in the middle of
    setting aside can leave a -wal behind that spoils the new catalog too.)"""
    set_aside_count = 0
    while True:
        try:
            return _open_checked(path)
        except CatalogCorruptError as exc:
            set_aside_count += 1
            if set_aside_count > SET_ASIDE_ATTEMPTS:
                raise
            copy = set_aside(path)
            log.warning(
                "the index catalog %s could not be read (%s): moved it aside as %s and "
                "started an empty index; the next scan of your folders indexes every file "
                "again",
                path,
                exc.detail,
                copy,
            )


def set_aside(path: Path) -> Path:
    """Move the catalog and its -wal/-shm to ``<name>.corrupt-<UTC time>[-n]`` (0600).

    The -wal and -shm go first: a kill midway never leaves a catalog-less -wal that SQLite
    would replay into the next, new catalog."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    base = f"{path.name}.corrupt-{stamp}"
    target, number = path.with_name(base), 1
    while any(Path(f"{target}{suffix}").exists() for suffix in ("", *SIDE_FILES)):
        number += 1
        target = path.with_name(f"{base}-{number}")
    for suffix in (*SIDE_FILES, ""):
        source, moved = Path(f"{path}{suffix}"), Path(f"{target}{suffix}")
        with contextlib.suppress(FileNotFoundError):
            os.replace(source, moved)
            make_private_file(moved)
    fsync_dir(path.parent)
    return target


def reader_uri(path: Path, *, immutable: bool = False) -> str:
    return path.absolute().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")


def connect_reader(uri: str) -> sqlite3.Connection:
    conn = sqlite3.connect(
        uri, uri=True, isolation_level=None, timeout=30.0, check_same_thread=False
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA query_only = ON")
    return conn


def _has_wal_content(path: Path) -> bool:
    try:
        return Path(f"{path}-wal").stat().st_size > 0
    except FileNotFoundError:
        return False


def open_reader(path: Path) -> tuple[str, sqlite3.Connection, int]:
    """A read-only connection that never writes the file: (its URI, it, schema version).

    In WAL mode even a reader needs the -shm file; in a folder it may not write, with no
    -shm left there, the catalog is opened as immutable (nothing can be changing it: a
    writer could not write there either)."""
    uri = reader_uri(path)
    conn = connect_reader(uri)
    try:
        return uri, conn, check_catalog(conn, path, thorough=False)
    except sqlite3.OperationalError as exc:
        conn.close()
        name = str(getattr(exc, "sqlite_errorname", ""))
        if not name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")) or _has_wal_content(path):
            raise
        log.info("%s is in a folder this user cannot write: reading it as immutable", path)
    except BaseException:
        conn.close()
        raise
    uri = reader_uri(path, immutable=True)
    conn = connect_reader(uri)
    try:
        return uri, conn, check_catalog(conn, path, thorough=False)
    except BaseException:
        conn.close()
        raise
