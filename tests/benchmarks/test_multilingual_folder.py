# ruff: noqa: RUF001  (text in many scripts, on purpose)
"""The multilingual collection keeps its contract: languages, sizes and formats, judged
files that exist and extract whole, same-language paraphrases and cross-language queries
that really share no content word with their file, and traps that really share one with a
distractor. Cheap: no model, no index."""

from __future__ import annotations

import re
import sqlite3
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.folder_collection import JudgedQuery, document_text
from benchmarks.language_words import cjk_words, content_words
from benchmarks.multilingual_documents import DOCUMENTS, LANGUAGES
from benchmarks.multilingual_folder import (
    KINDS,
    LANGUAGE_OF,
    QUERIES,
    build,
    shared_words,
    twins_of,
)
from desktop_search.extract.guard import read_and_extract

MAIN_LANGUAGES = ("en", "de", "fr", "es", "ru", "ar", "zh", "ja")
PATHS = {document.path for document in DOCUMENTS}
DISJOINT = [query for query in QUERIES if query.disjoint]


def _target(query: JudgedQuery) -> str:
    return LANGUAGE_OF[query.relevant[0]]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("multilingual") / "Documents"
    build(folder)
    return folder


def test_documents_per_language_and_format() -> None:
    assert len(DOCUMENTS) >= 88 and len(PATHS) == len(DOCUMENTS)
    per_language = Counter(document.language for document in DOCUMENTS)
    assert set(per_language) == set(LANGUAGES)
    for language in MAIN_LANGUAGES:
        assert per_language[language] >= 9, (language, per_language)
    formats = Counter(Path(path).suffix for path in PATHS)
    assert {".txt", ".md", ".docx", ".odt", ".html", ".pdf"} <= set(formats), formats
    assert all("/" in path for path in PATHS), "every file sits in a sub-folder"
    native = [path for path in PATHS if not path.isascii()]
    assert len(native) >= 10
    for script in ("[а-яА-Я]", "[\u0600-\u06ff]", "[\u4e00-\u9fff]", "[äöüéèñíú]"):
        assert any(re.search(script, path) for path in native), script


def test_only_english_is_written_as_pdf() -> None:
    """docfactory's PDF writer holds Latin-1 only, and garbles accents: see the documents'
    module docstring."""
    for document in DOCUMENTS:
        if document.path.endswith(".pdf"):
            assert document.language == "en" and document_text(document).isascii()


def test_queries_per_kind_and_language() -> None:
    assert len(QUERIES) >= 72
    assert len({query.text for query in QUERIES}) == len(QUERIES)
    kinds = Counter(query.kind for query in QUERIES)
    assert set(kinds) == set(KINDS)
    assert kinds["same_language"] >= 30 and kinds["cross_language"] >= 30
    same = Counter(q.language for q in QUERIES if q.kind == "same_language")
    cross_from = Counter(q.language for q in QUERIES if q.kind == "cross_language")
    cross_to = Counter(_target(q) for q in QUERIES if q.kind == "cross_language")
    for language in MAIN_LANGUAGES:
        assert same[language] >= 3, (language, same)
        assert cross_from[language] >= 1, (language, cross_from)
        assert cross_to[language] >= 1, (language, cross_to)
    assert sum(bool(query.distractors) for query in QUERIES) >= 8


def test_kind_follows_the_languages_of_query_and_file() -> None:
    for query in QUERIES:
        assert query.language in LANGUAGES, query.text
        assert len({LANGUAGE_OF[path] for path in query.relevant}) == 1, query.text
        same = query.language == _target(query)
        assert query.kind == ("same_language" if same else "cross_language"), query.text


def test_every_judged_file_is_part_of_the_collection() -> None:
    for query in QUERIES:
        assert query.relevant, query.text
        assert set(query.relevant) <= PATHS, query.text
        assert set(query.distractors) <= PATHS, query.text
        assert set(query.twins) <= PATHS, query.text
        assert not set(query.relevant) & set(query.distractors), query.text
        assert not set(query.relevant) & set(query.twins), query.text


def test_twins_are_on_the_topic_in_other_languages() -> None:
    rent = twins_of(["Wohnung/Mietvertrag-Leipzig-Gohlis.docx"])
    assert "Vivienda/contrato-arrendamiento-valencia.docx" in rent
    assert "住房/房屋租赁合同-杭州.docx" in rent
    assert not [path for path in rent if LANGUAGE_OF[path] == "de"]
    assert twins_of(["مالية/كشف-حساب-بنكي-آذار.odt"]) == ()
    assert sum(bool(query.twins) for query in QUERIES) >= len(QUERIES) * 3 // 4


def test_build_writes_every_file_and_its_whole_text_extracts(folder: Path) -> None:
    written = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert written == PATHS
    for document in DOCUMENTS:
        extracted = read_and_extract(folder / document.path, 10 * 1024 * 1024)
        text = " ".join(extracted.text.split())
        for paragraph in document.paragraphs:
            assert " ".join(paragraph.split()) in text, (document.path, paragraph[:40])


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
    (tmp_path / "Briefe").mkdir()
    (tmp_path / "Briefe" / "meins.txt").write_text("ein eigener Brief", encoding="utf-8")
    with pytest.raises(ValueError, match="not part of the collection"):
        build(tmp_path)
    assert (tmp_path / "Briefe" / "meins.txt").read_text(encoding="utf-8") == "ein eigener Brief"


def test_content_words_stem_and_fold_alphabetic_languages() -> None:
    assert content_words("die Wohnungen", "de") == content_words("der Wohnung", "de")
    assert content_words("Kündigung", "de") == content_words("kundigung", "de")
    assert content_words("la facturación", "es") == content_words("factura", "es")
    assert content_words("квартиры", "ru") == content_words("квартира", "ru")
    assert content_words("الشقة", "ar") == content_words("شقه", "ar")  # article, ta marbuta
    assert content_words("the letters of 2024", "en") == {"letter", "2024"}


def test_content_words_of_cjk_are_bigrams_of_runs() -> None:
    assert cjk_words("电费账单") == {"电费", "费账", "账单"}
    assert content_words("我们的电费", "zh") == {"电费"}  # a function bigram, a particle
    # Japanese: kanji and katakana runs apart, hiragana dropped, a lone kanji kept
    assert content_words("京都の旅館を予約した", "ja") == {"京都", "旅館", "予約"}
    assert content_words("薬を飲む", "ja") == {"薬", "飲"}
    assert content_words("マッシュポテト", "ja") == {"マッ", "ッシ", "シュ", "ュポ", "ポテ", "テト"}
    assert content_words("전세 계약서", "ko") == {"전세", "계약", "약서"}
    assert content_words("PM2.5 APP", "zh") == {"pm2", "5", "app"}


@pytest.mark.parametrize("query", DISJOINT, ids=lambda q: q.text)
def test_disjoint_query_shares_no_content_word_with_its_file(query: JudgedQuery) -> None:
    for path in query.relevant:
        assert shared_words(query.text, query.language, path) == set(), path


def test_disjoint_queries_match_nothing_relevant_in_fts5() -> None:
    """Independent of the stemmers and bigrams above: FTS5's porter tokenizer (as the
    keyword index has used) for every word of a query, and FTS5's trigram tokenizer for
    every three characters of a CJK run."""
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE VIRTUAL TABLE words USING fts5(path, body, "
        "tokenize='porter unicode61 remove_diacritics 2')"
    )
    db.execute("CREATE VIRTUAL TABLE grams USING fts5(path, body, tokenize='trigram')")
    rows = [(d.path, document_text(d)) for d in DOCUMENTS]
    db.executemany("INSERT INTO words VALUES (?, ?)", rows)
    db.executemany("INSERT INTO grams VALUES (?, ?)", rows)
    cjk_run = re.compile(r"[\u3400-\u9fff\u30a0-\u30ff\uac00-\ud7af]{3,}")
    for query in DISJOINT:
        for word in re.findall(r"[^\W_]+", query.text):
            if not content_words(word, query.language) or cjk_words(word):
                continue  # a stop word; CJK runs are checked by trigrams below
            found = db.execute("SELECT path FROM words WHERE words MATCH ?", (f'"{word}"',))
            assert not {row[0] for row in found} & set(query.relevant), (query.text, word)
        for run in cjk_run.findall(query.text):
            for i in range(len(run) - 2):
                found = db.execute(
                    "SELECT path FROM grams WHERE grams MATCH ?", (f'"{run[i : i + 3]}"',)
                )
                assert not {row[0] for row in found} & set(query.relevant), (query.text, run)


def test_every_distractor_shares_a_word_with_its_query() -> None:
    for query in QUERIES:
        for path in query.distractors:
            assert shared_words(query.text, query.language, path), (query.text, path)


def test_traps_across_scripts_are_in_the_collection() -> None:
    by_text = {query.text: query for query in QUERIES}
    fridge = by_text["冰箱说明书"]  # "fridge manual" shares 说明书 with the purifier's manual
    assert shared_words(fridge.text, "zh", "说明书/空气净化器使用说明.odt") == {"说明", "明书"}
    train = by_text["train tickets to Hamburg"]  # "train" is a French word too
    assert shared_words(train.text, "en", "Courrier/lettre-à-mamie.txt") == {"train"}
