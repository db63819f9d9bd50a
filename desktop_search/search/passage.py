"""A matched passage in its context, for the preview pane: the chunk with its neighbours
from the same section (the same page of a PDF, slide, or heading), stitched back into one
text along their character offsets (chunks overlap, so the overlap is written once)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from desktop_search.search.snippets import highlight_spans
from desktop_search.search.terms import query_terms
from desktop_search.storage.catalog import Catalog, ChunkRow

NEIGHBOURS = 3  # chunks shown on each side of the match, within its section
GAP = "\n\n[…]\n\n"


@dataclass
class Passage:
    path: str
    section: str
    text: str
    match_start: int  # the matched chunk's place in ``text``
    match_end: int
    highlights: list[tuple[int, int]]
    more_before: bool
    more_after: bool

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["highlights"] = [list(span) for span in self.highlights]
        return data


def passage_in_context(catalog: Catalog, path: str, chunk_id: int, query: str = "") -> Passage:
    row = catalog.file_by_path(path)
    if row is None:
        raise LookupError(f"{path} is not in the index")
    ids = catalog.chunk_ids_of_file(row.id)
    if chunk_id not in ids:
        raise LookupError(f"passage {chunk_id} is not part of {path}")
    at = ids.index(chunk_id)
    window = ids[max(0, at - NEIGHBOURS) : at + NEIGHBOURS + 1]
    chunks = catalog.chunks_by_ids(window)
    match = chunks[chunk_id]
    same_section = [chunks[i] for i in window if i in chunks and chunks[i].section == match.section]
    same_section.sort(key=lambda c: c.start)
    text, match_start, match_end = _stitch(same_section, match)
    return Passage(
        path=row.display_path,
        section=match.section,
        text=text,
        match_start=match_start,
        match_end=match_end,
        highlights=highlight_spans(text, query_terms(query), match.language) if query else [],
        more_before=same_section[0].id != ids[0],
        more_after=same_section[-1].id != ids[-1],
    )


def _stitch(chunks: list[ChunkRow], match: ChunkRow) -> tuple[str, int, int]:
    """One text from chunks sorted by start; where ``match`` begins and ends in it."""
    out = ""
    covered_to = -1  # document offset of the end of ``out``'s last contiguous run
    match_start = 0
    for chunk in chunks:
        if covered_to < 0:
            begins = 0
            out = chunk.text
        elif chunk.start < covered_to:  # overlapping: write only what is new
            begins = len(out) - (covered_to - chunk.start)
            out += chunk.text[covered_to - chunk.start :]
        else:
            begins = len(out) + len(GAP)
            out += GAP + chunk.text
        if chunk.id == match.id:
            match_start = max(0, begins)
        covered_to = max(covered_to, chunk.end)
    return out, match_start, min(len(out), match_start + len(match.text))
