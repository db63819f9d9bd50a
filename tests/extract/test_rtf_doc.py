"""RTF (through striprtf, made safe for hostile input) and Word 97-2003 .doc (the piece
table, read with olefile): text, titles, stories; hostile and damaged files refused with
a reason, in bounded time."""

from __future__ import annotations

import io
import shutil
import struct
from collections.abc import Callable
from pathlib import Path

import olefile  # type: ignore[import-untyped]
import pytest
from extract_msg import OleWriter

from desktop_search.extract.base import Extracted, ExtractionError
from desktop_search.extract.guard import GuardedExtractor, read_and_extract
from tests import docfactory
from tests.extract.test_formats import LIMIT, FormatContract

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MIB = 1024 * 1024

GARDEN_RTF = rb"""{\rtf1\ansi\ansicpg1252\deff0
{\fonttbl{\f0\fswiss\fcharset0 Arial;}{\f1\froman\fcharset204 Times New Roman Cyr;}}
{\colortbl;\red0\green0\blue0;}
{\info{\title Garden plan for the \'e9t\'e9}{\author Ann}}
{\*\generator Handwritten 1.0;}
\pard\b Spring planting\b0\par
Sow the carrots in early April, by the caf\'e9 wall \u8212? and water them daily.\par
{\f1 \'cf\'f0\'e8\'e2\'e5\'f2} from the allotment.\par
Weather: \u9728? sunny; a smile \u-10179?\u-8704?.\par
Order from the {\field{\*\fldinst{HYPERLINK "https://example.org/seeds"}}
{\fldrslt{seed catalogue}}}.\par
{\pict\pngblip\picw10\pich10 89504e470d0a1a0a0000000d4948445200000001}
\trowd\cellx2000\cellx4000 Carrots\cell April\cell\row
}"""


class TestRtf(FormatContract):
    kind, file_name = "rtf", "garden.rtf"
    expected_phrases = (
        "Spring planting",
        "Sow the carrots in early April, by the café wall \u2014 and water them daily.",
        "Привет from the allotment.",
        "Weather: \u2600 sunny; a smile \U0001f600.",
        "Order from the seed catalogue.",
        "Carrots|April|",
    )
    expected_title = "Garden plan for the été"

    def make(self, folder: Path) -> Path:
        path = folder / self.file_name
        path.write_bytes(GARDEN_RTF)
        return path

    def test_destinations_and_field_instructions_dropped(self, extracted: Extracted) -> None:
        for hidden in ("HYPERLINK", "example.org", "89504e47", "Arial", "Handwritten", "Ann"):
            assert hidden not in extracted.text

    def test_sniffed_under_a_word_name(self, tmp_path: Path) -> None:
        """Word's 'Save as .doc' of an RTF document keeps RTF inside."""
        path = tmp_path / "letter.doc"
        path.write_bytes(GARDEN_RTF)
        assert read_and_extract(path, LIMIT).kind == "rtf"


HOSTILE_RTF: dict[str, bytes] = {
    # each takes striprtf's own regexes minutes to hours at this size
    "hyperlink-prefixes": b"{\\rtf1 " + b'{\\field{\\*\\fldinst{ HYPERLINK "x"' * 60_000,
    "font-table-without-semicolons": b"{\\rtf1{\\fonttbl" + b"\\f1\\fcharset0 " * 150_000,
    "font-table-unclosed": b"{\\rtf1{\\fonttbl" + b"\\f1 " * 500_000,
    # and the rest stays linear
    "random-bytes": b"{\\rtf1 " + bytes((n * 7919 + n // 13) % 256 for n in range(2 * MIB)),
    "deep-braces": b"{\\rtf1 " + b"{" * MIB + b"}" * MIB,
    "pictures-with-binary": b"{\\rtf1 " + b"{\\pict\\bin4 }}}}}" * 200_000 + b"}",
    "malformed-bin": b"{\\rtf1 {\\pict\\bin \\bin-5 \\bin99999999999 x}}",
    "unicode-out-of-range": b"{\\rtf1 \\u99999999 \\u-99999 \\uc \\uc99 x}",
}


def test_hostile_rtf_is_read_in_bounded_time(tmp_path: Path) -> None:
    with GuardedExtractor(timeout_s=30, memory_mb=1024, max_bytes=LIMIT) as guard:
        for name, data in HOSTILE_RTF.items():
            path = tmp_path / f"{name}.rtf"
            path.write_bytes(data)
            try:
                guard.extract(path)
            except ExtractionError as exc:
                assert "took longer" not in str(exc), name
                assert "crashed" not in str(exc), name


def test_hostile_rtf_keeps_its_text(tmp_path: Path) -> None:
    path = tmp_path / "bad.rtf"
    path.write_bytes(
        b"{\\rtf1{\\fonttbl{\\f0\\fcharset78 Osaka;}{\\f1 \\fcharset999 Odd;}}"
        b"\\f0 Minutes of the meeting \\u99999999 \\uc kept.\\par {\\pict\\bin \\bin}}"
    )
    assert "Minutes of the meeting ?kept." in read_and_extract(path, LIMIT).text


def test_not_rtf_under_an_rtf_name(tmp_path: Path) -> None:
    path = tmp_path / "notes.rtf"
    path.write_text("Just text.", "utf-8")
    with pytest.raises(ExtractionError, match="not an RTF document"):
        read_and_extract(path, LIMIT)


# -- Word 97-2003 ----------------------------------------------------------------------------


class TestDoc(FormatContract):
    """LibreOffice 7.4's 'MS Word 97' export of a letter with a footnote, a comment, a
    table, a hyperlink and a page-number field (tests/fixtures/tenancy.doc)."""

    kind, file_name = "doc", "tenancy.doc"
    expected_phrases = (
        "Notice to the landlord\n\nI will move out of the flat on Harbour Street",
        "Please return the deposit of 950 euros. "
        "Café crème, naïve résumé \u2014 \u201cquotes\u201d.",
        "Greek: καλημέρα. Chinese: 你好世界. Emoji: \U0001f30a.",
        "Meter\tReading\n\nGas\t4411",
        "See the deposit rules online, page 1.",
        "The lease itself ends on the thirty-first.",
        "Photograph the meters before leaving.",
    )
    expected_title = "Tenancy notice"
    expected_sections = ("footnotes", "comments")

    def make(self, folder: Path) -> Path:
        return Path(shutil.copy(FIXTURES / self.file_name, folder / self.file_name))

    def test_field_instructions_and_marks_dropped(self, extracted: Extracted) -> None:
        assert "HYPERLINK" not in extracted.text
        assert "example.org" not in extracted.text
        assert not any(ord(ch) < 32 and ch not in "\t\n" for ch in extracted.text)

    def test_story_of_text(self, extracted: Extracted) -> None:
        assert extracted.section_at(extracted.text.index("thirty-first")) == "footnotes"
        assert extracted.section_at(extracted.text.index("Photograph")) == "comments"
        assert extracted.section_at(extracted.text.index("Harbour")) == ""


def rebuild(source: bytes, change: Callable[[dict[str, bytearray]], object]) -> bytes:
    """The OLE2 file ``source`` written again with its streams changed by ``change``."""
    with olefile.OleFileIO(io.BytesIO(source)) as ole:
        streams = {"/".join(p): bytearray(ole.openstream(p).read()) for p in ole.listdir()}
    change(streams)
    writer = OleWriter()
    for name, data in streams.items():
        writer.addEntry(name.split("/"), bytes(data))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


FC_CLX = 0x1A2  # fcClx/lcbClx in a Word 97 FIB (csw 14, cslw 22)


def _single_piece(streams: dict[str, bytearray]) -> tuple[int, int]:
    """The fixture's one UTF-16 piece: (character count, stream offset)."""
    fc_clx, lcb_clx = struct.unpack_from("<II", streams["WordDocument"], FC_CLX)
    clx = bytes(streams["1Table"][fc_clx : fc_clx + lcb_clx])
    assert clx[0] == 0x02 and lcb_clx == 21  # Pcdt, 2 positions + 1 descriptor
    start, end, _, fc = struct.unpack_from("<IIHI", clx, 5)
    assert start == 0 and not fc & 0x40000000
    return end, fc


def _set_pieces(streams: dict[str, bytearray], pieces: list[tuple[int, int, bool]]) -> None:
    """A new piece table of (character count, stream offset, 8-bit?) appended to the table
    stream, and the FIB pointed at it."""
    positions = [0]
    for count, _, _ in pieces:
        positions.append(positions[-1] + count)
    descriptors = b"".join(
        struct.pack("<HIH", 0, offset * 2 | 0x40000000 if compressed else offset, 0)
        for _, offset, compressed in pieces
    )
    plc = struct.pack(f"<{len(positions)}I", *positions) + descriptors
    clx = b"\x02" + struct.pack("<I", len(plc)) + plc
    table = streams["1Table"]
    struct.pack_into("<II", streams["WordDocument"], FC_CLX, len(table), len(clx))
    table += clx


def _fixture_doc() -> bytes:
    return (FIXTURES / "tenancy.doc").read_bytes()


def _extract(tmp_path: Path, data: bytes, name: str = "rebuilt.doc") -> Extracted:
    path = tmp_path / name
    path.write_bytes(data)
    return read_and_extract(path, LIMIT)


def test_8bit_and_utf16_pieces_read_alike(tmp_path: Path) -> None:
    """Word stores runs of cp1252 text 8-bit ("compressed"); LibreOffice never does, so the
    fixture's one UTF-16 piece is split: its first 120 characters 8-bit, appended to the
    WordDocument stream, the rest where they were."""
    original = _extract(tmp_path, _fixture_doc(), "original.doc")

    def split(streams: dict[str, bytearray]) -> None:
        count, offset = _single_piece(streams)
        word = streams["WordDocument"]
        head = word[offset : offset + 240].decode("utf-16-le")
        appended = len(word)
        word += head.encode("cp1252")
        _set_pieces(streams, [(120, appended, True), (count - 120, offset + 240, False)])

    rebuilt = _extract(tmp_path, rebuild(_fixture_doc(), split))
    assert rebuilt.text == original.text
    assert rebuilt.sections == original.sections


def test_pieces_beyond_the_stream_are_bounded(tmp_path: Path) -> None:
    def lie(streams: dict[str, bytearray]) -> None:
        _set_pieces(streams, [(0x7FFFFFFF, 0x3FFFFFF0, False), (0x7FFFFFFF, 12, True)])
        struct.pack_into("<i", streams["WordDocument"], 64 + 12, 0x7FFFFFFF)  # ccpText

    with pytest.raises(ExtractionError, match="no text found"):  # spaces for missing text
        _extract(tmp_path, rebuild(_fixture_doc(), lie))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda s: s["WordDocument"].__setitem__(0x0B, 0x03), "encrypted Word document"),
        (lambda s: struct.pack_into("<H", s["WordDocument"], 2, 0x68), "Word 95 or older"),
        (lambda s: s.pop("1Table"), "missing 1Table stream"),
        (lambda s: struct.pack_into("<I", s["WordDocument"], FC_CLX, 1 << 30), "beyond"),
        (lambda s: s["WordDocument"].__delitem__(slice(100, None)), "truncated"),
        (lambda s: s.__setitem__("WordDocument", bytearray(b"\x00" * 600)), "not a Word 97"),
    ],
    ids=["encrypted", "word95", "no-table", "clx-beyond", "fib-truncated", "not-word"],
)
def test_damaged_doc_has_a_reason(
    tmp_path: Path, change: Callable[[dict[str, bytearray]], object], message: str
) -> None:
    with pytest.raises(ExtractionError, match=message):
        _extract(tmp_path, rebuild(_fixture_doc(), change))


def test_ole_garbage_named_doc(tmp_path: Path) -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 40
    with pytest.raises(ExtractionError, match="corrupt or unreadable Word document"):
        _extract(tmp_path, data)


def test_spreadsheet_named_doc(tmp_path: Path) -> None:
    data = (FIXTURES / "household.xls").read_bytes()
    with pytest.raises(ExtractionError, match="not a Word 97-2003 document"):
        _extract(tmp_path, data)


def test_text_named_doc(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError, match="not a Word 97-2003 document"):
        _extract(tmp_path, b"Plain words saved under the wrong name.")


def test_docx_named_doc_is_read_as_docx(tmp_path: Path) -> None:
    docx = docfactory.write_docx(tmp_path / "letter.docx", ["I formally resign."])
    assert "formally resign" in _extract(tmp_path, docx.read_bytes()).text


def test_fuzzed_docs_fail_with_reasons(tmp_path: Path) -> None:
    """Bytes of the fixture changed at random: each read gives text or a reason, quickly."""
    import random

    rng = random.Random(5)
    source = _fixture_doc()
    with GuardedExtractor(timeout_s=30, memory_mb=1024, max_bytes=LIMIT) as guard:
        for number in range(40):
            data = bytearray(source)
            for _ in range(rng.randint(1, 30)):
                data[rng.randrange(len(data))] = rng.randrange(256)
            path = tmp_path / f"fuzz{number}.doc"
            path.write_bytes(bytes(data))
            try:
                guard.extract(path)
            except ExtractionError as exc:
                assert "took longer" not in str(exc)
                assert "extractor failed" not in str(exc), str(exc)
