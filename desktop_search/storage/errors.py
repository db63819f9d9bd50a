"""Telling storage errors apart: which ones mean 'the disk is full' (wait and try again)."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

# A library that reports a failed write without its errno (usearch: "Failed to serialize
# into stream") is taken for a full disk when this little room is left where it wrote.
LOW_SPACE_BYTES = 16 * 1024 * 1024


def is_disk_full(exc: BaseException, where: Path | None = None) -> bool:
    """Whether an error (or what caused it) says the disk or a quota is full; ``where``:
    the folder written to, for errors that do not say why a write failed."""
    if where is not None and isinstance(exc, RuntimeError | OSError):
        try:
            if shutil.disk_usage(where).free < LOW_SPACE_BYTES:
                return True
        except OSError:
            pass
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        if isinstance(current, sqlite3.OperationalError) and "full" in str(current).lower():
            return True
        if "no space left" in str(current).lower():  # usearch reports errno as text
            return True
        current = current.__cause__ or current.__context__
    return False
