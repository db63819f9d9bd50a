"""The guarded extractor: limits, bad files and recovery, in a real child process."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_search.extract.base import ExtractionError
from desktop_search.extract.guard import GuardedExtractor
from tests import docfactory


@pytest.fixture
def guard() -> Iterator[GuardedExtractor]:
    with GuardedExtractor(timeout_s=30, memory_mb=1024, max_bytes=1024 * 1024) as opened:
        yield opened


def reason(guard: GuardedExtractor, path: Path) -> str:
    with pytest.raises(ExtractionError) as info:
        guard.extract(path)
    return str(info.value)


def test_good_file(guard: GuardedExtractor, tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("# Title\n\nBody text.", "utf-8")
    assert "Body text." in guard.extract(path).text


def test_bad_inputs_get_reasons(guard: GuardedExtractor, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "junk.txt").write_bytes(os.urandom(4096))
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 this is not really a zip")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage")
    (tmp_path / "big.txt").write_bytes(b"word " * 300_000)
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "setup.exe").write_bytes(b"MZ\x90\x00" + os.urandom(512))
    assert reason(guard, tmp_path / "empty.txt") == "empty file"
    assert "binary data" in reason(guard, tmp_path / "junk.txt")
    assert "corrupt DOCX" in reason(guard, tmp_path / "broken.docx")
    assert "PDF" in reason(guard, tmp_path / "broken.pdf") or "no text" in reason(
        guard, tmp_path / "broken.pdf"
    )
    assert "too large" in reason(guard, tmp_path / "big.txt")
    assert "corrupt or unreadable image" in reason(guard, tmp_path / "image.png")
    assert "unsupported file type '.exe'" in reason(guard, tmp_path / "setup.exe")
    assert "vanished" in reason(guard, tmp_path / "never-existed.txt")


def test_zip_bomb_is_refused(guard: GuardedExtractor, tmp_path: Path) -> None:
    bomb = docfactory.write_zip_bomb_docx(tmp_path / "bomb.docx", expanded_mb=300)
    assert bomb.stat().st_size < 1024 * 1024
    assert "zip bomb" in reason(guard, bomb)


def test_timeout_kills_worker_and_next_file_still_works(tmp_path: Path) -> None:
    pdf = docfactory.write_pdf(tmp_path / "slow.pdf", ["Some page text."] * 50)
    with GuardedExtractor(timeout_s=0.0001, memory_mb=1024, max_bytes=1 << 20) as guard:
        assert "longer than" in reason(guard, pdf)
        guard.timeout_s = 30
        assert "Some page text." in guard.extract(pdf).text


def test_the_text_of_one_file_is_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_search.extract import guard as guard_module

    monkeypatch.setattr(guard_module, "MAX_TEXT_CHARS", 1_000)
    path = tmp_path / "long.md"
    path.write_text("# One\n\n" + "word " * 150 + "\n\n# Two\n\n" + "more " * 300, "utf-8")
    extracted = guard_module.read_and_extract(path, 10 * 1024 * 1024)
    assert len(extracted.text) <= 1_000
    assert "word" in extracted.text and "more" not in extracted.text  # cut at a line's end
    assert all(s.start <= len(extracted.text) for s in extracted.sections)
    assert extracted.skipped_members[-1][0] == "the rest"


def test_a_docx_with_damaged_compressed_data_gets_a_reason(tmp_path: Path) -> None:
    from desktop_search.extract.guard import read_and_extract

    path = docfactory.write_docx(tmp_path / "letter.docx", ["A letter about the garden. " * 40])
    data = bytearray(path.read_bytes())
    start = data.index(b"word/document.xml") + len("word/document.xml")
    for offset in range(start + 8, start + 40):  # inside the member's deflate stream
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))
    with pytest.raises(ExtractionError, match="corrupt DOCX"):
        read_and_extract(path, 10 * 1024 * 1024)
