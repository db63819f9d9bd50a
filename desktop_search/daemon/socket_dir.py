"""Where the daemon's socket lives, and who is on the other end of it.

The socket sits in a folder of its own that only its user can enter:

- ``$XDG_RUNTIME_DIR/desktop-search/`` when ``XDG_RUNTIME_DIR`` names a folder the user
  owns (the XDG spec's private, per-login folder);
- otherwise ``<temp dir>/desktop-search-<uid>/``.

A shared temp dir lets any local user create that folder first (squat it), put their own
socket in it, read the queries and answer with fake results. So the folder is created
0700 when it is missing, and when it exists it is used only if ``lstat`` shows a real
directory (not a symlink) owned by this uid that no other user can write; a folder of
ours that is merely readable by others (0755, from older versions) is tightened to 0700.
Anything else is refused with :class:`UnsafeSocketDirError`, which names the folder and
what is wrong with it. We refuse rather than fall back to another folder: a fallback
would have to be found the same way by every client, and a refusal is visible and safe.

Both ends also check the peer's uid on every connection (``SO_PEERCRED``): the daemon
refuses clients of another user and the client refuses a daemon of another user.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import socket
import stat
import struct
import tempfile
from pathlib import Path

from desktop_search.config.private import PRIVATE_DIR_MODE

SOCKET_DIR_NAME = "desktop-search"


class UnsafeSocketDirError(Exception):
    """The socket's folder exists but is not private to this user: it is not used."""


def socket_dir() -> Path:
    """The folder for this user's sockets (not created or checked here)."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isabs(runtime):
        with contextlib.suppress(OSError):
            info = os.stat(runtime)
            if stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid():
                return Path(runtime) / SOCKET_DIR_NAME
    return Path(tempfile.gettempdir()) / f"{SOCKET_DIR_NAME}-{os.getuid()}"


def socket_location(data_dir: Path) -> Path:
    """The socket of the daemon serving ``data_dir`` (hashed: short and safe); the folder
    is neither created nor checked: see :func:`socket_path` and :func:`check_socket_dir`."""
    digest = hashlib.sha256(str(data_dir.resolve()).encode("utf-8", "surrogateescape"))
    return socket_dir() / f"{digest.hexdigest()[:16]}.sock"


def socket_path(data_dir: Path) -> Path:
    """:func:`socket_location`, with its folder created or verified private first.

    Raises :class:`UnsafeSocketDirError` when the folder cannot be trusted."""
    path = socket_location(data_dir)
    make_socket_dir(path.parent)
    return path


def make_socket_dir(folder: Path) -> None:
    """Create ``folder`` with mode 0700, or check that the existing one is private."""
    try:
        folder.mkdir(mode=PRIVATE_DIR_MODE)
    except FileExistsError:
        pass
    except OSError as exc:
        raise UnsafeSocketDirError(f"cannot create the socket folder {folder}: {exc}") from exc
    check_socket_dir(folder)


def check_socket_dir(folder: Path) -> None:
    """Raise :class:`UnsafeSocketDirError` unless ``folder`` is a real directory owned by
    this user that nobody else can write (FileNotFoundError when it does not exist).
    A folder of ours that others may only read or enter is tightened to 0700."""
    info = folder.lstat()
    uid = os.getuid()
    fix = "; remove it, or set XDG_RUNTIME_DIR to a private folder of yours, and start again"
    if stat.S_ISLNK(info.st_mode):
        raise UnsafeSocketDirError(f"the socket folder {folder} is a symbolic link{fix}")
    if not stat.S_ISDIR(info.st_mode):
        raise UnsafeSocketDirError(f"the socket folder {folder} is not a directory{fix}")
    if info.st_uid != uid:
        raise UnsafeSocketDirError(
            f"the socket folder {folder} belongs to uid {info.st_uid}, not to you (uid {uid}){fix}"
        )
    mode = stat.S_IMODE(info.st_mode)
    if mode & 0o022:
        raise UnsafeSocketDirError(
            f"the socket folder {folder} can be written by other users "
            f"(mode {mode:04o}, must be 0700){fix}"
        )
    if mode & 0o077:
        os.chmod(folder, PRIVATE_DIR_MODE)  # checked above: ours and a real directory


def peer_uid(sock: socket.socket) -> int | None:
    """The uid of the process at the other end of a connected Unix socket (Linux), or
    None where the platform cannot tell (the folder's permissions are the guard there)."""
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return None
    creds = sock.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i"))
    _pid, uid, _gid = struct.unpack("3i", creds)
    return int(uid)
