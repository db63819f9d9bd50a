from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from tokenizers import Tokenizer

from desktop_search.chunking.chunker import Chunker, embedding_text
from desktop_search.config.paths import default_model_dir
from desktop_search.extract.base import Extracted, Section

SCIFACT = Path(__file__).resolve().parents[3] / "shared" / "data" / "scifact" / "corpus.jsonl"
TOKENIZER = default_model_dir() / "tokenizer.json"


@pytest.fixture(scope="module")
def chunker() -> Chunker:
    return Chunker(Tokenizer.from_file(str(TOKENIZER)), chunk_tokens=60, overlap_tokens=20)


def long_text() -> str:
    sentences = [
        f"Sentence number {i} talks about topic {i % 7} in some detail." for i in range(80)
    ]
    return " ".join(sentences)


def test_offsets_point_at_the_chunk_text(chunker: Chunker) -> None:
    text = long_text()
    for chunk in chunker.chunk(Extracted(text=text, kind="text")):
        assert text[chunk.start : chunk.end] == chunk.text


def test_chunks_fit_the_budget_and_cover_the_text(chunker: Chunker) -> None:
    text = long_text()
    chunks = chunker.chunk(Extracted(text=text, kind="text"))
    assert len(chunks) > 5
    for chunk in chunks:
        assert len(chunker.tokenizer.encode(chunk.text, add_special_tokens=False).ids) <= 60 + 2
    covered: set[int] = set()
    for chunk in chunks:
        covered.update(range(chunk.start, chunk.end))
    non_space = {i for i, ch in enumerate(text) if not ch.isspace()}
    assert non_space <= covered


def test_consecutive_chunks_overlap(chunker: Chunker) -> None:
    chunks = chunker.chunk(Extracted(text=long_text(), kind="text"))
    for first, second in itertools.pairwise(chunks):
        assert second.start < first.end, "no overlap between consecutive chunks"
        assert second.start > first.start, "chunking must move forward"


def test_overlong_sentence_is_split_at_token_boundaries(chunker: Chunker) -> None:
    text = " ".join(f"w{i}" for i in range(500))
    chunks = chunker.chunk(Extracted(text=text, kind="text"))
    assert len(chunks) >= 8
    assert all(c.tokens <= 60 for c in chunks)
    assert all(text[c.start : c.end] == c.text for c in chunks)


def test_section_label_is_carried(chunker: Chunker) -> None:
    first = "Intro words. " * 30
    text = first + "Body words. " * 30
    extracted = Extracted(
        text=text, kind="pdf", sections=[Section(0, "page 1"), Section(len(first), "page 2")]
    )
    chunks = chunker.chunk(extracted)
    assert chunks[0].section == "page 1"
    assert chunks[-1].section == "page 2"


def test_real_abstract_with_default_size() -> None:
    chunker = Chunker(Tokenizer.from_file(str(TOKENIZER)), chunk_tokens=220, overlap_tokens=48)
    with SCIFACT.open(encoding="utf-8") as fh:
        doc = json.loads(fh.readline())
    chunks = chunker.chunk(Extracted(text=doc["text"], kind="text"))
    assert 1 <= len(chunks) <= 4
    assert chunks[0].text.startswith(doc["text"][:40])


def test_embedding_text_puts_title_and_heading_first(chunker: Chunker) -> None:
    text = "Some words about cats. " * 3
    chunk = chunker.chunk(Extracted(text=text, kind="text", sections=[Section(0, "Pets")]))[0]
    assert embedding_text("notes.md", chunk).startswith("notes.md \u2014 Pets\n")


def test_embedding_text_does_not_repeat_a_title_the_text_opens_with(chunker: Chunker) -> None:
    text = "# Cats\n\nSome words about cats."
    chunk = chunker.chunk(Extracted(text=text, kind="text", sections=[Section(0, "Cats")]))[0]
    assert embedding_text("Cats", chunk) == chunk.text


def test_rejects_overlap_not_smaller_than_chunk() -> None:
    with pytest.raises(ValueError):
        Chunker(Tokenizer.from_file(str(TOKENIZER)), chunk_tokens=10, overlap_tokens=10)


def test_repeated_chunks_are_dropped(chunker: Chunker) -> None:
    text = "glacier " * 2000 + "\n\nA closing sentence about something else entirely."
    chunks = chunker.chunk(Extracted(text=text, kind="text"))
    assert len(chunks) <= 3
    assert [c.ordinal for c in chunks] == list(range(len(chunks)))
    assert "closing sentence" in chunks[-1].text


def test_no_chunk_crosses_into_another_file_or_message(chunker: Chunker) -> None:
    from desktop_search.extract.base import TextBuilder

    builder = TextBuilder()
    for name, words in (("a.txt", "apple "), ("b.txt", "banana "), ("c.txt", "cherry ")):
        member = Extracted(text=(words * 4).strip() + ".", kind="text")
        builder.nest(name, member, " > ")
    builder.section("page 9")  # an ordinary section: chunks may still run on over it
    builder.block("Plain words after the members.")
    extracted = Extracted(text=builder.text(), kind="archive", sections=builder.sections)
    chunks = chunker.chunk(extracted)
    assert [c.section for c in chunks] == ["a.txt", "b.txt", "c.txt"]
    assert [c.text.split()[0] for c in chunks] == ["apple", "banana", "cherry"]
    assert "Plain words" in chunks[-1].text  # small, so it stays with the last member
