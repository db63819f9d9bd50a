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

from desktop_search.chunking.chunker import Chunker, embedding_text
from desktop_search.embedding.encoder import Encoder
from desktop_search.extract.base import ExtractionError
from desktop_search.extract.guard import GuardedExtractor
from desktop_search.extract.registry import is_supported
from desktop_search.indexer.ignore import IgnoreRules
from desktop_search.indexer.scanner import FoundFile, scan
from desktop_search.storage.catalog import NewChunk, NewFile, clean_text, encode_path
from desktop_search.storage.store import IndexStore

log = logging.getLogger(__name__)

EMBED_BATCH_CHUNKS = 256
SAVE_EVERY_S = 30.0

ProgressCallback = Callable[[int, int, str], None]


@dataclass
class IndexSummary:
    indexed: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: dict[str, str] = field(default_factory=dict)  # path -> reason
    chunks: int = 0
    seconds: float = 0.0

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

    # -- stages -----------------------------------------------------------------------

    def _prepare(self, found: FoundFile, known_hash: str | None) -> _Prepared:
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
            extracted = self.extractor.extract(Path(path))
        except ExtractionError as exc:
            if not os.path.lexists(path):
                return _Prepared(found, "vanished", reason="file vanished during indexing")
            return _Prepared(found, "failed", reason=str(exc))
        title = clean_text(extracted.title or Path(path).name)
        chunks = self.chunker.chunk(extracted)
        if not chunks:
            return _Prepared(found, "failed", reason="no text found in file")
        return _Prepared(
            found,
            "chunks",
            kind=extracted.kind,
            title=title,
            content_hash=digest,
            chunks=[NewChunk(c.ordinal, c.start, c.end, c.section, c.text) for c in chunks],
            texts=[clean_text(embedding_text(title, c)) for c in chunks],
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

    def _commit(self, batch: list[_Prepared], summary: IndexSummary) -> None:
        texts = [t for item in batch for t in item.texts]
        try:
            vectors = self.encoder.encode(texts)
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
            self.store.commit_failure(
                item.found.path, reason, size=item.found.size, mtime_ns=item.found.mtime_ns
            )
            summary.failed[item.found.path] = reason
            return
        self._store(item, vectors, summary)

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
            )
        )
        summary.indexed += 1
        summary.chunks += len(item.texts)

    # -- the whole run ----------------------------------------------------------------

    def update(self, paths: list[str], progress: ProgressCallback | None = None) -> IndexSummary:
        """Bring the given paths (files or folders, as reported by the watcher) up to date:
        what exists is (re)indexed if it changed, what is gone leaves the index."""
        paths = sorted({os.path.abspath(p) for p in paths})
        existing = [p for p in paths if os.path.lexists(p)]
        missing = [p for p in paths if p not in existing]
        summary = self.index(existing, progress) if existing else IndexSummary()
        if missing:
            gone = self.store.catalog.paths_under(missing)
            if gone:
                summary.removed += self.store.remove_files(gone)
                self.store.save()
        return summary

    def expand_folders(self, folders: list[str]) -> tuple[list[str], int]:
        """For the daemon: the wanted files (and unreadable places) under ``folders``, to
        queue one by one; files the catalog holds there that are gone are removed now.
        Returns (paths to queue, number removed)."""
        result = scan(
            folders,
            wanted=lambda p: is_supported(Path(p)),
            include_hidden=self.include_hidden,
            rules=self.rules,
        )
        present = set(result.files) | set(result.problems)
        gone = [p for p in self.store.catalog.paths_under(folders) if p not in present]
        removed = self.store.remove_files(gone) if gone else 0
        return sorted(present), removed

    def index(self, roots: list[str], progress: ProgressCallback | None = None) -> IndexSummary:
        started = time.monotonic()
        summary = IndexSummary()
        roots = [os.path.abspath(r) for r in roots]
        result = scan(
            roots,
            wanted=lambda p: is_supported(Path(p)),
            include_hidden=self.include_hidden,
            max_bytes=self.max_bytes,
            rules=self.rules,
        )
        catalog = self.store.catalog
        known = catalog.file_states_under(roots)
        root_bytes = [encode_path(r) for r in roots]
        on_disk = {encode_path(p) for p in result.files} | {encode_path(p) for p in result.problems}
        gone = [raw for raw in known if _under(raw, root_bytes) and raw not in on_disk]
        if gone:
            summary.removed = self.store.remove_files([os.fsdecode(raw) for raw in gone])

        for path, reason in result.problems.items():
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

        todo: list[FoundFile] = []
        hashes: dict[str, str | None] = {}
        for path, found in sorted(result.files.items()):
            state = known.get(encode_path(path))
            if state is not None and state[0] == found.size and state[1] == found.mtime_ns:
                summary.unchanged += 1
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
            elif item.outcome == "vanished":
                self.store.remove_files([item.found.path])
                summary.failed[item.found.path] = item.reason
            else:
                self.store.commit_failure(
                    item.found.path, item.reason, size=item.found.size, mtime_ns=item.found.mtime_ns
                )
                summary.failed[item.found.path] = item.reason
            if batch_chunks >= EMBED_BATCH_CHUNKS:
                self._commit(batch, summary)
                batch, batch_chunks = [], 0
            if time.monotonic() - last_save > SAVE_EVERY_S:
                self.store.save()
                last_save = time.monotonic()
            if progress is not None:
                progress(done, total, item.found.path)
        if batch:
            self._commit(batch, summary)
        self.store.save()
        # Files that failed before and have not changed since are still failing.
        for row in catalog.failures():
            if _under(encode_path(row.path), root_bytes):
                summary.failed.setdefault(row.path, row.error or "failed")
        summary.seconds = time.monotonic() - started
        return summary
