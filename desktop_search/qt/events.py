"""The daemon's pushed events (progress, changed, settings) as Qt signals."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop_search.daemon.client import DaemonClient, DaemonUnavailableError

RECONNECT_S = 1.0
IDLE_TIMEOUT_S = 30.0  # no event for this long: subscribe again (catches a dead daemon)


class EventListener(QObject):
    """Subscribes, and subscribes again whenever the daemon goes away and comes back.

    It listens on a plain daemon thread (not a QThread): quitting the app never waits for
    a socket read to time out. Signals cross to the UI thread as queued connections.
    """

    received = Signal(str, object)  # event name, data

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.client = DaemonClient(data_dir)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._listen, name="daemon-events", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _listen(self) -> None:
        while not self._stop.is_set():
            try:
                for message in self.client.events(timeout_s=IDLE_TIMEOUT_S):
                    if self._stop.is_set():
                        return
                    self._forward(message)
            except (DaemonUnavailableError, OSError):
                pass
            self._stop.wait(RECONNECT_S)

    def _forward(self, message: dict[str, Any]) -> None:
        name = message.get("event")
        if isinstance(name, str):
            with contextlib.suppress(RuntimeError):  # the window is gone: nobody listens
                self.received.emit(name, message.get("data"))
