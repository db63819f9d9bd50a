"""When the daemon should hold back: the user's other programs are busy, or the machine
runs on battery. Linux reads /proc and /sys; elsewhere both checks say 'go ahead'."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

BUSY_SHARE = 0.6  # other processes using more than this share of all cores: back off
POWER_SUPPLY = Path("/sys/class/power_supply")

SystemJiffies = Callable[[], tuple[int, int] | None]  # (busy, total) over all cores
ProcessJiffies = Callable[[int | str], int | None]  # one process's ("self": this one)


def read_system_jiffies() -> tuple[int, int] | None:
    """(busy, total) CPU jiffies since boot, over all cores; None without /proc."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except OSError:
        return None
    values = [int(v) for v in fields[:8]]
    idle = values[3] + values[4]  # idle + iowait
    return sum(values) - idle, sum(values)


def read_process_jiffies(pid: int | str) -> int | None:
    """A process's CPU jiffies (all its threads, and its waited-for children); None when
    it is gone or there is no /proc."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return sum(int(v) for v in stat[11:15])  # utime stime cutime cstime


class LoadMonitor:
    """How busy the rest of the system has been since the last look (0.0 to 1.0): all CPU
    use minus this process's and that of its long-lived children (``child_pids``).

    The readings come from ``system_jiffies`` (busy and total jiffies of the machine) and
    ``process_jiffies`` (one process's jiffies, ``"self"`` for this one); both read /proc
    unless given, so tests can feed fixed readings."""

    def __init__(
        self,
        child_pids: Callable[[], list[int]] | None = None,
        *,
        system_jiffies: SystemJiffies = read_system_jiffies,
        process_jiffies: ProcessJiffies = read_process_jiffies,
    ) -> None:
        self.child_pids = child_pids or list
        self._system_jiffies = system_jiffies
        self._process_jiffies = process_jiffies
        self._last = self._sample()

    def _sample(self) -> tuple[int, int, int] | None:
        system, own = self._system_jiffies(), self._process_jiffies("self")
        if system is None or own is None:
            return None
        children = sum(self._process_jiffies(pid) or 0 for pid in self.child_pids())
        return system[0], system[1], own + children

    def others_share(self) -> float:
        now = self._sample()
        last, self._last = self._last, now
        if now is None or last is None or now[1] <= last[1]:
            return 0.0
        busy = (now[0] - last[0]) - (now[2] - last[2])
        return max(0.0, min(1.0, busy / (now[1] - last[1])))

    def others_busy(self) -> bool:
        return self.others_share() > BUSY_SHARE


def on_battery(power_supply: Path = POWER_SUPPLY) -> bool:
    """True when the machine has a mains adapter and none is online (laptop unplugged)."""
    try:
        supplies = list(power_supply.iterdir())
    except OSError:
        return False
    mains = []
    for supply in supplies:
        try:
            kind = (supply / "type").read_text().strip()
        except OSError:
            continue
        if kind == "Mains":
            try:
                mains.append((supply / "online").read_text().strip() == "1")
            except OSError:
                continue
    return bool(mains) and not any(mains)


def cpu_count() -> int:
    return os.cpu_count() or 1
