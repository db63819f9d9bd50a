"""The preview pane: the matched passage in its context, and what can be done with it."""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_search.daemon.api import result_name
from desktop_search.gui.delegate import highlight_style
from desktop_search.gui.text_format import friendly_date, friendly_size, highlighted_html


class PreviewPane(QWidget):
    open_requested = Signal(str)
    reveal_requested = Signal(str)
    copy_requested = Signal(str)
    similar_requested = Signal(str)
    mark_requested = Signal(str, str)  # path, 'relevant' | 'not_relevant'

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = ""
        self.title = QLabel()
        self.title.setObjectName("previewTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QTextBrowser()
        self.text.setObjectName("previewText")
        self.text.setOpenLinks(False)

        self.open_button = QPushButton("Open")
        self.open_button.setToolTip("Open the file (Enter)")
        self.reveal_button = QPushButton("Show in Folder")
        self.reveal_button.setToolTip("Show the file in the file manager (Ctrl+Enter)")
        self.copy_button = QPushButton("Copy Path")
        self.copy_button.setToolTip("Copy the file's path (Ctrl+Shift+C)")
        self.similar_button = QPushButton("More Like This")
        self.similar_button.setToolTip("Files about the same things (Ctrl+M)")
        self.relevant_button = QPushButton("Relevant")
        self.relevant_button.setCheckable(True)
        self.relevant_button.setToolTip("Find more like this one: refines the results (Ctrl+R)")
        self.not_relevant_button = QPushButton("Not Relevant")
        self.not_relevant_button.setCheckable(True)
        self.not_relevant_button.setToolTip(
            "Hide this and steer away from it: refines the results (Ctrl+D)"
        )
        self.open_button.clicked.connect(lambda: self.open_requested.emit(self.path))
        self.reveal_button.clicked.connect(lambda: self.reveal_requested.emit(self.path))
        self.copy_button.clicked.connect(lambda: self.copy_requested.emit(self.path))
        self.similar_button.clicked.connect(lambda: self.similar_requested.emit(self.path))
        self.relevant_button.clicked.connect(lambda: self._mark("relevant"))
        self.not_relevant_button.clicked.connect(lambda: self._mark("not_relevant"))

        actions = QHBoxLayout()
        for button in (self.open_button, self.reveal_button, self.copy_button):
            actions.addWidget(button)
        actions.addStretch(1)
        feedback = QHBoxLayout()
        for button in (self.similar_button, self.relevant_button, self.not_relevant_button):
            feedback.addWidget(button)
        feedback.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        layout.addLayout(actions)
        layout.addWidget(self.text, 1)
        layout.addLayout(feedback)
        self.clear()

    def clear(self) -> None:
        self.path = ""
        self.title.setText("")
        self.details.setText("")
        self.text.setHtml("")
        for button in self._buttons():
            button.setEnabled(False)
        self.relevant_button.setChecked(False)
        self.not_relevant_button.setChecked(False)

    def show_hit(self, hit: dict[str, Any], mark: str) -> None:
        """What is known at once from the result; the context follows in show_passage."""
        self.path = hit["path"]
        name, section = result_name(hit)
        self.title.setText(f"<b>{_escape(name)}</b>")
        parts = [_home_short(os.path.dirname(self.path))]
        if section:
            parts.append(section)
        if hit.get("modified"):
            parts.append("modified " + friendly_date(hit["modified"]))
        if hit.get("size") is not None:
            parts.append(friendly_size(hit["size"]))
        self.details.setText(_escape("  ·  ".join(parts)))
        self.text.setHtml(
            highlighted_html(
                hit.get("snippet", ""), hit.get("highlights") or [], mark_style=self._mark_style()
            )
        )
        for button in self._buttons():
            button.setEnabled(True)
        self.relevant_button.setChecked(mark == "relevant")
        self.not_relevant_button.setChecked(mark == "not_relevant")

    def show_passage(self, passage: dict[str, Any]) -> None:
        if passage.get("path") != self.path:
            return  # the selection moved on meanwhile
        region_tint = self.palette().color(QPalette.ColorRole.Highlight)
        body = highlighted_html(
            passage["text"],
            passage.get("highlights") or [],
            mark_style=self._mark_style(),
            region=(passage["match_start"], passage["match_end"]),
            region_style=(
                f"background-color: rgba({region_tint.red()},{region_tint.green()},"
                f"{region_tint.blue()},0.10);"
            ),
        )
        before = "<p><i>…</i></p>" if passage.get("more_before") else ""
        after = "<p><i>…</i></p>" if passage.get("more_after") else ""
        heading = f"<p><i>{_escape(passage['section'])}</i></p>" if passage.get("section") else ""
        self.text.setHtml(f"{heading}{before}<p>{body}</p>{after}")
        self.text.scrollToAnchor("match")

    def _mark(self, mark: str) -> None:
        button = self.relevant_button if mark == "relevant" else self.not_relevant_button
        other = self.not_relevant_button if mark == "relevant" else self.relevant_button
        if button.isChecked():
            other.setChecked(False)
        self.mark_requested.emit(self.path, mark if button.isChecked() else "")

    def _mark_style(self) -> str:
        return highlight_style(self.palette())

    def _buttons(self) -> list[QPushButton]:
        return [
            self.open_button,
            self.reveal_button,
            self.copy_button,
            self.similar_button,
            self.relevant_button,
            self.not_relevant_button,
        ]


def _home_short(folder: str) -> str:
    home = os.path.expanduser("~")
    return (
        "~" + folder[len(home) :] if folder == home or folder.startswith(home + os.sep) else folder
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
