"""Spreadsheets (xlsx, xlsm, xlsb, xls, ods) through calamine: one section per sheet, each
row a line with its column names as context (see ``tabular.py``).

xlsx/xlsm/xlsb are zip files like docx and plain archives, and xls is an OLE2 file like
.doc and .msg, so those go by their extension; only ods says what it is (the OpenDocument
``mimetype`` member) and is sniffed. A zip container is checked for bombs (``SafeZip``)
before calamine unpacks it. An Office file saved with a password is an OLE2 container
holding an ``EncryptedPackage`` stream whatever its name, an encrypted ods has encrypted
members: both say they need a password.
"""

from __future__ import annotations

import io
import re
import zlib
from itertools import islice
from pathlib import PurePath

from python_calamine import CalamineWorkbook, SheetTypeEnum

from desktop_search.extract.base import Extracted, ExtractionError, Extractor, TextBuilder
from desktop_search.extract.legacy_doc import summary_title
from desktop_search.extract.tabular import MAX_ROWS, rows_to_lines
from desktop_search.extract.ziparchive import SafeZip, zip_mimetype

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"
MAX_ROWS_PER_FILE = 100_000  # all sheets together
ENCRYPTED = "encrypted spreadsheet (needs a password)"
_CELL_SHEETS = (SheetTypeEnum.WorkSheet, SheetTypeEnum.DialogSheet, SheetTypeEnum.MacroSheet)
_DC_TITLE = re.compile(rb"<dc:title>([^<]{1,300})</dc:title>")


def _unreadable(exc: BaseException) -> ExtractionError:
    return ExtractionError(f"corrupt or unreadable spreadsheet: {type(exc).__name__}: {exc}"[:300])


def _ole_title(data: bytes) -> str:
    """The title of an xls (its SummaryInformation). Raises the 'encrypted' error for an
    OLE2 file holding an encrypted Office Open XML package (what Excel writes for an xlsx
    with a password)."""
    import olefile  # type: ignore[import-untyped]

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            if ole.exists("EncryptedPackage") or ole.exists("EncryptionInfo"):
                raise ExtractionError(ENCRYPTED)
            return summary_title(ole)
    except ExtractionError:
        raise
    except Exception:  # not a readable OLE2 file: calamine says what is wrong with it
        return ""


def _zip_title(data: bytes) -> str:
    """The title an xlsx (docProps/core.xml) or ods (meta.xml) declares, if any. Refuses
    zip bombs and encrypted ods files before calamine unpacks anything."""
    archive = SafeZip(data, "spreadsheet")
    manifest = "META-INF/manifest.xml"
    if manifest in archive.names and b"encryption-data" in _member(archive, manifest):
        raise ExtractionError(ENCRYPTED)
    for name in ("docProps/core.xml", "meta.xml"):
        match = _DC_TITLE.search(_member(archive, name))
        if match:
            return match.group(1).decode("utf-8", "replace").strip()
    return ""


def _member(archive: SafeZip, name: str) -> bytes:
    """A small member's bytes (b'' when missing or damaged: calamine judges the file)."""
    if name not in archive.names:
        return b""
    try:
        return archive.read(name)
    except (ExtractionError, zlib.error):  # SafeZip lets a damaged deflate stream through
        return b""


def _calamine_error(exc: BaseException) -> ExtractionError:
    message = str(exc)
    if type(exc).__name__ == "PasswordError" or "password" in message.lower():
        return ExtractionError(ENCRYPTED)
    return _unreadable(exc)


class SpreadsheetExtractor(Extractor):
    kind = "spreadsheet"
    extensions = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"})

    def sniff(self, head: bytes) -> bool:
        return zip_mimetype(head) == ODS_MIMETYPE

    def extract(self, path: PurePath, data: bytes) -> Extracted:
        builder = TextBuilder()
        try:
            title = _container_title(data)
            _read_sheets(data, builder)
        except (KeyboardInterrupt, SystemExit, MemoryError, ExtractionError):
            raise
        except BaseException as exc:  # CalamineError, pyo3's PanicException, zipfile's own
            raise _calamine_error(exc) from exc
        return Extracted(
            text=builder.text(), kind=self.kind, title=title, sections=builder.sections
        )


def _container_title(data: bytes) -> str:
    if data.startswith(OLE_SIGNATURE):
        return _ole_title(data)
    if data.startswith(b"PK\x03\x04"):
        return _zip_title(data)
    return ""


def _read_sheets(data: bytes, builder: TextBuilder) -> None:
    """Each sheet with cells as a section (at most MAX_ROWS rows of a sheet, and
    MAX_ROWS_PER_FILE of all together)."""
    budget = MAX_ROWS_PER_FILE
    with CalamineWorkbook.from_filelike(io.BytesIO(data)) as workbook:
        for meta in workbook.sheets_metadata:
            if budget <= 0:
                break
            if meta.typ not in _CELL_SHEETS:
                continue  # chart sheets and VBA modules hold no cells
            rows = workbook.get_sheet_by_name(meta.name).iter_rows()
            table = list(islice(rows, min(MAX_ROWS, budget)))
            budget -= len(table)
            text = "\n".join(rows_to_lines(table)).strip()
            if text:
                builder.section(f"sheet {meta.name}", boundary=True)
                builder.block(text)
