"""Changing the index's model in the background, searches answering all along.

The index keeps its model (the *active* one: the catalog's and usearch's vectors, the one
that embeds queries) while the model chosen in the settings (the *next* one) embeds every
stored chunk again, a slice at a time, from the text the catalog holds (no file is read
or extracted again). Its vectors gather in :class:`NextVectors`, which survives a kill.
Files indexed meanwhile get new chunks, embedded by the active model as usual; the next
model reaches them in a later slice. When every chunk has a vector of the next model, they
replace the old ones at once (:meth:`IndexStore.adopt_vectors`) and the next model becomes
the active one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop_search.chunking.chunker import embedding_texts
from desktop_search.embedding.encoder import Encoder
from desktop_search.embedding.installed import model_identity
from desktop_search.storage.catalog import clean_text
from desktop_search.storage.next_vectors import NextVectors, discard_next_vectors
from desktop_search.storage.store import IndexStore, PreparedVectors

log = logging.getLogger(__name__)

SLICE = 64  # chunks embedded between two looks at the interrupt flag
STEP = 256  # chunks embedded by one step (one worker job)


@dataclass(frozen=True)
class SwitchProgress:
    to: str  # the next model's name
    done: int
    total: int

    def describe(self) -> dict[str, object]:
        return {"to": self.to, "done": self.done, "total": self.total}


class ModelSwitch:
    """Embeds the index's chunks with ``encoder`` (the next model, from ``model_dir``)."""

    def __init__(self, store: IndexStore, encoder: Encoder, model_dir: Path) -> None:
        self.store = store
        self.encoder = encoder
        self.model_dir = model_dir
        self.identity = model_identity(encoder.name, encoder.dimensions)
        self.next = NextVectors(store.data_dir, self.identity, encoder.dimensions)
        self._todo: list[int] = []
        self._done = len(self.next.ids())
        self._total = store.catalog.chunk_count()

    @property
    def progress(self) -> SwitchProgress:
        return SwitchProgress(self.encoder.name, min(self._done, self._total), self._total)

    def _refresh(self) -> None:
        chunk_ids = self.store.catalog.chunk_ids()
        held = self.next.ids() & chunk_ids
        self._todo = sorted(chunk_ids - held)
        self._done = len(held)
        self._total = len(chunk_ids)

    def step(self, interrupted: Callable[[], bool] = lambda: False, limit: int = STEP) -> bool:
        """Embed up to ``limit`` chunks that lack a vector of the next model; True when
        none is left (then :meth:`finish`). Stops early, keeping what it did, when
        ``interrupted()``."""
        if not self._todo:
            self._refresh()
            if not self._todo:
                return True
        embedded = 0
        while self._todo and embedded < limit and not interrupted():
            size = min(SLICE, limit - embedded)
            ids, self._todo = self._todo[:size], self._todo[size:]
            embedded += self._embed(ids)
        return False

    def _embed(self, ids: list[int]) -> int:
        catalog = self.store.catalog
        chunks = catalog.chunks_by_ids(ids)
        files = catalog.files_by_ids({c.file_id for c in chunks.values()})
        kept = [i for i in ids if i in chunks and chunks[i].file_id in files]
        texts: list[str] = []
        for i in kept:
            file = files[chunks[i].file_id]
            texts.extend(embedding_texts(file.path, file.title, [chunks[i]]))
        if kept:
            self.next.add(kept, self.encoder.encode([clean_text(t) for t in texts]))
        self._done += len(kept)
        return len(kept)

    def prepare(self) -> PreparedVectors:
        """The next model's vectors of every chunk, with their vector index built (slow:
        searches go on meanwhile); only when :meth:`step` said none is left."""
        self._refresh()
        if self._todo:
            raise RuntimeError("the model switch is not complete")
        return self.store.prepare_vectors(self.next.read(sorted(self.store.catalog.chunk_ids())))

    def commit(self, prepared: PreparedVectors) -> None:
        """The prepared vectors replace the old ones (fast: hold the searches' lock); the
        side file goes."""
        self.store.adopt_vectors(prepared, model_dir=self.model_dir, identity=self.identity)
        log.info(
            "the index now uses %s (%d chunks embedded again)", self.encoder.name, len(prepared.ids)
        )
        self.close()
        discard_next_vectors(self.store.data_dir)

    def close(self) -> None:
        self.next.close()
