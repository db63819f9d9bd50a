"""The frozen app (packaging/build-linux): its size, and how fast its window is usable.

Sizes: the unpacked bundle, the .tar.gz and the .deb. Start-up: the frozen
``desktop-search gui --quit-after-ms 0`` (offscreen Qt) timed from launch to its "ready"
line, with the daemon already running; "cold" runs first drop the kernel's page cache
(needs root; skipped otherwise), "warm" runs do not. Also timed: a first launch with no
daemon, where the window starts one (both then compete for the 2 cores). Baseline, in the
same run: the same command from the source install (.venv).

    packaging/build-linux && python benchmarks/bundle.py [--runs 5] [--json]
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import machine
from desktop_search import __version__

REPO = Path(__file__).resolve().parents[1]
BUNDLE = REPO / "build" / "packaging" / "dist" / "desktop-search"
ARTEFACTS = {
    "tar.gz": REPO / "dist" / f"desktop-search-{__version__}-linux-x86_64.tar.gz",
    "deb": REPO / "dist" / f"desktop-search_{__version__}_amd64.deb",
}


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def drop_caches() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        return False
    return True


def stop_daemon(data: Path) -> None:
    """Stop the daemon a window started (its pid is in the lock file once it runs)."""
    lock = data / "daemon.lock"
    deadline = time.monotonic() + 30
    while not (lock.exists() and lock.read_text().strip()):
        if time.monotonic() > deadline:
            raise RuntimeError(f"no daemon started for {data}")
        time.sleep(0.1)
    pid = int(lock.read_text().split()[0])
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        time.sleep(0.1)


def time_gui(command: list[str], data: Path, env: dict[str, str], *, stop: bool = False) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(
        [*command, "gui", "--data-dir", str(data), "--quit-after-ms", "0"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    elapsed = float("nan")
    for line in process.stdout:
        if line.startswith("ready"):
            elapsed = (time.perf_counter() - started) * 1000
            break
    process.stdout.close()
    process.wait(timeout=60)
    if stop:
        stop_daemon(data)
    return elapsed


def start_daemon(command: list[str], data: Path, env: dict[str, str]) -> None:
    subprocess.Popen(
        [*command, "daemon", "--data-dir", str(data)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        status = subprocess.run(
            [*command, "status", "--data-dir", str(data)], env=env, capture_output=True
        )
        if status.returncode == 0 and (data / "daemon.lock").exists():
            time.sleep(2.0)  # let it settle
            return
        time.sleep(0.5)
    raise RuntimeError("the daemon did not start")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not (BUNDLE / "desktop-search").is_file():
        print("no bundle: run packaging/build-linux first")
        return 2
    work = Path(tempfile.mkdtemp(prefix="ds-bundle-"))
    runtime = work / "run"
    runtime.mkdir(mode=0o700)
    home = work / "home"
    (home / "Documents").mkdir(parents=True)  # what a daemon with no settings indexes
    (home / "Documents" / "note.txt").write_text("A note to index.", "utf-8")
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(runtime),
        "QT_QPA_PLATFORM": "offscreen",
    }
    frozen = [str(BUNDLE / "desktop-search")]
    source = [sys.executable, "-m", "desktop_search"]

    results: dict[str, object] = {"machine": machine.describe()}
    results["size_mb"] = {
        "bundle_unpacked": round(folder_bytes(BUNDLE) / 1e6, 1),
        **{name: round(path.stat().st_size / 1e6, 1) for name, path in ARTEFACTS.items()},
    }
    version_ms = []
    for _ in range(args.runs):
        started = time.perf_counter()
        subprocess.run([*frozen, "--version"], env=env, capture_output=True, check=True)
        version_ms.append((time.perf_counter() - started) * 1000)
    timings: dict[str, object] = {"frozen_version_median": round(statistics.median(version_ms))}
    first = [time_gui(frozen, work / f"first{run}", env, stop=True) for run in range(args.runs)]
    data = work / "data"
    start_daemon(frozen, data, env)
    try:
        cold = []
        for _ in range(args.runs):
            if not drop_caches():
                break
            cold.append(time_gui(frozen, data, env))
        warm = [time_gui(frozen, data, env) for _ in range(args.runs)]
        from_source = [time_gui(source, data, env) for _ in range(args.runs)]
    finally:
        stop_daemon(data)
    timings["frozen_gui_first_launch_no_daemon_median"] = round(statistics.median(first))
    if cold:
        timings["frozen_gui_cold_median"] = round(statistics.median(cold))
        timings["frozen_gui_cold_max"] = round(max(cold))
    else:
        timings["frozen_gui_cold"] = "skipped (dropping the page cache needs root)"
    timings["frozen_gui_warm_median"] = round(statistics.median(warm))
    timings["source_gui_warm_median"] = round(statistics.median(from_source))
    timings["ratio_frozen_to_source_warm"] = round(
        statistics.median(warm) / statistics.median(from_source), 2
    )
    results["startup_ms"] = timings
    machine.print_results(results, as_json=args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
