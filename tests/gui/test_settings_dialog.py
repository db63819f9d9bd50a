"""Settings: the dialog reads the daemon's settings, writes changes back, and the daemon
applies them at once (no restart)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop_search.config import autostart
from desktop_search.gui.settings_dialog import MB, SettingsDialog
from desktop_search.qt.bridge import DaemonBridge
from tests.daemon.harness import RunningDaemon, wait_for
from tests.qt.harness import running_daemon

WAIT_MS = 20_000


@pytest.fixture
def daemon(tmp_path: Path) -> Iterator[RunningDaemon]:
    with running_daemon(tmp_path) as running:
        yield running


@pytest.fixture
def dialog(
    qtbot: QtBot, daemon: RunningDaemon, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[SettingsDialog]:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    bridge = DaemonBridge(daemon.data_dir)
    opened = SettingsDialog(bridge, daemon.data_dir)
    qtbot.addWidget(opened)
    opened.show()
    qtbot.waitUntil(lambda: bool(opened.loaded) and opened.model.count() > 0, timeout=WAIT_MS)
    yield opened
    bridge.shutdown()


def test_the_dialog_shows_the_daemons_settings(dialog: SettingsDialog) -> None:
    folders = [dialog.folders.item(i).text() for i in range(dialog.folders.count())]
    assert [Path(f).name for f in folders] == ["archive", "notes"]
    assert dialog.max_size.value() == 50
    assert dialog.threads.value() == 0
    assert dialog.threads.text() == "Automatic"
    assert dialog.battery.isChecked()
    assert not dialog.login.isChecked()
    assert dialog.model.currentText() == "Default (all-MiniLM-L6-v2)"
    assert dialog.changes() == {}


def test_changes_round_trip_and_apply_without_a_restart(
    qtbot: QtBot, dialog: SettingsDialog, daemon: RunningDaemon, tmp_path: Path
) -> None:
    assert "cats1.txt" in daemon.search("cats purring")
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "orchard.txt").write_text("Apple orchards blossom in spring in the valley.", "utf-8")

    dialog.exclusions.setPlainText("cats*.txt\n")
    dialog.max_size.setValue(8)
    dialog.threads.setValue(1)
    dialog.battery.setChecked(False)
    dialog.add_folder(str(extra))
    dialog.login.setChecked(True)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Apply).click()

    # the daemon took them, and keeps them on disk
    settings = daemon.client.call("get_settings")
    assert settings["exclude_patterns"] == ["cats*.txt"]
    assert settings["max_file_bytes"] == 8 * MB
    assert settings["encoder_threads"] == 1
    assert settings["pause_on_battery"] is False
    assert str(extra) in settings["folders"]
    wait_for(
        lambda: json.loads((daemon.data_dir / "settings.json").read_text())["encoder_threads"] == 1,
        what="the settings file to be written",
    )
    # ... and applied them without a restart: excluded files leave, the new folder is in
    daemon.idle()
    assert not any(name.startswith("cats") for name in daemon.search("cats purring"))
    assert daemon.search("apple blossom")[0] == "orchard.txt"
    assert daemon.process is not None and daemon.process.poll() is None

    # start at login: an XDG autostart entry that runs this installation's tray
    entry = autostart.entry_path()
    assert entry.is_file()
    text = entry.read_text()
    assert "tray" in text and str(daemon.data_dir) in text

    # a new dialog shows what was saved
    again = SettingsDialog(dialog.bridge, daemon.data_dir)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: bool(again.loaded), timeout=WAIT_MS)
    assert again.exclusions.toPlainText() == "cats*.txt"
    assert again.max_size.value() == 8
    assert again.threads.value() == 1
    assert again.login.isChecked()
    again.login.setChecked(False)
    again.apply()
    assert not entry.exists()


def test_removing_a_folder_removes_its_files(
    qtbot: QtBot, dialog: SettingsDialog, daemon: RunningDaemon
) -> None:
    row = next(
        i
        for i in range(dialog.folders.count())
        if dialog.folders.item(i).text().endswith("archive")
    )
    dialog.folders.setCurrentRow(row)
    dialog.remove_button.click()
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    daemon.idle()
    assert "lighthouse.txt" not in daemon.search("lighthouse storms")


def test_a_bad_value_is_refused_with_a_reason(daemon: RunningDaemon) -> None:
    from desktop_search.daemon.client import DaemonError

    with pytest.raises(DaemonError, match="encoder_threads"):
        daemon.client.call("set_settings", changes={"encoder_threads": "many"})
    with pytest.raises(DaemonError, match="not a desktop-search model folder"):
        daemon.client.call("set_settings", changes={"model_dir": "/nonexistent"})


def test_a_bad_exclusion_pattern_is_refused_with_its_reason(
    qtbot: QtBot, dialog: SettingsDialog, daemon: RunningDaemon
) -> None:
    dialog.exclusions.setPlainText("*.log\n[z-a]\n")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Apply).click()
    qtbot.waitUntil(lambda: "not a valid pattern" in dialog.note.text(), timeout=WAIT_MS)
    assert "Not saved" in dialog.note.text() and "'[z-a]'" in dialog.note.text()
    assert dialog.exclusions.isEnabled()  # the user can mend it
    assert daemon.client.call("get_settings")["exclude_patterns"] == []

    dialog.exclusions.setPlainText("*.log\n")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Apply).click()
    assert daemon.client.call("get_settings")["exclude_patterns"] == ["*.log"]
    assert daemon.process is not None and daemon.process.poll() is None
