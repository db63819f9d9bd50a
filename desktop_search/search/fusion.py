"""Combining the dense and the BM25 result lists."""

from __future__ import annotations

from collections.abc import Sequence

Ranked = Sequence[tuple[int, float]]  # (chunk id, score), best first

RRF_K = 60


def minmax(ranked: Ranked) -> dict[int, float]:
    """Scores rescaled to [0, 1] within the list (all 1.0 if they are equal)."""
    if not ranked:
        return {}
    scores = [s for _, s in ranked]
    low, high = min(scores), max(scores)
    if high - low < 1e-12:
        return {key: 1.0 for key, _ in ranked}
    return {key: (score - low) / (high - low) for key, score in ranked}


def score_fusion(dense: Ranked, lexical: Ranked, *, dense_weight: float) -> dict[int, float]:
    """Convex combination of min-max normalised scores; absent from a list counts as 0."""
    d, lx = minmax(dense), minmax(lexical)
    return {
        key: dense_weight * d.get(key, 0.0) + (1.0 - dense_weight) * lx.get(key, 0.0)
        for key in d.keys() | lx.keys()
    }


def reciprocal_rank_fusion(*lists: Ranked, k: int = RRF_K) -> dict[int, float]:
    fused: dict[int, float] = {}
    for ranked in lists:
        for rank, (key, _) in enumerate(ranked):
            fused[key] = fused.get(key, 0.0) + 1.0 / (k + rank + 1)
    return fused
