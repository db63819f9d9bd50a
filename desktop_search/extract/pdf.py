"""PDF on PDFium (pypdfium2): every page is a section so results can say 'page N'.

A page's text is its text layer as PDFium reads it (in content order; ligature glyphs
come out as their letters). A page without one (a scan) gets its text from OCR through
:mod:`desktop_search.extract.scans`, which renders it only when OCR really runs.
At most :data:`MAX_PAGES` pages of a file are read; the rest, and pages PDFium cannot
load, are named in the file's extraction notes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import cache, partial
from pathlib import PurePath
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from desktop_search.extract import scans
from desktop_search.extract.base import Extracted, ExtractionError, Extractor, TextBuilder
from desktop_search.extract.context import current

if TYPE_CHECKING:
    from PIL.Image import Image

MAX_PAGES = 5000  # pages read per file; a longer one is indexed by its first pages
RENDER_DPI = 300  # page images for OCR
MAX_RENDER_PIXELS = 40_000_000  # a poster-sized page is drawn smaller, not in gigabytes

# PDFium marks a hyphen that ended a line (the line break itself is dropped) as U+0002
# (bounded text) or U+FFFE (text ranges). Between letters of a word ("infor|mation",
# "OP|TIONAL") it goes; before a capital or a digit ("Jean-|Pierre", "COVID-|19") it is
# a real hyphen. A compound split at a line end ("well-|known") loses its hyphen.
_LINE_END_HYPHEN = re.compile("(.?)[\x02\ufffe](.?)", re.DOTALL)
_PDFIUM_REASON = re.compile(r"\(PDFium: ([^)]*)\)")


def _join_hyphenated(match: re.Match[str]) -> str:
    before, after = match.group(1), match.group(2)
    word = before.isalpha() and after.isalpha() and (after.islower() or before.isupper())
    return before + ("" if word else "-") + after


def clean_page_text(text: str) -> str:
    """PDFium's page text as plain text: line breaks as ``\\n``, words hyphenated at a
    line end joined again."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _LINE_END_HYPHEN.sub(_join_hyphenated, text)


def render_page(page: pdfium.PdfPage, max_pixels: int = MAX_RENDER_PIXELS) -> Image:
    """The page as an RGB image at :data:`RENDER_DPI`, or smaller when that would exceed
    ``max_pixels``. The image owns its pixels (the PDFium bitmap is closed)."""
    width, height = page.get_size()
    scale = RENDER_DPI / 72
    if math.ceil(width * scale) * math.ceil(height * scale) > max_pixels:
        # The largest scale with (width*scale + 1) * (height*scale + 1) <= max_pixels:
        # PDFium rounds each side of the bitmap up to a whole pixel.
        area, perimeter = width * height, width + height
        root = math.sqrt((width - height) ** 2 + 4 * area * max_pixels)
        scale = (root - perimeter) / (2 * area)
    bitmap = page.render(scale=scale)
    try:
        image: Image = bitmap.to_pil()  # BGR bitmap -> a copied RGB image
        return image
    finally:
        bitmap.close()


def _open_error(exc: pdfium.PdfiumError) -> ExtractionError:
    if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
        return ExtractionError("encrypted PDF (needs a password)")
    if exc.err_code == pdfium_c.FPDF_ERR_SECURITY:
        return ExtractionError("encrypted PDF (unsupported security handler)")
    found = _PDFIUM_REASON.search(str(exc))
    reason = found.group(1).lower() if found else str(exc) or type(exc).__name__
    return ExtractionError(f"corrupt or unreadable PDF: {reason}")


def _page_text(page: pdfium.PdfPage) -> str:
    textpage = page.get_textpage()
    try:
        return clean_page_text(textpage.get_text_bounded())
    finally:
        textpage.close()


def _read_page(document: pdfium.PdfDocument, number: int, ocr_key: Callable[[], str]) -> str:
    """Page ``number``'s text layer, or its OCR text when it has none."""
    page = document.get_page(number - 1)
    try:
        text = _page_text(page)
        if scans.is_negligible(text):
            return scans.page_text(ocr_key(), number, partial(render_page, page)) or text
        return text
    finally:
        page.close()


class PdfExtractor(Extractor):
    kind = "pdf"
    extensions = frozenset({".pdf"})

    def sniff(self, head: bytes) -> bool:
        return b"%PDF-" in head[:1024]

    def extract(self, path: PurePath, data: bytes) -> Extracted:
        try:
            document = pdfium.PdfDocument(data)  # an empty user password is tried
        except pdfium.PdfiumError as exc:
            raise _open_error(exc) from exc
        try:
            return self._extract(document, data)
        finally:
            document.close()

    def _extract(self, document: pdfium.PdfDocument, data: bytes) -> Extracted:
        builder = TextBuilder()
        ocr_key = cache(partial(scans.content_key, data))  # for the first page that needs it
        pages = len(document)
        for number in range(1, min(pages, MAX_PAGES) + 1):
            builder.section(f"page {number}")
            try:
                builder.block(_read_page(document, number, ocr_key))
            except pdfium.PdfiumError as exc:
                current().skipped_members.append((f"page {number}", f"unreadable page ({exc})"))
        if pages > MAX_PAGES:
            rest = f"page {pages}" if pages == MAX_PAGES + 1 else f"pages {MAX_PAGES + 1}-{pages}"
            note = f"over the limit of {MAX_PAGES:,} pages a file"
            current().skipped_members.append((rest, note))
        title = str(document.get_metadata_dict().get("Title", ""))
        return Extracted(
            text=builder.text(), kind=self.kind, title=title.strip(), sections=builder.sections
        )
