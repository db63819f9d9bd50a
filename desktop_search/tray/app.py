"""``desktop-search tray``: the indexer with its system-tray icon."""

from __future__ import annotations

import signal
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop_search.gui.app import SearchApp, make_application
from desktop_search.gui.settings_dialog import SettingsDialog
from desktop_search.qt.bridge import DaemonBridge
from desktop_search.qt.events import EventListener
from desktop_search.tray.controller import TrayController

NO_TRAY_NOTE = (
    "This desktop has no system tray, so the indexer has no icon. It keeps indexing "
    "in the background; search and settings are in this window."
)


class TrayApp:
    def __init__(self, app: QApplication, data_dir: Path) -> None:
        self.app = app
        self.data_dir = data_dir
        self.bridge = DaemonBridge(data_dir)
        self.events = EventListener(data_dir)
        self.search: SearchApp | None = None
        self.settings: SettingsDialog | None = None
        self.controller = TrayController(
            self.bridge,
            data_dir,
            open_search=self.open_search,
            open_settings=self.open_settings,
            quit_app=app.quit,
        )
        self.events.received.connect(self.controller.on_event)

    def start(self) -> None:
        self.bridge.start_daemon_if_needed()
        self.events.start()
        if not self.controller.available:
            print(NO_TRAY_NOTE, flush=True)
            search = self.open_search()
            search.window.statusBar().showMessage(NO_TRAY_NOTE)
            # the window is the app here: closing it quits
            self.app.setQuitOnLastWindowClosed(True)

    def open_search(self) -> SearchApp:
        if self.search is None:
            self.search = SearchApp(self.data_dir)
            self.search.start()
        self.search.window.show()
        self.search.window.raise_()
        self.search.window.activateWindow()
        return self.search

    def open_settings(self) -> SettingsDialog:
        if self.settings is None:
            self.settings = SettingsDialog(self.bridge, self.data_dir)
        else:
            self.settings.reload()
        self.settings.show()
        self.settings.raise_()
        return self.settings

    def stop(self) -> None:
        self.controller.stop()
        self.events.stop()
        self.bridge.shutdown()
        if self.search is not None:
            self.search.stop()


def run_tray(data_dir: Path, *, quit_after_ms: int | None = None) -> int:
    app = make_application()
    app.setQuitOnLastWindowClosed(False)  # the tray lives on with no window open
    signal.signal(signal.SIGINT, lambda *_: app.quit())
    tray = TrayApp(app, data_dir)
    tray.start()

    def ready() -> None:
        where = "in the system tray" if tray.controller.available else "without a system tray"
        print(f"ready: indexer running {where}", flush=True)
        if quit_after_ms is not None:
            QTimer.singleShot(quit_after_ms, app.quit)

    QTimer.singleShot(0, ready)
    code = app.exec()
    tray.stop()
    return code
