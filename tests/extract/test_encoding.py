from __future__ import annotations

import pytest

from desktop_search.extract.base import ExtractionError
from desktop_search.extract.encoding import decode_text, looks_binary


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("café crème brûlée est délicieuse et très populaire en France", "latin-1"),
        ("Привет, как дела? Это тест кодировки, и он должен пройти успешно.", "cp1251"),
        ("Zażółć gęślą jaźń — polski tekst z ogonkami, dość długi żeby wykryć.", "cp1250"),
        ("Grüße aus München, schöne Größe", "utf-16"),
        ("日本語のテキストです。エンコーディングの検出。", "utf-8"),
    ],
)
def test_detects_encoding(text: str, encoding: str) -> None:
    assert decode_text(text.encode(encoding)) == text


def test_utf8_bom_is_dropped() -> None:
    assert decode_text(b"\xef\xbb\xbfhello") == "hello"


def test_binary_is_refused() -> None:
    junk = bytes(range(256)) * 40
    assert looks_binary(junk)
    with pytest.raises(ExtractionError, match="binary"):
        decode_text(junk)


def test_text_is_not_binary() -> None:
    assert not looks_binary(b"plain words\twith a tab\n")
