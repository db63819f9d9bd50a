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


def test_a_result_from_inside_a_file_is_named_after_both() -> None:
    from desktop_search.daemon.api import result_name
    from desktop_search.extract.members import SEPARATOR as SEP

    member = {"path": "/h/backup.zip", "kind": "archive", "section": f"garage/plan.docx{SEP}page 2"}
    assert result_name(member) == (f"backup.zip{SEP}garage/plan.docx", "page 2")
    attachment = {"path": "/h/dentist.eml", "kind": "mail", "section": "invoice.pdf"}
    assert result_name(attachment) == (f"dentist.eml{SEP}invoice.pdf", "")
    body = {"path": "/h/dentist.eml", "kind": "mail", "section": ""}
    assert result_name(body) == ("dentist.eml", "")
    page = {"path": "/h/report.pdf", "kind": "pdf", "section": "page 2"}
    assert result_name(page) == ("report.pdf", "page 2")
