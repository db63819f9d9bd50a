"""Tunable settings with their defaults. Stored per data dir in ``settings.json``.

Each setting is declared once, with its default and the rule its values must follow; the
same rule checks a change (:meth:`Settings.with_changes`, which refuses a bad value with a
reason) and the file (:meth:`Settings.load`, which warns about a bad value and uses the
default for that setting only)."""

from __future__ import annotations

import json
import logging
import math
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from desktop_search.indexer.ignore import pattern_problem

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"


@dataclass(frozen=True)
class Rule:
    """What a setting's values must be: ``accepts`` the value as a whole, described by
    ``wanted``; for lists, ``item_problem`` says what is wrong with one item (None: fine),
    and a bad item in the file is dropped alone."""

    accepts: Callable[[Any], bool]
    wanted: str
    item_problem: Callable[[Any], str | None] | None = None

    def problem(self, name: str, value: Any) -> str | None:
        """Why ``value`` cannot be the value of setting ``name`` (None: it can)."""
        if not self.accepts(value):
            return f"{name}: {value!r} is not {self.wanted}"
        _, bad = self.sort_items(value)
        return f"{name}: {bad[0]}" if bad else None

    def sort_items(self, value: Any) -> tuple[Any, list[str]]:
        """An accepted value without its bad items, and what is wrong with each of them."""
        check = self.item_problem
        if check is None:
            return value, []
        kept: list[Any] = []
        bad: list[str] = []
        for item in value:
            problem = check(item)
            if problem is None:
                kept.append(item)
            else:
                bad.append(problem)
        return kept, bad


def _rule(
    accepts: Callable[[Any], bool],
    wanted: str,
    item_problem: Callable[[Any], str | None] | None = None,
) -> dict[str, Rule]:
    """A setting field's metadata: the rule its values follow."""
    return {"rule": Rule(accepts, wanted, item_problem)}


def _whole(low: int, high: int, wanted: str) -> dict[str, Rule]:
    def accepts(value: Any) -> bool:
        return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high

    return _rule(accepts, wanted)


def _number(low: float, high: float, wanted: str) -> dict[str, Rule]:
    def accepts(value: Any) -> bool:
        return (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and math.isfinite(value)
            and low <= value <= high
        )

    return _rule(accepts, wanted)


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _is_str(value: Any) -> bool:
    return isinstance(value, str)


def _is_bool(value: Any) -> bool:
    return isinstance(value, bool)


@dataclass
class Settings:
    """Everything a user may change. Defaults are what a new install runs with."""

    folders: list[str] = field(
        default_factory=list, metadata=_rule(_is_str_list, "a list of folder paths")
    )
    model_dir: str = field(  # a model folder, a shipped model's name, or empty: the default
        default="",
        metadata=_rule(
            _is_str, "a model folder, the name of a shipped model, or empty for the default"
        ),
    )
    # The shipped model the app chose as the default from the user's files (empty: the
    # one for the locale); used while model_dir is empty. See config/model_choice.py.
    default_model: str = field(default="", metadata=_rule(_is_str, "a shipped model's name"))
    max_file_bytes: int = field(
        default=50 * 1024 * 1024,
        metadata=_whole(1024, 1 << 40, "a whole number of bytes, at least 1024"),
    )
    extract_timeout_s: float = field(
        default=60.0, metadata=_number(1, 3600, "a number of seconds from 1 to 3600")
    )
    extract_memory_mb: int = field(
        default=1024, metadata=_whole(128, 1 << 20, "a whole number of MB, at least 128")
    )
    encoder_threads: int = field(  # 0: one per core, at most 4
        default=0, metadata=_whole(0, 256, "a whole number from 0 (automatic) to 256")
    )
    chunk_tokens: int = field(
        default=200, metadata=_whole(32, 4096, "a whole number from 32 to 4096")
    )
    chunk_overlap_tokens: int = field(
        default=40, metadata=_whole(0, 1024, "a whole number from 0 to 1024")
    )
    index_hidden: bool = field(default=False, metadata=_rule(_is_bool, "true or false"))
    pause_on_battery: bool = field(default=True, metadata=_rule(_is_bool, "true or false"))
    # Indexing waits while other programs keep the computer busy (searches never wait).
    pause_when_busy: bool = field(default=True, metadata=_rule(_is_bool, "true or false"))
    # Text in scanned PDF pages and images is read by OCR, after every other file, at the
    # lowest priority; at most ocr_max_pages pages and ocr_seconds_per_file per file.
    ocr: bool = field(default=True, metadata=_rule(_is_bool, "true or false"))
    ocr_max_pages: int = field(
        default=50, metadata=_whole(1, 10_000, "a whole number of pages from 1 to 10000")
    )
    ocr_seconds_per_file: float = field(
        default=600.0, metadata=_number(10, 86_400, "a number of seconds from 10 to 86400")
    )
    # .gitignore-style patterns applied everywhere (each folder may add its own in a
    # .desktop-search-ignore file)
    exclude_patterns: list[str] = field(
        default_factory=list,
        metadata=_rule(_is_str_list, "a list of patterns", item_problem=pattern_problem),
    )

    @classmethod
    def load(cls, data_dir: Path) -> Settings:
        """The saved settings; whatever in the file is unreadable, unknown or invalid is
        named in a warning and left at its default, never fatal."""
        path = data_dir / SETTINGS_FILE
        if not path.exists():
            return cls()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            log.warning("ignoring unreadable settings file %s: %s", path, exc)
            return cls()
        if not isinstance(raw, dict):
            log.warning("ignoring settings file %s: it is not a JSON object", path)
            return cls()
        rules = _rules()
        values: dict[str, Any] = {}
        for name, value in raw.items():
            rule = rules.get(name)
            if rule is None:
                log.warning("%s: ignoring unknown setting %r", path, name)
                continue
            if not rule.accepts(value):
                log.warning("%s: %s (using the default)", path, rule.problem(name, value))
                continue
            values[name], bad = rule.sort_items(value)
            for problem in bad:
                log.warning("%s: %s: %s (dropped)", path, name, problem)
        return cls(**values)

    def save(self, data_dir: Path) -> None:
        """Write ``settings.json`` atomically, private to the user (0600 in a 0700 dir)."""
        from desktop_search.config.private import make_private_dir, write_private_file_atomically

        make_private_dir(data_dir)
        text = json.dumps(asdict(self), indent=2)
        write_private_file_atomically(data_dir / SETTINGS_FILE, text.encode("utf-8"))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def with_changes(self, changes: dict[str, Any]) -> Settings:
        """A copy with ``changes`` applied; ValueError names the first bad value."""
        current = asdict(self)
        rules = _rules()
        for name, value in changes.items():
            rule = rules.get(name)
            if rule is None:
                raise ValueError(f"unknown setting {name!r}")
            problem = rule.problem(name, value)
            if problem is not None:
                raise ValueError(problem)
            current[name] = list(value) if isinstance(value, list) else value
        return Settings(**current)

    def resolved_model_dir(self) -> Path:
        """The folder of the chosen model. A shipped model is named by its folder's name,
        so the choice survives an upgrade that moves the application."""
        from desktop_search.config.paths import default_model_dir, shipped_models_dir

        if not self.model_dir:
            return default_model_dir(self.default_model)
        shipped = shipped_models_dir() / self.model_dir
        if Path(self.model_dir).name == self.model_dir and shipped.is_dir():
            return shipped
        return Path(self.model_dir)

    def resolved_encoder_threads(self) -> int:
        if self.encoder_threads > 0:
            return self.encoder_threads
        return max(1, min(4, os.cpu_count() or 1))


def _rules() -> dict[str, Rule]:
    return {f.name: f.metadata["rule"] for f in fields(Settings)}
