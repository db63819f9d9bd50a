"""A one-line progress bar on a terminal; silent when output is not a terminal."""

from __future__ import annotations

import os
import shutil
import sys
import time
from typing import TextIO


class ProgressBar:
    def __init__(self, stream: TextIO = sys.stderr, *, enabled: bool | None = None) -> None:
        self.stream = stream
        self.enabled = stream.isatty() if enabled is None else enabled
        self._last = 0.0
        self._shown = False

    def __call__(self, done: int, total: int, path: str) -> None:
        if not self.enabled or total == 0:
            return
        now = time.monotonic()
        if done < total and now - self._last < 0.1:
            return
        self._last = now
        width = shutil.get_terminal_size((80, 20)).columns
        bar_width = max(10, min(30, width // 4))
        filled = int(bar_width * done / total)
        label = f" {done}/{total} "
        name = os.path.basename(path)
        room = max(0, width - bar_width - len(label) - 4)
        line = f"[{'#' * filled}{'.' * (bar_width - filled)}]{label}{name[:room]}"
        self.stream.write("\r" + line.ljust(width - 1))
        self.stream.flush()
        self._shown = True

    def finish(self) -> None:
        if self._shown:
            self.stream.write("\r" + " " * (shutil.get_terminal_size((80, 20)).columns - 1) + "\r")
            self.stream.flush()
            self._shown = False
