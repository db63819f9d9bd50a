"""Catalog + FTS5 + usearch kept in agreement, across crashes that lose the vector file."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from desktop_search.storage.catalog import CATALOG_FILE, NewChunk, NewFile
from desktop_search.storage.schema import SCHEMA_VERSION, SchemaError
from desktop_search.storage.store import VECTORS_FILE, IndexStore
from tests.storage.sample_index import add_file, open_store
from tests.storage.sample_index import unit_vectors as vectors


def add(store: IndexStore, path: str, texts: list[str], seed: int = 0) -> None:
    add_file(store, path, texts, seed)


def test_schema_version_and_wal(data_dir: Path) -> None:
    store = open_store(data_dir)
    conn = store.catalog.conn
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()


def test_newer_schema_is_refused(data_dir: Path) -> None:
    open_store(data_dir).close()
    with sqlite3.connect(data_dir / "catalog.sqlite3") as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(SchemaError, match="newer"):
        open_store(data_dir)


def test_replace_and_remove_touch_every_index(data_dir: Path) -> None:
    store = open_store(data_dir)
    add(store, "/docs/a.txt", ["alpha one", "alpha two"], seed=1)
    add(store, "/docs/b.txt", ["beta"], seed=2)
    assert len(store.vectors) == 3
    assert {c for c, _ in store.catalog.bm25('"alpha"', 10)} == store.catalog.chunk_ids() - {3}
    add(store, "/docs/a.txt", ["gamma"], seed=3)  # changed file: chunks replaced
    assert store.catalog.bm25('"alpha"', 10) == []
    assert len(store.catalog.bm25('"gamma"', 10)) == 1
    assert len(store.vectors) == 2
    store.remove_files(["/docs/b.txt"])
    assert store.catalog.bm25('"beta"', 10) == []
    assert len(store.vectors) == 1
    assert store.catalog.counts()["indexed"] == 1
    store.close()


def test_chunk_ids_are_never_reused(data_dir: Path) -> None:
    store = open_store(data_dir)
    add(store, "/a", ["one"])
    first = max(store.catalog.chunk_ids())
    store.remove_files(["/a"])
    add(store, "/b", ["two"])
    assert min(store.catalog.chunk_ids()) > first
    store.close()


def test_unsaved_vectors_are_repaired_on_open(data_dir: Path) -> None:
    store = open_store(data_dir)
    add(store, "/a", ["one", "two"], seed=1)
    store.save()
    add(store, "/b", ["three"], seed=2)  # committed to SQLite, vectors never saved (crash)
    store.catalog.close()
    reopened = open_store(data_dir)
    assert len(reopened.vectors) == 3
    assert reopened.vectors.keys() == reopened.catalog.chunk_ids()
    reopened.close()


def test_stale_vectors_are_removed_on_open(data_dir: Path) -> None:
    store = open_store(data_dir)
    add(store, "/a", ["one", "two"], seed=1)
    store.save()
    store.remove_files(["/a"])  # the saved vector file still holds the old keys
    store.catalog.close()
    reopened = open_store(data_dir)
    assert len(reopened.vectors) == 0
    reopened.close()


def test_lost_or_corrupt_vector_file_is_rebuilt(data_dir: Path) -> None:
    store = open_store(data_dir)
    add(store, "/a", ["one", "two"], seed=1)
    store.close()
    (data_dir / VECTORS_FILE).write_bytes(b"not a usearch file")
    reopened = open_store(data_dir)
    assert reopened.vectors.keys() == reopened.catalog.chunk_ids()
    query = vectors(2, 1)[1]
    _keys, sims = reopened.vectors.search(query, 1)
    assert sims[0] > 0.99
    reopened.close()


def test_save_is_atomic_and_leaves_no_temp_file(data_dir: Path) -> None:
    store = open_store(data_dir)
    add(store, "/a", ["one"])
    store.save()
    assert (data_dir / VECTORS_FILE).exists()
    assert not list(data_dir.glob("*.tmp"))
    store.close()


def test_model_change_drops_vectors_and_marks_files_pending(data_dir: Path) -> None:
    store = open_store(data_dir, model="old")
    add(store, "/a", ["one"])
    store.close()
    store = open_store(data_dir, model="new")
    counts = store.catalog.counts()
    assert counts["chunks"] == 0 and counts["pending"] == 1
    assert len(store.vectors) == 0
    store.close()


def test_failure_replaces_chunks(data_dir: Path) -> None:
    store = open_store(data_dir)
    add(store, "/a", ["one"])
    store.commit_failure("/a", "corrupt", size=1, mtime_ns=2)
    assert store.catalog.counts() == {"indexed": 0, "pending": 0, "failed": 1, "chunks": 0}
    assert [f.error for f in store.catalog.failures()] == ["corrupt"]
    assert len(store.vectors) == 0
    store.close()


def test_non_utf8_path_round_trips(data_dir: Path) -> None:
    store = open_store(data_dir)
    odd = "/docs/caf" + b"\xe9".decode("utf-8", "surrogateescape") + ".txt"
    add(store, odd, ["text"])
    row = store.catalog.file_by_path(odd)
    assert row is not None and row.path == odd
    assert row.display_path == "/docs/caf\ufffd.txt"
    store.close()


def test_many_identical_vectors_do_not_hide_the_true_neighbour(data_dir: Path) -> None:
    store = open_store(data_dir)
    same = np.tile(vectors(1, 5), (1500, 1))
    chunks = [NewChunk(i, 0, 1, "", f"dup {i}") for i in range(1500)]
    store.commit_file(NewFile("/dups", "text", "d", 1, 1, "d", chunks, same))
    target = vectors(1, 9)
    add(store, "/target", ["t"], seed=9)
    keys, sims = store.vectors.search(target[0], 10)
    assert sims[0] > 0.99 and int(keys[0]) == max(store.catalog.chunk_ids())
    store.close()


def test_vector_file_holding_other_keys_with_the_same_count_and_max_is_repaired(
    data_dir: Path,
) -> None:
    store = open_store(data_dir)
    add(store, "/a", ["one", "two", "three"], seed=1)  # chunks 1, 2, 3
    add(store, "/b", ["four", "five"], seed=2)  # chunks 4, 5
    store.remove_files(["/a"])
    # The saved vector file holds 2 and 5 instead of 4 and 5: same count, same max id.
    store.vectors.remove([4])
    store.vectors.add([2], vectors(1, seed=3))
    store.save()
    assert len(store.vectors) == 2 and store.vectors.max_key() == 5
    store.close()
    for read_only in (True, False):
        reopened = open_store(data_dir, read_only=read_only)
        assert reopened.vectors.keys() == reopened.catalog.chunk_ids() == {4, 5}
        keys, sims = reopened.vectors.search(vectors(2, seed=2)[0], 1)
        assert int(keys[0]) == 4 and sims[0] > 0.99
        reopened.close()


def make_version_1_catalog(data_dir: Path) -> None:
    """A catalog as version 1 left it: with its ``folders`` table, and a file in it."""
    from desktop_search.storage.schema import migrate

    data_dir.mkdir(parents=True)
    with contextlib.closing(sqlite3.connect(data_dir / CATALOG_FILE)) as conn:
        conn.isolation_level = None
        migrate(conn, up_to=1)
        conn.execute("INSERT INTO folders (path, added_at) VALUES (?, 0)", (b"/docs",))
        conn.execute(
            "INSERT INTO files (path, display_path, status) VALUES (?, ?, 'pending')",
            (b"/docs/a.txt", "/docs/a.txt"),
        )


def tables(data_dir: Path) -> set[str]:
    with contextlib.closing(sqlite3.connect(data_dir / CATALOG_FILE)) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def test_migration_2_drops_the_folders_table_and_keeps_the_files(data_dir: Path) -> None:
    make_version_1_catalog(data_dir)
    assert "folders" in tables(data_dir)
    store = open_store(data_dir)
    assert store.catalog.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    row = store.catalog.file_by_path("/docs/a.txt")
    assert row is not None
    assert [file_id for file_id, _ in store.catalog.name_matches(["docs"], 10)] == [row.id]
    assert not hasattr(store.catalog, "add_folder") and not hasattr(store.catalog, "folders")
    store.close()
    assert "folders" not in tables(data_dir)


def test_a_reader_never_migrates_an_older_index_and_says_what_to_do(data_dir: Path) -> None:
    from desktop_search.storage.schema import IndexNeedsUpgradeError

    make_version_1_catalog(data_dir)
    before = (data_dir / CATALOG_FILE).read_bytes()
    with pytest.raises(IndexNeedsUpgradeError, match=r"start the daemon or run .*index"):
        open_store(data_dir, read_only=True)
    assert (data_dir / CATALOG_FILE).read_bytes() == before
    assert "folders" in tables(data_dir)
