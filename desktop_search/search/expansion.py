"""What pseudo-relevance feedback "also searched": the words that characterise the
feedback passages, for people to read.

PRF itself moves the query *vector* (dense Rocchio); these words are its readable face.
A word is chosen when several feedback passages share it and it is rare in the collection
(document frequency x inverse document frequency, the classic RM/Rocchio term weight).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from desktop_search.search.terms import STOPWORDS, light_stem, words
from desktop_search.storage.catalog import Catalog

SHOWN_TERMS = 5
CANDIDATE_TERMS = 20
DF_CAP = 5000  # counting further costs time and barely moves the weight
MIN_LENGTH = 3


def expansion_terms(
    catalog: Catalog, passages: Iterable[str], query_terms: list[str], chunk_total: int
) -> list[str]:
    query_stems = {light_stem(t) for t in query_terms}
    shared: Counter[str] = Counter()
    spelling: dict[str, Counter[str]] = {}
    for text in passages:
        seen: set[str] = set()
        for _, _, word in words(text):
            if len(word) < MIN_LENGTH or word in STOPWORDS or not word.isalpha():
                continue
            stem = light_stem(word)
            if stem in query_stems:
                continue
            spelling.setdefault(stem, Counter())[word] += 1
            seen.add(stem)
        shared.update(seen)
    candidates = [stem for stem, count in shared.most_common(CANDIDATE_TERMS) if count > 1]
    if not candidates:
        return []
    shown = {stem: spelling[stem].most_common(1)[0][0] for stem in candidates}
    total = max(chunk_total, 1)
    counts = catalog.term_doc_counts(shown.values(), cap=min(total, DF_CAP))
    weight = {
        stem: shared[stem] * math.log(1 + total / max(counts.get(shown[stem], 0), 1))
        for stem in candidates
    }
    ranked = sorted(candidates, key=lambda stem: (-weight[stem], shown[stem]))
    return [shown[stem] for stem in ranked[:SHOWN_TERMS]]
