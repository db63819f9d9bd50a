"""Telling storage errors apart: which ones mean 'the disk is full' (wait and try again)."""

from __future__ import annotations

import errno
import sqlite3


def is_disk_full(exc: BaseException) -> bool:
    """Whether an error (or what caused it) says the disk or a quota is full."""
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
