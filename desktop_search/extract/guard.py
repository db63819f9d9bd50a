"""Run extractors in a child process with a time limit and a memory limit.

A parser that hangs, explodes in memory or crashes the interpreter (a zip bomb, a
malicious PDF) costs one killed child process and a recorded reason, never the indexer.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import stat
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from desktop_search.extract.base import Extracted, ExtractionCancelled, ExtractionError
from desktop_search.extract.context import ExtractContext, OcrRequest, current, extraction
from desktop_search.extract.registry import SNIFF_BYTES, registry

log = logging.getLogger(__name__)

POLL_S = 0.2  # how often a waiting extraction looks whether it was cancelled
# The most text one file hands to the indexer (about 5,000 pages of prose): an archive of
# books or a mailbox of years stays indexable without holding gigabytes in memory.
MAX_TEXT_CHARS = 16_000_000


def read_and_extract(
    path: Path,
    max_bytes: int,
    ocr: OcrRequest | None = None,
    on_page: Callable[[int], None] | None = None,
) -> Extracted:
    """Read ``path`` and extract its text in this process, under a fresh
    :class:`ExtractContext` (nesting budget, OCR request; ``on_page`` is told how many
    pages OCR has read, after each). Raises ExtractionError."""
    context = ExtractContext(ocr=ocr or OcrRequest(), on_page=on_page)
    with extraction(context):
        extracted = _read_and_extract(path, max_bytes)
    extracted.ocr_recognised = context.tally.recognised
    extracted.ocr_cached = context.tally.cached
    extracted.ocr_pending = context.tally.pending
    extracted.ocr_skipped = context.tally.skipped
    extracted.skipped_members = context.skipped_members
    if len(extracted.text) > MAX_TEXT_CHARS:
        cut = extracted.text.rfind("\n", 0, MAX_TEXT_CHARS) + 1 or MAX_TEXT_CHARS
        extracted.text = extracted.text[:cut]
        extracted.sections = [s for s in extracted.sections if s.start < cut]
        extracted.skipped_members.append(
            ("the rest", f"more than {MAX_TEXT_CHARS:,} characters of text: the rest left out")
        )
    return extracted


def _read_and_extract(path: Path, max_bytes: int) -> Extracted:
    try:
        with path.open("rb") as fh:
            info = os.fstat(fh.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise ExtractionError("not a regular file")
            if info.st_size > max_bytes:
                raise ExtractionError(
                    f"file too large ({info.st_size / 1e6:.1f} MB, limit {max_bytes / 1e6:.0f} MB)"
                )
            data = fh.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise ExtractionError("file vanished before it could be read") from exc
    except PermissionError as exc:
        raise ExtractionError("permission denied") from exc
    except IsADirectoryError as exc:
        raise ExtractionError("not a regular file") from exc
    except OSError as exc:
        raise ExtractionError(f"cannot read file: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise ExtractionError("file grew beyond the size limit while being read")
    if not data:
        raise ExtractionError("empty file")
    extractor = registry().choose(path, data[:SNIFF_BYTES])
    if extractor is None:
        raise ExtractionError(f"unsupported file type '{path.suffix or path.name}'")
    extracted = extractor.extract(path, data)
    if not extracted.text.strip() and not current().tally.pending:
        # (a scan whose pages wait for the OCR job is kept, findable by its name meanwhile)
        raise ExtractionError("no text found in file")
    return extracted


def _limit_memory(memory_mb: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: no rlimits; the time limit still applies
        return
    limit = memory_mb * 1024 * 1024
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _worker_main(conn: Connection, memory_mb: int, max_bytes: int) -> None:
    _limit_memory(memory_mb)
    with contextlib.suppress(OSError, AttributeError):
        os.nice(5)
    registry()  # import every format module once, up front
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        path, ocr = request

        def page_done(pages: int) -> None:
            conn.send(("progress", pages))

        try:
            conn.send(("ok", read_and_extract(Path(path), max_bytes, ocr, page_done)))
        except ExtractionError as exc:
            conn.send(("error", str(exc)))
        except MemoryError:
            conn.send(("error", f"extraction needed more than {memory_mb} MB of memory"))
        except RecursionError:
            conn.send(("error", "document nesting too deep to parse"))
        except Exception as exc:  # a parser bug must not take the worker down
            conn.send(("error", f"extractor failed: {type(exc).__name__}: {exc}"[:500]))


class GuardedExtractor:
    """Extract files one at a time in a child process, restarting it after any failure."""

    def __init__(self, *, timeout_s: float, memory_mb: int, max_bytes: int) -> None:
        self.timeout_s = timeout_s
        self.memory_mb = memory_mb
        self.max_bytes = max_bytes
        self._context = multiprocessing.get_context("spawn")
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None

    def _start(self) -> Connection:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=_worker_main,
            args=(child, self.memory_mb, self.max_bytes),
            name="desktop-search-extractor",
            daemon=True,
        )
        process.start()
        child.close()
        self._process, self._conn = process, parent
        return parent

    @property
    def pid(self) -> int | None:
        """The worker process's id while it runs (its CPU is the indexer's own)."""
        return self._process.pid if self._process is not None else None

    def _kill(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.join(timeout=5)
        if self._conn is not None:
            self._conn.close()
        self._process = self._conn = None

    def extract(
        self,
        path: Path,
        cancelled: Callable[[], bool] | None = None,
        ocr: OcrRequest | None = None,
        timeout_s: float | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> Extracted:
        """The file's text, from the worker process. ``cancelled`` is asked while the worker
        works; True abandons the file (ExtractionCancelled) and restarts the worker.
        ``ocr`` says what to do with pages without text; ``timeout_s`` replaces the usual
        limit (the OCR job gives a file its own, longer budget); ``progress`` is told the
        pages OCR has read so far, as it reads them."""
        conn = self._conn or self._start()
        try:
            conn.send((os.fspath(path), ocr))
            deadline = time.monotonic() + (timeout_s or self.timeout_s)
            while True:
                if not conn.poll(min(POLL_S, max(0.0, deadline - time.monotonic()))):
                    if cancelled is not None and cancelled():
                        self._kill()
                        raise ExtractionCancelled(f"extraction of {path} abandoned")
                    if time.monotonic() >= deadline:
                        self._kill()
                        limit = timeout_s or self.timeout_s
                        raise ExtractionError(f"extraction took longer than {limit:g} s: gave up")
                    continue
                status, payload = conn.recv()
                if status != "progress":
                    break
                if progress is not None:
                    progress(int(payload))
        except (EOFError, OSError, BrokenPipeError) as exc:
            self._kill()
            raise ExtractionError("extractor crashed on this file (out of memory?)") from exc
        if status == "ok":
            assert isinstance(payload, Extracted)
            return payload
        raise ExtractionError(str(payload))

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(OSError, BrokenPipeError):
                self._conn.send(None)
        if self._process is not None:
            self._process.join(timeout=2)
        self._kill()

    def __enter__(self) -> GuardedExtractor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
