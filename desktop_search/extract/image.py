"""Images (png, jpeg, webp, tiff, bmp, gif): their metadata now, their text by OCR later.

The title, description, keywords, author and date of EXIF (including Windows' XP fields)
and XMP (dc:title, dc:description, dc:subject) are the image's text at once; what the
picture shows in writing is read by the OCR job (``extract/scans.py``): a GIF's first
frame, every page of a multi-page TIFF (a fax, a scanner's output) up to the page cap.
An image larger than :data:`MAX_PIXELS` is not decoded (its metadata still counts).
"""

from __future__ import annotations

import functools
import html
import re
import warnings
from pathlib import PurePath
from typing import TYPE_CHECKING

from PIL import Image, ImageFile, UnidentifiedImageError

from desktop_search.extract import scans
from desktop_search.extract.base import Extracted, ExtractionError, Extractor, TextBuilder

if TYPE_CHECKING:
    from io import BytesIO

MAX_PIXELS = 80_000_000  # larger images (a bomb, a giant panorama) are not decoded
MAX_FRAMES = 500
XMP_LIMIT = 1 << 20

# Pillow refuses above twice this at open (DecompressionBombError); we decide before that.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
ImageFile.LOAD_TRUNCATED_IMAGES = False

_EXIF_TEXT = {0x010E: "description", 0x013B: "author", 0x8298: "copyright"}
_EXIF_XP = {
    0x9C9B: "title",
    0x9C9C: "comment",
    0x9C9D: "author",
    0x9C9E: "keywords",
    0x9C9F: "subject",
}
_EXIF_IFD = 0x8769
_DATE_TAKEN = 0x9003
_DATE = 0x0132
_XMP_FIELDS = {"title": "title", "description": "description", "subject": "keywords"}


def _xp_text(value: object) -> str:
    """Windows' XP* tags: UTF-16LE bytes (or a tuple of byte values)."""
    if isinstance(value, tuple):
        value = bytes(int(v) & 0xFF for v in value)
    if isinstance(value, bytes):
        return value.decode("utf-16-le", "replace").rstrip("\x00").strip()
    return str(value).strip()


def _plain(value: object) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return " ".join(str(value).replace("\x00", " ").split())


def exif_fields(image: Image.Image) -> dict[str, str]:
    fields: dict[str, str] = {}
    try:
        exif = image.getexif()
    except (OSError, ValueError, SyntaxError, TypeError):
        return fields
    for tag, name in _EXIF_TEXT.items():
        if tag in exif and (text := _plain(exif[tag])):
            fields.setdefault(name, text)
    for tag, name in _EXIF_XP.items():
        if tag in exif and (text := _xp_text(exif[tag])):
            fields[name] = text  # the user's own words in Explorer win over a camera's
    try:
        taken = exif.get_ifd(_EXIF_IFD).get(_DATE_TAKEN) or exif.get(_DATE)
    except (OSError, ValueError, KeyError, TypeError):
        taken = exif.get(_DATE)
    if taken and (match := re.match(r"(\d{4}):(\d{2}):(\d{2})", _plain(taken))):
        fields["date"] = "-".join(match.groups())
    return fields


def xmp_fields(image: Image.Image) -> dict[str, str]:
    """dc:title, dc:description and dc:subject from the XMP packet, read as text (no XML
    parser, so no entity expansion whatever the packet holds)."""
    raw = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp") or b""
    if isinstance(raw, str):
        raw = raw.encode("utf-8", "replace")
    if not isinstance(raw, bytes) or not raw:
        return {}
    packet = raw[:XMP_LIMIT].decode("utf-8", "replace")
    fields: dict[str, str] = {}
    for element, name in _XMP_FIELDS.items():
        block = re.search(rf"<dc:{element}\b[^>]*>(.*?)</dc:{element}>", packet, re.S)
        if block is None:
            continue
        items = re.findall(r"<rdf:li\b[^>]*>(.*?)</rdf:li>", block.group(1), re.S)
        values = [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", i)).split()) for i in items]
        text = ", ".join(v for v in values if v)
        if text:
            fields[name] = text
    return fields


class ImageExtractor(Extractor):
    kind = "image"
    extensions = frozenset({".png", ".jpg", ".jpeg", ".webp", ".tif", ".tiff", ".bmp", ".gif"})

    def sniff(self, head: bytes) -> bool:
        return (
            head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a"))
            or head.startswith((b"II*\x00", b"MM\x00*"))
            or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")
        )

    def extract(self, path: PurePath, data: bytes) -> Extracted:
        import io

        stream: BytesIO = io.BytesIO(data)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                image = Image.open(stream)
            with image:
                return self._read(image, data)
        except Image.DecompressionBombError as exc:
            raise ExtractionError(f"image too large to read: {exc}"[:200]) from exc
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError) as exc:
            raise ExtractionError(f"corrupt or unreadable image: {exc}"[:300]) from exc

    def _read(self, image: Image.Image, data: bytes) -> Extracted:
        fields = {**exif_fields(image), **xmp_fields(image)}
        builder = TextBuilder()
        title = fields.pop("title", "")
        lines = [f"{name.capitalize()}: {value}" for name, value in fields.items()]
        if lines:
            builder.section("metadata")
            builder.block("\n".join(lines))
        width, height = image.size
        if width * height <= MAX_PIXELS:
            key = scans.content_key(data)
            frames = min(getattr(image, "n_frames", 1), MAX_FRAMES)
            if image.format == "GIF":
                frames = 1  # an animation's first frame; the others repeat it
            for number in range(1, frames + 1):
                text = scans.page_text(key, number, functools.partial(_frame, image, number))
                if text.strip():
                    builder.section(f"page {number}" if frames > 1 else "image text")
                    builder.block(text)
        return Extracted(
            text=builder.text(), kind=self.kind, title=title, sections=builder.sections
        )


def _frame(image: Image.Image, number: int) -> Image.Image:
    """Frame ``number`` (1-based) as RGB, transparency on white (a screenshot's text stays
    dark on light)."""
    image.seek(number - 1)
    frame = image.convert("RGBA")
    background = Image.new("RGBA", frame.size, (255, 255, 255, 255))
    return Image.alpha_composite(background, frame).convert("RGB")
