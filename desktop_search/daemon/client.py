"""The client side of the IPC: one request, one reply, with timeouts."""

from __future__ import annotations

import itertools
import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop_search.daemon.api import (
    METHODS,
    SUBSCRIBED,
    ErrorCode,
    InvalidParamsError,
    parse_params,
)
from desktop_search.daemon.protocol import MAX_MESSAGE_BYTES, decode, encode
from desktop_search.daemon.socket_dir import (
    UnsafeSocketDirError,
    check_socket_dir,
    peer_uid,
    socket_location,
)

CONNECT_TIMEOUT_S = 2.0
REPLY_TIMEOUT_S = 60.0


class DaemonUnavailableError(Exception):
    """No daemon of ours answers for this data dir (not running, gone, or the socket is
    not one we can trust: its folder is not private, or another user listens on it)."""


class DaemonError(Exception):
    """The daemon answered with an error."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class DaemonClient:
    def __init__(self, data_dir: Path, *, timeout_s: float = REPLY_TIMEOUT_S) -> None:
        self.path = socket_location(data_dir)
        self.timeout_s = timeout_s
        self._ids = itertools.count(1)

    def available(self) -> bool:
        try:
            self.call("ping")
        except (DaemonUnavailableError, DaemonError):
            return False
        return True

    def call(self, method: str, **params: Any) -> Any:
        """The daemon's answer to ``method``; the parameters are checked here first against
        the same declarations the daemon uses (DaemonError 'invalid_params')."""
        if method not in METHODS:
            raise DaemonError(ErrorCode.UNKNOWN_METHOD, f"unknown method {method!r}")
        try:
            parse_params(method, params)
        except InvalidParamsError as exc:
            raise DaemonError(ErrorCode.INVALID_PARAMS, str(exc)) from exc
        request_id = next(self._ids)
        try:
            with self._connect() as sock:
                sock.settimeout(self.timeout_s)
                sock.sendall(encode({"id": request_id, "method": method, "params": params}))
                reply = self._read_line(sock)
        except (ConnectionError, FileNotFoundError, TimeoutError, OSError) as exc:
            raise DaemonUnavailableError(f"the daemon did not answer: {exc}") from exc
        message = decode(reply)
        if "error" in message:
            error = message["error"]
            raise DaemonError(str(error.get("code")), str(error.get("message")))
        return message.get("result")

    def events(self, timeout_s: float) -> Iterator[dict[str, Any]]:
        """Subscribe and yield the daemon's pushed events ({"event", "data"}) as they come;
        stops when ``timeout_s`` passes without one, or when the daemon goes away."""
        with self.subscribe(timeout_s) as stream:
            yield from stream

    def subscribe(self, timeout_s: float) -> EventStream:
        """Subscribe now (events from this moment on are kept for the caller) and return
        the stream to read them from; use it as a context manager."""
        sock = self._connect()
        try:
            sock.settimeout(timeout_s)
            sock.sendall(encode({"id": next(self._ids), "method": "subscribe", "params": {}}))
            stream = EventStream(sock)
            reply = decode(stream.file.readline())
        except (ConnectionError, TimeoutError, OSError) as exc:
            sock.close()
            raise DaemonUnavailableError(f"the daemon did not answer: {exc}") from exc
        if reply.get("result") != SUBSCRIBED:
            stream.close()
            raise DaemonUnavailableError(f"the daemon refused to subscribe: {reply}")
        return stream

    def _connect(self) -> socket.socket:
        """A socket connected to our own daemon; DaemonUnavailableError when none runs,
        the socket's folder is not private, or the listening process is another user's."""
        try:
            check_socket_dir(self.path.parent)
        except FileNotFoundError as exc:
            raise DaemonUnavailableError(f"no daemon socket at {self.path}") from exc
        except (UnsafeSocketDirError, OSError) as exc:
            raise DaemonUnavailableError(f"not connecting to {self.path}: {exc}") from exc
        if not self.path.exists():
            raise DaemonUnavailableError(f"no daemon socket at {self.path}")
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.settimeout(CONNECT_TIMEOUT_S)
            sock.connect(str(self.path))
            uid = peer_uid(sock)
        except OSError as exc:
            sock.close()
            raise DaemonUnavailableError(f"the daemon did not answer: {exc}") from exc
        if uid is not None and uid != os.getuid():
            sock.close()
            raise DaemonUnavailableError(
                f"refused the server on {self.path}: it runs as uid {uid}, not as you "
                f"(uid {os.getuid()}), so it is not your daemon"
            )
        return sock

    @staticmethod
    def _read_line(sock: socket.socket) -> bytes:
        buffer = bytearray()
        while not buffer.endswith(b"\n"):
            chunk = sock.recv(65536)
            if not chunk:
                raise ConnectionError("connection closed before a reply")
            buffer += chunk
            if len(buffer) > 64 * MAX_MESSAGE_BYTES:
                raise ConnectionError("reply too large")
        return bytes(buffer)


class EventStream:
    """The events of one subscription, as an iterator; ends on a timeout or at EOF."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.file = sock.makefile("rb")

    def __iter__(self) -> Iterator[dict[str, Any]]:
        try:
            while line := self.file.readline(64 * MAX_MESSAGE_BYTES):
                yield decode(line)
        except (TimeoutError, OSError):
            return

    def close(self) -> None:
        self.file.close()
        self.sock.close()

    def __enter__(self) -> EventStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
