"""The best passage of a chunk to show, with the offsets of the words to highlight.

- A word is highlighted when it is a query word, or when the keyword index's analysis in
  the chunk's language makes of it what it makes of a query word ("Kündigung" for the
  query "Kündigungen", "running" for "runs"). Chinese, Japanese and Korean have no spaces:
  there the query's run itself is highlighted wherever the text holds it.
- The window never cuts inside a grapheme (a letter and its marks, an emoji sequence); it
  starts after a sentence end (". ", "。", "！", "？") or a space near the first match, and
  ends at a space or, in text without spaces, after a clause mark ("，", "、", "。") or at
  any character.
- Right-to-left text keeps its order: the window is a piece of the text in logical
  order; a bidi embedding or isolate the window cuts is opened again at its start and
  closed at its end, and a window that is mostly right-to-left starts with a
  right-to-left mark, so its "…" marks stand at its two ends in a window that decides
  its direction from the text.
"""

from __future__ import annotations

# ruff: noqa: RUF001, RUF002  (CJK punctuation is the point here)
import unicodedata
from dataclasses import dataclass

import regex

from desktop_search.language import analyser, normalise
from desktop_search.language.scripts import CJK_RUN
from desktop_search.search.terms import words

SNIPPET_CHARS = 300
ELLIPSIS = "\u2026"
RLM = "\u200f"
_CLUSTER = regex.compile(r"\X")
_SENTENCE_ENDS = (". ", "。", "！", "？", "! ", "? ")
_CLAUSE_MARKS = "，、；：。！？"
_OPENERS = {"\u202a": "\u202c", "\u202b": "\u202c", "\u202d": "\u202c", "\u202e": "\u202c"}
_OPENERS.update({"\u2066": "\u2069", "\u2067": "\u2069", "\u2068": "\u2069"})
_CLOSERS = frozenset({"\u202c", "\u2069"})
_BIDI_CONTROLS = regex.compile("[\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class Snippet:
    text: str
    highlights: list[tuple[int, int]]  # offsets into ``text``
    offset: int  # where ``text`` starts within the chunk


def _query_terms(terms: list[str], language: str) -> tuple[set[str], set[str], list[str]]:
    """(the words, their index terms in ``language``, their CJK runs)."""
    plain = {t.lower() for t in terms}
    analysed: set[str] = set()
    runs: list[str] = []
    for term in terms:
        found = CJK_RUN.findall(normalise.text(term)) if not term.isascii() else []
        runs.extend(found)
        for token in analyser.tokens(term):
            if CJK_RUN.search(token) is None:
                analysed.update(analyser.token_terms(token, language))
    return plain, analysed, sorted(set(runs), key=len, reverse=True)


def _cjk_spans(text: str, runs: list[str]) -> list[tuple[int, int]]:
    folded = text.casefold() if len(text.casefold()) == len(text) else text
    spans: list[tuple[int, int]] = []
    for run in runs:
        at = folded.find(run)
        while at >= 0:
            spans.append((at, at + len(run)))
            at = folded.find(run, at + len(run))
    return spans


def highlight_spans(text: str, terms: list[str], language: str = "") -> list[tuple[int, int]]:
    """The spans of ``text`` (a chunk in ``language``) to highlight for the query words
    ``terms``, in order, not overlapping."""
    plain, analysed, runs = _query_terms(terms, language)
    spans: list[tuple[int, int]] = []
    for start, end, word in words(text):
        if word in plain:
            spans.append((start, end))
            continue
        if not word.isascii() and CJK_RUN.search(word) is not None:
            continue
        parts = analyser.tokens(word)
        if len(parts) == 1 and analysed & set(analyser.token_terms(parts[0], language)):
            spans.append((start, end))
    spans.extend(_cjk_spans(text, runs))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _cluster_start(text: str, at: int) -> int:
    """The start of the grapheme that holds ``text[at]`` (``at`` if one starts there)."""
    if at <= 0 or at >= len(text):
        return max(0, min(at, len(text)))
    for cluster in _CLUSTER.finditer(text, max(0, at - 32), min(len(text), at + 32)):
        if cluster.start() <= at < cluster.end():
            return int(cluster.start())
    return at


def _start(text: str, start: int, first_match: int) -> int:
    """Where a window that should begin near ``start`` begins: after a sentence end before
    the first match, else after a space or clause mark just after ``start``, else at the
    grapheme there."""
    low = max(0, start - 60)
    ends = [(text.rfind(mark, low, first_match), mark) for mark in _SENTENCE_ENDS]
    at, mark = max(ends)
    if at >= 0:
        return _cluster_start(text, min(at + len(mark), first_match))
    space = text.find(" ", start, start + 30)
    if space >= 0:
        return space + 1
    for i in range(start, min(len(text), start + 30)):
        if text[i] in _CLAUSE_MARKS:
            return i + 1
    return _cluster_start(text, start)


def _end(text: str, low: int, end: int) -> int:
    """Where a window that should end by ``end`` ends: at the last space after ``low``,
    else after the last clause mark, else at a grapheme boundary."""
    space = text.rfind(" ", low, end)
    if space > 0:
        return space
    marks = [i for i in range(end - 1, low - 1, -1) if text[i] in _CLAUSE_MARKS]
    if marks:
        return marks[0] + 1
    return _cluster_start(text, end)


def _mostly_rtl(text: str) -> bool:
    rtl = ltr = 0
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            rtl += 1
        elif direction == "L":
            ltr += 1
    return rtl > ltr


def _still_open(text: str, opened: str = "") -> str:
    """The bidi embeddings and isolates left open after ``opened`` then ``text``, as
    their opening characters, outermost first."""
    stack = list(opened)
    for char in _BIDI_CONTROLS.findall(text):
        if char in _OPENERS:
            stack.append(char)
        elif stack and _OPENERS[stack[-1]] == char:
            stack.pop()
    return "".join(stack)


def make_snippet(
    text: str, terms: list[str], width: int = SNIPPET_CHARS, language: str = ""
) -> Snippet:
    spans = highlight_spans(text, terms, language)
    if len(text) <= width:
        return Snippet(text, spans, 0)
    # Slide a window over the matches and keep the one holding the most distinct terms.
    best_start, best_score = 0, -1.0
    for i, (start, _) in enumerate(spans):
        inside = [(s, e) for s, e in spans[i:] if e - start <= width]
        distinct = len({text[s:e].lower() for s, e in inside})
        score = distinct + 0.01 * len(inside)
        if score > best_score:
            best_start, best_score = start, score
    start = max(0, best_start - width // 4) if spans else 0
    if start > 0:
        start = _start(text, start, best_start if spans else start)
    end = min(len(text), start + width)
    if end < len(text):
        end = _end(text, start + width // 2, end)
    body = text[start:end]
    rtl = RLM if (start > 0 or end < len(text)) and _mostly_rtl(body) else ""
    reopened = _still_open(text[:start]) if _BIDI_CONTROLS.search(text) else ""
    closing = _still_open(body, reopened) if reopened or _BIDI_CONTROLS.search(body) else ""
    prefix = rtl + (ELLIPSIS if start > 0 else "") + reopened
    suffix = "".join(_OPENERS[c] for c in reversed(closing)) + (ELLIPSIS if end < len(text) else "")
    shift = len(prefix) - start
    shown = [(s + shift, e + shift) for s, e in spans if s >= start and e <= end]
    return Snippet(prefix + body + suffix, shown, start - len(prefix))
