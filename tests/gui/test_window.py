"""The search window against a real daemon on a real folder (offscreen Qt)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop_search.gui.window import SearchWindow
from tests.gui.conftest import OpenedUrls

WAIT_MS = 20_000


def names(window: SearchWindow) -> list[str]:
    return [os.path.basename(hit["path"]) for hit in window.model.hits]


def type_query(qtbot: QtBot, window: SearchWindow, text: str) -> None:
    window.query.setFocus()
    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS):
        QTest.keyClicks(window.query, text)


def current_name(window: SearchWindow) -> str:
    hit = window.current_hit()
    return os.path.basename(hit["path"]) if hit else ""


def test_typing_a_query_shows_results_grouped_by_file(qtbot: QtBot, window: SearchWindow) -> None:
    type_query(qtbot, window, "cooking dinner")
    found = names(window)
    assert found[0] in ("sauce.txt", "pasta.pdf")
    assert len(found) == len(set(found))  # one row per file
    assert window.stack.currentWidget() is window.list
    # the first result is selected and previewed, its passage in context
    assert window.current_hit() is not None
    qtbot.waitUntil(
        lambda: (
            '<a name="match">' in window.preview.text.toHtml()
            or "garlic" in window.preview.text.toPlainText()
            or "pasta" in window.preview.text.toPlainText().lower()
        ),
        timeout=WAIT_MS,
    )
    assert window.preview.open_button.isEnabled()


def test_one_search_once_typing_pauses(qtbot: QtBot, window: SearchWindow) -> None:
    """Typing fast sends no search per keystroke: the answer shown is for the full text."""
    calls: list[str] = []
    window.bridge.replied.connect(lambda _t, method, _r: calls.append(method))
    type_query(qtbot, window, "lighthouse keeper")
    assert calls.count("search") == 1
    assert names(window)[0] == "lighthouse.txt"


def test_matching_words_are_highlighted(qtbot: QtBot, window: SearchWindow) -> None:
    type_query(qtbot, window, "lighthouse storms")
    hit = window.model.hits[0]
    highlighted = [hit["snippet"][a:b].lower() for a, b in hit["highlights"]]
    assert "lighthouse" in highlighted
    assert "storms" in highlighted


def test_keyboard_navigation_open_reveal_and_escape(
    qtbot: QtBot, window: SearchWindow, opened: OpenedUrls
) -> None:
    type_query(qtbot, window, "cats purring")
    assert window.list.currentIndex().row() == 0
    QTest.keyClick(window.query, Qt.Key.Key_Down)
    assert window.list.currentIndex().row() == 1
    QTest.keyClick(window.query, Qt.Key.Key_Down)
    QTest.keyClick(window.query, Qt.Key.Key_Up)
    assert window.list.currentIndex().row() == 1
    chosen = window.current_hit()
    assert chosen is not None

    QTest.keyClick(window.query, Qt.Key.Key_Return)
    assert opened.urls == [chosen["path"]]
    QTest.keyClick(window.query, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert opened.urls[-1] == os.path.dirname(chosen["path"])

    window.copy_current()
    assert QGuiApplication.clipboard().text() == chosen["path"]

    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS):
        QTest.keyClick(window.query, Qt.Key.Key_Escape)
    assert window.query.text() == ""
    assert window.model.hits == []
    assert window.stack.currentWidget() is window.placeholder
    assert "files by what they mean" in window.placeholder.text()


def test_filter_controls_write_the_query_and_follow_it(qtbot: QtBot, window: SearchWindow) -> None:
    type_query(qtbot, window, "pasta")
    assert {"sauce.txt", "pasta.pdf"} <= set(names(window))

    # choosing PDF in the type control puts type:pdf in the box, and filters
    pdf = window.filters.type.findText("PDF")
    window.filters.type.setCurrentIndex(pdf)
    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS):
        window.filters.type.activated.emit(pdf)
    assert window.query.text() == "pasta type:pdf"
    assert names(window) == ["pasta.pdf"]

    # typing a filter by hand moves the control
    window.query.clear()
    type_query(qtbot, window, "storms type:txt")
    assert window.filters.type.currentText() == "type:txt"
    assert all(name.endswith(".txt") for name in names(window))

    # the folder control: only the archive folder
    archive = next(f for f in window.status["folders"] if f["path"].endswith("archive"))["path"]
    index = window.filters.folder.findData(archive)
    assert index > 0
    window.filters.folder.setCurrentIndex(index)
    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS):
        window.filters.folder.activated.emit(index)
    assert "in:" + archive in window.query.text()
    assert names(window) == ["lighthouse.txt"]

    # the date control: nothing is older than a day here, everything newer
    window.query.setText("storms")
    day = window.filters.date.findText("Past day")
    window.filters.date.setCurrentIndex(day)
    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS):
        window.filters.date.activated.emit(day)
    assert "after:" in window.query.text()
    assert "lighthouse.txt" in names(window)
    assert window.filters.date.currentText() == "Past day"


def test_prf_toggle_and_the_expansion_shown(qtbot: QtBot, window: SearchWindow) -> None:
    type_query(qtbot, window, "cats")
    assert window.prf.isChecked()
    assert window.last_explain["prf"] is True
    terms = window.last_explain["expansion_terms"]
    assert terms, window.last_explain
    assert window.expansion.isVisible()
    assert window.expansion.text().startswith("Also searched:")
    assert any(word in window.expansion.text() for word in ("kitten", "whiskers", "purr"))

    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS):
        window.prf.setChecked(False)
    assert window.last_explain["prf"] is False
    assert "Also searched" not in window.expansion.text()


def test_more_like_this_and_back(qtbot: QtBot, window: SearchWindow) -> None:
    type_query(qtbot, window, "kitten care")
    first = window.current_hit()
    assert first is not None and "cats" in first["path"]
    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS):
        QTest.keyClick(window.query, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    similar = names(window)
    assert os.path.basename(first["path"]) not in similar
    assert similar[:2] and all(name.startswith("cats") for name in similar[:2])
    assert "Files like" in window.expansion.text()
    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS):
        QTest.keyClick(window.query, Qt.Key.Key_Escape)
    assert window.similar_to is None
    assert window.query.text() == "kitten care"


def test_marking_results_refines_the_search(qtbot: QtBot, window: SearchWindow) -> None:
    type_query(qtbot, window, "cooking")
    hidden = window.model.hits[0]["path"]
    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS):
        window.set_mark(hidden, "not_relevant")
    assert hidden not in [h["path"] for h in window.model.hits]
    assert window.last_explain["relevance_feedback"]["not_relevant"] == [hidden]
    assert "Refined by" in window.expansion.text()

    liked = next(h["path"] for h in window.model.hits if "cats" in h["path"])
    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS):
        window.set_mark(liked, "relevant")
    top = [os.path.basename(h["path"]) for h in window.model.hits[:3]]
    assert all(name.startswith("cats") for name in top), top


def test_a_bad_filter_says_what_is_wrong(qtbot: QtBot, window: SearchWindow) -> None:
    type_query(qtbot, window, "storms after:someday")
    assert window.message.isVisible()
    assert "not a date" in window.message.text()
    assert window.model.hits == []


def test_status_bar_reports_the_index(qtbot: QtBot, window: SearchWindow) -> None:
    qtbot.waitUntil(lambda: "searchable" in window.state_label.text(), timeout=WAIT_MS)
    assert "could not be read" in window.state_label.text()  # broken.pdf


def test_paths_in_results_are_real_files(qtbot: QtBot, window: SearchWindow) -> None:
    type_query(qtbot, window, "budget")
    assert all(Path(hit["path"]).is_file() for hit in window.model.hits)
