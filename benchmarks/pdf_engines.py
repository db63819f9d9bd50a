"""pypdf (the PDF reader the product had) against PDFium (the one it has) on the same files,
in one process: pages per second, reading order on two-column pages, ligatures and words
hyphenated at line ends.

    python benchmarks/pdf_engines.py [--pages 400] [--json] [PDF ...]

Engines: ``pypdf`` is ``PdfReader(strict=False)`` and ``extract_text()`` per page, as the
old extractor did; ``pdfium`` is the product's extractor (``extract/pdf.py``: bounded page
text, line ends cleaned, OCR off); ``pdfium-range`` is PDFium's other text call
(``get_text_range``), raw, to show what the choice between the two costs.

Files: (a) a generated many-page PDF (``tests/docfactory.write_pdf``: wrapped Helvetica
text, about 1,800 characters a page); (b) two-column pages (``tests/extract/rawpdf``)
whose content stream draws the columns one after the other, right column first, or line
by line across both; (c) the same sentence in a font whose codes name ligature glyphs
(fi, ffi, ...) with no ``/ToUnicode`` map, with one mapping them to the presentation forms
(U+FB01, ...) and with one mapping them to their letters, and a page of words hyphenated
at line ends; (d) real PDFs: every PDF under ``../shared/data`` and ``/usr/share/doc``
(at most 20) and those given on the command line. Speeds are the best of 3 runs.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path, PurePath

import pypdfium2 as pdfium
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import machine
from desktop_search.extract.pdf import PdfExtractor
from tests import docfactory
from tests.extract import rawpdf

ROOT = Path(__file__).resolve().parents[1]
REAL_FOLDERS = (ROOT.parent / "shared" / "data", Path("/usr/share/doc"))
MAX_REAL_FILES = 20
RUNS = 3
LIGATURES = "\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06"

logging.getLogger("pypdf").setLevel(logging.ERROR)


def pypdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data), strict=False)
    return "\n\n".join(page.extract_text() or "" for page in reader.pages)


def pdfium_text(data: bytes) -> str:
    return PdfExtractor().extract(PurePath("benchmark.pdf"), data).text


def pdfium_range_text(data: bytes) -> str:
    document = pdfium.PdfDocument(data)
    texts = []
    try:
        for index in range(len(document)):
            page = document.get_page(index)
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        document.close()
    return "\n\n".join(texts)


ENGINES: dict[str, Callable[[bytes], str]] = {
    "pypdf": pypdf_text,
    "pdfium": pdfium_text,
    "pdfium-range": pdfium_range_text,
}


def pages_per_second(engine: Callable[[bytes], str], data: bytes, pages: int) -> float:
    best = float("inf")
    for _ in range(RUNS):
        started = time.perf_counter()
        engine(data)
        best = min(best, time.perf_counter() - started)
    return round(pages / best, 1)


def page_count(data: bytes) -> int:
    document = pdfium.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def flat(text: str) -> str:
    return " ".join(text.split())


# -- (a) many pages -------------------------------------------------------------------------
PARAGRAPH = (
    "The quarterly report describes how the regional offices reduced their travel costs by "
    "moving meetings online, what the maintenance team spent on the heating systems of the "
    "three warehouses, and why the board postponed the purchase of new delivery vans until "
    "the spring. "
)


def many_pages(folder: Path, pages: int) -> bytes:
    texts = [f"Page {number}. " + PARAGRAPH * 4 for number in range(1, pages + 1)]
    return docfactory.write_pdf(folder / "many.pdf", texts, title="Many pages").read_bytes()


# -- (b) two columns ------------------------------------------------------------------------
LEFT = [
    "The library opens at nine on",
    "weekdays and at ten on Saturdays.",
    "Children borrow up to six books.",
]
RIGHT = [
    "The swimming pool closes for",
    "repairs during the first week",
    "of August every single year.",
]


def two_column_pages() -> dict[str, bytes]:
    by_column = rawpdf.text_lines(LEFT, 72, 700) + b"\n" + rawpdf.text_lines(RIGHT, 320, 700)
    right_first = rawpdf.text_lines(RIGHT, 320, 700) + b"\n" + rawpdf.text_lines(LEFT, 72, 700)
    rows = [
        (x, 700 - 14 * row, line)
        for row, pair in enumerate(zip(LEFT, RIGHT, strict=True))
        for x, line in zip((72, 320), pair, strict=True)
    ]
    return {
        "columns one after the other": rawpdf.pdf_bytes([rawpdf.Page(by_column)]),
        "right column first in the stream": rawpdf.pdf_bytes([rawpdf.Page(right_first)]),
        "line by line across both columns": rawpdf.pdf_bytes(
            [rawpdf.Page(rawpdf.placed_lines(rows))]
        ),
    }


def reading_order(text: str) -> str:
    text, left, right = flat(text), flat(" ".join(LEFT)), flat(" ".join(RIGHT))
    if left not in text or right not in text:
        return "columns mixed"
    return "kept, left first" if text.index(left) < text.index(right) else "kept, right first"


# -- (c) ligatures and hyphens --------------------------------------------------------------
LIGATURE_LINE = "The e\x01ective o\x02ce \x03nally \x04ows with a pro\x03table plan."
LIGATURE_EXPECTED = "The effective office finally flows with a profitable plan."
GLYPHS = {1: "ff", 2: "ffi", 3: "fi", 4: "fl"}
HYPHEN_LINES = ["The committee discussed the infor-", "mation about the OP-", "TIONAL fields."]
HYPHEN_EXPECTED = "The committee discussed the information about the OPTIONAL fields."


def ligature_pages() -> dict[str, bytes]:
    fonts = {
        "glyph names only": rawpdf.Font("F1", GLYPHS),
        "/ToUnicode to U+FB0x": rawpdf.Font(
            "F1", GLYPHS, {1: "\ufb00", 2: "\ufb03", 3: "\ufb01", 4: "\ufb02"}
        ),
        "/ToUnicode to letters": rawpdf.Font("F1", GLYPHS, dict(GLYPHS)),
    }
    page = rawpdf.Page(rawpdf.text_lines([LIGATURE_LINE], 72, 700))
    return {name: rawpdf.pdf_bytes([page], [font]) for name, font in fonts.items()}


def ligature_result(text: str) -> str:
    if flat(text) == LIGATURE_EXPECTED:
        return "letters"
    if any(ch in text for ch in LIGATURES):
        return "U+FB0x kept"
    return f"other: {flat(text)!r}"


def hyphen_result(text: str) -> str:
    if flat(text) == HYPHEN_EXPECTED:
        return "joined"
    markers = [f"U+{ord(ch):04X}" for ch in "\x02\ufffe" if ch in text]
    if markers:
        return f"marker {markers[0]} left"
    if "infor-\nmation" in text.replace("\r\n", "\n"):
        return "hyphen + break kept"
    return f"other: {flat(text)!r}"


# -- (d) real files -------------------------------------------------------------------------
def real_files(given: list[Path]) -> list[Path]:
    found: list[Path] = []
    for folder in REAL_FOLDERS:
        if folder.is_dir():
            found += sorted(p for p in folder.rglob("*") if p.suffix.lower() == ".pdf")
    return found[:MAX_REAL_FILES] + given


def real_file_row(path: Path) -> dict[str, object]:
    data = path.read_bytes()
    pages = page_count(data)
    row: dict[str, object] = {"file": str(path), "pages": pages}
    for name, engine in ENGINES.items():
        text = engine(data)
        row[name] = {
            "pages_per_s": pages_per_second(engine, data, pages),
            "characters": len(text),
            "words": len(text.split()),
            "ligature_code_points": sum(text.count(ch) for ch in LIGATURES),
        }
    return row


# -- run ------------------------------------------------------------------------------------
def run(pages: int, given: list[Path]) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        many = many_pages(Path(folder), pages)
    speed = {name: pages_per_second(engine, many, pages) for name, engine in ENGINES.items()}
    columns = {
        layout: {name: reading_order(engine(data)) for name, engine in ENGINES.items()}
        for layout, data in two_column_pages().items()
    }
    ligatures = {
        font: {name: ligature_result(engine(data)) for name, engine in ENGINES.items()}
        for font, data in ligature_pages().items()
    }
    hyphens_pdf = rawpdf.pdf_bytes([rawpdf.Page(rawpdf.text_lines(HYPHEN_LINES, 72, 700))])
    hyphens = {name: hyphen_result(engine(hyphens_pdf)) for name, engine in ENGINES.items()}
    return {
        "machine": machine.describe(),
        "versions": {"pypdf": _version("pypdf"), "pypdfium2": pdfium.PYPDFIUM_INFO.version},
        "many_pages": {"pages": pages, "pages_per_s": speed},
        "two_columns": columns,
        "ligatures": ligatures,
        "line_end_hyphens": hyphens,
        "real_files": [real_file_row(path) for path in real_files(given)],
    }


def _version(distribution: str) -> str:
    from importlib.metadata import version

    return version(distribution)


def print_table(results: dict[str, object]) -> None:
    names = list(ENGINES)
    head = f"{'':<40}" + "".join(f"{name:>22}" for name in names)
    many = results["many_pages"]
    assert isinstance(many, dict)
    print(f"machine: {json.dumps(results['machine'])}")
    print(f"versions: {json.dumps(results['versions'])}\n")
    print(head)
    speed = many["pages_per_s"]
    label = f"(a) {many['pages']} generated pages: pages/s"
    print(f"{label:<40}" + "".join(f"{speed[name]:>22}" for name in names))
    for title, key in (("(b) two columns", "two_columns"), ("(c) ligatures", "ligatures")):
        table = results[key]
        assert isinstance(table, dict)
        print(title)
        for case, outcome in table.items():
            print(f"    {case:<36}" + "".join(f"{outcome[name]:>22}" for name in names))
    hyphens = results["line_end_hyphens"]
    assert isinstance(hyphens, dict)
    print(f"{'(c) line-end hyphens':<40}" + "".join(f"{hyphens[n]:>22}" for n in names))
    rows = results["real_files"]
    assert isinstance(rows, list)
    print(f"(d) real PDFs: {len(rows)}")
    for row in rows:
        print(f"    {Path(row['file']).name[:28]:<28} {row['pages']:>5} pages", end="")
        for name in names:
            figures = row[name]
            print(
                f"  {name}: {figures['pages_per_s']:>7} p/s {figures['words']:>6} words"
                f" {figures['ligature_code_points']} lig",
                end="",
            )
        print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="more PDFs to measure")
    parser.add_argument("--pages", type=int, default=400, help="pages of the generated PDF")
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    args = parser.parse_args(argv)
    results = run(args.pages, args.files)
    if args.json:
        print(json.dumps(results))
    else:
        print_table(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
