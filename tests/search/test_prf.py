"""Pseudo-relevance feedback, explicit feedback and "more like this" on small real indexes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from desktop_search.engine import Engine
from desktop_search.search.prf import rocchio
from desktop_search.search.service import SearchRequest

ANIMALS = {
    "jaguar.txt": "The jaguar is a large wild cat of the Americas that hunts at night.",
    "leopard.txt": "Leopards are spotted big cats that stalk prey in African forests.",
    "tiger.txt": "Tigers are striped predators; these felines roam Asian jungles alone.",
    "lion.txt": "Lions live in prides on the savanna and the males have manes.",
}
CARS = {
    "coupe.txt": "Jaguar unveiled a sports coupe with a supercharged engine.",
    "sedan.txt": "The new luxury sedan has leather seats and a quiet V8 motor.",
    "roadster.txt": "A British convertible roadster with a six-speed gearbox.",
    "dealer.txt": "The dealership offers financing on every new automobile model.",
}


@pytest.fixture
def zoo(engine: Engine, tmp_path: Path) -> Engine:
    for name, text in {**ANIMALS, **CARS}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert not engine.indexer().index([str(tmp_path)]).failed
    return engine


def ranks(engine: Engine, query: str, **kwargs: object) -> list[str]:
    request = SearchRequest(query=query, k=8, **kwargs)  # type: ignore[arg-type]
    return [Path(h.path).name for h in engine.search.search(request)]


def mean_rank(order: list[str], names: dict[str, str]) -> float:
    return float(np.mean([order.index(n) for n in names if n in order]))


def test_rocchio_moves_toward_relevant_and_away_from_not() -> None:
    query = np.array([1.0, 0.0, 0.0], dtype=np.float32)
    toward = np.array([[0.0, 1.0, 0.0]], dtype=np.float32)
    away = np.array([[0.0, 0.0, 1.0]], dtype=np.float32)
    moved = rocchio(query, toward, away)
    assert moved[1] > 0 > moved[2]
    assert abs(float(np.linalg.norm(moved)) - 1.0) < 1e-6


def test_prf_pulls_in_documents_like_the_top_results(zoo: Engine) -> None:
    """'wild cat' finds the jaguar first; feedback from it should lift the other big cats
    (which share no words with the query) above the cars."""
    query = "wild cat hunting"
    without = ranks(zoo, query, prf=False)
    with_prf = ranks(zoo, query, prf=True)
    assert without[0] == with_prf[0] == "jaguar.txt"
    assert mean_rank(with_prf, ANIMALS) <= mean_rank(without, ANIMALS)
    assert set(with_prf[:4]) == set(ANIMALS)


def test_prf_is_explained(zoo: Engine) -> None:
    response = zoo.search.run(SearchRequest(query="wild cat hunting", prf=True))
    assert response.explain["prf"] is True
    feedback = [Path(f["path"]).name for f in response.explain["feedback"]]
    assert feedback[0] == "jaguar.txt" and len(feedback) == 3
    off = zoo.search.run(SearchRequest(query="wild cat hunting", prf=False))
    assert off.explain["prf"] is False and "feedback" not in off.explain


def test_relevance_feedback_refines_an_ambiguous_query(zoo: Engine, tmp_path: Path) -> None:
    """'jaguar' is a cat and a car; marking files steers the ranking toward one sense."""
    toward_cars = ranks(
        zoo,
        "jaguar",
        prf=False,
        relevant=[str(tmp_path / "sedan.txt")],
        not_relevant=[str(tmp_path / "jaguar.txt")],
    )
    toward_cats = ranks(
        zoo,
        "jaguar",
        prf=False,
        relevant=[str(tmp_path / "tiger.txt")],
        not_relevant=[str(tmp_path / "coupe.txt")],
    )
    assert "jaguar.txt" not in toward_cars  # marked not relevant: hidden
    assert "coupe.txt" not in toward_cats
    assert mean_rank(toward_cars, CARS) < mean_rank(toward_cars, other(ANIMALS, "jaguar.txt"))
    assert mean_rank(toward_cats, ANIMALS) < mean_rank(toward_cats, other(CARS, "coupe.txt"))


def other(group: dict[str, str], left_out: str) -> dict[str, str]:
    return {name: text for name, text in group.items() if name != left_out}


def test_similar_returns_the_near_duplicate_first(engine: Engine, tmp_path: Path) -> None:
    for name, text in {**ANIMALS, **CARS}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "tiger-copy.txt").write_text(
        "Tigers are striped predators; these felines roam the Asian jungles alone.", "utf-8"
    )
    engine.indexer().index([str(tmp_path)])
    hits = engine.search.similar(str(tmp_path / "tiger.txt"), k=3)
    names = [Path(h.path).name for h in hits]
    assert names[0] == "tiger-copy.txt"
    assert "tiger.txt" not in names
    assert hits[0].score > 0.95
    with pytest.raises(LookupError):
        engine.search.similar(str(tmp_path / "nope.txt"))


def test_phrase_must_appear(zoo: Engine) -> None:
    assert ranks(zoo, '"spotted big cats"') == ["leopard.txt"]
    assert ranks(zoo, 'animal "big cats that"') == ["leopard.txt"]
    assert ranks(zoo, '"cats spotted"') == []  # same words, not the phrase


def test_syntax_filters_apply(zoo: Engine) -> None:
    assert ranks(zoo, "cat type:md") == []
    assert len(ranks(zoo, "cat type:txt")) == 8
