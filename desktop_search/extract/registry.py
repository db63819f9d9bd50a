"""Which extractor handles a file: by content sniffing first, then by extension.

The packaging spec reads :data:`EXTRACTOR_MODULES` to derive its hidden imports, so a
format added here is bundled without a second list to keep in sync.
"""

from __future__ import annotations

import importlib
from pathlib import Path, PurePath

from desktop_search.extract.base import Extractor

EXTRACTOR_MODULES: dict[str, str] = {
    "mail": "desktop_search.extract.mail:EmailExtractor",
    "mbox": "desktop_search.extract.mbox:MboxExtractor",
    "outlook": "desktop_search.extract.outlook:OutlookExtractor",
    "pdf": "desktop_search.extract.pdf:PdfExtractor",
    "image": "desktop_search.extract.image:ImageExtractor",
    "epub": "desktop_search.extract.epub:EpubExtractor",
    "odt": "desktop_search.extract.office:OpenDocumentExtractor",
    "docx": "desktop_search.extract.office:DocxExtractor",
    "pptx": "desktop_search.extract.office:PptxExtractor",
    "spreadsheet": "desktop_search.extract.spreadsheet:SpreadsheetExtractor",
    "csv": "desktop_search.extract.delimited:DelimitedExtractor",
    "rtf": "desktop_search.extract.rtf:RtfExtractor",
    "doc": "desktop_search.extract.legacy_doc:LegacyDocExtractor",
    "archive": "desktop_search.extract.archive:ArchiveExtractor",
    "html": "desktop_search.extract.html:HtmlExtractor",
    "code": "desktop_search.extract.sourcecode:SourceCodeExtractor",
    "text": "desktop_search.extract.plaintext:PlainTextExtractor",
}

SNIFF_BYTES = 2048


def _load(spec: str) -> Extractor:
    module_name, class_name = spec.split(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    extractor: Extractor = cls()
    return extractor


class ExtractorRegistry:
    def __init__(self) -> None:
        self.extractors: dict[str, Extractor] = {
            kind: _load(spec) for kind, spec in EXTRACTOR_MODULES.items()
        }
        self._by_extension: dict[str, Extractor] = {}
        for extractor in self.extractors.values():
            for ext in extractor.extensions:
                self._by_extension[ext] = extractor

    @property
    def extensions(self) -> frozenset[str]:
        return frozenset(self._by_extension)

    def by_extension(self, path: PurePath) -> Extractor | None:
        """By the last two suffixes when they are registered together ('.tar.gz'), else by
        the last one."""
        double = "".join(path.suffixes[-2:]).lower()
        return self._by_extension.get(double) or self._by_extension.get(path.suffix.lower())

    def choose(self, path: PurePath, head: bytes) -> Extractor | None:
        """Content wins where it is unambiguous (a PDF named .txt is read as PDF)."""
        for extractor in self.extractors.values():
            if extractor.sniff(head):
                return extractor
        return self.by_extension(path)


_REGISTRY: ExtractorRegistry | None = None


def registry() -> ExtractorRegistry:
    global _REGISTRY
    if _REGISTRY is None:
        _REGISTRY = ExtractorRegistry()
    return _REGISTRY


def is_supported(path: Path) -> bool:
    return registry().by_extension(path) is not None
