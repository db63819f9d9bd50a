"""`desktop-search index` without a daemon runs the OCR job too, unless the settings say no."""

from __future__ import annotations

from pathlib import Path

from desktop_search.config.settings import Settings
from tests.conftest import Cli
from tests.ocr.scanned import scanned_pdf, strip


def folder_of_scans(root: Path) -> Path:
    folder = root / "Scans"
    folder.mkdir()
    strip(["Dentist appointment", "Tuesday 9 July at 15:40"]).save(folder / "IMG_7781.jpg")
    scanned_pdf(folder / "doc004.pdf", [["Certificate of home insurance", "Policy HX-220-71"]])
    return folder


def test_index_reads_the_scans_and_search_finds_them(cli: Cli, tmp_path: Path) -> None:
    folder = folder_of_scans(tmp_path)
    summary = cli.json("index", str(folder))
    assert (summary["indexed"], summary["failed"], summary["ocr_files"]) == (2, 0, 2)
    hits = cli.json("search", "when do I see the dentist")
    assert Path(hits[0]["path"]).name == "IMG_7781.jpg"
    hits = cli.json("search", "proof that the house is insured")
    assert Path(hits[0]["path"]).name == "doc004.pdf"


def test_with_ocr_off_scans_are_indexed_by_name_only(cli: Cli, tmp_path: Path) -> None:
    Settings(ocr=False).save(cli.data_dir)
    folder = folder_of_scans(tmp_path)
    summary = cli.json("index", str(folder))
    assert (summary["indexed"], summary["ocr_files"]) == (2, 0)
    hits = cli.json("search", "dentist appointment", "--mode", "lexical")
    assert hits == []
    hits = cli.json("search", "IMG_7781")
    assert Path(hits[0]["path"]).name == "IMG_7781.jpg"
