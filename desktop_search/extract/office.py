"""Office Open XML (DOCX, PPTX) and OpenDocument (ODT, ODP): text, with headings and slides."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePath
from xml.etree.ElementTree import Element

from desktop_search.extract.base import Extracted, Extractor, TextBuilder
from desktop_search.extract.ziparchive import SafeZip, local_name, zip_mimetype

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DC_TITLE = re.compile(rb"<dc:title>([^<]{1,300})</dc:title>")


def _core_title(archive: SafeZip) -> str:
    if "docProps/core.xml" not in archive.names:
        return ""
    match = _DC_TITLE.search(archive.read("docProps/core.xml"))
    return match.group(1).decode("utf-8", "replace").strip() if match else ""


def _docx_paragraph_text(paragraph: Element) -> str:
    parts: list[str] = []
    for node in paragraph.iter():
        name = local_name(node.tag)
        if name == "t" and node.text:
            parts.append(node.text)
        elif name == "tab":
            parts.append("\t")
        elif name in ("br", "cr"):
            parts.append("\n")
    return "".join(parts)


def _docx_heading_level(paragraph: Element) -> bool:
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    if style is None:
        return False
    value = (style.get(f"{_W}val") or "").lower()
    return value.startswith(("heading", "title")) or value in {"berschrift1", "titre1"}


class DocxExtractor(Extractor):
    kind = "docx"
    extensions = frozenset({".docx", ".docm", ".dotx"})

    def extract(self, path: PurePath, data: bytes) -> Extracted:
        archive = SafeZip(data, "DOCX document")
        body = archive.xml("word/document.xml")
        builder = TextBuilder()
        for paragraph in body.iter(f"{_W}p"):
            text = _docx_paragraph_text(paragraph)
            if _docx_heading_level(paragraph):
                builder.section(text)
            builder.block(text)
        title = _core_title(archive) or (builder.sections[0].label if builder.sections else "")
        return Extracted(
            text=builder.text(), kind=self.kind, title=title, sections=builder.sections
        )


def _slide_number(name: str) -> int:
    match = re.search(r"(\d+)\.xml$", name)
    return int(match.group(1)) if match else 0


class PptxExtractor(Extractor):
    kind = "pptx"
    extensions = frozenset({".pptx", ".pptm", ".potx"})

    def extract(self, path: PurePath, data: bytes) -> Extracted:
        archive = SafeZip(data, "PPTX presentation")
        slides = sorted(
            (n for n in archive.names if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)),
            key=_slide_number,
        )
        if not slides and "ppt/presentation.xml" not in archive.names:
            archive.read("ppt/presentation.xml")  # raises the 'corrupt' error
        builder = TextBuilder()
        for name in slides:
            builder.section(f"slide {_slide_number(name)}")
            root = archive.xml(name)
            for paragraph in root.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}p"):
                builder.block(
                    "".join(t.text or "" for t in paragraph.iter() if local_name(t.tag) == "t")
                )
        return Extracted(
            text=builder.text(),
            kind=self.kind,
            title=_core_title(archive),
            sections=builder.sections,
        )


def _odf_text(node: Element) -> Iterator[str]:
    if node.text:
        yield node.text
    for child in node:
        name = local_name(child.tag)
        if name == "s":
            yield " " * int(child.get("{urn:oasis:names:tc:opendocument:xmlns:text:1.0}c", "1"))
        elif name == "tab":
            yield "\t"
        elif name == "line-break":
            yield "\n"
        elif name not in ("note-citation", "annotation"):
            yield from _odf_text(child)
        if child.tail:
            yield child.tail


class OpenDocumentExtractor(Extractor):
    kind = "odt"
    # ods goes to spreadsheet.py, which keeps each cell with its column's name.
    extensions = frozenset({".odt", ".ott", ".odp"})
    _MIMETYPES = (
        "application/vnd.oasis.opendocument.text",
        "application/vnd.oasis.opendocument.presentation",
    )

    def sniff(self, head: bytes) -> bool:
        return zip_mimetype(head).startswith(self._MIMETYPES)

    def extract(self, path: PurePath, data: bytes) -> Extracted:
        archive = SafeZip(data, "OpenDocument file")
        root = archive.xml("content.xml")
        builder = TextBuilder()
        slide = 0
        for node in root.iter():
            name = local_name(node.tag)
            if name == "page":
                slide += 1
                builder.section(f"slide {slide}")
            elif name == "h":
                text = "".join(_odf_text(node))
                builder.section(text)
                builder.block(text)
            elif name == "p":
                builder.block("".join(_odf_text(node)))
        title = ""
        if "meta.xml" in archive.names:
            match = _DC_TITLE.search(archive.read("meta.xml"))
            title = match.group(1).decode("utf-8", "replace").strip() if match else ""
        if not title and builder.sections and not builder.sections[0].label.startswith("slide"):
            title = builder.sections[0].label
        return Extracted(
            text=builder.text(), kind=self.kind, title=title, sections=builder.sections
        )
