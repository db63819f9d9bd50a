from __future__ import annotations

import os

import pytest

from desktop_search.search.filters import Filters, parse_date
from desktop_search.search.query_syntax import (
    QuerySyntaxError,
    contains_phrase,
    merge_filters,
    parse_query,
)


def test_plain_text_is_untouched() -> None:
    parsed = parse_query("  letter to   the landlord ")
    assert parsed.text == "letter to the landlord"
    assert parsed.phrases == [] and not parsed.filters.active()


def test_all_operators() -> None:
    parsed = parse_query(
        'budget type:pdf,docx in:~/Work after:2024-01-01 before:2024-07-01 "cost overrun" 2024'
    )
    assert parsed.text == "budget 2024"
    assert parsed.phrases == ["cost overrun"]
    assert parsed.filters.types == {"pdf", "docx"}
    assert parsed.filters.folders == ["~/Work"]
    assert parsed.filters.after == parse_date("2024-01-01")
    assert parsed.filters.before == parse_date("2024-07-01")
    assert parsed.search_text() == "budget 2024 cost overrun"
    assert parsed.filters.normalised().folders == [os.path.expanduser("~/Work")]


def test_quoted_folder_with_spaces_and_case() -> None:
    parsed = parse_query('IN:"/home/me/My Documents" Type:PDF notes')
    assert parsed.filters.folders == ["/home/me/My Documents"]
    assert parsed.filters.types == {"pdf"}
    assert parsed.text == "notes"


def test_unknown_keys_stay_text() -> None:
    assert parse_query("error: disk full").text == "error: disk full"
    assert parse_query("http://example.org").text == "http://example.org"


def test_bad_date_is_a_clear_error() -> None:
    with pytest.raises(QuerySyntaxError, match="after:soon is not a date"):
        parse_query("report after:soon")


def test_phrase_only_query() -> None:
    parsed = parse_query('"exact words"')
    assert parsed.text == "" and parsed.search_text() == "exact words"


def test_merge_takes_the_narrower_dates() -> None:
    merged = merge_filters(
        Filters(types={"pdf"}, after=10.0, before=100.0),
        Filters(folders=["/a"], after=20.0, before=50.0),
    )
    assert (merged.types, merged.folders, merged.after, merged.before) == (
        {"pdf"},
        ["/a"],
        20.0,
        50.0,
    )


def test_contains_phrase_ignores_case_and_spacing() -> None:
    assert contains_phrase("The Cost\n  Overrun was large", "cost overrun")
    assert not contains_phrase("the cost of an overrun", "cost overrun")


def test_filter_values_and_with_filter_round_trip() -> None:
    from desktop_search.search.query_syntax import filter_values, with_filter

    query = 'budget report type:pdf in:"/tmp/My Docs" after:2024-01-01'
    assert filter_values(query) == {"type": "pdf", "in": "/tmp/My Docs", "after": "2024-01-01"}
    assert with_filter(query, "type", "docx") == (
        'budget report in:"/tmp/My Docs" after:2024-01-01 type:docx'
    )
    assert with_filter(query, "in", None) == "budget report type:pdf after:2024-01-01"
    assert with_filter("notes ext:md", "type", None) == "notes"  # ext: is type:
    assert with_filter("", "in", "/a b") == 'in:"/a b"'
    assert parse_query(with_filter("x", "in", "/a b")).filters.folders == ["/a b"]


@pytest.mark.parametrize("word", ["login:root", "context:menu", "margin:10px", "plugin:x"])
def test_filter_keys_inside_words_stay_searched_text(word: str) -> None:
    parsed = parse_query(f"error {word} today")
    assert not parsed.filters.active()
    assert parsed.text == f"error {word} today"
    assert parsed.search_text() == f"error {word} today"


def test_filter_keys_count_at_the_start_of_a_word_only() -> None:
    from desktop_search.search.query_syntax import filter_values, with_filter

    parsed = parse_query("in:~/Work login:root\ttype:pdf")
    assert parsed.filters.folders == ["~/Work"] and parsed.filters.types == {"pdf"}
    assert parsed.text == "login:root"
    assert filter_values("context:menu margin:10px") == {}
    assert with_filter("context:menu ext:md", "type", None) == "context:menu"
    assert with_filter("margin:10px", "in", "/a") == "margin:10px in:/a"
