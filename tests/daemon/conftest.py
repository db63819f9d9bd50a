from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.daemon.harness import RunningDaemon


@pytest.fixture
def runtime(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "run"
    folder.mkdir(mode=0o700)
    saved = os.environ.get("XDG_RUNTIME_DIR")
    yield folder
    if saved is None:
        os.environ.pop("XDG_RUNTIME_DIR", None)
    else:
        os.environ["XDG_RUNTIME_DIR"] = saved


@pytest.fixture
def daemon(tmp_path: Path, runtime: Path) -> Iterator[RunningDaemon]:
    folders = [tmp_path / "one", tmp_path / "two"]
    for folder in folders:
        folder.mkdir()
    (folders[0] / "seed.txt").write_text("Seed note about lighthouses on rocky coasts.", "utf-8")
    running = RunningDaemon(tmp_path / "data", folders, runtime)
    running.start()
    yield running
    if running.process is not None and running.process.poll() is None:
        running.stop()
