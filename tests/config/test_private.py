"""The private data dir helpers: 0700 folders and 0600 files whatever the umask."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_search.config.private import (
    create_private_file,
    make_private_dir,
    private_umask,
    secure_data_dir,
    write_private_file_atomically,
)
from desktop_search.config.settings import SETTINGS_FILE, Settings


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


@pytest.fixture(params=[0o022, 0o000], ids=["umask022", "umask000"])
def loose_umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    try:
        yield int(request.param)
    finally:
        os.umask(old)


def test_private_umask_restores_the_users_umask_even_when_nested(loose_umask: int) -> None:
    with private_umask():
        with private_umask():
            assert os.umask(0o077) == 0o077
        assert os.umask(0o077) == 0o077
    assert os.umask(loose_umask) == loose_umask


def test_make_private_dir_creates_and_fixes_mode(tmp_path: Path, loose_umask: int) -> None:
    fresh = make_private_dir(tmp_path / "a" / "b")
    assert mode(fresh) == 0o700
    loose = tmp_path / "loose"
    loose.mkdir()
    loose.chmod(0o755)
    make_private_dir(loose)
    assert mode(loose) == 0o700


def test_create_private_file_keeps_content_and_fixes_mode(tmp_path: Path, loose_umask: int) -> None:
    new = tmp_path / "new.lock"
    create_private_file(new)
    assert mode(new) == 0o600
    old = tmp_path / "old.lock"
    old.write_text("123\n")
    old.chmod(0o644)
    create_private_file(old)
    assert mode(old) == 0o600 and old.read_text() == "123\n"


def test_atomic_write_is_private_and_leaves_no_temp_file(tmp_path: Path, loose_umask: int) -> None:
    target = tmp_path / "file.json"
    write_private_file_atomically(target, b"one")
    write_private_file_atomically(target, b"two")
    assert target.read_bytes() == b"two" and mode(target) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.json"]


def test_settings_file_and_its_temp_file_are_private(
    tmp_path: Path, loose_umask: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, int] = {}
    real_replace = os.replace

    def replace_noting_mode(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        seen[Path(src).name] = mode(Path(src))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace_noting_mode)
    data_dir = tmp_path / "data"
    Settings(folders=["/docs"]).save(data_dir)
    assert seen == {SETTINGS_FILE + ".tmp": 0o600}
    assert mode(data_dir) == 0o700 and mode(data_dir / SETTINGS_FILE) == 0o600
    assert json.loads((data_dir / SETTINGS_FILE).read_text())["folders"] == ["/docs"]


def test_secure_data_dir_fixes_an_existing_loose_data_dir(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    model = data_dir / "models" / "mine"
    model.mkdir(parents=True)
    for path in (data_dir, data_dir / "models", model):
        path.chmod(0o755)
    files = [data_dir / n for n in ("catalog.sqlite3", "settings.json", "daemon.lock")]
    files.append(model / "model.onnx")
    for path in files:
        path.write_bytes(b"x")
        path.chmod(0o644)
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"not ours to change")
    outside.chmod(0o644)
    (data_dir / "link").symlink_to(outside)
    secure_data_dir(data_dir)
    assert [mode(p) for p in (data_dir, data_dir / "models", model)] == [0o700] * 3
    assert [mode(p) for p in files] == [0o600] * len(files)
    assert mode(outside) == 0o644  # a link is not followed
