"""The one analysis the keyword index and the query both go through.

Text -> NFKC, case folded (:mod:`.normalise`) -> words: runs of letters, digits and marks
(:data:`.scripts.WORD`) -> each word's index term(s), by its script and the text's
language (:func:`.scripts.analysis_language`):

- **Latin**: diacritics dropped, then stemmed: English by FTS5's Porter (so an English
  index holds the terms it always held), another language by its Snowball stemmer, none
  where there is no stemmer. A Latin word in a Russian or Chinese text is English.
- **Arabic**: normalised (tashkeel, tatweel, alef forms, alef maqsura, ta marbuta and
  heh), then Snowball's Arabic stemmer. **Cyrillic, Greek, Devanagari, Armenian,
  Tamil**: Snowball of the text's language, or of the script's usual one (Russian for
  Cyrillic) when the text is in another language. **Hebrew**: points removed.
- **Chinese, Japanese, Korean** runs (no spaces between words): overlapping character
  bigrams ("会议记录" -> "会议 议记 记录"), a one-character run as itself. A query's run
  becomes the same bigrams, searched as a phrase, so a two-character word is found inside
  any longer run; a one-character query word is searched as a prefix.

The index stores the terms space-separated in an FTS5 table whose tokenizer (``ascii``)
splits on spaces only and changes nothing else: what FTS5 holds is exactly what this
module made, and the query side makes the same.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence

from desktop_search.language import normalise, porter, stemmers
from desktop_search.language.scripts import (
    CJK_RUN,
    LATIN,
    WORD,
    analysis_language,
    script_of,
)

PREFIX = "*"  # a form ending so is searched as a prefix (one CJK character)
QUERY_LANGUAGES = 4  # a query word is analysed in the index's commonest few languages
_CACHE_LIMIT = 1 << 19
_cache: dict[tuple[str, str], tuple[str, ...]] = {}


def _word_term(word: str, language: str) -> str:
    """The index term of one word without CJK characters (already NFKC and folded)."""
    script = script_of(word)
    use = analysis_language(script, language)
    if script == LATIN:
        folded = normalise.fold_latin(word)
        return porter.stem_folded(folded) if use == "en" else stemmers.stem(folded, use)
    if script == "arabic":
        return normalise.arabic_stem(stemmers.stem(normalise.arabic(word), use))
    if script == "hebrew":
        return stemmers.stem(normalise.hebrew(word), use)
    if script:
        return stemmers.stem(word, use)
    return word


def _cjk_terms(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def token_terms(token: str, language: str) -> tuple[str, ...]:
    """The index terms of one word of normalised text (:func:`normalise.text`) in a text
    of ``language`` ('' when unknown): one term, or a CJK run's bigrams."""
    key = (token, language)
    found = _cache.get(key)
    if found is not None:
        return found
    if token.isascii() or CJK_RUN.search(token) is None:
        terms: tuple[str, ...] = (_word_term(token, language),)
    else:
        parts: list[str] = []
        done = 0
        for run in CJK_RUN.finditer(token):
            if run.start() > done:
                parts.append(_word_term(token[done : run.start()], language))
            parts.extend(_cjk_terms(run.group()))
            done = run.end()
        if done < len(token):
            parts.append(_word_term(token[done:], language))
        terms = tuple(parts)
    if len(_cache) >= _CACHE_LIMIT:
        _cache.clear()
    _cache[key] = terms
    return terms


def tokens(text: str) -> list[str]:
    """The words of ``text`` after normalisation."""
    found: list[str] = WORD.findall(normalise.text(text))
    return found


def index_terms(text: str, language: str) -> list[str]:
    """Every index term of ``text`` in order (one per word, a CJK run's bigrams)."""
    return [term for token in tokens(text) for term in token_terms(token, language)]


def index_text(text: str, language: str) -> str:
    """What the keyword index stores for ``text``: its terms, space-separated."""
    return " ".join(index_terms(text, language))


def index_text_in(text: str, languages: Sequence[str]) -> str:
    """As :func:`index_text`, each word giving its distinct terms in any of
    ``languages`` (for a file name, whose language is not known for sure)."""
    out: list[str] = []
    for token in tokens(text):
        seen: dict[str, None] = {}
        for language in languages:
            seen.update(dict.fromkeys(token_terms(token, language)))
        out.extend(seen)
    return " ".join(out)


@functools.lru_cache(maxsize=1 << 14)
def word_forms(word: str, languages: tuple[str, ...]) -> tuple[str, ...]:
    """The forms one query word is searched as, one per distinct analysis in
    ``languages``: a term, or a phrase of terms (space-separated: a word of several
    parts, a CJK run's bigrams), or one CJK character ending in :data:`PREFIX`."""
    parts = tokens(word)
    if not parts:
        return ()
    if len(parts) == 1 and len(parts[0]) == 1 and CJK_RUN.fullmatch(parts[0]):
        return (parts[0] + PREFIX,)
    forms: dict[str, None] = {}
    for language in languages or ("",):
        terms = [t for token in parts for t in token_terms(token, language)]
        forms[" ".join(terms)] = None
    return tuple(forms)


def query_languages(held: Sequence[tuple[str, int]], query_language: str = "") -> tuple[str, ...]:
    """The languages a query word is analysed in, from the index's (language, chunks),
    most first: the commonest :data:`QUERY_LANGUAGES`, and the query's own language if
    the index holds it at all ('' stands for the chunks whose language was not told, and
    for an empty index: each script's usual analysis)."""
    chosen = [language for language, _ in held[:QUERY_LANGUAGES]] or [""]
    held_it = any(language == query_language for language, _ in held)
    if query_language and query_language not in chosen and held_it:
        chosen.append(query_language)
    return tuple(chosen)


def holds(terms: Sequence[str] | str, form: str) -> bool:
    """Whether a text whose index terms are ``terms`` (a list, or the space-separated
    text) holds ``form`` (a term, a phrase of terms, or a prefix)."""
    padded = " " + (terms if isinstance(terms, str) else " ".join(terms)) + " "
    if form.endswith(PREFIX):
        return " " + form[: -len(PREFIX)] in padded
    return " " + form + " " in padded


def term_set(text: str) -> frozenset[str]:
    """The distinct terms of an analysed (space-separated) text."""
    return frozenset(text.split())


def form_held(form: str, terms: frozenset[str], text: str) -> bool:
    """:func:`holds` with the text's term set at hand (single terms: one set lookup)."""
    if " " not in form and not form.endswith(PREFIX):
        return form in terms
    return holds(text, form)


def surface_words(text: str, language: str) -> Iterator[tuple[str, str]]:
    """(word as normalised, its index term) for each word of ``text`` without CJK
    characters: which words of a text gave an index term."""
    for token in tokens(text):
        terms = token_terms(token, language)
        if len(terms) == 1 and (token.isascii() or CJK_RUN.search(token) is None):
            yield token, terms[0]
