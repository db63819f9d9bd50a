"""Outlook messages (.msg: MAPI properties in an OLE2 compound file) via extract_msg.

The file is read from its bytes (olefile takes them as they are), so no copy of the
message is ever written to disk. Like a mail, it becomes a header block (From, To, Cc,
Subject, Date), its body (plain text, else HTML as text) and its attachments as members;
an attached Outlook message is re-exported to bytes and read as a member ('name.msg').
.msg shares the OLE2 signature with .doc and .xls, so it is chosen by extension only.
"""

from __future__ import annotations

import email.utils
import logging
from datetime import datetime
from pathlib import PurePath
from typing import Any

import extract_msg
from extract_msg.enums import ErrorBehavior

from desktop_search.extract.base import Extracted, ExtractionError, Extractor, TextBuilder
from desktop_search.extract.context import current
from desktop_search.extract.html import decode_html, html_to_text
from desktop_search.extract.mail import clean_name
from desktop_search.extract.mail_headers import MAX_HEADER_CHARS
from desktop_search.extract.members import add_member

# extract_msg (and the RTF de-encapsulator it uses) logs every oddity of every file.
for _noisy in ("extract_msg", "RTFDE"):
    logging.getLogger(_noisy).setLevel(logging.CRITICAL + 1)

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MIN_OLE_BYTES = 1536  # a header and two sectors; olefile takes shorter bytes for a file name


def _value(message: Any, attribute: str) -> Any:
    """A property of the message, None when absent or unreadable (extract_msg computes
    them on access, and a damaged stream raises there)."""
    try:
        return getattr(message, attribute, None)
    except Exception:
        return None


def _line(value: Any) -> str:
    if isinstance(value, datetime):
        return email.utils.format_datetime(value) if value.tzinfo else value.isoformat(" ")
    text = value if isinstance(value, str) else ""
    return " ".join(text.replace("\0", " ").split())[:MAX_HEADER_CHARS]


def _body(message: Any) -> str:
    body = _value(message, "body")
    if isinstance(body, str) and body.strip("\0 \r\n"):
        return body.replace("\0", "")
    html = _value(message, "htmlBody")
    if isinstance(html, bytes) and html:
        return html_to_text(decode_html(html))[1]
    return ""


def _attachment_bytes(attachment: Any) -> tuple[bytes, bool]:
    """(bytes, True when they are an embedded Outlook message); b'' when unreadable."""
    data = _value(attachment, "data")
    if isinstance(data, bytes):
        return data, False
    try:
        return data.exportBytes(allowBadEmbed=True), True
    except Exception:
        return b"", False


class OutlookExtractor(Extractor):
    kind = "outlook"
    extensions = frozenset({".msg"})

    def extract(self, path: PurePath, data: bytes) -> Extracted:
        if len(data) < MIN_OLE_BYTES or not data.startswith(OLE_SIGNATURE):
            raise ExtractionError("not an Outlook message (no OLE2 compound file inside)")
        try:
            message = extract_msg.openMsg(
                data, errorBehavior=ErrorBehavior.SUPPRESS_ALL, delayAttachments=True
            )
        except MemoryError:
            raise
        except Exception as exc:  # extract_msg and olefile raise many kinds on damage
            raise ExtractionError(
                f"corrupt or unsupported Outlook message: {exc or type(exc).__name__}"
            ) from exc
        try:
            return self._read(message)
        finally:
            message.close()

    def _read(self, message: Any) -> Extracted:
        message_class = _line(_value(message, "classType")).lower()
        if message_class.endswith(".smime"):
            raise ExtractionError("encrypted Outlook message (S/MIME): its text cannot be read")
        builder = TextBuilder()
        fields = {
            "From": "sender",
            "To": "to",
            "Cc": "cc",
            "Subject": "subject",
            "Date": "date",
        }
        lines = [
            f"{name}: {value}"
            for name, attribute in fields.items()
            if (value := _line(_value(message, attribute)))
        ]
        builder.block("\n".join(lines))
        builder.block(_body(message))
        for number, attachment in enumerate(_value(message, "attachments") or (), start=1):
            name = clean_name(_line(_value(attachment, "name"))) or f"attachment {number}"
            data, embedded = _attachment_bytes(attachment)
            if embedded and not name.lower().endswith(".msg"):
                name += ".msg"
            if data:
                add_member(builder, name, data)
            else:
                current().skipped_members.append((name, "attachment could not be read"))
        return Extracted(
            text=builder.text(),
            kind=self.kind,
            title=_line(_value(message, "subject")),
            sections=builder.sections,
        )
