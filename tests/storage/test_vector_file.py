"""The vector file is used only if it is exactly what was saved (#7, #20): a damaged or
foreign file is rebuilt from the catalog's f16 copies, never loaded, never a crash."""

from __future__ import annotations

import os
import shutil
import sqlite3
import struct
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from desktop_search.storage.catalog import CATALOG_FILE
from desktop_search.storage.store import VECTORS_FILE
from tests.storage.sample_index import (
    BuiltIndex,
    add_file,
    build_index,
    open_store,
    probe_in_subprocess,
    unit_vectors,
)


def flip(path: Path, offset: int, length: int) -> None:
    data = bytearray(path.read_bytes())
    for i in range(offset, offset + length):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


def flip_vector_values(path: Path) -> None:
    rows, columns = struct.unpack("<II", path.read_bytes()[:8])  # usearch: header, then rows
    flip(path, 8 + rows * columns // 2, 3 * columns)


def flip_middle(path: Path) -> None:
    flip(path, path.stat().st_size // 2, 64)


def truncate(path: Path) -> None:
    os.truncate(path, path.stat().st_size * 6 // 10)


def garbage(path: Path) -> None:
    path.write_bytes(os.urandom(path.stat().st_size))


def other_index(path: Path) -> None:
    """A valid usearch file with the same keys but other vectors (another data dir's)."""
    other = path.parent.parent / "other"
    build_index(other, seed=1000)
    shutil.copyfile(other / VECTORS_FILE, path)


DAMAGES: dict[str, Callable[[Path], None]] = {
    "flipped-vector-values": flip_vector_values,
    "flipped-middle": flip_middle,
    "truncated": truncate,
    "garbage": garbage,
    "other-index": other_index,
}


def assert_searches_find_every_chunk(probe: dict[str, object], built: BuiltIndex) -> None:
    top = probe["top"]
    assert isinstance(top, list)
    assert [key for key, _ in top] == built.ids
    assert min(sim for _, sim in top) > 0.99
    assert probe["vectors"] == probe["chunks"] == len(built.ids)


@pytest.mark.parametrize("read_only", [False, True], ids=["writer", "reader"])
@pytest.mark.parametrize("damage", list(DAMAGES))
def test_a_damaged_vector_file_is_rebuilt_from_the_catalog(
    tmp_path: Path, damage: str, read_only: bool
) -> None:
    data_dir = tmp_path / "data"
    built = build_index(data_dir)
    vector_file = data_dir / VECTORS_FILE
    DAMAGES[damage](vector_file)
    damaged = vector_file.read_bytes()
    probe = probe_in_subprocess(data_dir, built, read_only=read_only)
    assert_searches_find_every_chunk(probe, built)
    if read_only:
        assert vector_file.read_bytes() == damaged  # a reader repairs in memory only
    else:
        from desktop_search.storage.checksums import FileDigest

        store = open_store(data_dir, read_only=True)
        assert store.catalog.vectors_digest() == FileDigest.of_file(vector_file)
        store.close()
    again = probe_in_subprocess(data_dir, built, read_only=True)
    assert_searches_find_every_chunk(again, built)


def test_a_vector_file_without_a_recorded_checksum_is_rebuilt(data_dir: Path) -> None:
    built = build_index(data_dir)
    with sqlite3.connect(data_dir / CATALOG_FILE) as conn:
        conn.execute("DELETE FROM meta WHERE key LIKE 'vectors%'")
    conn.close()
    other_index(data_dir / VECTORS_FILE)
    assert_searches_find_every_chunk(probe_in_subprocess(data_dir, built, read_only=True), built)
    assert_searches_find_every_chunk(probe_in_subprocess(data_dir, built, read_only=False), built)


@pytest.mark.parametrize("crash", ["file-old-record-new", "file-new-record-old"])
def test_a_kill_between_writing_the_file_and_recording_it_never_loads_a_wrong_file(
    data_dir: Path, crash: str
) -> None:
    first = build_index(data_dir, files=4)
    old_file = (data_dir / VECTORS_FILE).read_bytes()
    with sqlite3.connect(data_dir / CATALOG_FILE) as conn:
        old_record = conn.execute(
            "SELECT key, value FROM meta WHERE key LIKE 'vectors%'"
        ).fetchall()
    conn.close()
    store = open_store(data_dir)
    store.remove_files(["/docs/f0.txt"])
    added = add_file(store, "/docs/new.txt", ["n1", "n2"], seed=99)
    store.close()
    new_file = (data_dir / VECTORS_FILE).read_bytes()
    if crash == "file-old-record-new":
        (data_dir / VECTORS_FILE).write_bytes(old_file)
    else:
        with sqlite3.connect(data_dir / CATALOG_FILE) as conn:
            conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", old_record)
        conn.close()
        assert (data_dir / VECTORS_FILE).read_bytes() == new_file
    expected = BuiltIndex(
        first.ids[5:] + added, np.concatenate([first.vectors[5:], unit_vectors(2, 99)])
    )
    for read_only in (True, False):
        probe = probe_in_subprocess(data_dir, expected, read_only=read_only)
        assert_searches_find_every_chunk(probe, expected)
