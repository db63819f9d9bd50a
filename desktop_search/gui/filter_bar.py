"""Filter controls for folder, file type and date. They edit the query text itself
(``in:``, ``type:``, ``after:``) and follow what is typed there, so the box and the
controls always say the same thing and every search can be typed as well as clicked."""

from __future__ import annotations

import os
from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QWidget

from desktop_search.search.query_syntax import filter_values

TYPES: list[tuple[str, str]] = [
    ("Any type", ""),
    ("Documents", "pdf,docx,doc,odt,rtf,epub,txt,md"),
    ("PDF", "pdf"),
    ("Word & OpenDocument", "docx,doc,odt,rtf"),
    ("Spreadsheets", "spreadsheet,csv"),
    ("Presentations", "pptx,odp"),
    ("E-books", "epub"),
    ("Web pages", "html"),
    ("Mail", "mail,mbox,outlook"),
    ("Notes & text", "text"),
    ("Code", "code"),
]
DATES: list[tuple[str, int | str]] = [
    ("Any time", ""),
    ("Past day", 1),
    ("Past week", 7),
    ("Past month", 31),
    ("Past year", 365),
]
CHOOSE_FOLDER = "Choose…"


class FilterBar(QWidget):
    # key ('in' | 'type' | 'after'), value (None clears the filter)
    filter_changed = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = QComboBox()
        self.folder.setObjectName("folderFilter")
        self.folder.setToolTip("Only files in this folder (in:FOLDER in the search box)")
        self.type = QComboBox()
        self.type.setObjectName("typeFilter")
        self.type.setToolTip("Only these kinds of file (type:pdf in the search box)")
        self.date = QComboBox()
        self.date.setObjectName("dateFilter")
        self.date.setToolTip("Only files modified since (after:YYYY-MM-DD in the search box)")
        for label, types in TYPES:
            self.type.addItem(label, types)
        for label, days in DATES:
            self.date.addItem(label, days)
        self.set_folders([])
        self._syncing = False
        self.folder.activated.connect(self._folder_chosen)
        self.type.activated.connect(lambda _: self._emit("type", self.type.currentData()))
        self.date.activated.connect(self._date_chosen)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for label, combo in (("In", self.folder), ("Type", self.type), ("Modified", self.date)):
            caption = QLabel(label)
            caption.setBuddy(combo)
            layout.addWidget(caption)
            layout.addWidget(combo)
        layout.addStretch(1)

    def set_folders(self, folders: list[str]) -> None:
        current = self.folder.currentData()
        self.folder.clear()
        self.folder.addItem("All folders", "")
        for folder in folders:
            self.folder.addItem(_short(folder), folder)
        self.folder.addItem(CHOOSE_FOLDER, CHOOSE_FOLDER)
        self._select(self.folder, current)

    def follow_query(self, query: str) -> None:
        """Show what the query's own filters say (typed by hand, or set by us)."""
        values = filter_values(query)
        self._syncing = True
        try:
            folder = values.get("in")
            if folder is not None and self.folder.findData(folder) < 0:
                self.folder.insertItem(self.folder.count() - 1, _short(folder), folder)
            self._select(self.folder, folder or "")
            types = values.get("type")
            if types is not None and self.type.findData(types) < 0:
                self.type.addItem(f"type:{types}", types)
            self._select(self.type, types or "")
            after = values.get("after")
            self._select(self.date, self._days_for(after) if after else "")
            if after and self.date.currentData() == "":
                self.date.addItem(f"Since {after}", after)
                self._select(self.date, after)
        finally:
            self._syncing = False

    # -- user choices -------------------------------------------------------------------

    def _folder_chosen(self, _: int) -> None:
        value = self.folder.currentData()
        if value == CHOOSE_FOLDER:
            chosen = QFileDialog.getExistingDirectory(self, "Search in folder")
            if not chosen:
                self._select(self.folder, "")
                value = ""
            else:
                value = chosen
        self._emit("in", value)

    def _date_chosen(self, _: int) -> None:
        value = self.date.currentData()
        if isinstance(value, int):
            value = (date.today() - timedelta(days=value)).isoformat()
        self._emit("after", value)

    def _emit(self, key: str, value: object) -> None:
        if not self._syncing:
            self.filter_changed.emit(key, value or None)

    # -- helpers ------------------------------------------------------------------------

    @staticmethod
    def _days_for(after: str) -> int | str:
        try:
            days = (date.today() - date.fromisoformat(after)).days
        except ValueError:
            return after
        return days if days in {d for _, d in DATES if isinstance(d, int)} else after

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(index if index >= 0 else 0)


def _short(folder: str) -> str:
    home = os.path.expanduser("~")
    return "~" + folder[len(home) :] if folder.startswith(home + os.sep) else folder
