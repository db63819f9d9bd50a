"""Files inside files: archive members and mail attachments, through the same registry.

Every member is charged to the file's :class:`~desktop_search.extract.context.Budget`
(count and unpacked bytes) and may nest :data:`~desktop_search.extract.context.MAX_DEPTH`
levels deep, so a zip bomb inside a mail attachment costs what any zip bomb costs.
A member that cannot be read is skipped with its reason; the file's other members stay.
"""

from __future__ import annotations

import logging
from pathlib import PurePosixPath

from desktop_search.extract.base import Extracted, ExtractionError, TextBuilder
from desktop_search.extract.context import MAX_DEPTH, MAX_MEMBER_BYTES, current, nested
from desktop_search.extract.registry import SNIFF_BYTES, registry

log = logging.getLogger(__name__)

SEPARATOR = " \u203a "  # a right-pointing angle quote: "mail.eml \u203a report.pdf \u203a page 2"


class MemberError(ExtractionError):
    """A member that was not extracted (too deep, over budget, unsupported, unreadable)."""


def charge(name: str, size: int) -> None:
    """Account for one member of ``size`` uncompressed bytes before it is read.
    Raises :class:`MemberError` when it would go over the file's limits."""
    context = current()
    if context.depth >= MAX_DEPTH:
        raise MemberError(f"nested more than {MAX_DEPTH} levels deep")
    if context.budget.members <= 0:
        raise MemberError("too many members in this file")
    if size > MAX_MEMBER_BYTES:
        raise MemberError(f"member too large ({size / 1e6:.0f} MB)")
    if size > context.budget.unpacked_bytes:
        raise MemberError("this file unpacks to too much data: refused as a possible bomb")
    context.budget.members -= 1
    context.budget.unpacked_bytes -= size


def extract_member(name: str, data: bytes) -> Extracted:
    """The text of a member called ``name`` (its path inside its container), by content
    first and then by extension, one level deeper than the caller.
    Raises :class:`MemberError` (or :class:`ExtractionError`) with the reason."""
    extractor = registry().choose(PurePosixPath(name), data[:SNIFF_BYTES])
    if extractor is None:
        raise MemberError(f"unsupported file type '{PurePosixPath(name).suffix or name}'")
    if not data:
        raise MemberError("empty file")
    with nested():
        return extractor.extract(PurePosixPath(name), data)


def add_member(builder: TextBuilder, label: str, data: bytes) -> bool:
    """Extract ``data`` as the member ``label`` and include it; a member that cannot be
    read is recorded in the context's ``skipped_members`` and False is returned."""
    try:
        charge(label, len(data))
        extracted = extract_member(label, data)
    except ExtractionError as exc:
        current().skipped_members.append((label, str(exc)))
        return False
    except (MemoryError, RecursionError):
        raise  # the whole file is beyond the limits: the guard says so
    except Exception as exc:  # a reader's bug on one member costs that member only
        log.warning("extracting member %r failed", label, exc_info=True)
        current().skipped_members.append((label, f"extractor failed: {type(exc).__name__}"))
        return False
    if not extracted.text.strip():
        current().skipped_members.append((label, "no text found"))
        return False
    builder.nest(label, extracted, SEPARATOR)
    return True
