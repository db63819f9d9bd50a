"""Run a command under strace and read back what it did to files and the network.

The command runs under ``strace -f -ff -y`` with one output file per thread (``-ff``), so
no call is ever split into ``<unfinished ...>`` / ``<... resumed>`` halves, and ``-y``
prints the path behind every file descriptor, so ``openat(5</some/dir>, "name", ...)`` and
``fchmod(7</some/file>, ...)`` are resolved too. strace prints path arguments whole.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

STRACE = shutil.which("strace")

# %file: every call that takes a file name; %network: socket, connect, sendto, bind...;
# plus the calls that change a file through a descriptor.
TRACED = "trace=%file,%network,fchmod,fchown,ftruncate,fsetxattr,fremovexattr"

_LINE = re.compile(
    r"^(?P<call>\w+)\((?P<args>.*)\)\s+=\s+(?P<result>-?\d+|\?)(?:<(?P<fd_path>[^>]*)>)?"
)
# glibc changes a file it holds by an O_PATH descriptor through /proc/self/fd/N (lchmod,
# fchmodat with AT_SYMLINK_NOFOLLOW): the path that counts is the descriptor's.
_PROC_FD = re.compile(r'"/proc/(?:self|\d+)/fd/(\d+)"')
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
_FD_PATH = re.compile(r"^-?\d+<(?P<path>[^>]*)>$")

WRITE_FLAGS = ("O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC", "O_APPEND", "O_TMPFILE")
# Calls that change the file system at their path argument(s).
CHANGING_CALLS = {
    "mkdir",
    "mkdirat",
    "rmdir",
    "unlink",
    "unlinkat",
    "rename",
    "renameat",
    "renameat2",
    "link",
    "linkat",
    "symlink",
    "symlinkat",
    "chmod",
    "fchmodat",
    "fchmodat2",
    "chown",
    "lchown",
    "fchownat",
    "truncate",
    "utime",
    "utimes",
    "utimensat",
    "futimesat",
    "mknod",
    "mknodat",
    "setxattr",
    "lsetxattr",
    "removexattr",
    "lremovexattr",
    "fchmod",
    "fchown",
    "ftruncate",
    "fsetxattr",
    "fremovexattr",
    "bind",
}
OPEN_CALLS = {"open", "openat", "openat2", "creat"}
FD_CALLS = {"fchmod", "fchown", "ftruncate", "fsetxattr", "fremovexattr"}


@dataclass(frozen=True)
class Call:
    pid: int
    name: str
    args: str
    result: str
    line: str

    @property
    def succeeded(self) -> bool:
        return self.result != "?" and not self.result.startswith("-")


def strace_prefix(out_dir: Path) -> list[str]:
    """The command prefix that traces a command (and all its children) into ``out_dir``."""
    assert STRACE is not None
    out_dir.mkdir(parents=True, exist_ok=True)
    return [STRACE, "-f", "-ff", "-y", "-qq", "-e", TRACED, "-o", str(out_dir / "trace")]


def read_calls(out_dir: Path) -> list[Call]:
    return [call for file in sorted(out_dir.glob("trace.*")) for call in _read_thread(file)]


def _read_thread(file: Path) -> list[Call]:
    pid = int(file.suffix[1:])
    fd_paths: dict[str, str] = {}  # what each descriptor this thread opened is

    def fd_path(match: re.Match[str]) -> str:
        return f'"{fd_paths.get(match.group(1), match.group(0)[1:-1])}"'

    calls = []
    for text in file.read_text("utf-8", "replace").splitlines():
        line = _PROC_FD.sub(fd_path, text)
        match = _LINE.match(line)
        if not match:
            continue
        if match.group("fd_path") is not None:
            fd_paths[match.group("result")] = match.group("fd_path")
        calls.append(
            Call(pid, match.group("call"), match.group("args"), match.group("result"), line)
        )
    return calls


def _unescape(text: str) -> str:
    """strace's C-style escapes (octal and hex bytes) back to the path they spell."""
    raw = text.encode("latin-1", "backslashreplace").decode("unicode_escape")
    return raw.encode("latin-1", "backslashreplace").decode("utf-8", "surrogateescape")


def _resolve(dir_arg: str | None, name: str, cwd: Path) -> str:
    if name.startswith("/"):
        return os.path.normpath(name)
    if dir_arg is not None:
        match = _FD_PATH.match(dir_arg.strip())
        if match:
            return os.path.normpath(os.path.join(match.group("path"), name))
    return os.path.normpath(os.path.join(cwd, name))


def _split_args(args: str) -> list[str]:
    """Top-level comma-separated arguments (strings, braces and brackets kept whole)."""
    parts, depth, quoted, current = [], 0, False, []
    escaped = False
    for char in args:
        if quoted:
            current.append(char)
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                quoted = False
            continue
        if char == '"':
            quoted = True
        elif char in "{[(":
            depth += 1
        elif char in "}])":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
            continue
        current.append(char)
    if current:
        parts.append("".join(current).strip())
    return parts


def _string(arg: str) -> str | None:
    quoted = _QUOTED.fullmatch(arg)
    return _unescape(quoted.group(1)) if quoted else None


def _opened_for_writing(call: Call, args: list[str], cwd: Path) -> str | None:
    """The path an open/openat/openat2/creat call may write, else None."""
    if call.name == "creat":
        return _resolve(None, _string(args[0]) or "", cwd)
    at = call.name in ("openat", "openat2")
    flags = args[2] if at else args[1]
    if not any(flag in flags for flag in WRITE_FLAGS):
        return None
    name = _string(args[1] if at else args[0])
    return None if name is None else _resolve(args[0] if at else None, name, cwd)


def changed_paths(call: Call, cwd: Path) -> list[str]:
    """The paths a successful call created, wrote or changed (empty for other calls)."""
    if not call.succeeded:
        return []
    args = _split_args(call.args)
    if call.name in OPEN_CALLS:
        written = _opened_for_writing(call, args, cwd)
        return [] if written is None else [written]
    if call.name not in CHANGING_CALLS:
        return []
    if call.name in FD_CALLS:
        match = _FD_PATH.match(args[0])
        return [match.group("path")] if match else []
    if call.name == "bind":
        found = re.search(r'sun_path="((?:[^"\\]|\\.)*)"', call.args)
        return [_resolve(None, _unescape(found.group(1)), cwd)] if found else []
    paths: list[str] = []
    pending_dir: str | None = None
    for arg in args:
        name = _string(arg)
        if name is not None:
            paths.append(_resolve(pending_dir, name, cwd))
            pending_dir = None
        elif _FD_PATH.match(arg) or arg == "AT_FDCWD":
            pending_dir = arg
    if call.name in ("symlink", "symlinkat"):
        paths = paths[1:]  # the first string is the link's target, not a path written
    return paths


def inet_calls(calls: Sequence[Call]) -> Iterator[Call]:
    """socket() of any family but AF_UNIX, and connect/sendto/sendmsg to a non-Unix address."""
    for call in calls:
        if (call.name == "socket" and not call.args.startswith(("AF_UNIX", "AF_LOCAL"))) or (
            call.name in ("connect", "sendto", "sendmsg", "bind")
            and "sa_family=AF_INET" in (call.args)
        ):
            yield call


def run_traced(
    command: Sequence[str], out_dir: Path, *, env: dict[str, str], cwd: Path, timeout_s: float
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*strace_prefix(out_dir), *command],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout_s,
        check=False,
    )
