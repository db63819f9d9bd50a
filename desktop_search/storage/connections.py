"""One SQLite connection per thread, given back when its thread ends.

SQLite connections are not shared between threads, and the daemon answers each request on
a thread of its own: a connection kept for every thread that ever read would leak two file
descriptors per request. Each connection remembers its thread (by weak reference); those
of threads that have ended are closed whenever a new connection is opened, so the number
open follows the number of live threads.
"""

from __future__ import annotations

import sqlite3
import threading
import weakref
from collections.abc import Callable


class ThreadConnections:
    def __init__(self, connect: Callable[[], sqlite3.Connection]) -> None:
        self._connect = connect
        self._local = threading.local()
        self._lock = threading.Lock()
        self._open: list[tuple[weakref.ref[threading.Thread], sqlite3.Connection]] = []

    def get(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            self._close_dead_threads()
            conn = self._connect()
            self.adopt(conn)
        return conn

    def adopt(self, conn: sqlite3.Connection) -> None:
        """Make ``conn`` (opened with ``check_same_thread=False``) this thread's connection."""
        self._local.conn = conn
        with self._lock:
            self._open.append((weakref.ref(threading.current_thread()), conn))

    def __len__(self) -> int:
        with self._lock:
            return len(self._open)

    def _close_dead_threads(self) -> None:
        keep: list[tuple[weakref.ref[threading.Thread], sqlite3.Connection]] = []
        dead: list[sqlite3.Connection] = []
        with self._lock:
            for ref, conn in self._open:
                thread = ref()
                if thread is not None and thread.is_alive():
                    keep.append((ref, conn))
                else:
                    dead.append(conn)
            self._open = keep
        for conn in dead:
            conn.close()

    def close_all(self) -> None:
        """Close every thread's connection; call when no other thread is using them."""
        with self._lock:
            connections, self._open = self._open, []
        for _, conn in connections:
            conn.close()
        self._local = threading.local()
