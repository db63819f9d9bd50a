"""The words PRF is shown to have "also searched": shared by the feedback passages, rare
in the collection, never the query's own words."""

from __future__ import annotations

from pathlib import Path

from desktop_search.engine import Engine
from desktop_search.search.service import SearchRequest
from tests.qt.harness import CATS


def test_expansion_terms_come_from_the_feedback_passages(engine: Engine, tmp_path: Path) -> None:
    for number, text in enumerate(CATS, 1):
        (tmp_path / f"cats{number}.txt").write_text(text, "utf-8")
    (tmp_path / "sauce.txt").write_text("Tomato sauce with garlic and basil.", "utf-8")
    (tmp_path / "cars.txt").write_text("Cars need new tyres and brakes every few years.", "utf-8")
    assert not engine.indexer().index([str(tmp_path)]).failed

    response = engine.search.run(SearchRequest("cats", describe_expansion=True))
    terms = response.explain["expansion_terms"]
    assert terms
    assert "cats" not in terms and "cat" not in terms
    assert set(terms) & {"kitten", "whiskers", "purring", "feline", "felines"}
    assert not set(terms) & {"tomato", "tyres"}

    plain = engine.search.run(SearchRequest("cats"))
    assert "expansion_terms" not in plain.explain  # only computed when asked for
