"""A catalog that SQLite cannot read is never a dead end (#11): a writer sets it aside and
starts an empty index (the user's files are the source of truth), a reader says so."""

from __future__ import annotations

import logging
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_search.storage.catalog import CATALOG_FILE
from tests.storage.sample_index import add_file, build_index, open_store

EMPTY = {"indexed": 0, "pending": 0, "failed": 0, "chunks": 0}


def truncated(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2)


def garbage(path: Path) -> None:
    path.write_bytes(os.urandom(path.stat().st_size))


def zero_size(path: Path) -> None:
    os.truncate(path, 0)


DAMAGES: dict[str, Callable[[Path], None]] = {
    "truncated": truncated,
    "garbage": garbage,
    "zero-size": zero_size,
}


def corrupt_copies(data_dir: Path) -> list[Path]:
    return sorted(data_dir.glob(CATALOG_FILE + ".corrupt-*"))


@pytest.fixture(params=list(DAMAGES))
def damaged(request: pytest.FixtureRequest, data_dir: Path) -> tuple[str, bytes]:
    """An index of 100 chunks whose catalog is then damaged; (kind, damaged bytes)."""
    build_index(data_dir)
    assert (data_dir / CATALOG_FILE).stat().st_size > 40_000
    DAMAGES[request.param](data_dir / CATALOG_FILE)
    return str(request.param), (data_dir / CATALOG_FILE).read_bytes()


def test_a_writer_sets_an_unreadable_catalog_aside_and_starts_empty(
    data_dir: Path, damaged: tuple[str, bytes], caplog: pytest.LogCaptureFixture
) -> None:
    kind, damaged_bytes = damaged
    old_umask = os.umask(0)
    try:
        with caplog.at_level(logging.WARNING):
            store = open_store(data_dir)
    finally:
        os.umask(old_umask)
    assert store.catalog.counts() == EMPTY
    assert len(store.vectors) == 0  # the old vectors belong to the lost catalog
    copies = corrupt_copies(data_dir)
    if kind == "zero-size":
        assert copies == []  # an empty file is an empty catalog: nothing to keep
    else:
        assert len(copies) == 1
        copy = copies[0]
        assert re.fullmatch(r"catalog\.sqlite3\.corrupt-\d{8}T\d{6}Z", copy.name)
        assert copy.read_bytes() == damaged_bytes
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600
        assert str(copy) in caplog.text
    add_file(store, "/docs/new.txt", ["fresh start"], seed=5)
    store.close()
    reopened = open_store(data_dir, read_only=True)
    assert reopened.catalog.counts()["chunks"] == 1
    assert reopened.catalog.file_by_path("/docs/new.txt") is not None
    reopened.close()


def test_a_reader_of_an_unreadable_catalog_gets_a_clear_error(
    data_dir: Path, damaged: tuple[str, bytes]
) -> None:
    from desktop_search.storage.catalog_file import CatalogCorruptError

    kind, damaged_bytes = damaged
    if kind == "zero-size":
        store = open_store(data_dir, read_only=True)  # an empty file: an empty index
        assert store.catalog.counts() == EMPTY
        store.close()
    else:
        with pytest.raises(CatalogCorruptError, match="set it aside and rebuild"):
            open_store(data_dir, read_only=True)
    assert (data_dir / CATALOG_FILE).read_bytes() == damaged_bytes
    assert corrupt_copies(data_dir) == []


def test_two_corruptions_in_the_same_second_keep_both_copies(data_dir: Path) -> None:
    for _ in range(2):
        build_index(data_dir, files=1)
        garbage(data_dir / CATALOG_FILE)
        open_store(data_dir).close()
    assert len(corrupt_copies(data_dir)) == 2


def test_a_damaged_page_inside_the_catalog_is_found_by_the_writer(data_dir: Path) -> None:
    build_index(data_dir, files=40)
    path = data_dir / CATALOG_FILE
    data = bytearray(path.read_bytes())
    middle = len(data) // 2 // 4096 * 4096
    data[middle : middle + 4096] = os.urandom(4096)
    path.write_bytes(bytes(data))
    store = open_store(data_dir)
    assert store.catalog.counts() == EMPTY
    assert len(corrupt_copies(data_dir)) == 1
    store.close()
