"""The keyword index of chunk text (schema 4): analysed rows written and deleted with their
chunks, and the migration from schema 3 that re-analyses the stored text."""

from __future__ import annotations

# ruff: noqa: RUF001  (Chinese punctuation)
import contextlib
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from desktop_search.search.lexical import LexicalSearcher, QueryWord
from desktop_search.storage.catalog import CATALOG_FILE, Catalog, encode_path
from desktop_search.storage.schema import SCHEMA_VERSION, IndexNeedsUpgradeError, migrate
from tests.storage.sample_index import add_file, open_store, unit_vectors

TEXTS = {
    "/docs/minutes.txt": [
        "Minutes of the board meeting: the leaves of the lime trees are falling.",
        "The board reached a decision on the office lease for the coming years.",
    ],
    "/docs/brief.txt": [
        "Hiermit reiche ich meine Kündigung des Arbeitsvertrags zum Ende des Monats ein. "
        "Vielen Dank für die gute Zusammenarbeit in den vergangenen Jahren."
    ],
    "/docs/baogao.txt": ["最后，关于明年预算的会议定在星期四下午三点，请各部门负责人准时参加。"],
}


def make_version_3_catalog(data_dir: Path) -> dict[int, str]:
    """A catalog as schema 3 left it: chunk text in chunk_fts under FTS5's porter
    tokenizer, no languages. Returns chunk id -> text."""
    data_dir.mkdir(parents=True)
    texts: dict[int, str] = {}
    with contextlib.closing(sqlite3.connect(data_dir / CATALOG_FILE)) as conn:
        conn.isolation_level = None
        migrate(conn, up_to=3)
        conn.execute("INSERT INTO meta (key, value) VALUES ('model', 'm/8')")
        for number, (path, chunks) in enumerate(TEXTS.items()):
            raw = encode_path(path)
            file_id = conn.execute(
                "INSERT INTO files (path, display_path, ext, kind, title, size, mtime_ns, "
                "content_hash, status, chunk_count) VALUES (?, ?, '.txt', 'text', ?, 1, 1, "
                "?, 'indexed', ?)",
                (raw, path, Path(path).name, f"h{number}", len(chunks)),
            ).lastrowid
            vectors = unit_vectors(len(chunks), seed=number).astype(np.float16)
            for ordinal, (text, vector) in enumerate(zip(chunks, vectors, strict=True)):
                chunk_id = conn.execute(
                    "INSERT INTO chunks (file_id, ordinal, start, end, vector) "
                    "VALUES (?, ?, 0, ?, ?)",
                    (file_id, ordinal, len(text), vector.tobytes()),
                ).lastrowid
                conn.execute(
                    "INSERT INTO chunk_fts (rowid, title, body) VALUES (?, ?, ?)",
                    (chunk_id, Path(path).name, text),
                )
                texts[int(chunk_id or 0)] = text
    return texts


def found(catalog: Catalog, *words: str) -> set[int]:
    """The chunks BM25 finds for ``words`` (as typed)."""
    result = LexicalSearcher(catalog).search([QueryWord.plain(w) for w in words], 100)
    return {chunk_id for chunk_id, _ in result.ranked}


def fts_rows_are_whole(catalog: Catalog) -> None:
    """FTS5's own check of ``chunk_fts``, and one row in it and in chunk_text per chunk."""
    conn = catalog.conn
    conn.execute("INSERT INTO chunk_fts (chunk_fts, rank) VALUES ('integrity-check', 1)")
    chunks = {int(r[0]) for r in conn.execute("SELECT id FROM chunks")}
    assert {int(r[0]) for r in conn.execute("SELECT rowid FROM chunk_fts")} == chunks
    assert {int(r[0]) for r in conn.execute("SELECT id FROM chunk_text")} == chunks


def test_migration_from_schema_3_keeps_every_chunk_searchable(data_dir: Path) -> None:
    texts = make_version_3_catalog(data_dir)
    with pytest.raises(
        IndexNeedsUpgradeError, match=f"schema 3, this version uses {SCHEMA_VERSION}"
    ):
        open_store(data_dir, read_only=True)  # a reader does not migrate
    store = open_store(data_dir)
    catalog = store.catalog
    assert catalog.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 5
    assert {c: row.text for c, row in catalog.chunks_by_ids(texts).items()} == texts
    languages = {c: row.language for c, row in catalog.chunks_by_ids(texts).items()}
    minutes, decision, kundigung, budget = sorted(texts)
    assert languages == {minutes: "en", decision: "en", kundigung: "de", budget: "zh"}
    assert found(catalog, "leaves") == {minutes}  # English as before: Porter stems
    assert found(catalog, "decisions") == {decision}
    assert found(catalog, "Kündigungen") == {kundigung}  # German stems
    assert found(catalog, "预算") == {budget}  # a word inside a Chinese run
    assert found(catalog, "baogao") == {budget}  # the file's title
    for chunk_id, text in texts.items():  # every chunk by the words of its own text
        assert chunk_id in found(catalog, *text.split()[:3])
    assert [r.id for r in catalog.files_by_ids([1, 2, 3]).values()] == [1, 2, 3]
    names = catalog.name_matches(["brief"], 10)
    assert [file_id for file_id, _ in names] == [2]
    assert store.vectors.keys() == set(texts)  # the vectors were kept, not re-embedded
    fts_rows_are_whole(catalog)
    store.close()


def test_deleting_and_replacing_chunks_leaves_no_keyword_rows_behind(data_dir: Path) -> None:
    make_version_3_catalog(data_dir)
    store = open_store(data_dir)
    catalog = store.catalog
    store.remove_files(["/docs/brief.txt"])
    assert found(catalog, "Kündigung") == set()
    add_file(store, "/docs/minutes.txt", ["Minutes rewritten: nothing was decided."], seed=7)
    assert found(catalog, "leaves") == set()
    assert len(found(catalog, "decided")) == 1
    add_file(store, "/docs/new.txt", ["Neue Kündigungen kamen heute an."], seed=8)
    assert len(found(catalog, "Kündigung")) == 1
    fts_rows_are_whole(catalog)
    store.close()


def test_a_model_change_empties_the_keyword_index_too(data_dir: Path) -> None:
    store = open_store(data_dir, model="old")
    add_file(store, "/docs/brief.txt", TEXTS["/docs/brief.txt"], seed=1)
    store.close()
    store = open_store(data_dir, model="new")
    fts_rows_are_whole(store.catalog)
    assert store.catalog.counts()["chunks"] == 0
    store.close()


def test_the_languages_held_are_counted(data_dir: Path) -> None:
    store = open_store(data_dir)
    for number, (path, texts) in enumerate(TEXTS.items()):
        add_file(store, path, texts, seed=number)
    assert dict(store.catalog.languages()) == {"en": 2, "de": 1, "zh": 1}
    assert store.catalog.analysis_languages() == ("en", "de", "zh")
    store.close()
