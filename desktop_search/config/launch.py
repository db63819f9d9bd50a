"""How to start another desktop-search process (the daemon, the tray) from this one.

From a source install that is ``python -m desktop_search ...``; from a frozen bundle
(PyInstaller sets ``sys.frozen``) the bundle's own executable takes the arguments.
"""

from __future__ import annotations

import sys


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def self_command(*args: str) -> list[str]:
    """The argv that runs ``desktop-search ARGS...`` with this very installation."""
    if is_frozen():
        return [sys.executable, *args]
    return [sys.executable, "-m", "desktop_search", *args]
