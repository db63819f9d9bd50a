"""Freshness: how long from a file being saved to its text being searchable.

Starts the real daemon (as a subprocess, on temporary folders), then saves small text
files, each with a unique word, and polls the daemon's search over its real IPC until the
file is found. Measured while the daemon is idle, and while it indexes a bulk copy of a
BEIR corpus's documents. Also reports the idle daemon's CPU use and memory.

    python benchmarks/freshness.py [--saves 40] [--bulk 800] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import beir, machine
from desktop_search.daemon.client import DaemonClient, DaemonUnavailableError

REPO = Path(__file__).resolve().parents[1]
TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def wait_started(client: DaemonClient, timeout_s: float = 120) -> None:
    deadline = time.monotonic() + timeout_s
    while not client.available():
        if time.monotonic() > deadline:
            raise DaemonUnavailableError("the daemon did not start")
        time.sleep(0.1)


def wait_idle(client: DaemonClient, timeout_s: float = 600) -> None:
    deadline = time.monotonic() + timeout_s
    time.sleep(0.6)
    while time.monotonic() < deadline:
        status = client.call("status")
        if status["state"] == "idle" and not status["files_pending"]:
            return
        time.sleep(0.2)
    raise TimeoutError("the daemon did not settle")


def save_and_time(client: DaemonClient, folder: Path, number: int) -> float:
    token = f"freshq{number}zx"
    path = folder / f"fresh-{number}.txt"
    started = time.perf_counter()
    path.write_text(f"A freshly saved note {token} about nothing in particular.\n", "utf-8")
    while True:
        hits = client.call("search", query=token, mode="lexical", k=1)
        if hits and hits[0]["path"] == str(path):
            return time.perf_counter() - started
        if time.perf_counter() - started > 120:
            raise TimeoutError(f"{path} never became searchable")
        time.sleep(0.01)


def percentiles(values: list[float]) -> dict[str, float]:
    array = np.array(values) * 1000
    return {f"p{p}": round(float(np.percentile(array, p)), 1) for p in (50, 95)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=40)
    parser.add_argument("--bulk", type=int, default=800, help="documents copied while busy")
    parser.add_argument("--data", type=Path, default=beir.SCIFACT)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="ds-freshness-"))
    runtime = work / "run"
    runtime.mkdir(mode=0o700)
    watched = work / "watched"
    watched.mkdir()
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime)}
    os.environ["XDG_RUNTIME_DIR"] = str(runtime)
    data = work / "data"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "desktop_search",
            "daemon",
            "--data-dir",
            str(data),
            "--folder",
            str(watched),
        ],
        cwd=REPO,
        env=env,
    )
    client = DaemonClient(data, timeout_s=60)
    try:
        wait_started(client)
        wait_idle(client)

        idle = [save_and_time(client, watched, i) for i in range(args.saves)]
        wait_idle(client)
        time.sleep(5)
        cpu_before, wall_before = cpu_seconds(process.pid), time.monotonic()
        time.sleep(20)
        idle_cpu = (cpu_seconds(process.pid) - cpu_before) / (time.monotonic() - wall_before)
        idle_rss = rss_mb(process.pid)

        collection = beir.load(args.data)
        bulk = watched / "bulk"
        bulk.mkdir()

        def copy() -> None:
            for number, (title, text) in enumerate(list(collection.corpus.values())[: args.bulk]):
                (bulk / f"doc{number:05d}.md").write_text(f"# {title}\n\n{text}\n", "utf-8")

        copier = threading.Thread(target=copy)
        copier.start()
        time.sleep(1.0)
        busy = []
        for i in range(args.saves):
            status = client.call("status")
            if status["state"] == "idle" and not status["files_pending"] and not copier.is_alive():
                break  # the bulk copy is done: later saves would not be "busy"
            busy.append(save_and_time(client, watched, 10_000 + i))
        copier.join()
        wait_idle(client)
        busy_rss = rss_mb(process.pid)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
    report = {
        "idle": {"saves": len(idle), **percentiles(idle)},
        "busy": {"saves": len(busy), "bulk_docs": args.bulk, **percentiles(busy)} if busy else None,
        "idle_cpu_percent": round(idle_cpu * 100, 2),
        "idle_rss_mb": round(idle_rss, 1),
        "rss_after_bulk_mb": round(busy_rss, 1),
        "machine": machine.describe(),
    }
    if not args.json:
        print(
            f"idle: {report['idle']}\nbusy: {report['busy']}\n"
            f"idle CPU {report['idle_cpu_percent']}%, RSS {report['idle_rss_mb']} MB "
            f"(after the bulk copy {report['rss_after_bulk_mb']} MB)"
        )
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
