"""Search through the real service on a real index: modes, grouping, filters, snippets."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop_search.engine import Engine
from desktop_search.search.filters import Filters, parse_date
from desktop_search.search.service import SearchRequest
from tests import docfactory

DAY = 24 * 3600


@pytest.fixture
def indexed(engine: Engine, tmp_path: Path) -> Engine:
    docs = tmp_path / "docs"
    (docs / "work").mkdir(parents=True)
    (docs / "home").mkdir()
    (docs / "work" / "budget.md").write_text(
        "# Budget\n\nThe annual budget allocates funds to road maintenance and schools.", "utf-8"
    )
    long_report = " ".join(f"Section {i} discusses unrelated logistics matters." for i in range(80))
    (docs / "work" / "report.txt").write_text(
        long_report + " Finally the budget for bridges was approved by the council.", "utf-8"
    )
    docfactory.write_pdf(docs / "home" / "recipes.pdf", ["Slow cooked lentil soup with cumin."])
    old = docs / "home" / "old-notes.txt"
    old.write_text("Notes on the budget of a family holiday in Norway.", "utf-8")
    stamp = parse_date("2020-06-01")
    os.utime(old, (stamp, stamp))
    summary = engine.indexer().index([str(docs)])
    assert not summary.failed
    return engine


def paths(engine: Engine, **kwargs: object) -> list[str]:
    return [Path(h.path).name for h in engine.search.search(SearchRequest(**kwargs))]  # type: ignore[arg-type]


def test_results_are_grouped_by_file(indexed: Engine) -> None:
    names = paths(indexed, query="budget", mode="lexical", k=10)
    assert len(names) == len(set(names)) == 3


def test_best_chunk_is_the_snippet(indexed: Engine) -> None:
    hit = next(
        h
        for h in indexed.search.search(SearchRequest(query="budget bridges council"))
        if h.path.endswith("report.txt")
    )
    assert "bridges" in hit.snippet
    assert any(hit.snippet[s:e] == "budget" for s, e in hit.highlights)


def test_modes(indexed: Engine) -> None:
    assert paths(indexed, query="soup made from legumes", mode="dense", k=1) == ["recipes.pdf"]
    assert paths(indexed, query="soup made from legumes", mode="lexical", k=1) == ["recipes.pdf"]
    assert paths(indexed, query="xylophone", mode="lexical") == []
    assert paths(indexed, query="   ") == []


def test_folder_filter(indexed: Engine, tmp_path: Path) -> None:
    names = paths(indexed, query="budget", filters=Filters(folders=[str(tmp_path / "docs/home")]))
    assert names[0] == "old-notes.txt"
    assert set(names) <= {"old-notes.txt", "recipes.pdf"}


def test_type_filter(indexed: Engine) -> None:
    assert paths(indexed, query="budget", filters=Filters(types={"pdf"})) == ["recipes.pdf"]
    assert set(paths(indexed, query="budget", filters=Filters(types={"md", "txt"}))) == {
        "budget.md",
        "report.txt",
        "old-notes.txt",
    }


def test_date_filters(indexed: Engine) -> None:
    before = paths(indexed, query="budget", filters=Filters(before=parse_date("2021-01-01")))
    assert before == ["old-notes.txt"]  # the only file that old
    after = paths(indexed, query="budget", filters=Filters(after=parse_date("2021-01-01")))
    assert "old-notes.txt" not in after and "budget.md" in after


def test_hit_fields(indexed: Engine) -> None:
    hit = indexed.search.search(SearchRequest(query="lentil soup", k=1))[0]
    data = hit.to_dict()
    assert data["kind"] == "pdf" and data["section"] == "page 1"
    assert data["modified"] and data["size"] and data["score"] > 0
    assert data["match"] == "strong"
