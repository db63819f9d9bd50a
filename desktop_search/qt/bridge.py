"""Daemon calls for Qt clients: every call runs on a worker thread, every answer comes back
as a signal on the UI thread. The UI never waits on the socket."""

from __future__ import annotations

import contextlib
import itertools
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop_search.daemon.client import DaemonClient, DaemonError, DaemonUnavailableError
from desktop_search.daemon.launcher import ensure_daemon

log = logging.getLogger(__name__)

# Searches are short; status and settings calls too. A slow daemon (busy reopening its
# engine) is waited for on the worker thread, never on the UI.
CALL_TIMEOUT_S = 60.0
WORKERS = 3


class DaemonBridge(QObject):
    """``call()`` returns a ticket at once; ``replied`` or ``failed`` follows with it."""

    replied = Signal(int, str, object)  # ticket, method, result
    failed = Signal(int, str, str, str)  # ticket, method, kind ('unavailable'|code), message
    availability = Signal(bool)  # the daemon answered / did not answer
    daemon_started = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.client = DaemonClient(data_dir, timeout_s=CALL_TIMEOUT_S)
        self._tickets = itertools.count(1)
        self._pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="daemon-call")
        self._available: bool | None = None
        self._closed = False

    def call(self, method: str, **params: Any) -> int:
        ticket = next(self._tickets)
        if self._closed:
            return ticket  # quitting: no new calls, and no answer will come
        self._pool.submit(self._run, ticket, method, params)
        return ticket

    def start_daemon_if_needed(self) -> None:
        """Start the daemon in the background unless one answers (never blocks the UI)."""
        if not self._closed:
            self._pool.submit(self._ensure)

    def shutdown(self) -> None:
        self._closed = True
        self._pool.shutdown(wait=False, cancel_futures=True)

    # -- worker threads -----------------------------------------------------------------

    def _ensure(self) -> None:
        try:
            if ensure_daemon(self.data_dir) is not None:
                log.info("started the daemon for %s", self.data_dir)
                self._emit(self.daemon_started)
        except OSError as exc:
            log.error("could not start the daemon: %s", exc)
            self._set_available(False)

    def _run(self, ticket: int, method: str, params: dict[str, Any]) -> None:
        try:
            result = self.client.call(method, **params)
        except DaemonUnavailableError as exc:
            self._set_available(False)
            self._emit(self.failed, ticket, method, "unavailable", str(exc))
            return
        except DaemonError as exc:
            self._set_available(True)
            self._emit(self.failed, ticket, method, exc.code, str(exc))
            return
        except Exception as exc:  # a reply we could not read: say so, keep going
            log.exception("daemon call %s failed", method)
            self._emit(self.failed, ticket, method, "error", str(exc))
            return
        self._set_available(True)
        self._emit(self.replied, ticket, method, result)

    def _emit(self, signal: Any, *args: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the receiver is gone (app quitting)
            signal.emit(*args)

    def _set_available(self, available: bool) -> None:
        if available != self._available:
            self._available = available
            self._emit(self.availability, available)
