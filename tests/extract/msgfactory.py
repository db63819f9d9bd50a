"""Real Outlook .msg files for tests, written as [MS-OXMSG] prescribes.

extract_msg reads .msg but cannot compose one; its ``OleWriter`` writes any OLE2 compound
file, so this module lays out the MAPI property streams itself: the top-level
``__properties_version1.0`` stream (fixed-size values: flags, submit time, attachment
method, recipient type), one ``__substg1.0_IIIITTTT`` stream per string or binary
property, one ``__recip_version1.0_#N`` storage per recipient and one
``__attach_version1.0_#N`` storage per attachment (an embedded message is a
``__substg1.0_3701000D`` storage holding a whole message) and the (empty)
``__nameid_version1.0`` named-property map.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

from extract_msg import OleWriter

PT_LONG, PT_TIME, PT_UNICODE, PT_BINARY, PT_OBJECT = 0x0003, 0x0040, 0x001F, 0x0102, 0x000D
PR_SUBJECT, PR_BODY, PR_MESSAGE_CLASS = 0x0037, 0x1000, 0x001A
PR_SENDER_NAME, PR_SENDER_EMAIL = 0x0C1A, 0x5D01
PR_DISPLAY_TO, PR_CLIENT_SUBMIT_TIME, PR_MESSAGE_FLAGS = 0x0E04, 0x0039, 0x0E07
PR_STORE_SUPPORT_MASK, STORE_UNICODE_OK = 0x340D, 0x40000
PR_DISPLAY_NAME, PR_SMTP_ADDRESS, PR_RECIPIENT_TYPE = 0x3001, 0x39FE, 0x0C15
PR_ATTACH_DATA, PR_ATTACH_LONG_FILENAME, PR_ATTACH_METHOD = 0x3701, 0x3707, 0x3705
ATTACH_BY_VALUE, ATTACH_EMBEDDED_MSG = 1, 5
PROP_READABLE_WRITABLE = 0x6
FILETIME_EPOCH = datetime(1601, 1, 1, tzinfo=UTC)


@dataclass
class MsgSpec:
    """What one message holds; ``attachments`` maps a file name to bytes or a message."""

    subject: str
    body: str
    sender_name: str = "Alice Example"
    sender_email: str = "alice@example.com"
    to: list[tuple[str, str]] = field(default_factory=lambda: [("Bob", "bob@example.com")])
    sent: datetime = datetime(2024, 3, 5, 9, 30, tzinfo=UTC)
    attachments: dict[str, bytes | MsgSpec] = field(default_factory=dict)
    message_class: str = "IPM.Note"


def _tag(prop_id: int, prop_type: int) -> str:
    return f"__substg1.0_{prop_id:04X}{prop_type:04X}"


def _fixed(prop_id: int, prop_type: int, value: bytes) -> bytes:
    return struct.pack("<HHI", prop_type, prop_id, PROP_READABLE_WRITABLE) + value.ljust(8, b"\0")


def _variable(prop_id: int, prop_type: int, size: int) -> bytes:
    return struct.pack("<HHIII", prop_type, prop_id, PROP_READABLE_WRITABLE, size, 0)


class _Storage:
    """Streams of one storage, and the property entries of its properties stream."""

    def __init__(self, writer: OleWriter, path: list[str]) -> None:
        self.writer, self.path, self.entries = writer, path, bytearray()

    def string(self, prop_id: int, value: str) -> None:
        data = value.encode("utf-16-le")  # the stream has no terminator, its size counts one
        self.writer.addEntry([*self.path, _tag(prop_id, PT_UNICODE)], data)
        self.entries += _variable(prop_id, PT_UNICODE, len(data) + 2)

    def binary(self, prop_id: int, value: bytes) -> None:
        self.writer.addEntry([*self.path, _tag(prop_id, PT_BINARY)], value)
        self.entries += _variable(prop_id, PT_BINARY, len(value))

    def long(self, prop_id: int, value: int) -> None:
        self.entries += _fixed(prop_id, PT_LONG, struct.pack("<I", value))

    def time(self, prop_id: int, value: datetime) -> None:
        ticks = int((value - FILETIME_EPOCH).total_seconds() * 10_000_000)
        self.entries += _fixed(prop_id, PT_TIME, struct.pack("<Q", ticks))

    def close(self, header: bytes) -> None:
        self.writer.addEntry([*self.path, "__properties_version1.0"], header + bytes(self.entries))


def _write_message(writer: OleWriter, path: list[str], spec: MsgSpec) -> None:
    top = _Storage(writer, path)
    top.string(PR_MESSAGE_CLASS, spec.message_class)
    top.string(PR_SUBJECT, spec.subject)
    top.string(PR_BODY, spec.body)
    top.string(PR_SENDER_NAME, spec.sender_name)
    top.string(PR_SENDER_EMAIL, spec.sender_email)
    top.string(PR_DISPLAY_TO, "; ".join(name for name, _ in spec.to))
    top.time(PR_CLIENT_SUBMIT_TIME, spec.sent)
    top.long(PR_MESSAGE_FLAGS, 1)  # read, and sent (the 'unsent' bit 8 is clear)
    top.long(PR_STORE_SUPPORT_MASK, STORE_UNICODE_OK)
    for number, (name, address) in enumerate(spec.to):
        recipient = _Storage(writer, [*path, f"__recip_version1.0_#{number:08X}"])
        writer.addEntry(recipient.path, storage=True)
        recipient.string(PR_DISPLAY_NAME, name)
        recipient.string(PR_SMTP_ADDRESS, address)
        recipient.long(PR_RECIPIENT_TYPE, 1)  # To
        recipient.close(bytes(8))
    for number, (file_name, content) in enumerate(spec.attachments.items()):
        attachment = _Storage(writer, [*path, f"__attach_version1.0_#{number:08X}"])
        writer.addEntry(attachment.path, storage=True)
        attachment.string(PR_ATTACH_LONG_FILENAME, file_name)
        if isinstance(content, MsgSpec):
            attachment.long(PR_ATTACH_METHOD, ATTACH_EMBEDDED_MSG)
            inner = [*attachment.path, _tag(PR_ATTACH_DATA, PT_OBJECT)]
            writer.addEntry(inner, storage=True)
            _write_message(writer, inner, content)
        else:
            attachment.long(PR_ATTACH_METHOD, ATTACH_BY_VALUE)
            attachment.binary(PR_ATTACH_DATA, content)
        attachment.close(bytes(8))
    # Top level: 8 reserved, next recipient id, next attachment id, recipient and attachment
    # counts, 8 reserved; an embedded message's header lacks the last 8.
    header = bytes(8) + struct.pack(
        "<IIII", len(spec.to), len(spec.attachments), len(spec.to), len(spec.attachments)
    )
    top.close(header + (bytes(8) if not path else b""))


def msg_bytes(spec: MsgSpec) -> bytes:
    writer = OleWriter()
    _write_message(writer, [], spec)
    # The named-property map (no named properties: empty GUID, entry and string streams).
    for stream in ("__substg1.0_00020102", "__substg1.0_00030102", "__substg1.0_00040102"):
        writer.addEntry(["__nameid_version1.0", stream], b"")
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def write_msg(path: Path, spec: MsgSpec) -> Path:
    path.write_bytes(msg_bytes(spec))
    return path
