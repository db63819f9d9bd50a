"""The daemon under a person's weeks of use and a bad day: thousands of polls, a client that
never reads, fifty clients at once, bad parameters, a stop in the middle of a scan."""

from __future__ import annotations

import json
import signal
import socket
import threading
import time
from pathlib import Path
from typing import Any

from desktop_search.daemon.client import DaemonClient
from desktop_search.daemon.socket_dir import socket_path
from tests.daemon.harness import RunningDaemon, raw_exchange, wait_for
from tests.notes import write_notes
from tests.procstat import open_descriptors, resident_kib


def raw_call(path: Path, request: dict[str, Any]) -> dict[str, Any]:
    return raw_exchange(path, json.dumps({"v": 1, "id": 1, **request}).encode() + b"\n")


def test_thousands_of_requests_do_not_grow_descriptors_or_memory(
    daemon: RunningDaemon,
) -> None:
    """The window and the tray poll status every 2 s: weeks of that must cost nothing."""
    daemon.idle()
    assert daemon.process is not None
    pid = daemon.process.pid
    client = DaemonClient(daemon.data_dir, timeout_s=60)

    def burst(count: int) -> None:
        for i in range(count):
            client.call("status")
            if i % 4 == 0:
                client.call("search", query="lighthouse on the coast", k=5)

    burst(300)  # warm-up: caches, the request pool's threads, allocator arenas
    fds_before, rss_before = open_descriptors(pid), resident_kib(pid)
    burst(3000)
    fds_after, rss_after = open_descriptors(pid), resident_kib(pid)
    print(f"fds {fds_before} -> {fds_after}, RSS {rss_before} -> {rss_after} KiB")
    assert fds_after - fds_before <= 3
    # A leaked connection costs ~130 KB a request: 3,000 would be ~400 MB.
    assert rss_after - rss_before < 40_000


def test_bad_parameters_get_invalid_params_never_internal(daemon: RunningDaemon) -> None:
    path = socket_path(daemon.data_dir)
    bad_requests: list[dict[str, Any]] = [
        {"method": "reindex", "params": {"paths": "/"}},
        {"method": "search", "params": {"query": "x", "k": "ten"}},
        {"method": "search", "params": {"query": "x", "k": None}},
        {"method": "search", "params": {"query": "x", "k": 10**15}},
        {"method": "search", "params": {"query": "x", "unknown": True}},
        {"method": "search", "params": {"query": '"a\u0000b"'}},
        {"method": "search", "params": {"query": "x", "mode": "psychic"}},
        {"method": "similar", "params": {"path": 42}},
        {"method": "add_folder", "params": {}},
        {"method": "set_settings", "params": {"changes": "all"}},
        {"method": "status", "params": [1]},
    ]
    for request in bad_requests:
        error = raw_call(path, request)["error"]
        assert error["code"] == "invalid_params", (request, error)
        assert "Traceback" not in error["message"] and "Error:" not in error["message"]
    # A lone surrogate, as some JSON encoders write it.
    line = b'{"v": 1, "id": 9, "method": "search", "params": {"query": "x\\ud800"}}\n'
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(30)
        sock.connect(str(path))
        sock.sendall(line)
        reply = json.loads(sock.makefile("rb").readline())
    assert reply["error"]["code"] == "invalid_params"
    status = daemon.idle()
    assert [f["path"] for f in status["folders"]] == [str(f) for f in daemon.folders]
    assert status["files_indexed"] == 1  # the reindex of "/" never happened


def test_fifty_clients_at_once_are_all_served(daemon: RunningDaemon) -> None:
    daemon.idle()
    errors: list[str] = []
    answers: list[Any] = []
    start = threading.Barrier(50)

    def client_session() -> None:
        client = DaemonClient(daemon.data_dir, timeout_s=120)
        start.wait()
        for method in ("ping", "status", "search"):
            try:
                params = {"query": "lighthouse"} if method == "search" else {}
                answers.append(client.call(method, **params))
            except Exception as exc:
                errors.append(f"{method}: {exc}")

    threads = [threading.Thread(target=client_session) for _ in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert errors == []
    assert len(answers) == 150


def test_a_subscriber_that_never_reads_does_not_freeze_the_daemon(
    tmp_path: Path, runtime: Path
) -> None:
    """Thousands of failures make big 'changed' events; a client that subscribes and then
    never reads must not stop indexing nor SIGTERM."""
    docs = tmp_path / "docs"
    docs.mkdir()
    long_name = "x" * 180
    for i in range(1500):
        (docs / f"{long_name}-{i:04d}.txt").write_bytes(b"")  # each fails: empty file
    (docs / "real.txt").write_text("A note about glaciers carving fjords.", "utf-8")
    running = RunningDaemon(tmp_path / "data", [docs], runtime)
    running.start()
    stalled = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stalled.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    stalled.connect(str(socket_path(running.data_dir)))
    stalled.sendall(b'{"v": 1, "id": 1, "method": "subscribe", "params": {}}\n')
    try:
        running.client.call("retry_failed")
        status = running.idle()
        assert status["files_failed"] == 1500
        assert status["files_indexed"] == 1
        running.client.call("retry_failed")  # 1,500 failures again, in big events
        running.idle()
        assert running.search("ice shaping coastal valleys", k=1) == ["real.txt"]
        started = time.monotonic()
        assert running.stop(signal.SIGTERM) == 0
        print(f"stopped {time.monotonic() - started:.1f} s after SIGTERM")
    finally:
        stalled.close()
        if running.process is not None and running.process.poll() is None:
            running.stop(signal.SIGKILL)


def test_sigterm_in_the_middle_of_a_first_scan_stops_promptly_and_resumes(
    tmp_path: Path, runtime: Path
) -> None:
    docs = tmp_path / "docs"
    write_notes(docs, 1200, "q", words=150)
    running = RunningDaemon(tmp_path / "data", [docs], runtime)
    running.start()
    wait_for(
        lambda: running.client.call("status")["files_indexed"] > 20,
        timeout_s=300,
        what="indexing to be under way",
    )
    started = time.monotonic()
    code = running.stop(signal.SIGTERM)
    took = time.monotonic() - started
    print(f"stopped {took:.2f} s after SIGTERM")
    assert code == 0
    # The old daemon finished the whole scan first (minutes); a generous bound that a
    # loaded machine still meets.
    assert took < 20
    running.start()
    status = running.idle()
    assert status["files_indexed"] == 1200 and status["files_pending"] == 0
    assert status["vectors"] == status["chunks"]
    hits = running.client.call("search", query="q1117z", mode="lexical", k=1)
    assert Path(hits[0]["path"]).name == "q1117.txt"
    assert running.stop() == 0


def test_an_unexpected_error_is_shown_in_status_and_the_daemon_goes_on(
    daemon: RunningDaemon,
) -> None:
    """A hostile data dir (the vector file replaced by a folder): saving fails in a way no
    code expects; the daemon says so in status and keeps indexing and searching."""
    daemon.idle()
    vectors = daemon.data_dir / "vectors.usearch"
    vectors.unlink()
    vectors.mkdir()
    (daemon.folders[0] / "kites.txt").write_text("A note about flying kites.", "utf-8")
    status = daemon.idle()
    errors = status["errors"]
    assert errors, status
    assert errors[-1]["job"] == "saving the vector index"
    assert "IsADirectoryError" in errors[-1]["error"]
    assert len(errors) <= 2  # tried again on a schedule, not at every turn of the loop
    assert daemon.search("kites", mode="lexical") == ["kites.txt"]
    vectors.rmdir()
    (daemon.folders[0] / "balloons.txt").write_text("A note about balloons.", "utf-8")
    daemon.idle()
    assert vectors.is_file()  # the next save worked
    assert daemon.search("balloons", mode="lexical") == ["balloons.txt"]
    assert daemon.stop() == 0
