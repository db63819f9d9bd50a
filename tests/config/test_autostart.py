from __future__ import annotations

from pathlib import Path

import pytest

from desktop_search.config import autostart


@pytest.fixture(autouse=True)
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config"


def test_enable_writes_a_valid_entry_for_this_installation(config_home: Path) -> None:
    assert not autostart.is_enabled()
    path = autostart.enable(Path("/home/me/My Index"))
    assert path == config_home / "autostart" / "desktop-search-tray.desktop"
    assert autostart.is_enabled()
    lines = path.read_text().splitlines()
    exec_line = next(line for line in lines if line.startswith("Exec="))
    assert "desktop_search tray --data-dir" in exec_line
    assert '"/home/me/My Index"' in exec_line  # quoted: it holds a space
    assert not any(line.startswith("TryExec=") for line in lines)
    assert "[Desktop Entry]" in lines


def test_disable_removes_it_and_a_hidden_entry_is_off(config_home: Path) -> None:
    path = autostart.enable()
    autostart.disable()
    assert not path.exists() and not autostart.is_enabled()
    autostart.disable()  # twice is fine
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[Desktop Entry]\nHidden=true\n")
    assert not autostart.is_enabled()
