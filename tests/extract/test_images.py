"""Images: their metadata at once, their text by OCR (cached by content), bombs refused."""

from __future__ import annotations

import struct
import time
import zlib
from pathlib import Path

import pytest
from PIL import Image

from desktop_search.extract.base import Extracted, ExtractionError
from desktop_search.extract.context import OcrRequest
from desktop_search.extract.guard import GuardedExtractor, read_and_extract
from tests.extract.test_formats import LIMIT, FormatContract
from tests.ocr.scanned import strip

RECEIPT = ["Green Grocer, 3 May 2024", "Organic tomatoes 4.50", "Total 5.70"]
XMP = (
    '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"><rdf:Description>'
    '<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Harbour at dawn</rdf:li></rdf:Alt></dc:title>'
    "<dc:description><rdf:Alt><rdf:li>Fishing boats &amp; gulls in Whitby</rdf:li></rdf:Alt>"
    "</dc:description><dc:subject><rdf:Bag><rdf:li>holiday</rdf:li><rdf:li>sea</rdf:li>"
    "</rdf:Bag></dc:subject></rdf:Description></rdf:RDF></x:xmpmeta>"
    '<?xpacket end="w"?>'
)


def receipt(path: Path) -> Path:
    exif = Image.Exif()
    exif[0x9C9B] = "Shop receipt".encode("utf-16-le")  # XPTitle, as Windows writes it
    exif[0x9C9E] = "groceries; food".encode("utf-16-le")  # XPKeywords
    exif[0x0132] = "2024:05:03 18:02:11"
    strip(RECEIPT).save(path, exif=exif)
    return path


def ocr(path: Path, cache: Path, *, run: bool = True) -> Extracted:
    return read_and_extract(path, LIMIT, OcrRequest(run=run, cache_dir=cache))


class TestPngWithExif(FormatContract):
    kind, file_name = "image", "receipt.png"
    expected_phrases = ("Keywords: groceries; food", "Date: 2024-05-03")
    expected_title = "Shop receipt"
    expected_sections = ("metadata",)

    def make(self, folder: Path) -> Path:
        return receipt(folder / self.file_name)


class TestJpegWithXmp(FormatContract):
    kind, file_name = "image", "harbour.jpg"
    expected_phrases = ("Fishing boats & gulls in Whitby", "holiday, sea")
    expected_title = "Harbour at dawn"

    def make(self, folder: Path) -> Path:
        path = folder / self.file_name
        Image.new("RGB", (320, 200), (90, 120, 160)).save(path, xmp=XMP.encode("utf-8"))
        return path


@pytest.mark.parametrize("name", ["receipt.png", "receipt.jpg", "receipt.webp", "receipt.bmp"])
def test_the_text_in_an_image_is_read_by_the_ocr_job_and_cached(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    strip(RECEIPT).save(path)
    cache = tmp_path / "cache"
    waiting = ocr(path, cache, run=False)  # the ordinary pass: counted, not read
    assert (waiting.ocr_pending, waiting.ocr_recognised, waiting.text) == (1, 0, "")
    read = ocr(path, cache)
    assert (read.ocr_pending, read.ocr_recognised) == (0, 1)
    assert "tomatoes" in read.text and "5.70" in read.text
    assert read.section_at(read.text.index("tomatoes")) == "image text"
    renamed = path.rename(tmp_path / f"copy of {name}")
    again = ocr(renamed, cache, run=False)  # same content: from the cache, even unasked
    assert (again.ocr_cached, again.ocr_recognised, again.text) == (1, 0, read.text)


def test_with_ocr_off_an_image_without_metadata_has_no_text(tmp_path: Path) -> None:
    path = tmp_path / "plain.png"
    strip(RECEIPT).save(path)
    with pytest.raises(ExtractionError, match="no text found"):
        read_and_extract(path, LIMIT)  # no cache: OCR is not available at all


def test_every_page_of_a_tiff_and_the_first_frame_of_a_gif(tmp_path: Path) -> None:
    tiff = tmp_path / "fax.tiff"
    first, second = strip(["Invoice 2291 for garden chairs"]), strip(["Delivery on Friday morning"])
    first.save(tiff, save_all=True, append_images=[second])
    read = ocr(tiff, tmp_path / "cache")
    assert [s.label for s in read.sections] == ["page 1", "page 2"]
    assert read.section_at(read.text.index("Delivery")) == "page 2"
    gif = tmp_path / "banner.gif"
    frames = [strip(["Summer sale"]).convert("P"), strip(["Winter coats"]).convert("P")]
    frames[0].save(gif, save_all=True, append_images=frames[1:], duration=500)
    text = ocr(gif, tmp_path / "cache").text
    assert "Summer" in text and "Winter" not in text


def test_the_page_cap_and_the_deadline_stop_the_ocr(tmp_path: Path) -> None:
    tiff = tmp_path / "long.tiff"
    pages = [strip([f"Page number {n} of the long fax"]) for n in range(4)]
    pages[0].save(tiff, save_all=True, append_images=pages[1:])
    capped = read_and_extract(tiff, LIMIT, OcrRequest(run=True, cache_dir=tmp_path, max_pages=2))
    assert capped.ocr_recognised == 2 and "Page number 2" not in capped.text
    past = OcrRequest(run=True, cache_dir=tmp_path / "other", deadline=time.monotonic())
    with pytest.raises(ExtractionError, match="no text found"):  # nothing read, nothing kept
        read_and_extract(tiff, LIMIT, past)


def png_declaring(width: int, height: int) -> bytes:
    """A PNG header promising ``width`` x ``height`` pixels over a few bytes of data."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + chunk(b"IEND", b"")
    )


def test_an_image_bomb_is_refused_with_a_reason_in_the_guarded_worker(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(png_declaring(100_000, 100_000))  # 10 gigapixels
    with GuardedExtractor(timeout_s=30, memory_mb=1024, max_bytes=LIMIT) as guard:
        with pytest.raises(ExtractionError, match="too large"):
            guard.extract(bomb, ocr=OcrRequest(run=True, cache_dir=tmp_path / "cache"))
        big = tmp_path / "big.png"  # over the OCR limit, under Pillow's refusal
        big.write_bytes(png_declaring(10_000, 9_000))
        with pytest.raises(ExtractionError, match="no text found"):
            guard.extract(big, ocr=OcrRequest(run=True, cache_dir=tmp_path / "cache"))
        fine = receipt(tmp_path / "after.png")  # the worker is still there for the next file
        assert guard.extract(fine).title == "Shop receipt"


def test_a_corrupt_image_gets_a_reason(tmp_path: Path) -> None:
    broken = tmp_path / "broken.jpg"
    data = receipt(tmp_path / "whole.jpg").read_bytes()
    broken.write_bytes(data[:300])
    with pytest.raises(ExtractionError, match="image"):
        ocr(broken, tmp_path / "cache")
    garbage = tmp_path / "noise.png"
    garbage.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with pytest.raises(ExtractionError, match="corrupt or unreadable image"):
        ocr(garbage, tmp_path / "cache")


def test_the_guarded_worker_tells_each_page_as_ocr_reads_it(tmp_path: Path) -> None:
    tiff = tmp_path / "three.tiff"
    pages = [strip([f"Minutes of meeting {n}"]) for n in range(1, 4)]
    pages[0].save(tiff, save_all=True, append_images=pages[1:])
    told: list[int] = []
    with GuardedExtractor(timeout_s=120, memory_mb=1024, max_bytes=LIMIT) as guard:
        read = guard.extract(
            tiff, ocr=OcrRequest(run=True, cache_dir=tmp_path / "cache"), progress=told.append
        )
    assert told == [1, 2, 3] and read.ocr_recognised == 3
    assert "meeting 3" in read.text


def test_the_ocr_cache_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    import os
    import stat

    path = tmp_path / "note.png"
    strip(["Wifi password on the fridge"]).save(path)
    old = os.umask(0o002)  # a loose umask, as many desktops have
    try:
        ocr(path, tmp_path / "cache")
    finally:
        os.umask(old)
    found = [tmp_path / "cache", *(tmp_path / "cache").rglob("*")]
    assert any(p.is_file() for p in found)
    for entry in found:
        mode = stat.S_IMODE(entry.stat().st_mode)
        assert mode & 0o077 == 0, (entry, oct(mode))
