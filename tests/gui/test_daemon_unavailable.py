"""With no daemon: the window says so, and starts one (here: when asked to)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop_search.gui.window import SearchWindow
from desktop_search.qt.bridge import DaemonBridge
from tests.qt.harness import RuntimeDir, build_gui_corpus, stop_daemon_of


def test_unavailable_state_then_starting_the_daemon(qtbot: QtBot, tmp_path: Path) -> None:
    notes, _ = build_gui_corpus(tmp_path / "files")
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "settings.json").write_text(f'{{"folders": ["{notes}"]}}', "utf-8")
    with RuntimeDir(tmp_path / "run"):
        bridge = DaemonBridge(data_dir)
        window = SearchWindow(bridge)
        qtbot.addWidget(window)
        window.show()
        QTest.keyClicks(window.query, "pasta")
        qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=10_000)
        assert window.daemon_up is False
        assert "not running" in window.banner_text.text()
        assert "not running" in window.placeholder.text()
        assert window.stack.currentWidget() is window.placeholder
        try:
            window.banner_button.click()
            # the daemon starts, indexes, and the waiting query gets its answer
            qtbot.waitUntil(lambda: window.daemon_up is True, timeout=30_000)
            assert not window.banner.isVisible()
            qtbot.waitUntil(
                lambda: any(h["path"].endswith("pasta.pdf") for h in window.model.hits),
                timeout=60_000,
            )
        finally:
            stop_daemon_of(data_dir)
            bridge.shutdown()
