"""The keyword index of chunk text (schema 4): analysed terms in ``chunk_fts``, the text
itself in ``chunk_text``, each chunk's language in ``chunks.language``.

- ``chunk_fts (title, body)``, rowid = chunks.id: the terms of the file's title and of
  the chunk's text as :mod:`desktop_search.language.analyser` makes them in the chunk's
  language, space-separated, under FTS5's ``ascii`` tokenizer, which splits on the spaces
  and changes nothing else (every non-ASCII character is a token character to it). An
  ordinary FTS5 table (it keeps its own copy of the terms), so deleting a row needs
  nothing but its rowid and stays right whatever the analysis was when it was written.
  BM25 weights 2:1, as before.
- ``chunk_text (id, body)``, id = chunks.id: the chunk's text as extracted, for
  snippets, passages and embedding again; it goes with its chunk (ON DELETE CASCADE).
- ``chunks.language``, ``files.language``: ISO 639-1 of each chunk (py3langid), '' when
  not told; a file's is the commonest of its chunks'.

The migration from schema 3 (where ``chunk_fts`` held the text under FTS5's ``porter``
tokenizer) moves the text to ``chunk_text``, detects each chunk's language and writes the
analysed rows: nothing is embedded again.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections import Counter
from collections.abc import Sequence

from desktop_search.language import analyser, detect
from desktop_search.storage import name_index

log = logging.getLogger(__name__)

CREATE_SQL = (
    "CREATE VIRTUAL TABLE chunk_fts USING fts5 (title, body, tokenize = 'ascii')",
    "INSERT INTO chunk_fts (chunk_fts, rank) VALUES ('rank', 'bm25(2.0, 1.0)')",
)
_BATCH = 2000
_LOG_EVERY_S = 5.0


def majority(languages: Sequence[str]) -> str:
    """A file's language: the commonest of its chunks' (a told one before '')."""
    told = [lang for lang in languages if lang]
    if not told:
        return ""
    return Counter(told).most_common(1)[0][0]


class TitleTerms:
    """The analysed title of one file, made once per language of its chunks."""

    def __init__(self, title: str) -> None:
        self.title = title
        self._made: dict[str, str] = {}

    def of(self, language: str) -> str:
        made = self._made.get(language)
        if made is None:
            made = self._made[language] = analyser.index_text(self.title, language)
        return made


def add_chunk(
    conn: sqlite3.Connection, chunk_id: int, title: TitleTerms, text: str, language: str
) -> None:
    """The keyword rows of one chunk whose ``chunks`` row exists."""
    conn.execute("INSERT INTO chunk_text (id, body) VALUES (?, ?)", (chunk_id, text))
    conn.execute(
        "INSERT INTO chunk_fts (rowid, title, body) VALUES (?, ?, ?)",
        (chunk_id, title.of(language), analyser.index_text(text, language)),
    )


def drop_chunks(conn: sqlite3.Connection, ids: Sequence[int]) -> None:
    """The keyword rows of chunks about to be deleted."""
    conn.executemany("DELETE FROM chunk_fts WHERE rowid = ?", [(i,) for i in ids])
    conn.executemany("DELETE FROM chunk_text WHERE id = ?", [(i,) for i in ids])


def migrate_to_4(conn: sqlite3.Connection) -> None:
    """Schema 3 -> 4, in the caller's transaction (see the module's docstring)."""
    started = time.monotonic()
    total = int(conn.execute("SELECT COUNT(*) FROM chunks").fetchone()[0])
    if total:
        log.info("upgrading the keyword index (schema 4): %d chunks to analyse", total)
    conn.execute("ALTER TABLE chunks ADD COLUMN language TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE files ADD COLUMN language TEXT NOT NULL DEFAULT ''")
    conn.execute("CREATE INDEX chunks_language ON chunks (language)")
    conn.execute(
        "CREATE TABLE chunk_text (id INTEGER PRIMARY KEY "
        "REFERENCES chunks (id) ON DELETE CASCADE, body TEXT NOT NULL)"
    )
    # Only chunks with a row: a schema-3 chunk always had one, but keep what the old
    # table held and nothing it did not.
    conn.execute(
        "INSERT INTO chunk_text (id, body) SELECT f.rowid, f.body FROM chunk_fts f "
        "JOIN chunks c ON c.id = f.rowid"
    )
    conn.execute("DROP TABLE chunk_fts")
    for statement in CREATE_SQL:
        conn.execute(statement)
    done = 0
    last = 0
    logged = time.monotonic()
    titles: dict[int, TitleTerms] = {}
    while True:
        rows = conn.execute(
            "SELECT c.id, c.file_id, t.body, f.title FROM chunks c "
            "JOIN chunk_text t ON t.id = c.id JOIN files f ON f.id = c.file_id "
            "WHERE c.id > ? ORDER BY c.id LIMIT ?",
            (last, _BATCH),
        ).fetchall()
        if not rows:
            break
        languages: list[tuple[str, int]] = []
        fts_rows: list[tuple[int, str, str]] = []
        for chunk_id, file_id, body, title in rows:
            language = detect.chunk_language(str(body))
            title_terms = titles.get(int(file_id))
            if title_terms is None or title_terms.title != str(title):
                titles.clear()  # chunks come file by file: keep one
                title_terms = titles[int(file_id)] = TitleTerms(str(title))
            languages.append((language, int(chunk_id)))
            fts_rows.append(
                (
                    int(chunk_id),
                    title_terms.of(language),
                    analyser.index_text(str(body), language),
                )
            )
        conn.executemany("UPDATE chunks SET language = ? WHERE id = ?", languages)
        conn.executemany("INSERT INTO chunk_fts (rowid, title, body) VALUES (?, ?, ?)", fts_rows)
        done += len(rows)
        last = int(rows[-1][0])
        if time.monotonic() - logged >= _LOG_EVERY_S:
            logged = time.monotonic()
            log.info(
                "upgrading the keyword index: %d of %d chunks (%.0f s)",
                done,
                total,
                logged - started,
            )
    _set_file_languages(conn)
    name_index.rebuild(conn)
    if total:
        log.info("keyword index upgraded: %d chunks in %.1f s", done, time.monotonic() - started)


def _set_file_languages(conn: sqlite3.Connection) -> None:
    by_file: dict[int, list[str]] = {}
    for file_id, language in conn.execute("SELECT file_id, language FROM chunks"):
        by_file.setdefault(int(file_id), []).append(str(language))
    conn.executemany(
        "UPDATE files SET language = ? WHERE id = ?",
        [(majority(langs), file_id) for file_id, langs in by_file.items() if majority(langs)],
    )
