"""The catalog's schema and its migrations (``PRAGMA user_version``)."""

from __future__ import annotations

import sqlite3

SCHEMA_VERSION = 1

_MIGRATIONS: dict[int, str] = {
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
    -- id is the usearch key. AUTOINCREMENT: ids are never reused, so (count, max id)
    -- tells whether the vector index matches the catalog.
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
}


class SchemaError(Exception):
    """The catalog was written by a newer version of desktop-search."""


def migrate(conn: sqlite3.Connection) -> None:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise SchemaError(
            f"the index was created by a newer desktop-search (schema {version}, "
            f"this version reads up to {SCHEMA_VERSION})"
        )
    for target in range(version + 1, SCHEMA_VERSION + 1):
        script = (
            f"BEGIN IMMEDIATE;\n{_MIGRATIONS[target]}\nPRAGMA user_version = {target};\nCOMMIT;"
        )
        try:
            conn.executescript(script)
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
