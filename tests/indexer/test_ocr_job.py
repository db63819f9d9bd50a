"""Scans through the real pipeline: indexed by name at once, their text by the OCR job,
never read twice for the same content."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Literal

from desktop_search.engine import Engine
from desktop_search.search.service import SearchRequest
from tests.ocr.scanned import scanned_pdf, strip

TENANCY = [
    "Tenancy agreement for 14 Rowan Street, Leeds",
    "The tenant pays a monthly rent of 725 pounds on the first day of each month.",
    "A deposit of 900 pounds is held by the landlord until the tenancy ends.",
]
Mode = Literal["hybrid", "dense", "lexical"]
RECEIPT = ["Hardware store, 2 June 2024", "Garden hose 25 m 19.99", "Watering can 8.50"]


def paths(engine: Engine, query: str, mode: Mode = "hybrid") -> list[str]:
    return [
        Path(h.path).name for h in engine.search.search(SearchRequest(query=query, k=3, mode=mode))
    ]


def test_a_scanned_letter_is_found_by_what_it_says_once_the_ocr_job_ran(
    engine: Engine, tmp_path: Path
) -> None:
    folder = tmp_path / "Documents"
    folder.mkdir()
    scan = scanned_pdf(folder / "scan0001.pdf", [["Scanned by the office copier"], TENANCY])
    strip(RECEIPT).save(folder / "IMG_2291.png")
    (folder / "notes.txt").write_text("Buy bread and call the plumber about the leak.", "utf-8")
    indexer = engine.indexer()
    summary = indexer.index([str(folder)])
    assert summary.failed == {} and summary.indexed == 3
    catalog = engine.store.catalog
    assert catalog.ocr_backlog(50) == (2, 3)  # two files, three pages wait
    assert paths(engine, "scan0001")[0] == "scan0001.pdf"  # by its name meanwhile

    first = catalog.next_for_ocr()
    assert first is not None
    while (path := catalog.next_for_ocr()) is not None:
        indexer.recognise(path, max_pages=50, seconds=300)
    assert catalog.ocr_backlog(50) == (0, 0)
    assert paths(engine, "how much is the monthly rent for the flat")[0] == "scan0001.pdf"
    assert paths(engine, "receipt for a hose for the garden")[0] == "IMG_2291.png"
    hit = engine.search.search(SearchRequest(query="deposit held by the landlord", k=1))[0]
    assert hit.path.endswith("scan0001.pdf") and hit.section.startswith("page ")

    # a copy elsewhere is read from the cache in the ordinary pass: nothing waits for OCR
    other = tmp_path / "Archive"
    other.mkdir()
    shutil.copy(scan, other / "tenancy.pdf")
    indexer.index([str(other)])
    assert catalog.ocr_backlog(50) == (0, 0)
    assert "tenancy.pdf" in paths(engine, "rent deposit Rowan Street", mode="lexical")


def test_the_page_cap_leaves_the_rest_of_a_long_scan_unread(engine: Engine, tmp_path: Path) -> None:
    folder = tmp_path / "scans"
    folder.mkdir()
    scanned_pdf(
        folder / "long.pdf", [[f"Chapter {n} of the manual about pumps"] for n in range(1, 5)]
    )
    indexer = engine.indexer()
    indexer.index([str(folder)])
    assert engine.store.catalog.ocr_backlog(2) == (1, 2)  # the cap counts, not the 4 pages
    indexer.recognise(str(folder / "long.pdf"), max_pages=2, seconds=300)
    assert engine.store.catalog.ocr_backlog(2) == (0, 0)
    found = engine.search.search(SearchRequest(query="chapter manual pumps", k=5, mode="lexical"))
    assert found and {h.section for h in found} <= {"page 1", "page 2"}
