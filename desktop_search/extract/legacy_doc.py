"""Word 97-2003 documents (.doc): the text of the piece table, read with olefile.

A .doc is an OLE2 file. Its ``WordDocument`` stream opens with the FIB (file information
block), which gives the length of each story (main text, footnotes, headers, comments,
endnotes, text boxes, in that order of character positions) and where the CLX lies in the
table stream (``0Table`` or ``1Table``, as the FIB says). The CLX's piece table maps runs of
character positions to bytes of the ``WordDocument`` stream, each run 8-bit (cp1252,
"compressed") or UTF-16LE. Field instructions (``HYPERLINK "..."``, ``PAGE``) are dropped
and their results kept; paragraph, cell and break marks become line breaks and tabs.

Every offset and length read from the file is checked against the streams, and the text is
capped, so a lying FIB costs an error message. Word 95 and older files (another FIB), and
files saved with a password, are refused with their reason.
"""

from __future__ import annotations

import io
import re
import struct
from pathlib import PurePath
from typing import Any

from desktop_search.extract.base import Extracted, ExtractionError, Extractor, TextBuilder

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
WORD_IDENT = 0xA5EC
NFIB_WORD97 = 0xC0  # Word 97 writes 0xC1; Word 6/95 wrote 0x65-0x68 (another layout)
F_ENCRYPTED = 0x0100
F_WHICH_TABLE = 0x0200  # the table stream is 1Table (else 0Table)
F_OBFUSCATED = 0x8000
MAX_CHARS = 20_000_000  # characters read from the piece table
FC_CLX_PAIR = 33  # index of fcClx/lcbClx in FibRgFcLcb97
# Stories in the order of their character positions, by their index in FibRgLw97:
# ccpText, ccpFtn, ccpHdd, (reserved), ccpAtn, ccpEdn, ccpTxbx, ccpHdrTxbx.
_STORIES = (
    (3, ""),
    (4, "footnotes"),
    (5, None),  # headers and footers: page furniture and separators, left out
    (6, None),
    (7, "comments"),
    (8, "endnotes"),
    (9, "text boxes"),
    (10, None),
)
_FIELD_MARKS = re.compile("([\x13\x14\x15])")
# Paragraph, line, page and section marks; cell marks (a row ends with two); special
# characters (pictures, note references, separators) and optional hyphens dropped.
_CONTROLS = {c: None for c in range(32) if c not in (9, 10)} | {
    13: "\n",
    11: "\n",
    12: "\n",
    7: "\t",
    30: "-",
}

NOT_SUPPORTED = "not a Word 97-2003 document"
SUMMARY_STREAM = "\x05SummaryInformation"
MAX_SUMMARY_BYTES = 1024 * 1024
PID_CODEPAGE, PID_TITLE = 1, 2
VT_I2, VT_LPSTR, VT_LPWSTR = 0x02, 0x1E, 0x1F


def _corrupt(reason: str) -> ExtractionError:
    return ExtractionError(f"corrupt or unreadable Word document: {reason}")


def _fib(stream: bytes) -> tuple[int, list[int], int, int]:
    """Flags, story lengths (FibRgLw97 as read) and the CLX's offset and size."""
    if len(stream) < 34:
        raise _corrupt("WordDocument stream too short")
    ident, nfib = struct.unpack_from("<HH", stream, 0)
    if ident != WORD_IDENT:
        raise ExtractionError(NOT_SUPPORTED)
    if nfib < NFIB_WORD97:
        raise ExtractionError("Word 95 or older .doc is not supported: save it as .docx")
    (flags,) = struct.unpack_from("<H", stream, 0x0A)
    try:
        (csw,) = struct.unpack_from("<H", stream, 32)
        at = 34 + 2 * csw
        (cslw,) = struct.unpack_from("<H", stream, at)
        lengths = list(struct.unpack_from(f"<{cslw}i", stream, at + 2))
        at += 2 + 4 * cslw
        (pairs,) = struct.unpack_from("<H", stream, at)
        if cslw < 11 or pairs <= FC_CLX_PAIR:
            raise _corrupt("file information block too short")
        fc_clx, lcb_clx = struct.unpack_from("<II", stream, at + 2 + 8 * FC_CLX_PAIR)
    except struct.error as exc:
        raise _corrupt("file information block truncated") from exc
    return flags, lengths, fc_clx, lcb_clx


def _pieces(clx: bytes) -> list[tuple[int, int, int, bool]]:
    """The piece table: (first character position, character count, stream offset,
    8-bit?) per piece, in order."""
    at = 0
    while at < len(clx) and clx[at] == 0x01:  # Prc: formatting of pieces, skipped
        if at + 3 > len(clx):
            raise _corrupt("truncated piece formatting")
        (size,) = struct.unpack_from("<h", clx, at + 1)
        if size < 0:
            raise _corrupt("bad piece formatting")
        at += 3 + size
    if at + 5 > len(clx) or clx[at] != 0x02:
        raise _corrupt("no piece table")
    (size,) = struct.unpack_from("<I", clx, at + 1)
    plc = clx[at + 5 : at + 5 + size]
    count = (len(plc) - 4) // 12
    if count < 1:
        raise _corrupt("empty piece table")
    positions = struct.unpack_from(f"<{count + 1}I", plc, 0)
    pieces: list[tuple[int, int, int, bool]] = []
    for index in range(count):
        _, fc, _ = struct.unpack_from("<HIH", plc, 4 * (count + 1) + 8 * index)
        start, end = positions[index], positions[index + 1]
        if end < start:
            raise _corrupt("piece table out of order")
        compressed = bool(fc & 0x40000000)
        offset = (fc & 0x3FFFFFFF) // 2 if compressed else fc & 0x3FFFFFFF
        pieces.append((start, end - start, offset, compressed))
    return pieces


def _raw_text(stream: bytes, pieces: list[tuple[int, int, int, bool]], wanted: int) -> str:
    """The first ``wanted`` characters of the document, piece by piece (a piece cut short
    by the end of the stream is padded, so later stories stay where the FIB says)."""
    parts: list[str] = []
    have = 0
    for _, count, offset, compressed in pieces:
        if have >= wanted:
            break
        count = min(count, wanted - have)
        if compressed:
            text = stream[offset : offset + count].decode("cp1252", errors="replace")
        else:
            text = stream[offset : offset + 2 * count].decode("utf-16-le", errors="replace")
        parts.append(text.ljust(count)[:count])
        have += count
    return "".join(parts)


def _visible(text: str) -> str:
    """Text without field instructions (kept: a field's result), marks made plain."""
    parts: list[str] = []
    stack: list[bool] = []  # per open field: showing its result yet?
    hidden = 0  # open fields still in their instructions
    for token in _FIELD_MARKS.split(text):
        if token == "\x13":
            stack.append(False)
            hidden += 1
        elif token == "\x14":
            if stack and not stack[-1]:
                stack[-1] = True
                hidden -= 1
        elif token == "\x15":
            if stack and not stack.pop():
                hidden -= 1
        elif hidden == 0:
            parts.append(token)
    return "".join(parts).replace("\x07\x07", "\n").translate(_CONTROLS)


def summary_title(ole: Any) -> str:
    """The title in an OLE2 file's SummaryInformation ('' when none or unreadable).

    Read here rather than by olefile's ``get_metadata``, which loops over whatever count a
    damaged vector property declares (minutes on a fuzzed file): only the code page and
    the title are looked at, every offset checked."""
    try:
        if not ole.exists(SUMMARY_STREAM):
            return ""
        stream = ole.openstream(SUMMARY_STREAM).read(MAX_SUMMARY_BYTES)
        return _summary_title(stream)
    except Exception:  # a damaged summary costs the title, not the text
        return ""


def _summary_title(stream: bytes) -> str:
    (section,) = struct.unpack_from("<I", stream, 44)  # first property set's offset
    (count,) = struct.unpack_from("<I", stream, section + 4)
    codepage = 1252
    raw = b""
    wide = False
    for index in range(min(count, 256)):
        ident, offset = struct.unpack_from("<II", stream, section + 8 + 8 * index)
        at = section + offset
        (kind,) = struct.unpack_from("<H", stream, at)
        if ident == PID_CODEPAGE and kind == VT_I2:
            (codepage,) = struct.unpack_from("<H", stream, at + 4)
        elif ident == PID_TITLE and kind in (VT_LPSTR, VT_LPWSTR):
            (size,) = struct.unpack_from("<I", stream, at + 4)
            wide = kind == VT_LPWSTR
            raw = stream[at + 8 : at + 8 + min(size, 1000) * (2 if wide else 1)]
    if wide or codepage == 1200:
        title = raw.decode("utf-16-le", errors="replace")
    else:
        encoding = "utf-8" if codepage == 65001 else f"cp{codepage}"
        try:
            title = raw.decode(encoding, errors="replace")
        except LookupError:
            title = raw.decode("cp1252", errors="replace")
    return " ".join(title.replace("\x00", " ").split())[:300]


class LegacyDocExtractor(Extractor):
    kind = "doc"
    extensions = frozenset({".doc", ".dot"})

    def extract(self, path: PurePath, data: bytes) -> Extracted:
        if data.startswith(b"PK\x03\x04"):  # a .docx under an old name
            from desktop_search.extract.office import DocxExtractor

            return DocxExtractor().extract(path, data)
        if not data.startswith(OLE_SIGNATURE):
            raise ExtractionError(NOT_SUPPORTED)
        import olefile  # type: ignore[import-untyped]

        try:
            with olefile.OleFileIO(io.BytesIO(data)) as ole:
                if not ole.exists("WordDocument"):
                    raise ExtractionError(NOT_SUPPORTED)
                stream = ole.openstream("WordDocument").read()
                flags, lengths, fc_clx, lcb_clx = _fib(stream)
                if flags & (F_ENCRYPTED | F_OBFUSCATED):
                    raise ExtractionError("encrypted Word document (needs a password)")
                table_name = "1Table" if flags & F_WHICH_TABLE else "0Table"
                if not ole.exists(table_name):
                    raise _corrupt(f"missing {table_name} stream")
                table = ole.openstream(table_name).read()
                title = summary_title(ole)
        except ExtractionError:
            raise
        except Exception as exc:  # olefile's OSError on a damaged container, and the like
            raise _corrupt(f"{type(exc).__name__}: {exc}"[:200]) from exc
        if fc_clx + lcb_clx > len(table):
            raise _corrupt("piece table beyond the table stream")
        pieces = _pieces(table[fc_clx : fc_clx + lcb_clx])
        sizes = [max(0, lengths[index]) for index, _ in _STORIES]
        raw = _raw_text(stream, pieces, min(sum(sizes), MAX_CHARS))
        builder = TextBuilder()
        start = 0
        for size, (_, label) in zip(sizes, _STORIES, strict=True):
            story, start = raw[start : start + size], start + size
            if label is None:
                continue
            text = _visible(story)
            if label and text.strip():
                builder.section(label)
            for paragraph in text.split("\n"):
                builder.block(paragraph)
        return Extracted(
            text=builder.text(), kind=self.kind, title=title, sections=builder.sections
        )
