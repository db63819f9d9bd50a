"""The installed PySide6 must not corrupt reference counts when signals are emitted.

PySide6 6.12.0 on Python 3.11 dropped a reference to True/False on every
``Signal.emit()``; the window crashed ("bool_dealloc: deallocating True or False") after
a few hundred emissions. pyproject.toml keeps that release out; this catches any other.
"""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot


class Emitter(QObject):
    plain = Signal()
    carrying = Signal(int, str, object)


def test_emitting_leaves_refcounts_alone(qtbot: QtBot) -> None:
    emitter = Emitter()
    received: list[int] = []
    emitter.plain.connect(lambda: received.append(1))
    emitter.carrying.connect(lambda _n, _s, value: received.append(2 if value is None else 3))
    before = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    for number in range(2000):
        emitter.plain.emit()
        emitter.carrying.emit(number, "x", None)
    after = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    assert len(received) == 4000
    assert all(abs(a - b) < 50 for a, b in zip(after, before, strict=True)), (before, after)


def test_emitting_from_a_worker_thread_is_delivered(qtbot: QtBot) -> None:
    emitter = Emitter()
    received: list[object] = []
    emitter.carrying.connect(lambda _n, _s, value: received.append(value))

    def emit_all() -> None:
        for number in range(500):
            emitter.carrying.emit(number, "x", {"n": number, "none": None})

    worker = threading.Thread(target=emit_all)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(received) == 500, timeout=10_000)
