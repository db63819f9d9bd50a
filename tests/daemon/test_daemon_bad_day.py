"""What an outside probe of the daemon found on a bad day, each kept fixed: a very deep
folder, a folder removed during its first scan, files outside the folders, a settings file
with a wrongly typed folder list, system folders."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from desktop_search.daemon.client import DaemonError
from tests.daemon.harness import REPO, RunningDaemon, wait_for
from tests.notes import write_notes

INDEX = [sys.executable, "-m", "desktop_search", "index"]


def test_a_folder_nested_a_thousand_deep_is_watched(tmp_path: Path, runtime: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    deep = str(docs)
    for _ in range(1100):  # watchdog adds its watches with a recursive walk
        deep = os.path.join(deep, "d")
        os.mkdir(deep)
    Path(deep, "deep.txt").write_text("A deep note about walruses.", "utf-8")
    running = RunningDaemon(tmp_path / "data", [docs], runtime)
    running.start()
    try:
        status = running.idle()
        assert status["folders"][0]["watched"] == "events"
        assert running.search("walruses", mode="lexical") == ["deep.txt"]
        (docs / "fresh.txt").write_text("A fresh note about narwhals.", "utf-8")
        running.idle()
        assert running.search("narwhals", mode="lexical") == ["fresh.txt"]
    finally:
        code = running.stop()
        Path(deep, "deep.txt").unlink()  # shutil.rmtree (pytest's clean-up) recurses
        while deep != str(docs):
            os.rmdir(deep)
            deep = os.path.dirname(deep)
    assert code == 0


def test_a_folder_removed_during_its_first_scan_leaves_nothing_behind(
    tmp_path: Path, runtime: Path
) -> None:
    big, small = tmp_path / "big", tmp_path / "small"
    write_notes(big, 600, "b", words=80)
    write_notes(small, 3, "s", words=20)
    running = RunningDaemon(tmp_path / "data", [big, small], runtime)
    running.start()
    try:
        wait_for(
            lambda: running.client.call("status")["files_indexed"] > 10,
            timeout_s=300,
            what="the first scan to be under way",
        )
        running.client.call("remove_folder", path=str(big))
        status = running.idle()
        assert status["files_indexed"] == 3 and status["files_pending"] == 0
        assert running.client.call("search", query="b17z", mode="lexical") == []
    finally:
        assert running.stop() == 0
    running.folders = []  # a restart with the folders the settings now hold
    running.start()
    try:
        assert running.idle()["files_indexed"] == 3
    finally:
        assert running.stop() == 0


def test_files_outside_the_folders_leave_the_index(tmp_path: Path, runtime: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    write_notes(old, 5, "o", words=20)
    write_notes(new, 4, "n", words=20)
    data_dir = tmp_path / "data"
    command = [sys.executable, "-m", "desktop_search"]
    indexed = subprocess.run(
        [*command, "index", str(old), "--data-dir", str(data_dir)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert indexed.returncode == 0, indexed.stderr
    running = RunningDaemon(data_dir, [new], runtime)  # the folders changed meanwhile
    running.start()
    try:
        status = running.idle()
        assert status["files_indexed"] == 4
        assert running.client.call("search", query="o3z", mode="lexical") == []
        outside = tmp_path / "loose.txt"
        outside.write_text("A loose note about zebras.", "utf-8")
        refused = subprocess.run(
            [*command, "index", str(outside), "--data-dir", str(data_dir)],
            cwd=REPO,
            env=running.env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert refused.returncode == 2
        assert "not inside an indexed folder" in refused.stderr
    finally:
        assert running.stop() == 0


def test_a_wrongly_typed_folder_list_is_not_replaced_by_the_home_folder(
    tmp_path: Path, runtime: Path
) -> None:
    home = tmp_path / "home"
    write_notes(home / "Documents", 2, "h", words=20)
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    # a string, not a list (and the test daemons' usual "do not wait for a busy machine")
    written = {"folders": str(tmp_path / "somewhere"), "pause_when_busy": False}
    (data_dir / "settings.json").write_text(json.dumps(written), "utf-8")
    running = RunningDaemon(data_dir, [], runtime)
    running.env = {**running.env, "HOME": str(home), "XDG_DOCUMENTS_DIR": str(home / "Documents")}
    running.start()
    try:
        status = running.idle()
        assert status["folders"] == [] and status["files_indexed"] == 0
    finally:
        assert running.stop() == 0
    assert json.loads((data_dir / "settings.json").read_text("utf-8")) == written


def test_system_folders_are_refused(daemon: RunningDaemon) -> None:
    daemon.idle()
    for folder in ("/proc", "/sys/class", "/dev"):
        try:
            daemon.client.call("add_folder", path=folder)
        except DaemonError as exc:
            assert exc.code == "bad_request" and "never indexed" in str(exc)
        else:
            raise AssertionError(f"{folder} was accepted")
    refused = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop_search",
            "index",
            "/proc/self",
            "--data-dir",
            str(daemon.data_dir),
        ],
        cwd=REPO,
        env=daemon.env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert refused.returncode == 2 and "never indexed" in refused.stderr
    status = daemon.client.call("status")
    assert [f["path"] for f in status["folders"]] == [str(f) for f in daemon.folders]
    assert os.path.isdir("/proc")
