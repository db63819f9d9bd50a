"""The declared RPC parameters: what each method accepts, and the reasons for what it refuses."""

from __future__ import annotations

from typing import Any

import pytest

from desktop_search.daemon.api import (
    MAX_K,
    METHODS,
    InvalidParamsError,
    ReindexParams,
    SearchParams,
    parse_params,
)


def test_every_method_declares_its_parameters() -> None:
    assert {"search", "status", "reindex", "index", "set_settings", "subscribe"} <= set(METHODS)


def test_good_search_parameters_become_a_typed_request() -> None:
    params = parse_params("search", {"query": "tax return", "k": 5, "types": ["pdf"]})
    assert isinstance(params, SearchParams)
    assert (params.query, params.k, params.types, params.mode) == (
        "tax return",
        5,
        ["pdf"],
        "hybrid",
    )
    assert parse_params("status", None) == parse_params("status", {})


@pytest.mark.parametrize(
    ("method", "params", "reason"),
    [
        ("search", {"query": "x", "k": "10"}, "Expected `int`, got `str`"),
        ("search", {"query": "x", "k": None}, "Expected `int`, got `null`"),
        ("search", {"query": "x", "k": 10**12}, f"<= {MAX_K}"),
        ("search", {"query": "x", "k": 0}, ">= 1"),
        ("search", {"query": "x", "k": True}, "Expected `int`, got `bool`"),
        ("search", {"query": "x", "nonsense": 1}, "unknown field `nonsense`"),
        ("search", {"k": 3}, "missing required field `query`"),
        ("search", {"query": 'a "phrase\x00with nul"'}, "NUL"),
        ("search", {"query": "lone \ud800 surrogate"}, "not valid Unicode"),
        ("search", {"query": "x", "folders": "/home"}, "Expected `array`, got `str`"),
        ("reindex", {"paths": "/"}, "Expected `array | null`, got `str`"),
        ("similar", {"path": ["a"]}, "Expected `str`, got `array`"),
        ("passage", {"path": "/a", "chunk_id": -1}, ">= 0"),
        ("set_settings", {"changes": []}, "Expected `object`, got `array`"),
        ("ping", {"extra": 1}, "unknown field `extra`"),
        ("status", [], "'params' must be an object"),
    ],
)
def test_bad_parameters_are_refused_with_a_reason(method: str, params: Any, reason: str) -> None:
    with pytest.raises(InvalidParamsError, match=None) as refused:
        parse_params(method, params)
    assert reason in str(refused.value)


def test_reindex_takes_a_list_or_nothing() -> None:
    assert parse_params("reindex", {}) == ReindexParams(paths=None)
    assert parse_params("reindex", {"paths": ["/a"]}) == ReindexParams(paths=["/a"])
