"""The catalog's schema and its migrations (``PRAGMA user_version``).

Only a writer migrates; a reader of an older catalog says so instead
(:class:`IndexNeedsUpgradeError`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from desktop_search.storage import keyword_index, name_index

SCHEMA_VERSION = 5
# Every version since 1 has these; a catalog without one of them is damaged.
REQUIRED_TABLES = frozenset({"meta", "files", "chunks", "chunk_fts"})
# The tables later versions added, by the version that added them.
_ADDED_TABLES: dict[int, frozenset[str]] = {
    3: frozenset({"file_fts"}),
    4: frozenset({"chunk_text"}),
}

# A migration is an SQL script, or a function for what SQL alone cannot do; either runs in
# one transaction with the version bump.
Migration = str | Callable[[sqlite3.Connection], None]

_MIGRATIONS: dict[int, Migration] = {
    1: """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE folders (
        id INTEGER PRIMARY KEY,
        path BLOB NOT NULL UNIQUE,
        added_at REAL NOT NULL
    );
    -- path: the file system's bytes for the absolute path (any name, even non-UTF-8).
    -- mtime_ns equals the disk's only while the row is known to match the disk; a row
    -- whose work was interrupted keeps NULL, so the next run redoes exactly that file.
    CREATE TABLE files (
        id INTEGER PRIMARY KEY,
        path BLOB NOT NULL UNIQUE,
        display_path TEXT NOT NULL,
        ext TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        size INTEGER,
        mtime_ns INTEGER,
        content_hash TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending', 'indexed', 'failed')),
        error TEXT,
        chunk_count INTEGER NOT NULL DEFAULT 0,
        indexed_at REAL
    );
    CREATE INDEX files_status ON files (status);
    -- id is the usearch key. AUTOINCREMENT: ids are never reused.
    CREATE TABLE chunks (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        file_id INTEGER NOT NULL REFERENCES files (id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        section TEXT NOT NULL DEFAULT '',
        vector BLOB NOT NULL
    );
    CREATE INDEX chunks_file ON chunks (file_id);
    -- rowid = chunks.id; holds the chunk text (the only copy) for BM25 and snippets.
    CREATE VIRTUAL TABLE chunk_fts USING fts5 (
        title, body, tokenize = 'porter unicode61 remove_diacritics 2'
    );
    INSERT INTO chunk_fts (chunk_fts, rank) VALUES ('rank', 'bm25(2.0, 1.0)');
    """,
    # The watched folders live in settings.json only (the daemon's list); the catalog's
    # copy was never read back and could disagree.
    2: """
    DROP TABLE IF EXISTS folders;
    """,
    # The keyword index of file and folder names (storage/name_index.py), filled from the
    # files already there: splitting names into words is Python's work.
    3: name_index.create_and_fill,
    # The keyword index learns languages: chunk_fts holds analysed terms (each chunk's
    # language detected), the text moves to chunk_text; file_fts is analysed the same way.
    # Nothing is embedded again.
    4: keyword_index.migrate_to_4,
    # OCR: how many pages of a file wait for the OCR job (scans, images); a note on what of
    # an indexed file was left out (members skipped, pages over the OCR limit). Files that failed
    # for want of text (scanned PDFs) or of a reader (images, spreadsheets, mail, archives)
    # before this version are looked at again by the next scan.
    5: """
    ALTER TABLE files ADD COLUMN ocr_pending INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE files ADD COLUMN note TEXT NOT NULL DEFAULT '';
    CREATE INDEX files_ocr_pending ON files (ocr_pending) WHERE ocr_pending > 0;
    CREATE INDEX files_noted ON files (display_path) WHERE note != '';
    UPDATE files SET status = 'pending', mtime_ns = NULL
        WHERE status = 'failed'
        AND (error LIKE 'no text found%' OR error LIKE 'unsupported file type%');
    """,
}


def required_tables(version: int) -> frozenset[str]:
    """The tables a catalog of schema ``version`` (1 or later) must have."""
    added = (t for v, tables in _ADDED_TABLES.items() if v <= version for t in tables)
    return REQUIRED_TABLES | frozenset(added)


class SchemaError(Exception):
    """The catalog was written by a newer version of desktop-search."""


class IndexNeedsUpgradeError(Exception):
    """A reader found a catalog of an older schema (only a writer migrates)."""


def _refuse_newer(version: int) -> None:
    if version > SCHEMA_VERSION:
        raise SchemaError(
            f"the index was created by a newer desktop-search (schema {version}, "
            f"this version reads up to {SCHEMA_VERSION})"
        )


def require_current(version: int, data_dir: Path) -> None:
    """For readers: the catalog's schema must be this version's."""
    _refuse_newer(version)
    if version < SCHEMA_VERSION:
        raise IndexNeedsUpgradeError(
            f"the index in {data_dir} needs an upgrade (schema {version}, this version uses "
            f"{SCHEMA_VERSION}): start the daemon or run `desktop-search index`"
        )


def migrate(conn: sqlite3.Connection, *, up_to: int = SCHEMA_VERSION) -> None:
    """Bring the catalog to schema ``up_to``, one version per transaction."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    _refuse_newer(version)
    for target in range(version + 1, up_to + 1):
        migration = _MIGRATIONS[target]
        try:
            if isinstance(migration, str):
                conn.executescript(
                    f"BEGIN IMMEDIATE;\n{migration}\nPRAGMA user_version = {target};\nCOMMIT;"
                )
            else:
                conn.execute("BEGIN IMMEDIATE")
                migration(conn)
                conn.execute(f"PRAGMA user_version = {target}")
                conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
