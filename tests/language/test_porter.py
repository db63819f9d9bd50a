"""English words stemmed as FTS5's porter tokenizer stems them (the English analysis of
the keyword index, which English results depend on): checked against SQLite's FTS5."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from benchmarks.personal_documents import DOCUMENTS
from benchmarks.personal_folder import document_text
from desktop_search.language import porter
from desktop_search.language.scripts import LATIN, WORD, script_of

# Words where the published Porter algorithm (PyStemmer's "porter") and FTS5 part ways,
# and words with diacritics. (Words of other scripts have analyses of their own now.)
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
    "µm",
    "Øresund",
    "CAPITALS",
    "generalization",
    "agreed",
    "ponies",
]
# Where they still disagree ("ß" is case folded to "ss", where FTS5 kept it and counted its
# two bytes as consonants; "eed" alone).
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
    words = {w for d in DOCUMENTS for w in WORD.findall(document_text(d))}
    return sorted(w for w in words if script_of(w) in (LATIN, ""))


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
