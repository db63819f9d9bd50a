"""The index is private to its user: data dir 0700, every file in it 0600, any umask."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_search.storage.catalog import CATALOG_FILE
from desktop_search.storage.store import VECTORS_FILE
from tests.storage.sample_index import add_file, build_index, open_store


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def modes_in(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): mode(p) for p in sorted(folder.rglob("*"))}


@pytest.fixture(params=[0o022, 0o000], ids=["umask022", "umask000"])
def loose_umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    try:
        yield int(request.param)
    finally:
        os.umask(old)


def test_every_index_file_is_private_whatever_the_umask(
    data_dir: Path, loose_umask: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    replaced: dict[str, int] = {}
    real_replace = os.replace

    def replace_noting_mode(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        replaced[Path(src).name] = mode(Path(src))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace_noting_mode)
    store = open_store(data_dir)
    add_file(store, "/docs/a.txt", ["one", "two"])
    store.save()
    while_open = modes_in(data_dir)
    store.close()
    assert {CATALOG_FILE, CATALOG_FILE + "-wal", CATALOG_FILE + "-shm"} <= set(while_open)
    assert while_open == dict.fromkeys(while_open, 0o600)
    assert replaced == {VECTORS_FILE + ".tmp": 0o600}
    assert modes_in(data_dir) == {CATALOG_FILE: 0o600, VECTORS_FILE: 0o600}
    assert mode(data_dir) == 0o700


def test_a_writer_makes_an_existing_loose_data_dir_private(data_dir: Path) -> None:
    build_index(data_dir, files=2)
    model = data_dir / "models" / "imported"
    model.mkdir(parents=True)
    (model / "model.onnx").write_bytes(b"onnx")
    (data_dir / "daemon.lock").write_text("1 daemon\n")
    (data_dir / "settings.json").write_text("{}")
    for path in [data_dir, *data_dir.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    open_store(data_dir).close()
    assert mode(data_dir) == 0o700
    assert modes_in(data_dir) == {
        name: 0o700 if (data_dir / name).is_dir() else 0o600 for name in modes_in(data_dir)
    }


def test_a_reader_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "never-indexed"
    store = open_store(missing, read_only=True)
    assert store.catalog.counts()["chunks"] == 0
    store.close()
    assert not missing.exists()
