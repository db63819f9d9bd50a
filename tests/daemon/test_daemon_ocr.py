"""The running daemon reads scans last: other files first, then the OCR job, with its
progress in status; switched off in the settings, it waits."""

from __future__ import annotations

from desktop_search.daemon.api import DaemonState, ocr_progress
from tests.daemon.harness import RunningDaemon, wait_for
from tests.ocr.scanned import strip


def test_the_daemon_reads_a_photo_of_a_note_when_all_else_is_done(daemon: RunningDaemon) -> None:
    folder = daemon.folders[0]
    daemon.client.call("set_settings", changes={"ocr": False})
    (folder / "plan.txt").write_text("Repaint the fence before the summer holidays.", "utf-8")
    strip(["Spare key is under the blue flower pot"]).save(folder / "IMG_3310.jpg")
    status = daemon.idle()
    assert status["files_indexed"] == 3 and status["files_failed"] == 0
    assert status["ocr"] == {"enabled": False, "files": 1, "pages": 1, "pages_done": 0}
    assert daemon.search("where did we hide the spare key", mode="lexical") == []

    daemon.client.call("set_settings", changes={"ocr": True})
    seen: list[tuple[int, int]] = []

    def read() -> bool:
        current = daemon.client.call("status")
        if current["state"] == DaemonState.READING_SCANS:
            progress = ocr_progress(current)
            assert progress is not None
            seen.append(progress)
        return bool(current["ocr"]["files"] == 0)

    wait_for(read, timeout_s=120, what="the OCR job")
    assert daemon.search("where did we hide the spare key", k=1) == ["IMG_3310.jpg"]
    assert all(total == 1 for _, total in seen)  # 'OCR n of 1 pages' while it ran
    status = daemon.idle()
    assert status["ocr"]["files"] == 0 and status["files_indexed"] == 3
