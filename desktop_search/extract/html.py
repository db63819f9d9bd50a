"""HTML (and XHTML, as inside EPUB): visible text with block structure, headings as sections."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import PurePath

from desktop_search.extract.base import Extracted, Extractor, TextBuilder
from desktop_search.extract.encoding import decode_text

_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "table",
        "tr",
        "td",
        "th",
        "pre",
        "blockquote",
        "section",
        "article",
        "header",
        "footer",
        "nav",
        "aside",
        "main",
        "figure",
        "figcaption",
        "dt",
        "dd",
        "dl",
        "hr",
        "form",
        "address",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "title",
        "body",
    }
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-]+)", re.IGNORECASE)


class _TextCollector(HTMLParser):
    def __init__(self, builder: TextBuilder) -> None:
        super().__init__(convert_charrefs=True)
        self.builder = builder
        self.title = ""
        self._skip_depth = 0
        self._in_title = False
        self._heading: list[str] | None = None
        self._current: list[str] = []

    def _flush(self) -> None:
        text = " ".join("".join(self._current).split())
        self._current = []
        if text:
            self.builder.block(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS and tag != "head":
            self._skip_depth += 1
            return
        if tag == "title":
            self._in_title = True
            return
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag in _HEADINGS:
            self._heading = []

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS and tag != "head":
            self._skip_depth = max(0, self._skip_depth - 1)
            return
        if tag == "title":
            self._in_title = False
            return
        if tag in _HEADINGS and self._heading is not None:
            label = " ".join("".join(self._heading).split())
            self._heading = None
            if label:
                self.builder.section(label)
            self._flush()
            return
        if tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        if self._in_title:
            self.title += data
            return
        self._current.append(data)
        if self._heading is not None:
            self._heading.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def html_to_text(markup: str) -> tuple[str, str, TextBuilder]:
    """(title, text, builder) of an HTML document; the builder holds the sections."""
    builder = TextBuilder()
    collector = _TextCollector(builder)
    collector.feed(markup)
    collector.close()
    return " ".join(collector.title.split()), builder.text(), builder


def decode_html(data: bytes) -> str:
    match = _META_CHARSET.search(data[:4096])
    if match:
        try:
            return data.decode(match.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return decode_text(data)


class HtmlExtractor(Extractor):
    kind = "html"
    extensions = frozenset({".html", ".htm", ".xhtml", ".shtml"})

    def sniff(self, head: bytes) -> bool:
        start = head[:512].lstrip().lower()
        return start.startswith((b"<!doctype html", b"<html"))

    def extract(self, path: PurePath, data: bytes) -> Extracted:
        title, text, builder = html_to_text(decode_html(data))
        if not title and builder.sections:
            title = builder.sections[0].label
        return Extracted(text=text, kind=self.kind, title=title, sections=builder.sections)
