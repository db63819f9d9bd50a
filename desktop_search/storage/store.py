"""The index as one unit: catalog (source of truth) + vector index, kept in agreement."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from usearch.index import Index

from desktop_search.config.private import make_private_dir, secure_data_dir
from desktop_search.embedding.installed import model_identity
from desktop_search.storage.catalog import Catalog, NewFile
from desktop_search.storage.errors import is_disk_full
from desktop_search.storage.vectors import VectorIndex

log = logging.getLogger(__name__)

VECTORS_FILE = "vectors.usearch"


MODEL_KEY = "model"  # meta: the identity of the model that made the vectors
MODEL_DIR_KEY = "model_dir"  # meta: where that model's folder was


@dataclass(frozen=True)
class RecordedModel:
    identity: str
    folder: str | None


@dataclass(frozen=True)
class PreparedVectors:
    ids: list[int]
    matrix: np.ndarray
    index: Index


def open_catalog(data_dir: Path, *, read_only: bool = False) -> Catalog:
    """The catalog of ``data_dir``; a writer first makes the data dir private (0700, files
    0600) and sets an unreadable catalog aside."""
    if not read_only:
        make_private_dir(data_dir)
        secure_data_dir(data_dir)
    return Catalog(data_dir, read_only=read_only)


def recorded_model(catalog: Catalog) -> RecordedModel | None:
    """The model whose vectors the index holds; None for an index with no chunks yet."""
    identity = catalog.get_meta(MODEL_KEY)
    if identity is None or catalog.chunk_count() == 0:
        return None
    return RecordedModel(identity, catalog.get_meta(MODEL_DIR_KEY))


class IndexStore:
    """Opens (or creates) the index in ``data_dir`` and repairs the vector index if needed.

    A writer makes the data dir private (0700, files 0600) and sets an unreadable catalog
    aside; a reader writes nothing: it repairs the vector index in memory only. A writer
    opened for another model than the index's empties the index (every file is embedded
    again); to change model without that, see :mod:`desktop_search.indexer.model_switch`."""

    def __init__(
        self,
        data_dir: Path,
        *,
        model_name: str,
        dimensions: int,
        read_only: bool = False,
        model_dir: Path | None = None,
        catalog: Catalog | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.catalog = catalog or open_catalog(data_dir, read_only=read_only)
        self.read_only = read_only
        self.vectors = VectorIndex(
            data_dir / VECTORS_FILE, dimensions, self.catalog, read_only=read_only
        )
        if not read_only:
            self._check_model(model_name, dimensions, model_dir)
        self.repair()

    def _check_model(self, model_name: str, dimensions: int, model_dir: Path | None) -> None:
        stored = self.catalog.get_meta(MODEL_KEY)
        wanted = model_identity(model_name, dimensions)
        if stored == wanted:
            if model_dir is not None and self.catalog.get_meta(MODEL_DIR_KEY) != str(model_dir):
                with self.catalog.transaction() as conn:
                    self.catalog.set_meta(conn, MODEL_DIR_KEY, str(model_dir))
            return
        if stored is not None:
            log.warning(
                "model changed from %s to %s: every file will be re-embedded", stored, wanted
            )
        with self.catalog.transaction() as conn:
            if stored is not None:
                conn.execute("DELETE FROM chunk_fts")
                conn.execute("DELETE FROM chunks")
                conn.execute(
                    "UPDATE files SET mtime_ns = NULL, status = 'pending', "
                    "chunk_count = 0 WHERE status = 'indexed'"
                )
            self.catalog.set_meta(conn, MODEL_KEY, wanted)
            if model_dir is not None:
                self.catalog.set_meta(conn, MODEL_DIR_KEY, str(model_dir))
        if stored is not None:
            self.vectors.reset()
            self.vectors.save()

    def repair(self) -> bool:
        """Make the vector index hold exactly the catalog's chunks. True if it changed."""
        if self.vectors.key_sum() == self.catalog.chunk_key_sum():
            self._save_unless_disk_full()  # replaces a file that could not be used, if any
            return False
        catalog_ids = self.catalog.chunk_ids()
        index_ids = self.vectors.keys()
        stale = sorted(index_ids - catalog_ids)
        missing = catalog_ids - index_ids
        log.warning(
            "vector index out of step with the catalog (%d stale, %d missing): repairing",
            len(stale),
            len(missing),
        )
        self.vectors.remove(stale)
        threads = min(4, os.cpu_count() or 1)
        for keys, vectors in self.catalog.iter_vectors(missing):
            self.vectors.add(keys, vectors, threads=threads)
        self._save_unless_disk_full()  # a no-op for read-only clients: in memory only
        return True

    def commit_file(self, new: NewFile) -> None:
        """A file's chunks, FTS rows and vectors replace its old ones, together."""
        with self.catalog.transaction() as conn:
            removed, added = self.catalog.replace_file_chunks(conn, new)
        self.vectors.remove(removed)
        self.vectors.add(added, new.vectors)

    def commit_failure(
        self, path: str, reason: str, *, size: int | None, mtime_ns: int | None
    ) -> None:
        with self.catalog.transaction() as conn:
            removed = self.catalog.mark_failed(conn, path, reason, size=size, mtime_ns=mtime_ns)
        self.vectors.remove(removed)

    def clear_ocr_pending(self, path: str) -> None:
        with self.catalog.transaction() as conn:
            self.catalog.clear_ocr_pending(conn, path)

    def commit_unchanged(self, path: str, *, size: int, mtime_ns: int) -> None:
        with self.catalog.transaction() as conn:
            self.catalog.touch_file(conn, path, size=size, mtime_ns=mtime_ns)

    def remove_files(self, paths: Sequence[str]) -> int:
        removed: list[int] = []
        with self.catalog.transaction() as conn:
            for path in paths:
                removed.extend(self.catalog.remove_file(conn, path))
        self.vectors.remove(removed)
        return len(paths)

    def prepare_vectors(self, vectors: Iterable[tuple[list[int], np.ndarray]]) -> PreparedVectors:
        """Another model's vectors of every chunk (``vectors``: every chunk id the catalog
        holds, no other), with their vector index built while this one still answers
        searches; :meth:`adopt_vectors` puts them in use."""
        ids: list[int] = []
        arrays: list[np.ndarray] = []
        for part_ids, part in vectors:
            ids.extend(part_ids)
            arrays.append(part)
        if set(ids) != self.catalog.chunk_ids():
            raise ValueError("the new vectors are not those of the index's chunks")
        matrix = np.concatenate(arrays) if arrays else np.zeros((0, 0), dtype=np.float32)
        threads = min(4, os.cpu_count() or 1)
        return PreparedVectors(ids, matrix, self.vectors.built(ids, matrix, threads=threads))

    def adopt_vectors(self, prepared: PreparedVectors, *, model_dir: Path, identity: str) -> None:
        """Replace every chunk's vector by ``prepared``'s, in the catalog in one transaction
        and in the vector index, and record their model. The vector file's recorded
        checksum goes in the same transaction: a kill before the new file is saved makes the
        next open rebuild it from the catalog's new copies."""
        with self.catalog.transaction() as conn:
            self.catalog.replace_vectors(conn, prepared.ids, prepared.matrix)
            self.catalog.forget_vectors_digest(conn)
            self.catalog.set_meta(conn, MODEL_KEY, identity)
            self.catalog.set_meta(conn, MODEL_DIR_KEY, str(model_dir))
        self.vectors.adopt(prepared.index)
        self._save_unless_disk_full()

    def save(self) -> None:
        self.vectors.save()

    def _save_unless_disk_full(self) -> None:
        """Save the vector file; on a full disk keep the (correct) index in memory and say
        so: it is saved later, or rebuilt from the catalog at the next open."""
        try:
            self.vectors.save()
        except Exception as exc:
            if not is_disk_full(exc, self.data_dir):
                raise
            log.warning("the disk is full: the vector index is not saved now (%s)", exc)

    def close(self) -> None:
        if not self.read_only:
            self._save_unless_disk_full()
        self.catalog.close()
