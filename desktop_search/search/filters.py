"""Result filters: folder, file type and modified date."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime

from desktop_search.storage.catalog import FileRow


def parse_date(text: str) -> float:
    """'2024-01-31' (or any ISO date/time) -> POSIX timestamp in local time."""
    try:
        return datetime.fromisoformat(text).timestamp()
    except ValueError as exc:
        raise ValueError(f"not a date: {text!r} (use YYYY-MM-DD)") from exc


@dataclass
class Filters:
    folders: list[str] = field(default_factory=list)
    types: set[str] = field(default_factory=set)  # extensions without dot, or kinds
    after: float | None = None  # modified on or after (timestamp)
    before: float | None = None  # modified before

    def active(self) -> bool:
        return bool(self.folders or self.types or self.after is not None or self.before is not None)

    def normalised(self) -> Filters:
        folders = [os.path.abspath(os.path.expanduser(f)).rstrip(os.sep) for f in self.folders]
        types = {t.lower().lstrip(".") for t in self.types}
        return Filters(folders, types, self.after, self.before)

    def describe(self) -> dict[str, object]:
        def day(stamp: float | None) -> str | None:
            return None if stamp is None else datetime.fromtimestamp(stamp).date().isoformat()

        return {
            "folders": self.folders,
            "types": sorted(self.types),
            "after": day(self.after),
            "before": day(self.before),
        }

    def accepts(self, row: FileRow) -> bool:
        if self.folders and not any(
            row.path == f or row.path.startswith(f + os.sep) for f in self.folders
        ):
            return False
        if self.types and row.ext.lstrip(".") not in self.types and row.kind not in self.types:
            return False
        mtime = (row.mtime_ns or 0) / 1e9
        if self.after is not None and mtime < self.after:
            return False
        return not (self.before is not None and mtime >= self.before)
