"""The tray indexer: an icon that shows what the daemon is doing, and a menu to steer it.

Where the desktop has no system tray the same menu still exists (tests use its actions),
and the app says so and falls back to the search window.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QSystemTrayIcon

from desktop_search.daemon.api import BUSY_STATES, model_switch, ocr_progress
from desktop_search.qt.bridge import DaemonBridge
from desktop_search.tray.icons import state_icon
from desktop_search.tray.status_dialog import StatusDialog, describe_state

STATUS_EVERY_MS = 2000
FAILURE_NOTICE_EVERY_S = 60.0
FIRST_INDEX_FLAG = "first-index-notified"


class TrayController(QObject):
    notified = Signal(str, str)  # title, message: every notification (shown or not)
    state_changed = Signal(str)

    def __init__(
        self,
        bridge: DaemonBridge,
        data_dir: Path,
        *,
        open_search: Callable[[], object],
        open_settings: Callable[[], object],
        quit_app: Callable[[], object],
    ) -> None:
        super().__init__()
        self.bridge = bridge
        self.data_dir = data_dir
        self._open_search = open_search
        self._open_settings = open_settings
        self._quit_app = quit_app
        self.status: dict[str, Any] = {}
        self.state = "starting"
        self.available = QSystemTrayIcon.isSystemTrayAvailable()
        self._last_failure_notice = 0.0
        self.status_dialog: StatusDialog | None = None

        self.menu = QMenu()
        self.menu.setObjectName("trayMenu")
        self.open_action = self._action("Open Search", open_search)
        self.menu.addSeparator()
        self.state_action = self._action("Starting…", lambda: None)
        self.state_action.setEnabled(False)
        self.pause_action = self._action("Pause Indexing", self.toggle_pause)
        self.add_folder_action = self._action("Add Folder…", self.choose_folder)
        self.status_action = self._action("Status…", self.show_status)
        self.settings_action = self._action("Settings…", open_settings)
        self.menu.addSeparator()
        self.quit_action = self._action("Quit (Stop Indexing)", self.quit)

        self.icon: QSystemTrayIcon | None = None
        if self.available:
            self.icon = QSystemTrayIcon(state_icon("idle"))
            self.icon.setContextMenu(self.menu)
            self.icon.setToolTip("Desktop Search")
            self.icon.activated.connect(self._on_activated)
            self.icon.show()

        bridge.replied.connect(self._on_reply)
        bridge.failed.connect(self._on_failure)
        self._timer = QTimer(self)
        self._timer.setInterval(STATUS_EVERY_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def _action(self, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.menu)
        action.triggered.connect(lambda _=False: slot())
        self.menu.addAction(action)
        return action

    # -- menu actions -------------------------------------------------------------------

    def toggle_pause(self) -> None:
        self.bridge.call("resume" if self.state == "paused" else "pause")

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(None, "Add a folder to index")
        if folder:
            self.add_folder(folder)

    def add_folder(self, folder: str) -> None:
        self.bridge.call("add_folder", path=folder)

    def show_status(self) -> StatusDialog:
        if self.status_dialog is None:
            self.status_dialog = StatusDialog()
            self.status_dialog.retry_requested.connect(lambda: self.bridge.call("retry_failed"))
        if self.status:
            self.status_dialog.show_status(self.status)
        self.status_dialog.show()
        self.status_dialog.raise_()
        self.refresh()
        return self.status_dialog

    def quit(self) -> None:
        """Stop the daemon too: quitting the indexer means no more indexing."""
        self.bridge.call("shutdown")
        self._timer.stop()
        if self.icon is not None:
            self.icon.hide()
        QTimer.singleShot(300, self._quit_app)  # let the shutdown call leave first

    def refresh(self) -> None:
        self.bridge.call("status")

    # -- answers ------------------------------------------------------------------------

    def _on_reply(self, ticket: int, method: str, result: object) -> None:
        if method == "status" and isinstance(result, dict):
            self._show(result)
        elif method in ("pause", "resume", "add_folder", "retry_failed"):
            self.refresh()

    def _on_failure(self, ticket: int, method: str, kind: str, message: str) -> None:
        if method == "status" and kind == "unavailable":
            self._set_state("error", "The indexer is not running")
            if self.status_dialog is not None:
                self.status_dialog.show_unavailable()
        elif method == "add_folder":
            self.notify("Folder not added", message)

    def _show(self, status: dict[str, Any]) -> None:
        self.status = status
        daemon_state = str(status.get("state", "idle"))
        pending = int(status.get("files_pending", 0))
        indexed = int(status.get("files_indexed", 0))
        busy = daemon_state in BUSY_STATES or pending > 0
        if daemon_state == "paused":
            state = "paused"
        elif busy:
            state = "indexing"
        elif status.get("files_failed"):
            state = "error"
        else:
            state = "idle"
        text = describe_state(status)
        if status.get("files_failed"):
            text += f" · {status['files_failed']:,} failed"
        fraction = indexed / (indexed + pending) if indexed + pending else None
        switch = model_switch(status)
        if switch is not None and not pending:
            state = "indexing" if state != "paused" else state
            fraction = switch[1] / switch[2] if switch[2] else None
        scans = ocr_progress(status)
        if scans is not None and not pending:
            fraction = scans[0] / scans[1] if scans[1] else None
        self._set_state(state, text, fraction)
        self.pause_action.setText("Resume Indexing" if state == "paused" else "Pause Indexing")
        if not busy and daemon_state == "idle" and status.get("folders"):
            self._first_index_done(indexed)  # once per data dir: a flag file remembers
        if self.status_dialog is not None and self.status_dialog.isVisible():
            self.status_dialog.show_status(status)

    def on_event(self, name: str, data: object) -> None:
        """The daemon's pushed events (from the EventListener)."""
        if name == "changed" and isinstance(data, dict) and data.get("failed"):
            failed = data["failed"]
            now = time.monotonic()
            if now - self._last_failure_notice >= FAILURE_NOTICE_EVERY_S:
                self._last_failure_notice = now
                first = failed[0]
                more = f" (and {len(failed) - 1} more)" if len(failed) > 1 else ""
                self.notify(
                    "Some files could not be indexed",
                    f"{Path(first['path']).name}: {first['reason']}{more}",
                )
        if name in ("progress", "changed"):
            self.refresh()

    def _first_index_done(self, indexed: int) -> None:
        flag = self.data_dir / FIRST_INDEX_FLAG
        if flag.exists():
            return
        self.notify("Indexing finished", f"{indexed:,} files are ready to search.")
        with contextlib.suppress(OSError):
            flag.write_text(time.strftime("%Y-%m-%d %H:%M:%S\n"), encoding="utf-8")

    def notify(self, title: str, message: str) -> None:
        self.notified.emit(title, message)
        if self.icon is not None and QSystemTrayIcon.supportsMessages():
            self.icon.showMessage(title, message, QSystemTrayIcon.MessageIcon.Information, 8000)

    def _set_state(self, state: str, text: str, progress: float | None = None) -> None:
        changed = state != self.state
        self.state = state
        self.state_action.setText(text)
        if self.icon is not None:
            self.icon.setIcon(state_icon(state, progress))
            self.icon.setToolTip(f"Desktop Search: {text}")
        if changed:
            self.state_changed.emit(state)

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self._open_search()

    def stop(self) -> None:
        self._timer.stop()
        if self.icon is not None:
            self.icon.hide()
