"""``desktop-search gui``: the search window as an application."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop_search import __version__
from desktop_search.config.paths import resources_dir
from desktop_search.gui.palette import dark_palette
from desktop_search.gui.settings_dialog import SettingsDialog
from desktop_search.gui.window import SearchWindow
from desktop_search.qt.bridge import DaemonBridge
from desktop_search.qt.events import EventListener

STARTED = time.monotonic()
COLOR_SCHEME_ENV = "DESKTOP_SEARCH_COLOR_SCHEME"


def process_age_ms() -> float:
    """How long this process has existed (Linux: from /proc, interpreter start included);
    elsewhere, since this module was imported."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        started_s = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        uptime_s = float(Path("/proc/uptime").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return (time.monotonic() - STARTED) * 1000
    return max(0.0, uptime_s - started_s) * 1000


def app_icon() -> QIcon:
    return QIcon(str(resources_dir() / "icons" / "desktop-search.svg"))


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("desktop-search")
    app.setApplicationDisplayName("Desktop Search")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("desktop-search")
    app.setWindowIcon(app_icon())
    apply_color_scheme(app)
    return app


def apply_color_scheme(app: QApplication) -> None:
    """Follow the desktop's light or dark scheme (Qt does); $DESKTOP_SEARCH_COLOR_SCHEME
    = light | dark overrides it (used for screenshots of both)."""
    wanted = os.environ.get(COLOR_SCHEME_ENV, "").lower()
    schemes = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}
    if wanted not in schemes:
        return
    app.setStyle("Fusion")  # a style that draws from the palette everywhere
    app.styleHints().setColorScheme(schemes[wanted])
    if app.styleHints().colorScheme() != schemes[wanted]:  # no platform theme to ask
        app.setPalette(dark_palette() if wanted == "dark" else app.style().standardPalette())


class SearchApp:
    """The window with its bridge, its event listener and its settings dialog."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.bridge = DaemonBridge(data_dir)
        self.window = SearchWindow(self.bridge)
        self.events = EventListener(data_dir)
        self.events.received.connect(self._on_event)
        self.window.settings_requested.connect(self.open_settings)
        self.settings: SettingsDialog | None = None

    def start(self) -> None:
        self.bridge.start_daemon_if_needed()
        self.events.start()
        self.window.show()
        self.window.query.setFocus()
        self.window.refresh_status()

    def open_settings(self) -> SettingsDialog:
        if self.settings is None:
            self.settings = SettingsDialog(self.bridge, self.data_dir, self.window)
            self.settings.saved.connect(lambda _: self.window.refresh_status())
        else:
            self.settings.reload()
        self.settings.show()
        self.settings.raise_()
        self.settings.activateWindow()
        return self.settings

    def _on_event(self, name: str, data: object) -> None:
        if name in ("progress", "changed", "settings"):
            self.window.refresh_status()

    def stop(self) -> None:
        self.window.close()
        self.events.stop()
        self.bridge.shutdown()


def run_search_window(
    data_dir: Path, *, quit_after_ms: int | None = None, query: str | None = None
) -> int:
    app = make_application()
    signal.signal(signal.SIGINT, lambda *_: app.quit())  # Ctrl+C in a terminal quits
    search = SearchApp(data_dir)
    search.start()
    if query:
        search.window.set_query(query)

    def ready() -> None:
        print(f"ready: search box usable {process_age_ms():.0f} ms after start", flush=True)
        if quit_after_ms is not None:
            QTimer.singleShot(quit_after_ms, app.quit)

    QTimer.singleShot(0, ready)  # runs once the window is shown and the loop turns
    code = app.exec()
    search.stop()
    return code
