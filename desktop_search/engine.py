"""Wires the core together for one data dir: settings, model, index store, indexer, search."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from desktop_search.chunking.chunker import Chunker
from desktop_search.config.settings import Settings
from desktop_search.embedding.encoder import Encoder
from desktop_search.embedding.installed import find_model, identity_of
from desktop_search.extract.guard import GuardedExtractor
from desktop_search.extract.scans import CACHE_FOLDER as OCR_CACHE
from desktop_search.indexer.ignore import IgnoreRules
from desktop_search.indexer.model_switch import STEP as SWITCH_STEP
from desktop_search.indexer.model_switch import ModelSwitch
from desktop_search.indexer.pipeline import Indexer
from desktop_search.search.service import SearchService
from desktop_search.storage.next_vectors import discard_next_vectors
from desktop_search.storage.store import IndexStore, RecordedModel, open_catalog, recorded_model

log = logging.getLogger(__name__)

NOTES_SHOWN = 100  # status lists this many of the files read only in part


class Engine:
    """Everything a client of the core needs, opened once and closed together."""

    def __init__(
        self, data_dir: Path, *, read_only: bool = False, settings: Settings | None = None
    ) -> None:
        self.data_dir = data_dir
        self.settings = settings or Settings.load(data_dir)
        wanted = self.settings.resolved_model_dir()
        threads = self.settings.resolved_encoder_threads()
        catalog = open_catalog(data_dir, read_only=read_only)
        try:
            active = _active_model_dir(recorded_model(catalog), wanted)
            self.encoder = Encoder(active, threads=threads)
            self.store = IndexStore(
                data_dir,
                model_name=self.encoder.name,
                dimensions=self.encoder.dimensions,
                read_only=read_only,
                model_dir=active,
                catalog=catalog,
            )
        except BaseException:
            catalog.close()
            raise
        self.search = SearchService(self.store, self.encoder)
        # The settings' model, while the index still has another's vectors (writers only).
        self.switch: ModelSwitch | None = None
        if not read_only:
            if active != wanted:
                log.info("the index changes model to %s in the background", wanted)
                self.switch = ModelSwitch(self.store, Encoder(wanted, threads=threads), wanted)
            else:
                discard_next_vectors(data_dir)
        self._extractor: GuardedExtractor | None = None

    def switch_step(
        self, interrupted: Callable[[], bool] = lambda: False, limit: int = SWITCH_STEP
    ) -> bool:
        """Embed one more slice of the index with the settings' model (see
        :mod:`desktop_search.indexer.model_switch`); True when there is nothing left to
        embed (then :meth:`finish_switch`) or no switch under way."""
        return self.switch is None or self.switch.step(interrupted, limit)

    def finish_switch(self, lock: AbstractContextManager[object] | None = None) -> None:
        """Put the settings' model in use for the whole index. ``lock`` is held while the
        vectors, the encoder and the search service change (not while the new vector index
        is built): a search holding it sees one model or the other."""
        switch = self.switch
        if switch is None:
            return
        prepared = switch.prepare()
        with lock or contextlib.nullcontext():
            switch.commit(prepared)
            old = self.search
            self.encoder = switch.encoder
            self.search = SearchService(self.store, self.encoder)
            self.switch = None
        old.close()

    def indexer(self) -> Indexer:
        if self._extractor is None:
            self._extractor = GuardedExtractor(
                timeout_s=self.settings.extract_timeout_s,
                memory_mb=self.settings.extract_memory_mb,
                max_bytes=self.settings.max_file_bytes,
            )
        chunk_tokens = min(self.settings.chunk_tokens, self.encoder.manifest.max_tokens - 34)
        chunker = Chunker(
            self.encoder.tokenizer,
            chunk_tokens=chunk_tokens,
            overlap_tokens=min(self.settings.chunk_overlap_tokens, chunk_tokens // 2),
        )
        indexer = Indexer(
            self.store,
            self.encoder,
            chunker,
            self._extractor,
            max_bytes=self.settings.max_file_bytes,
            include_hidden=self.settings.index_hidden,
            rules=IgnoreRules(self.settings.exclude_patterns),
        )
        indexer.ocr_cache = self.data_dir / OCR_CACHE
        return indexer

    def status(self) -> dict[str, Any]:
        catalog = self.store.catalog
        counts = catalog.counts()
        ocr_files, ocr_pages = catalog.ocr_backlog(self.settings.ocr_max_pages)
        noted, notes = catalog.notes(NOTES_SHOWN)
        return {
            "files_indexed": counts["indexed"],
            "files_pending": counts["pending"],
            "files_failed": counts["failed"],
            "chunks": counts["chunks"],
            "vectors": len(self.store.vectors),
            "failures": [
                {"path": row.display_path, "reason": row.error or "failed"}
                for row in catalog.failures()
            ],
            # the configured folders (a running daemon answers with what it watches)
            "folders": list(self.settings.folders),
            "model": self.encoder.manifest.describe(),
            # the settings' model while the index is being embedded with it, else None
            "model_switch": self.switch.progress.describe() if self.switch else None,
            # scanned pages and images waiting for the OCR job (it runs when all else is
            # done, if the settings let it)
            "ocr": {"enabled": self.settings.ocr, "files": ocr_files, "pages": ocr_pages},
            # files read only in part (members skipped, pages over the OCR limit)
            "files_noted": noted,
            "notes": [{"path": path, "note": note} for path, note in notes],
            "data_dir": str(self.data_dir),
        }

    def close_indexer(self) -> None:
        """Drop the extractor worker; the next ``indexer()`` starts one with the current
        settings (limits may have changed)."""
        if self._extractor is not None:
            self._extractor.close()
            self._extractor = None

    def close(self) -> None:
        self.close_indexer()
        if self.switch is not None:
            self.switch.close()
        self.search.close()
        self.store.close()

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _active_model_dir(recorded: RecordedModel | None, wanted: Path) -> Path:
    """The model that embeds queries and new files: the one whose vectors the index holds
    while its folder can be found (the settings' model ``wanted`` takes over once it has
    embedded the whole index), else ``wanted`` (an index of another model, whose folder is
    gone, is then embedded again from the files)."""
    if recorded is None or identity_of(wanted) == recorded.identity:
        return wanted
    found = find_model(recorded.identity, recorded.folder)
    if found is None:
        log.warning(
            "the model of this index (%s) is not found: every file is embedded again",
            recorded.identity,
        )
        return wanted
    return found
