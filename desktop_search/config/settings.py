"""Tunable settings with their defaults. Stored per data dir in ``settings.json``."""

from __future__ import annotations

import json
import logging
import os
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

    def resolved_encoder_threads(self) -> int:
        if self.encoder_threads > 0:
            return self.encoder_threads
        return max(1, min(4, os.cpu_count() or 1))
