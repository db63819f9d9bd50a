"""Renders the app icon (resources/icons/desktop-search.svg) into the formats the Windows
(.ico) and macOS (.icns) builds need, with Qt's own image writers. Build time only: the
spec imports it on those platforms."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SIZE = 256


def write_icon(svg: Path, out: Path) -> Path:
    """``out``'s suffix (.ico or .icns) picks the format."""
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    image = QImage(SIZE, SIZE, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), out.suffix.lstrip(".").upper()):
        raise RuntimeError(f"Qt could not write {out} (is the {out.suffix} image plugin there?)")
    return out


if __name__ == "__main__":
    print(write_icon(Path(sys.argv[1]), Path(sys.argv[2])))
