"""No network, and nothing written outside our own folders (issue #2).

The real CLI (``index``, ``search``, ``status``) and the real daemon run under strace,
with HOME, the XDG folders and TMPDIR pointed at fresh, empty folders. Then:

- no ``socket()`` of any family but AF_UNIX, and no connect/sendto/sendmsg/bind to an
  inet address, in any process or thread;
- nothing created, written, renamed, removed or re-permissioned outside the data dirs,
  the runtime dir and the config dir. Allowed beyond those, and why:

  * ``/dev/null``: a harmless sink (nothing needed it when this was written);
  * nothing else: Python needed neither /dev/shm (the extractor's ``spawn`` pipes are
    socketpairs) nor any /proc/self write; the pytest folders used here are exactly the
    data, runtime and config dirs. ``PYTHONDONTWRITEBYTECODE=1`` keeps Python from
    writing ``.pyc`` files into this checkout (a development-tree effect; the bundle
    ships them compiled);
- HOME, the cache dir, the data home and TMPDIR are still empty afterwards: no
  ``~/.cache/Microsoft/`` (onnxruntime's telemetry device id and event queue) and no
  ``.ses`` file in TMPDIR.

onnxruntime keeps its telemetry quiet when it sees a CI environment (CI, GITHUB_ACTIONS,
TF_BUILD ...), so those variables are removed (tests.user_env): the test must see what a
user's machine sees. Its first upload attempt comes
some nine seconds after start, then every five: the daemon is kept up for
:data:`OBSERVE_S` so that the network check covers at least one of them.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_search.daemon.client import DaemonClient
from tests.conftest import REPO
from tests.daemon.harness import dont_wait_for_a_busy_machine, wait_for
from tests.e2e.syscall_trace import (
    STRACE,
    Call,
    changed_paths,
    inet_calls,
    read_calls,
    run_traced,
    strace_prefix,
)
from tests.user_env import FOLDERS, user_env

pytestmark = pytest.mark.skipif(
    STRACE is None, reason="strace is not installed (scripts/setup-system test installs it)"
)

OBSERVE_S = 15.0
ALWAYS_ALLOWED = ("/dev/null",)


class Sandbox:
    """Fresh folders for everything a process might write to (see tests.user_env), the
    watched folder and the data dirs."""

    def __init__(self, root: Path) -> None:
        self.env = user_env(root)
        folder = {name: Path(self.env[name]) for name in FOLDERS}
        self.home, self.cache, self.tmp = folder["HOME"], folder["XDG_CACHE_HOME"], folder["TMPDIR"]
        self.config, self.run = folder["XDG_CONFIG_HOME"], folder["XDG_RUNTIME_DIR"]
        self.untouched = [self.home, self.cache, self.tmp]
        self.untouched += [folder["XDG_DATA_HOME"], folder["XDG_STATE_HOME"]]
        self.docs, self.trace = root / "docs", root / "trace"
        self.docs.mkdir()
        self.data = root / "data"  # for index and search without a daemon
        self.daemon_data = root / "daemon-data"

    def allowed(self) -> tuple[str, ...]:
        ours = (self.data, self.daemon_data, self.run, self.config / "desktop-search")
        return (*(str(p) for p in ours), *ALWAYS_ALLOWED)

    def cli(self, name: str, *args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "desktop_search", *args, "--data-dir", str(data_dir)]
        return run_traced(command, self.trace / name, env=self.env, cwd=REPO, timeout_s=300)


def _inside(path: str, roots: tuple[str, ...]) -> bool:
    return any(path == root or path.startswith(root.rstrip("/") + "/") for root in roots)


def _children(pid: int) -> list[int]:
    text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    return [int(child) for child in text.split()]


def _violations(calls: list[Call], allowed: tuple[str, ...]) -> list[str]:
    found = []
    for call in calls:
        for path in changed_paths(call, REPO):
            if not _inside(path, allowed):
                found.append(f"pid {call.pid}: {call.line}")
    return found


def test_no_network_and_no_writes_outside_our_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    box = Sandbox(tmp_path)
    (box.docs / "whales.txt").write_text("Whales sing long low songs across the ocean.", "utf-8")
    (box.docs / "lamp.md").write_text("# Lighthouse\n\nThe keeper trims the lamp at dusk.\n")

    # Without a daemon: index, then search the index directly.
    indexed = box.cli("index", "index", str(box.docs), data_dir=box.data)
    assert indexed.returncode == 0, indexed.stdout + indexed.stderr
    searched = box.cli("search", "search", "songs of the sea", data_dir=box.data)
    assert searched.returncode == 0 and "whales.txt" in searched.stdout, searched.stderr

    # The daemon: it indexes its folder, answers a search (over IPC, from the CLI) and
    # status, then stops on SIGTERM.
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(box.run))  # for this test's own client
    dont_wait_for_a_busy_machine(box.daemon_data)
    started = time.monotonic()
    command = [*strace_prefix(box.trace / "daemon"), sys.executable, "-m", "desktop_search"]
    command += ["daemon", "--data-dir", str(box.daemon_data), "--folder", str(box.docs)]
    tracer = subprocess.Popen(
        command,
        env=box.env,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        client = DaemonClient(box.daemon_data, timeout_s=30)
        wait_for(client.available, timeout_s=120, what="the daemon to answer")

        def indexed_both() -> bool:
            status = client.call("status")
            return bool(status["files_indexed"] == 2 and not status["files_pending"])

        wait_for(indexed_both, timeout_s=120, what="the daemon to index the folder")
        found = box.cli("daemon-search", "search", "keeper of the light", data_dir=box.daemon_data)
        assert found.returncode == 0 and "lamp.md" in found.stdout, found.stderr
        status = box.cli("daemon-status", "status", data_dir=box.daemon_data)
        assert status.returncode == 0 and "running" in status.stdout, status.stderr
        time.sleep(max(0.0, OBSERVE_S - (time.monotonic() - started)))
        (daemon_pid,) = _children(tracer.pid)
        os.kill(daemon_pid, signal.SIGTERM)
        assert tracer.wait(timeout=120) == 0, tracer.stderr.read()  # type: ignore[union-attr]
    finally:
        if tracer.poll() is None:
            for pid in _children(tracer.pid):
                os.kill(pid, signal.SIGKILL)
            tracer.wait(timeout=60)
        tracer.stderr.close()  # type: ignore[union-attr]

    runs = ("index", "search", "daemon", "daemon-search", "daemon-status")
    calls = {run: read_calls(box.trace / run) for run in runs}
    everything = [call for run in runs for call in calls[run]]
    # The trace saw what it should: the index written, the daemon's socket bound.
    assert any(_inside(p, (str(box.data),)) for c in calls["index"] for p in changed_paths(c, REPO))
    assert any(c.name == "bind" and str(box.run) in c.args for c in calls["daemon"])

    network = [f"pid {call.pid}: {call.line}" for call in inet_calls(everything)]
    assert network == [], "network activity:\n" + "\n".join(network[:20])
    outside = _violations(everything, box.allowed())
    assert outside == [], "written outside our folders:\n" + "\n".join(outside[:40])
    assert not (box.cache / "Microsoft").exists()
    assert not (box.home / ".cache" / "Microsoft").exists()
    assert list(box.tmp.glob("*.ses")) == []
    for folder in box.untouched:
        assert list(folder.iterdir()) == [], f"{folder} is not empty"
