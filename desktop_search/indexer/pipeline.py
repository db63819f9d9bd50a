"""The indexing pipeline: scan -> skip unchanged -> extract -> chunk -> embed -> commit.

A producer thread extracts (in the guarded child process) and chunks files into a bounded
queue; the calling thread is the single consumer that embeds chunks of many files at once
(length-bucketed batches) and commits each file's rows and vectors together. The same
stages run sequentially with ``threaded=False`` (used by tests that need determinism).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import queue
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from desktop_search.chunking.chunker import Chunker, embedding_texts
from desktop_search.embedding.encoder import Encoder
from desktop_search.extract.base import Extracted, ExtractionCancelled, ExtractionError
from desktop_search.extract.context import OcrRequest
from desktop_search.extract.guard import GuardedExtractor
from desktop_search.extract.registry import is_supported
from desktop_search.indexer.ignore import IgnoreRules
from desktop_search.indexer.scanner import FoundFile, ScanResult, scan
from desktop_search.language.detect import chunk_language
from desktop_search.storage.catalog import NewChunk, NewFile, clean_text, encode_path
from desktop_search.storage.store import IndexStore

log = logging.getLogger(__name__)

EMBED_BATCH_CHUNKS = 256
SAVE_EVERY_S = 30.0

ProgressCallback = Callable[[int, int, str], None]
# How many texts the encoder embeds between two looks at the interrupt flag (about a
# second on two cores): a stop or a user's command never waits for a whole batch.
EMBED_SLICE = 64
ROOTS_PER_QUERY = 200
OCR_GRACE_S = 60.0


class IndexInterrupted(Exception):  # noqa: N818  (a signal, not an error)
    """The run stopped early because it was asked to (the daemon is stopping, or has a
    command to serve). Files committed so far are done; the rest stay pending, so the next
    run does exactly them. ``summary`` tells what was done."""

    def __init__(self, summary: IndexSummary) -> None:
        super().__init__("indexing interrupted")
        self.summary = summary


@dataclass
class IndexSummary:
    indexed: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: dict[str, str] = field(default_factory=dict)  # path -> reason
    chunks: int = 0
    seconds: float = 0.0
    # path -> 'indexed' | 'unchanged' | 'removed' | 'failed': what happened to each path
    # this run looked at (the daemon tells an ``index`` request when all of its are done).
    outcomes: dict[str, str] = field(default_factory=dict)

    def merge(self, other: IndexSummary) -> None:
        self.indexed += other.indexed
        self.unchanged += other.unchanged
        self.removed += other.removed
        self.failed.update(other.failed)
        self.chunks += other.chunks
        self.seconds += other.seconds
        self.outcomes.update(other.outcomes)

    def to_dict(self) -> dict[str, object]:
        return {
            "indexed": self.indexed,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "failed": len(self.failed),
            "failures": [
                {"path": clean_text(p), "reason": r} for p, r in sorted(self.failed.items())
            ],
            "chunks": self.chunks,
            "seconds": round(self.seconds, 3),
        }


@dataclass
class _Prepared:
    """One file after the producer stage: chunks to embed, or a failure, or unchanged."""

    found: FoundFile
    outcome: str  # 'chunks' | 'failed' | 'unchanged' | 'vanished'
    kind: str = ""
    title: str = ""
    content_hash: str = ""
    chunks: list[NewChunk] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    reason: str = ""
    ocr_pending: int = 0
    note: str = ""


def content_hash(path: str) -> str:
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "blake2b").hexdigest()[:32]


def _under(path: bytes, roots: list[bytes]) -> bool:
    return any(path == r or path.startswith(r.rstrip(b"/") + b"/") for r in roots)


class Indexer:
    def __init__(
        self,
        store: IndexStore,
        encoder: Encoder,
        chunker: Chunker,
        extractor: GuardedExtractor,
        *,
        max_bytes: int,
        include_hidden: bool = False,
        threaded: bool = True,
        rules: IgnoreRules | None = None,
    ) -> None:
        self.store = store
        self.rules = rules or IgnoreRules()
        self.encoder = encoder
        self.chunker = chunker
        self.extractor = extractor
        self.max_bytes = max_bytes
        self.include_hidden = include_hidden
        self.threaded = threaded
        # Asked between files, between slices of embedding and while an extraction runs:
        # True makes the run stop early (IndexInterrupted). The daemon sets it.
        self.interrupt: Callable[[], bool] = lambda: False
        # Where recognised page text is cached (the data dir's ocr-cache); None: pages
        # without text are neither read nor counted (OCR not available).
        self.ocr_cache: Path | None = None

    # -- stages -----------------------------------------------------------------------

    def _prepare(
        self,
        found: FoundFile,
        known_hash: str | None,
        ocr: OcrRequest | None = None,
        timeout_s: float | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> _Prepared:
        path = found.path
        try:
            digest = content_hash(path)
        except FileNotFoundError:
            return _Prepared(found, "vanished", reason="file vanished during indexing")
        except PermissionError:
            return _Prepared(found, "failed", reason="permission denied")
        except OSError as exc:
            return _Prepared(found, "failed", reason=f"cannot read file: {exc.strerror or exc}")
        if known_hash is not None and digest == known_hash:
            return _Prepared(found, "unchanged", content_hash=digest)
        try:
            extracted = self.extractor.extract(
                Path(path),
                cancelled=self.interrupt,
                ocr=ocr or OcrRequest(cache_dir=self.ocr_cache),
                timeout_s=timeout_s,
                progress=progress,
            )
        except ExtractionError as exc:
            if not os.path.lexists(path):
                return _Prepared(found, "vanished", reason="file vanished during indexing")
            return _Prepared(found, "failed", reason=str(exc))
        title = clean_text(extracted.title or Path(path).name)
        chunks = self.chunker.chunk(extracted) if extracted.text.strip() else []
        if not chunks and extracted.ocr_pending:
            # a scan waiting for the OCR job is found by its name meanwhile
            waiting = Extracted(text=Path(path).name, kind=extracted.kind, title=title)
            chunks = self.chunker.chunk(waiting)
        if not chunks:
            return _Prepared(found, "failed", reason="no text found in file")
        return _Prepared(
            found,
            "chunks",
            kind=extracted.kind,
            title=title,
            content_hash=digest,
            # each chunk's language, for the keyword index's analysis (here, on the
            # producer thread, while the consumer embeds)
            chunks=[
                NewChunk(
                    c.ordinal, c.start, c.end, c.section, c.text, chunk_language(clean_text(c.text))
                )
                for c in chunks
            ],
            texts=[clean_text(t) for t in embedding_texts(path, title, chunks)],
            ocr_pending=extracted.ocr_pending,
            note=extracted.note(),
        )

    def _produce(self, todo: list[FoundFile], hashes: dict[str, str | None]) -> Iterator[_Prepared]:
        if not self.threaded:
            for found in todo:
                yield self._prepare(found, hashes.get(found.path))
            return
        items: queue.Queue[_Prepared | None] = queue.Queue(maxsize=64)
        stop = threading.Event()

        def work() -> None:
            try:
                for found in todo:
                    if stop.is_set():
                        return
                    items.put(self._prepare(found, hashes.get(found.path)))
            except ExtractionCancelled:
                return  # the consumer is stopping too; this file stays pending
            finally:
                items.put(None)

        thread = threading.Thread(target=work, name="extract", daemon=True)
        thread.start()
        try:
            while (item := items.get()) is not None:
                yield item
        finally:
            stop.set()
            while thread.is_alive():  # drain so a blocked producer can see the stop flag
                with contextlib.suppress(queue.Empty):
                    items.get(timeout=0.1)
            thread.join()

    def _embed(self, texts: list[str]) -> np.ndarray:
        """Vectors for ``texts``, a slice at a time, looking at the interrupt in between."""
        parts = []
        for start in range(0, len(texts), EMBED_SLICE):
            if start and self.interrupt():
                raise ExtractionCancelled("interrupted while embedding")
            parts.append(self.encoder.encode(texts[start : start + EMBED_SLICE]))
        if not parts:
            return self.encoder.encode([])
        return np.concatenate(parts)

    def _commit(self, batch: list[_Prepared], summary: IndexSummary) -> None:
        texts = [t for item in batch for t in item.texts]
        try:
            vectors = self._embed(texts)
        except ExtractionCancelled:
            raise
        except Exception:  # find the file the encoder chokes on; the others still go in
            log.exception("embedding a batch of %d files failed; retrying one by one", len(batch))
            for item in batch:
                self._commit_one(item, summary)
            return
        offset = 0
        for item in batch:
            count = len(item.texts)
            self._store(item, vectors[offset : offset + count], summary)
            offset += count

    def _commit_one(self, item: _Prepared, summary: IndexSummary) -> None:
        try:
            vectors = self.encoder.encode(item.texts)
        except Exception as exc:
            reason = f"could not embed the text: {type(exc).__name__}: {exc}"[:300]
            self._fail(item.found, reason, summary)
            return
        self._store(item, vectors, summary)

    def _fail(self, found: FoundFile, reason: str, summary: IndexSummary) -> None:
        self.store.commit_failure(found.path, reason, size=found.size, mtime_ns=found.mtime_ns)
        summary.failed[found.path] = reason
        summary.outcomes[found.path] = "failed"

    def _store(self, item: _Prepared, vectors: np.ndarray, summary: IndexSummary) -> None:
        found = item.found
        self.store.commit_file(
            NewFile(
                found.path,
                item.kind,
                item.title,
                found.size,
                found.mtime_ns,
                item.content_hash,
                item.chunks,
                vectors,
                item.ocr_pending,
                item.note,
            )
        )
        summary.indexed += 1
        summary.chunks += len(item.texts)
        summary.outcomes[found.path] = "indexed"

    def _wanted(self, path: str) -> bool:
        """The scan's filter; also where a long walk notices that it should stop."""
        if self.interrupt():
            raise ExtractionCancelled("interrupted while scanning")
        return is_supported(Path(path))

    def recognise(
        self,
        path: str,
        *,
        max_pages: int,
        seconds: float,
        progress: Callable[[int], None] | None = None,
    ) -> IndexSummary:
        """The OCR job for one file: its pages without text are recognised (at most
        ``max_pages``, for at most ``seconds``; the rest stay without text) and the file is
        indexed again with them. It is not asked again, whatever happened, unless it
        changes; an interrupted run keeps what it recognised (cached) and is redone.
        ``progress`` is told the pages recognised so far, after each."""
        summary = IndexSummary()
        try:
            info = os.stat(path)
        except OSError:
            self.store.clear_ocr_pending(path)
            return summary
        found = FoundFile(path, info.st_size, info.st_mtime_ns)
        request = OcrRequest(
            run=True,
            cache_dir=self.ocr_cache,
            max_pages=max_pages,
            deadline=time.monotonic() + seconds,
        )
        # the guard's limit leaves room for the page being read when the deadline passes
        try:
            item = self._prepare(
                found, None, request, timeout_s=seconds + OCR_GRACE_S, progress=progress
            )
        except ExtractionCancelled as exc:
            raise IndexInterrupted(summary) from exc
        if item.outcome == "chunks":
            item.ocr_pending = 0
            self._commit([item], summary)
        else:
            log.warning("OCR of %s gave nothing: %s", path, item.reason or item.outcome)
            self.store.clear_ocr_pending(path)
            summary.outcomes[path] = item.outcome
        return summary

    # -- the whole run ----------------------------------------------------------------

    def update(
        self, paths: list[str], progress: ProgressCallback | None = None, *, save: bool = True
    ) -> IndexSummary:
        """Bring the given paths (files or folders, as reported by the watcher) up to date:
        what exists is (re)indexed if it changed, what is gone leaves the index."""
        paths = sorted({os.path.abspath(p) for p in paths})
        existing = [p for p in paths if os.path.lexists(p)]
        missing = [p for p in paths if p not in existing]
        summary = (
            self.index(existing, progress, save=save, report_old_failures=False)
            if existing
            else IndexSummary()
        )
        if missing:
            gone = self.store.catalog.paths_under(missing)
            if gone:
                summary.removed += self.store.remove_files(gone)
                if save:
                    self.store.save()
            for path in [*missing, *gone]:
                summary.outcomes[path] = "removed"
        return summary

    def expand_folders(self, folders: list[str]) -> tuple[list[str], IndexSummary]:
        """For the daemon: the wanted files under ``folders``, to queue one by one. What
        could not be walked is recorded as failed, and files the catalog holds there that
        are gone are removed, now. Returns (files to queue, what was done); raises
        IndexInterrupted if asked to stop."""
        summary = IndexSummary()
        try:
            result = scan(
                folders,
                wanted=self._wanted,
                include_hidden=self.include_hidden,
                max_bytes=self.max_bytes,
                rules=self.rules,
            )
        except ExtractionCancelled as exc:
            raise IndexInterrupted(summary) from exc
        known = self._known_states(folders)
        self._forget_gone(folders, result, known, summary)
        self._record_problems(result.problems, known, summary)
        return sorted(result.files), summary

    def _known_states(self, roots: list[str]) -> dict[bytes, tuple[int | None, int | None, str]]:
        """What the catalog holds at or below ``roots`` (asked for a few roots at a time:
        SQLite limits how large one query's expression may be)."""
        known: dict[bytes, tuple[int | None, int | None, str]] = {}
        for start in range(0, len(roots), ROOTS_PER_QUERY):
            known.update(
                self.store.catalog.file_states_under(roots[start : start + ROOTS_PER_QUERY])
            )
        return known

    def _forget_gone(
        self,
        roots: list[str],
        result: ScanResult,
        known: dict[bytes, tuple[int | None, int | None, str]],
        summary: IndexSummary,
    ) -> None:
        """Files the catalog holds under ``roots`` that the walk did not find leave."""
        root_bytes = [encode_path(r) for r in roots]
        on_disk = {encode_path(p) for p in result.files} | {encode_path(p) for p in result.problems}
        gone = [os.fsdecode(raw) for raw in known if _under(raw, root_bytes) and raw not in on_disk]
        if gone:
            summary.removed += self.store.remove_files(gone)
            summary.outcomes.update(dict.fromkeys(gone, "removed"))

    def _record_problems(
        self,
        problems: dict[str, str],
        known: dict[bytes, tuple[int | None, int | None, str]],
        summary: IndexSummary,
    ) -> None:
        """Places the walk could not read (or files over the size limit) are failures."""
        for path, reason in problems.items():
            state = known.get(encode_path(path))
            size = mtime = None
            try:
                info = os.stat(path)
                size, mtime = info.st_size, info.st_mtime_ns
            except OSError:
                pass
            if state is None or state[2] != "failed" or state[1] != mtime:
                self.store.commit_failure(path, reason, size=size, mtime_ns=mtime)
            summary.failed[path] = reason
            summary.outcomes[path] = "failed"

    def index(
        self,
        roots: list[str],
        progress: ProgressCallback | None = None,
        *,
        save: bool = True,
        report_old_failures: bool = True,
    ) -> IndexSummary:
        """Index everything under ``roots``. ``save``: write the vector file at the end
        (the daemon saves on its own schedule). IndexInterrupted if asked to stop."""
        started = time.monotonic()
        summary = IndexSummary()
        try:
            self._index(roots, progress, summary, save=save)
        except ExtractionCancelled as exc:
            summary.seconds = time.monotonic() - started
            raise IndexInterrupted(summary) from exc
        if report_old_failures:
            # Files that failed before and have not changed since are still failing.
            root_bytes = [encode_path(os.path.abspath(r)) for r in roots]
            for row in self.store.catalog.failures():
                if _under(encode_path(row.path), root_bytes):
                    summary.failed.setdefault(row.path, row.error or "failed")
        summary.seconds = time.monotonic() - started
        return summary

    def _index(
        self,
        roots: list[str],
        progress: ProgressCallback | None,
        summary: IndexSummary,
        *,
        save: bool,
    ) -> None:
        roots = [os.path.abspath(r) for r in roots]
        result = scan(
            roots,
            wanted=self._wanted,
            include_hidden=self.include_hidden,
            max_bytes=self.max_bytes,
            rules=self.rules,
        )
        catalog = self.store.catalog
        known = self._known_states(roots)
        self._forget_gone(roots, result, known, summary)
        self._record_problems(result.problems, known, summary)

        todo: list[FoundFile] = []
        hashes: dict[str, str | None] = {}
        for path, found in sorted(result.files.items()):
            state = known.get(encode_path(path))
            if state is not None and state[0] == found.size and state[1] == found.mtime_ns:
                summary.unchanged += 1
                summary.outcomes[path] = "unchanged"
                continue
            todo.append(found)
        if todo:
            catalog.mark_pending(f.path for f in todo)
            for found in todo:
                file_state = catalog.file_state(found.path)
                hashes[found.path] = (
                    file_state.content_hash
                    if file_state is not None and file_state.status == "indexed"
                    else None
                )

        total = len(todo)
        batch: list[_Prepared] = []
        batch_chunks = 0
        last_save = time.monotonic()
        for done, item in enumerate(self._produce(todo, hashes), start=1):
            if item.outcome == "chunks":
                batch.append(item)
                batch_chunks += len(item.texts)
            elif item.outcome == "unchanged":
                self.store.commit_unchanged(
                    item.found.path, size=item.found.size, mtime_ns=item.found.mtime_ns
                )
                summary.unchanged += 1
                summary.outcomes[item.found.path] = "unchanged"
            elif item.outcome == "vanished":
                self.store.remove_files([item.found.path])
                summary.failed[item.found.path] = item.reason
                summary.outcomes[item.found.path] = "removed"
            else:
                self._fail(item.found, item.reason, summary)
            if batch_chunks >= EMBED_BATCH_CHUNKS:
                self._commit(batch, summary)
                batch, batch_chunks = [], 0
            if save and time.monotonic() - last_save > SAVE_EVERY_S:
                self.store.save()
                last_save = time.monotonic()
            if progress is not None:
                progress(done, total, item.found.path)
            if self.interrupt():  # the batch not yet committed stays pending: redone later
                raise ExtractionCancelled("interrupted between files")
        if batch:
            self._commit(batch, summary)
        if save:
            self.store.save()
