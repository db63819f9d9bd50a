"""``.gitignore``-style exclusions: global patterns from the settings, and a per-folder
``.desktop-search-ignore`` file whose patterns apply below the folder it sits in.

Supported: ``#`` comments, blank lines, ``*``/``?``/``[...]`` wildcards, ``**`` for any
number of folders, a trailing ``/`` (folders only), a leading or inner ``/`` (relative to
the ignore file's folder; otherwise the pattern matches a name at any depth) and ``!``
to re-include. As in git, the last matching pattern wins.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass

IGNORE_FILE = ".desktop-search-ignore"


@dataclass(frozen=True)
class Pattern:
    regex: re.Pattern[str]
    negated: bool
    directories_only: bool
    anchored: bool  # matches the path relative to the base, not just the name


def _translate(glob: str) -> str:
    out, i = [], 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        elif glob[i] == "[":
            end = glob.find("]", i + 1)
            if end == -1:
                out.append(re.escape(glob[i]))
                i += 1
            else:
                out.append("[" + glob[i + 1 : end].replace("!", "^", 1) + "]")
                i = end + 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return "".join(out)


def parse_patterns(lines: list[str]) -> list[Pattern]:
    patterns = []
    for raw in lines:
        line = raw.rstrip("\n").rstrip()
        if not line or line.startswith("#"):
            continue
        negated = line.startswith("!")
        line = line[1:] if negated else line
        directories_only = line.endswith("/")
        line = line.rstrip("/")
        anchored = "/" in line
        line = line.lstrip("/")
        if not line:
            continue
        regex = re.compile(_translate(line) + r"\Z")
        patterns.append(Pattern(regex, negated, directories_only, anchored))
    return patterns


def _decide(patterns: list[Pattern], relative: str, is_dir: bool) -> bool | None:
    """True: ignored, False: re-included, None: no pattern speaks of this path."""
    name = relative.rsplit("/", 1)[-1]
    verdict: bool | None = None
    for pattern in patterns:
        if pattern.directories_only and not is_dir:
            continue
        subject = relative if pattern.anchored else name
        if pattern.regex.match(subject):
            verdict = not pattern.negated
    return verdict


class IgnoreRules:
    """Answers 'is this path excluded?', reading ignore files as it meets them (cached by
    folder and refreshed when an ignore file changes)."""

    def __init__(self, global_patterns: list[str] | None = None) -> None:
        self.global_patterns = parse_patterns(list(global_patterns or []))
        self._cache: dict[str, tuple[float, list[Pattern]]] = {}
        self._lock = threading.Lock()

    def _folder_patterns(self, folder: str) -> list[Pattern]:
        path = os.path.join(folder, IGNORE_FILE)
        try:
            mtime = os.stat(path).st_mtime
        except OSError:
            return []
        with self._lock:
            cached = self._cache.get(folder)
            if cached is not None and cached[0] == mtime:
                return cached[1]
        try:
            with open(path, encoding="utf-8", errors="replace") as fh:
                patterns = parse_patterns(fh.readlines())
        except OSError:
            patterns = []
        with self._lock:
            self._cache[folder] = (mtime, patterns)
        return patterns

    def chain_for(self, folder: str, parent: Chain | None = None) -> Chain:
        """The ignore files in force inside ``folder``: its parent's, plus its own."""
        if parent is None:
            parts = folder.rstrip(os.sep).split(os.sep)
            chain: Chain = []
            for depth in range(1, len(parts) + 1):
                base = os.sep.join(parts[:depth]) or os.sep
                patterns = self._folder_patterns(base)
                if patterns:
                    chain = [*chain, (base, patterns)]
            return chain
        own = self._folder_patterns(folder)
        return [*parent, (folder, own)] if own else parent

    def excluded(self, chain: Chain, path: str, is_dir: bool) -> bool:
        """Whether ``path`` (inside the folder ``chain`` belongs to) is excluded by it or
        by the global patterns. Folders above ``path`` are the caller's concern."""
        if os.path.basename(path) == IGNORE_FILE:
            return True
        ignored = bool(
            _decide(self.global_patterns, path.lstrip(os.sep).replace(os.sep, "/"), is_dir)
        )
        for base, patterns in chain:  # deeper ignore files come later and win
            relative = os.path.relpath(path, base).replace(os.sep, "/")
            verdict = _decide(patterns, relative, is_dir)
            if verdict is not None:
                ignored = verdict
        return ignored

    def is_ignored(self, path: str, is_dir: bool = False) -> bool:
        """The full check for one path (as the watcher needs): the path itself and every
        folder above it."""
        parts = path.rstrip(os.sep).split(os.sep)
        chain: Chain = []
        for depth in range(1, len(parts)):
            folder = os.sep.join(parts[:depth]) or os.sep
            chain = self.chain_for(folder, chain) if depth > 1 else self.chain_for(folder)
            child = os.sep.join(parts[: depth + 1])
            if depth + 1 < len(parts) and self.excluded(chain, child, True):
                return True
        return self.excluded(chain, path, is_dir)


Chain = list[tuple[str, list[Pattern]]]
