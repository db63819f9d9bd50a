"""Pictures of text for the OCR tests: known words drawn with a real font, as a scanner or a
screenshot would give them."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
DPI = 300


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    if FONT.exists():
        return ImageFont.truetype(str(FONT), size)
    return ImageFont.load_default(size)


def page(
    lines: list[str], *, size: tuple[int, int] = (2480, 3508), points: int = 12
) -> Image.Image:
    """An A4 page at 300 dpi (by default) with ``lines`` in a ``points``-point font."""
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    pixels = round(points * DPI / 72)
    face = font(pixels)
    y = 300
    for line in lines:
        draw.text((250, y), line, fill="black", font=face)
        y += round(pixels * 1.6)
    return image


def strip(lines: list[str], points: int = 14) -> Image.Image:
    """A small picture holding just ``lines`` (a receipt, a screenshot's corner)."""
    pixels = round(points * DPI / 72)
    width = max(400, max(len(line) for line in lines) * pixels * 6 // 10 + 120)
    image = Image.new("RGB", (width, 100 + len(lines) * round(pixels * 1.6)), "white")
    draw = ImageDraw.Draw(image)
    face = font(pixels)
    for n, line in enumerate(lines):
        draw.text((50, 40 + n * round(pixels * 1.6)), line, fill="black", font=face)
    return image


def scanned_pdf(path: Path, pages: list[list[str]]) -> Path:
    """A PDF of page images with no text layer, as a scanner writes it."""
    images = [page(lines) for lines in pages]
    images[0].save(path, "PDF", resolution=DPI, save_all=True, append_images=images[1:])
    return path
