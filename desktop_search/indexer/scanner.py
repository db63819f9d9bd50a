"""Walk the indexed folders: which files to consider, and which places could not be walked.

Symbolic links. The walk first goes through the folders themselves, then looks at the
links it met. A link is followed only when its target, fully resolved, lies inside one of
the folders being scanned, is not excluded there (hidden, temporary, ``.git`` and the
like, or an ignore rule, all checked on the target's real path too), is not in
``/proc``, ``/sys`` or ``/dev``, and was not already walked: every folder is walked at
most once in a scan (tracked by device and inode), so a file is indexed once, under its
own path, and under a link's path only when no other way reaches it. A link that is not
followed is not an error; a broken link and a link loop (one that points back to a
folder above it) are reported. The folders given to :func:`scan` are entered even when
they are links themselves (the user chose them), unless such a link points back to a
folder above it.

The walk keeps an explicit stack, so folders nested thousands deep are fine.
"""

from __future__ import annotations

import errno
import fnmatch
import logging
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop_search.indexer.ignore import IGNORE_FILE, Chain, IgnoreRules

log = logging.getLogger(__name__)

SKIP_DIRS = frozenset({"__pycache__", "node_modules", ".git", ".hg", ".svn", "$RECYCLE.BIN"})
# Kernel and device file systems: never entered, whatever the links say.
SYSTEM_DIRS = ("/proc", "/sys", "/dev")
LOOP_TO_PARENT = "symbolic link loop (points back to a parent folder)"
TEMP_PATTERNS = (
    "~$*",
    ".~lock.*",
    "*.tmp",
    "*.temp",
    "*.swp",
    "*.swo",
    "*~",
    ".#*",
    "*.part",
    "*.crdownload",
    "#*#",
)


@dataclass(frozen=True)
class FoundFile:
    path: str
    size: int
    mtime_ns: int


@dataclass
class ScanResult:
    files: dict[str, FoundFile] = field(default_factory=dict)
    problems: dict[str, str] = field(default_factory=dict)  # path -> reason


def is_temporary(name: str) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in TEMP_PATTERNS)


def name_excluded(name: str, is_dir: bool, include_hidden: bool) -> bool:
    """Whether a file or folder of this name is left out, wherever it is."""
    return (
        (not include_hidden and name.startswith("."))
        or is_temporary(name)
        or (is_dir and name in SKIP_DIRS)
    )


def excluded_below(
    base: str, path: str, is_dir: bool, *, include_hidden: bool, rules: IgnoreRules
) -> bool:
    """Whether ``path``, inside the folder ``base``, is left out: by the name of the path
    or of a folder between ``base`` and it, or by an ignore rule."""
    relative = path[len(base.rstrip(os.sep)) + 1 :] if path != base else ""
    parts = [part for part in relative.split(os.sep) if part]
    for depth, part in enumerate(parts, 1):
        if name_excluded(part, is_dir or depth < len(parts), include_hidden):
            return True
    return rules.is_ignored(path, is_dir)


def is_system_path(real: str) -> bool:
    return any(real == top or real.startswith(top + "/") for top in SYSTEM_DIRS)


def folder_refusal(folder: str) -> str | None:
    """Why ``folder`` cannot be one of the indexed folders, or None when it can."""
    if is_system_path(os.path.realpath(folder)):
        return f"{folder} is a system folder: {', '.join(SYSTEM_DIRS)} are never indexed"
    return None


def _is_within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def scan(
    roots: list[str],
    *,
    wanted: Callable[[str], bool],
    include_hidden: bool = False,
    max_bytes: int | None = None,
    rules: IgnoreRules | None = None,
) -> ScanResult:
    """Every wanted regular file under ``roots``, excluded paths (ignore files, global
    patterns) left out; links are followed as the module says, loops reported."""
    walk = _Walk(wanted, include_hidden, rules or IgnoreRules())
    for root in roots:
        walk.root(root)
    walk.follow_links()
    result = walk.result
    if max_bytes is not None:
        for path, found in list(result.files.items()):
            if found.size > max_bytes:
                result.problems[path] = (
                    f"file too large ({found.size / 1e6:.1f} MB, limit {max_bytes / 1e6:.0f} MB)"
                )
                del result.files[path]
    return result


@dataclass(frozen=True)
class _Link:
    path: str
    folder_real: str  # the real path of the folder the link sits in
    chain: Chain  # the ignore files in force in that folder


class _Walk:
    def __init__(self, wanted: Callable[[str], bool], include_hidden: bool, rules: IgnoreRules):
        self.result = ScanResult()
        self.wanted = wanted
        self.include_hidden = include_hidden
        self.rules = rules
        self.visited: set[tuple[int, int]] = set()  # every folder walked in this scan
        self.areas: list[str] = []  # the real paths of the folders being scanned
        self.links: list[_Link] = []

    def root(self, root: str) -> None:
        result = self.result
        try:
            info = os.stat(root)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                result.problems[root] = "symbolic link loop"
            else:
                result.problems[root] = f"cannot open folder: {exc.strerror or exc}"
            return
        real = os.path.realpath(root)
        is_dir = stat.S_ISDIR(info.st_mode)
        if is_system_path(real):
            result.problems[root] = "not indexed: /proc, /sys and /dev are never entered"
            return
        if os.path.basename(root) == IGNORE_FILE:  # handed over alone: is it still fine?
            folder = os.path.dirname(root)
            self.rules.chain_for(folder, [])
            self._note_problem_in(folder)
            return
        if self.rules.is_ignored(root, is_dir):
            return
        if stat.S_ISREG(info.st_mode):
            if self.wanted(root):
                result.files[root] = FoundFile(root, info.st_size, info.st_mtime_ns)
            return
        if not is_dir:
            return
        if os.path.islink(root) and _is_within(os.path.realpath(os.path.dirname(root)), real):
            # as met in a walk (and as the daemon hands it back): a loop, not a folder
            result.problems[root] = LOOP_TO_PARENT
            return
        self.areas.append(real)
        key = (info.st_dev, info.st_ino)
        if key not in self.visited:
            self.visited.add(key)
            self._tree(root, real, self.rules.chain_for(root))

    def _tree(self, top: str, top_real: str, top_chain: Chain) -> None:
        """Walk ``top`` (already marked visited), deferring the links it meets."""
        result = self.result
        rules = self.rules
        self._note_problem_in(top)
        stack: list[tuple[str, str, Chain]] = [(top, top_real, top_chain)]
        while stack:
            folder, real, chain = stack.pop()
            try:
                with os.scandir(folder) as listing:
                    entries = list(listing)
            except PermissionError:
                result.problems[folder] = "permission denied: folder not readable"
                continue
            except OSError as exc:
                result.problems[folder] = f"cannot list folder: {exc.strerror or exc}"
                continue
            for entry in entries:
                name = entry.name
                if name_excluded(name, False, self.include_hidden):
                    continue
                path = entry.path
                try:
                    if entry.is_symlink():
                        self.links.append(_Link(path, real, chain))
                        continue
                    info = entry.stat(follow_symlinks=False)
                except FileNotFoundError:
                    continue  # gone since the listing
                except OSError as exc:
                    result.problems[path] = exc.strerror or str(exc)
                    continue
                is_dir = stat.S_ISDIR(info.st_mode)
                if (is_dir and name in SKIP_DIRS) or rules.excluded(chain, path, is_dir):
                    continue
                if is_dir:
                    child_real = os.path.join(real, name)
                    key = (info.st_dev, info.st_ino)
                    if key in self.visited or is_system_path(child_real):
                        continue
                    self.visited.add(key)
                    stack.append((path, child_real, rules.chain_for(path, chain)))
                    self._note_problem_in(path)
                elif stat.S_ISREG(info.st_mode) and self.wanted(path):
                    result.files[path] = FoundFile(path, info.st_size, info.st_mtime_ns)

    def _note_problem_in(self, folder: str) -> None:
        """What is wrong with ``folder``'s ignore file (just read) is a problem of it."""
        reason = self.rules.problem_in(folder)
        if reason is not None:
            self.result.problems[os.path.join(folder, IGNORE_FILE)] = reason

    def follow_links(self) -> None:
        """The links met so far (and those met behind them), once the folders themselves
        have been walked: only what no other way reaches is walked through a link."""
        pending, self.links = self.links, []
        while pending:
            for link in pending:
                self._follow(link)
            pending, self.links = self.links, []

    def _follow(self, link: _Link) -> None:
        result = self.result
        path = link.path
        try:
            info = os.stat(path)
        except FileNotFoundError:
            result.problems[path] = "broken symbolic link"
            return
        except OSError as exc:
            loop = exc.errno == errno.ELOOP
            result.problems[path] = "symbolic link loop" if loop else (exc.strerror or str(exc))
            return
        target = os.path.realpath(path)
        is_dir = stat.S_ISDIR(info.st_mode)
        if is_dir and _is_within(link.folder_real, target):
            result.problems[path] = LOOP_TO_PARENT
            return
        area = max((a for a in self.areas if _is_within(target, a)), key=len, default=None)
        if area is None or is_system_path(target):
            return  # outside the folders being scanned: not followed
        if (
            name_excluded(os.path.basename(path), is_dir, self.include_hidden)
            or self.rules.excluded(link.chain, path, is_dir)
            or excluded_below(
                area, target, is_dir, include_hidden=self.include_hidden, rules=self.rules
            )
        ):
            return
        if is_dir:
            key = (info.st_dev, info.st_ino)
            if key in self.visited:
                return  # walked under its own path (or through another link)
            self.visited.add(key)
            self._tree(path, target, self.rules.chain_for(path, link.chain))
        elif stat.S_ISREG(info.st_mode) and self.wanted(path):
            try:
                parent = os.stat(os.path.dirname(target))
            except OSError:
                return
            if (parent.st_dev, parent.st_ino) in self.visited:
                return  # found under its own path
            result.files[path] = FoundFile(path, info.st_size, info.st_mtime_ns)
