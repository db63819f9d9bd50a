"""Fusion on absolute scales: a lone weak keyword hit is not the list's full weight."""

from __future__ import annotations

import math

from desktop_search.search.fusion import KeywordEvidence, hybrid_scores, idf


def test_idf_is_fts5s() -> None:
    assert math.isclose(idf(1, 100), math.log(99.5 / 1.5))
    assert idf(90, 100) == 1e-6  # FTS5's floor for a word in most chunks
    assert idf(0, 100) > idf(1, 100)


def test_a_lone_weak_keyword_hit_adds_little() -> None:
    # one query word of four, in one chunk: the query's coverage is a quarter
    lone = KeywordEvidence({7: 3.0}, reference=12.0, coverage=0.25)
    fused = hybrid_scores({1: 0.45, 7: 0.30}, lone)
    assert fused[1] > fused[7]
    assert fused[7] - 0.30 < 0.01


def test_a_chunk_holding_the_whole_query_wins() -> None:
    exact = KeywordEvidence({7: 30.0, 8: 3.0}, reference=12.0, coverage=1.0)
    fused = hybrid_scores({1: 0.45, 7: 0.30, 8: 0.44}, exact)
    assert max(fused, key=fused.__getitem__) == 7


def test_scores_do_not_depend_on_the_other_candidates() -> None:
    # min-max would rescale chunk 7 when chunk 8 joins; absolute scales do not
    alone = hybrid_scores({7: 0.3}, KeywordEvidence({7: 5.0}, 12.0, 0.6))
    joined = hybrid_scores({7: 0.3, 8: 0.2}, KeywordEvidence({7: 5.0, 8: 9.0}, 12.0, 0.6))
    assert alone[7] == joined[7]
