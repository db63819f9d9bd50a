"""Careful reading of zip files (Office, OpenDocument and EPUB containers, zip archives): no
zip bombs."""

from __future__ import annotations

import io
import zipfile
import zlib
from xml.etree import ElementTree

from desktop_search.extract.base import ExtractionError

MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200  # declared uncompressed / compressed size of the whole archive
MAX_ENTRIES = 100_000  # entries in the central directory, which zipfile parses all at once
MAX_DIRECTORY_BYTES = 16 * 1024 * 1024  # the central directory itself (46+ bytes an entry)
_END = b"PK\x05\x06"  # end of central directory record
_END64 = b"PK\x06\x06"  # its zip64 version, just before the 20-byte zip64 locator


def _directory_claims(data: bytes) -> tuple[int, int]:
    """The entry count and central directory size that the end record declares
    ((0, 0) when there is none: zipfile then says what is wrong)."""
    end = data.rfind(_END, max(0, len(data) - 22 - 65535))
    if end < 0 or len(data) < end + 22:
        return 0, 0
    entries = int.from_bytes(data[end + 10 : end + 12], "little")
    size = int.from_bytes(data[end + 12 : end + 16], "little")
    record = end - 20 - 56
    if (entries == 0xFFFF or size == 0xFFFFFFFF) and data[record : record + 4] == _END64:
        entries = int.from_bytes(data[record + 32 : record + 40], "little")
        size = int.from_bytes(data[record + 40 : record + 48], "little")
    return entries, size


def open_zip(data: bytes, what: str) -> zipfile.ZipFile:
    """``data`` as a zip archive, refused before zipfile parses its central directory (every
    entry at once, in memory) when that declares too many entries or is too large."""
    entries, size = _directory_claims(data)
    if entries > MAX_ENTRIES or size > MAX_DIRECTORY_BYTES:
        raise ExtractionError(
            f"{what} lists {entries:,} entries ({size // 1024:,} KiB of directory): "
            "refused as a possible zip bomb"
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError) as exc:
        raise ExtractionError(f"corrupt {what} (not a valid zip container): {exc}") from exc
    if len(archive.infolist()) > MAX_ENTRIES:
        raise ExtractionError(f"{what} holds more than {MAX_ENTRIES:,} entries: refused")
    return archive


def looks_like_bomb(expanded: int, compressed: int) -> bool:
    """True when ``compressed`` bytes claim to expand to more than a member's limit, at a
    ratio no ordinary document reaches."""
    return expanded > MAX_MEMBER_BYTES and expanded > MAX_RATIO * compressed


class SafeZip:
    """A zip archive whose declared sizes were checked, and whose reads are capped."""

    def __init__(self, data: bytes, what: str) -> None:
        self.what = what
        self.zip = open_zip(data, what)
        total = sum(info.file_size for info in self.zip.infolist())
        if total > MAX_TOTAL_BYTES or looks_like_bomb(total, len(data)):
            raise ExtractionError(
                f"{what} expands to {total // (1024 * 1024)} MiB: refused as a possible zip bomb"
            )
        self.names = set(self.zip.namelist())

    def read(self, name: str) -> bytes:
        if name not in self.names:
            raise ExtractionError(f"corrupt {self.what}: missing {name}")
        try:
            with self.zip.open(name) as fh:
                data = fh.read(MAX_MEMBER_BYTES + 1)
        except (
            zipfile.BadZipFile,
            OSError,
            EOFError,
            ValueError,
            NotImplementedError,
            zlib.error,
        ) as exc:
            raise ExtractionError(f"corrupt {self.what}: cannot read {name}: {exc}") from exc
        if len(data) > MAX_MEMBER_BYTES:
            raise ExtractionError(f"{self.what} member {name} is too large: refused")
        return data

    def xml(self, name: str) -> ElementTree.Element:
        try:
            return ElementTree.fromstring(self.read(name))
        except ElementTree.ParseError as exc:
            raise ExtractionError(f"corrupt {self.what}: bad XML in {name}: {exc}") from exc


def zip_mimetype(head: bytes, data_member: bytes | None = None) -> str:
    """The OpenDocument/EPUB ``mimetype`` stored first in the archive, if visible in ``head``."""
    if not head.startswith(b"PK\x03\x04") or head[26:28] == b"":
        return ""
    name_len = int.from_bytes(head[26:28], "little")
    extra_len = int.from_bytes(head[28:30], "little")
    name = head[30 : 30 + name_len]
    if name != b"mimetype":
        return ""
    start = 30 + name_len + extra_len
    return head[start : start + 80].split(b"PK")[0].decode("ascii", "replace").strip()


def local_name(tag: str) -> str:
    """``{namespace}p`` -> ``p``."""
    return tag.rsplit("}", 1)[-1]
