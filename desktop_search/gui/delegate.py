"""How one result looks: icon, name, folder, date, the best passage with the matching words
highlighted, and a relevance bar. Painted, not built from widgets: a list of hundreds of
results stays cheap to scroll."""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop_search.daemon.api import result_name
from desktop_search.gui.file_icons import icon_for_path
from desktop_search.gui.results import HIT_ROLE, MARK_ROLE, RELEVANCE_ROLE
from desktop_search.gui.text_format import friendly_date, highlighted_html

PADDING = 8
ICON = 32
BAR_WIDTH = 44
SNIPPET_LINES = 2


def highlight_style(palette: QPalette) -> str:
    """Matched words: bold on a soft tint of the highlight colour, readable on light
    and dark palettes alike."""
    tint = QColor(palette.color(QPalette.ColorRole.Highlight))
    tint.setAlpha(70)
    return f"background-color: rgba({tint.red()},{tint.green()},{tint.blue()},0.28);"


KIND_COLOURS = {
    ".pdf": "#d13438",
    ".docx": "#2b579a",
    ".odt": "#2b579a",
    ".pptx": "#c43e1c",
    ".odp": "#c43e1c",
    ".epub": "#7a4fb5",
    ".html": "#e08a00",
    ".htm": "#e08a00",
    ".md": "#2f7d4f",
    ".txt": "#5f6b7a",
}


class ResultDelegate(QStyledItemDelegate):
    @staticmethod
    def _paint_extension(painter: QPainter, path: str, icon: QRect, font: QFont) -> None:
        """The file's extension on a coloured tag across the icon's foot: readable at a
        glance whatever icon theme the desktop has (or none)."""
        extension = os.path.splitext(path)[1].lower()
        if not extension or len(extension) > 6:
            return
        small = QFont(font)
        small.setPointSizeF(max(6.0, font.pointSizeF() * 0.62))
        small.setBold(True)
        metrics = QFontMetrics(small)
        label = extension[1:].upper()
        width = min(icon.width() + 6, metrics.horizontalAdvance(label) + 6)
        tag = QRect(
            icon.center().x() - width // 2,
            icon.bottom() - metrics.height() + 1,
            width,
            metrics.height(),
        )
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(KIND_COLOURS.get(extension, "#4a5563")))
        painter.drawRoundedRect(tag, 3, 3)
        painter.setPen(QColor("white"))
        painter.setFont(small)
        painter.drawText(tag, int(Qt.AlignmentFlag.AlignCenter), label)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:  # noqa: N802
        metrics = QFontMetrics(option.font)
        height = PADDING * 2 + metrics.height() * 2 + metrics.lineSpacing() * SNIPPET_LINES + 4
        return QSize(480, max(height, ICON + PADDING * 2))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        hit: dict[str, Any] | None = index.data(HIT_ROLE)
        if hit is None:
            return
        painter.save()
        style = option.widget.style() if option.widget else None
        rect: QRect = option.rect
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if style is not None:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget
            )
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_color = palette.color(text_role)
        dim = QColor(text_color)
        dim.setAlpha(160)

        left = rect.left() + PADDING
        top = rect.top() + PADDING
        icon_for_path(hit["path"]).paint(painter, QRect(left, top, ICON, ICON))
        self._paint_extension(painter, hit["path"], QRect(left, top, ICON, ICON), option.font)
        text_left = left + ICON + PADDING
        right = rect.right() - PADDING - BAR_WIDTH - PADDING
        width = max(50, right - text_left)

        font: QFont = QFont(option.font)
        metrics = QFontMetrics(font)
        line = metrics.height()

        # line 1: name (bold) ... date (right)
        date = friendly_date(hit.get("modified"))
        date_width = metrics.horizontalAdvance(date) + PADDING
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_color)
        name, section = result_name(hit)  # a member: "backup.zip > garage/plan.docx"
        mark = index.data(MARK_ROLE)
        if mark:
            name = ("✓ " if mark == "relevant" else "✗ ") + name
        painter.drawText(
            QRect(text_left, top, width - date_width, line),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            QFontMetrics(bold).elidedText(name, Qt.TextElideMode.ElideMiddle, width - date_width),
        )
        painter.setFont(font)
        painter.setPen(dim)
        painter.drawText(
            QRect(text_left, top, width, line),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            date,
        )
        # line 2: folder (and section, e.g. "page 3")
        folder = os.path.dirname(hit["path"]).replace(os.path.expanduser("~"), "~", 1)
        where = f"{folder}  ·  {section}" if section else folder
        painter.drawText(
            QRect(text_left, top + line, width, line),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            metrics.elidedText(where, Qt.TextElideMode.ElideMiddle, width),
        )
        # lines 3-4: the passage, matching words highlighted
        document = QTextDocument()
        document.setDefaultFont(font)
        document.setDocumentMargin(0)
        document.setTextWidth(width)
        colour = text_color.name()
        body = highlighted_html(
            str(hit.get("snippet", "")).replace("\n", " "),
            hit.get("highlights") or [],
            mark_style=highlight_style(palette),
        )
        document.setHtml(f'<div style="color:{colour}">{body}</div>')
        painter.save()
        painter.translate(text_left, top + 2 * line + 4)
        clip = QRectF(0, 0, width, metrics.lineSpacing() * SNIPPET_LINES)
        painter.setClipRect(clip)
        document.drawContents(painter, clip)
        painter.restore()

        # relevance bar
        relevance = float(index.data(RELEVANCE_ROLE) or 0.0)
        bar = QRect(rect.right() - PADDING - BAR_WIDTH, top + line // 3, BAR_WIDTH, 6)
        track = QColor(text_color)
        track.setAlpha(40)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(track)
        painter.drawRoundedRect(bar, 3, 3)
        fill = QColor(palette.color(QPalette.ColorRole.Highlight))
        if selected:
            fill = QColor(palette.color(QPalette.ColorRole.HighlightedText))
        painter.setBrush(fill)
        painter.drawRoundedRect(
            QRect(bar.left(), bar.top(), max(4, int(bar.width() * relevance)), bar.height()), 3, 3
        )
        painter.restore()
