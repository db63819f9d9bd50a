"""Zip and tar archives: members through the registry as sections, and hostile archives
(bombs, deep nesting, too many members, links and devices, lies, truncation) refused
within the limits, in memory and in time."""

from __future__ import annotations

import contextlib
import gzip
import io
import os
import struct
import tarfile
import time
import tracemalloc
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import pytest

from desktop_search.engine import Engine
from desktop_search.extract.base import Extracted, ExtractionError
from desktop_search.extract.context import MAX_DEPTH, MAX_MEMBERS
from desktop_search.extract.guard import GuardedExtractor, read_and_extract
from desktop_search.extract.registry import is_supported, registry
from desktop_search.search.service import SearchRequest
from tests import docfactory
from tests.extract.test_formats import LIMIT, FormatContract

MIB = 1024 * 1024
ARCHIVE_PHRASES = ("Carrots grow best in deep sandy soil", "Rivers carry silt", "Owls hunt")
ARCHIVE_SECTIONS = (
    "folder/member.docx",
    "folder/member.docx \u203a Root vegetables",
    "folder/notes.txt",
    "folder/report.pdf",
    "folder/report.pdf \u203a page 2",
)


def write_members(folder: Path) -> Path:
    """A folder holding a docx, a pdf and a text file in a subfolder, and an image."""
    inner = folder / "folder"
    inner.mkdir(parents=True)
    docfactory.write_docx(
        inner / "member.docx",
        ["Carrots grow best in deep sandy soil."],
        headings=["Root vegetables"],
        title="Garden notes",
    )
    docfactory.write_pdf(
        inner / "report.pdf", ["The delta survey.", "Rivers carry silt to the sea."]
    )
    (inner / "notes.txt").write_text("Owls hunt at night.", "utf-8")
    (folder / "icon.bin").write_bytes(bytes(range(256)))
    return folder


def pack_tar(folder: Path, path: Path, mode: Literal["w", "w:gz", "w:bz2", "w:xz"]) -> Path:
    source = write_members(folder / "source")
    with tarfile.open(path, mode) as archive:
        for member in sorted(source.rglob("*")):
            archive.add(member, arcname=str(member.relative_to(source)), recursive=False)
    return path


class ArchiveContract(FormatContract):
    kind = "archive"
    expected_phrases = ARCHIVE_PHRASES
    expected_sections = ARCHIVE_SECTIONS

    def test_title_is_empty(self, extracted: Extracted) -> None:
        assert extracted.title == ""

    def test_member_text_is_in_its_section(self, extracted: Extracted) -> None:
        offset = extracted.text.index("Rivers carry silt")
        assert extracted.section_at(offset) == "folder/report.pdf \u203a page 2"
        offset = extracted.text.index("Owls hunt")
        assert extracted.section_at(offset) == "folder/notes.txt"

    def test_unsupported_member_is_skipped_not_fatal(self, extracted: Extracted) -> None:
        assert [label for label, _ in extracted.skipped_members] == ["icon.bin"]


class TestZip(ArchiveContract):
    file_name = "bundle.zip"

    def make(self, folder: Path) -> Path:
        source = write_members(folder / "source")
        path = folder / self.file_name
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for member in sorted(source.rglob("*")):
                archive.write(member, str(member.relative_to(source)))
        return path


class TestTarGz(ArchiveContract):
    file_name = "bundle.tar.gz"

    def make(self, folder: Path) -> Path:
        return pack_tar(folder, folder / self.file_name, "w:gz")


class TestTgz(ArchiveContract):
    file_name = "bundle.tgz"

    def make(self, folder: Path) -> Path:
        return pack_tar(folder, folder / self.file_name, "w:gz")


class TestTarBz2(ArchiveContract):
    file_name = "bundle.tar.bz2"

    def make(self, folder: Path) -> Path:
        return pack_tar(folder, folder / self.file_name, "w:bz2")


class TestTarXz(ArchiveContract):
    file_name = "bundle.tar.xz"

    def make(self, folder: Path) -> Path:
        return pack_tar(folder, folder / self.file_name, "w:xz")


class TestPlainTar(ArchiveContract):
    file_name = "bundle.tar"

    def make(self, folder: Path) -> Path:
        return pack_tar(folder, folder / self.file_name, "w")


# -- helpers for hostile archives --------------------------------------------------------


def deflated(prefix: bytes, zeros_mib: int, suffix: bytes = b"") -> tuple[bytes, int, int]:
    """A raw deflate stream of ``prefix``, ``zeros_mib`` MiB of zeros and ``suffix``, built
    in milliseconds: after a full flush every compressed MiB of zeros is the same bytes, so
    one is repeated. Returns the stream, the CRC-32 and the size of what it inflates to."""
    block = bytes(MIB)
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = squeeze.compress(prefix) + squeeze.flush(zlib.Z_FULL_FLUSH)
    zeros = squeeze.compress(block) + squeeze.flush(zlib.Z_FULL_FLUSH)
    tail = squeeze.compress(suffix) + squeeze.flush()
    crc = zlib.crc32(prefix)
    for _ in range(zeros_mib):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(suffix, crc)
    return head + zeros * zeros_mib + tail, crc, len(prefix) + zeros_mib * MIB + len(suffix)


def plain_member(name: str, text: str, flags: int = 0) -> tuple[str, bytes, int, int, int]:
    raw, crc, size = deflated(text.encode(), 0)
    return name, raw, crc, size, flags


def write_raw_zip(path: Path, entries: list[tuple[str, bytes, int, int, int]]) -> Path:
    """A zip written field by field, so it can say what zipfile would never write: entries
    are (name, raw deflate data, CRC-32, declared size, flag bits)."""
    local, central = bytearray(), bytearray()
    for name, raw, crc, size, flags in entries:
        encoded = name.encode()
        central += struct.pack(
            "<4s6H3L5H2L",
            b"PK\x01\x02",
            20,
            20,
            flags,
            8,
            0,
            33,
            crc,
            len(raw),
            size,
            len(encoded),
            0,
            0,
            0,
            0,
            0,
            len(local),
        )
        central += encoded
        local += struct.pack(
            "<4s5H3L2H", b"PK\x03\x04", 20, flags, 8, 0, 33, crc, len(raw), size, len(encoded), 0
        )
        local += encoded + raw
    end = struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central), len(local), 0
    )
    path.write_bytes(bytes(local + central + end))
    return path


def gzip_of(raw: bytes, crc: int, size: int) -> bytes:
    """A gzip file around a raw deflate stream."""
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    return header + raw + struct.pack("<2L", crc, size & 0xFFFFFFFF)


def tar_header(name: str, size: int, kind: bytes = tarfile.REGTYPE) -> bytes:
    info = tarfile.TarInfo(name)
    info.size, info.type = size, kind
    return info.tobuf(tarfile.GNU_FORMAT)


def tar_entry(name: str, text: str) -> bytes:
    """One regular file's header and data, without the end-of-archive blocks."""
    data = text.encode()
    padding = -len(data) % tarfile.BLOCKSIZE
    return tar_header(name, len(data)) + data + bytes(padding)


def tar_bytes(members: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w") as archive:
        for name, text in members.items():
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return out.getvalue()


def reason(path: Path) -> str:
    with pytest.raises(ExtractionError) as info:
        read_and_extract(path, LIMIT)
    return str(info.value)


@contextlib.contextmanager
def bounded(seconds: float, mib: int) -> Iterator[None]:
    """The block takes less than ``seconds`` and allocates at most ``mib`` MiB at its peak."""
    tracemalloc.start()
    start = time.monotonic()
    try:
        yield
        elapsed, peak = time.monotonic() - start, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert elapsed < seconds
    assert peak < mib * MIB, f"{peak / MIB:.0f} MiB allocated"


# -- registry ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["a.zip", "a.tar", "a.tgz", "a.tar.gz", "a.TAR.GZ", "a.tbz2", "a.tar.bz2", "a.txz", "a.tar.xz"],
)
def test_archive_names_resolve_by_their_suffixes(name: str) -> None:
    extractor = registry().by_extension(Path(name))
    assert extractor is not None and extractor.kind == "archive"
    assert is_supported(Path(name))


def test_other_names_keep_their_last_suffix() -> None:
    for name, kind in (("report.v2.pdf", "pdf"), ("my.notes.txt", "text"), ("x.tar.pdf", "pdf")):
        extractor = registry().by_extension(Path(name))
        assert extractor is not None and extractor.kind == kind
    assert not is_supported(Path("backup.tar.zst"))


def test_zipped_documents_are_still_read_as_documents(tmp_path: Path) -> None:
    epub = docfactory.write_epub(tmp_path / "book.zip", "B", [("C", "Inside the book.")])
    assert read_and_extract(epub, LIMIT).kind == "epub"
    odt = docfactory.write_odt(tmp_path / "plan.zip", ["Plant tomatoes."])
    assert read_and_extract(odt, LIMIT).kind == "odt"


# -- ordinary archives ---------------------------------------------------------------------


def test_single_gzipped_file(tmp_path: Path) -> None:
    path = tmp_path / "minutes.txt.gz"
    path.write_bytes(gzip.compress(b"The board voted to repaint the lighthouse."))
    extracted = read_and_extract(path, LIMIT)
    assert "repaint the lighthouse" in extracted.text
    assert [s.label for s in extracted.sections] == ["minutes.txt"]


def test_gzipped_file_of_an_unsupported_type_fails_with_its_reason(tmp_path: Path) -> None:
    path = tmp_path / "program.exe.gz"
    path.write_bytes(gzip.compress(bytes(range(256)) * 4))
    assert "unsupported file type '.exe'" in reason(path)


def test_archive_of_unsupported_files_only_fails(tmp_path: Path) -> None:
    path = tmp_path / "binaries.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("setup.exe", bytes(range(256)))
        archive.writestr("data.bin", bytes(256))
    assert reason(path).startswith("no readable files in this archive (setup.exe: unsupported")


def test_empty_archive_fails(tmp_path: Path) -> None:
    path = tmp_path / "empty.zip"
    zipfile.ZipFile(path, "w").close()
    assert reason(path) == "no readable files in this archive (it is empty)"


def test_member_names_are_made_safe_to_show(tmp_path: Path) -> None:
    path = tmp_path / "names.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("/abs/../../up.txt", "Absolute and climbing path.")
        archive.writestr("ctl\x1b[31mred.txt", "Control characters in the name.")
        archive.writestr("invoice\u202etxt.exe.txt", "Right-to-left override in the name.")
        archive.writestr("win\\dir\\file.txt", "Backslashes in the name.")
    labels = [s.label for s in read_and_extract(path, LIMIT).sections]
    assert labels == [
        "abs/up.txt",
        "ctl\ufffd[31mred.txt",
        "invoice\ufffdtxt.exe.txt",
        "win/dir/file.txt",
    ]


def test_encrypted_member_is_skipped_with_its_reason(tmp_path: Path) -> None:
    path = write_raw_zip(
        tmp_path / "locked.zip",
        [
            plain_member("open.txt", "Anyone reads this."),
            plain_member("secret.txt", "Nobody reads this.", flags=0x1),  # "encrypted"
        ],
    )
    extracted = read_and_extract(path, LIMIT)
    assert "Anyone reads this." in extracted.text
    assert "Nobody" not in extracted.text
    assert extracted.skipped_members == [("secret.txt", "encrypted (needs a password)")]


def test_query_finds_a_member_and_names_it(engine: Engine, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    plan = docfactory.write_docx(
        tmp_path / "plan.docx",
        [
            "Raised vegetable beds along the south fence get sun all afternoon.",
            "Tomatoes and peppers go in the sunniest bed, lettuce in the shady corner.",
        ],
        headings=["Vegetable beds"],
    )
    archive_path = docs / "backup.zip"
    with zipfile.ZipFile(archive_path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(plan, "projects/garden/plan.docx")
        archive.writestr("projects/taxes/notes.txt", "Income tax return due in April.")
        archive.writestr("music/playlist.txt", "Jazz standards for a rainy evening.")
        archive.writestr("photos/beach.jpg", b"\xff\xd8\xff" + bytes(64))
    (docs / "recipes.txt").write_text("Bake the bread at a high heat for forty minutes.")
    summary = engine.indexer().index([str(docs)])
    assert summary.failed == {}
    hits = engine.search.search(SearchRequest(query="where to plant the tomatoes", k=3))
    assert hits[0].path == str(archive_path)
    assert hits[0].section.startswith("projects/garden/plan.docx")


# -- hostile archives ----------------------------------------------------------------------


def test_zip_bomb_is_refused_quickly_in_bounded_memory(tmp_path: Path) -> None:
    raw, crc, size = deflated(b"", 1024)  # 1 GiB of zeros in about 1 MB
    bomb = write_raw_zip(tmp_path / "bomb.zip", [("zeros.txt", raw, crc, size, 0)])
    assert bomb.stat().st_size < 2 * MIB
    with bounded(seconds=1, mib=16):
        message = reason(bomb)
    assert message.startswith("zip archive expands to 1,024 MiB from 1.0 MiB")
    assert message.endswith("refused as a possible zip bomb")


def test_zip_bomb_member_beside_good_ones_is_skipped(tmp_path: Path) -> None:
    raw, crc, size = deflated(b"", 10)
    good = [
        plain_member(f"good{i}.txt", f"Harbour log {i}. " + "calm sea " * 500) for i in range(3)
    ]
    path = write_raw_zip(tmp_path / "mixed.zip", [*good, ("zeros.txt", raw, crc, size, 0)])
    extracted = read_and_extract(path, LIMIT)
    assert "Harbour log 2" in extracted.text
    [(label, why)] = extracted.skipped_members
    assert label == "zeros.txt"
    assert why.startswith("compressed 1,0") and why.endswith(":1: refused as a possible zip bomb")


def test_zip_bomb_survives_the_guarded_child(tmp_path: Path) -> None:
    raw, crc, size = deflated(b"", 1024)
    bomb = write_raw_zip(tmp_path / "bomb.zip", [("zeros.txt", raw, crc, size, 0)])
    good = write_raw_zip(tmp_path / "good.zip", [plain_member("a.txt", "Lighthouse keeper.")])
    with GuardedExtractor(timeout_s=20, memory_mb=256, max_bytes=LIMIT) as guard:
        with pytest.raises(ExtractionError, match="refused as a possible zip bomb"):
            guard.extract(bomb)
        pid = guard.pid
        assert "Lighthouse keeper." in guard.extract(good).text
        assert guard.pid == pid  # the worker was not killed by the bomb


def test_member_lying_about_its_size_is_read_with_a_cap(tmp_path: Path) -> None:
    raw, crc, _ = deflated(b"", 100)  # inflates to 100 MiB, says 1,000 bytes
    path = write_raw_zip(
        tmp_path / "liar.zip",
        [plain_member("honest.txt", "An honest member."), ("liar.txt", raw, crc, 1000, 0)],
    )
    with bounded(seconds=1, mib=16):
        extracted = read_and_extract(path, LIMIT)
    assert "An honest member." in extracted.text
    [(label, why)] = extracted.skipped_members
    assert label == "liar.txt" and why.startswith("cannot read this member")


def test_tar_gz_bomb_stops_at_its_limit(tmp_path: Path) -> None:
    raw, crc, size = deflated(tar_header("zeros.txt", 1024 * MIB), 1024, bytes(1024))
    path = tmp_path / "bomb.tar.gz"
    path.write_bytes(gzip_of(raw, crc, size))
    with bounded(seconds=1, mib=16):
        message = reason(path)
    assert message.startswith("no readable files in this archive (zeros.txt: lies beyond")
    assert "possible bomb" in message


def test_tar_gz_stream_bomb_keeps_what_came_before(tmp_path: Path) -> None:
    # A pax header declaring 100 MiB of attributes, which tarfile reads whole into memory.
    good = tar_entry("good.txt", "The ferry leaves at noon.")
    raw, crc, size = deflated(good + tar_header("x", 100 * MIB, tarfile.XHDTYPE), 100)
    path = tmp_path / "stream-bomb.tar.gz"
    path.write_bytes(gzip_of(raw, crc, size))
    with bounded(seconds=3, mib=100):
        extracted = read_and_extract(path, LIMIT)
    assert "The ferry leaves at noon." in extracted.text
    expected = "unpacks to more than 64 MiB: refused as a possible bomb, the rest was not read"
    assert extracted.skipped_members == [("stream-bomb.tar.gz", expected)]


def test_gzip_bomb_is_refused(tmp_path: Path) -> None:
    raw, crc, size = deflated(b"", 100)
    path = tmp_path / "zeros.txt.gz"
    path.write_bytes(gzip_of(raw, crc, size))
    assert "unpacks to more than 64 MiB: refused as a possible bomb" in reason(path)


def test_nesting_stops_at_the_depth_limit(tmp_path: Path) -> None:
    inner = b""
    for level in reversed(range(5)):  # level0.zip holds level1.zip ... holds level4.zip
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            archive.writestr(f"note{level}.txt", f"Nesting level {level} reached.")
            if inner:
                archive.writestr(f"level{level + 1}.zip", inner)
        inner = out.getvalue()
    path = tmp_path / "level0.zip"
    path.write_bytes(inner)
    extracted = read_and_extract(path, LIMIT)
    reached = [level for level in range(5) if f"Nesting level {level} reached" in extracted.text]
    assert reached == list(range(MAX_DEPTH))
    assert "level1.zip \u203a level2.zip \u203a note2.txt" in [s.label for s in extracted.sections]
    assert extracted.skipped_members == [
        ("level3.zip", f"archive nested more than {MAX_DEPTH} levels deep: its files were not read")
    ]


def test_too_many_members_gives_what_fits(tmp_path: Path) -> None:
    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for number in range(10_000):
            archive.writestr(f"notes/{number:05d}.txt", f"Note {number:05d} on owls.")
    extracted = read_and_extract(path, LIMIT)
    assert "Note 00000 on owls" in extracted.text
    assert f"Note {MAX_MEMBERS - 1:05d} on owls" in extracted.text
    assert f"Note {MAX_MEMBERS:05d}" not in extracted.text
    expected = "too many members in this file: the rest of the archive was not read"
    assert extracted.skipped_members == [(f"notes/{MAX_MEMBERS:05d}.txt", expected)]


@pytest.mark.parametrize(("entries", "directory"), [(200_000, 0), (1, 32 * MIB)])
def test_zip_directory_too_large_is_refused_before_parsing(
    tmp_path: Path, entries: int, directory: int
) -> None:
    path = tmp_path / "huge-directory.zip"
    count = min(entries, 0xFFFF)
    zip64 = struct.pack(
        "<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, entries, entries, directory, 0
    )
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, 0, 1)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    path.write_bytes(zip64 + locator + end)
    assert "refused as a possible zip bomb" in reason(path)


def test_tar_links_devices_and_climbing_names_write_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as archive:
        for name, kind, target in (
            ("passwd-link", tarfile.SYMTYPE, "/etc/passwd"),
            ("hard-link", tarfile.LNKTYPE, "/etc/hostname"),
            ("dev/zero", tarfile.CHRTYPE, ""),
            ("dev/disk", tarfile.BLKTYPE, ""),
            ("queue", tarfile.FIFOTYPE, ""),
        ):
            info = tarfile.TarInfo(name)
            info.type, info.linkname = kind, target
            archive.addfile(info)
        for name, text in (("../../evil.txt", "Escaping text."), ("/etc/cron.txt", "Rooted.")):
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    path = tmp_path / "hostile.tar.gz"
    path.write_bytes(out.getvalue())
    work = tmp_path / "work" / "deeper"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    before = sorted(tmp_path.rglob("*"))

    extracted = read_and_extract(path, LIMIT)

    assert sorted(tmp_path.rglob("*")) == before
    assert [s.label for s in extracted.sections] == ["evil.txt", "etc/cron.txt"]
    assert "root:" not in extracted.text
    assert extracted.skipped_members == [
        ("passwd-link", "link (not followed)"),
        ("hard-link", "link (not followed)"),
        ("dev/zero", "device, pipe or other special file"),
        ("dev/disk", "device, pipe or other special file"),
        ("queue", "device, pipe or other special file"),
    ]


def test_truncated_zip_fails_clearly(tmp_path: Path) -> None:
    path = TestZip().make(tmp_path)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert reason(path).startswith("corrupt zip archive (not a valid zip container)")


def test_truncated_tar_gz_fails_clearly(tmp_path: Path) -> None:
    path = TestTarGz().make(tmp_path)
    path.write_bytes(path.read_bytes()[:200])
    assert reason(path).startswith("corrupt or truncated archive: ")


def test_tar_gz_truncated_later_keeps_the_members_before(tmp_path: Path) -> None:
    long_text = " ".join(os.urandom(4).hex() for _ in range(40_000))  # compresses little
    data = gzip.compress(tar_bytes({"first.txt": "The first member.", "long.txt": long_text}))
    path = tmp_path / "cut.tar.gz"
    path.write_bytes(data[: len(data) // 2])
    extracted = read_and_extract(path, LIMIT)
    assert "The first member." in extracted.text
    assert [label for label, _ in extracted.skipped_members] == ["long.txt", "cut.tar.gz"]
    assert extracted.skipped_members[-1][1].startswith("corrupt or truncated after this point")
