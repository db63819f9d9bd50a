"""The tray indexer's menu against a real daemon. Offscreen there is no system tray, so
the menu's actions are triggered directly, as the issue allows; the fallback to the
window is tested too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from desktop_search.qt.bridge import DaemonBridge
from desktop_search.qt.events import EventListener
from desktop_search.tray.app import NO_TRAY_NOTE, TrayApp
from desktop_search.tray.controller import FIRST_INDEX_FLAG, TrayController
from tests.daemon.harness import RunningDaemon, wait_for
from tests.qt.harness import RuntimeDir, build_gui_corpus, running_daemon, stop_daemon_of

WAIT_MS = 30_000


class Calls:
    def __init__(self) -> None:
        self.names: list[str] = []

    def __call__(self, name: str) -> None:
        self.names.append(name)


@pytest.fixture
def daemon(tmp_path: Path) -> Iterator[RunningDaemon]:
    with running_daemon(tmp_path) as running:
        yield running


@pytest.fixture
def tray(qtbot: QtBot, daemon: RunningDaemon) -> Iterator[tuple[TrayController, Calls]]:
    calls = Calls()
    bridge = DaemonBridge(daemon.data_dir)
    events = EventListener(daemon.data_dir)
    controller = TrayController(
        bridge,
        daemon.data_dir,
        open_search=lambda: calls("search"),
        open_settings=lambda: calls("settings"),
        quit_app=lambda: calls("quit"),
    )
    events.received.connect(controller.on_event)
    events.start()
    qtbot.waitUntil(lambda: bool(controller.status), timeout=WAIT_MS)
    yield controller, calls
    controller.stop()
    events.stop()
    bridge.shutdown()


def menu_texts(controller: TrayController) -> list[str]:
    return [a.text() for a in controller.menu.actions() if not a.isSeparator()]


def test_no_system_tray_offscreen_but_the_menu_is_complete(
    tray: tuple[TrayController, Calls],
) -> None:
    controller, calls = tray
    assert QSystemTrayIcon.isSystemTrayAvailable() is False
    assert controller.available is False and controller.icon is None
    texts = menu_texts(controller)
    for wanted in ("Open Search", "Pause Indexing", "Add Folder…", "Status…", "Settings…"):
        assert wanted in texts
    assert texts[-1].startswith("Quit")
    controller.open_action.trigger()
    controller.settings_action.trigger()
    assert calls.names == ["search", "settings"]


def test_state_shows_idle_with_failures_as_error(
    qtbot: QtBot, tray: tuple[TrayController, Calls]
) -> None:
    controller, _ = tray
    qtbot.waitUntil(lambda: controller.state == "error", timeout=WAIT_MS)  # broken.pdf
    assert "Up to date" in controller.state_action.text()
    assert "1 failed" in controller.state_action.text()


def test_pause_and_resume_from_the_menu(
    qtbot: QtBot, tray: tuple[TrayController, Calls], daemon: RunningDaemon
) -> None:
    controller, _ = tray
    controller.pause_action.trigger()
    qtbot.waitUntil(lambda: controller.state == "paused", timeout=WAIT_MS)
    assert daemon.client.call("status")["state"] == "paused"
    assert controller.pause_action.text() == "Resume Indexing"
    assert controller.state_action.text().startswith("Paused")
    controller.pause_action.trigger()
    qtbot.waitUntil(lambda: controller.state != "paused", timeout=WAIT_MS)
    assert daemon.client.call("status")["state"] != "paused"
    assert controller.pause_action.text() == "Pause Indexing"


def test_add_folder_from_the_menu(
    qtbot: QtBot,
    tray: tuple[TrayController, Calls],
    daemon: RunningDaemon,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    controller, _ = tray
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "orchard.txt").write_text("Apple orchards blossom in spring in the valley.", "utf-8")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(extra))
    controller.add_folder_action.trigger()
    wait_for(lambda: str(extra) in [f["path"] for f in daemon.client.call("status")["folders"]])
    daemon.idle()
    assert daemon.search("apple blossom")[0] == "orchard.txt"


def test_status_dialog_lists_failures_and_retries(
    qtbot: QtBot, tray: tuple[TrayController, Calls]
) -> None:
    controller, _ = tray
    controller.status_action.trigger()
    dialog = controller.status_dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.failures.rowCount() == 1, timeout=WAIT_MS)
    path_item, reason_item = dialog.failures.item(0, 0), dialog.failures.item(0, 1)
    assert path_item is not None and path_item.text().endswith("broken.pdf")
    assert reason_item is not None and reason_item.text()  # a reason, in words
    assert "files indexed" in dialog.summary.text()
    assert dialog.retry.isEnabled()

    retried: list[object] = []
    controller.bridge.replied.connect(
        lambda _t, method, result: retried.append(result) if method == "retry_failed" else None
    )
    dialog.retry.click()
    qtbot.waitUntil(lambda: retried == [1], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: dialog.failures.rowCount() == 1, timeout=WAIT_MS)  # still broken


def test_a_failure_is_notified(
    qtbot: QtBot, tray: tuple[TrayController, Calls], daemon: RunningDaemon
) -> None:
    controller, _ = tray
    with qtbot.waitSignal(controller.notified, timeout=WAIT_MS) as notice:
        (daemon.folders[0] / "also-broken.docx").write_bytes(b"PK\x03\x04 not a real docx")
    title, message = notice.args
    assert title == "Some files could not be indexed"
    assert "also-broken.docx" in message


def test_quit_stops_the_indexer(
    qtbot: QtBot, tray: tuple[TrayController, Calls], daemon: RunningDaemon
) -> None:
    controller, calls = tray
    controller.quit_action.trigger()
    assert daemon.process is not None
    assert daemon.process.wait(timeout=30) == 0
    qtbot.waitUntil(lambda: calls.names == ["quit"], timeout=WAIT_MS)


def test_tray_app_without_a_tray_falls_back_to_the_window_and_notifies(
    qtbot: QtBot, tmp_path: Path
) -> None:
    notes, _ = build_gui_corpus(tmp_path / "files")
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "settings.json").write_text(f'{{"folders": ["{notes}"]}}', "utf-8")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    with RuntimeDir(tmp_path / "run"):
        tray = TrayApp(app, data_dir)
        notices: list[str] = []
        tray.controller.notified.connect(lambda title, _m: notices.append(title))
        try:
            tray.start()  # starts the daemon too
            assert tray.search is not None
            window = tray.search.window
            qtbot.addWidget(window)
            assert window.isVisible()
            assert window.statusBar().currentMessage() == NO_TRAY_NOTE
            qtbot.waitUntil(lambda: "Indexing finished" in notices, timeout=60_000)
            assert (data_dir / FIRST_INDEX_FLAG).is_file()
        finally:
            tray.stop()
            stop_daemon_of(data_dir)
