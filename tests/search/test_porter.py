"""Query words stemmed as the keyword index stems them: checked against SQLite's FTS5."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from benchmarks.personal_documents import DOCUMENTS
from benchmarks.personal_folder import document_text
from desktop_search.search import porter

# Words where the published Porter algorithm (PyStemmer's "porter") and FTS5 part ways,
# and words of other scripts and with diacritics.
TRICKY = [
    "technology",
    "technologies",
    "methodology",
    "histologie",
    "possibly",
    "reversibly",
    "assembly",
    "irreversibly",
    "reasonably",
    "Crème",
    "fraîche",
    "naïve",
    "café",
    "résumé",
    "Müller",
    "façade",
    "piñata",
    "jalapeño",
    "Ångström",
    "İstanbul",
    "λόγος",
    "ΣΟΦΙΑ",
    "Москва",
    "µm",
    "Øresund",
    "CAPITALS",
    "generalization",
    "agreed",
    "ponies",
]
# Where they still disagree (FTS5 counts the two bytes of "ß" as consonants; "eed" alone).
KNOWN_DIFFERENCES = {"straße": "straß", "eed": "e"}


@pytest.fixture(scope="module")
def fts5() -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE t USING fts5 (x, tokenize = 'porter unicode61 remove_diacritics 2')"
    )
    conn.execute("CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, t, instance)")
    yield conn
    conn.close()


def fts5_terms(conn: sqlite3.Connection, words: list[str]) -> dict[str, list[str]]:
    conn.execute("DELETE FROM t")
    conn.executemany("INSERT INTO t (rowid, x) VALUES (?, ?)", list(enumerate(words)))
    terms: dict[str, list[str]] = {word: [] for word in words}
    for term, doc in conn.execute("SELECT term, doc FROM temp.terms ORDER BY doc, offset"):
        terms[words[doc]].append(term)
    return terms


def real_words() -> list[str]:
    words = {w for d in DOCUMENTS for w in porter.tokens(document_text(d))}
    return sorted(words)


def test_stems_agree_with_fts5_on_real_words(fts5: sqlite3.Connection) -> None:
    words = sorted(set(real_words() + TRICKY))
    assert len(words) > 1000
    terms = fts5_terms(fts5, words)
    assert {w: [porter.stem(w)] for w in words if terms[w] != [porter.stem(w)]} == {}


def test_the_c_version_departures_are_followed(fts5: sqlite3.Connection) -> None:
    stems = {w: porter.stem(w) for w in ("technology", "possibly", "histologie", "histologies")}
    assert stems == {
        "technology": "technolog",
        "possibly": "possibl",
        "histologie": "histologi",
        "histologies": "histolog",
    }
    assert fts5_terms(fts5, list(stems)) == {w: [s] for w, s in stems.items()}


def test_known_differences_from_fts5(fts5: sqlite3.Connection) -> None:
    terms = fts5_terms(fts5, list(KNOWN_DIFFERENCES))
    assert {w: t[0] for w, t in terms.items()} == KNOWN_DIFFERENCES
    assert all(porter.stem(w) != t for w, t in KNOWN_DIFFERENCES.items())


def test_folding_follows_unicode61() -> None:
    assert porter.fold("Crème") == "creme"
    assert porter.fold("İstanbul") == "istanbul"
    assert porter.fold("λόγος") == "λόγοσ"  # Greek keeps its accents; final sigma folded
    assert porter.fold("Straße") == "straße"
    assert porter.tokens("foo_bar x-ray 3D") == ["foo", "bar", "x", "ray", "3D"]
