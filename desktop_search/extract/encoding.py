"""Decode bytes of unknown encoding into text, and refuse binary data."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from desktop_search.extract.base import ExtractionError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 64 * 1024
_TIE_PREFERENCE = ("utf_8", "cp1252", "latin_1", "iso8859_15", "cp1251", "cp1250")
_CONTROL = bytes(range(0, 9)) + bytes(range(14, 32))


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 64 KiB: not a text file."""
    sample = data[:_SAMPLE]
    if not sample:
        return False
    if any(sample.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(sample.count(bytes([c])) for c in _CONTROL)
    return controls / len(sample) > 0.05


def decode_text(data: bytes) -> str:
    """Best-effort decoding: BOM, then UTF-8, then charset detection. Binary is refused."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if looks_binary(data):
        raise ExtractionError("binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    matches = from_bytes(data[: 4 * _SAMPLE])
    best = matches.best()
    if best is None or best.encoding is None:
        raise ExtractionError("unknown text encoding")
    encoding = best.encoding
    # Short texts score (nearly) the same in several 8-bit code pages; the most widely used
    # wins a near-tie rather than whichever the detector ranked first (mac_cyrillic, cp1250).
    tied = {
        m.encoding
        for m in matches
        if m.chaos <= best.chaos + 0.01 and m.coherence >= best.coherence - 0.1
    }
    for preferred in _TIE_PREFERENCE:
        if preferred in tied:
            encoding = preferred
            break
    return data.decode(encoding, errors="replace")
