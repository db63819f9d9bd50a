"""The extraction contract every format module fulfils."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import PurePath


class ExtractionError(Exception):
    """A file could not be turned into text; ``str(exc)`` is the reason shown to the user."""


class ExtractionCancelled(Exception):  # noqa: N818  (a request, not an error)
    """The work on a file was abandoned because the indexer was asked to stop; the file is
    not failed, it stays pending."""


@dataclass(frozen=True)
class Section:
    """Where a page, slide, chapter or heading starts in the extracted text."""

    start: int
    label: str
    # A boundary no chunk crosses: a file inside the file (an archive member, an
    # attachment) or a message of a mailbox, so each hit names the one it came from.
    boundary: bool = False


@dataclass
class Extracted:
    """Plain text of one file, with its title and the sections chunks can point back to."""

    text: str
    kind: str
    title: str = ""
    sections: list[Section] = field(default_factory=list)
    # Set by the guard: pages recognised by OCR now / read from its cache / still waiting
    # for the OCR job, and the members (of an archive, a mail) that were skipped, with why.
    ocr_recognised: int = 0
    ocr_cached: int = 0
    ocr_pending: int = 0
    ocr_skipped: int = 0  # pages OCR did not read: over the page cap or the time limit
    skipped_members: list[tuple[str, str]] = field(default_factory=list)

    def note(self) -> str:
        """What of the file was left out, and why ('' when nothing): shown in Status."""
        parts = []
        if self.ocr_skipped:
            parts.append(f"{self.ocr_skipped:,} page(s) not read by OCR (the limit a file)")
        if self.skipped_members:
            label, reason = self.skipped_members[0]
            more = len(self.skipped_members) - 1
            others = f" and {more:,} more" if more else ""
            parts.append(f"left out: {label} ({reason}){others}")
        return "; ".join(parts)[:500]

    def section_at(self, offset: int) -> str:
        """The label of the section that contains character ``offset`` ('' if none)."""
        label = ""
        for section in self.sections:
            if section.start > offset:
                break
            label = section.label
        return label


class TextBuilder:
    """Accumulates blocks of text and records section starts at the right offsets."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.sections: list[Section] = []

    def section(self, label: str, *, boundary: bool = False) -> None:
        label = " ".join(label.split())[:200]
        if label:
            self.sections.append(Section(self._length, label, boundary))

    def block(self, text: str) -> None:
        text = text.strip()
        if not text:
            return
        if self._parts:
            self._parts.append("\n\n")
            self._length += 2
        self._parts.append(text)
        self._length += len(text)

    def nest(self, label: str, extracted: Extracted, separator: str) -> None:
        """Append another file's text (an archive member, an attachment) as a section named
        ``label``; its own sections are kept as ``label<separator>its label``."""
        text = extracted.text.strip()
        if not text:
            return
        lead = len(extracted.text) - len(extracted.text.lstrip())
        self.section(label, boundary=True)
        start = self._length + (2 if self._parts else 0)
        for inner in extracted.sections:
            self.sections.append(
                Section(
                    start + max(0, inner.start - lead), f"{label}{separator}{inner.label}"[:200]
                )
            )
        self.block(text)

    def text(self) -> str:
        return "".join(self._parts)


class Extractor(ABC):
    """One file format. Subclasses declare their extensions and may sniff content."""

    kind: str = ""
    extensions: frozenset[str] = frozenset()

    def sniff(self, head: bytes) -> bool:
        """True when the first bytes of a file say it is this format (whatever its name)."""
        return False

    @abstractmethod
    def extract(self, path: PurePath, data: bytes) -> Extracted:
        """Turn the file's bytes into text; raise :class:`ExtractionError` with a reason."""
