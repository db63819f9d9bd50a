"""Tunable settings with their defaults. Stored per data dir in ``settings.json``."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"


@dataclass
class Settings:
    """Everything a user may change. Defaults are what a new install runs with."""

    folders: list[str] = field(default_factory=list)
    model_dir: str = ""  # empty: the shipped default model
    max_file_bytes: int = 50 * 1024 * 1024
    extract_timeout_s: float = 60.0
    extract_memory_mb: int = 1024
    encoder_threads: int = 0  # 0: one per core, at most 4
    chunk_tokens: int = 200
    chunk_overlap_tokens: int = 40
    index_hidden: bool = False
    pause_on_battery: bool = True
    # .gitignore-style patterns applied everywhere (each folder may add its own in a
    # .desktop-search-ignore file)
    exclude_patterns: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, data_dir: Path) -> Settings:
        path = data_dir / SETTINGS_FILE
        if not path.exists():
            return cls()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            log.warning("ignoring unreadable settings file %s: %s", path, exc)
            return cls()
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in raw.items() if k in known})

    def save(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        path = data_dir / SETTINGS_FILE
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")
        os.replace(tmp, path)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def with_changes(self, changes: dict[str, Any]) -> Settings:
        """A copy with ``changes`` applied; ValueError names the first bad value."""
        current = asdict(self)
        for name, value in changes.items():
            if name not in current:
                raise ValueError(f"unknown setting {name!r}")
            check = _CHECKS[name]
            if not check(value):
                raise ValueError(f"{name}: {value!r} is not {_WANTED[name]}")
            current[name] = list(value) if isinstance(value, list) else value
        return Settings(**current)

    def resolved_model_dir(self) -> Path:
        from desktop_search.config.paths import default_model_dir

        return Path(self.model_dir) if self.model_dir else default_model_dir()

    def resolved_encoder_threads(self) -> int:
        if self.encoder_threads > 0:
            return self.encoder_threads
        return max(1, min(4, os.cpu_count() or 1))


def _is_int_in(low: int, high: int) -> Callable[[Any], bool]:
    return lambda v: isinstance(v, int) and not isinstance(v, bool) and low <= v <= high


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


_CHECKS: dict[str, Callable[[Any], bool]] = {
    "folders": _is_str_list,
    "model_dir": lambda v: isinstance(v, str),
    "max_file_bytes": _is_int_in(1024, 1 << 40),
    "extract_timeout_s": lambda v: isinstance(v, int | float) and 1 <= v <= 3600,
    "extract_memory_mb": _is_int_in(128, 1 << 20),
    "encoder_threads": _is_int_in(0, 256),
    "chunk_tokens": _is_int_in(32, 4096),
    "chunk_overlap_tokens": _is_int_in(0, 1024),
    "index_hidden": lambda v: isinstance(v, bool),
    "pause_on_battery": lambda v: isinstance(v, bool),
    "exclude_patterns": _is_str_list,
}
_WANTED: dict[str, str] = {
    "folders": "a list of folder paths",
    "model_dir": "a folder path (or empty for the shipped model)",
    "max_file_bytes": "a whole number of bytes, at least 1024",
    "extract_timeout_s": "a number of seconds from 1 to 3600",
    "extract_memory_mb": "a whole number of MB, at least 128",
    "encoder_threads": "a whole number from 0 (automatic) to 256",
    "chunk_tokens": "a whole number from 32 to 4096",
    "chunk_overlap_tokens": "a whole number from 0 to 1024",
    "index_hidden": "true or false",
    "pause_on_battery": "true or false",
    "exclude_patterns": "a list of patterns",
}
