"""PDFs drawn from hand-written content streams, for what ``docfactory.write_pdf`` cannot
make: text at chosen places (two columns), fonts whose codes draw ligature glyphs (with or
without a ``/ToUnicode`` map), pages of any size or rotation, pages with only a drawing.

The files are complete PDFs (catalog, page tree, cross-reference table); fonts are the
standard Helvetica, re-encoded with ``/Differences`` so that low codes name other glyphs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Font:
    """Helvetica under the resource name ``name``; ``glyphs`` gives codes other glyph names
    (``{1: "fi"}``); ``to_unicode``, when given, maps codes to text for extractors (the
    printable ASCII codes map to themselves)."""

    name: str = "F1"
    glyphs: dict[int, str] = field(default_factory=dict)
    to_unicode: dict[int, str] | None = None


@dataclass(frozen=True)
class Page:
    """A page: its content stream, media box (x0, y0, x1, y1) and /Rotate."""

    content: bytes
    media_box: tuple[float, float, float, float] = (0, 0, 612, 792)
    rotate: int = 0


def literal(text: str) -> bytes:
    """A PDF string literal of ``text``, one byte per character (codes 0-255)."""
    raw = text.encode("latin-1")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def text_lines(
    lines: Sequence[str], x: float, y: float, font: str = "F1", size: float = 11
) -> bytes:
    """One text object: ``lines`` from (x, y) downwards, 1.3 x ``size`` apart."""
    ops = [f"BT /{font} {size:g} Tf {size * 1.3:g} TL {x:g} {y:g} Td".encode()]
    ops += [literal(line) + b" Tj T*" for line in lines]
    return b"\n".join([*ops, b"ET"])


def placed_lines(lines: Sequence[tuple[float, float, str]], font: str = "F1") -> bytes:
    """One text object drawing each (x, y, text) in the order given, at 10 points."""
    ops = [f"BT /{font} 10 Tf".encode()]
    ops += [f"1 0 0 1 {x:g} {y:g} Tm ".encode() + literal(text) + b" Tj" for x, y, text in lines]
    return b"\n".join([*ops, b"ET"])


RECTANGLE = b"0.2 0.4 0.8 rg 72 500 300 200 re f"  # a filled rectangle, no text


def _to_unicode_cmap(mapping: dict[int, str]) -> bytes:
    entries = {**{code: chr(code) for code in range(32, 127)}, **mapping}
    lines = [
        b"<%02X> <%s>" % (code, text.encode("utf-16-be").hex().upper().encode())
        for code, text in sorted(entries.items())
    ]
    blocks = [lines[i : i + 100] for i in range(0, len(lines), 100)]  # at most 100 a block
    return (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        b"1 begincodespacerange <00> <FF> endcodespacerange\n"
        + b"".join(
            b"%d beginbfchar\n" % len(block) + b"\n".join(block) + b"\nendbfchar\n"
            for block in blocks
        )
        + b"endcmap CMapName currentdict /CMap defineresource pop end end"
    )


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def pdf_bytes(pages: Sequence[Page], fonts: Sequence[Font] = (Font(),), title: str = "") -> bytes:
    """The bytes of a PDF with these pages, every page seeing every font."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    first_font = 3 + 2 * len(pages)
    font_refs: list[bytes] = []
    font_objects: list[bytes] = []
    for font in fonts:
        number = first_font + len(font_objects)
        differences = " ".join(f"{code} /{glyph}" for code, glyph in sorted(font.glyphs.items()))
        body = (
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
            f"/BaseEncoding /WinAnsiEncoding /Differences [{differences}] >>"
        ).encode()
        if font.to_unicode is None:
            font_objects.append(body + b" >>")
        else:
            font_objects.append(body + b" /ToUnicode %d 0 R >>" % (number + 1))
            font_objects.append(_stream(_to_unicode_cmap(font.to_unicode)))
        font_refs.append(f"/{font.name} {number} 0 R".encode())
    resources = b"<< /Font << " + b" ".join(font_refs) + b" >> >>"
    kids = []
    for index, page in enumerate(pages):
        number = 3 + 2 * index
        kids.append(b"%d 0 R" % number)
        box = " ".join(f"{value:g}" for value in page.media_box)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [{box}] /Rotate {page.rotate} ".encode()
            + b"/Contents %d 0 R /Resources " % (number + 1)
            + resources
            + b" >>"
        )
        objects.append(_stream(page.content))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(pages))
    objects += font_objects
    objects.append(b"<< /Title " + literal(title) + b" >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        len(objects),
        xref,
    )
    return bytes(out)


def write(
    path: Path, pages: Sequence[Page], fonts: Sequence[Font] = (Font(),), title: str = ""
) -> Path:
    path.write_bytes(pdf_bytes(pages, fonts, title))
    return path
