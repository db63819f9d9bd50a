"""OCR with the shipped PP-OCRv4 models through onnxruntime, on pictures of known text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image
from rapidfuzz.distance import Levenshtein

from desktop_search.ocr.engine import recognise
from desktop_search.ocr.models import DETECTION, OcrModelError, load, ocr_models_dir
from tests.ocr.scanned import page, strip

LETTER = [
    "Dear Ms Okafor,",
    "Thank you for your application for the position of librarian.",
    "We would like to invite you to an interview on 14 March 2025 at 10:30.",
    "Please bring your passport and the certificate of your degree.",
    "Yours sincerely, Margaret Lindqvist",
]


def accuracy(expected: str, found: str) -> float:
    a, b = " ".join(expected.split()), " ".join(found.split())
    return 1 - Levenshtein.distance(a, b) / len(a)


def test_a_clean_page_at_300_dpi_is_read_almost_exactly() -> None:
    text = recognise(page(LETTER))
    assert accuracy("\n".join(LETTER), text) >= 0.95, text
    assert text.splitlines()[0].startswith("Dear Ms Okafor")  # reading order kept


def test_lines_side_by_side_stay_in_reading_order() -> None:
    text = recognise(strip(["Total due: 58.20 EUR", "Reference 4471-2290"]))
    assert text.index("Total") < text.index("Reference")
    assert "58.20" in text and "4471-2290" in text


def test_a_blank_or_tiny_image_has_no_text() -> None:
    assert recognise(Image.new("RGB", (800, 600), "white")) == ""
    assert recognise(Image.new("RGB", (3, 2), "black")) == ""


def test_the_models_are_the_files_the_manifest_names(tmp_path: Path) -> None:
    models = load()
    assert models.detection.stat().st_size > 1_000_000
    copy = tmp_path / "ocr"
    shutil.copytree(ocr_models_dir(), copy)
    with (copy / DETECTION).open("r+b") as fh:
        fh.seek(1000)
        fh.write(b"\x00\x01\x02\x03")
    with pytest.raises(OcrModelError, match="damaged"):
        load(copy)
    with pytest.raises(OcrModelError, match="not found"):
        load(tmp_path / "nowhere")
