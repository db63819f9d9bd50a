"""The preview's passage in context: neighbours stitched along their offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_search.engine import Engine
from desktop_search.search.passage import GAP, passage_in_context
from desktop_search.search.service import SearchRequest
from tests import docfactory


@pytest.fixture
def long_file(engine: Engine, tmp_path: Path) -> str:
    sentences = [f"Sentence number {i} talks about ordinary weather." for i in range(400)]
    sentences[120] = "The secret ingredient of the famous stew is smoked paprika."
    path = tmp_path / "long.txt"
    path.write_text(" ".join(sentences), "utf-8")
    docfactory.write_pdf(
        tmp_path / "pages.pdf",
        [
            " ".join(["First page is about gardening and tulips in the spring."] * 40),
            " ".join(["Second page is about sailing boats on a windy lake."] * 40),
        ],
    )
    assert not engine.indexer().index([str(tmp_path)]).failed
    return str(path)


def test_the_match_sits_in_its_context_text_unchanged(engine: Engine, long_file: str) -> None:
    hit = engine.search.run(SearchRequest("secret ingredient stew")).hits[0]
    assert hit.path == long_file
    catalog = engine.store.catalog
    passage = passage_in_context(catalog, long_file, hit.chunk_id, "secret stew")
    original = Path(long_file).read_text("utf-8")
    matched = passage.text[passage.match_start : passage.match_end]
    assert "smoked paprika" in matched
    assert matched in original  # the chunk's own text, at the place reported
    assert len(passage.text) > len(matched)  # with neighbours around it
    assert GAP not in passage.text  # overlapping chunks join without a seam
    assert passage.text in original  # ... and without repeating the overlap
    assert passage.more_before and passage.more_after
    spans = [passage.text[a:b].lower() for a, b in passage.highlights]
    assert "secret" in spans and "stew" in spans


def test_a_pdf_passage_stays_on_its_page(engine: Engine, long_file: str) -> None:
    hit = next(h for h in engine.search.run(SearchRequest("sailing boats")).hits)
    assert hit.path.endswith("pages.pdf")
    passage = passage_in_context(engine.store.catalog, hit.path, hit.chunk_id)
    assert passage.section == hit.section
    assert passage.section.startswith("page ")
    assert "sailing" in passage.text[passage.match_start : passage.match_end]
    # the neighbours shown come from the match's page only: none of another page's
    # chunks is stitched in
    catalog = engine.store.catalog
    row = catalog.file_by_path(hit.path)
    assert row is not None
    chunks = catalog.chunks_by_ids(catalog.chunk_ids_of_file(row.id)).values()
    assert {c.section for c in chunks} == {"page 1", "page 2"}
    for chunk in chunks:
        if chunk.section != passage.section:
            assert chunk.text not in passage.text


def test_unknown_passages_are_lookup_errors(engine: Engine, long_file: str) -> None:
    with pytest.raises(LookupError):
        passage_in_context(engine.store.catalog, "/nowhere.txt", 1)
    with pytest.raises(LookupError):
        passage_in_context(engine.store.catalog, long_file, 10**9)
