"""The one-writer lock of a data dir: held by the daemon for as long as it runs, and by a
daemon-less ``index`` run for as long as it writes. Two writers never overlap."""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path
from typing import IO

from desktop_search.config.private import create_private_file, make_private_dir

LOCK_FILE = "daemon.lock"


class WriterBusyError(Exception):
    """Another process (a daemon, or an ``index`` run) writes to this data dir."""


class WriterLock:
    """``flock`` on ``daemon.lock``; the file holds the holder's pid and role."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LOCK_FILE
        self._handle: IO[str] | None = None

    def acquire(self, role: str, *, wait: bool = False) -> None:
        make_private_dir(self.path.parent)
        create_private_file(self.path)  # an old lock file left 0644 is made 0600 too
        handle = self.path.open("a+", encoding="utf-8")
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError as exc:
            handle.close()
            raise WriterBusyError(self._busy_message()) from exc
        handle.seek(0)
        handle.truncate(0)
        handle.write(f"{os.getpid()} {role}\n")
        handle.flush()
        self._handle = handle

    def _busy_message(self) -> str:
        """Who holds the lock, from what its file says ('pid role')."""
        try:
            pid, _, role = self.path.read_text(encoding="utf-8").strip().partition(" ")
        except OSError:
            pid, role = "", ""
        where = self.path.parent
        if role == "daemon":
            return f"a desktop-search daemon (pid {pid}) is already running for {where}"
        if role == "index":
            return f"another 'desktop-search index' (pid {pid}) is writing to {where}"
        return f"another desktop-search process is writing to {where}"

    def release(self) -> None:
        if self._handle is not None:
            with contextlib.suppress(OSError):
                self._handle.close()
            self._handle = None

    def __enter__(self) -> WriterLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
