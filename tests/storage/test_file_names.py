"""The keyword index of file and folder names (``file_fts``, schema 3, analysed since
schema 4): the words of a name, the table kept in step with ``files``, the migration that
fills it, and the queries the search asks of it."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_search.language.analyser import index_text_in
from desktop_search.storage.catalog import CATALOG_FILE, Catalog, encode_path
from desktop_search.storage.catalog_file import CatalogCorruptError
from desktop_search.storage.file_names import name_words, split_run
from desktop_search.storage.name_index import SEEK_COST_IN_ROWS, languages_of
from desktop_search.storage.schema import SCHEMA_VERSION, IndexNeedsUpgradeError, migrate
from desktop_search.storage.store import IndexStore
from tests.storage.sample_index import add_file, open_store

HOME = "/home/ann/Documents"
ODD = f"{HOME}/Menus/caf" + b"\xe9".decode("utf-8", "surrogateescape") + "_menu.txt"
DOCUMENTS = [
    f"{HOME}/Letters/resignation_letter.docx",
    f"{HOME}/Letters/thank_you_note.odt",
    f"{HOME}/Bills/Invoices 2023/january.pdf",
    f"{HOME}/Bills/Invoices 2023/february.pdf",
    f"{HOME}/Bills/Invoices 2023/march-electricity.pdf",
    f"{HOME}/Bills/2022/invoice_plumber.pdf",
    f"{HOME}/Work/CV.pdf",
    f"{HOME}/Work/MyResume2024.pdf",
    f"{HOME}/Work/cover letter draft.txt",
    f"{HOME}/Recipes/lime leaves curry.md",
    ODD,
]


# -- the words of a name ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("run", "parts"),
    [
        ("MyResume2024", ["My", "Resume", "2024"]),
        ("XMLParser", ["XML", "Parser"]),
        ("iPhone12Pro", ["i", "Phone", "12", "Pro"]),
        ("v2", ["v", "2"]),
        ("2023invoices", ["2023", "invoices"]),
        ("CV", ["CV"]),
        ("resume", ["resume"]),
        ("東京タワー2019", ["東京タワー", "2019"]),
    ],
)
def test_a_run_of_letters_and_digits_splits_at_camel_case_and_digits(
    run: str, parts: list[str]
) -> None:
    assert split_run(run) == parts


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/home/ann/Work/MyResume2024.pdf", ("MyResume2024 My Resume 2024 pdf", "home ann Work")),
        ("/d/Letters/resignation_letter.docx", ("resignation letter docx", "d Letters")),
        ("/d/Bills/Invoices 2023/jan.pdf", ("jan pdf", "d Bills Invoices 2023")),
        ("/d/song.mp3", ("song mp3 mp 3", "d")),
        ("/d/archive.tar.gz", ("archive tar gz", "d")),
        ("/d/.bashrc", ("bashrc", "d")),
        ("/d/caf\ufffd-menu.txt", ("caf menu txt", "d")),  # how display_path shows bad bytes
        ("/Cafe\u0301/x", ("x", "Caf\u00e9")),  # decomposed accents are composed
        ("/a-b_c/d", ("d", "a b c")),
        ("/", ("", "")),
    ],
)
def test_name_words_are_the_name_and_the_parent_folders(path: str, words: tuple[str, str]) -> None:
    assert name_words(path) == words


# -- the table follows the files ---------------------------------------------------------


def name_rows(catalog: Catalog) -> dict[int, tuple[str, str]]:
    rows = catalog.conn.execute("SELECT rowid, name, folders FROM file_fts").fetchall()
    return {int(r[0]): (str(r[1]), str(r[2])) for r in rows}


def file_ids(catalog: Catalog) -> set[int]:
    return {int(r[0]) for r in catalog.conn.execute("SELECT id FROM files")}


def analysed_words(path: str, language: str) -> tuple[str, str]:
    languages = languages_of(language)
    name, folders = name_words(path)
    return index_text_in(name, languages), index_text_in(folders, languages)


def assert_in_step(catalog: Catalog) -> None:
    """Exactly one name row per file row, holding that file's words (analysed in the
    script's usual way and in the file's language)."""
    shown = {
        int(i): (str(p), str(lang))
        for i, p, lang in catalog.conn.execute("SELECT id, display_path, language FROM files")
    }
    assert name_rows(catalog) == {i: analysed_words(p, lang) for i, (p, lang) in shown.items()}


def found(catalog: Catalog, terms: list[str], limit: int = 100) -> list[str]:
    """Display paths of the files ``name_matches`` returns, best first."""
    ids = [file_id for file_id, _ in catalog.name_matches(terms, limit)]
    rows = catalog.files_by_ids(ids)
    return [rows[i].display_path for i in ids]


def shown(path: str) -> str:
    return encode_path(path).decode("utf-8", "replace")


def fill(store: IndexStore) -> None:
    for number, path in enumerate(DOCUMENTS):
        add_file(store, path, [f"text of document {number}"], seed=number)


def test_every_added_file_has_its_name_indexed(data_dir: Path) -> None:
    store = open_store(data_dir)
    fill(store)
    store.catalog.mark_pending([f"{HOME}/Travel/packing list.txt", DOCUMENTS[0]])
    store.commit_failure(f"{HOME}/Broken/scan.pdf", "damaged", size=1, mtime_ns=1)
    assert len(name_rows(store.catalog)) == len(DOCUMENTS) + 2
    assert_in_step(store.catalog)
    assert found(store.catalog, ["packing"]) == [f"{HOME}/Travel/packing list.txt"]
    assert found(store.catalog, ["scan"]) == [f"{HOME}/Broken/scan.pdf"]
    store.close()


def test_reindexing_a_file_keeps_one_name_row(data_dir: Path) -> None:
    store = open_store(data_dir)
    fill(store)
    before = name_rows(store.catalog)
    add_file(store, DOCUMENTS[0], ["the letter, rewritten"], seed=99)
    store.catalog.mark_pending(DOCUMENTS[:3])
    store.commit_failure(DOCUMENTS[1], "now unreadable", size=1, mtime_ns=2)
    assert name_rows(store.catalog) == before
    assert found(store.catalog, ["resignation"]) == [DOCUMENTS[0]]
    store.close()


def test_a_removed_file_leaves_the_name_index(data_dir: Path) -> None:
    store = open_store(data_dir)
    fill(store)
    store.remove_files([f"{HOME}/Work/CV.pdf"])
    assert found(store.catalog, ["cv"]) == []
    assert_in_step(store.catalog)
    store.close()


def test_a_removed_folder_leaves_the_name_index(data_dir: Path) -> None:
    store = open_store(data_dir)
    fill(store)
    store.remove_files(store.catalog.paths_under([f"{HOME}/Bills"]))
    assert found(store.catalog, ["invoices", "2023"]) == []
    assert found(store.catalog, ["january"]) == []
    assert_in_step(store.catalog)
    assert len(name_rows(store.catalog)) == len(DOCUMENTS) - 4
    store.close()


def test_a_model_change_keeps_the_names(data_dir: Path) -> None:
    store = open_store(data_dir, model="old")
    fill(store)
    store.close()
    store = open_store(data_dir, model="new")  # chunks dropped, files pending
    assert store.catalog.counts()["chunks"] == 0
    assert_in_step(store.catalog)
    assert found(store.catalog, ["resignation", "letter"])[0] == DOCUMENTS[0]
    store.close()


# -- what the search asks ----------------------------------------------------------------


@pytest.fixture
def documents(data_dir: Path) -> Iterator[Catalog]:
    """The documents' catalog, as a reader (the search) opens it."""
    store = open_store(data_dir)
    fill(store)
    store.close()
    reader = open_store(data_dir, read_only=True)
    yield reader.catalog
    reader.close()


def test_a_file_name_query_finds_that_file_first(documents: Catalog) -> None:
    assert (
        found(documents, ["resignation", "letter"])[0] == f"{HOME}/Letters/resignation_letter.docx"
    )
    assert found(documents, ["cv"]) == [f"{HOME}/Work/CV.pdf"]
    assert found(documents, ["resume", "2024"])[0] == f"{HOME}/Work/MyResume2024.pdf"
    assert found(documents, ["myresume2024"]) == [f"{HOME}/Work/MyResume2024.pdf"]


def test_a_folder_name_query_finds_every_file_of_the_folder_first(documents: Catalog) -> None:
    folder = f"{HOME}/Bills/Invoices 2023/"
    first = found(documents, ["invoices", "2023"])[:3]
    assert sorted(first) == sorted(p for p in DOCUMENTS if p.startswith(folder))


def test_a_word_in_the_name_outweighs_the_same_word_in_the_folders(data_dir: Path) -> None:
    store = open_store(data_dir)
    add_file(store, "/d/Recipes/notes.txt", ["a"], seed=1)
    add_file(store, "/d/Notes/recipes.txt", ["b"], seed=2)
    add_file(store, "/d/Other/things.txt", ["c"], seed=3)
    assert found(store.catalog, ["recipes"]) == ["/d/Notes/recipes.txt", "/d/Recipes/notes.txt"]
    assert found(store.catalog, ["notes"]) == ["/d/Recipes/notes.txt", "/d/Notes/recipes.txt"]
    store.close()


def test_name_matches_keeps_to_the_limit_best_first(documents: Catalog) -> None:
    matches = documents.name_matches(["pdf"], 3)
    assert len(matches) == 3
    scores = [score for _, score in matches]
    assert scores == sorted(scores, reverse=True) and all(s > 0 for s in scores)
    assert documents.name_matches(["pdf"], 0) == []
    assert documents.name_matches([], 10) == []


def test_coverage_says_which_query_words_each_name_holds_with_stemming(
    documents: Catalog,
) -> None:
    ids = {row.display_path: row.id for row in documents.files_by_ids(file_ids(documents)).values()}
    january = ids[f"{HOME}/Bills/Invoices 2023/january.pdf"]
    plumber = ids[f"{HOME}/Bills/2022/invoice_plumber.pdf"]
    letter = ids[f"{HOME}/Letters/resignation_letter.docx"]
    coverage = documents.name_coverage([january, plumber, letter], ["invoice", "2023", "letters"])
    assert coverage == {
        january: {"invoice", "2023"},  # folder "Invoices 2023": "invoice" stems the same
        plumber: {"invoice"},
        letter: {"letters"},  # the folder "Letters" and the name's "letter"
    }
    assert documents.name_coverage([], ["invoice"]) == {}
    assert documents.name_coverage([january], []) == {january: set()}


def test_coverage_of_a_word_most_files_hold_is_the_same_by_seek(data_dir: Path) -> None:
    """A word held by many more files than the ids asked about is looked up id by id; the
    answer is the one a read of its whole doclist gives."""
    store = open_store(data_dir)
    many = [f"/d/Shared Notes/note{n}.txt" for n in range(SEEK_COST_IN_ROWS + 20)]
    other = "/d/Other/note.txt"
    store.catalog.mark_pending([*many, other])
    ids = {
        row.display_path: row.id
        for row in store.catalog.files_by_ids(file_ids(store.catalog)).values()
    }
    terms = ["shared", "notes", "note7", "7", "other"]
    first = ids[many[0]]
    assert store.catalog.name_coverage([first], terms) == {first: {"shared", "notes"}}
    expected = {ids[p]: {"shared", "notes"} for p in many}
    expected[ids[other]] = {"notes", "other"}
    expected[ids["/d/Shared Notes/note7.txt"]] |= {"note7", "7"}
    assert store.catalog.name_coverage(ids.values(), terms) == expected
    store.close()


def test_name_doc_counts_and_file_count_give_the_idf(documents: Catalog) -> None:
    assert documents.file_count() == len(DOCUMENTS)
    counts = documents.name_doc_counts(["invoice", "2023", "cv", "ann", "lasagne"])
    assert counts == {"invoice": 4, "2023": 3, "cv": 1, "ann": len(DOCUMENTS), "lasagne": 0}


@pytest.mark.parametrize(
    "term", ['"', 'a"b', "\x00", "x\x00y", "\ud800", "", "-", "NEAR(", "OR", "*", "^a", "col:x"]
)
def test_any_query_text_is_safe(documents: Catalog, term: str) -> None:
    documents.name_matches([term, "cv"], 10)
    assert set(documents.name_coverage(file_ids(documents), [term])) == file_ids(documents)
    assert set(documents.name_doc_counts([term])) == {term}


def test_a_non_utf8_file_name_is_indexed_as_displayed(documents: Catalog) -> None:
    assert found(documents, ["menu"]) == [shown(ODD)]
    assert found(documents, ["caf"]) == [shown(ODD)]


# -- the migration -----------------------------------------------------------------------


def make_version_2_catalog(data_dir: Path, paths: list[str]) -> None:
    """A catalog as version 2 left it: files rows (one indexed, with a chunk), no names."""
    data_dir.mkdir(parents=True)
    with contextlib.closing(sqlite3.connect(data_dir / CATALOG_FILE)) as conn:
        conn.isolation_level = None
        migrate(conn, up_to=2)
        conn.execute("INSERT INTO meta (key, value) VALUES ('model', 'm/8')")
        for path in paths:
            raw = encode_path(path)
            conn.execute(
                "INSERT INTO files (path, display_path, ext, status) VALUES (?, ?, ?, 'pending')",
                (raw, raw.decode("utf-8", "replace"), Path(path).suffix.lower()),
            )
        conn.execute(
            "UPDATE files SET status = 'indexed', chunk_count = 1, mtime_ns = 1, size = 1 "
            "WHERE id = 1"
        )
        conn.execute(
            "INSERT INTO chunks (file_id, ordinal, start, end, vector) VALUES (1, 0, 0, 4, ?)",
            (bytes(16),),
        )
        conn.execute("INSERT INTO chunk_fts (rowid, title, body) VALUES (1, 't', 'text')")


def test_migration_3_indexes_the_names_of_the_files_already_there(data_dir: Path) -> None:
    make_version_2_catalog(data_dir, DOCUMENTS)
    store = open_store(data_dir)
    catalog = store.catalog
    assert catalog.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 5
    assert_in_step(catalog)
    assert found(catalog, ["invoices", "2023"])[0].startswith(f"{HOME}/Bills/Invoices 2023/")
    assert found(catalog, ["resignation", "letter"])[0] == DOCUMENTS[0]
    assert found(catalog, ["menu"]) == [shown(ODD)]
    assert catalog.counts()["indexed"] == 1 and catalog.chunk_ids() == {1}
    store.remove_files([DOCUMENTS[0]])  # and it is kept in step from then on
    add_file(store, f"{HOME}/Letters/new_letter.txt", ["new"], seed=5)
    assert_in_step(catalog)
    store.close()


def test_a_reader_of_a_version_2_catalog_says_it_needs_an_upgrade(data_dir: Path) -> None:
    make_version_2_catalog(data_dir, DOCUMENTS[:2])
    before = (data_dir / CATALOG_FILE).read_bytes()
    with pytest.raises(
        IndexNeedsUpgradeError, match=f"schema 2, this version uses {SCHEMA_VERSION}"
    ):
        open_store(data_dir, read_only=True)
    assert (data_dir / CATALOG_FILE).read_bytes() == before


def test_a_catalog_without_its_name_index_is_damaged(data_dir: Path) -> None:
    open_store(data_dir).close()
    with contextlib.closing(sqlite3.connect(data_dir / CATALOG_FILE)) as conn:
        conn.execute("DROP TABLE file_fts")
    with pytest.raises(CatalogCorruptError, match="tables missing: file_fts"):
        open_store(data_dir, read_only=True)
