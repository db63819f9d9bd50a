from __future__ import annotations

from desktop_search.search.fusion import minmax, reciprocal_rank_fusion, score_fusion


def test_minmax() -> None:
    assert minmax([(1, 10.0), (2, 5.0), (3, 0.0)]) == {1: 1.0, 2: 0.5, 3: 0.0}
    assert minmax([(1, 3.0), (2, 3.0)]) == {1: 1.0, 2: 1.0}
    assert minmax([]) == {}


def test_score_fusion_rewards_agreement() -> None:
    fused = score_fusion([(1, 0.9), (2, 0.5), (3, 0.1)], [(2, 12.0), (4, 1.0)], dense_weight=0.5)
    assert max(fused, key=lambda k: fused[k]) == 2
    assert fused[4] == 0.0 and fused[3] == 0.0


def test_rrf() -> None:
    fused = reciprocal_rank_fusion([(1, 0.0), (2, 0.0)], [(2, 0.0), (3, 0.0)])
    assert max(fused, key=lambda k: fused[k]) == 2
