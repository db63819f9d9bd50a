"""PDF via pypdf; every page is a section so results can say 'page N'."""

from __future__ import annotations

import io
import logging
from pathlib import PurePath

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from desktop_search.extract.base import Extracted, ExtractionError, Extractor, TextBuilder

logging.getLogger("pypdf").setLevel(logging.ERROR)


class PdfExtractor(Extractor):
    kind = "pdf"
    extensions = frozenset({".pdf"})

    def sniff(self, head: bytes) -> bool:
        return b"%PDF-" in head[:1024]

    def extract(self, path: PurePath, data: bytes) -> Extracted:
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                try:
                    if not reader.decrypt(""):
                        raise ExtractionError("encrypted PDF (needs a password)")
                except (NotImplementedError, PyPdfError) as exc:
                    raise ExtractionError(f"encrypted PDF: {exc}") from exc
            builder = TextBuilder()
            for number, page in enumerate(reader.pages, start=1):
                builder.section(f"page {number}")
                builder.block(page.extract_text() or "")
            title = ""
            try:
                meta = reader.metadata
                if meta is not None and meta.title:
                    title = str(meta.title)
            except (PyPdfError, ValueError, TypeError, KeyError):
                title = ""
        except ExtractionError:
            raise
        except (
            PdfReadError,
            PyPdfError,
            ValueError,
            KeyError,
            TypeError,
            AssertionError,
            IndexError,
            AttributeError,
            OSError,
            RecursionError,
            ZeroDivisionError,
        ) as exc:
            raise ExtractionError(
                f"corrupt or unreadable PDF: {exc or type(exc).__name__}"
            ) from exc
        text = builder.text()
        sections = builder.sections
        return Extracted(text=text, kind=self.kind, title=title.strip(), sections=sections)
