"""Plain text, Markdown and reStructuredText (headings become sections)."""

from __future__ import annotations

import re
from pathlib import PurePath

from desktop_search.extract.base import Extracted, Extractor, Section
from desktop_search.extract.encoding import decode_text

_MD_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.+?)\s*#*\s*$", re.MULTILINE)
_RST_UNDERLINE = re.compile(
    r"^(?P<title>[^\n]+)\n(?P<rule>([=\-~^\"'`#*+])\3{2,})\s*$", re.MULTILINE
)


def _markdown_sections(text: str) -> list[Section]:
    sections = [Section(m.start(), m.group(2)) for m in _MD_HEADING.finditer(text)]
    for m in _RST_UNDERLINE.finditer(text):
        title = m.group("title").strip()
        if title and len(m.group("rule")) >= len(title) - 1:
            sections.append(Section(m.start(), title))
    return sorted(sections, key=lambda s: s.start)


class PlainTextExtractor(Extractor):
    kind = "text"
    extensions = frozenset(
        {
            ".txt",
            ".text",
            ".log",
            ".md",
            ".markdown",
            ".mdown",
            ".rst",
            ".org",
            ".adoc",
            ".asciidoc",
            ".tex",
            ".nfo",
            ".me",
        }
    )

    def extract(self, path: PurePath, data: bytes) -> Extracted:
        text = decode_text(data).replace("\r\n", "\n").replace("\r", "\n")
        sections = _markdown_sections(text)
        title = sections[0].label if sections and sections[0].start < 200 else ""
        return Extracted(text=text, kind=self.kind, title=title, sections=sections)
