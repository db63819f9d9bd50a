"""Keeping the data dir private: the folder 0700, every file in it 0600, whatever the umask.

Writers create files inside :func:`private_umask` (or through :func:`create_private_file`),
and :func:`secure_data_dir` repairs a data dir left readable by an older version or a
copy. Readers never need to chmod anything.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger(__name__)

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
PRIVATE_UMASK = 0o077

# os.umask is process-wide: nested or concurrent users share one saved value, and the
# user's umask comes back when the last one leaves.
_umask_lock = threading.Lock()
_umask_users = 0
_umask_saved = 0


@contextlib.contextmanager
def private_umask() -> Iterator[None]:
    """Files and folders created inside get no group or other permissions."""
    global _umask_users, _umask_saved
    with _umask_lock:
        if _umask_users == 0:
            _umask_saved = os.umask(PRIVATE_UMASK)
        _umask_users += 1
    try:
        yield
    finally:
        with _umask_lock:
            _umask_users -= 1
            if _umask_users == 0:
                os.umask(_umask_saved)


def _owned(info: os.stat_result) -> bool:
    return os.name == "nt" or info.st_uid == os.geteuid()


def _chmod_if_needed(path: Path, info: os.stat_result, mode: int) -> None:
    if os.name == "nt" or stat.S_IMODE(info.st_mode) == mode or not _owned(info):
        return
    try:
        os.chmod(path, mode, follow_symlinks=False)
    except OSError as exc:
        log.warning("could not make %s private: %s", path, exc)


def make_private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) with mode 0700; an existing one is made 0700."""
    with private_umask():
        path.mkdir(parents=True, exist_ok=True)
    _chmod_if_needed(path, path.stat(), PRIVATE_DIR_MODE)
    return path


def create_private_file(path: Path) -> None:
    """Make sure ``path`` exists with mode 0600 (an existing file keeps its content).

    Open it afterwards as usual: opening an existing file never changes its mode."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), PRIVATE_FILE_MODE)
    try:
        if os.name != "nt" and stat.S_IMODE(os.fstat(fd).st_mode) != PRIVATE_FILE_MODE:
            os.fchmod(fd, PRIVATE_FILE_MODE)
    finally:
        os.close(fd)


def make_private_file(path: Path) -> None:
    """Give an existing file (ours) mode 0600."""
    _chmod_if_needed(path, path.lstat(), PRIVATE_FILE_MODE)


def secure_data_dir(data_dir: Path) -> None:
    """Make the data dir 0700 and everything we own in it private (folders 0700, files
    0600). Symbolic links are neither followed nor changed; files that vanish meanwhile
    are skipped."""
    make_private_dir(data_dir)
    for root, folders, files in os.walk(data_dir):
        for name in folders + files:
            path = Path(root) / name
            try:
                info = path.lstat()
            except FileNotFoundError:
                continue
            if stat.S_ISDIR(info.st_mode):
                _chmod_if_needed(path, info, PRIVATE_DIR_MODE)
            elif stat.S_ISREG(info.st_mode):
                _chmod_if_needed(path, info, PRIVATE_FILE_MODE)


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_private_file_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` by ``data`` all at once: a 0600 temp file beside it, fsynced, renamed
    over it. A kill at any point leaves the old content or the new, never a mix."""
    tmp = path.with_name(path.name + ".tmp")
    create_private_file(tmp)
    with tmp.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)
