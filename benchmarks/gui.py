"""The search window's responsiveness: start-up time and the longest main-thread stall.

1. Start-up: a real daemon runs (indexed folder); ``desktop-search gui --quit-after-ms 0``
   is launched repeatedly (offscreen Qt) and timed from launch to its "ready" line, which
   it prints once the window is shown with the search box focused and the event loop
   turning. Baseline, same run: a bare PySide6 window (QApplication + one QLineEdit).
2. Stall: the window runs in this process, wired to the daemon, while the daemon indexes
   a bulk copy of BEIR documents. Queries are typed key by key and their results waited
   for; a 5 ms heartbeat timer on the UI thread records every gap. Stall = gap - 5 ms.
   Baseline, same run: the same heartbeat with the window idle.

    python benchmarks/gui.py [--runs 7] [--bulk 1500] [--queries 30] [--json]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from benchmarks import beir, machine
from benchmarks.freshness import wait_idle, wait_started
from desktop_search.daemon.client import DaemonClient
from desktop_search.gui.window import SearchWindow
from desktop_search.qt.bridge import DaemonBridge

REPO = Path(__file__).resolve().parents[1]
HEARTBEAT_MS = 5
BARE_WINDOW = (
    "import time; t=time.monotonic()\n"
    "from PySide6.QtWidgets import QApplication, QLineEdit\n"
    "from PySide6.QtCore import QTimer\n"
    "app = QApplication([]); box = QLineEdit(); box.show(); box.setFocus()\n"
    "QTimer.singleShot(0, lambda: (print('ready', flush=True), app.quit()))\n"
    "app.exec()\n"
)


def time_to_ready(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("ready"):
            elapsed = time.perf_counter() - started
            break
    else:
        raise RuntimeError(f"{command} never said it was ready")
    process.stdout.close()
    if process.wait(timeout=60) != 0:
        raise RuntimeError(f"{command} failed")
    return elapsed * 1000


class Heartbeat:
    """Gaps between ticks of a timer on the UI thread: what a user feels as a freeze."""

    def __init__(self, app: QApplication) -> None:
        self.gaps: list[float] = []
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._tick)
        self.app = app

    def _tick(self) -> None:
        if self.clock.isValid():
            self.gaps.append(self.clock.nsecsElapsed() / 1e6)
        self.clock.restart()

    def start(self) -> None:
        self.gaps.clear()
        self.clock.invalidate()
        self.timer.start()

    def stop(self) -> dict[str, float]:
        self.timer.stop()
        stalls = sorted(max(0.0, g - HEARTBEAT_MS) for g in self.gaps)
        return {
            "ticks": len(stalls),
            "max_stall_ms": round(stalls[-1], 1),
            "p99_stall_ms": round(stalls[int(len(stalls) * 0.99)], 1),
        }


def spin(app: QApplication, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.001)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bulk", type=int, default=1500)
    parser.add_argument("--queries", type=int, default=30)
    parser.add_argument("--data", type=Path, default=beir.SCIFACT)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    collection = beir.load(args.data)
    documents = list(collection.corpus.values())
    queries = list(collection.judged_queries().values())
    work = Path(tempfile.mkdtemp(prefix="ds-gui-bench-"))
    runtime = work / "run"
    runtime.mkdir(mode=0o700)
    watched = work / "watched"
    watched.mkdir()
    for number, (title, text) in enumerate(documents[:300]):
        (watched / f"seed{number:04d}.md").write_text(f"# {title}\n\n{text}\n", "utf-8")
    os.environ["XDG_RUNTIME_DIR"] = str(runtime)
    env = {**os.environ}
    data = work / "data"
    daemon = subprocess.Popen(
        [
            *(sys.executable, "-m", "desktop_search", "daemon"),
            *("--data-dir", str(data), "--folder", str(watched)),
        ],
        cwd=REPO,
        env=env,
    )
    client = DaemonClient(data, timeout_s=60)
    results: dict[str, object] = {"machine": machine.describe()}
    try:
        wait_started(client)
        wait_idle(client)

        # 1. start-up, the daemon already running
        gui = [sys.executable, "-m", "desktop_search", "gui", "--data-dir", str(data)]
        gui_times = [time_to_ready([*gui, "--quit-after-ms", "0"], env) for _ in range(args.runs)]
        bare_times = [
            time_to_ready([sys.executable, "-c", BARE_WINDOW], env) for _ in range(args.runs)
        ]
        gui_median = statistics.median(gui_times[1:])
        bare_median = statistics.median(bare_times[1:])
        results["startup_ms"] = {
            "first_run": round(gui_times[0], 1),
            "median": round(gui_median, 1),
            "max": round(max(gui_times[1:]), 1),
            "bare_pyside6_window_median": round(bare_median, 1),
            "ratio_to_bare_window": round(gui_median / bare_median, 2),
        }

        # 2. main-thread stalls while searching during a bulk index
        app = QApplication.instance() or QApplication([])
        assert isinstance(app, QApplication)
        bridge = DaemonBridge(data)
        window = SearchWindow(bridge)
        window.show()
        spin(app, 2.0)
        heartbeat = Heartbeat(app)

        heartbeat.start()
        spin(app, 5.0)
        idle_stalls = heartbeat.stop()

        bulk = watched / "bulk"
        bulk.mkdir()

        def copy() -> None:
            for number, (title, text) in enumerate(documents[300 : 300 + args.bulk]):
                (bulk / f"doc{number:05d}.md").write_text(f"# {title}\n\n{text}\n", "utf-8")

        copier = threading.Thread(target=copy)
        copier.start()
        spin(app, 2.0)
        shown: list[int] = []
        window.results_shown.connect(shown.append)
        round_trips: list[float] = []
        indexing_seen = 0
        heartbeat.start()
        for query in queries[: args.queries]:
            window.query.clear()
            window.query.setFocus()
            for char in query[:60]:
                QTest.keyClicks(window.query, char)
                spin(app, 0.03)  # a fast typist: about 33 characters a second
            before = len(shown)
            typed_at = time.perf_counter()
            while len(shown) == before and time.perf_counter() - typed_at < 30:
                spin(app, 0.002)
            round_trips.append((time.perf_counter() - typed_at) * 1000)
            indexing_seen += window.is_indexing()
        busy_stalls = heartbeat.stop()
        copier.join()
        bridge.shutdown()
        window.close()

        results["stall_ms"] = {
            "while_indexing_and_searching": busy_stalls,
            "idle_window_baseline": idle_stalls,
            "queries": len(round_trips),
            "queries_typed_while_indexing": indexing_seen,
            "results_after_typing_pause_ms": {
                "median": round(statistics.median(round_trips), 1),
                "max": round(max(round_trips), 1),
            },
            "bulk_documents": args.bulk,
        }
    finally:
        daemon.terminate()
        daemon.wait(timeout=60)
    machine.print_results(results, as_json=args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
