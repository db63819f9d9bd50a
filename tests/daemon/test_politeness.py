from __future__ import annotations

import time
from pathlib import Path

from desktop_search.daemon.politeness import LoadMonitor, on_battery


def supply(root: Path, name: str, kind: str, online: str | None = None) -> None:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "type").write_text(kind + "\n")
    if online is not None:
        (folder / "online").write_text(online + "\n")


def test_on_battery_reads_the_mains_adapters(tmp_path: Path) -> None:
    assert on_battery(tmp_path / "missing") is False  # no power-supply info: desktop
    desktop = tmp_path / "desktop"
    desktop.mkdir()
    assert on_battery(desktop) is False
    plugged = tmp_path / "plugged"
    supply(plugged, "AC", "Mains", "1")
    supply(plugged, "BAT0", "Battery")
    assert on_battery(plugged) is False
    unplugged = tmp_path / "unplugged"
    supply(unplugged, "AC", "Mains", "0")
    supply(unplugged, "BAT0", "Battery")
    assert on_battery(unplugged) is True


def test_own_cpu_use_does_not_count_as_the_user_being_busy() -> None:
    monitor = LoadMonitor()
    deadline = time.monotonic() + 0.5
    while time.monotonic() < deadline:  # this process keeps one core busy
        sum(i * i for i in range(1000))
    share = monitor.others_share()
    assert 0.0 <= share < 0.5


def test_busy_children_count_as_our_own_work() -> None:
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        monitor = LoadMonitor(lambda: [child.pid])
        time.sleep(0.6)
        assert monitor.others_share() < 0.5
    finally:
        child.kill()
        child.wait()
