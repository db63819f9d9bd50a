"""The row budget for BM25: rare terms are kept, the commonest left out on big indexes."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_search.engine import Engine
from desktop_search.search.lexical import (
    LARGE_INDEX,
    LARGE_INDEX_ROW_BUDGET,
    ROW_BUDGET,
    LexicalSearcher,
    QueryWord,
    budget_for,
    plan_terms,
)
from desktop_search.search.service import SearchRequest


@pytest.fixture
def indexed(engine: Engine, tmp_path: Path) -> Engine:
    for i in range(30):
        extra = " The zeppelin landed." if i == 7 else ""
        (tmp_path / f"n{i}.txt").write_text(
            f"Report number {i} about the weather today.{extra}", "utf-8"
        )
    assert not engine.indexer().index([str(tmp_path)]).failed
    return engine


def test_document_counts(indexed: Engine) -> None:
    searcher = LexicalSearcher(indexed.store.catalog)
    counts, total = searcher._doc_counts(["weather", "zeppelin", "qqq"])
    assert counts == {"weather": 30, "zeppelin": 1, "qqq": 0}
    assert total == 30
    capped, _ = LexicalSearcher(indexed.store.catalog, row_budget=5)._doc_counts(["weather"])
    assert capped == {"weather": 6}  # counting stops just past the budget


def test_budget_keeps_rare_terms_and_leaves_out_common_ones(indexed: Engine) -> None:
    searcher = LexicalSearcher(indexed.store.catalog)
    plan = searcher.plan(["weather", "zeppelin", "report"], budget=10)
    assert plan.used == ["zeppelin"]
    assert plan.left_out == ["weather", "report"]
    assert searcher.plan(["landed", "zeppelin"], budget=1000).left_out == []
    assert searcher.plan(["weather"], budget=1).used == ["weather"]  # never nothing


def test_a_long_query_keeps_every_word_on_a_small_index() -> None:
    # 14 words, each in a quarter of a 3,000-chunk index: 10,500 rows to score, which FTS5
    # does in about 15 ms; nothing is gained by leaving words out.
    terms = [f"word{i}" for i in range(14)]
    plan = plan_terms(terms, dict.fromkeys(terms, 750), 3000)
    assert plan.used == terms and plan.left_out == []


def test_words_held_by_most_chunks_are_left_out_unless_alone() -> None:
    plan = plan_terms(["the", "zeppelin"], {"the": 2900, "zeppelin": 3}, 3000)
    assert plan.used == ["zeppelin"] and plan.left_out == ["the"]
    assert plan_terms(["the"], {"the": 2900}, 3000).used == ["the"]


def test_the_budget_engages_only_on_a_large_index() -> None:
    terms = ["rare", "common"]
    plan = plan_terms(terms, {"rare": 40, "common": ROW_BUDGET}, 1_000_000)
    assert plan.used == ["rare"] and plan.left_out == ["common"]
    assert budget_for(3000) == ROW_BUDGET
    assert budget_for(LARGE_INDEX + 1) == LARGE_INDEX_ROW_BUDGET


def test_explain_reports_left_out_terms(indexed: Engine) -> None:
    indexed.search.bm25.row_budget = 10
    response = indexed.search.run(SearchRequest(query="zeppelin weather", mode="lexical"))
    assert response.explain["keyword_terms"] == ["zeppelin"]
    assert response.explain["left_out_common_terms"] == ["weather"]
    assert Path(response.hits[0].path).name == "n7.txt"


def test_two_query_words_of_one_stem_weigh_it_twice(indexed: Engine) -> None:
    searcher = LexicalSearcher(indexed.store.catalog)
    once = dict(searcher.search([QueryWord.plain("landed")], 10).ranked)
    twice = dict(
        searcher.search([QueryWord.plain("landed"), QueryWord.plain("landing")], 10).ranked
    )
    assert set(once) == set(twice) and len(once) == 1
    assert twice[next(iter(once))] > once[next(iter(once))]


def test_the_evidence_counts_the_words_its_best_candidate_holds(indexed: Engine) -> None:
    searcher = LexicalSearcher(indexed.store.catalog)
    words = [QueryWord.plain(w) for w in ("zeppelin", "landed", "weather", "report", "moon")]
    evidence = searcher.search(words, 10).evidence
    assert evidence.words_matched == 4  # n7 holds all but "moon"
    assert 0.0 < evidence.coverage < 1.0
