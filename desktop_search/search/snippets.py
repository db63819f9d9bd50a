"""The best passage of a chunk to show, with the offsets of the words to highlight."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_search.search.terms import light_stem, words

SNIPPET_CHARS = 300


@dataclass(frozen=True)
class Snippet:
    text: str
    highlights: list[tuple[int, int]]  # offsets into ``text``
    offset: int  # where ``text`` starts within the chunk


def highlight_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    stems = {light_stem(t) for t in terms}
    return [(s, e) for s, e, w in words(text) if w in terms or light_stem(w) in stems]


def make_snippet(text: str, terms: list[str], width: int = SNIPPET_CHARS) -> Snippet:
    spans = highlight_spans(text, terms)
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
    # Snap to a word (or sentence) boundary.
    if start > 0:
        sentence = text.rfind(". ", max(0, start - 60), best_start if spans else start)
        space = text.find(" ", start)
        start = sentence + 2 if sentence >= 0 else (space + 1 if 0 <= space < start + 30 else start)
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start + width // 2, end)
        end = space if space > 0 else end
    body = text[start:end]
    prefix = "\u2026" if start > 0 else ""
    suffix = "\u2026" if end < len(text) else ""
    shift = len(prefix) - start
    shown = [(s + shift, e + shift) for s, e in spans if s >= start and e <= end]
    return Snippet(prefix + body + suffix, shown, start - len(prefix))
