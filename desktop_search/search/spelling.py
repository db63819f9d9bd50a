"""Misspelt query words corrected from the index's own vocabulary ("lasgna" -> "lasagna").

No dictionary and no network: the candidates are the terms of the keyword index itself
(stems, as :mod:`desktop_search.language.analyser` makes them in each chunk's language).

- A word is looked at only if it has 4 letters or more, is made of letters only (numbers,
  codes and words of no letter script are left alone; Chinese, Japanese and Korean too),
  is not one of the words the caller knows to be spelt right, and FTS5 finds no chunk for
  it in any of its forms: a word the index knows costs one lookup and is never changed.
- A word is corrected only into a word of its own language. When that can be told (the
  query's language, when the index holds it; a Latin word with letters English lacks,
  "démission", is not English), a candidate must come from text of that language, so a
  French word is never "corrected" into an English one ("démission" into "decision"),
  and a word of a language the index does not hold is left alone. A word
  whose language cannot be told (a typo: "lasgna") takes a candidate of any language.
- Candidates: index terms within Damerau-Levenshtein distance 1 (optimal string alignment;
  2 for words of 8 letters or more) of the typed word's stem (in each language the index
  holds most), and the stems of the words one edit from the typed word (a typo in a
  suffix, "renewel" -> "renewal" -> "renew", although the stems "renewel" and "renew"
  are two edits apart). They are taken from the terms that begin with the word's first
  letter, or with its first two letters swapped: a typo in the first letter is not
  corrected.
- Each candidate is shown and searched as a word of the indexed text with that stem (the
  one nearest the typed word, in the first chunks holding it: "recip" -> "recipe"); it is
  analysed back to the term when it is searched. A candidate is kept if that word, or its
  stem, is within the distance; the nearest word wins, then the nearest stem, then the
  term held by most chunks; and, before all, one that shares a chunk with the query's other
  words ("bananna bred": "bread", not "bed").

Listing index terms costs FTS5 a read of all their postings, about 10-40 ms for one first
letter at 100,000 chunks (``vocabulary_range``). So each first letter's terms are read once
and kept (letters only; 300 ms and a few MB for all of them at 100,000 chunks), and read
again when the index has changed, at most once a minute: until then a new word is not
offered, and a removed one is dropped when no chunk holds it.
"""

from __future__ import annotations

import string
import threading
import time
from collections import Counter
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import OSA

from desktop_search.language import analyser, detect, normalise
from desktop_search.language.scripts import LATIN, analysis_language, is_cjk, script_of, writes_in
from desktop_search.search.terms import words
from desktop_search.storage.catalog import Catalog
from desktop_search.storage.fts_query import any_of

MIN_LETTERS = 4
TWO_EDITS_FROM = 8  # letters from which a word may be two edits from its term
REREAD_AFTER = 60.0  # seconds a term list is kept once the index has changed
MAX_ALPHABET = 64  # letters tried in edits; beyond (ideographs) only the word's own
CANDIDATES_CHECKED = 5  # best candidates looked for in the indexed text
SURFACE_CHUNKS = 10  # chunks read, at most, for the words of a candidate term


@dataclass(frozen=True)
class Correction:
    word: str  # the query word as typed (lower case)
    term: str  # the index term (a stem) taken for it
    surface: str  # a word of the indexed text with that stem, lower case
    distance: int  # edits from the typed word to ``surface``
    stem_distance: int  # edits from the typed word's stem to ``term``
    documents: int  # chunks holding the term (when its letter's terms were read)


@dataclass(frozen=True)
class Corrections:
    terms: tuple[str, ...]  # the query words given to :meth:`SpellingCorrector.correct`
    corrections: tuple[Correction, ...] = ()

    @property
    def replaced(self) -> dict[str, str]:
        """Misspelt word -> the word searched instead ("lasgna" -> "lasagna")."""
        return {c.word: c.surface for c in self.corrections}

    def keyword_terms(self) -> list[str]:
        """The query words with each correction after its misspelt word, for BM25."""
        replaced = self.replaced
        terms: list[str] = []
        for term in self.terms:
            terms.append(term)
            if term in replaced:
                terms.append(replaced[term])
        return list(dict.fromkeys(terms))

    def text(self, query: str) -> str:
        """``query`` with its misspelt words replaced (their case kept), for the encoder."""
        replaced = self.replaced
        if not replaced:
            return query
        parts: list[str] = []
        done = 0
        for start, end, word in words(query):
            if word in replaced:
                parts += [query[done:start], _same_case(query[start:end], replaced[word])]
                done = end
        parts.append(query[done:])
        return "".join(parts)


def _same_case(typed: str, surface: str) -> str:
    if len(typed) > 1 and typed.isupper():
        return surface.upper()
    if typed[:1].isupper():
        return surface[:1].upper() + surface[1:]
    return surface


@dataclass
class _Terms:
    """The index terms (letters only) that begin with one prefix."""

    documents: dict[str, int] = field(default_factory=dict)
    by_length: dict[int, list[str]] = field(default_factory=dict)
    letters: frozenset[str] = frozenset()

    @classmethod
    def of(cls, rows: Iterable[tuple[str, int]]) -> _Terms:
        terms = cls()
        letters: set[str] = set()
        for term, documents in rows:
            if term.isalpha():
                terms.documents[term] = documents
                terms.by_length.setdefault(len(term), []).append(term)
                letters.update(term)
        terms.letters = frozenset(letters)
        return terms

    def of_length(self, shortest: int, longest: int) -> list[str]:
        return [t for n in range(shortest, longest + 1) for t in self.by_length.get(n, ())]


class _TermLists:
    """The index terms by prefix, each list read when first needed and read again when the
    index has changed since, at most once every ``reread_after`` seconds."""

    def __init__(self, catalog: Catalog, reread_after: float) -> None:
        self.catalog = catalog
        self.reread_after = reread_after
        self._lock = threading.Lock()
        self._lists: dict[str, tuple[_Terms, int, float]] = {}  # (terms, newest id, when)

    def starting(self, prefix: str) -> _Terms:
        with self._lock:
            newest = self.catalog.max_chunk_id()  # ids only grow: a cheap sign of change
            now = time.monotonic()
            kept = self._lists.get(prefix)
            if kept is not None and (kept[1] == newest or now - kept[2] < self.reread_after):
                return kept[0]
            end = prefix[:-1] + chr(ord(prefix[-1]) + 1)
            terms = _Terms.of(self.catalog.vocabulary_range(prefix, end))
            self._lists[prefix] = (terms, newest, now)
            return terms


def _edits(word: str, letters: Iterable[str]) -> set[str]:
    """The words one edit from ``word`` that keep its first letter, and the one with its
    first two letters swapped."""
    edits = {word[1] + word[0] + word[2:]}
    for i in range(1, len(word) + 1):
        head, tail = word[:i], word[i:]
        if tail:
            edits.add(head + tail[1:])
            if len(tail) > 1:
                edits.add(head + tail[1] + tail[0] + tail[2:])
        for letter in letters:
            edits.add(head + letter + tail)
            if tail:
                edits.add(head + letter + tail[1:])
    edits.discard(word)
    return edits


@dataclass(frozen=True)
class _Candidate:
    term: str
    distance: int  # presumed: the stems' distance, or 1 if a word one edit away has it
    stem_distance: int
    documents: int


@dataclass(frozen=True)
class _Query:
    """What the corrections of one query depend on besides its words."""

    languages: tuple[str, ...]  # the analyses a word is searched in
    language: str  # the query's language when the index holds it, else ''
    latin: frozenset[str]  # the Latin-script languages the index holds


class SpellingCorrector:
    """Corrects query words against one catalog's vocabulary (safe to share by threads).

    ``words``: words known to be spelt right although the index may not hold them, never
    corrected: the encoder's whole-word vocabulary is a good choice. Without it, a real word
    the index lacks is taken for a typo of a near term ("pasta" -> "past", "plane" ->
    "place"), which in a small folder is most of the words of a paraphrased query.
    """

    def __init__(
        self,
        catalog: Catalog,
        *,
        words: Container[str] = frozenset(),
        reread_after: float = REREAD_AFTER,
    ) -> None:
        self.catalog = catalog
        self.words = words
        self._terms = _TermLists(catalog, reread_after)

    def correct(self, terms: Sequence[str]) -> Corrections:
        """``terms`` as :func:`desktop_search.search.terms.query_terms` makes them.

        A word takes the best of its candidates that shares a chunk with the query's other
        words (those the index knows, or the candidates of its other misspelt words), so
        "bred" beside "banana" becomes "bread", not "bed"; when none does, its best."""
        query = self._query(terms)
        options = {
            word: self._options(word, query) for word in terms if self._misspelt(word, query)
        }
        if not options:
            return Corrections(tuple(terms))
        known = [t for t in terms if t not in options and self._known(t, query)]
        chosen: list[Correction] = []
        for word, candidates in options.items():
            company = known + [c.surface for w, cs in options.items() if w != word for c in cs]
            if candidates:
                together = (c for c in candidates if self._together(c.surface, company, query))
                chosen.append(next(together, candidates[0]))
        return Corrections(tuple(terms), tuple(chosen))

    def _query(self, terms: Sequence[str]) -> _Query:
        held = [language for language, _ in self.catalog.languages()]
        told = detect.query_language(" ".join(terms))
        return _Query(
            self.catalog.analysis_languages(told),
            told if told in held else "",
            frozenset(language for language in held if writes_in(language, LATIN)),
        )

    def _misspelt(self, word: str, query: _Query) -> bool:
        folded = normalise.fold(word)
        return (
            len(folded) >= MIN_LETTERS
            and folded.isalpha()
            and not is_cjk(folded)
            and folded not in self.words
            and not self._known(word, query)
        )

    def _match(self, word: str, query: _Query) -> str:
        return any_of(analyser.word_forms(word, query.languages))

    def _known(self, word: str, query: _Query) -> bool:
        """Whether FTS5 finds a chunk for ``word`` in any of its forms."""
        match = self._match(word, query)
        return bool(match) and self.catalog.matches(match)

    def _together(self, surface: str, company: list[str], query: _Query) -> bool:
        others = [m for m in (self._match(w, query) for w in company) if m]
        match = self._match(surface, query)
        if not others or not match:
            return False
        return self.catalog.matches(f"({match}) AND ({' OR '.join(others)})")

    @staticmethod
    def _word_languages(folded: str, word: str, query: _Query) -> frozenset[str] | None:
        """The languages ``word`` can be a word of, when that can be told (None: any).

        A Latin word with letters English lacks is not English: it is of the query's
        language if the index holds that one, else of any other Latin language the index
        holds (none: it is not corrected). Another word is of the query's language when
        the index holds that, else it cannot be told (a typo has no language)."""
        if script_of(folded) != LATIN:
            return None
        foreign = not normalise.text(word).isascii()
        if foreign:
            if query.language and query.language != "en":
                return frozenset({query.language})
            return query.latin - {"en"}
        return frozenset({query.language}) if query.language else None

    def _options(self, word: str, query: _Query) -> list[Correction]:
        """The corrections of ``word``, best first: index terms whose stem or a word of the
        indexed text is within reach of the typed word; the nearer that word, the better;
        of the word's language only, when that can be told."""
        folded = normalise.fold(word)
        allowed = self._word_languages(folded, word, query)
        if allowed is not None and not allowed:
            return []
        most = 2 if len(folded) >= TWO_EDITS_FROM else 1
        ranked = sorted(
            self._candidates(folded, most, query.languages),
            key=lambda c: (c.distance, -c.documents, c.term),
        )
        options: list[Correction] = []
        for candidate in ranked[:CANDIDATES_CHECKED]:
            found = self._surface(candidate.term, folded, allowed, query)
            # Stems may be near where the words are not ("recursive" -> "recurs" is two
            # edits from "return"): the word shown is never longer or shorter by more.
            if (
                found is not None
                and min(found[1], candidate.stem_distance) <= most
                and abs(len(found[0]) - len(folded)) <= most
            ):
                surface, distance = found
                options.append(
                    Correction(
                        word,
                        candidate.term,
                        surface,
                        distance,
                        candidate.stem_distance,
                        candidate.documents,
                    )
                )
        options.sort(key=lambda c: (c.distance, c.stem_distance, -c.documents, c.term))
        return options

    def _candidates(self, folded: str, most: int, languages: Sequence[str]) -> list[_Candidate]:
        """Index terms within ``most`` edits of the typed word's stem in one of
        ``languages``, or the stems of the words one edit from the typed word."""
        lists = [self._terms.starting(folded[0])]
        if folded[1] != folded[0]:
            lists.append(self._terms.starting(folded[1] + folded[0]))
        typed = {analyser.token_terms(folded, language)[0] for language in languages}
        found: dict[str, _Candidate] = {}

        def consider(term: str, distance: int, stem_distance: int, documents: int) -> None:
            if term not in typed and (term not in found or found[term].distance > distance):
                found[term] = _Candidate(term, distance, stem_distance, documents)

        for stem in typed:
            for terms in lists:
                choices = terms.of_length(len(stem) - most, len(stem) + most)
                for term, distance, _ in process.extract(
                    stem, choices, scorer=OSA.distance, score_cutoff=most, limit=None
                ):
                    consider(term, int(distance), int(distance), terms.documents[term])
        letters = frozenset[str]().union(*(t.letters for t in lists))
        if len(letters) > MAX_ALPHABET:
            letters = frozenset(string.ascii_lowercase) | frozenset(folded)
        edits = sorted(_edits(folded, letters))
        for language in languages:
            for edit in edits:
                term = analyser.token_terms(edit, language)[0]
                for terms in lists:
                    if term in terms.documents:
                        nearest = min(OSA.distance(stem, term) for stem in typed)
                        consider(term, 1, nearest, terms.documents[term])
        return list(found.values())

    def _surface(
        self, term: str, typed: str, allowed: frozenset[str] | None, query: _Query
    ) -> tuple[str, int] | None:
        """The word with stem ``term`` nearest to the ``typed`` one, then commonest, in the
        first chunks that hold it (read until one holds a word a single edit away), and its
        distance from the typed word; None if no such word is one FTS5 finds chunks for.
        With ``allowed``, only words analysed in one of those languages count."""
        seen: Counter[str] = Counter()
        distance: dict[str, int] = {}
        for text, chunk_language in self.catalog.texts_with_term(term, SURFACE_CHUNKS):
            for word, stem in analyser.surface_words(text, chunk_language):
                if stem != term:
                    continue
                language = analysis_language(script_of(word), chunk_language)
                if allowed is not None and language not in allowed:
                    continue
                seen[word] += 1
                distance.setdefault(word, OSA.distance(typed, normalise.fold_latin(word)))
            if distance and min(distance.values()) <= 1:
                break
        for surface in sorted(seen, key=lambda w: (distance[w], -seen[w], w)):
            if self._known(surface, query):
                return surface, distance[surface]
        return None
