"""The real daemon as a subprocess, driven through its real IPC on temporary folders."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from desktop_search.daemon.client import DaemonError
from desktop_search.daemon.protocol import MAX_MESSAGE_BYTES
from desktop_search.daemon.socket_dir import socket_path
from tests.daemon.harness import REPO, RunningDaemon, raw_exchange
from tests.hostile import build_hostile_folder, unprivileged_prefix


def test_changes_are_reflected_in_search(daemon: RunningDaemon) -> None:
    one, two = daemon.folders
    daemon.idle()
    assert daemon.search("lighthouse", k=1) == ["seed.txt"]

    (one / "bees.md").write_text("# Bees\n\nHoney bees dance to show where flowers are.", "utf-8")
    daemon.idle()
    assert daemon.search("insects that make honey", k=1) == ["bees.md"]

    (one / "bees.md").write_text("# Ants\n\nAnts farm aphids for their sweet honeydew.", "utf-8")
    daemon.idle()
    assert daemon.search("insects farming aphids", k=1) == ["bees.md"]
    assert daemon.client.call("search", query="dance flowers", mode="lexical") == []

    (one / "bees.md").rename(one / "ants.md")  # rename
    daemon.idle()
    assert daemon.search("insects farming aphids", k=1) == ["ants.md"]

    (one / "ants.md").rename(two / "ants.md")  # move across watched folders
    daemon.idle()
    hits = daemon.client.call("search", query="insects farming aphids", k=1)
    assert Path(hits[0]["path"]) == two / "ants.md"

    (two / "ants.md").unlink()  # delete
    daemon.idle()
    assert "ants.md" not in daemon.search("insects farming aphids")

    bulk = two / "bulk"
    bulk.mkdir()
    for i in range(40):
        (bulk / f"note{i:02d}.txt").write_text(f"Bulk note {i} about topic number {i}.", "utf-8")
    status = daemon.idle()
    assert status["files_indexed"] == 41  # the seed and the bulk copy
    assert status["files_failed"] == 0

    shutil.rmtree(bulk)  # a whole folder deleted at once
    status = daemon.idle()
    assert status["files_indexed"] == 1


def test_editor_save_via_rename_is_one_update(daemon: RunningDaemon) -> None:
    one = daemon.folders[0]
    daemon.idle()
    target = one / "draft.md"
    target.write_text("# Draft\n\nFirst version about mountains.", "utf-8")
    daemon.idle()
    before = daemon.client.call("status")["chunks"]
    temp = one / ".draft.md.swp"  # how many editors save: write a temp file, rename over
    temp.write_text("# Draft\n\nSecond version about oceans.", "utf-8")
    os.replace(temp, target)
    daemon.idle()
    assert daemon.search("seas and waves", k=1) == ["draft.md"]
    assert daemon.client.call("status")["chunks"] == before


def test_status_pause_resume_and_folders(daemon: RunningDaemon, tmp_path: Path) -> None:
    status = daemon.idle()
    assert [f["watched"] for f in status["folders"]] == ["events", "events"]
    assert status["daemon"]["pid"] == daemon.process.pid  # type: ignore[union-attr]
    assert daemon.client.call("pause") == "paused"
    (daemon.folders[0] / "later.txt").write_text("Written while paused: about kites.", "utf-8")
    time.sleep(1.5)
    assert daemon.client.call("status")["state"] == "paused"
    assert "later.txt" not in daemon.search("kites", mode="lexical")
    daemon.client.call("resume")
    daemon.idle()
    assert daemon.search("kites", mode="lexical") == ["later.txt"]

    extra = tmp_path / "three"
    extra.mkdir()
    (extra / "new.txt").write_text("A note about submarines.", "utf-8")
    folders = daemon.client.call("add_folder", path=str(extra))
    assert str(extra) in folders
    daemon.idle()
    assert daemon.search("submarines", mode="lexical") == ["new.txt"]
    daemon.client.call("remove_folder", path=str(extra))
    daemon.idle()
    assert daemon.search("submarines", mode="lexical") == []


def test_cli_uses_the_running_daemon(daemon: RunningDaemon) -> None:
    daemon.idle()
    env = daemon.env
    base = [sys.executable, "-m", "desktop_search"]
    status = subprocess.run(
        [*base, "status", "--json", "--data-dir", str(daemon.data_dir)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        check=True,
    )
    assert json.loads(status.stdout)["daemon"]["pid"] == daemon.process.pid  # type: ignore[union-attr]
    found = subprocess.run(
        [*base, "search", "lighthouse", "--json", "--data-dir", str(daemon.data_dir)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        check=True,
    )
    assert Path(json.loads(found.stdout)[0]["path"]).name == "seed.txt"


def test_only_one_daemon_per_data_dir(daemon: RunningDaemon) -> None:
    second = subprocess.run(
        [sys.executable, "-m", "desktop_search", "daemon", "--data-dir", str(daemon.data_dir)],
        capture_output=True,
        text=True,
        env=daemon.env,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert second.returncode == 2 and "already running" in second.stderr
    assert daemon.client.available()


def test_clean_shutdown_on_sigterm(daemon: RunningDaemon) -> None:
    daemon.idle()
    path = socket_path(daemon.data_dir)
    assert path.exists()
    assert daemon.stop(signal.SIGTERM) == 0
    assert not path.exists()
    with pytest.raises(Exception, match="no daemon socket"):
        daemon.client.call("ping")


# -- the IPC's defences -------------------------------------------------------------------


def test_socket_is_private_to_the_user(daemon: RunningDaemon) -> None:
    path = socket_path(daemon.data_dir)
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
    if os.geteuid() == 0 and shutil.which("setpriv"):
        probe = (
            "import socket,sys; s=socket.socket(socket.AF_UNIX);"
            "s.connect(sys.argv[1]); print('connected')"
        )
        other = subprocess.run(
            [
                "setpriv",
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                "/usr/bin/python3",
                "-c",
                probe,
                str(path),
            ],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        assert other.returncode != 0 and "Permission denied" in other.stderr
    assert daemon.client.available()


def test_malformed_and_oversized_messages_get_error_replies(daemon: RunningDaemon) -> None:
    path = socket_path(daemon.data_dir)
    assert raw_exchange(path, b"this is not json\n")["error"]["code"] == "bad_json"
    assert raw_exchange(path, b"[1, 2, 3]\n")["error"]["code"] == "bad_message"
    assert (
        raw_exchange(path, b'{"v": 99, "id": 1, "method": "ping"}\n')["error"]["code"]
        == "bad_version"
    )
    assert (
        raw_exchange(path, b'{"v": 1, "id": 2, "method": "explode"}\n')["error"]["code"]
        == "unknown_method"
    )
    assert (
        raw_exchange(
            path,
            b'{"v": 1, "id": 3, "method": "search", "params": {"query": "x", "mode": "psychic"}}\n',
        )["error"]["code"]
        == "invalid_params"
    )
    oversized = b'{"v": 1, "method": "ping", "pad": "' + b"x" * (MAX_MESSAGE_BYTES + 10)
    assert raw_exchange(path, oversized + b'"}\n')["error"]["code"] == "too_large"
    with pytest.raises(DaemonError, match="unknown field `nonsense`"):
        daemon.client.call("search", nonsense=1)
    assert daemon.client.call("ping") == "pong"  # still up


def test_hostile_files_leave_the_daemon_up_with_reasons(tmp_path: Path, runtime: Path) -> None:
    docs, expected = build_hostile_folder(tmp_path)
    prefix = unprivileged_prefix(docs / "secret.txt")
    running = RunningDaemon(tmp_path / "data", [docs], runtime)
    running.start(prefix)
    try:
        status = running.idle()
        reasons = {Path(f["path"]).name: f["reason"] for f in status["failures"]}
        assert set(reasons) == set(expected)
        for name, part in expected.items():
            assert part in reasons[name] and reasons[name]
        assert status["files_indexed"] == 4
        assert running.search("marine mammals singing", k=1) == ["good-note.txt"]
        assert running.search("eruption of a mountain", k=1) == ["good-letter.docx"]
        (docs / "another-good.txt").write_text("Penguins huddle together in the cold.", "utf-8")
        running.idle()
        assert running.search("flightless birds keeping warm", k=1) == ["another-good.txt"]
    finally:
        assert running.stop() == 0


def test_ignore_file_edits_take_effect(daemon: RunningDaemon) -> None:
    one = daemon.folders[0]
    (one / "drafts").mkdir()
    (one / "drafts" / "plan.txt").write_text("A plan about balloons.", "utf-8")
    daemon.idle()
    assert daemon.search("balloons", mode="lexical") == ["plan.txt"]
    (one / ".desktop-search-ignore").write_text("drafts/\n", "utf-8")
    daemon.idle()
    assert daemon.search("balloons", mode="lexical") == []
    (one / "drafts" / "more.txt").write_text("More about balloons.", "utf-8")
    daemon.idle()
    assert daemon.search("balloons", mode="lexical") == []


def test_subscribers_are_told_what_changed(daemon: RunningDaemon) -> None:
    daemon.idle()
    events: list[dict[str, Any]] = []

    def listen() -> None:
        for event in daemon.client.events(timeout_s=10):
            events.append(event)
            if event["event"] == "changed":
                return

    listener = threading.Thread(target=listen)
    listener.start()
    time.sleep(0.5)  # let the subscription start
    (daemon.folders[0] / "pushed.txt").write_text("News about comets.", "utf-8")
    listener.join(timeout=30)
    kinds = [e["event"] for e in events]
    assert "progress" in kinds and kinds[-1] == "changed"
    assert events[-1]["data"]["indexed"] == 1
    assert daemon.client.call("ping") == "pong"
