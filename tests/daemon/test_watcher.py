"""The real watchdog watcher, including the fall-back to polling when inotify runs out."""

from __future__ import annotations

import errno
import time
from pathlib import Path

import pytest

from desktop_search.daemon.watcher import ChangeQueue, FolderWatcher


def wait_for_path(queue: ChangeQueue, wanted: Path, timeout_s: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if str(wanted) in queue.take_due(timeout_s=0.5):
            return True
    return False


def test_events_reach_the_queue(tmp_path: Path) -> None:
    queue = ChangeQueue(debounce_s=0.1)
    watcher = FolderWatcher(queue.add)
    try:
        watcher.watch(str(tmp_path))
        assert watcher.modes == {str(tmp_path): "events"}
        (tmp_path / "a.txt").write_text("hello", "utf-8")
        assert wait_for_path(queue, tmp_path / "a.txt")
        (tmp_path / ".hidden.txt").write_text("hello", "utf-8")
        (tmp_path / "b.txt~").write_text("backup", "utf-8")
        time.sleep(0.5)
        assert queue.take_due(timeout_s=0.5) == []  # hidden and temporary files are ignored
    finally:
        watcher.stop()


def test_falls_back_to_polling_when_inotify_watches_run_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    queue = ChangeQueue(debounce_s=0.1)
    watcher = FolderWatcher(queue.add, poll_interval_s=0.5)
    try:

        def exhausted(*args: object, **kwargs: object) -> None:
            raise OSError(errno.ENOSPC, "inotify watch limit reached")

        # The kernel refusing more watches, as it does at fs.inotify.max_user_watches.
        monkeypatch.setattr(watcher.observer, "schedule", exhausted)
        watcher.watch(str(tmp_path))
        assert watcher.modes[str(tmp_path)].startswith("polling")
        (tmp_path / "polled.txt").write_text("found by polling", "utf-8")
        assert wait_for_path(queue, tmp_path / "polled.txt")
    finally:
        watcher.stop()
