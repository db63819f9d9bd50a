"""Entry point of the frozen bundle: one executable for every ``desktop-search`` command.

``freeze_support()`` must run first. The extractor works in a
``multiprocessing.get_context("spawn")`` child (desktop_search/extract/guard.py); in a
frozen app that child is this very executable started again with multiprocessing's
arguments, and freeze_support() is what turns it into the worker instead of a second CLI.

Then the environment is given back to the programs this one starts. On Linux the
PyInstaller bootloader prepends the bundle's ``_internal`` folder to ``LD_LIBRARY_PATH``
(the dynamic loader has read it by now; changing it does not affect this process), and
every child inherits it: a file opened from the search window (xdg-open, then a PDF
viewer, an office suite, a KDE program built on the system's Qt 6) would load the bundle's
Qt, ICU, SQLite and zlib instead of its own and could crash. PyInstaller documents this
("Launching external programs from the frozen application"); the fix is to restore the
original value. Our own children (the daemon a window starts, the extractor worker) are
this executable again: PYINSTALLER_RESET_ENVIRONMENT makes their bootloader set the path up
afresh instead of assuming it inherited it, which is safe in onedir mode (nothing is
unpacked to a temporary folder that a parent's exit could delete).
"""

from __future__ import annotations

import multiprocessing
import os
import sys


def restore_environment() -> None:
    """Undo the bootloader's changes to the environment that child processes inherit."""
    if not getattr(sys, "frozen", False):
        return
    os.environ["PYINSTALLER_RESET_ENVIRONMENT"] = "1"
    if sys.platform.startswith("linux"):
        original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
        if original is None:
            os.environ.pop("LD_LIBRARY_PATH", None)
        else:
            os.environ["LD_LIBRARY_PATH"] = original


if __name__ == "__main__":
    restore_environment()
    multiprocessing.freeze_support()
    from desktop_search.cli.main import main

    sys.exit(main())
