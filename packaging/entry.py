"""Entry point of the frozen bundle: one executable for every ``desktop-search`` command.

``freeze_support()`` must run first. The extractor works in a
``multiprocessing.get_context("spawn")`` child (desktop_search/extract/guard.py); in a
frozen app that child is this very executable started again with multiprocessing's
arguments, and freeze_support() is what turns it into the worker instead of a second CLI.
"""

from __future__ import annotations

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from desktop_search.cli.main import main

    sys.exit(main())
