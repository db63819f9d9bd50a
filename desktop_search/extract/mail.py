"""E-mail messages (.eml: RFC 822 / MIME) via the stdlib ``email`` package.

A message becomes a header block (From, To, Cc, Subject, Date), its body (plain text
preferred, else HTML as text) and its attachments, each extracted through the registry
as a member (``members.add_member``), so "invoice.pdf" or "invoice.pdf \u203a page 1" names
where a result was found. Attached messages (message/rfc822) are members too, and share
the file's nesting budget. :func:`render_message` is shared with the mbox reader.
"""

from __future__ import annotations

import email.header
import email.utils
import mimetypes
import re
from dataclasses import dataclass
from datetime import datetime
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser
from pathlib import PurePath

from desktop_search.extract.base import Extracted, ExtractionError, Extractor, TextBuilder
from desktop_search.extract.encoding import decode_text
from desktop_search.extract.html import html_to_text
from desktop_search.extract.members import SEPARATOR, add_member

HEADER_FIELDS = ("From", "To", "Cc", "Subject", "Date")
MAX_HEADER_CHARS = 2000  # a To: line of thousands of recipients is not worth more
MAX_NAME_CHARS = 120
MAX_PART_DEPTH = 64  # multipart levels walked inside one message

# Header fields that open a message; two of them on the first lines (and nothing but header
# lines before the blank line) make a file a mail whatever its name.
_OPENING_FIELDS = frozenset(
    {
        b"return-path",
        b"received",
        b"from",
        b"message-id",
        b"mime-version",
        b"date",
        b"subject",
        b"to",
        b"cc",
        b"delivered-to",
        b"reply-to",
        b"sender",
        b"in-reply-to",
        b"references",
        b"content-type",
        b"x-mailer",
        b"user-agent",
    }
)
_FIELD = re.compile(rb"([!-9;-~]+):")
_SIGNATURES = frozenset(
    {
        "application/pgp-signature",
        "application/pkcs7-signature",
        "application/x-pkcs7-signature",
    }
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
_PARSER = BytesParser(policy=policy.default)


def looks_like_headers(head: bytes) -> bool:
    """True when ``head`` opens with an RFC 822 header block: a known field first, only
    header and continuation lines up to the blank line, and two known fields at least."""
    lines = head.split(b"\n")[:-1]  # the last line may be cut off by the sniff window
    known = 0
    for number, raw in enumerate(lines):
        line = raw.rstrip(b"\r")
        if not line:
            break
        if line[:1] in (b" ", b"\t") and number > 0:
            continue
        match = _FIELD.match(line)
        if match is None:
            return False
        if match.group(1).lower() in _OPENING_FIELDS:
            known += 1
        elif number == 0:
            return False
    return known >= 2


def parse_message(data: bytes) -> EmailMessage:
    try:
        message = _PARSER.parsebytes(data)
    except RecursionError as exc:
        raise ExtractionError("message parts nested too deep to parse") from exc
    assert isinstance(message, EmailMessage)
    return message


def header(message: Message, name: str) -> str:
    """A header's decoded value on one line ('' when absent or unreadable)."""
    try:
        value = message.get(name)
        text = "" if value is None else str(value)
    except Exception:  # the email package's header parser has its corner cases
        try:
            raw = message.get_all(name, failobj=[])[0]
            text = str(email.header.make_header(email.header.decode_header(str(raw))))
        except Exception:
            text = ""
    return " ".join(_CONTROL.sub(" ", text).split())[:MAX_HEADER_CHARS]


@dataclass(frozen=True)
class Envelope:
    subject: str
    sender: str
    date: datetime | None

    def label(self) -> str:
        """'Subject — Sender, 2024-03-05', the section naming the message in a mailbox."""
        label = self.subject or "(no subject)"
        who = ", ".join(
            part for part in (self.sender, self.date.strftime("%Y-%m-%d") if self.date else "")
        )
        if who:
            label = f"{label} \u2014 {who}"
        return _trim(label, MAX_NAME_CHARS)


def envelope(message: Message) -> Envelope:
    sender = header(message, "From")
    try:
        addresses = getattr(message["from"], "addresses", ())
        if addresses:
            sender = addresses[0].display_name or addresses[0].addr_spec or sender
    except Exception:  # an unparsable address: keep the raw text
        pass
    date: datetime | None = None
    try:
        date = email.utils.parsedate_to_datetime(header(message, "Date"))
    except (TypeError, ValueError, IndexError, OverflowError):
        date = None
    return Envelope(header(message, "Subject"), sender, date)


def render_message(builder: TextBuilder, message: EmailMessage, prefix: str = "") -> None:
    """The header block, body and attachments of ``message``; attachment sections are
    named ``prefix \u203a file name`` (just the file name when ``prefix`` is empty)."""
    lines = [f"{name}: {value}" for name in HEADER_FIELDS if (value := header(message, name))]
    builder.block("\n".join(lines))
    attachments: list[Message] = []
    _walk(message, builder, attachments, 0)
    for number, part in enumerate(attachments, start=1):
        name = attachment_name(part, number)
        label = f"{prefix}{SEPARATOR}{name}" if prefix else name
        data = _attachment_bytes(part)
        if data:
            add_member(builder, label, data)


def _walk(part: Message, builder: TextBuilder, attachments: list[Message], depth: int) -> None:
    """Body text into ``builder`` in order; everything else into ``attachments``."""
    if depth > MAX_PART_DEPTH:
        return
    ctype = part.get_content_type()
    if ctype in ("message/rfc822", "message/global") or (
        part.get_content_maintype() == "message" and part.is_multipart()
    ):
        attachments.append(part)
        return
    if part.is_multipart():
        children = [c for c in part.get_payload() if isinstance(c, Message)]
        if ctype == "multipart/alternative" and children:
            children = [_preferred_alternative(children)]
        for child in children:
            _walk(child, builder, attachments, depth + 1)
        return
    if ctype in _SIGNATURES:
        return
    if _is_attachment(part) or part.get_content_maintype() != "text":
        attachments.append(part)
        return
    text = _part_text(part)
    if ctype == "text/html":
        text = html_to_text(text)[1]
    builder.block(text)


def _preferred_alternative(children: list[Message]) -> Message:
    for wanted in ("text/plain", "text/html"):
        for child in children:
            if child.get_content_type() == wanted and not _is_attachment(child):
                return child
    return children[-1]


def _is_attachment(part: Message) -> bool:
    try:
        return part.get_content_disposition() == "attachment" or bool(part.get_filename())
    except Exception:  # a malformed Content-Disposition: treat the part as body
        return False


def _part_text(part: Message) -> str:
    try:
        content = part.get_content() if isinstance(part, EmailMessage) else None
        if isinstance(content, str):
            return content
    except Exception:  # an unknown charset, a broken transfer encoding
        pass
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload:
        return ""
    try:
        return decode_text(payload)
    except ExtractionError:
        return ""


def _attachment_bytes(part: Message) -> bytes:
    if part.is_multipart():  # an attached message: its own source, re-read as a member
        try:
            inner = part.get_payload(0)
            return inner.as_bytes(policy=policy.compat32) if isinstance(inner, Message) else b""
        except Exception:  # a message the generator cannot write back: not read
            return b""
    payload = part.get_payload(decode=True)
    return payload if isinstance(payload, bytes) else b""


def attachment_name(part: Message, number: int) -> str:
    """A harmless display name: the file name's last path component, no control
    characters, at most :data:`MAX_NAME_CHARS` (keeping the extension); else a made-up
    'attachment N.ext' from the content type, or 'Subject.eml' for an attached message."""
    try:
        name = clean_name(part.get_filename() or "")
    except Exception:
        name = ""
    if name:
        return name
    if part.is_multipart():
        inner = part.get_payload(0)
        subject = header(inner, "Subject") if isinstance(inner, Message) else ""
        return _trim_name(f"{subject or f'message {number}'}.eml")
    extension = mimetypes.guess_extension(part.get_content_type()) or ""
    return f"attachment {number}{extension}"


def clean_name(raw: str) -> str:
    """An attachment's file name made harmless to show and to look up by extension: its
    last path component, no control characters, at most :data:`MAX_NAME_CHARS` ('' when
    nothing is left)."""
    name = " ".join(_CONTROL.sub(" ", raw).replace("\\", "/").split("/")[-1].split())
    return _trim_name(name) if name.strip(". ") else ""


def _trim(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _trim_name(name: str) -> str:
    """At most :data:`MAX_NAME_CHARS`, keeping a (short) extension so the type is known."""
    suffix = PurePath(name).suffix
    if len(name) <= MAX_NAME_CHARS or not 1 < len(suffix) <= 16:
        return _trim(name, MAX_NAME_CHARS)
    return _trim(name[: -len(suffix)], MAX_NAME_CHARS - len(suffix)) + suffix


class EmailExtractor(Extractor):
    kind = "mail"
    extensions = frozenset({".eml"})

    def sniff(self, head: bytes) -> bool:
        return looks_like_headers(head)

    def extract(self, path: PurePath, data: bytes) -> Extracted:
        message = parse_message(data)
        builder = TextBuilder()
        render_message(builder, message)
        return Extracted(
            text=builder.text(),
            kind=self.kind,
            title=envelope(message).subject,
            sections=builder.sections,
        )
