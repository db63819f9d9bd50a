"""Zip and tar archives (plain, gzip, bzip2, xz) and single gzipped files.

Every member goes through the registry like a file of its own and becomes a section named
by its path inside the archive ("folder/plan.docx", its pages "folder/plan.docx \u203a page 2"),
so a result names the member while the file it opens is the archive. Members share the
file's nesting budget: each is charged (``members.charge``) before it is unpacked, only its
first :data:`SNIFF_BYTES` are read earlier to tell its type, and it is read with a cap,
whatever size it declares. A compressed tar's whole stream is capped as well, and a zip's
central directory, total and per-member ratios are checked before anything is read.

Directories are passed over; links, devices, encrypted members, members of unsupported
types and members over a limit are recorded in ``skipped_members`` with the reason. The
archive fails only when it is corrupt as a whole or none of its files could be read.
Member names are display labels only: nothing is ever written to disk.
"""

from __future__ import annotations

import bz2
import contextlib
import functools
import gzip
import io
import lzma
import stat
import tarfile
import unicodedata
import zipfile
import zlib
from collections.abc import Callable
from pathlib import PurePath, PurePosixPath
from typing import Protocol

from desktop_search.extract import members
from desktop_search.extract.base import (
    Extracted,
    ExtractionCancelled,
    ExtractionError,
    Extractor,
    TextBuilder,
)
from desktop_search.extract.context import (
    MAX_DEPTH,
    MAX_MEMBER_BYTES,
    MAX_UNPACKED_BYTES,
    current,
)
from desktop_search.extract.registry import SNIFF_BYTES, registry
from desktop_search.extract.ziparchive import MAX_ENTRIES, MAX_RATIO, looks_like_bomb, open_zip

MIB = 1024 * 1024
SUSPECT_MEMBER_BYTES = MIB  # a larger member compressed better than MAX_RATIO is refused

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# What reading a damaged zip member or tar stream raises (zlib, bz2 and lzma included).
_READ_ERRORS = (
    zipfile.BadZipFile,
    tarfile.TarError,
    zlib.error,
    lzma.LZMAError,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
)


class _Stream(Protocol):
    def read(self, size: int, /) -> bytes: ...

    def close(self) -> object: ...


class _OverflowError(Exception):
    """A compressed tar unpacked to more than its limit."""


class _Capped(io.BufferedIOBase):
    """A decompressed stream that never gives more than ``limit`` bytes in all: reading past
    that raises :class:`_OverflowError` instead of unpacking on."""

    def __init__(self, inner: io.BufferedIOBase, limit: int) -> None:
        super().__init__()
        self._inner = inner
        self._left = limit

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1, /) -> bytes:
        want = self._left + 1 if size is None or size < 0 else min(size, self._left + 1)
        data = self._inner.read(want)
        self._left -= len(data)
        if self._left < 0:
            raise _OverflowError
        return data


def display_name(name: str) -> str:
    """A member's path as shown to the user and given to the registry: '/'-separated, no
    leading '/', no '.' or '..' parts, control and text-direction characters replaced."""
    shown = "".join(
        "\ufffd" if unicodedata.category(ch) in ("Cc", "Cs") or ch in _BIDI_CONTROLS else ch
        for ch in name.replace("\\", "/")
    )
    return "/".join(part for part in shown.split("/") if part not in ("", ".", "..")) or "(no name)"


class _Members:
    """Reads one archive's members into its text, one at a time, within the file's budget."""

    def __init__(self) -> None:
        self.builder = TextBuilder()
        self.read = 0  # members whose text was included
        self.skipped: list[tuple[str, str]] = []  # this archive's own, for its error

    def skip(self, label: str, reason: str) -> None:
        self.skipped.append((label, reason))
        current().skipped_members.append((label, reason))

    def full(self, label: str) -> bool:
        """True (and noted) once the file's member count is spent: the rest is not read."""
        if current().budget.members > 0:
            return False
        self.skip(label, "too many members in this file: the rest of the archive was not read")
        return True

    def add(self, label: str, size: int | None, open_member: Callable[[], _Stream | None]) -> None:
        """Unpack and extract one member of ``size`` declared bytes (None: not declared, as
        in a single gzipped file); what cannot be included is recorded with its reason."""
        try:
            data = self._unpack(label, size, open_member)
        except members.MemberError as exc:
            self.skip(label, str(exc))
            return
        if data is None:
            return
        try:
            extracted = members.extract_member(label, data)
        except ExtractionError as exc:
            self.skip(label, str(exc))
            return
        except (MemoryError, ExtractionCancelled):
            raise
        except Exception as exc:  # one member's parser failing must not lose the others
            self.skip(label, f"extractor failed: {type(exc).__name__}: {exc}"[:300])
            return
        if not extracted.text.strip():
            self.skip(label, "no text found")
            return
        self.builder.nest(label, extracted, members.SEPARATOR)
        self.read += 1

    def _unpack(
        self, label: str, size: int | None, open_member: Callable[[], _Stream | None]
    ) -> bytes | None:
        """The member's bytes, None when its type is not supported (noted)."""
        try:
            stream = open_member()
            if stream is None:
                raise members.MemberError("not a regular file")
            with contextlib.closing(stream):
                head = stream.read(SNIFF_BYTES)
                if registry().choose(PurePosixPath(label), head) is None:
                    suffix = PurePosixPath(label).suffix or label
                    self.skip(label, f"unsupported file type '{suffix}'")
                    return None
                if size is None:
                    limit = min(MAX_MEMBER_BYTES, current().budget.unpacked_bytes)
                    data = head + stream.read(max(0, limit + 1 - len(head)))
                    if len(data) > limit:
                        raise members.MemberError(
                            f"unpacks to more than {limit // MIB} MiB: refused as a possible bomb"
                        )
                    members.charge(label, len(data))
                    return data
                members.charge(label, size)
                data = head + stream.read(max(0, size + 1 - len(head)))
        except _READ_ERRORS as exc:
            raise members.MemberError(f"cannot read this member: {exc}") from exc
        if len(data) > size:
            raise members.MemberError(
                "unpacks to more than it declares: refused as a possible bomb"
            )
        return data

    def nothing_read(self) -> str:
        """Why the archive gave no text at all."""
        if not self.skipped:
            return "no readable files in this archive (it is empty)"
        label, reason = self.skipped[0]
        more = f", and {len(self.skipped) - 1:,} more" if len(self.skipped) > 1 else ""
        return f"no readable files in this archive ({label}: {reason}{more})"


def _zip_refusal(info: zipfile.ZipInfo) -> str:
    """Why a zip member is not to be read at all ('' when it may be)."""
    if info.flag_bits & 0x1:
        return "encrypted (needs a password)"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "symbolic link (not followed)"
    if info.file_size > SUSPECT_MEMBER_BYTES and info.file_size > MAX_RATIO * info.compress_size:
        ratio = info.file_size // max(1, info.compress_size)
        return f"compressed {ratio:,}:1: refused as a possible zip bomb"
    return ""


def _zip_members(data: bytes, into: _Members) -> None:
    archive = open_zip(data, "zip archive")
    infos = archive.infolist()
    expanded = sum(info.file_size for info in infos)
    if looks_like_bomb(expanded, len(data)):
        raise ExtractionError(
            f"zip archive expands to {expanded // MIB:,} MiB from {len(data) / MIB:.1f} MiB: "
            "refused as a possible zip bomb"
        )
    for info in infos:
        if info.is_dir():
            continue
        label = display_name(info.filename)
        refusal = _zip_refusal(info)
        if refusal:
            into.skip(label, refusal)
            continue
        if into.full(label):
            return
        into.add(label, info.file_size, functools.partial(archive.open, info))


def _tar_member(tar: tarfile.TarFile, info: tarfile.TarInfo, limit: int, into: _Members) -> bool:
    """Read one tar entry; False when the rest of the archive is not to be read."""
    if info.isdir():
        return True
    label = display_name(info.name)
    if info.issym() or info.islnk():
        into.skip(label, "link (not followed)")
        return True
    if not info.isfile():
        into.skip(label, "device, pipe or other special file")
        return True
    if info.offset_data + info.size > limit:
        into.skip(
            label,
            f"lies beyond the archive's {limit // MIB} MiB of unpacked data: refused as a "
            "possible bomb, the rest of the archive was not read",
        )
        return False
    if into.full(label):
        return False
    into.add(label, info.size, functools.partial(tar.extractfile, info))
    return True


def _tar_members(stream: io.BufferedIOBase, limit: int, name: str, into: _Members) -> None:
    """Read a tar stream entry by entry, never unpacking more than ``limit`` bytes of it."""
    try:
        with tarfile.open(fileobj=_Capped(stream, limit), mode="r|") as tar:
            for _ in range(MAX_ENTRIES):
                info = tar.next()
                if info is None or not _tar_member(tar, info, limit, into):
                    return
            into.skip(name, f"more than {MAX_ENTRIES:,} entries: the rest was not read")
    except _OverflowError:
        reason = f"unpacks to more than {limit // MIB} MiB: refused as a possible bomb"
        if not into.read:
            raise ExtractionError(f"this archive {reason}") from None
        into.skip(name, f"{reason}, the rest was not read")
    except _READ_ERRORS as exc:
        if not into.read:
            raise ExtractionError(f"corrupt or truncated archive: {exc}") from exc
        into.skip(name, f"corrupt or truncated after this point: {exc}")


def _decompressing(data: bytes) -> io.BufferedIOBase | None:
    """A reader of ``data`` decompressed (gzip, bzip2, xz), None when it is not compressed."""
    if data.startswith(b"\x1f\x8b"):
        return gzip.GzipFile(fileobj=io.BytesIO(data))
    if data.startswith(b"BZh"):
        return bz2.BZ2File(io.BytesIO(data))
    if data.startswith(b"\xfd7zXZ\x00"):
        return lzma.LZMAFile(io.BytesIO(data))
    return None


def _is_tar_header(block: bytes) -> bool:
    try:
        tarfile.TarInfo.frombuf(block, tarfile.ENCODING, "surrogateescape")
    except tarfile.HeaderError:
        return False
    return True


def _compressed_members(path: PurePath, data: bytes, into: _Members) -> None:
    """A tar, plain or compressed, or a single gzipped file (``notes.txt.gz``)."""
    stream = _decompressing(data)
    if stream is None:
        _tar_members(io.BytesIO(data), len(data), path.name, into)
        return
    try:
        is_tar = _is_tar_header(stream.read(tarfile.BLOCKSIZE))
        stream.seek(0)
    except _READ_ERRORS as exc:
        raise ExtractionError(f"corrupt or truncated archive: {exc}") from exc
    if is_tar:
        limit = min(MAX_UNPACKED_BYTES, max(MAX_MEMBER_BYTES, MAX_RATIO * len(data)))
        _tar_members(stream, limit, path.name, into)
    elif path.name.lower().endswith(".gz"):
        into.add(display_name(path.name[: -len(".gz")]), None, lambda: stream)
    else:
        raise ExtractionError("corrupt archive: the compressed data holds no tar archive")


class ArchiveExtractor(Extractor):
    kind = "archive"
    # By extension only: Office, OpenDocument and EPUB files are zips too, and their own
    # sniffers claim them by content.
    extensions = frozenset(
        {".zip", ".tar", ".tgz", ".tar.gz", ".tbz2", ".tar.bz2", ".txz", ".tar.xz", ".gz"}
    )

    def extract(self, path: PurePath, data: bytes) -> Extracted:
        if current().depth >= MAX_DEPTH:
            raise members.MemberError(
                f"archive nested more than {MAX_DEPTH} levels deep: its files were not read"
            )
        into = _Members()
        if data.startswith(_ZIP_MAGIC) or path.suffix.lower() == ".zip":
            _zip_members(data, into)
        else:
            _compressed_members(path, data, into)
        if not into.read:
            raise ExtractionError(into.nothing_read())
        return Extracted(text=into.builder.text(), kind=self.kind, sections=into.builder.sections)
