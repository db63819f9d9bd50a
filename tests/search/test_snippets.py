from __future__ import annotations

from desktop_search.search.snippets import make_snippet
from desktop_search.search.terms import fts_match_expression, light_stem, query_terms


def test_short_text_highlights_matching_words() -> None:
    snippet = make_snippet("Cats chase mice. A cat naps.", ["cat"])
    marked = [snippet.text[s:e] for s, e in snippet.highlights]
    assert marked == ["Cats", "cat"]
    assert snippet.offset == 0


def test_long_text_window_holds_the_matches() -> None:
    text = ("filler words " * 60) + "the quarterly revenue grew strongly " + ("more filler " * 60)
    snippet = make_snippet(text, ["revenue", "grew"], width=120)
    assert len(snippet.text) <= 122
    assert "revenue grew" in snippet.text
    assert snippet.text.startswith("\u2026") and snippet.text.endswith("\u2026")
    for start, end in snippet.highlights:
        assert snippet.text[start:end].lower() in {"revenue", "grew"}
    # offset maps the snippet back into the chunk
    inner = snippet.text.strip("\u2026")
    assert text[snippet.offset + 1 : snippet.offset + 1 + len(inner)] == inner


def test_query_terms_drop_stop_words_but_never_everything() -> None:
    assert query_terms("What is the meaning of life?") == ["meaning", "life"]
    assert query_terms("the who") == ["the", "who"]
    assert query_terms("") == []


def test_light_stem() -> None:
    assert light_stem("running") == light_stem("runs") == "runn" or light_stem("runs") == "run"
    assert light_stem("stories") == "story"


def test_fts_expression_is_quoted() -> None:
    assert fts_match_expression(['a"b', "c"]) == '"a""b" OR "c"'
