"""A full disk: the daemon waits and says so, and carries on when there is room again."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.daemon.harness import RunningDaemon, wait_for
from tests.notes import write_notes


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1.5 MB file system (tmpfs), grown later with ``remount``; root only."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small file system needs root")
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1536k,mode=0700", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_full_disk_makes_the_daemon_wait_then_resume(
    small_disk: Path, tmp_path: Path, runtime: Path
) -> None:
    docs = tmp_path / "docs"
    write_notes(docs, 400, "k", words=400)
    running = RunningDaemon(small_disk / "data", [docs], runtime)
    running.start()
    try:
        status = wait_for(
            lambda: (
                (s := running.client.call("status"))["state"] == "waiting (the disk is full)" and s
            ),
            timeout_s=300,
            what="the daemon to notice the full disk",
        )
        assert 0 < status["files_indexed"] < 400
        assert running.process is not None and running.process.poll() is None
        assert running.client.call("search", query="k3z", mode="lexical", k=1) is not None
        assert running.stop() == 0  # a clean stop, though the vector file cannot be saved
        running.start(timeout_s=240)  # and a start on the full disk: it waits again
        wait_for(
            lambda: running.client.call("status")["state"] == "waiting (the disk is full)",
            timeout_s=300,
            what="the restarted daemon to wait for room",
        )
        subprocess.run(["mount", "-o", "remount,size=256m", str(small_disk)], check=True)
        status = running.idle()
        assert status["files_indexed"] == 400 and status["files_failed"] == 0
        assert status["vectors"] == status["chunks"]
        hits = running.client.call("search", query="k399z", mode="lexical", k=1)
        assert Path(hits[0]["path"]).name == "k0399.txt"
    finally:
        if running.process is not None and running.process.poll() is None:
            assert running.stop() == 0
