"""Each thread reads on its own SQLite connection; threads that end give theirs back."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from tests.storage.sample_index import build_index, open_store

THREADS = 3000
MAX_FD_GROWTH = 8


def open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
@pytest.mark.parametrize("read_only", [False, True], ids=["writer", "reader"])
def test_reads_from_thousands_of_short_lived_threads_keep_descriptors_flat(
    data_dir: Path, read_only: bool
) -> None:
    build_index(data_dir, files=5)
    store = open_store(data_dir, read_only=read_only)
    catalog = store.catalog
    catalog.counts()
    errors: list[BaseException] = []
    found: list[int] = []

    def one_request() -> None:  # what a search request does on its IPC thread
        try:
            hits = catalog.bm25('"alpha"', 5)
            chunks = catalog.chunks_by_ids(c for c, _ in hits)
            files = catalog.files_by_ids(chunk.file_id for chunk in chunks.values())
            found.append(len(chunks) if files else 0)
        except BaseException as exc:
            errors.append(exc)

    before = open_descriptors()
    for _ in range(THREADS):
        thread = threading.Thread(target=one_request)
        thread.start()
        thread.join()
    growth = open_descriptors() - before
    store.close()
    assert errors == []
    assert found == [5] * THREADS
    assert growth <= MAX_FD_GROWTH


def test_close_closes_the_connections_of_live_threads_too(data_dir: Path) -> None:
    build_index(data_dir, files=1)
    store = open_store(data_dir, read_only=True)
    ready, finish = threading.Event(), threading.Event()

    def hold_a_connection() -> None:
        store.catalog.counts()
        ready.set()
        finish.wait(60)

    holder = threading.Thread(target=hold_a_connection)
    holder.start()
    assert ready.wait(60)
    before = open_descriptors()
    store.close()
    finish.set()
    holder.join()
    assert open_descriptors() < before
