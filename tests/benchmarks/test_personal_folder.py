"""The personal-folder collection keeps its contract: size, formats, judged files that exist,
paraphrases that really share no content word with their file, and traps that really share
one with a distractor. Cheap: no model, no index."""

from __future__ import annotations

import sqlite3
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.personal_documents import DOCUMENTS
from benchmarks.personal_folder import (
    KINDS,
    QUERIES,
    JudgedQuery,
    build,
    content_tokens,
    content_words,
    crude_stem,
    document_text,
    shared_words,
)
from desktop_search.extract.guard import read_and_extract

PATHS = {document.path for document in DOCUMENTS}
DISJOINT = [query for query in QUERIES if query.disjoint]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("personal") / "Documents"
    build(folder)
    return folder


def test_collection_size_formats_and_kinds() -> None:
    assert len(DOCUMENTS) >= 60 and len(PATHS) == len(DOCUMENTS)
    formats = Counter(Path(path).suffix for path in PATHS)
    assert len(formats) >= 8, formats
    assert all("/" in path for path in PATHS), "every file sits in a sub-folder"
    assert len(QUERIES) >= 50
    assert len({query.text for query in QUERIES}) == len(QUERIES)
    kinds = Counter(query.kind for query in QUERIES)
    assert set(kinds) == set(KINDS)
    assert len([q for q in DISJOINT if q.kind == "paraphrase"]) >= 30


def test_every_judged_file_is_part_of_the_collection() -> None:
    for query in QUERIES:
        assert query.relevant, query.text
        assert set(query.relevant) <= PATHS, query.text
        assert set(query.distractors) <= PATHS, query.text
        assert not set(query.relevant) & set(query.distractors), query.text


def test_build_writes_every_file_in_its_real_format(folder: Path) -> None:
    written = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert written == PATHS
    for document in DOCUMENTS:
        extracted = read_and_extract(folder / document.path, 10 * 1024 * 1024)
        text = " ".join(extracted.text.split())
        opening = " ".join(document.paragraphs[0].split()[:6])
        assert opening in text, (document.path, opening, text[:200])


def test_build_is_deterministic(folder: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    build(again)
    for path in PATHS:
        first, second = folder / path, again / path
        if zipfile.is_zipfile(first):  # containers carry the time they were written
            with zipfile.ZipFile(first) as a, zipfile.ZipFile(second) as b:
                assert a.namelist() == b.namelist()
                assert all(a.read(name) == b.read(name) for name in a.namelist()), path
        else:
            assert first.read_bytes() == second.read_bytes(), path


def test_build_refuses_a_folder_holding_other_files(tmp_path: Path) -> None:
    (tmp_path / "Letters").mkdir()
    (tmp_path / "Letters" / "mine.txt").write_text("a letter of my own", encoding="utf-8")
    with pytest.raises(ValueError, match="not part of the collection"):
        build(tmp_path)
    assert (tmp_path / "Letters" / "mine.txt").read_text(encoding="utf-8") == "a letter of my own"


def test_crude_stemming_joins_the_forms_of_a_word() -> None:
    assert {crude_stem(w) for w in ("leaving", "leaves", "leave")} == {"leav"}
    assert crude_stem("glasses") == crude_stem("glass")
    assert crude_stem("getting") == crude_stem("get")
    assert crude_stem("copies") == "copy"
    assert content_words("I'm leaving the company") == {"leav", "company"}


@pytest.mark.parametrize("query", DISJOINT, ids=lambda q: q.text)
def test_disjoint_query_shares_no_content_word_with_its_file(query: JudgedQuery) -> None:
    for path in query.relevant:
        assert shared_words(query.text, path) == set(), path


def test_disjoint_queries_match_nothing_relevant_under_porter_stemming() -> None:
    """A second, independent stemmer: FTS5's porter tokenizer, as the catalog uses."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(path, body, tokenize='porter unicode61')")
    db.executemany("INSERT INTO t VALUES (?, ?)", [(d.path, document_text(d)) for d in DOCUMENTS])
    for query in DISJOINT:
        for token in content_tokens(query.text):
            rows = db.execute("SELECT path FROM t WHERE t MATCH ?", (f'"{token}"',))
            assert not {row[0] for row in rows} & set(query.relevant), (query.text, token)


def test_every_distractor_shares_a_word_with_its_query() -> None:
    for query in QUERIES:
        for path in query.distractors:
            assert shared_words(query.text, path), (query.text, path)


def test_the_traps_of_the_issue_are_in_the_collection() -> None:
    by_text = {query.text: query for query in QUERIES}
    leaving = by_text["telling my boss I'm leaving the company"]
    assert "Recipes/thai-green-curry.txt" in leaving.distractors
    assert shared_words(leaving.text, "Recipes/thai-green-curry.txt") == {"leav"}
    vacation = by_text["what to bring on vacation"]
    assert "Letters/thank-you-aunt-rosa.txt" in vacation.distractors
    assert shared_words(vacation.text, "Letters/thank-you-aunt-rosa.txt") == {"bring"}
