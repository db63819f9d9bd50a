"""Careful reading of zip-based documents (Office, OpenDocument, EPUB): no zip bombs."""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

from desktop_search.extract.base import ExtractionError

MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200  # declared uncompressed / compressed size of the whole archive


class SafeZip:
    """A zip archive whose declared sizes were checked, and whose reads are capped."""

    def __init__(self, data: bytes, what: str) -> None:
        self.what = what
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, ValueError, OSError) as exc:
            raise ExtractionError(f"corrupt {what} (not a valid zip container): {exc}") from exc
        total = sum(info.file_size for info in self.zip.infolist())
        if total > MAX_TOTAL_BYTES or (
            len(data) > 0 and total / len(data) > MAX_RATIO and total > MAX_MEMBER_BYTES
        ):
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
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
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
