"""Files read only in part keep a note of what was left out and why, shown in status: a
PDF of 2,000 scanned pages (OCR reads the page cap), an archive with a bomb inside."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from PIL import Image

from desktop_search.engine import Engine
from desktop_search.search.service import SearchRequest
from tests import docfactory
from tests.ocr.scanned import strip


def test_a_pdf_of_2000_scanned_pages_costs_its_page_cap_and_says_so(
    engine: Engine, tmp_path: Path
) -> None:
    folder = tmp_path / "scans"
    folder.mkdir()
    first = strip(["Archive of the parish newsletter"])
    blank = Image.new("RGB", (200, 280), "white")
    first.save(folder / "newsletters.pdf", "PDF", save_all=True, append_images=[blank] * 1999)
    indexer = engine.indexer()
    summary = indexer.index([str(folder)])
    assert summary.failed == {} and summary.indexed == 1
    catalog = engine.store.catalog
    assert catalog.ocr_backlog(50) == (1, 50)  # the cap, not 2,000 pages
    indexer.recognise(str(folder / "newsletters.pdf"), max_pages=50, seconds=600)
    assert catalog.ocr_backlog(50) == (0, 0)
    count, notes = catalog.notes(10)
    assert count == 1 and "1,950 page(s) not read by OCR" in notes[0][1]
    hits = engine.search.search(SearchRequest(query="parish newsletter", k=1, mode="lexical"))
    assert hits and hits[0].path.endswith("newsletters.pdf")
    assert engine.status()["files_noted"] == 1


def test_an_archive_with_a_bomb_inside_is_indexed_with_a_note(
    engine: Engine, tmp_path: Path
) -> None:
    folder = tmp_path / "backup"
    folder.mkdir()
    letter = docfactory.write_docx(tmp_path / "letter.docx", ["The boiler was serviced in May."])
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as inner:
        inner.writestr("zeros.txt", b"\0" * (80 * 1024 * 1024))
    with zipfile.ZipFile(folder / "house.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(letter, "papers/letter.docx")
        archive.writestr("papers/bomb.zip", bomb.getvalue())
    summary = engine.indexer().index([str(folder)])
    assert summary.failed == {} and summary.indexed == 1
    count, notes = engine.store.catalog.notes(10)
    assert count == 1 and notes[0][1].startswith("left out: papers/bomb.zip (")
    assert "bomb" in notes[0][1].split("(", 1)[1]
    status = engine.status()
    assert status["notes"] == [{"path": str(folder / "house.zip"), "note": notes[0][1]}]
    hit = engine.search.search(SearchRequest(query="when was the heating looked at", k=1))[0]
    assert hit.path.endswith("house.zip") and hit.section == "papers/letter.docx"
