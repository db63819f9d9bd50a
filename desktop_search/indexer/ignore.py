"""``.gitignore``-style exclusions: global patterns from the settings, and a per-folder
``.desktop-search-ignore`` file whose patterns apply below the folder it sits in.

The patterns are git's own (compiled by ``pathspec``'s ``GitIgnoreSpec``): ``#``
comments, blank lines, ``*``/``?``/``[...]`` wildcards, ``**`` for any number of
folders, a trailing ``/`` (folders only), a leading or inner ``/`` (relative to the
ignore file's folder; otherwise the pattern matches a name at any depth) and ``!`` to
re-include. Within one file the last matching pattern wins, and a deeper ignore file
wins over the ones above it. Global patterns are matched against the whole path (as if
they sat in an ignore file at ``/``), before any ignore file.

A line that is not a valid pattern (``[z-a]``, an unclosed ``[``, a lone ``\\``) is
skipped, never fatal: :attr:`IgnoreRules.problems` says which file and line, and why.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from dataclasses import dataclass

from pathspec import GitIgnoreSpec
from pathspec.patterns.gitignore.spec import GitIgnoreSpecPattern

log = logging.getLogger(__name__)

IGNORE_FILE = ".desktop-search-ignore"


def _compile(pattern: str) -> GitIgnoreSpecPattern:
    """The compiled pattern; ValueError says why it is not a valid one."""
    try:
        compiled = GitIgnoreSpecPattern(pattern)
    except re.error as exc:
        raise ValueError(f"{pattern!r} is not a valid pattern ({exc.msg})") from exc
    except ValueError as exc:
        detail = exc.__cause__ or exc
        raise ValueError(f"{pattern!r} is not a valid pattern ({detail})") from exc
    stripped = pattern.strip()
    if compiled.include is None and stripped and not stripped.startswith("#"):
        # git (and pathspec) silently drop such a line; say so instead
        why = "an unclosed '['" if "[" in stripped else "it can match nothing"
        raise ValueError(f"{pattern!r} is not a valid pattern ({why})")
    return compiled


def pattern_problem(pattern: str) -> str | None:
    """Why ``pattern`` is not a valid ignore pattern, or None when it is."""
    try:
        _compile(pattern)
    except ValueError as exc:
        return str(exc)
    return None


@dataclass(frozen=True)
class Patterns:
    """One source of patterns (an ignore file or the settings), compiled, and what was
    wrong with the lines that had to be skipped."""

    spec: GitIgnoreSpec
    problems: tuple[str, ...] = ()

    @classmethod
    def parse(cls, lines: list[str]) -> Patterns:
        compiled: list[GitIgnoreSpecPattern] = []
        problems: list[str] = []
        for number, raw in enumerate(lines, 1):
            line = raw.rstrip("\r\n")
            try:
                pattern = _compile(line)
            except ValueError as exc:
                problems.append(f"line {number}: {exc}")
                continue
            if pattern.include is not None:
                compiled.append(pattern)
        return cls(GitIgnoreSpec(compiled), tuple(problems))

    def __bool__(self) -> bool:
        return bool(self.spec.patterns)

    def verdict(self, relative: str, is_dir: bool) -> bool | None:
        """True: ignored, False: re-included, None: no pattern speaks of this path."""
        return self.spec.check_file(relative + "/" if is_dir else relative).include


Chain = list[tuple[str, Patterns]]


class IgnoreRules:
    """Answers 'is this path excluded?', reading ignore files as it meets them (cached by
    folder and refreshed when an ignore file changes)."""

    def __init__(self, global_patterns: list[str] | None = None) -> None:
        self.global_patterns = Patterns.parse(list(global_patterns or []))
        for problem in self.global_patterns.problems:
            log.warning("exclude_patterns: %s (skipped)", problem)
        self._cache: dict[str, tuple[tuple[int, int], Patterns]] = {}
        self._lock = threading.Lock()

    @property
    def problems(self) -> dict[str, str]:
        """Ignore file path -> what is wrong with it, for the ignore files read so far."""
        with self._lock:
            cached = list(self._cache.items())
        return {
            os.path.join(folder, IGNORE_FILE): "; ".join(patterns.problems)
            for folder, (_, patterns) in cached
            if patterns.problems
        }

    def problem_in(self, folder: str) -> str | None:
        """What is wrong with ``folder``'s ignore file as last read (None: nothing)."""
        with self._lock:
            cached = self._cache.get(folder)
        if cached is None or not cached[1].problems:
            return None
        return "; ".join(cached[1].problems)

    def _folder_patterns(self, folder: str) -> Patterns | None:
        path = os.path.join(folder, IGNORE_FILE)
        try:
            info = os.stat(path)
        except OSError:
            with self._lock:
                self._cache.pop(folder, None)
            return None
        with self._lock:
            cached = self._cache.get(folder)
            if cached is not None and cached[0] == (info.st_mtime_ns, info.st_size):
                return cached[1]
        try:
            with open(path, encoding="utf-8", errors="replace") as fh:
                patterns = Patterns.parse(fh.readlines())
        except OSError as exc:
            patterns = Patterns(GitIgnoreSpec([]), (f"cannot read it: {exc.strerror or exc}",))
        for problem in patterns.problems:
            log.warning("%s: %s (skipped)", path, problem)
        with self._lock:
            self._cache[folder] = ((info.st_mtime_ns, info.st_size), patterns)
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
        whole = path.lstrip(os.sep).replace(os.sep, "/")
        ignored = bool(self.global_patterns.verdict(whole, is_dir))
        for base, patterns in chain:  # deeper ignore files come later and win
            relative = path[len(base.rstrip(os.sep)) + 1 :].replace(os.sep, "/")
            verdict = patterns.verdict(relative, is_dir)
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
