"""Walk the indexed folders: which files to consider, and which places could not be walked."""

from __future__ import annotations

import errno
import fnmatch
import logging
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop_search.indexer.ignore import Chain, IgnoreRules

log = logging.getLogger(__name__)

SKIP_DIRS = frozenset({"__pycache__", "node_modules", ".git", ".hg", ".svn", "$RECYCLE.BIN"})
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


def scan(
    roots: list[str],
    *,
    wanted: Callable[[str], bool],
    include_hidden: bool = False,
    max_bytes: int | None = None,
    rules: IgnoreRules | None = None,
) -> ScanResult:
    """Every wanted regular file under ``roots``; symlinks are followed, loops reported,
    excluded paths (ignore files, global patterns) left out."""
    result = ScanResult()
    rules = rules or IgnoreRules()
    walk = _Walk(result, wanted, include_hidden, rules)
    for root in roots:
        try:
            info = os.stat(root)
        except OSError as exc:
            result.problems[root] = f"cannot open folder: {exc.strerror or exc}"
            continue
        is_dir = stat.S_ISDIR(info.st_mode)
        if rules.is_ignored(root, is_dir):
            continue
        if stat.S_ISREG(info.st_mode):
            if wanted(root):
                result.files[root] = FoundFile(root, info.st_size, info.st_mtime_ns)
            continue
        walk.folder(root, {(info.st_dev, info.st_ino)}, rules.chain_for(root))
    if max_bytes is not None:
        for path, found in list(result.files.items()):
            if found.size > max_bytes:
                result.problems[path] = (
                    f"file too large ({found.size / 1e6:.1f} MB, limit {max_bytes / 1e6:.0f} MB)"
                )
                del result.files[path]
    return result


class _Walk:
    def __init__(
        self,
        result: ScanResult,
        wanted: Callable[[str], bool],
        include_hidden: bool,
        rules: IgnoreRules,
    ) -> None:
        self.result = result
        self.wanted = wanted
        self.include_hidden = include_hidden
        self.rules = rules

    def folder(self, folder: str, ancestors: set[tuple[int, int]], chain: Chain) -> None:
        result = self.result
        try:
            entries = list(os.scandir(folder))
        except PermissionError:
            result.problems[folder] = "permission denied: folder not readable"
            return
        except OSError as exc:
            result.problems[folder] = f"cannot list folder: {exc.strerror or exc}"
            return
        for entry in entries:
            name = entry.name
            if (not self.include_hidden and name.startswith(".")) or is_temporary(name):
                continue
            path = entry.path
            try:
                info = entry.stat(follow_symlinks=True)
            except FileNotFoundError:
                if entry.is_symlink():
                    result.problems[path] = "broken symbolic link"
                continue
            except OSError as exc:
                loop = exc.errno == errno.ELOOP
                result.problems[path] = "symbolic link loop" if loop else (exc.strerror or str(exc))
                continue
            is_dir = stat.S_ISDIR(info.st_mode)
            if self.rules.excluded(chain, path, is_dir):
                continue
            if is_dir:
                if name in SKIP_DIRS:
                    continue
                key = (info.st_dev, info.st_ino)
                if key in ancestors:
                    result.problems[path] = "symbolic link loop (points back to a parent folder)"
                    continue
                self.folder(path, ancestors | {key}, self.rules.chain_for(path, chain))
            elif stat.S_ISREG(info.st_mode) and self.wanted(path):
                result.files[path] = FoundFile(path, info.st_size, info.st_mtime_ns)
