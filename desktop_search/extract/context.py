"""What one extraction may do: how deep it may nest, how much it may unpack, whether to OCR.

A file's extraction runs in the guarded child process (``extract/guard.py``), which sets a
fresh :class:`ExtractContext` for each file. Formats that hold other files (archives,
mail with attachments) extract those through :func:`desktop_search.extract.members.extract_member`,
which charges this context's budget, so a zip inside a mail inside a zip shares one set of
limits; formats that can OCR (scanned PDF pages, images) ask :attr:`ExtractContext.ocr`.
"""

from __future__ import annotations

import contextlib
import math
import time
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

MAX_DEPTH = 3  # a member of a member of a member of the file; deeper ones are skipped
MAX_MEMBERS = 2000  # members extracted per file, whatever their nesting
MAX_MEMBER_BYTES = 64 * 1024 * 1024  # one member, uncompressed
MAX_UNPACKED_BYTES = 256 * 1024 * 1024  # all members of one file, uncompressed


@dataclass(frozen=True)
class OcrRequest:
    """How this extraction treats pages that have no text of their own.

    ``cache_dir`` None: OCR is not available, pages without text are neither read nor
    counted. ``run`` False (the ordinary pass): only pages whose text is in the OCR cache get it,
    the others are counted as pending. ``run`` True (the OCR job, later, at the lowest
    priority): pages are recognised, at most ``max_pages`` of them, until ``deadline``
    (``time.monotonic()``), and their text is written to the cache.
    """

    run: bool = False
    cache_dir: Path | None = None
    max_pages: int = 50
    deadline: float = math.inf


@dataclass
class OcrTally:
    """What OCR did for one file: pages recognised now, read from the cache, still waiting."""

    recognised: int = 0
    cached: int = 0
    pending: int = 0
    skipped: int = 0  # over the page cap or past the deadline


@dataclass
class Budget:
    """What the members of one file may still cost."""

    members: int = MAX_MEMBERS
    unpacked_bytes: int = MAX_UNPACKED_BYTES


@dataclass
class ExtractContext:
    depth: int = 0
    budget: Budget = field(default_factory=Budget)
    ocr: OcrRequest = field(default_factory=OcrRequest)
    tally: OcrTally = field(default_factory=OcrTally)
    # Members skipped with their reason (too deep, over budget, unreadable): recorded in the
    # file's text as nothing, and reported in its extraction notes.
    skipped_members: list[tuple[str, str]] = field(default_factory=list)
    # Told the number of pages recognised so far, after each one (the OCR job's progress).
    on_page: Callable[[int], None] | None = None

    _caches: dict[Path, object] = field(default_factory=dict)

    def ocr_cache(self, folder: Path, make: Callable[[Path], T]) -> T:
        """One cache object per folder for this file's extraction (made by ``make``)."""
        if folder not in self._caches:
            self._caches[folder] = make(folder)
        return self._caches[folder]  # type: ignore[return-value]

    def time_left(self) -> float:
        return self.ocr.deadline - time.monotonic()


_CURRENT: ContextVar[ExtractContext | None] = ContextVar("extract_context", default=None)


def current() -> ExtractContext:
    """The context of the extraction running now (a default one outside any)."""
    context = _CURRENT.get()
    if context is None:
        context = ExtractContext()
        _CURRENT.set(context)
    return context


@contextlib.contextmanager
def extraction(context: ExtractContext) -> Iterator[ExtractContext]:
    """Run one file's extraction under ``context``."""
    token = _CURRENT.set(context)
    try:
        yield context
    finally:
        _CURRENT.reset(token)


@contextlib.contextmanager
def nested() -> Iterator[ExtractContext]:
    """One level deeper: a member's own extraction."""
    context = current()
    context.depth += 1
    try:
        yield context
    finally:
        context.depth -= 1
