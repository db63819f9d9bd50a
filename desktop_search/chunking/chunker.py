"""Token-aware chunking: pieces that fit the encoder's window, with overlap and char offsets.

Text is cut into sentence/paragraph units, each measured with the model's own tokenizer;
units are packed greedily into chunks of at most ``chunk_tokens`` tokens, and each chunk
after the first repeats the trailing units of the one before, up to ``overlap_tokens``.
A unit longer than a chunk is split at token boundaries.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from tokenizers import Tokenizer

from desktop_search.extract.base import Extracted
from desktop_search.storage.file_names import split_run

_UNIT_END = re.compile(
    r"[.!?\u2026\u3002\uff01\uff1f]+[\"')\]\u201d\u2019]*\s+"  # sentence end
    r"|\n[ \t]*\n\s*"  # blank line
    r"|\n(?=[ \t]*[-*#\u2022>|]|[ \t]*\d+[.)])"  # line before a list item or heading
)
TITLE_CHARS = 160
_NAME_RUN = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Chunk:
    ordinal: int
    start: int  # character offsets into Extracted.text
    end: int
    text: str
    tokens: int
    section: str


def _units(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    for match in _UNIT_END.finditer(text):
        if match.end() > position:
            spans.append((position, match.end()))
            position = match.end()
    if position < len(text):
        spans.append((position, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


class Chunker:
    def __init__(self, tokenizer: Tokenizer, *, chunk_tokens: int, overlap_tokens: int) -> None:
        """``tokenizer``: the encoder's own, shared (it neither truncates nor pads)."""
        if not 0 <= overlap_tokens < chunk_tokens:
            raise ValueError("overlap must be smaller than the chunk size")
        # changed only when needed: a shared tokenizer is in use on other threads
        if tokenizer.truncation is not None:
            tokenizer.no_truncation()
        if tokenizer.padding is not None:
            tokenizer.no_padding()
        self.tokenizer = tokenizer
        self.chunk_tokens = chunk_tokens
        self.overlap_tokens = overlap_tokens

    def _measured_units(self, text: str) -> list[tuple[int, int, int]]:
        """(start, end, tokens) per unit; over-long units are split at token boundaries."""
        spans = _units(text)
        encodings = self.tokenizer.encode_batch(
            [text[s:e] for s, e in spans], add_special_tokens=False
        )
        measured: list[tuple[int, int, int]] = []
        for (start, end), encoding in zip(spans, encodings, strict=True):
            count = len(encoding.ids)
            if count <= self.chunk_tokens:
                measured.append((start, end, count))
                continue
            offsets = encoding.offsets
            step = self.chunk_tokens
            for first in range(0, count, step):
                last = min(first + step, count) - 1
                piece_start = start + (offsets[first][0] if first else 0)
                piece_end = start + offsets[last][1] if last < count - 1 else end
                measured.append((piece_start, piece_end, last - first + 1))
        return measured

    def chunk(self, extracted: Extracted) -> list[Chunk]:
        text = extracted.text
        units = self._measured_units(text)
        # where a file inside the file or a mailbox's message starts: no chunk spans one
        boundaries = sorted(s.start for s in extracted.sections if s.boundary)
        chunks: list[Chunk] = []
        index = 0
        while index < len(units):
            total = 0
            end_index = index
            after = bisect.bisect_right(boundaries, units[index][0])
            limit = boundaries[after] if after < len(boundaries) else len(text) + 1
            while end_index < len(units) and (
                end_index == index
                or (
                    total + units[end_index][2] <= self.chunk_tokens and units[end_index][0] < limit
                )
            ):
                total += units[end_index][2]
                end_index += 1
            start, end = units[index][0], units[end_index - 1][1]
            body = text[start:end].strip()
            lead = len(text[start:end]) - len(text[start:end].lstrip())
            chunks.append(
                Chunk(
                    ordinal=len(chunks),
                    start=start + lead,
                    end=start + lead + len(body),
                    text=body,
                    tokens=total,
                    section=extracted.section_at(start + lead),
                )
            )
            if end_index >= len(units):
                break
            if units[end_index][0] >= limit:  # a boundary: the next chunk starts there
                index = end_index
                continue
            # Step back over trailing units for the overlap, but always move forward.
            back, overlap = end_index, 0
            while back - 1 > index and overlap + units[back - 1][2] <= self.overlap_tokens:
                back -= 1
                overlap += units[back][2]
            index = back
        return _without_repeats(chunks)


def _without_repeats(chunks: list[Chunk]) -> list[Chunk]:
    """Drop chunks whose text repeats an earlier one of the same file (boilerplate, padding,
    generated files): they add nothing to search and their identical vectors hurt the
    vector index."""
    seen: set[str] = set()
    kept: list[Chunk] = []
    for chunk in chunks:
        key = " ".join(chunk.text.split())
        if key in seen:
            continue
        seen.add(key)
        kept.append(
            Chunk(len(kept), chunk.start, chunk.end, chunk.text, chunk.tokens, chunk.section)
        )
    return kept


def name_context(path: str) -> str:
    """A file's name and its folder's name in words, as context for the encoder:
    ``Travel/flight-booking-lisbon.pdf`` -> "flight booking lisbon (Travel)". People name
    files for what they hold; a name without a word of three letters or more (``4983.md``,
    ``IMG_0012.jpg``'s digits) says nothing and gives no context."""
    where = Path(path)
    words = [p for run in _NAME_RUN.findall(where.stem) for p in split_run(run)]
    if not any(len(w) >= 3 and w.isalpha() for w in words):
        return ""
    named = " ".join(words)
    folder = " ".join(_NAME_RUN.findall(where.parent.name))
    return f"{named} ({folder})" if folder else named


class Passage(Protocol):
    """What :func:`embedding_text` reads of a chunk (a new :class:`Chunk` or a stored one)."""

    @property
    def text(self) -> str: ...

    @property
    def section(self) -> str: ...


def embedding_texts(path: str, title: str, chunks: Sequence[Passage]) -> list[str]:
    """What the encoder sees for each chunk of the file at ``path`` whose title is
    ``title`` (its name when it has none): the same when a file is indexed and when its
    stored chunks are embedded again by another model."""
    name = name_context(path)
    context_title = "" if title == Path(path).name and name else title
    return [embedding_text(context_title, chunk, name) for chunk in chunks]


def embedding_text(title: str, chunk: Passage, name: str = "") -> str:
    """What the encoder sees for a chunk: its file's name (see :func:`name_context`), title
    and heading as context, then the text; nothing is repeated that the chunk already
    starts with."""
    title = " ".join(title.split())[:TITLE_CHARS]
    if name:
        title = f"{name} \u2014 {title}" if title else name
    section = chunk.section
    if section.startswith(("page ", "slide ")) or section.lower() in title.lower():
        section = ""
    context = f"{title} \u2014 {section}" if title and section else title or section
    opening = " ".join(chunk.text[: len(context) + 40].split()).lower()
    if not context or context.lower() in opening or (title and title.lower() in opening):
        return chunk.text
    return f"{context}\n{chunk.text}"
