"""Combining the dense and the keyword evidence on scales that keep their meaning.

Both sides are read on absolute scales, never rescaled within one result list (min-max
gives a lone, weak keyword hit the full keyword weight, since a single match is always
the list's maximum):

- **dense**: the cosine between the query and the chunk, mapped onto the reference
  model's scale (:class:`CosineScale`: models place unrelated text at very different
  cosines);
- **keyword**: BM25 against what the query's own words could score, ``1 - exp(-bm25 /
  sum of the query words' IDF)``: near 0 for one common word, towards 1 for a chunk that
  holds every word of the query (a word the index has never seen counts at the highest
  IDF, so it lowers every chunk's share);
- **how much of the query the keyword side covers**: the IDF share of the query's words
  held by the best-covering keyword candidate.

A chunk's score is its cosine plus ``KEYWORD_WEIGHT * coverage**COVERAGE_POWER`` times its
keyword strength. The keyword side counts in full when some chunk holds every word of the
query (an exact match still wins) and fades fast when the best one holds a word or two of
it (so one incidental word, "leaves" for "leaving", cannot outrank a strong semantic
match). The two constants were chosen on the personal-folder collection and confirmed on
SciFact, Cranfield and MEDLINE (``benchmarks/fusion_study.py``, ``docs/benchmarks.md``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

Ranked = Sequence[tuple[int, float]]  # (chunk id, score), best first

KEYWORD_WEIGHT = 1.5
COVERAGE_POWER = 3.0
CONFIRMING_WORDS = 4


@dataclass(frozen=True)
class CosineScale:
    """Where a model's query-passage cosines sit: their mean and spread between a query
    and the passages it is not about (measured by ``benchmarks/cosine_scale.py``).

    Models differ widely (all-MiniLM-L6-v2: mean 0.07, spread 0.09; multilingual-e5-small:
    0.78 and 0.02), and the keyword weight is on the scale of the model the constants were
    chosen with, so other models' cosines are mapped onto that scale first."""

    mean: float
    spread: float

    @classmethod
    def of(cls, manifest: Mapping[str, object]) -> CosineScale:
        """A model's scale from its manifest's ``cosine_scale``; the reference without one."""
        raw = manifest.get("cosine_scale")
        if not isinstance(raw, Mapping):
            return REFERENCE_SCALE
        mean, spread = raw.get("mean"), raw.get("spread")
        if not isinstance(mean, int | float) or not isinstance(spread, int | float) or spread <= 0:
            return REFERENCE_SCALE
        return cls(float(mean), float(spread))

    def to_reference(self, cosine: float) -> float:
        if self is REFERENCE_SCALE:
            return cosine
        return REFERENCE_SCALE.mean + (cosine - self.mean) * REFERENCE_SCALE.spread / self.spread


# all-MiniLM-L6-v2's, on which KEYWORD_WEIGHT and COVERAGE_POWER were chosen.
REFERENCE_SCALE = CosineScale(mean=0.074, spread=0.094)


def idf(documents: int, total: int) -> float:
    """FTS5's BM25 IDF of a term held by ``documents`` of ``total`` chunks (never below
    FTS5's floor of 1e-6); a term no chunk holds gets the highest IDF there is."""
    value = math.log((total - documents + 0.5) / (documents + 0.5))
    return max(value, 1e-6)


@dataclass(frozen=True)
class KeywordEvidence:
    """The keyword side of one query, on absolute scales."""

    scores: Mapping[int, float]  # chunk id -> FTS5 BM25 (higher is better)
    reference: float  # the sum of the query words' IDF
    coverage: float  # IDF share of the query held by its best-covering candidate, 0..1
    # The share of the dense side's best chunks the keyword side can match at all (those
    # in the query's language): words cannot match across languages, so in a folder of
    # several languages a query's keywords favour the files in its own.
    reach: float = 1.0
    # Whether partial keyword matches fade: they do while the encoder reads the query's
    # language (a strong semantic match must not lose to an incidental word); when it
    # cannot, the keywords are all the meaning there is.
    fade: bool = True
    # The most distinct query words one of the best keyword candidates holds: from
    # CONFIRMING_WORDS on, a partial match is no accident (half of a long claim) and does
    # not fade.
    words_matched: int = 0

    def strength(self, chunk_id: int) -> float:
        """How much of what the query could score this chunk scores, 0..1."""
        score = self.scores.get(chunk_id, 0.0)
        if score <= 0.0 or self.reference <= 0.0:
            return 0.0
        return 1.0 - math.exp(-score / self.reference)

    def weight(self) -> float:
        """The keyword side's weight for this query."""
        if not self.fade:
            power = 1.0
        elif self.words_matched >= CONFIRMING_WORDS:
            power = 0.0
        else:
            power = COVERAGE_POWER
        return float(KEYWORD_WEIGHT * self.coverage**power * self.reach)


NO_KEYWORDS = KeywordEvidence({}, 0.0, 0.0)


def hybrid_scores(
    cosines: Mapping[int, float], keywords: KeywordEvidence, scale: CosineScale = REFERENCE_SCALE
) -> dict[int, float]:
    """Cosine (on the reference scale) plus the query's keyword weight times the chunk's
    keyword strength, for every chunk of either side (``cosines`` must hold every keyword
    candidate too)."""
    weight = keywords.weight()
    candidates = cosines.keys() | keywords.scores.keys()
    return {
        chunk: (scale.to_reference(cosines[chunk]) if chunk in cosines else 0.0)
        + weight * keywords.strength(chunk)
        for chunk in candidates
    }
