from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from desktop_search.gui.file_actions import FileActions
from desktop_search.gui.window import SearchWindow
from desktop_search.qt.bridge import DaemonBridge
from tests.daemon.harness import RunningDaemon
from tests.qt.harness import running_daemon


@pytest.fixture(scope="module")
def shared_daemon(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningDaemon]:
    """One daemon for the tests that only search (it takes seconds to start)."""
    with running_daemon(tmp_path_factory.mktemp("gui")) as daemon:
        yield daemon


class OpenedUrls:
    """Stands in for the desktop's URL handler: records instead of starting programs."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def __call__(self, url: QUrl) -> bool:
        self.urls.append(url.toLocalFile())
        return True


@pytest.fixture
def opened() -> OpenedUrls:
    return OpenedUrls()


@pytest.fixture
def window(
    qtbot: QtBot, shared_daemon: RunningDaemon, opened: OpenedUrls
) -> Iterator[SearchWindow]:
    bridge = DaemonBridge(shared_daemon.data_dir)
    shown = SearchWindow(bridge, FileActions(opener=opened))
    qtbot.addWidget(shown)
    shown.show()
    shown.refresh_status()
    qtbot.waitUntil(lambda: bool(shown.status.get("folders")), timeout=10_000)
    yield shown
    bridge.shutdown()
