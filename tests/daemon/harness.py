"""Starting and driving the real daemon in tests."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop_search.config.settings import SETTINGS_FILE, Settings
from desktop_search.daemon.client import DaemonClient

REPO = Path(__file__).resolve().parents[2]


def wait_for(condition: Callable[[], Any], timeout_s: float = 60.0, what: str = "") -> Any:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what or condition}")


def dont_wait_for_a_busy_machine(data_dir: Path) -> None:
    """Other work on the machine (CI runs beside other jobs) must not hold a test daemon's
    indexing back: ``pause_when_busy`` off, every other setting (even a wrong one a test
    wrote on purpose) left as it is."""
    path = data_dir / SETTINGS_FILE
    if not path.exists():
        Settings(pause_when_busy=False).save(data_dir)
        return
    try:
        raw = json.loads(path.read_text("utf-8"))
    except ValueError:
        return
    if isinstance(raw, dict) and raw.get("pause_when_busy") is not False:
        raw["pause_when_busy"] = False
        path.write_text(json.dumps(raw), "utf-8")


class RunningDaemon:
    def __init__(self, data_dir: Path, folders: list[Path], runtime: Path) -> None:
        self.data_dir = data_dir
        self.folders = folders
        self.env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime)}
        os.environ["XDG_RUNTIME_DIR"] = str(runtime)  # for the in-test client
        self.process: subprocess.Popen[str] | None = None
        self.client = DaemonClient(data_dir, timeout_s=30)

    def command(self, prefix: list[str] | None = None) -> list[str]:
        args = [
            *(prefix or []),
            sys.executable,
            "-m",
            "desktop_search",
            "daemon",
            "--data-dir",
            str(self.data_dir),
        ]
        for folder in self.folders:
            args += ["--folder", str(folder)]
        return args

    def start(self, prefix: list[str] | None = None, *, timeout_s: float = 60.0) -> None:
        dont_wait_for_a_busy_machine(self.data_dir)
        args = self.command(prefix)
        self.process = subprocess.Popen(
            args, cwd=REPO, env=self.env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        wait_for(self.client.available, timeout_s, what="the daemon to answer")

    def idle(self) -> dict[str, Any]:
        """Wait until the daemon has nothing left to do; return its status.

        Idle twice, a second apart, with the same counts: watchdog holds the 'deleted' half
        of a move between two watched folders back for a moment, so one idle look can come
        between the two halves."""

        def settled() -> dict[str, Any] | None:
            status = self.client.call("status")
            busy = status["state"] != "idle" or status["files_pending"]
            return None if busy else dict(status)

        def counts(status: dict[str, Any]) -> tuple[int, int, int]:
            return status["files_indexed"], status["files_failed"], status["chunks"]

        time.sleep(0.6)  # longer than the debounce, so fresh events are queued
        while True:
            first = dict(wait_for(settled, timeout_s=300, what="the daemon to settle"))
            time.sleep(1.0)
            second = settled()
            if second is not None and counts(second) == counts(first):
                return second

    def search(self, query: str, **params: Any) -> list[str]:
        hits = self.client.call("search", query=query, **params)
        return [Path(h["path"]).name for h in hits]

    def stop(self, sig: int = signal.SIGTERM) -> int:
        assert self.process is not None
        self.process.send_signal(sig)
        code = self.process.wait(timeout=60)
        self.process.stdout.close()  # type: ignore[union-attr]
        self.process.stderr.close()  # type: ignore[union-attr]
        return code


def raw_exchange(path: Path, payload: bytes) -> dict[str, Any]:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(30)
        sock.connect(str(path))
        sock.sendall(payload)
        data = b""
        while not data.endswith(b"\n"):
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
    return dict(json.loads(data))
