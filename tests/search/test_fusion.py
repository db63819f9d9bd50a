"""Fusion on absolute scales: a lone weak keyword hit is not the list's full weight."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from desktop_search.search.fusion import (
    KEYWORD_WEIGHT,
    REFERENCE_SCALE,
    CosineScale,
    KeywordEvidence,
    hybrid_scores,
    idf,
)


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


def test_a_model_with_compressed_cosines_is_read_on_the_reference_scale() -> None:
    # multilingual-e5-small puts unrelated text at 0.78 (spread 0.02): its raw cosines
    # would leave a strong semantic match (0.86) only 0.02 above an incidental keyword hit
    e5 = CosineScale.of({"cosine_scale": {"mean": 0.777, "spread": 0.0215}})
    assert e5 != REFERENCE_SCALE
    incidental = KeywordEvidence({7: 4.0}, reference=12.0, coverage=0.5)
    raw = hybrid_scores({1: 0.86, 7: 0.84}, incidental)
    assert raw[7] > raw[1]  # what the raw scale did
    fused = hybrid_scores({1: 0.86, 7: 0.84}, incidental, e5)
    assert fused[1] > fused[7]
    assert math.isclose(e5.to_reference(0.777), REFERENCE_SCALE.mean)


def test_a_manifest_without_a_scale_is_on_the_reference_scale() -> None:
    assert CosineScale.of({}) is REFERENCE_SCALE
    assert CosineScale.of({"cosine_scale": {"mean": 0.5, "spread": 0}}) is REFERENCE_SCALE
    assert CosineScale.of({"cosine_scale": "wide"}) is REFERENCE_SCALE
    assert REFERENCE_SCALE.to_reference(0.42) == 0.42


def test_keywords_count_for_the_share_of_the_dense_best_they_can_match() -> None:
    seen = KeywordEvidence({7: 4.0}, reference=12.0, coverage=0.6)
    assert math.isclose(replace(seen, reach=0.25).weight(), seen.weight() * 0.25)


def test_partial_keyword_matches_do_not_fade_when_the_encoder_cannot_read_the_query() -> None:
    partial = KeywordEvidence({7: 4.0}, reference=12.0, coverage=0.5)
    assert replace(partial, fade=False).weight() > 3 * partial.weight()
    whole = KeywordEvidence({7: 4.0}, reference=12.0, coverage=1.0)
    assert replace(whole, fade=False).weight() == whole.weight()


def test_half_of_a_long_query_held_by_one_chunk_is_no_accident() -> None:
    # four or more distinct words of a long claim in one chunk: the keyword side keeps its
    # full weight (SciFact's claims); one or two words of a short query still fade
    long_claim = KeywordEvidence({7: 9.0}, reference=30.0, coverage=0.45, words_matched=5)
    short = KeywordEvidence({7: 9.0}, reference=30.0, coverage=0.45, words_matched=2)
    assert long_claim.weight() == KEYWORD_WEIGHT
    assert short.weight() == pytest.approx(KEYWORD_WEIGHT * 0.45**3)
    assert replace(long_claim, fade=False).weight() == pytest.approx(KEYWORD_WEIGHT * 0.45)
