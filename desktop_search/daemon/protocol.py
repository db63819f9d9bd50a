"""The IPC protocol: newline-delimited JSON objects over a local socket.

Request:  {"v": 1, "id": 7, "method": "search", "params": {...}}
Reply:    {"v": 1, "id": 7, "result": ...}  or  {"v": 1, "id": 7, "error": {"code", "message"}}
Event:    {"v": 1, "event": "progress", "data": {...}}  (pushed to subscribed clients)
"""

from __future__ import annotations

import json
from typing import Any

PROTOCOL_VERSION = 1
MAX_MESSAGE_BYTES = 1024 * 1024


class ProtocolError(Exception):
    """A message that is not valid JSON, too large, or of another protocol version."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def encode(message: dict[str, Any]) -> bytes:
    return json.dumps({"v": PROTOCOL_VERSION, **message}, ensure_ascii=False).encode() + b"\n"


def decode(line: bytes) -> dict[str, Any]:
    if len(line) > MAX_MESSAGE_BYTES:
        raise ProtocolError("too_large", f"message larger than {MAX_MESSAGE_BYTES} bytes")
    try:
        message = json.loads(line)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ProtocolError("bad_json", f"not a JSON message: {exc}") from exc
    if not isinstance(message, dict):
        raise ProtocolError("bad_message", "a message must be a JSON object")
    if message.get("v") != PROTOCOL_VERSION:
        raise ProtocolError(
            "bad_version", f"protocol version {message.get('v')!r} is not {PROTOCOL_VERSION}"
        )
    return message


def error_reply(request_id: Any, code: str, message: str) -> dict[str, Any]:
    return {"id": request_id, "error": {"code": code, "message": message}}
