"""Indexer status: counts, watched folders, and the files that failed, with reasons and
a way to try them again."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_search.daemon.api import BUSY_STATES, DaemonState, model_switch, ocr_progress


class StatusDialog(QDialog):
    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Desktop Search Indexer Status")
        self.setObjectName("statusDialog")
        self.resize(640, 420)
        self.summary = QLabel("Asking the indexer…")
        self.summary.setObjectName("statusSummary")
        self.summary.setWordWrap(True)
        self.failures = QTableWidget(0, 2)
        self.failures.setObjectName("failures")
        self.failures.setHorizontalHeaderLabels(["File", "Why it could not be (fully) indexed"])
        self.failures.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.failures.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.failures.verticalHeader().hide()
        self.failures.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.retry = QPushButton("Retry Failed Files")
        self.retry.setObjectName("retryFailed")
        self.retry.clicked.connect(self.retry_requested.emit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.retry, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel("Files that could not be indexed:"))
        layout.addWidget(self.failures, 1)
        layout.addWidget(buttons)

    def show_status(self, status: dict[str, Any]) -> None:
        folders = status.get("folders", [])
        lines = [
            f"<b>{describe_state(status)}</b>",
            f"{status.get('files_indexed', 0):,} files indexed, "
            f"{status.get('files_pending', 0):,} waiting, "
            f"{status.get('files_failed', 0):,} failed; {status.get('chunks', 0):,} passages.",
            "Folders: "
            + (
                ", ".join(f"{f['path']} ({f.get('watched', '')})" for f in folders)
                or "none yet: add one from the menu"
            ),
        ]
        if status.get("files_noted"):
            lines.append(f"{status['files_noted']:,} files were read only in part (below).")
        ocr = status.get("ocr") or {}
        if ocr.get("pages"):
            waiting = f"{ocr['pages']:,} scanned pages wait for OCR"
            lines.append(waiting if ocr.get("enabled") else f"{waiting} (OCR is off)")
        model = status.get("model") or {}
        if model.get("name"):
            lines.append(f"Model: {model['name']}")
        self.summary.setText("<br>".join(lines))
        failures = status.get("failures", [])
        rows = [(f["path"], f["reason"]) for f in failures]
        rows += [(n["path"], f"Read in part: {n['note']}") for n in status.get("notes", [])]
        self.failures.setRowCount(len(rows))
        for row, (path, reason) in enumerate(rows):
            self.failures.setItem(row, 0, QTableWidgetItem(path))
            self.failures.setItem(row, 1, QTableWidgetItem(reason))
        self.retry.setEnabled(bool(failures))

    def show_unavailable(self) -> None:
        self.summary.setText("<b>The indexer is not running.</b>")
        self.retry.setEnabled(False)


def describe_state(status: dict[str, Any]) -> str:
    state = str(status.get("state", "idle"))
    pending = int(status.get("files_pending", 0))
    if state == DaemonState.PAUSED:
        return "Paused"
    switch = model_switch(status)
    if switch is not None and not pending:
        to, done, total = switch
        return f"Changing model to {to} ({done:,} of {total:,} passages done)"
    scans = ocr_progress(status)
    if scans is not None and not pending:
        return f"Reading scans: OCR {scans[0]:,} of {scans[1]:,} pages"
    if state in BUSY_STATES or pending:
        return f"Indexing ({pending:,} files to go)" if pending else "Indexing"
    if state.startswith("waiting"):
        return state.capitalize()
    return "Up to date"
