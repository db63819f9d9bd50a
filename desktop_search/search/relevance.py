"""How well a result matches, in words a person can read: strong, partial or weak.

A fused score means little on its own (its range depends on the encoder and the query), so
the label is read from evidence with an absolute meaning:

- how far the result's cosine stands above the query's cosine with the index at large:
  ``(cosine - mean) / spread`` over a sample of the index's chunks (a standard score, the
  same for any encoder, however its cosines are spread);
- how much of the query's words (IDF-weighted) the result's chunk holds;
- whether every word of the query is in the file's name or folders.

A result is **strong** when its file is named by the query, when its cosine stands out
clearly, or when it holds every query word and is also on topic; **partial** when one
of them stands out somewhat or it holds half the query's words; **weak** otherwise (the
best of an unrelated lot is weak, not a full bar).
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass
from typing import Literal

import numpy as np

from desktop_search.storage.catalog import Catalog

Match = Literal["strong", "partial", "weak"]
MATCHES: tuple[Match, ...] = ("strong", "partial", "weak")

SAMPLE_SIZE = 512  # chunks whose cosines with the query make its background
RESAMPLE_AFTER_GROWTH = 0.1
MIN_SPREAD = 0.05  # a tiny index's cosines may barely vary: never divide by less
STRONG_STANDING = 4.0  # standard scores
PARTIAL_STANDING = 2.5
ON_TOPIC_STANDING = 2.0
HALF_THE_WORDS = 0.5


@dataclass(frozen=True)
class Evidence:
    standing: float  # the cosine's standard score against the query's background
    words_held: float  # IDF share of the query's words in the chunk, 0..1
    named: bool  # every query word is in the file's name or folders


def label(evidence: Evidence) -> Match:
    if (
        evidence.named
        or evidence.standing >= STRONG_STANDING
        or (evidence.words_held >= 0.999 and evidence.standing >= ON_TOPIC_STANDING)
    ):
        return "strong"
    if evidence.standing >= PARTIAL_STANDING or evidence.words_held >= HALF_THE_WORDS:
        return "partial"
    return "weak"


class Background:
    """A fixed random sample of the index's vectors, renewed as the index grows."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._lock = threading.Lock()
        self._sample = np.zeros((0, 0), dtype=np.float32)
        self._taken_at = -1

    def _vectors(self) -> np.ndarray:
        with self._lock:
            newest = self.catalog.max_chunk_id()
            if self._taken_at < 0 or newest > self._taken_at * (1 + RESAMPLE_AFTER_GROWTH):
                self._sample = self._draw(newest)
                self._taken_at = newest
            return self._sample

    def _draw(self, newest: int) -> np.ndarray:
        """Vectors of chunks drawn at random. Ids only grow, so ids drawn up to the newest
        mostly exist (a large index is not listed whole for it); where most were removed,
        the ids that remain are listed and drawn from."""
        pick = random.Random(newest)
        drawn = range(1, newest + 1)
        ids = pick.sample(drawn, 2 * SAMPLE_SIZE) if newest > 2 * SAMPLE_SIZE else list(drawn)
        parts = [v for _, v in self.catalog.iter_vectors(sorted(ids))]
        if sum(len(p) for p in parts) < SAMPLE_SIZE // 4:
            present = sorted(self.catalog.chunk_ids())
            ids = pick.sample(present, min(SAMPLE_SIZE, len(present)))
            parts = [v for _, v in self.catalog.iter_vectors(sorted(ids))]
        return np.concatenate(parts) if parts else np.zeros((0, 0), dtype=np.float32)

    def standing(self, query: np.ndarray) -> tuple[float, float]:
        """(mean, spread) of the query's cosines with the sample."""
        sample = self._vectors()
        if not len(sample):
            return 0.0, 1.0
        cosines = sample @ query
        return float(cosines.mean()), max(float(cosines.std()), MIN_SPREAD)
