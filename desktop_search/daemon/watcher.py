"""Folder watching: watchdog events, debounced per path, feeding the daemon's work queue."""

from __future__ import annotations

import errno
import logging
import os
import threading
import time
from collections.abc import Callable

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

from desktop_search.indexer.ignore import IGNORE_FILE, IgnoreRules
from desktop_search.indexer.scanner import SKIP_DIRS, is_temporary

log = logging.getLogger(__name__)

DEBOUNCE_S = 0.3
# At most this many paths a batch, newest first: during a bulk copy, the file a user has
# just saved waits for one batch, not for the whole copy (the copy drains behind it).
MAX_BATCH = 16


class ChangeQueue:
    """Paths waiting to be looked at; each waits ``debounce_s`` after its last event, so an
    editor's burst of writes (or save-via-rename) is handled once."""

    def __init__(self, debounce_s: float = DEBOUNCE_S) -> None:
        self.debounce_s = debounce_s
        self._due: dict[str, float] = {}
        self._condition = threading.Condition()
        self._woken = False

    def add(self, path: str) -> None:
        with self._condition:
            self._due[path] = time.monotonic() + self.debounce_s
            self._condition.notify_all()

    def add_now(self, paths: list[str]) -> None:
        """Queue paths found by a scan: due at once, but older than any later event."""
        with self._condition:
            now = time.monotonic()
            for path in paths:
                self._due.setdefault(path, now)
            self._condition.notify_all()

    def __len__(self) -> int:
        with self._condition:
            return len(self._due)

    def take_due(self, timeout_s: float, max_items: int = MAX_BATCH) -> list[str]:
        """Wait up to ``timeout_s`` for paths whose quiet time has passed; return the
        ``max_items`` most recently changed of them."""
        deadline = time.monotonic() + timeout_s
        with self._condition:
            while True:
                now = time.monotonic()
                due = sorted(
                    (p for p, t in self._due.items() if t <= now),
                    key=self._due.__getitem__,
                    reverse=True,
                )[:max_items]
                if due:
                    for path in due:
                        del self._due[path]
                    return due
                if now >= deadline or self._woken:
                    self._woken = False
                    return []
                wake = min([deadline, *self._due.values()])
                self._condition.wait(max(0.0, wake - now))

    def wake(self) -> None:
        """Make a waiting :meth:`take_due` return now (other work has arrived)."""
        with self._condition:
            self._woken = True
            self._condition.notify_all()


def _ignored(path: str, include_hidden: bool, rules: IgnoreRules) -> bool:
    parts = path.split(os.sep)
    if any(part in SKIP_DIRS for part in parts):
        return True
    name = parts[-1]
    if is_temporary(name):
        return True
    if not include_hidden and any(part.startswith(".") for part in parts if part):
        return True
    return rules.is_ignored(path, os.path.isdir(path))


class _Handler(FileSystemEventHandler):
    def __init__(
        self, notify: Callable[[str], None], include_hidden: bool, rules: IgnoreRules
    ) -> None:
        self.notify = notify
        self.include_hidden = include_hidden
        self.rules = rules

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        if event.is_directory and event.event_type == "modified":
            return  # a child changed; the child's own event says which
        for raw in (event.src_path, getattr(event, "dest_path", "")):
            path = os.fsdecode(raw) if raw else ""
            if path and os.path.basename(path) == IGNORE_FILE:
                self.notify(os.path.dirname(path))  # new exclusions: look at the folder again
            elif path and not _ignored(path, self.include_hidden, self.rules):
                self.notify(path)


class FolderWatcher:
    """Watches folders recursively; falls back to polling where inotify watches run out."""

    def __init__(
        self,
        notify: Callable[[str], None],
        *,
        include_hidden: bool = False,
        rules: IgnoreRules | None = None,
        poll_interval_s: float = 5.0,
    ) -> None:
        self.handler = _Handler(notify, include_hidden, rules or IgnoreRules())
        self.poll_interval_s = poll_interval_s
        self.observer: BaseObserver = Observer()
        self.poller: BaseObserver | None = None
        self.modes: dict[str, str] = {}  # folder -> "events" | "polling (reason)"
        self._watches: dict[str, object] = {}
        self.observer.start()

    def set_rules(self, rules: IgnoreRules, *, include_hidden: bool) -> None:
        """New exclusions take effect for the events that come next."""
        self.handler.rules = rules
        self.handler.include_hidden = include_hidden

    def watch(self, folder: str) -> None:
        if folder in self._watches:
            return
        try:
            self._watches[folder] = self.observer.schedule(self.handler, folder, recursive=True)
            self.modes[folder] = "events"
        except OSError as exc:
            if exc.errno not in (errno.ENOSPC, errno.EMFILE):
                raise
            log.warning("inotify watches exhausted for %s: polling it instead", folder)
            if self.poller is None:
                self.poller = PollingObserver(timeout=self.poll_interval_s)
                self.poller.start()
            self._watches[folder] = self.poller.schedule(self.handler, folder, recursive=True)
            self.modes[folder] = "polling (the system's inotify watch limit was reached)"

    def unwatch(self, folder: str) -> None:
        watch = self._watches.pop(folder, None)
        self.modes.pop(folder, None)
        if watch is None:
            return
        for observer in (self.observer, self.poller):
            if observer is not None:
                try:
                    observer.unschedule(watch)  # type: ignore[arg-type]
                except KeyError:
                    continue

    def stop(self) -> None:
        for observer in (self.observer, self.poller):
            if observer is not None:
                observer.stop()
                observer.join(timeout=5)
