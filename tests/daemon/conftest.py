from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.daemon.harness import RunningDaemon


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
