"""How Chinese, Japanese and Korean runs are best indexed (no spaces between words):

    python benchmarks/cjk_segmentation.py

3,000 chunks of 6 hand-written sentences each (zh, ja, ko in turn; the sentences of
``benchmarks/language_detection.py``) indexed three ways in a contentless FTS5 table: the
product's (``language/analyser.py``: overlapping bigrams, a one-character run as itself),
bigrams plus every character as a unigram, and FTS5's trigram tokenizer over the text. For
each: the index's size, the cost per chunk, and whether a two-character word (most Chinese
words are two characters) is found.
"""

from __future__ import annotations

import random
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.language_detection import SENTENCES
from desktop_search.language import analyser
from desktop_search.language.scripts import CJK_RUN

CHUNKS = 3000


def every_unigram(text: str, language: str) -> str:
    terms: list[str] = []
    for token in analyser.tokens(text):
        terms += analyser.token_terms(token, language)
        terms += [c for run in CJK_RUN.findall(token) if len(run) > 1 for c in run]
    return " ".join(terms)


def main() -> int:
    rng = random.Random(1)
    texts: list[tuple[str, str]] = []
    for number in range(CHUNKS):
        language = ("zh", "ja", "ko")[number % 3]
        sentences = list(SENTENCES[language])
        rng.shuffle(sentences)
        texts.append((language, "".join(sentences[:6])))
    ways: dict[str, tuple[str, Callable[[str, str], str]]] = {
        "bigrams, a lone character as itself (the product's)": ("ascii", analyser.index_text),
        "bigrams and every character": ("ascii", every_unigram),
        "FTS5 trigram tokenizer over the text": ("trigram", lambda text, _: text),
    }
    characters = sum(len(t) for _, t in texts)
    for name, (tokenizer, make) in ways.items():
        conn = sqlite3.connect(":memory:")
        conn.execute(f"CREATE VIRTUAL TABLE t USING fts5 (x, content='', tokenize='{tokenizer}')")
        started = time.perf_counter()
        rows = [(i, make(text, language)) for i, (language, text) in enumerate(texts)]
        conn.executemany("INSERT INTO t (rowid, x) VALUES (?, ?)", rows)
        seconds = time.perf_counter() - started
        size = conn.execute("SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 't_%'").fetchone()[0]
        found = conn.execute("SELECT COUNT(*) FROM t WHERE t MATCH '\"会议\"'").fetchone()[0]
        print(
            f"{name}: {size / 1e6:.2f} MB for {characters / 1e6:.2f} M characters, "
            f"{seconds * 1e6 / CHUNKS:.0f} us a chunk, '会议' found in {found} chunks"
        )
        conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
