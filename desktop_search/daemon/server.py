"""The IPC server: a Unix socket only its user can reach.

Access control is twofold: the socket lives in a 0700 folder with mode 0600, and every
connection's peer credentials (SO_PEERCRED) are checked against the daemon's own user.

Threads: one per connection reads its requests; the requests themselves run on a small,
fixed pool (so the per-thread resources they use, such as SQLite connections, stay
bounded however many clients come and go). A subscribed connection gets a bounded queue
and a writer thread of its own: a client that stops reading is dropped when its queue is
full, and never slows the daemon down.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import socket
import socketserver
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from desktop_search.daemon.api import (
    METHODS,
    SUBSCRIBED,
    ErrorCode,
    InvalidParamsError,
    Params,
    parse_params,
)
from desktop_search.daemon.protocol import (
    MAX_MESSAGE_BYTES,
    ProtocolError,
    decode,
    encode,
    error_reply,
)
from desktop_search.daemon.socket_dir import peer_uid

log = logging.getLogger(__name__)

Handler = Callable[[str, Params], Any]

REQUEST_WORKERS = 4
LISTEN_BACKLOG = 256
SUBSCRIBER_QUEUE = 256  # events a subscriber may have unread before it is dropped
SUBSCRIBER_SEND_TIMEOUT_S = 10.0
IDLE_CONNECTION_TIMEOUT_S = 300.0  # a connection that says nothing for this long is closed


class RequestError(Exception):
    """A request the daemon understood but cannot serve; sent back as an error reply."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code


class Subscriber:
    """One subscribed connection: events wait in a bounded queue for its own writer."""

    def __init__(self, sock: socket.socket, on_drop: Callable[[Subscriber], None]) -> None:
        self.sock = sock
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=SUBSCRIBER_QUEUE)
        self._on_drop = on_drop
        self._closed = threading.Event()
        self._writer = threading.Thread(target=self._write_loop, name="ipc-events", daemon=True)
        self._writer.start()

    def offer(self, message: bytes) -> None:
        """Queue an event; a subscriber whose queue is full is too slow and is dropped."""
        try:
            self._queue.put_nowait(message)
        except queue.Full:
            log.warning("an event subscriber stopped reading: dropping it")
            self.close()

    def _write_loop(self) -> None:
        self.sock.settimeout(SUBSCRIBER_SEND_TIMEOUT_S)
        while not self._closed.is_set():
            message = self._queue.get()
            if message is None:
                break
            try:
                self.sock.sendall(message)
            except OSError:  # gone, or not reading for longer than the send timeout
                break
        self.close()

    def close(self) -> None:
        if self._closed.is_set():
            return
        self._closed.set()
        with contextlib.suppress(queue.Full):
            self._queue.put_nowait(None)
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)  # wakes the connection's reader too
        self._on_drop(self)


class _Connection(socketserver.StreamRequestHandler):
    server: IpcServer
    timeout = IDLE_CONNECTION_TIMEOUT_S

    def handle(self) -> None:
        uid = peer_uid(self.connection)
        if uid is not None and uid != os.getuid():
            log.warning("refused an IPC connection from uid %s", uid)
            self._send(error_reply(None, ErrorCode.FORBIDDEN, "not the daemon's user"))
            return
        while not self.server.stopping.is_set():
            try:
                line = self.rfile.readline(MAX_MESSAGE_BYTES + 1)
            except OSError:  # idle too long, or reset
                return
            if not line:
                return
            if len(line) > MAX_MESSAGE_BYTES and not line.endswith(b"\n"):
                self._send(error_reply(None, ErrorCode.TOO_LARGE, "message too large"))
                return  # the rest of the oversized message cannot be resynchronised
            reply = self.server.dispatch(line)
            if not self._send(reply):
                return
            if reply.get("result") == SUBSCRIBED:
                self._stream_events()
                return

    def _send(self, reply: dict[str, Any]) -> bool:
        try:
            self.wfile.write(encode(reply))
            self.wfile.flush()
        except OSError:
            return False
        return True

    def _stream_events(self) -> None:
        """This connection now only receives events, until either side closes it."""
        subscriber = self.server.subscribe(self.connection)
        self.connection.settimeout(None)
        try:
            while self.rfile.readline(1024):
                pass  # anything the client sends is ignored; EOF ends the subscription
        except OSError:
            pass
        finally:
            subscriber.close()


class IpcServer(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = LISTEN_BACKLOG

    def __init__(self, path: Path, handler: Handler) -> None:
        self.path = path
        self.handler = handler
        self.stopping = threading.Event()
        self._subscribers: list[Subscriber] = []
        self._subscribers_lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=REQUEST_WORKERS, thread_name_prefix="rpc")
        with contextlib.suppress(FileNotFoundError):
            path.unlink()  # a stale socket from a daemon that died (we hold the lock)
        old_umask = os.umask(0o177)
        try:
            super().__init__(str(path), _Connection)
        finally:
            os.umask(old_umask)
        path.chmod(0o600)

    # -- events -----------------------------------------------------------------------

    def subscribe(self, sock: socket.socket) -> Subscriber:
        subscriber = Subscriber(sock, self._drop)
        with self._subscribers_lock:
            self._subscribers.append(subscriber)
        return subscriber

    def _drop(self, subscriber: Subscriber) -> None:
        with self._subscribers_lock, contextlib.suppress(ValueError):
            self._subscribers.remove(subscriber)

    def subscriber_count(self) -> int:
        with self._subscribers_lock:
            return len(self._subscribers)

    def broadcast(self, event: str, data: dict[str, Any]) -> None:
        """Offer an event to every subscriber; never blocks on a client."""
        message = encode({"event": str(event), "data": data})
        with self._subscribers_lock:
            subscribers = list(self._subscribers)
        for subscriber in subscribers:
            subscriber.offer(message)

    # -- requests ---------------------------------------------------------------------

    def dispatch(self, line: bytes) -> dict[str, Any]:
        request_id: Any = None
        try:
            message = decode(line)
            request_id = message.get("id")
            method = message.get("method")
            if not isinstance(method, str):
                raise ProtocolError(ErrorCode.BAD_MESSAGE, "'method' must be a string")
            if method not in METHODS:
                raise RequestError(ErrorCode.UNKNOWN_METHOD, f"unknown method {method[:80]!r}")
            params = parse_params(method, message.get("params"))
            if method == "subscribe":
                return {"id": request_id, "result": SUBSCRIBED}
            future = self._pool.submit(self.handler, method, params)
            return {"id": request_id, "result": future.result()}
        except ProtocolError as exc:
            return error_reply(request_id, exc.code, str(exc))
        except InvalidParamsError as exc:
            return error_reply(request_id, ErrorCode.INVALID_PARAMS, str(exc))
        except RequestError as exc:
            return error_reply(request_id, exc.code, str(exc))
        except RuntimeError:  # the pool is shut down: the daemon is stopping
            if self.stopping.is_set():
                return error_reply(request_id, ErrorCode.BUSY, "the daemon is stopping")
            log.exception("IPC request failed")
            return error_reply(request_id, ErrorCode.INTERNAL, "internal error (see the log)")
        except Exception:  # never let one request take the daemon down, nor leak internals
            log.exception("IPC request failed")
            return error_reply(request_id, ErrorCode.INTERNAL, "internal error (see the log)")

    def start(self) -> threading.Thread:
        thread = threading.Thread(target=self.serve_forever, name="ipc", daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        self.stopping.set()
        self.shutdown()
        self.server_close()
        with self._subscribers_lock:
            subscribers = list(self._subscribers)
        for subscriber in subscribers:
            subscriber.close()
        self._pool.shutdown(wait=False, cancel_futures=True)
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
