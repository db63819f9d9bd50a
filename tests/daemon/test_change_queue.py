from __future__ import annotations

import threading
import time

from desktop_search.daemon.watcher import ChangeQueue


def test_paths_wait_for_quiet_time_and_repeat_events_merge() -> None:
    queue = ChangeQueue(debounce_s=0.2)
    queue.add("/a")
    assert queue.take_due(timeout_s=0.05) == []
    queue.add("/a")  # another event for the same path restarts its quiet time
    queue.add("/b")
    assert len(queue) == 2
    assert sorted(queue.take_due(timeout_s=1.0)) == ["/a", "/b"]
    assert len(queue) == 0


def test_wake_returns_a_waiting_take_at_once() -> None:
    queue = ChangeQueue(debounce_s=0.2)
    threading.Timer(0.1, queue.wake).start()
    started = time.monotonic()
    assert queue.take_due(timeout_s=5.0) == []
    assert time.monotonic() - started < 2.0


def test_batches_are_capped_newest_first() -> None:
    queue = ChangeQueue(debounce_s=0.0)
    queue.add_now([f"/bulk{i}" for i in range(10)])
    time.sleep(0.001)
    queue.add("/just-saved")
    assert queue.take_due(timeout_s=1.0, max_items=4)[0] == "/just-saved"
    assert len(queue) == 7
