"""The snippet checks of the multilingual benchmark find what they name, on snippets cut by
the product's own make_snippet and located through a search hit's offsets."""

from __future__ import annotations

from benchmarks.folder_quality import ELLIPSIS, TopPassage, top_passage
from benchmarks.snippet_faults import faults
from desktop_search.search.service import SearchHit
from desktop_search.search.snippets import make_snippet

CHUNK_START = 1000  # where the chunk starts in its file


def _top(chunk: str, terms: list[str]) -> TopPassage:
    """The first result's passage as the benchmark sees it: from a hit's offsets."""
    snippet = make_snippet(chunk, terms)
    hit = SearchHit(
        path="/x",
        display_path="/x",
        title="",
        kind="txt",
        score=1.0,
        snippet=snippet.text,
        highlights=snippet.highlights,
        section="",
        chunk_id=1,
        chunk_start=CHUNK_START + snippet.offset,
        chunk_end=CHUNK_START + len(chunk),
        size=None,
        modified=None,
    )
    return top_passage(hit, CHUNK_START, chunk)


def test_the_passage_is_located_in_its_chunk() -> None:
    chunk = " ".join(f"word{i}" for i in range(200)) + " needle " + "tail " * 100
    top = _top(chunk, ["needle"])
    assert top.clipped_start and top.clipped_end
    assert top.snippet == ELLIPSIS + top.body + ELLIPSIS
    assert chunk[top.start : top.end] == top.body
    assert top.highlights == 1


def test_a_short_chunk_is_shown_whole_without_faults() -> None:
    top = _top("电费账单本期电费合计298.38元。", ["电费"])
    assert not top.clipped_start and not top.clipped_end
    assert top.body == top.chunk_text and faults(top) == []


def test_a_cut_at_a_space_is_no_fault() -> None:
    chunk = "Sehr geehrte Frau Lehmann, " + "hiermit kündigen wir die Wohnung. " * 20
    assert faults(_top(chunk, ["wohnung"])) == []


def test_a_cut_between_two_ideographs_is_no_break() -> None:
    chunk = "甲" * 400  # no space, no punctuation: nowhere to break
    top = _top(chunk, [])
    assert top.clipped_end
    assert faults(top) == ["no_break"]


def test_a_cut_that_strips_a_vowel_sign_from_its_letter_is_mid_character() -> None:
    chunk = "\u0643\u064e" * 400  # kaf + fatha, repeated: every other code point a mark
    top = TopPassage(ELLIPSIS + chunk[301:500] + ELLIPSIS, chunk, 301)
    assert top.body.startswith("\u064e")
    assert "mid_character" in faults(top)


def test_an_empty_snippet_and_lost_text_are_named() -> None:
    assert faults(TopPassage("", "", 0)) == ["empty"]
    assert faults(TopPassage("caf\ufffd au lait", "caf\ufffd au lait", 0)) == [
        "replacement_character"
    ]
