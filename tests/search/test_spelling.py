"""Misspelt query words corrected from a real index's own vocabulary."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_search.config.settings import Settings
from desktop_search.engine import Engine
from desktop_search.search.spelling import Corrections, SpellingCorrector
from desktop_search.search.terms import fts_match_expression, query_terms
from desktop_search.storage.catalog import Catalog

FILES = {
    "lasagna.md": "# Tom's lasagna\n\nA recipe for a lasagna with ricotta and basil.",
    "passport.txt": "Passport renewal: send the form, two photos and the old passport.",
    "banana-bread.md": "Banana bread: mash three ripe bananas into the batter and bake.",
    "bed-frame.txt": "Assembly of the bed frame: the bed needs the eight screws in the box.",
    "hotel.txt": "The hotel room had a double bed and a view of the harbour.",
    "camping.txt": "We slept on a camp bed beside the lake.",
    "dishwasher.txt": "Dishwasher manual: load the lower rack with plates.",
    "dessert.txt": "Crème brûlée for six: cream, vanilla, egg yolks and sugar.",
    "history.txt": "In the past, ships carried spices across the ocean.",
    "bills.txt": "Electricity bill 2024: 120 kWh, reference covid19, total 54 euros.",
    "fibonacci.py": "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)",
}


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    root = tmp_path_factory.mktemp("spelling")
    docs = root / "docs"
    docs.mkdir()
    for name, text in FILES.items():
        (docs / name).write_text(text, encoding="utf-8")
    with Engine(root / "data", settings=Settings(encoder_threads=1)) as engine:
        assert not engine.indexer().index([str(docs)]).failed
        yield engine


@pytest.fixture(scope="module")
def speller(indexed: Engine) -> SpellingCorrector:
    return SpellingCorrector(indexed.store.catalog)


def correct(speller: SpellingCorrector, query: str) -> Corrections:
    return speller.correct(query_terms(query))


def first_file(engine: Engine, terms: list[str]) -> str:
    """The file of the best BM25 chunk for ``terms`` (FTS5 OR of the quoted words)."""
    catalog = engine.store.catalog
    ranked = catalog.bm25(fts_match_expression(terms), 5)
    file_id = catalog.chunk_files([ranked[0][0]])[ranked[0][0]]
    return Path(catalog.files_by_ids([file_id])[file_id].path).name


def test_misspelt_words_become_the_index_words_and_find_the_file(
    indexed: Engine, speller: SpellingCorrector
) -> None:
    corrections = correct(speller, "lasgna recpie")
    assert corrections.replaced == {"lasgna": "lasagna", "recpie": "recipe"}
    assert [c.term for c in corrections.corrections] == ["lasagna", "recip"]
    assert corrections.keyword_terms() == ["lasgna", "lasagna", "recpie", "recipe"]
    assert corrections.text("Lasgna RECPIE, please") == "Lasagna RECIPE, please"
    assert first_file(indexed, corrections.keyword_terms()) == "lasagna.md"


def test_swapped_letters_are_corrected(speller: SpellingCorrector) -> None:
    assert correct(speller, "pasport recpie").replaced == {
        "pasport": "passport",
        "recpie": "recipe",
    }
    assert correct(speller, "apssport").replaced == {"apssport": "passport"}  # first pair


def test_a_typo_in_a_suffix_is_corrected(speller: SpellingCorrector) -> None:
    # The stems "renewel" and "renew" are two edits apart; the words one.
    assert correct(speller, "passport renewel").replaced == {"renewel": "renewal"}


def test_words_the_index_holds_are_left_alone(speller: SpellingCorrector) -> None:
    for query in ("lasagna recipes", "Passport", "DISHWASHER manuals", "creme brulee"):
        corrections = correct(speller, query)
        assert corrections.corrections == ()
        assert corrections.text(query) == query
        assert corrections.keyword_terms() == query_terms(query)


def test_a_query_without_typos_reads_no_term_list(indexed: Engine) -> None:
    speller = SpellingCorrector(indexed.store.catalog)
    correct(speller, "lasagna recipe bananas 2024 bed")
    assert speller._terms._lists == {}  # one lookup per word, no vocabulary range read
    correct(speller, "lasgna")
    assert list(speller._terms._lists) == ["l", "al"]


def test_a_word_with_no_near_term_stays(speller: SpellingCorrector) -> None:
    corrections = correct(speller, "zeppelin lasagna")
    assert corrections.replaced == {}
    assert corrections.keyword_terms() == ["zeppelin", "lasagna"]


def test_a_made_up_word_with_an_index_stem_is_no_correction(speller: SpellingCorrector) -> None:
    # "boxs", one edit from "boss", stems to "box"; but "box" is two edits from "boss".
    assert correct(speller, "boss").replaced == {}


def test_numbers_short_words_and_codes_stay(speller: SpellingCorrector) -> None:
    # "bil" is a letter from "bill", "2025" a digit from "2024", "covid18" from "covid19".
    corrections = speller.correct(["bil", "2025", "covid18", "kwh2", "bed_", "½", "ラザニア"])
    assert corrections.replaced == {}


def test_diacritics_of_the_text_are_kept(indexed: Engine, speller: SpellingCorrector) -> None:
    corrections = correct(speller, "creme brullee")
    assert corrections.replaced == {"brullee": "brûlée"}
    assert first_file(indexed, corrections.keyword_terms()) == "dessert.txt"


def test_the_other_words_choose_among_candidates(speller: SpellingCorrector) -> None:
    # "bed" is held by more chunks than "bread"; beside "banana" the word meant is "bread".
    assert correct(speller, "bred").replaced == {"bred": "bed"}
    assert correct(speller, "bananna bred").replaced == {"bananna": "banana", "bred": "bread"}
    assert correct(speller, "banana bred").replaced == {"bred": "bread"}


def test_query_syntax_in_the_words_is_harmless(indexed: Engine, speller: SpellingCorrector) -> None:
    query = 'lasgna" OR NEAR(recpie, 2) title:* -"bed" AND ^'
    corrections = correct(speller, query)
    assert corrections.replaced == {"lasgna": "lasagna", "recpie": "recipe"}
    assert first_file(indexed, corrections.keyword_terms()) == "lasagna.md"
    assert corrections.text(query) == 'lasagna" OR NEAR(recipe, 2) title:* -"bed" AND ^'
    odd = speller.correct(['"', "*", "near", "NEAR", "title:lasgna", 'las"gna', "", "a b"])
    assert odd.replaced == {}


def test_words_known_to_be_words_are_never_corrected(indexed: Engine) -> None:
    catalog = indexed.store.catalog
    assert correct(SpellingCorrector(catalog), "pasta ships").replaced == {"pasta": "past"}
    words = {w for w in indexed.encoder.tokenizer.get_vocab() if w.isalpha()}
    speller = SpellingCorrector(catalog, words=words)
    assert correct(speller, "pasta ships").replaced == {}
    assert correct(speller, "lasgna").replaced == {"lasgna": "lasagna"}


def test_read_only_catalog_from_several_threads(indexed: Engine) -> None:
    catalog = Catalog(indexed.store.data_dir, read_only=True)
    speller = SpellingCorrector(catalog)
    results: list[dict[str, str]] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            results.append(correct(speller, "lasgna recpie").replaced)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    catalog.close()
    assert errors == []
    assert results == [{"lasgna": "lasagna", "recpie": "recipe"}] * 4


def test_an_empty_index_corrects_nothing(tmp_path: Path) -> None:
    catalog = Catalog(tmp_path / "nothing", read_only=True)
    assert SpellingCorrector(catalog).correct(["lasgna", "recpie"]).replaced == {}
    catalog.close()


def test_new_and_removed_words(engine: Engine, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(5):
        (docs / f"note{i}.txt").write_text(f"Note {i} about the zoo.", encoding="utf-8")
    assert not engine.indexer().index([str(docs)]).failed
    catalog = engine.store.catalog
    reread = SpellingCorrector(catalog, reread_after=0)
    kept = SpellingCorrector(catalog)  # reads its lists again only a minute after a change
    for speller in (reread, kept):
        assert correct(speller, "zepelin").replaced == {}

    (docs / "airship.txt").write_text("The zeppelin landed at noon.", encoding="utf-8")
    assert not engine.indexer().index([str(docs)]).failed
    assert correct(reread, "zepelin").replaced == {"zepelin": "zeppelin"}
    assert correct(kept, "zepelin").replaced == {}  # not offered yet: its list is kept

    fresh = SpellingCorrector(catalog)
    assert correct(fresh, "zepelin").replaced == {"zepelin": "zeppelin"}
    (docs / "airship.txt").unlink()
    assert not engine.indexer().index([str(docs)]).failed
    # The term is still in the kept list, but no chunk holds it any more.
    assert correct(fresh, "zepelin").replaced == {}


def test_a_word_is_not_corrected_to_one_much_shorter_or_longer(speller: SpellingCorrector) -> None:
    # the stems "recurs" and "return" are two edits apart; the words are four
    assert correct(speller, "recursive series").replaced == {}
