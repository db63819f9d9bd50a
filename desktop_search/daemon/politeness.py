"""When the daemon should hold back: the user's other programs are busy, or the machine
runs on battery. Linux reads /proc and /sys; elsewhere both checks say 'go ahead'."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

BUSY_SHARE = 0.6  # other processes using more than this share of all cores: back off
POWER_SUPPLY = Path("/sys/class/power_supply")


def _system_jiffies() -> tuple[int, int] | None:
    """(busy, total) CPU jiffies since boot, over all cores."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except OSError:
        return None
    values = [int(v) for v in fields[:8]]
    idle = values[3] + values[4]  # idle + iowait
    return sum(values) - idle, sum(values)


def _process_jiffies(pid: int | str) -> int | None:
    """A process's CPU jiffies (all its threads, and its waited-for children)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return sum(int(v) for v in stat[11:15])  # utime stime cutime cstime


class LoadMonitor:
    """How busy the rest of the system has been since the last look (0.0 to 1.0): all CPU
    use minus this process's and that of its long-lived children (``child_pids``)."""

    def __init__(self, child_pids: Callable[[], list[int]] | None = None) -> None:
        self.child_pids = child_pids or list
        self._last = self._sample()

    def _sample(self) -> tuple[int, int, int] | None:
        system, own = _system_jiffies(), _process_jiffies("self")
        if system is None or own is None:
            return None
        children = sum(_process_jiffies(pid) or 0 for pid in self.child_pids())
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
