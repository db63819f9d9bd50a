"""EPUB e-books: the spine's XHTML documents in reading order, one section per chapter."""

from __future__ import annotations

import posixpath
from pathlib import PurePath
from urllib.parse import unquote

from desktop_search.extract.base import Extracted, ExtractionError, Extractor, TextBuilder
from desktop_search.extract.html import decode_html, html_to_text
from desktop_search.extract.ziparchive import SafeZip, local_name, zip_mimetype


class EpubExtractor(Extractor):
    kind = "epub"
    extensions = frozenset({".epub"})

    def sniff(self, head: bytes) -> bool:
        return zip_mimetype(head) == "application/epub+zip"

    def extract(self, path: PurePath, data: bytes) -> Extracted:
        archive = SafeZip(data, "EPUB book")
        container = archive.xml("META-INF/container.xml")
        rootfile = next(
            (
                n.get("full-path")
                for n in container.iter()
                if local_name(n.tag) == "rootfile" and n.get("full-path")
            ),
            None,
        )
        if not rootfile:
            raise ExtractionError("corrupt EPUB book: no package document in container.xml")
        package = archive.xml(rootfile)
        base = posixpath.dirname(rootfile)
        manifest: dict[str, str] = {}
        title = ""
        spine: list[str] = []
        for node in package.iter():
            name = local_name(node.tag)
            if name == "item" and node.get("id") and node.get("href"):
                href = unquote(node.get("href", "")).split("#", 1)[0]
                manifest[node.get("id", "")] = posixpath.normpath(posixpath.join(base, href))
            elif name == "itemref" and node.get("idref"):
                spine.append(node.get("idref", ""))
            elif name == "title" and not title and node.text:
                title = node.text.strip()
        builder = TextBuilder()
        for chapter, idref in enumerate(spine, start=1):
            member = manifest.get(idref)
            if member is None or member not in archive.names:
                continue
            chapter_title, text, inner = html_to_text(decode_html(archive.read(member)))
            label = inner.sections[0].label if inner.sections else chapter_title
            builder.section(label or f"chapter {chapter}")
            builder.block(text)
        return Extracted(
            text=builder.text(), kind=self.kind, title=title, sections=builder.sections
        )
