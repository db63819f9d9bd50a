"""Open a file, show it in the file manager, copy its path."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication

UrlOpener = Callable[[QUrl], bool]


class FileActions:
    """``opener`` is what hands a URL to the desktop (QDesktopServices by default); the
    tests pass a recorder so that no real application starts."""

    def __init__(self, opener: UrlOpener | None = None) -> None:
        self.opener: UrlOpener = opener or QDesktopServices.openUrl

    def open(self, path: str) -> bool:
        if not os.path.exists(path):
            return False
        return self.opener(QUrl.fromLocalFile(path))

    def reveal(self, path: str) -> bool:
        """Select the file in the file manager (freedesktop FileManager1 over D-Bus, which
        Nautilus, Dolphin, Nemo and Thunar answer); else open its folder."""
        if not os.path.exists(path):
            return False
        if self.opener is QDesktopServices.openUrl and _show_items_over_dbus(path):
            return True
        return self.opener(QUrl.fromLocalFile(os.path.dirname(path)))

    @staticmethod
    def copy_path(path: str) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(path)


def _show_items_over_dbus(path: str) -> bool:
    tool = shutil.which("dbus-send")
    if tool is None or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return False
    uri = QUrl.fromLocalFile(path).toString()
    try:
        done = subprocess.run(
            [
                tool,
                "--session",
                "--print-reply",
                "--dest=org.freedesktop.FileManager1",
                "/org/freedesktop/FileManager1",
                "org.freedesktop.FileManager1.ShowItems",
                f"array:string:{uri}",
                "string:",
            ],
            capture_output=True,
            timeout=3,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0
