"""``file_fts``: the keyword index of file names and folder names (schema 3).

One row per row of ``files`` (rowid = files.id) with two columns, ``name`` (the words of
the file's name, extension included) and ``folders`` (the words of its parent folders'
names), both from :func:`~desktop_search.storage.file_names.name_words` of the file's
``display_path``, analysed as ``chunk_fts``'s text is (schema 4:
:mod:`desktop_search.language.analyser`, FTS5's ``ascii`` tokenizer), so a query word
stems the same way against names as against text ("invoice" finds the folder "Invoices
2023"); BM25 weighs the name twice as much as the folders. A name's language is not
known when its file row is inserted: its words get the usual analysis of their script
(English for Latin); once the file's text is indexed, the row is written again with the
terms of the file's language as well.

A file's path never changes while its row lives (a move is a removal and an addition), so
the row is deleted with the file row.

The query functions take query words as typed, each searched in its forms for the given
languages (:func:`desktop_search.language.analyser.word_forms`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence

from desktop_search.language.analyser import index_text_in, word_forms
from desktop_search.storage.file_names import name_words
from desktop_search.storage.fts_query import any_of

CREATE_SQL = (
    "CREATE VIRTUAL TABLE file_fts USING fts5 (name, folders, tokenize = 'ascii')",
    "INSERT INTO file_fts (file_fts, rank) VALUES ('rank', 'bm25(2.0, 1.0)')",
)
NO_LANGUAGE: tuple[str, ...] = ("",)
_BATCH = 500
_BACKFILL_BATCH = 5000
# Seeking one file id in a term's doclist costs about what reading 200 of the doclist's
# files does (13 to 80 us against 0.13 us a file, at 100k files).
SEEK_COST_IN_ROWS = 200


def _row(display_path: str, languages: Sequence[str]) -> tuple[str, str]:
    name, folders = name_words(display_path)
    return index_text_in(name, languages), index_text_in(folders, languages)


def languages_of(language: str) -> tuple[str, ...]:
    """The analyses a file's name gets: its script's usual one, and its file's language."""
    return ("", language) if language else NO_LANGUAGE


def add_file_name(
    conn: sqlite3.Connection,
    file_id: int,
    display_path: str,
    languages: Sequence[str] = NO_LANGUAGE,
) -> None:
    """Index the name of the file row just inserted with id ``file_id``."""
    conn.execute(
        "INSERT INTO file_fts (rowid, name, folders) VALUES (?, ?, ?)",
        (file_id, *_row(display_path, languages)),
    )


def set_file_name(
    conn: sqlite3.Connection, file_id: int, display_path: str, languages: Sequence[str]
) -> None:
    """Index a file's name again, with the terms of ``languages``."""
    drop_file_name(conn, file_id)
    add_file_name(conn, file_id, display_path, languages)


def drop_file_name(conn: sqlite3.Connection, file_id: int) -> None:
    conn.execute("DELETE FROM file_fts WHERE rowid = ?", (file_id,))


def create_and_fill(conn: sqlite3.Connection) -> None:
    """Create ``file_fts`` and index the name of every file row (the migration to 3, and
    :func:`rebuild`)."""
    for statement in CREATE_SQL:
        conn.execute(statement)
    has_language = any(str(r[1]) == "language" for r in conn.execute("PRAGMA table_info(files)"))
    language = "language" if has_language else "''"
    last = 0
    while True:
        rows = conn.execute(
            f"SELECT id, display_path, {language} FROM files WHERE id > ? ORDER BY id LIMIT ?",
            (last, _BACKFILL_BATCH),
        ).fetchall()
        if not rows:
            return
        conn.executemany(
            "INSERT INTO file_fts (rowid, name, folders) VALUES (?, ?, ?)",
            [(int(i), *_row(str(p), languages_of(str(lang)))) for i, p, lang in rows],
        )
        last = int(rows[-1][0])


def rebuild(conn: sqlite3.Connection) -> None:
    """``file_fts`` made again from the files' paths and languages (the migration to 4)."""
    conn.execute("DROP TABLE IF EXISTS file_fts")
    create_and_fill(conn)


def _forms(term: str, languages: Sequence[str]) -> str:
    """One query word's MATCH expression: any of its forms ('' when it has none)."""
    return any_of(word_forms(term, tuple(languages)))


def name_matches(
    conn: sqlite3.Connection,
    terms: Iterable[str],
    limit: int,
    languages: Sequence[str] = NO_LANGUAGE,
) -> list[tuple[int, float]]:
    """(file id, BM25 score; higher is better) of the files whose name or folders hold
    any of ``terms``, best first."""
    expressions = [e for e in dict.fromkeys(_forms(t, languages) for t in terms) if e]
    if not expressions or limit <= 0:
        return []
    rows = conn.execute(
        "SELECT rowid, -rank FROM file_fts WHERE file_fts MATCH ? ORDER BY rank LIMIT ?",
        (" OR ".join(expressions), limit),
    ).fetchall()
    return [(int(r[0]), float(r[1])) for r in rows]


def name_coverage(
    conn: sqlite3.Connection,
    file_ids: Iterable[int],
    terms: Iterable[str],
    languages: Sequence[str] = NO_LANGUAGE,
) -> dict[int, set[str]]:
    """For each of ``file_ids``: which of ``terms`` its name or folders hold (as FTS5 sees
    them: stemmed, case and diacritics folded). Every given id is a key.

    Each term is looked up in one of two ways, whichever costs less: the files that hold
    it, all read from its doclist (about 0.13 us a file) and joined with the ids, or one
    seek in the doclist per id (13 to 80 us each, measured at 100k files)."""
    ids = sorted(set(file_ids))
    coverage: dict[int, set[str]] = {i: set() for i in ids}
    if not ids:
        return coverage
    cap = SEEK_COST_IN_ROWS * len(ids)
    for term in dict.fromkeys(terms):
        match = _forms(term, languages)
        if not match:
            continue
        hits: Iterable[tuple[int]]
        if _count(conn, match, cap) <= cap:
            hits = conn.execute(
                "SELECT value FROM json_each(?) WHERE value IN "
                "(SELECT rowid FROM file_fts WHERE file_fts MATCH ?)",
                (json.dumps(ids), match),
            )
        else:
            hits = _seek_each(conn, match, ids)
        for (file_id,) in hits:
            coverage[int(file_id)].add(term)
    return coverage


def _seek_each(conn: sqlite3.Connection, match: str, ids: list[int]) -> Iterator[tuple[int]]:
    for start in range(0, len(ids), _BATCH):
        part = ids[start : start + _BATCH]
        marks = ",".join("?" * len(part))
        yield from conn.execute(
            f"SELECT rowid FROM file_fts WHERE file_fts MATCH ? AND rowid IN ({marks})",
            (match, *part),
        )


def _count(conn: sqlite3.Connection, match: str, cap: int | None) -> int:
    """How many files hold ``match``; with a cap, counted up to ``cap`` + 1 only."""
    row = conn.execute(
        "SELECT COUNT(*) FROM (SELECT rowid FROM file_fts WHERE file_fts MATCH ? LIMIT ?)",
        (match, -1 if cap is None else cap + 1),  # LIMIT -1: no limit
    ).fetchone()
    return int(row[0])


def name_doc_counts(
    conn: sqlite3.Connection,
    terms: Iterable[str],
    cap: int | None = None,
    languages: Sequence[str] = NO_LANGUAGE,
) -> dict[str, int]:
    """How many files hold each term in their name or folders (with ``cap``: counted up to
    ``cap`` + 1 only, so a term every path holds costs no more than a rare one)."""
    counts: dict[str, int] = {}
    for term in dict.fromkeys(terms):
        match = _forms(term, languages)
        counts[term] = _count(conn, match, cap) if match else 0
    return counts
