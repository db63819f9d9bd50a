"""The socket's folder is private, and each end checks who is on the other (#9).

Another local user may create the socket's folder first (squat it) or listen on the
socket's path: they must get neither the user's queries nor a chance to answer them.
The tests that hand things to another user (uid 65534) need root, as CI runs them.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_search.daemon.client import DaemonClient, DaemonUnavailableError
from desktop_search.daemon.socket_dir import (
    UnsafeSocketDirError,
    socket_dir,
    socket_location,
    socket_path,
)
from tests.daemon.harness import REPO

NOBODY = 65534
as_root = pytest.mark.skipif(os.geteuid() != 0, reason="handing a folder to uid 65534 needs root")
DAEMON = [sys.executable, "-m", "desktop_search", "daemon"]
AS_NOBODY = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
FAKE_REPLY = {"v": 1, "id": 1, "result": [{"path": "/fake/result.txt", "score": 1.0}]}


@pytest.fixture
def short_tmp() -> Iterator[Path]:
    """A folder right in /tmp: a Unix socket's path must stay under 108 bytes."""
    folder = Path(tempfile.mkdtemp(prefix="ds-sock-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def no_runtime_dir(short_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No XDG_RUNTIME_DIR: the socket folder falls back to the (shared) temp dir, here a
    fresh one. Returns the folder the socket goes to."""
    shared_tmp = short_tmp / "tmp"
    shared_tmp.mkdir()
    shared_tmp.chmod(0o1777)  # like /tmp: anyone may create a folder there first
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setenv("TMPDIR", str(shared_tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(shared_tmp))
    return shared_tmp / f"desktop-search-{os.getuid()}"


@pytest.fixture
def private_runtime(short_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    runtime = short_tmp / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    return runtime


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


# -- the folder -------------------------------------------------------------------------


def test_folder_in_the_runtime_dir_is_created_private(private_runtime: Path) -> None:
    path = socket_path(private_runtime / "data")
    assert path.parent == private_runtime / "desktop-search"
    assert mode_of(path.parent) == 0o700 and path.parent.lstat().st_uid == os.getuid()


def test_fallback_folder_is_created_private(no_runtime_dir: Path, short_tmp: Path) -> None:
    path = socket_path(short_tmp / "data")
    assert path.parent == no_runtime_dir == socket_dir()
    assert mode_of(no_runtime_dir) == 0o700 and no_runtime_dir.lstat().st_uid == os.getuid()


def test_runtime_dir_of_another_user_is_not_used(
    private_runtime: Path, no_runtime_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if os.geteuid() != 0:
        pytest.skip("handing a folder to uid 65534 needs root")
    os.chown(private_runtime, NOBODY, NOBODY)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(private_runtime))
    assert socket_dir() == no_runtime_dir


def test_our_folder_readable_by_others_is_tightened(no_runtime_dir: Path, short_tmp: Path) -> None:
    no_runtime_dir.mkdir()
    no_runtime_dir.chmod(0o755)  # as older versions left it: nobody else could write
    socket_path(short_tmp / "data")
    assert mode_of(no_runtime_dir) == 0o700


def squat(folder: Path, how: str) -> None:
    """``folder`` as another user (or a careless umask) may have left it."""
    if how == "world-writable":
        folder.mkdir()
        folder.chmod(0o777)
    elif how == "other-owner":
        folder.mkdir(mode=0o700)
        os.chown(folder, NOBODY, NOBODY)
    elif how == "symlink":
        target = folder.parent / "elsewhere"
        target.mkdir(mode=0o700)
        os.chown(target, NOBODY, NOBODY)
        folder.symlink_to(target)
    else:
        folder.write_text("not a folder")


SQUATS = [
    pytest.param("world-writable", "written by other users", id="mode-0777"),
    pytest.param("other-owner", "belongs to uid 65534", id="owned-by-65534", marks=as_root),
    pytest.param("symlink", "symbolic link", id="symlink", marks=as_root),
    pytest.param("file", "not a directory", id="file"),
]


@pytest.mark.parametrize(("how", "reason"), SQUATS)
def test_squatted_folder_is_refused(
    no_runtime_dir: Path, short_tmp: Path, how: str, reason: str
) -> None:
    squat(no_runtime_dir, how)
    before = no_runtime_dir.lstat()
    with pytest.raises(UnsafeSocketDirError, match=reason):
        socket_path(short_tmp / "data")
    after = no_runtime_dir.lstat()
    assert (after.st_mode, after.st_uid) == (before.st_mode, before.st_uid)  # left alone


@pytest.mark.parametrize(("how", "reason"), SQUATS)
def test_squatted_folder_in_the_runtime_dir_is_refused(
    private_runtime: Path, how: str, reason: str
) -> None:
    squat(private_runtime / "desktop-search", how)
    with pytest.raises(UnsafeSocketDirError, match=reason):
        socket_path(private_runtime / "data")


# -- the daemon and the client ----------------------------------------------------------


@as_root
def test_daemon_refuses_to_listen_in_a_squatted_folder(
    no_runtime_dir: Path, short_tmp: Path
) -> None:
    squat(no_runtime_dir, "other-owner")
    docs = short_tmp / "docs"
    docs.mkdir()
    result = subprocess.run(
        [*DAEMON, "--data-dir", str(short_tmp / "data"), "--folder", str(docs)],
        cwd=REPO,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode != 0
    assert f"the socket folder {no_runtime_dir} belongs to uid 65534" in result.stderr
    assert list(no_runtime_dir.iterdir()) == []  # no socket was put there


def serve_fake_results(path: Path) -> threading.Thread:
    """A server on ``path`` that answers every request with fake search results."""
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen()

    def serve() -> None:
        with server:
            while True:
                try:
                    connection, _ = server.accept()
                except OSError:
                    return
                with connection:
                    connection.recv(65536)
                    connection.sendall(json.dumps(FAKE_REPLY).encode() + b"\n")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return thread


def test_client_does_not_connect_through_a_squatted_folder(
    no_runtime_dir: Path, short_tmp: Path
) -> None:
    data_dir = short_tmp / "data"
    squat(no_runtime_dir, "world-writable")
    path = socket_location(data_dir)
    serve_fake_results(path)  # planted by whoever could write in the folder
    client = DaemonClient(data_dir, timeout_s=10)
    with pytest.raises(DaemonUnavailableError, match="written by other users"):
        client.call("search", query="my private query")
    assert not client.available()


FAKE_SERVER = r"""
import json, socket, sys
server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
server.bind(sys.argv[1])
server.listen()
print("listening", flush=True)
while True:
    connection, _ = server.accept()
    with connection:
        connection.recv(65536)
        connection.sendall(sys.argv[2].encode() + b"\n")
"""


@as_root
def test_client_refuses_a_server_of_another_user(private_runtime: Path, short_tmp: Path) -> None:
    """A process of uid 65534 listens on the very path of our socket, in our private
    folder (as if it got there some other way): the client must not take its answers."""
    data_dir = short_tmp / "data"
    expected = socket_path(data_dir)  # our own folder, verified private
    outsider_dir = Path(tempfile.mkdtemp(prefix="outsider-"))
    os.chown(outsider_dir, NOBODY, NOBODY)
    planted = outsider_dir / "s.sock"
    outsider = subprocess.Popen(
        [*AS_NOBODY, sys.executable, "-c", FAKE_SERVER, str(planted), json.dumps(FAKE_REPLY)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert outsider.stdout is not None
        assert outsider.stdout.readline().strip() == "listening", outsider.stderr
        assert planted.stat().st_uid == NOBODY
        os.rename(planted, expected)  # the socket keeps its owner: uid 65534 listens
        client = DaemonClient(data_dir, timeout_s=10)
        with pytest.raises(DaemonUnavailableError, match="runs as uid 65534"):
            client.call("search", query="my private query")
        assert not client.available()
    finally:
        outsider.kill()
        outsider.wait(timeout=30)
        for stream in (outsider.stdout, outsider.stderr):
            if stream is not None:
                stream.close()
        shutil.rmtree(outsider_dir, ignore_errors=True)


def test_client_talks_to_a_server_of_its_own_user(private_runtime: Path, short_tmp: Path) -> None:
    data_dir = short_tmp / "data"
    serve_fake_results(socket_path(data_dir))
    reply = DaemonClient(data_dir, timeout_s=10).call("search", query="q")
    assert reply == FAKE_REPLY["result"]
