"""The result list's model: one row per file, best passage first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
RELEVANCE_ROLE = Qt.ItemDataRole.UserRole + 2  # 0..1: the bar's share, from the hit's match
MARK_ROLE = Qt.ItemDataRole.UserRole + 3  # 'relevant' | 'not_relevant' | ''
# How much of the relevance bar each match label fills (search/relevance.py).
MATCH_BAR = {"strong": 1.0, "partial": 0.6, "weak": 0.25}

Index = QModelIndex | QPersistentModelIndex


class ResultsModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self.hits: list[dict[str, Any]] = []
        self.marks: dict[str, str] = {}

    def set_hits(self, hits: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def set_mark(self, path: str, mark: str) -> None:
        if mark:
            self.marks[path] = mark
        else:
            self.marks.pop(path, None)
        for row, hit in enumerate(self.hits):
            if hit["path"] == path:
                index = self.index(row)
                self.dataChanged.emit(index, index, [MARK_ROLE])

    def clear_marks(self) -> None:
        self.marks.clear()

    def marked(self, mark: str) -> list[str]:
        return sorted(path for path, value in self.marks.items() if value == mark)

    def hit(self, row: int) -> dict[str, Any] | None:
        return self.hits[row] if 0 <= row < len(self.hits) else None

    # -- QAbstractListModel -----------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        hit = self.hit(index.row()) if index.isValid() else None
        if hit is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.get("title") or hit["path"].rsplit("/", 1)[-1]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{hit['path']}\n{hit.get('match', 'weak').capitalize()} match"
        if role == HIT_ROLE:
            return hit
        if role == RELEVANCE_ROLE:  # an absolute scale: an unrelated best hit is no full bar
            return MATCH_BAR.get(hit.get("match", "weak"), MATCH_BAR["weak"])
        if role == MARK_ROLE:
            return self.marks.get(hit["path"], "")
        return None
