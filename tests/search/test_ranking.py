"""What a person expects of the ranking (#11), through the real service on a real index:
an incidental shared word cannot beat a file that means what was asked, a file named by
the query comes first, a long query keeps its words on a small index, a misspelt word
still finds its file, and an unrelated best result is not called a strong match."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_search.engine import Engine
from desktop_search.search import service
from desktop_search.search.service import SearchRequest

FILES = {
    "Letters/resignation.txt": (
        "Dear Mr Patel, please accept this as formal notice that I am stepping down from my "
        "position as data analyst. My final working day will be 31 May. Thank you for the "
        "opportunities over the past four years; I will help hand over my projects."
    ),
    "Recipes/thai-curry.txt": (
        "Thai green curry. Fry the paste, add coconut milk, chicken and kaffir lime leaves. "
        "Simmer for ten minutes, season with fish sauce and serve with jasmine rice."
    ),
    "Recipes/lasagna.md": (
        "# Lasagna\n\nLayer the pasta sheets with beef ragu, bechamel and parmesan, then bake "
        "for forty minutes until golden and bubbling."
    ),
    "Travel/packing-list.txt": (
        "Sunscreen, swimsuit, passport, phone charger, adapter plug, sandals, a light jacket "
        "for the evenings and a paperback for the flight."
    ),
    "Letters/thank-you.txt": (
        "Dear Aunt Rosa, thank you for the lovely scarf. Do bring the photo albums when you "
        "visit in June; the children would love to see them."
    ),
    "Work/meeting-notes-2024-04-09.md": (
        "# Sprint review\n\nAttendees: Laura, Sam, Priya. Decisions: the dashboard ships on "
        "Friday; the ETL job moves to the new cluster."
    ),
    "School/report-card.txt": (
        "Ella meets standard in reading and exceeds it in mathematics. Teacher's note: a "
        "pleasure to have in class."
    ),
    # only its path's grandparent folder says "archive": neither the text nor the
    # name and parent folder the encoder sees
    "Archive/2019/receipt.txt": "Receipt for a vacuum cleaner, paid by card on 3 March.",
    "Bills/Invoices 2023/plumber.txt": (
        "Invoice 1142. Repair of kitchen sink trap and replacement of a leaking valve. Labour "
        "two hours, parts included. Total due 240 dollars."
    ),
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("ranking") / "Documents"
    for relative, text in FILES.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n", encoding="utf-8")
    return root


@pytest.fixture
def indexed(engine: Engine, folder: Path) -> Engine:
    summary = engine.indexer().index([str(folder)])
    assert not summary.failed
    return engine


def ranked(engine: Engine, query: str, **kwargs: object) -> list[str]:
    hits = engine.search.search(SearchRequest(query=query, **kwargs))  # type: ignore[arg-type]
    return ["/".join(Path(h.path).parts[-2:]) for h in hits]


def test_a_lone_incidental_word_cannot_beat_a_strong_dense_match(indexed: Engine) -> None:
    # "leaving" and the curry's "leaves" are one Porter stem; the letter shares no word.
    assert ranked(indexed, "telling my boss I'm leaving the company")[0] == (
        "Letters/resignation.txt"
    )
    # "bring" is in the thank-you letter only
    assert ranked(indexed, "what to bring on vacation")[0] == "Travel/packing-list.txt"


def test_an_exact_keyword_match_still_wins(indexed: Engine) -> None:
    assert ranked(indexed, "kaffir lime leaves")[0] == "Recipes/thai-curry.txt"
    assert ranked(indexed, "leaking valve sink")[0] == "Invoices 2023/plumber.txt"


def test_a_file_name_query_finds_the_file_first(indexed: Engine) -> None:
    # the report card's text says "meets" and "note": the named file must still win
    assert ranked(indexed, "meeting notes")[0] == "Work/meeting-notes-2024-04-09.md"
    assert ranked(indexed, "invoices 2023")[0] == "Invoices 2023/plumber.txt"


def test_a_misspelt_word_still_finds_its_file(indexed: Engine) -> None:
    response = indexed.search.run(SearchRequest(query="lasgna recpie", k=3))
    assert Path(response.hits[0].path).name == "lasagna.md"
    assert response.explain["corrected"]["lasgna"] == "lasagna"


def test_a_real_word_the_files_do_not_use_is_not_corrected(indexed: Engine) -> None:
    response = indexed.search.run(SearchRequest(query="cheesy pasta bake for a crowd", k=3))
    assert "crowd" not in response.explain.get("corrected", {})
    assert Path(response.hits[0].path).name == "lasagna.md"


def test_a_long_query_keeps_its_words_on_a_small_index(indexed: Engine) -> None:
    query = (
        "formal notice stepping down position analyst final working day opportunities "
        "years hand over projects thank you Patel"
    )
    response = indexed.search.run(SearchRequest(query=query, mode="lexical", k=3))
    assert response.explain["left_out_common_terms"] == []
    assert len(response.explain["keyword_terms"]) >= 14


def test_an_unrelated_best_result_is_not_a_strong_match(indexed: Engine) -> None:
    hits = indexed.search.search(SearchRequest(query="quantum chromodynamics on a lattice"))
    assert hits and hits[0].match != "strong"
    assert hits[0].to_dict()["match"] in ("partial", "weak")


def test_a_good_match_is_labelled_strong(indexed: Engine) -> None:
    hits = indexed.search.search(SearchRequest(query="thai green curry with coconut milk"))
    assert Path(hits[0].path).name == "thai-curry.txt"
    assert hits[0].match == "strong"


def test_feedback_runs_only_on_a_confident_first_pass(indexed: Engine) -> None:
    vague = indexed.search.run(SearchRequest(query="what to bring on vacation"))
    assert vague.explain["prf"] is False
    exact = indexed.search.run(SearchRequest(query="coconut milk jasmine rice curry"))
    assert exact.explain["prf"] is True


def test_a_named_file_beyond_the_candidate_lists_still_comes_first(
    indexed: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # with one candidate a side, neither search reaches the file: its name does
    monkeypatch.setattr(service, "CANDIDATES", 1)
    response = indexed.search.run(SearchRequest(query="archive", k=1))
    assert Path(response.hits[0].path).name == "receipt.txt"
    assert response.hits[0].match == "strong"
