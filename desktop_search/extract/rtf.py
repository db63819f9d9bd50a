"""RTF documents through striprtf, with the input made safe for it first.

striprtf runs two regular expressions that backtrack without bound on hostile input (its
hyperlink rewrite and its font-table parser: seconds on 10 KB, hours on a few MB) and walks
pictures' binary data one character at a time. So before it sees a document:

- ``\\binN`` data and the bulky destinations (pictures, embedded objects, themes) are cut
  out in one linear pass, which also spares its tokenizer megabytes of hex;
- the font table is rebuilt from a linear scan as ``{\\fonttbl{\\fN\\fcharsetM x;}...}``
  (character sets without a Python codec mapped to the nearest one that has one);
- ``{\\field{`` is written ``{\\field {`` (the same RTF), which the hyperlink rewrite never
  matches: link texts stay, their addresses (field instructions) go, as for any field;
- ``\\uN`` outside Unicode is replaced by ``?``, ``\\uc`` without its count gets one, and
  UTF-16 surrogate pairs are joined after.

Everything left is linear in the size of the input. The title is the ``{\\info{\\title}}``.
"""

from __future__ import annotations

import codecs
import re
from pathlib import PurePath

from striprtf.striprtf import rtf_to_text

from desktop_search.extract.base import Extracted, ExtractionError, Extractor, TextBuilder

MAGIC = b"{\\rtf"
SNIFF_BYTES = 64
_ANSICPG = re.compile(r"\\ansicpg(\d{1,5})")
_BIN = re.compile(r"\\bin(\d{1,10}) ?")
_BULKY = re.compile(
    r"\{(?:\\\*)?\\(?:pict|objdata|themedata|datastore|colorschememapping|blipuid)(?![a-zA-Z])"
)
_BRACE = re.compile(r"\\[\\{}]|[{}]")
_FONTTBL = re.compile(r"\\fonttbl(?![a-zA-Z])")
_FONT_WORD = re.compile(r"\\f(\d{1,5})(?![0-9])|\\fcharset(\d{1,5})")
_FIELD = re.compile(r"\{\\field\{", re.IGNORECASE)
_UNICODE = re.compile(r"\\u(-?\d{1,10})")
_UC_WITHOUT_COUNT = re.compile(r"\\uc(?![0-9a-zA-Z-])")
_TITLE = re.compile(r"\{\\title[ ]?([^{}]{0,1000})\}")
# \fcharset values striprtf maps to codecs Python lacks, with the nearest it has.
_CHARSET_SUBSTITUTES = {
    78: 128,
    79: 136,
    80: 129,
    82: 177,
    85: 134,
    86: 238,
    87: 204,
    88: 222,
    89: 238,
}


def _decode(data: bytes) -> str:
    """RTF is 7-bit ASCII as written by word processors; raw 8-bit text in the file's code
    page (``\\ansicpg``), or UTF-8 from some generators, is decoded as such."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    match = _ANSICPG.search(data[:4096].decode("latin-1"))
    encoding = f"cp{match.group(1)}" if match else "cp1252"
    try:
        codecs.lookup(encoding)
    except LookupError:
        encoding = "cp1252"
    return data.decode(encoding, errors="replace")


def _without_binary(text: str) -> str:
    """``\\binN`` followed by N bytes of raw data: the data removed."""
    parts: list[str] = []
    pos = 0
    while (match := _BIN.search(text, pos)) is not None:
        parts.append(text[pos : match.start()])
        pos = match.end() + int(match.group(1))
    parts.append(text[pos:])
    return "".join(parts).replace("\\bin", "\\BIN")  # a malformed \bin striprtf would choke on


def _group_end(text: str, start: int) -> int:
    """Where the group opening at ``text[start] == '{'`` closes (the end of the text when it
    never does)."""
    depth = 0
    for match in _BRACE.finditer(text, start):
        token = match.group()
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
            if depth == 0:
                return match.end()
    return len(text)


def _without_bulky_groups(text: str) -> str:
    parts: list[str] = []
    pos = 0
    while (match := _BULKY.search(text, pos)) is not None:
        parts.append(text[pos : match.start()])
        pos = _group_end(text, match.start())
    parts.append(text[pos:])
    return "".join(parts)


def _clean_font_table(text: str) -> str:
    """The first font table rebuilt with only what striprtf reads of it: font numbers and
    their character sets."""
    match = _FONTTBL.search(text)
    if match is None:
        return text
    start = text.rfind("{", 0, match.start())
    if start < 0:
        return text
    end = _group_end(text, start)
    charsets: dict[str, int] = {}
    font = None
    for word in _FONT_WORD.finditer(text, match.end(), end):
        if word.group(1) is not None:
            font = word.group(1)
        elif font is not None and font not in charsets:
            charset = int(word.group(2))
            charsets[font] = _CHARSET_SUBSTITUTES.get(charset, charset)
    table = "".join(f"{{\\f{f}\\fcharset{c} x;}}" for f, c in charsets.items())
    return f"{text[:start]}{{\\fonttbl{table}}}{text[end:]}"


def _unicode_in_range(match: re.Match[str]) -> str:
    value = int(match.group(1))
    return match.group() if -32768 <= value <= 0x10FFFF else "\\u63"


def _to_text(rtf: str) -> str:
    rtf = _without_bulky_groups(_without_binary(rtf))
    rtf = _clean_font_table(rtf)
    rtf = _FIELD.sub("{\\\\field {", rtf)
    rtf = _UNICODE.sub(_unicode_in_range, rtf)
    rtf = _UC_WITHOUT_COUNT.sub("\\\\uc1", rtf)
    try:
        text: str = rtf_to_text(rtf, errors="replace")  # type: ignore[no-untyped-call]
    except (ValueError, TypeError, LookupError, OverflowError, IndexError) as exc:
        raise ExtractionError(f"corrupt RTF document: {type(exc).__name__}: {exc}"[:300]) from exc
    # \u escapes of characters beyond the BMP come as UTF-16 surrogate pairs: join them.
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _title(rtf: str) -> str:
    match = _TITLE.search(rtf)
    if match is None:
        return ""
    codepage = _ANSICPG.search(rtf[:4096])
    header = f"{{\\rtf1\\ansi\\ansicpg{codepage.group(1)} " if codepage else "{\\rtf1\\ansi "
    try:
        return " ".join(_to_text(header + match.group(1) + "}").split())[:300]
    except ExtractionError:
        return ""


class RtfExtractor(Extractor):
    kind = "rtf"
    extensions = frozenset({".rtf"})

    def sniff(self, head: bytes) -> bool:
        return head.lstrip()[:5] == MAGIC

    def extract(self, path: PurePath, data: bytes) -> Extracted:
        if not self.sniff(data[:SNIFF_BYTES]):
            raise ExtractionError("not an RTF document (no {\\rtf header)")
        rtf = _decode(data)
        builder = TextBuilder()
        for paragraph in _to_text(rtf).splitlines():
            builder.block(paragraph)
        return Extracted(text=builder.text(), kind=self.kind, title=_title(rtf))
