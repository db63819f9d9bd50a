"""E-mail messages (.eml: RFC 822 / MIME) via the stdlib ``email`` package.

A message becomes a header block (From, To, Cc, Subject, Date), its body (plain text
preferred, else HTML as text) and its attachments, each extracted through the registry
as a member (``members.add_member``), so "invoice.pdf" or "invoice.pdf \u203a page 1" names
where a result was found. Attached messages (message/rfc822) are members too, and share
the file's nesting budget. :func:`render_message` is shared with the mbox reader.
"""

from __future__ import annotations

import mimetypes
import re
from email import policy
from email.message import Message
from email.parser import BytesParser
from pathlib import PurePath

from desktop_search.extract.base import Extracted, ExtractionError, Extractor, TextBuilder
from desktop_search.extract.encoding import decode_text
from desktop_search.extract.html import html_to_text
from desktop_search.extract.mail_headers import (
    MAX_LABEL_CHARS,
    decode_words,
    envelope,
    header,
    looks_like_headers,
    one_line,
    trim,
)
from desktop_search.extract.members import SEPARATOR, add_member

HEADER_FIELDS = ("From", "To", "Cc", "Subject", "Date")
MAX_PART_DEPTH = 64  # multipart levels walked inside one message

_SIGNATURES = frozenset(
    {
        "application/pgp-signature",
        "application/pkcs7-signature",
        "application/x-pkcs7-signature",
    }
)
_PARSER = BytesParser(policy=policy.compat32)  # raw headers: see mail_headers
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]+")
MAX_GARBLED = 0.25  # share of undecodable characters beyond which a text part is noise
_ASCII = frozenset({"us-ascii", "ascii", "ansi_x3.4-1968"})  # often mislabelled UTF-8


def parse_message(data: bytes) -> Message:
    try:
        return _PARSER.parsebytes(data)
    except RecursionError as exc:
        raise ExtractionError("message parts nested too deep to parse") from exc


def render_message(builder: TextBuilder, message: Message, prefix: str = "") -> None:
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
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload:
        return ""
    charset = (part.get_content_charset() or "").lower()
    if charset and charset not in _ASCII:
        try:
            return payload.decode(charset, "replace")
        except LookupError:  # a charset Python does not know: guess instead
            pass
    try:
        return decode_text(payload)
    except ExtractionError:  # control bytes in a part declared as text: keep what reads
        text = _CONTROL.sub(" ", payload.decode("utf-8", "replace"))
        return "" if text.count("\ufffd") > len(text) * MAX_GARBLED else text


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
    characters, at most :data:`MAX_LABEL_CHARS` (keeping the extension); else a made-up
    'attachment N.ext' from the content type, or 'Subject.eml' for an attached message."""
    try:
        name = clean_name(decode_words(part.get_filename() or ""))
    except Exception:  # a malformed Content-Disposition or Content-Type parameter
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
    last path component, no control characters, at most :data:`MAX_LABEL_CHARS` ('' when
    nothing is left)."""
    name = one_line(raw.replace("\\", "/").split("/")[-1])
    return _trim_name(name) if name.strip(". ") else ""


def _trim_name(name: str) -> str:
    """At most :data:`MAX_LABEL_CHARS`, keeping a (short) extension so the type is known."""
    suffix = PurePath(name).suffix
    if len(name) <= MAX_LABEL_CHARS or not 1 < len(suffix) <= 16:
        return trim(name, MAX_LABEL_CHARS)
    return trim(name[: -len(suffix)], MAX_LABEL_CHARS - len(suffix)) + suffix


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
