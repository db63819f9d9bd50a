"""The real watchdog watcher, including the fall-back to polling when inotify runs out."""

from __future__ import annotations

import errno
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_search.daemon.watcher import MISSING, ChangeQueue, FolderWatcher


def wait_for_path(queue: ChangeQueue, wanted: Path, timeout_s: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if str(wanted) in queue.take_due(timeout_s=0.5):
            return True
    return False


def collect_until(queue: ChangeQueue, wanted: Path, timeout_s: float = 15.0) -> set[str]:
    """Every path queued up to and with ``wanted``."""
    deadline = time.monotonic() + timeout_s
    seen: set[str] = set()
    while str(wanted) not in seen:
        assert time.monotonic() < deadline, f"{wanted} never came; saw {sorted(seen)}"
        seen.update(queue.take_due(timeout_s=0.5))
    return seen


def wait_until(condition: Callable[[], bool], timeout_s: float = 15.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


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


def test_a_folder_that_is_a_link_is_watched_under_its_own_path(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "link"
    link.symlink_to(real)
    queue = ChangeQueue(debounce_s=0.1)
    watcher = FolderWatcher(queue.add)
    try:
        watcher.watch(str(link))
        assert watcher.modes == {str(link): "events"}
        (real / "new.txt").write_text("hello", "utf-8")
        assert wait_for_path(queue, link / "new.txt")
    finally:
        watcher.stop()


def test_a_deleted_folder_is_watched_again_when_it_reappears(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    queue = ChangeQueue(debounce_s=0.1)
    watcher = FolderWatcher(queue.add)
    try:
        watcher.watch(str(folder))
        assert watcher.modes == {str(folder): "events"}
        (folder / "a.txt").write_text("hello", "utf-8")
        assert wait_for_path(queue, folder / "a.txt")

        shutil.rmtree(folder)
        assert wait_for_path(queue, folder)  # its files leave the index
        wait_until(lambda: (watcher.recheck(), watcher.modes[str(folder)])[1] == MISSING)
        assert watcher.recheck() == []  # still missing

        folder.mkdir()
        assert watcher.recheck() == [str(folder)]
        assert watcher.modes == {str(folder): "events"}
        assert wait_for_path(queue, folder)  # to be scanned
        (folder / "b.txt").write_text("hello again", "utf-8")
        assert wait_for_path(queue, folder / "b.txt")
    finally:
        watcher.stop()


def test_a_folder_missing_at_first_is_watched_when_it_appears(tmp_path: Path) -> None:
    folder = tmp_path / "later"
    queue = ChangeQueue(debounce_s=0.1)
    watcher = FolderWatcher(queue.add)
    try:
        watcher.watch(str(folder))
        assert watcher.modes == {str(folder): MISSING}
        folder.mkdir()
        assert watcher.recheck() == [str(folder)]
        (folder / "c.txt").write_text("hello", "utf-8")
        assert wait_for_path(queue, folder / "c.txt")
    finally:
        watcher.stop()


def test_a_folder_moved_away_or_relinked_is_noticed(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    link = tmp_path / "current"
    link.symlink_to(first)
    queue = ChangeQueue(debounce_s=0.1)
    watcher = FolderWatcher(queue.add)
    try:
        watcher.watch(str(link))
        link.unlink()
        link.symlink_to(second)
        assert watcher.recheck() == [str(link)]
        (second / "d.txt").write_text("hello", "utf-8")
        assert wait_for_path(queue, link / "d.txt")
    finally:
        watcher.stop()


def test_hidden_names_count_only_below_the_watched_folder(tmp_path: Path) -> None:
    folder = tmp_path / ".config-like" / "notes"
    folder.mkdir(parents=True)
    (folder / "target.txt").write_text("x", "utf-8")
    queue = ChangeQueue(debounce_s=0.1)
    watcher = FolderWatcher(queue.add)
    try:
        watcher.watch(str(folder))
        (folder / ".secret.txt").write_text("hidden", "utf-8")
        (folder / "link.txt").symlink_to(folder / "target.txt")  # links are not followed
        (folder / "seen.txt").write_text("hello", "utf-8")
        # events arrive in order: whatever came before seen.txt has been through the filter
        assert collect_until(queue, folder / "seen.txt") == {str(folder / "seen.txt")}
    finally:
        watcher.stop()


def test_a_polled_folder_that_disappears_is_missing_then_polled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "polled"
    folder.mkdir()
    queue = ChangeQueue(debounce_s=0.1)
    watcher = FolderWatcher(queue.add, poll_interval_s=0.2)
    try:

        def exhausted(*args: object, **kwargs: object) -> None:
            raise OSError(errno.ENOSPC, "inotify watch limit reached")

        monkeypatch.setattr(watcher.observer, "schedule", exhausted)
        watcher.watch(str(folder))
        assert watcher.modes[str(folder)].startswith("polling")
        folder.rmdir()
        wait_until(lambda: (watcher.recheck(), watcher.modes[str(folder)])[1] == MISSING)
        folder.mkdir()
        assert watcher.recheck() == [str(folder)]
        assert watcher.modes[str(folder)].startswith("polling")
        (folder / "e.txt").write_text("hello", "utf-8")
        assert wait_for_path(queue, folder / "e.txt")
    finally:
        watcher.stop()
