"""The PDF extractor on PDFium: pages as sections, title, encrypted and corrupt files with
their reasons, text the way PDFium lays it out (ligatures, hyphenated line ends, columns),
pages without text handed to OCR, the page cap and the page images OCR would read.
Every file is a real PDF, written by docfactory, rawpdf or pypdf's writer."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfWriter

from desktop_search.extract import pdf
from desktop_search.extract.base import Extracted, ExtractionError
from desktop_search.extract.context import ExtractContext, OcrRequest, extraction
from desktop_search.extract.guard import read_and_extract
from desktop_search.extract.scans import OcrCache, content_key
from tests import docfactory
from tests.extract import rawpdf

LIMIT = 10 * 1024 * 1024
PAGES = [
    "Alpha: the first page talks about the annual budget of the library.",
    "Beta: the second page lists the new opening hours for the summer.",
    "Gamma: the third page thanks the volunteers who painted the walls.",
]


def extract_file(path: Path, ocr: OcrRequest | None = None) -> Extracted:
    return read_and_extract(path, LIMIT, ocr)


def encrypted(source: Path, target: Path, user_password: str, owner_password: str) -> Path:
    writer = PdfWriter(clone_from=str(source))
    writer.encrypt(user_password, owner_password)
    buffer = io.BytesIO()
    writer.write(buffer)
    target.write_bytes(buffer.getvalue())
    return target


def test_every_page_is_a_section(tmp_path: Path) -> None:
    extracted = extract_file(docfactory.write_pdf(tmp_path / "three.pdf", PAGES))
    assert [section.label for section in extracted.sections] == ["page 1", "page 2", "page 3"]
    for number, page in enumerate(PAGES, start=1):
        start = extracted.text.index(page.split(":")[0])
        assert extracted.section_at(start) == f"page {number}"
        assert extracted.section_at(start + len(page) - 1) == f"page {number}"


def test_title_from_the_document_information(tmp_path: Path) -> None:
    path = docfactory.write_pdf(tmp_path / "t.pdf", PAGES[:1], title="Library news 2024")
    assert extract_file(path).title == "Library news 2024"
    assert extract_file(docfactory.write_pdf(tmp_path / "u.pdf", PAGES[:1])).title == ""


def test_password_protected_pdf_is_refused_with_the_reason(tmp_path: Path) -> None:
    source = docfactory.write_pdf(tmp_path / "plain.pdf", PAGES)
    locked = encrypted(source, tmp_path / "locked.pdf", "secret", "owner")
    with pytest.raises(ExtractionError, match=r"^encrypted PDF \(needs a password\)$"):
        extract_file(locked)


def test_pdf_encrypted_with_an_empty_user_password_is_read(tmp_path: Path) -> None:
    source = docfactory.write_pdf(tmp_path / "plain.pdf", PAGES, title="Open")
    restricted = encrypted(source, tmp_path / "restricted.pdf", "", "owner")
    extracted = extract_file(restricted)
    assert PAGES[1] in extracted.text
    assert extracted.title == "Open"


def test_truncated_pdf_is_corrupt(tmp_path: Path) -> None:
    data = docfactory.write_pdf(tmp_path / "whole.pdf", PAGES).read_bytes()
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(ExtractionError, match=r"^corrupt or unreadable PDF: \w"):
        extract_file(truncated)


def test_ligature_glyphs_come_out_as_letters(tmp_path: Path) -> None:
    glyphs = {1: "ff", 2: "ffi", 3: "fi", 4: "fl"}
    presentation_forms = {1: "\ufb00", 2: "\ufb03", 3: "\ufb01", 4: "\ufb02"}
    fonts = [rawpdf.Font("F1", glyphs), rawpdf.Font("F2", glyphs, presentation_forms)]
    line = "The e\x01ective o\x02ce \x03nally \x04ows with a pro\x03table plan."
    pages = [rawpdf.Page(rawpdf.text_lines([line], 72, 700, font)) for font in ("F1", "F2")]
    extracted = extract_file(rawpdf.write(tmp_path / "ligatures.pdf", pages, fonts))
    expected = "The effective office finally flows with a profitable plan."
    assert extracted.text == f"{expected}\n\n{expected}"


def test_words_hyphenated_at_line_ends_are_joined(tmp_path: Path) -> None:
    lines = [
        "The committee discussed the infor-",
        "mation about the OP-",
        "TIONAL fields with Jean-",
        "Pierre and the COVID-",
        "19 rules in a long meeting.",
    ]
    path = rawpdf.write(tmp_path / "hyphens.pdf", [rawpdf.Page(rawpdf.text_lines(lines, 72, 700))])
    assert extract_file(path).text == (
        "The committee discussed the information about the OPTIONAL fields with "
        "Jean-Pierre and the COVID-19 rules in a long meeting."
    )


def test_columns_written_one_after_the_other_stay_whole(tmp_path: Path) -> None:
    left = ["The left column starts here", "and its sentence ends here."]
    right = ["The right column has its own", "sentence about other things."]
    content = rawpdf.text_lines(left, 72, 700) + b"\n" + rawpdf.text_lines(right, 320, 700)
    path = rawpdf.write(tmp_path / "columns.pdf", [rawpdf.Page(content)])
    assert extract_file(path).text == "\n".join(left + right)


def textless_second_page(tmp_path: Path) -> Path:
    pages = [
        rawpdf.Page(rawpdf.text_lines([PAGES[0]], 72, 700)),
        rawpdf.Page(rawpdf.RECTANGLE),
        rawpdf.Page(rawpdf.text_lines([PAGES[2]], 72, 700)),
    ]
    return rawpdf.write(tmp_path / "scan.pdf", pages)


def test_page_without_text_waits_for_ocr(tmp_path: Path) -> None:
    path = textless_second_page(tmp_path)
    extracted = extract_file(path, OcrRequest(run=False, cache_dir=tmp_path / "ocr"))
    assert extracted.ocr_pending == 1
    assert extracted.text == f"{PAGES[0]}\n\n{PAGES[2]}"
    assert extracted.section_at(extracted.text.index("Gamma")) == "page 3"


def test_page_without_text_is_not_counted_when_ocr_is_off(tmp_path: Path) -> None:
    extracted = extract_file(textless_second_page(tmp_path), OcrRequest())
    assert extracted.ocr_pending == 0
    assert extracted.text == f"{PAGES[0]}\n\n{PAGES[2]}"


def test_recognised_text_from_the_ocr_cache_is_the_page_text(tmp_path: Path) -> None:
    path = textless_second_page(tmp_path)
    recognised = "Recognised words of the scanned second page about the roof repairs."
    OcrCache(tmp_path / "ocr").store(content_key(path.read_bytes()), 2, recognised)
    extracted = extract_file(path, OcrRequest(run=False, cache_dir=tmp_path / "ocr"))
    assert (extracted.ocr_cached, extracted.ocr_pending) == (1, 0)
    assert extracted.section_at(extracted.text.index("Recognised")) == "page 2"
    assert extracted.section_at(extracted.text.index("Gamma")) == "page 3"


def test_only_page_without_text_does_not_fail_the_extractor(tmp_path: Path) -> None:
    data = rawpdf.pdf_bytes([rawpdf.Page(rawpdf.RECTANGLE)])
    context = ExtractContext(ocr=OcrRequest(run=False, cache_dir=tmp_path / "ocr"))
    with extraction(context):
        extracted = pdf.PdfExtractor().extract(Path("scan.pdf"), data)
    assert extracted.text == ""
    assert context.tally.pending == 1


def test_unreadable_page_is_left_out_with_a_note(tmp_path: Path) -> None:
    pages = [rawpdf.Page(rawpdf.text_lines([text], 72, 700)) for text in PAGES[:2]]
    data = rawpdf.pdf_bytes(pages).replace(b"/Kids [3 0 R 5 0 R]", b"/Kids [3 0 R 99 0 R]")
    path = tmp_path / "broken-page.pdf"
    path.write_bytes(data)
    extracted = extract_file(path)
    assert extracted.text == PAGES[0]
    assert extracted.skipped_members == [("page 2", "unreadable page (Failed to load page.)")]


def test_pages_over_the_cap_are_left_out_with_a_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf, "MAX_PAGES", 2)
    extracted = extract_file(docfactory.write_pdf(tmp_path / "long.pdf", PAGES))
    assert [section.label for section in extracted.sections] == ["page 1", "page 2"]
    assert "Gamma" not in extracted.text
    assert extracted.skipped_members == [("page 3", "over the limit of 2 pages a file")]


def test_page_image_is_drawn_at_300_dpi_and_owns_its_pixels() -> None:
    left_half_blue = b"0 0 1 rg 0 0 36 72 re f"
    data = rawpdf.pdf_bytes([rawpdf.Page(left_half_blue, media_box=(0, 0, 72, 72))])
    document = pdfium.PdfDocument(data)
    try:
        page = document.get_page(0)
        try:
            image = pdf.render_page(page)
        finally:
            page.close()
    finally:
        document.close()
    assert (image.mode, image.size) == ("RGB", (300, 300))
    assert image.getpixel((60, 150)) == (0, 0, 255)
    assert image.getpixel((240, 150)) == (255, 255, 255)


def test_huge_page_image_is_drawn_smaller() -> None:
    data = rawpdf.pdf_bytes([rawpdf.Page(rawpdf.RECTANGLE)])  # US Letter: 2550 x 3300 at 300 dpi
    document = pdfium.PdfDocument(data)
    try:
        page = document.get_page(0)
        try:
            image = pdf.render_page(page, max_pixels=1_000_000)
        finally:
            page.close()
    finally:
        document.close()
    width, height = image.size
    assert 990_000 < width * height <= 1_000_000
    assert abs(width / height - 612 / 792) < 0.01
