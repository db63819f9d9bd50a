"""Wires the core together for one data dir: settings, model, index store, indexer, search."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from desktop_search.chunking.chunker import Chunker
from desktop_search.config.paths import default_model_dir
from desktop_search.config.settings import Settings
from desktop_search.embedding.encoder import Encoder
from desktop_search.extract.guard import GuardedExtractor
from desktop_search.indexer.ignore import IgnoreRules
from desktop_search.indexer.pipeline import Indexer
from desktop_search.search.service import SearchService
from desktop_search.storage.store import IndexStore

log = logging.getLogger(__name__)


class Engine:
    """Everything a client of the core needs, opened once and closed together."""

    def __init__(
        self, data_dir: Path, *, read_only: bool = False, settings: Settings | None = None
    ) -> None:
        self.data_dir = data_dir
        self.settings = settings or Settings.load(data_dir)
        model_dir = (
            Path(self.settings.model_dir) if self.settings.model_dir else default_model_dir()
        )
        self.encoder = Encoder(model_dir, threads=self.settings.resolved_encoder_threads())
        self.store = IndexStore(
            data_dir,
            model_name=self.encoder.name,
            dimensions=self.encoder.dimensions,
            read_only=read_only,
        )
        self.search = SearchService(self.store, self.encoder)
        self._extractor: GuardedExtractor | None = None

    def indexer(self) -> Indexer:
        if self._extractor is None:
            self._extractor = GuardedExtractor(
                timeout_s=self.settings.extract_timeout_s,
                memory_mb=self.settings.extract_memory_mb,
                max_bytes=self.settings.max_file_bytes,
            )
        chunk_tokens = min(self.settings.chunk_tokens, self.encoder.manifest.max_tokens - 34)
        chunker = Chunker(
            self.encoder.manifest.tokenizer_path,
            chunk_tokens=chunk_tokens,
            overlap_tokens=min(self.settings.chunk_overlap_tokens, chunk_tokens // 2),
        )
        return Indexer(
            self.store,
            self.encoder,
            chunker,
            self._extractor,
            max_bytes=self.settings.max_file_bytes,
            include_hidden=self.settings.index_hidden,
            rules=IgnoreRules(self.settings.exclude_patterns),
        )

    def status(self) -> dict[str, Any]:
        catalog = self.store.catalog
        counts = catalog.counts()
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
        self.search.close()
        self.store.close()

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
