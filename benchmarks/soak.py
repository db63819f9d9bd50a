"""Soak: the real daemon under a window, a tray and a person's files changing, for tens of
thousands of requests. Prints open file descriptors, resident memory and errors at the
start and the end (and along the way), so that a leak of one descriptor or a few KB a
request shows as a slope.

Clients, as the UI uses the daemon (time compressed: no pauses between requests unless
``--pace-ms`` is given):
- window: status polls, search-as-you-type (every prefix of a query), a passage preview of
  the best hit, now and then "more like this";
- tray: status polls and a subscription that reads the pushed events;
- a stalled subscriber that never reads (a hung client), if ``--stalled``;
- churn: a file created, edited or deleted every ``--churn-ms``.

    python benchmarks/soak.py [--requests 20000] [--files 300] [--json]
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import machine
from desktop_search.daemon.client import DaemonClient, DaemonUnavailableError
from desktop_search.daemon.socket_dir import socket_path
from tests.procstat import open_descriptors, resident_kib, thread_count

REPO = Path(__file__).resolve().parents[1]
QUERIES = [
    "letter to my landlord about the heating",
    "how much did the electricity cost",
    "recipe with lime leaves and coconut",
    "notes from the team meeting about the launch",
    "where did we go on holiday",
]
TOPICS = [
    "The heating in the flat has been broken since Monday; please send a plumber.",
    "Electricity bill for March: 84.20 euros, paid by direct debit.",
    "Green curry: coconut milk, lime leaves, basil, chicken and aubergine.",
    "Launch meeting: marketing wants the beta in June, engineering says July.",
    "Holiday in Portugal: Lisbon, then the coast near Sintra, ten days in August.",
    "Dentist appointment moved to Thursday at 9:30.",
    "Tax return 2025: receipts for the home office are in the blue folder.",
]


class Counter:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.requests = 0
        self.errors: list[str] = []

    def add(self, error: str | None = None) -> int:
        with self.lock:
            self.requests += 1
            if error:
                self.errors.append(error)
            return self.requests


def call(client: DaemonClient, counter: Counter, method: str, **params: Any) -> Any:
    try:
        result = client.call(method, **params)
    except Exception as exc:
        counter.add(f"{method}: {type(exc).__name__}: {exc}")
        return None
    counter.add()
    return result


def window(client: DaemonClient, counter: Counter, stop: threading.Event, pace: float) -> None:
    rng = random.Random(1)
    while not stop.is_set():
        call(client, counter, "status")
        query = rng.choice(QUERIES)
        for end in range(4, len(query) + 1, 3):  # what a typist's pauses send
            hits = call(client, counter, "search", query=query[:end], k=20)
            time.sleep(pace)
        if hits:
            call(client, counter, "passage", path=hits[0]["path"], chunk_id=hits[0]["chunk_id"])
            if rng.random() < 0.2:
                call(client, counter, "similar", path=hits[0]["path"])


def tray(client: DaemonClient, counter: Counter, stop: threading.Event, pace: float) -> None:
    while not stop.is_set():
        call(client, counter, "status")
        time.sleep(pace)


def listen(client: DaemonClient, stop: threading.Event, received: list[int]) -> None:
    while not stop.is_set():
        try:
            for _event in client.events(timeout_s=2):
                received[0] += 1
                if stop.is_set():
                    return
        except DaemonUnavailableError:
            time.sleep(0.5)


def churn(folder: Path, stop: threading.Event, every_s: float, done: list[int]) -> None:
    rng = random.Random(2)
    for number in itertools.count():
        if stop.wait(every_s):
            return
        existing = sorted(folder.glob("churn-*.txt"))
        action = rng.random()
        if existing and action < 0.25:
            rng.choice(existing).unlink()
        elif existing and action < 0.5:
            rng.choice(existing).write_text(rng.choice(TOPICS) + f" Edit {number}.", "utf-8")
        else:
            (folder / f"churn-{number}.txt").write_text(rng.choice(TOPICS), "utf-8")
        done[0] += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--pace-ms", type=float, default=0.0)
    parser.add_argument("--churn-ms", type=float, default=500.0)
    parser.add_argument("--stalled", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="soak-") as tmp:
        root = Path(tmp)
        docs, data_dir, runtime = root / "docs", root / "data", root / "run"
        docs.mkdir()
        runtime.mkdir(mode=0o700)
        rng = random.Random(0)
        for i in range(args.files):
            text = " ".join(rng.choice(TOPICS) for _ in range(rng.randint(1, 12)))
            (docs / f"note-{i:04d}.txt").write_text(text, "utf-8")
        env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime)}
        os.environ["XDG_RUNTIME_DIR"] = str(runtime)
        command = [sys.executable, "-m", "desktop_search", "daemon", "--data-dir", str(data_dir)]
        process = subprocess.Popen(
            [*command, "--folder", str(docs)],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = DaemonClient(data_dir, timeout_s=120)
        while not client.available():
            time.sleep(0.1)
        while client.call("status")["state"] != "idle":
            time.sleep(0.5)

        stalled = None
        if args.stalled:
            stalled = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            stalled.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            stalled.connect(str(socket_path(data_dir)))
            stalled.sendall(b'{"v": 1, "id": 1, "method": "subscribe", "params": {}}\n')

        counter = Counter()
        stop = threading.Event()
        received, churned = [0], [0]
        pace = args.pace_ms / 1000
        workers = [
            threading.Thread(target=window, args=(DaemonClient(data_dir), counter, stop, pace)),
            threading.Thread(target=tray, args=(DaemonClient(data_dir), counter, stop, pace)),
            threading.Thread(target=listen, args=(DaemonClient(data_dir), stop, received)),
            threading.Thread(target=churn, args=(docs, stop, args.churn_ms / 1000, churned)),
        ]
        pid = process.pid
        samples: list[dict[str, Any]] = []

        def sample() -> None:
            samples.append(
                {
                    "requests": counter.requests,
                    "fds": open_descriptors(pid),
                    "rss_kib": resident_kib(pid),
                    "threads": thread_count(pid),
                    "errors": len(counter.errors),
                }
            )

        started = time.monotonic()
        for worker in workers:
            worker.start()
        warmed = False
        next_sample = 0
        while counter.requests < args.requests:
            time.sleep(0.2)
            if not warmed and counter.requests >= 500:
                sample()  # the start: after warm-up (request pool, caches)
                warmed = True
                next_sample = counter.requests + args.requests // 10
            elif warmed and counter.requests >= next_sample:
                sample()
                next_sample += args.requests // 10
        stop.set()
        for worker in workers:
            worker.join(timeout=120)
        client.call("status")
        while (status := client.call("status"))["state"] != "idle":
            time.sleep(0.5)
        sample()
        seconds = time.monotonic() - started
        if stalled is not None:
            stalled.close()
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=120)

    first, last = samples[0], samples[-1]
    results = {
        "machine": machine.describe(),
        "requests": counter.requests,
        "seconds": round(seconds, 1),
        "requests_per_s": round(counter.requests / seconds, 1),
        "files_churned": churned[0],
        "events_received": received[0],
        "errors": len(counter.errors),
        "first_errors": counter.errors[:5],
        "start": first,
        "end": last,
        "fd_growth": last["fds"] - first["fds"],
        "rss_growth_kib": last["rss_kib"] - first["rss_kib"],
        "rss_growth_per_1000_requests_kib": round(
            (last["rss_kib"] - first["rss_kib"])
            * 1000
            / max(1, last["requests"] - first["requests"]),
            1,
        ),
        "samples": samples,
        "final": {
            "files_indexed": status["files_indexed"],
            "chunks": status["chunks"],
            "vectors": status["vectors"],
            "daemon_exit_code": code,
        },
    }
    machine.print_results(results, as_json=args.json)


if __name__ == "__main__":
    main()
