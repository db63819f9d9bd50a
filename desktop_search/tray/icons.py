"""The tray icon for each state: the app icon with a badge (indexing shows its progress)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from desktop_search.config.paths import resources_dir

SIZE = 64
COLOURS = {"indexing": "#1f6feb", "paused": "#8b949e", "error": "#d13438"}


def state_icon(state: str, progress: float | None = None) -> QIcon:
    """``state``: idle | indexing | paused | error; ``progress`` 0..1 while indexing."""
    pixmap = QPixmap(SIZE, SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QIcon(str(resources_dir() / "icons" / "desktop-search.svg")).paint(painter, 0, 0, SIZE, SIZE)
    if state in COLOURS:
        badge = QRectF(SIZE * 0.5, SIZE * 0.5, SIZE * 0.48, SIZE * 0.48)
        painter.setPen(QPen(QColor("white"), 3))
        painter.setBrush(QColor(COLOURS[state]))
        painter.drawEllipse(badge)
        inner = badge.adjusted(7, 7, -7, -7)
        pen = QPen(QColor("white"), 4)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        if state == "indexing":
            span = int(360 * 16 * (progress if progress is not None else 0.25))
            painter.drawArc(inner, 90 * 16, -max(span, 16 * 20))
        elif state == "paused":
            x = inner.center().x()
            painter.drawLine(int(x - 4), int(inner.top() + 2), int(x - 4), int(inner.bottom() - 2))
            painter.drawLine(int(x + 4), int(inner.top() + 2), int(x + 4), int(inner.bottom() - 2))
        else:  # error: "!"
            x = int(inner.center().x())
            painter.drawLine(x, int(inner.top()), x, int(inner.bottom() - 7))
            painter.drawPoint(x, int(inner.bottom()))
    painter.end()
    return QIcon(pixmap)
