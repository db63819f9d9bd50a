"""The search window: a query box that searches as you type, results grouped by file, a
preview of the matched passage, and the controls that refine a search."""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_search.daemon.api import BUSY_STATES, model_switch, ocr_progress
from desktop_search.gui.delegate import ResultDelegate
from desktop_search.gui.file_actions import FileActions
from desktop_search.gui.filter_bar import FilterBar
from desktop_search.gui.preview import PreviewPane
from desktop_search.gui.results import MARK_ROLE, ResultsModel
from desktop_search.qt.bridge import DaemonBridge
from desktop_search.search.query_syntax import with_filter

TYPING_PAUSE_MS = 150  # search this long after the last keystroke
STATUS_EVERY_MS = 2000
RESULTS = 50
TIPS = (
    "Tips: <code>type:pdf</code> &nbsp; <code>in:~/Work</code> &nbsp; "
    '<code>after:2024-01-01</code> &nbsp; <code>"exact phrase"</code>'
)


class SearchWindow(QMainWindow):
    """Every daemon call goes through ``bridge`` (worker threads); answers arrive as
    signals, matched to the newest request by ticket, so late answers are dropped."""

    settings_requested = Signal()
    results_shown = Signal(int)  # number of results, after each search lands (tests wait on it)

    def __init__(
        self,
        bridge: DaemonBridge,
        actions: FileActions | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.files = actions or FileActions()
        self.status: dict[str, Any] = {}
        self.daemon_up: bool | None = None
        self.similar_to: str | None = None
        self.last_explain: dict[str, Any] = {}
        self._search_ticket = 0
        self._passage_ticket = 0
        self._searched_text = ""
        self._pending_query = False

        self.setWindowTitle("Desktop Search")
        self.setObjectName("searchWindow")
        self.resize(1080, 680)
        self._build()
        self._connect()

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.search_now)
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_EVERY_MS)
        self._status_timer.timeout.connect(self.refresh_status)
        self._status_timer.start()
        self._update_placeholder()

    # -- building -----------------------------------------------------------------------

    def _build(self) -> None:
        self.query = QLineEdit()
        self.query.setObjectName("query")
        self.query.setPlaceholderText("Search your files by meaning or by words…")
        self.query.setClearButtonEnabled(True)
        font = self.query.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        self.query.setFont(font)
        self.query.setMinimumHeight(38)
        self.query.installEventFilter(self)

        self.prf = QCheckBox("Expand query")
        self.prf.setObjectName("prfToggle")
        self.prf.setChecked(True)
        self.prf.setToolTip(
            "Pseudo-relevance feedback: when the first results clearly match, also search "
            "for what they are about"
        )
        self.settings_button = QToolButton()
        self.settings_button.setText("Settings")
        self.settings_button.setToolTip("Folders, exclusions, model… (Ctrl+,)")

        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.prf)
        top.addWidget(self.settings_button)

        self.filters = FilterBar()
        self.expansion = QLabel()
        self.expansion.setObjectName("expansion")
        self.expansion.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.hide()

        self.banner = QFrame()
        self.banner.setObjectName("banner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.banner_button = QPushButton("Start the Indexer")
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.banner_button)
        self.banner.hide()

        self.model = ResultsModel()
        self.list = QListView()
        self.list.setObjectName("results")
        self.list.setModel(self.model)
        self.list.setItemDelegate(ResultDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.installEventFilter(self)
        self.placeholder = QLabel()
        self.placeholder.setObjectName("placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setTextFormat(Qt.TextFormat.RichText)
        self.placeholder.setMargin(24)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.list)

        self.preview = PreviewPane()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.stack)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([620, 440])

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.banner)
        layout.addWidget(self.expansion)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self.state_label = QLabel()
        self.state_label.setObjectName("stateLabel")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.statusBar().addWidget(self.state_label, 1)
        self.statusBar().addPermanentWidget(self.progress)

        self._add_action("Open\tEnter", "", self.open_current)
        self._add_action("Show in Folder", "Ctrl+Return", self.reveal_current)
        self._add_action("Copy Path", "Ctrl+Shift+C", self.copy_current)
        self._add_action("More Like This", "Ctrl+M", self.more_like_current)
        self._add_action("Relevant", "Ctrl+R", lambda: self.toggle_mark_current("relevant"))
        self._add_action("Not Relevant", "Ctrl+D", lambda: self.toggle_mark_current("not_relevant"))
        self._add_action("Settings", "Ctrl+,", self.settings_requested.emit)
        self._add_action("Find", "Ctrl+L", self._focus_query)
        self._add_action("Find", "Ctrl+F", self._focus_query)

    def _add_action(self, name: str, keys: str, slot: Any) -> QAction:
        action = QAction(name, self)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _connect(self) -> None:
        self.query.textEdited.connect(self._on_text_edited)
        self.prf.toggled.connect(lambda _: self.search_now())
        self.filters.filter_changed.connect(self._on_filter_changed)
        self.settings_button.clicked.connect(self.settings_requested.emit)
        self.banner_button.clicked.connect(self._start_daemon)
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)
        self.list.activated.connect(lambda _: self.open_current())
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.preview.open_requested.connect(self.files.open)
        self.preview.reveal_requested.connect(self.files.reveal)
        self.preview.copy_requested.connect(self.copy_path)
        self.preview.similar_requested.connect(self.more_like)
        self.preview.mark_requested.connect(self.set_mark)
        self.bridge.replied.connect(self._on_reply)
        self.bridge.failed.connect(self._on_failure)
        self.bridge.availability.connect(self._on_availability)
        self.bridge.daemon_started.connect(lambda: self._show_banner("Starting the indexer…"))

    # -- searching ----------------------------------------------------------------------

    def _on_text_edited(self, text: str) -> None:
        self.filters.follow_query(text)
        self.similar_to = None
        self._typing.start()  # restarts: one search once typing pauses

    def _on_filter_changed(self, key: str, value: object) -> None:
        text = with_filter(self.query.text(), key, value if isinstance(value, str) else None)
        self.query.setText(text)
        self.filters.follow_query(text)
        self.search_now()

    def set_query(self, text: str) -> None:
        """Put ``text`` in the box and search at once (the command line's QUERY)."""
        self.query.setText(text)
        self.filters.follow_query(text)
        self.search_now()

    def search_now(self) -> None:
        self._typing.stop()
        if self.similar_to is not None:
            self._search_ticket = self.bridge.call("similar", path=self.similar_to, k=RESULTS)
            return
        text = self.query.text().strip()
        if text != self._searched_text:
            self.model.clear_marks()  # feedback belongs to the query it was given for
        self._searched_text = text
        if not text:
            self._search_ticket = 0
            self._show_results([], {})
            return
        self._search_ticket = self.bridge.call(
            "search",
            query=text,
            k=RESULTS,
            prf=None if self.prf.isChecked() else False,  # None: where it helps
            relevant=self.model.marked("relevant"),
            not_relevant=self.model.marked("not_relevant"),
            explain=True,
        )

    def more_like(self, path: str) -> None:
        if not path:
            return
        self.similar_to = path
        self.search_now()

    def set_mark(self, path: str, mark: str) -> None:
        if not path:
            return
        self.model.set_mark(path, mark)
        self.search_now()

    # -- answers ------------------------------------------------------------------------

    def _on_reply(self, ticket: int, method: str, result: object) -> None:
        if method in ("search", "similar") and ticket == self._search_ticket:
            if method == "search" and isinstance(result, dict):
                self._show_results(result["results"], result.get("explain", {}))
            elif isinstance(result, list):
                self._show_results(result, {})
        elif method == "passage" and ticket == self._passage_ticket and isinstance(result, dict):
            self.preview.show_passage(result)
        elif method == "status" and isinstance(result, dict):
            self._show_status(result)

    def _on_failure(self, ticket: int, method: str, kind: str, message: str) -> None:
        if method in ("search", "similar") and ticket == self._search_ticket:
            if kind == "unavailable":
                self._show_results([], {})
            else:
                self._show_message(message, error=True)
                self.model.set_hits([])
                self._update_placeholder()
                self.results_shown.emit(0)

    def _on_availability(self, available: bool) -> None:
        self.daemon_up = available
        if available:
            self.banner.hide()
            if self.query.text().strip() and not self.model.hits:
                self.search_now()
        else:
            self._show_banner(
                "The indexer is not running, so there is nothing to search. "
                "Start it to search and keep your folders indexed."
            )
        self._update_placeholder()

    def _show_results(self, hits: list[dict[str, Any]], explain: dict[str, Any]) -> None:
        current = self.current_hit()
        self.last_explain = explain
        self._show_message("")
        self.model.set_hits(hits)
        self._show_expansion(explain)
        self._update_placeholder()
        if hits:
            paths = [h["path"] for h in hits]
            row = paths.index(current["path"]) if current and current["path"] in paths else 0
            self.list.selectionModel().setCurrentIndex(
                self.model.index(row),
                QItemSelectionModel.SelectionFlag.ClearAndSelect,
            )
        else:
            self.preview.clear()
        self.results_shown.emit(len(hits))

    def _show_expansion(self, explain: dict[str, Any]) -> None:
        if self.similar_to is not None:
            name = os.path.basename(self.similar_to)
            self.expansion.setText(
                f"Files like <b>{_escape(name)}</b> &nbsp;·&nbsp; Esc to go back"
            )
            self.expansion.show()
            return
        parts: list[str] = []
        terms = explain.get("expansion_terms") or []
        if explain.get("prf") and terms:
            parts.append("Also searched: <i>" + _escape(", ".join(terms)) + "</i>")
        feedback = explain.get("relevance_feedback") or {}
        if feedback.get("relevant") or feedback.get("not_relevant"):
            parts.append(
                f"Refined by {len(feedback.get('relevant', []))} relevant and "
                f"{len(feedback.get('not_relevant', []))} not relevant"
            )
        left_out = explain.get("left_out_common_terms") or []
        if left_out:
            parts.append("Too common to match by keyword: " + _escape(", ".join(left_out)))
        self.expansion.setText(" &nbsp;·&nbsp; ".join(parts))
        self.expansion.setVisible(bool(parts))

    def _show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(_escape(text))
        self.message.setStyleSheet("color: #d13438;" if error else "")
        self.message.setVisible(bool(text))

    def _show_banner(self, text: str) -> None:
        self.banner_text.setText(text)
        self.banner.show()

    # -- status -------------------------------------------------------------------------

    def refresh_status(self) -> None:
        self.bridge.call("status")

    def _show_status(self, status: dict[str, Any]) -> None:
        was_busy = self.is_indexing()
        self.status = status
        self.filters.set_folders([f["path"] for f in status.get("folders", [])])
        indexed = int(status.get("files_indexed", 0))
        pending = int(status.get("files_pending", 0))
        failed = int(status.get("files_failed", 0))
        state = str(status.get("state", "idle"))
        failed_text = f" · {failed:,} could not be read" if failed else ""
        switch = model_switch(status)
        scans = ocr_progress(status)
        if state == "paused":
            text = f"Indexing paused · {indexed:,} files searchable{failed_text}"
        elif switch is not None and not pending:
            to, done, total = switch
            text = (
                f"Changing model to {to}… {done:,} of {total:,} passages · "
                f"{indexed:,} files searchable"
            )
        elif scans is not None and not pending:
            text = (
                f"Reading scans (OCR)… {scans[0]:,} of {scans[1]:,} pages · "
                f"{indexed:,} files searchable"
            )
        elif self.is_indexing():
            text = f"Indexing… {indexed:,} files done, {pending:,} to go{failed_text}"
        elif state.startswith("waiting"):
            text = f"Indexing {state} · {indexed:,} files searchable"
        else:
            text = f"Up to date · {indexed:,} files searchable{failed_text}"
        self.state_label.setText(text)
        if switch is not None and not pending and switch[2] > 0:
            self.progress.setRange(0, switch[2])
            self.progress.setValue(switch[1])
            self.progress.show()
        elif scans is not None and not pending and scans[1] > 0:
            self.progress.setRange(0, scans[1])
            self.progress.setValue(scans[0])
            self.progress.show()
        elif self.is_indexing() and indexed + pending > 0:
            self.progress.setRange(0, indexed + pending)
            self.progress.setValue(indexed)
            self.progress.show()
        else:
            self.progress.hide()
        if was_busy and not self.is_indexing() and self._searched_text and not self.model.hits:
            self.search_now()  # what was still being indexed may match now
        self._update_placeholder()

    def is_indexing(self) -> bool:
        state = str(self.status.get("state", "idle"))
        return state in BUSY_STATES or bool(self.status.get("files_pending"))

    def _update_placeholder(self) -> None:
        self.preview.setVisible(bool(self.model.hits))  # nothing to preview: no empty pane
        if self.model.hits:
            self.stack.setCurrentWidget(self.list)
            return
        self.stack.setCurrentWidget(self.placeholder)
        text = self._searched_text
        indexed = int(self.status.get("files_indexed", 0))
        if self.daemon_up is False:
            message = "<h3>The indexer is not running</h3><p>Start it to search your files.</p>"
        elif self.daemon_up is None:
            message = "<p>Connecting to the indexer…</p>"
        elif not self.status.get("folders"):
            message = (
                "<h3>No folders are indexed yet</h3>"
                "<p>Open <b>Settings</b> and add the folders you want to search.</p>"
            )
        elif text:
            more = " Indexing is still going on: more may match soon." if self.is_indexing() else ""
            message = (
                f"<h3>Nothing found for “{_escape(text)}”</h3>"
                f"<p>Try other words, or fewer filters.{more}</p>"
            )
        elif ocr_progress(self.status) is not None and not self.status.get("files_pending"):
            message = (
                f"<h3>Search {indexed:,} files by what they mean</h3>"
                "<p>Scanned pages and images are being read (OCR); their text joins the "
                f"results as it is read.</p><p>{TIPS}</p>"
            )
        elif self.is_indexing():
            message = (
                f"<h3>Indexing your files…</h3><p>{indexed:,} files are searchable already."
                f"</p><p>{TIPS}</p>"
            )
        else:
            message = (
                f"<h3>Search {indexed:,} files by what they mean</h3>"
                f"<p>Describe what you are looking for, in your own words.</p><p>{TIPS}</p>"
            )
        self.placeholder.setText(message)

    # -- the current result -------------------------------------------------------------

    def current_hit(self) -> dict[str, Any] | None:
        return self.model.hit(self.list.currentIndex().row())

    def _on_current_changed(self, current: QModelIndex, _: QModelIndex) -> None:
        hit = self.model.hit(current.row())
        if hit is None:
            self.preview.clear()
            return
        self.preview.show_hit(hit, str(current.data(MARK_ROLE) or ""))
        self._passage_ticket = self.bridge.call(
            "passage", path=hit["path"], chunk_id=hit["chunk_id"], query=self._searched_text
        )

    def open_current(self) -> None:
        hit = self.current_hit()
        if hit is not None and not self.files.open(hit["path"]):
            self._show_message(f"{hit['path']} is no longer there", error=True)

    def reveal_current(self) -> None:
        hit = self.current_hit()
        if hit is not None:
            self.files.reveal(hit["path"])

    def copy_current(self) -> None:
        hit = self.current_hit()
        if hit is not None:
            self.copy_path(hit["path"])

    def copy_path(self, path: str) -> None:
        self.files.copy_path(path)
        self.statusBar().showMessage(f"Copied {path}", 3000)

    def more_like_current(self) -> None:
        hit = self.current_hit()
        if hit is not None:
            self.more_like(hit["path"])

    def toggle_mark_current(self, mark: str) -> None:
        hit = self.current_hit()
        if hit is not None:
            current = self.model.marks.get(hit["path"], "")
            self.set_mark(hit["path"], "" if current == mark else mark)

    def _context_menu(self, position: Any) -> None:
        if self.current_hit() is None:
            return
        menu = QMenu(self)
        for action in self.actions_menu_entries():
            menu.addAction(action)
        menu.exec(self.list.viewport().mapToGlobal(position))

    def actions_menu_entries(self) -> list[QAction]:
        return [a for a in self.actions() if a.text() not in ("Find", "Settings")]

    # -- keys ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.query and self._query_key(event):
                return True
            if watched is self.list and event.key() == Qt.Key.Key_Escape:
                self._escape()
                return True
        return super().eventFilter(watched, event)

    def _query_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            self._move(key)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._typing.isActive() or self._searched_text != self.query.text().strip():
                self.search_now()  # Enter before the pause: search first
                return True
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.reveal_current()
            else:
                self.open_current()
            return True
        if key == Qt.Key.Key_Escape:
            self._escape()
            return True
        return False

    def _move(self, key: int) -> None:
        rows = self.model.rowCount()
        if not rows:
            return
        step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5}.get(Qt.Key(key), -5)
        row = max(0, min(rows - 1, self.list.currentIndex().row() + step))
        self.list.selectionModel().setCurrentIndex(
            self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def _escape(self) -> None:
        if self.similar_to is not None:
            self.similar_to = None
            self.search_now()
        else:
            self.query.clear()
            self.filters.follow_query("")
            self.search_now()
        self._focus_query()

    def _focus_query(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def _start_daemon(self) -> None:
        self._show_banner("Starting the indexer…")
        self.bridge.start_daemon_if_needed()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._status_timer.stop()
        super().closeEvent(event)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
