"""The IPC server: a Unix socket only its user can reach, one thread per connection.

Access control is twofold: the socket lives in a 0700 folder with mode 0600, and every
connection's peer credentials (SO_PEERCRED) are checked against the daemon's own user.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socketserver
import threading
from collections.abc import Callable
from io import BufferedIOBase
from pathlib import Path
from typing import Any

from desktop_search.daemon.protocol import (
    MAX_MESSAGE_BYTES,
    ProtocolError,
    decode,
    encode,
    error_reply,
)
from desktop_search.daemon.socket_dir import peer_uid

log = logging.getLogger(__name__)

Handler = Callable[[str, dict[str, Any]], Any]
SUBSCRIBED = "subscribed"  # the reply to 'subscribe': the connection then carries events


class RequestError(Exception):
    """A request the daemon understood but cannot serve; sent back as an error reply."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class _Connection(socketserver.StreamRequestHandler):
    server: IpcServer

    def handle(self) -> None:
        uid = peer_uid(self.connection)
        if uid is not None and uid != os.getuid():
            log.warning("refused an IPC connection from uid %s", uid)
            self.wfile.write(encode(error_reply(None, "forbidden", "not the daemon's user")))
            return
        while not self.server.stopping.is_set():
            line = self.rfile.readline(MAX_MESSAGE_BYTES + 1)
            if not line:
                return
            if len(line) > MAX_MESSAGE_BYTES and not line.endswith(b"\n"):
                self.wfile.write(encode(error_reply(None, "too_large", "message too large")))
                return  # the rest of the oversized message cannot be resynchronised
            reply = self.server.dispatch(line)
            self.wfile.write(encode(reply))
            self.wfile.flush()
            if reply.get("result") == SUBSCRIBED:
                self._stream_events()
                return

    def _stream_events(self) -> None:
        """This connection now only receives events, until the client closes it."""
        self.server.subscribe(self.wfile)
        try:
            while self.rfile.readline(1024):
                pass  # anything the client sends is ignored; EOF ends the subscription
        finally:
            self.server.unsubscribe(self.wfile)


class IpcServer(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True

    def __init__(self, path: Path, handler: Handler) -> None:
        self.path = path
        self.handler = handler
        self.stopping = threading.Event()
        self._subscribers: list[BufferedIOBase] = []
        self._subscribers_lock = threading.Lock()
        with contextlib.suppress(FileNotFoundError):
            path.unlink()  # a stale socket from a daemon that died (we hold the lock)
        old_umask = os.umask(0o177)
        try:
            super().__init__(str(path), _Connection)
        finally:
            os.umask(old_umask)
        path.chmod(0o600)

    def subscribe(self, stream: BufferedIOBase) -> None:
        with self._subscribers_lock:
            self._subscribers.append(stream)

    def unsubscribe(self, stream: BufferedIOBase) -> None:
        with self._subscribers_lock:
            if stream in self._subscribers:
                self._subscribers.remove(stream)

    def broadcast(self, event: str, data: dict[str, Any]) -> None:
        """Push an event to every subscribed client; a client that went away is dropped."""
        message = encode({"event": event, "data": data})
        with self._subscribers_lock:
            for stream in list(self._subscribers):
                try:
                    stream.write(message)
                    stream.flush()
                except (OSError, ValueError):
                    self._subscribers.remove(stream)

    def dispatch(self, line: bytes) -> dict[str, Any]:
        request_id: Any = None
        try:
            message = decode(line)
            request_id = message.get("id")
            method = message.get("method")
            params = message.get("params") or {}
            if not isinstance(method, str) or not isinstance(params, dict):
                raise ProtocolError("bad_request", "'method' must be a string, 'params' an object")
            return {"id": request_id, "result": self.handler(method, params)}
        except ProtocolError as exc:
            return error_reply(request_id, exc.code, str(exc))
        except RequestError as exc:
            return error_reply(request_id, exc.code, str(exc))
        except Exception as exc:  # never let one request take the daemon down
            log.exception("IPC request failed")
            return error_reply(request_id, "internal", f"{type(exc).__name__}: {exc}")

    def start(self) -> threading.Thread:
        thread = threading.Thread(target=self.serve_forever, name="ipc", daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        self.stopping.set()
        self.shutdown()
        self.server_close()
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
