from __future__ import annotations

from pathlib import Path

import pytest

from desktop_search.daemon.politeness import (
    BUSY_SHARE,
    LoadMonitor,
    on_battery,
    read_process_jiffies,
    read_system_jiffies,
)


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


class Readings:
    """Fixed /proc readings, one per look: the machine's (busy, total) jiffies and each
    process's jiffies ("self" and child pids)."""

    def __init__(
        self,
        system: list[tuple[int, int] | None],
        processes: dict[int | str, list[int | None]],
    ) -> None:
        self.system = iter(system)
        self.processes = {pid: iter(values) for pid, values in processes.items()}

    def system_jiffies(self) -> tuple[int, int] | None:
        return next(self.system)

    def process_jiffies(self, pid: int | str) -> int | None:
        values = self.processes.get(pid)
        return None if values is None else next(values)

    def monitor(self, child_pids: list[int] | None = None) -> LoadMonitor:
        return LoadMonitor(
            lambda: list(child_pids or []),
            system_jiffies=self.system_jiffies,
            process_jiffies=self.process_jiffies,
        )


def test_own_cpu_use_does_not_count_as_the_user_being_busy() -> None:
    # 200 jiffies passed; the machine was busy for 150 of them, 140 of which were ours.
    readings = Readings([(1000, 5000), (1150, 5200)], {"self": [300, 440]})
    monitor = readings.monitor()
    assert monitor.others_share() == pytest.approx(10 / 200)


def test_busy_children_count_as_our_own_work() -> None:
    # The extractor child (pid 42) used 100 of the 160 busy jiffies, we used 50.
    readings = Readings([(1000, 5000), (1160, 5200)], {"self": [300, 350], 42: [10, 110]})
    assert readings.monitor([42]).others_share() == pytest.approx(10 / 200)


def test_other_programs_busy_means_back_off() -> None:
    # Others used 150 of 200 jiffies (75 %): above the 60 % threshold.
    busy = Readings([(1000, 5000), (1160, 5200)], {"self": [300, 310]})
    assert busy.monitor().others_busy()
    # Others used 100 of 200 (50 %): below it.
    calm = Readings([(1000, 5000), (1110, 5200)], {"self": [300, 310]})
    assert not calm.monitor().others_busy()
    assert BUSY_SHARE == 0.6


def test_each_look_compares_with_the_previous_one() -> None:
    readings = Readings([(0, 1000), (100, 1100), (200, 1200)], {"self": [0, 100, 100]})
    monitor = readings.monitor()
    assert monitor.others_share() == pytest.approx(0.0)  # all of it was ours
    assert monitor.others_share() == pytest.approx(1.0)  # none of it was


def test_share_stays_between_zero_and_one() -> None:
    # Our counter was read a moment later than the machine's: more "own" than busy.
    readings = Readings([(1000, 5000), (1050, 5100)], {"self": [300, 400]})
    assert readings.monitor().others_share() == 0.0


def test_missing_readings_mean_go_ahead() -> None:
    no_proc = Readings([None, None], {})
    assert no_proc.monitor().others_share() == 0.0
    stalled_clock = Readings([(1000, 5000), (1000, 5000)], {"self": [1, 1]})
    assert stalled_clock.monitor().others_share() == 0.0
    # A child that exited between two looks counts as nothing, not as an error.
    gone = Readings([(0, 1000), (100, 1100)], {"self": [0, 0], 7: [None, None]})
    assert gone.monitor([7]).others_share() == pytest.approx(1.0)


def test_real_proc_readings_have_the_right_shape() -> None:
    """Only the shape of the real readings: the machine's load is not ours to assert."""
    system = read_system_jiffies()
    own = read_process_jiffies("self")
    if system is None or own is None:
        pytest.skip("no /proc on this system")
    busy, total = system
    assert 0 <= busy <= total and own >= 0
    monitor = LoadMonitor()
    sum(i * i for i in range(100_000))
    assert 0.0 <= monitor.others_share() <= 1.0
