"""Folder watching: watchdog events, debounced per path, feeding the daemon's work queue.

A watched folder that is a symbolic link is watched at its real place, and its events are
reported under the folder's own path (the one the catalog holds). A watched folder that
disappears is "missing" until :meth:`FolderWatcher.recheck` finds it again (the daemon
calls it every few seconds); a link event inside a watched folder is not passed on, as
the scan does not follow such links either (see ``indexer/scanner.py``)."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch
from watchdog.observers.polling import PollingObserver

from desktop_search.indexer.ignore import IGNORE_FILE, IgnoreRules
from desktop_search.indexer.scanner import excluded_below

log = logging.getLogger(__name__)

DEBOUNCE_S = 0.3
# At most this many paths a batch, newest first: during a bulk copy, the file a user has
# just saved waits for one batch, not for the whole copy (the copy drains behind it).
MAX_BATCH = 16

EVENTS = "events"
POLLING = "polling (the system's inotify watch limit was reached)"
MISSING = "missing (will be watched again when it reappears)"


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

    def discard_under(self, folder: str) -> None:
        """Forget the queued paths at or below ``folder`` (it is no longer watched)."""
        prefix = folder.rstrip(os.sep) + os.sep
        with self._condition:
            for path in [p for p in self._due if p == folder or p.startswith(prefix)]:
                del self._due[path]

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


class _Handler(FileSystemEventHandler):
    """The events of one watched folder, mapped back to the folder's own path."""

    def __init__(self, watcher: FolderWatcher, folder: str, real: str) -> None:
        self.watcher = watcher
        self.folder = folder
        self.real = real

    def _mapped(self, raw: bytes | str) -> str:
        path = os.fsdecode(raw)
        if path == self.real:
            return self.folder
        if path.startswith(self.real.rstrip(os.sep) + os.sep):
            return os.path.join(self.folder, path[len(self.real.rstrip(os.sep)) + 1 :])
        return path

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        if event.is_directory and event.event_type == "modified":
            return  # a child changed; the child's own event says which
        if event.event_type == "deleted" and self._mapped(event.src_path) == self.folder:
            self.watcher._lost(self.folder, self)
            self.watcher.notify(self.folder)  # its files leave the index
            return
        for raw in (event.src_path, getattr(event, "dest_path", "")):
            path = self._mapped(raw) if raw else ""
            if not path or path == self.folder:
                continue
            if os.path.basename(path) == IGNORE_FILE:
                self.watcher.notify(os.path.dirname(path))  # new exclusions: look again
            elif not os.path.islink(path) and not excluded_below(
                self.folder,
                path,
                event.is_directory,
                include_hidden=self.watcher.include_hidden,
                rules=self.watcher.rules,
            ):
                self.watcher.notify(path)


@dataclass
class _Watch:
    real: str  # the folder actually watched (links resolved)
    identity: tuple[int, int]  # its (st_dev, st_ino) when the watch began
    handler: _Handler
    handle: ObservedWatch
    observer: BaseObserver
    mode: str  # EVENTS or POLLING
    lost: bool = False  # the folder itself was deleted


class FolderWatcher:
    """Watches folders recursively; falls back to polling where inotify watches run out;
    watches a folder again when it reappears (see :meth:`recheck`)."""

    def __init__(
        self,
        notify: Callable[[str], None],
        *,
        include_hidden: bool = False,
        rules: IgnoreRules | None = None,
        poll_interval_s: float = 5.0,
    ) -> None:
        self.notify = notify
        self.include_hidden = include_hidden
        self.rules = rules or IgnoreRules()
        self.poll_interval_s = poll_interval_s
        self.observer: BaseObserver = Observer()
        self.poller: BaseObserver | None = None
        # _lock guards the watches and is held while calling watchdog; the handlers, which
        # watchdog calls holding its own lock, take only _modes_lock (no lock-order cycle).
        self._lock = threading.RLock()
        self._watches: dict[str, _Watch | None] = {}  # folder -> its watch (None: none now)
        self._modes_lock = threading.Lock()
        self._modes: dict[str, str] = {}
        self._stopped = False
        self.observer.start()

    @property
    def modes(self) -> dict[str, str]:
        """Folder -> how it is watched: "events", "polling (reason)", "missing (...)" or
        "not watched (reason)"."""
        with self._modes_lock:
            return dict(self._modes)

    def set_rules(self, rules: IgnoreRules, *, include_hidden: bool) -> None:
        """New exclusions take effect for the events that come next."""
        self.rules = rules
        self.include_hidden = include_hidden

    def watch(self, folder: str) -> None:
        """Watch ``folder`` from now on; one that does not exist (yet) is "missing" until
        :meth:`recheck` finds it."""
        with self._lock:
            if folder in self._watches:
                return
            self._watches[folder] = None
            self._start(folder)

    def unwatch(self, folder: str) -> None:
        with self._lock:
            watch = self._watches.pop(folder, None)
            self._set_mode(folder, None)
            if watch is not None:
                self._unschedule(watch)

    def recheck(self) -> list[str]:
        """Look at every watched folder: one that has gone (deleted, moved away, a link now
        pointing elsewhere) is marked missing and passed on (its files leave the index);
        one that has come back is watched again and passed on (it is scanned: what
        happened while it was not watched is not known). Returns the folders watched again.
        The daemon calls this every few seconds."""
        back: list[str] = []
        with self._lock:
            if self._stopped:
                return back
            for folder, watch in list(self._watches.items()):
                if watch is not None and self._still_valid(folder, watch):
                    self._set_mode(folder, watch.mode)
                    continue
                if watch is not None:
                    log.info("watched folder %s is gone: will watch it when it reappears", folder)
                    self._unschedule(watch)
                    self._watches[folder] = None
                    self._set_mode(folder, MISSING)
                    self.notify(folder)
                if self._start(folder):
                    log.info("watched folder %s is there: watching it", folder)
                    back.append(folder)
                    self.notify(folder)
        return back

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
        for observer in (self.observer, self.poller):
            if observer is not None:
                observer.stop()
                observer.join(timeout=5)

    # -- inside -----------------------------------------------------------------------

    def _start(self, folder: str) -> bool:
        """Schedule a watch of ``folder`` (the lock is held); False when it cannot be."""
        try:
            real = os.path.realpath(folder)
            info = os.stat(real)
            if not os.path.isdir(real):
                raise NotADirectoryError(errno.ENOTDIR, "not a folder", folder)
            handler = _Handler(self, folder, real)
            try:
                observer, mode = self.observer, EVENTS
                handle = observer.schedule(handler, real, recursive=True)
            except OSError as exc:
                if exc.errno not in (errno.ENOSPC, errno.EMFILE):
                    raise
                log.warning("inotify watches exhausted for %s: polling it instead", folder)
                observer, mode = self._polling_observer(), POLLING
                handle = observer.schedule(handler, real, recursive=True)
        except (FileNotFoundError, NotADirectoryError):
            self._set_mode(folder, MISSING)
            return False
        except RecursionError:  # watchdog walks the tree recursively to add its watches
            mode = "not watched (its folders are nested too deeply; tried again later)"
            if self.modes.get(folder) != mode:
                log.warning("cannot watch %s: its folders are nested too deeply", folder)
            self._set_mode(folder, mode)
            return False
        except OSError as exc:
            mode = f"not watched ({exc.strerror or exc}; tried again later)"
            if self.modes.get(folder) != mode:
                log.warning("cannot watch %s: %s", folder, exc)
            self._set_mode(folder, mode)
            return False
        self._watches[folder] = _Watch(
            real, (info.st_dev, info.st_ino), handler, handle, observer, mode
        )
        self._set_mode(folder, mode)
        return True

    def _set_mode(self, folder: str, mode: str | None) -> None:
        with self._modes_lock:
            if mode is None:
                self._modes.pop(folder, None)
            else:
                self._modes[folder] = mode

    def _polling_observer(self) -> BaseObserver:
        if self.poller is None:
            self.poller = PollingObserver(timeout=self.poll_interval_s)
            self.poller.start()
        return self.poller

    def _still_valid(self, folder: str, watch: _Watch) -> bool:
        if watch.lost:
            return False
        try:
            real = os.path.realpath(folder)
            info = os.stat(real)
        except OSError:
            return False
        return real == watch.real and (info.st_dev, info.st_ino) == watch.identity

    def _unschedule(self, watch: _Watch) -> None:
        with contextlib.suppress(KeyError):  # the observer dropped it already
            watch.observer.unschedule(watch.handle)

    def _lost(self, folder: str, handler: _Handler) -> None:
        """The watched folder itself was deleted (called on the observer's thread, which
        holds watchdog's lock: so not _lock)."""
        watch = self._watches.get(folder)
        if watch is not None and watch.handler is handler:
            watch.lost = True
            self._set_mode(folder, MISSING)
