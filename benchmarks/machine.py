"""What machine a benchmark ran on, printed with its figures."""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path


def describe() -> dict[str, object]:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory_gb = 0.0
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        first = meminfo.read_text(encoding="utf-8").splitlines()[0]
        memory_gb = round(int(first.split()[1]) / 1024 / 1024, 1)
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": memory_gb,
        "python": platform.python_version(),
        "system": platform.platform(),
    }


def print_results(results: dict[str, object], *, as_json: bool) -> None:
    """A benchmark's figures: one JSON document, or one line per section."""
    if as_json:
        print(json.dumps(results, indent=2))
        return
    for key, value in results.items():
        print(f"{key}: {json.dumps(value)}")
