"""Relevance feedback: moving the query vector toward (or away from) chosen chunks.

Pseudo-relevance feedback (PRF) takes the best chunks of a first search as relevant and
searches again with the expanded vector (dense Rocchio); explicit feedback uses the files
a user marked relevant or not relevant.
"""

from __future__ import annotations

import numpy as np

# Classic Rocchio weights (Salton & Buckley): the query keeps weight 1, the centroid of the
# relevant set 0.75 (here applied to PRF as well), the non-relevant centroid -0.25.
ALPHA = 1.0
BETA = 0.75
GAMMA = 0.25
FEEDBACK_FILES = 3
# Feedback only when the first pass is sure of itself: its keyword side holds at least
# this IDF share of the query (benchmarks/fusion_study.py).
MIN_KEYWORD_COVERAGE = 0.5


def rocchio(
    query: np.ndarray,
    relevant: np.ndarray | None = None,
    not_relevant: np.ndarray | None = None,
    *,
    alpha: float = ALPHA,
    beta: float = BETA,
    gamma: float = GAMMA,
) -> np.ndarray:
    """The expanded, L2-normalised query vector."""
    expanded = alpha * query.astype(np.float32)
    if relevant is not None and len(relevant):
        expanded = expanded + beta * relevant.mean(axis=0)
    if not_relevant is not None and len(not_relevant):
        expanded = expanded - gamma * not_relevant.mean(axis=0)
    norm = float(np.linalg.norm(expanded))
    result: np.ndarray = expanded / norm if norm > 0 else query
    return result
