"""Mail header fields read fast and leniently: recognising a header block, decoding
RFC 2047 words and raw 8-bit values, and the envelope (subject, sender, date) that names
a message.

Messages are parsed with the ``compat32`` policy, whose headers stay raw strings: the
modern policy builds a parsed header object on every access (about 0.5 ms for an address
list), which made a mailbox of 2,000 messages take seconds longer than its bodies.
"""

from __future__ import annotations

import email.header
import email.utils
import re
from dataclasses import dataclass
from datetime import datetime
from email.errors import HeaderParseError
from email.message import Message

MAX_HEADER_CHARS = 2000  # a To: line of thousands of recipients is not worth more
MAX_LABEL_CHARS = 120

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
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
_SURROGATE = re.compile(r"[\udc80-\udcff]")


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


def _from_8bit(raw: str) -> str:
    """A raw value whose 8-bit bytes the parser kept as surrogates: read as UTF-8, and
    the bytes that are no UTF-8 as cp1252 (a header may mix both)."""
    if not _SURROGATE.search(raw):
        return raw
    text = raw.encode("utf-8", "surrogateescape").decode("utf-8", "surrogateescape")
    return _SURROGATE.sub(_cp1252, text)


def _cp1252(stray: re.Match[str]) -> str:
    return bytes([ord(stray.group()) - 0xDC00]).decode("cp1252", "replace")


def decode_words(raw: str) -> str:
    """``raw`` with its RFC 2047 encoded words ('=?utf-8?q?Ren=C3=A9e?=') decoded; an
    unknown charset is read as UTF-8, a malformed word is left as it is."""
    raw = _from_8bit(raw)
    if "=?" not in raw:
        return raw
    try:
        parts = email.header.decode_header(raw)
    except (HeaderParseError, ValueError, LookupError, AssertionError):
        return raw
    decoded: list[str] = []
    for chunk, charset in parts:
        if isinstance(chunk, str):
            decoded.append(chunk)
        elif charset is None:  # the text between encoded words
            decoded.append(chunk.decode("raw-unicode-escape", "replace"))
        else:
            try:
                decoded.append(chunk.decode(charset, "replace"))
            except LookupError:
                decoded.append(chunk.decode("utf-8", "replace"))
    return "".join(decoded)


def header(message: Message, name: str) -> str:
    """A header's decoded value on one line, repeated fields joined ('' when absent)."""
    wanted = name.lower()
    values = [str(v) for k, v in message.raw_items() if k.lower() == wanted]
    return one_line(", ".join(decode_words(v) for v in values if v.strip()))[:MAX_HEADER_CHARS]


def one_line(text: str) -> str:
    """``text`` without control characters (NUL, line breaks) and runs of white space."""
    return " ".join(_CONTROL.sub(" ", text).split())


def trim(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


@dataclass(frozen=True)
class Envelope:
    subject: str
    sender: str
    date: datetime | None

    def label(self) -> str:
        """'Subject \u2014 Sender, 2024-03-05', the section naming the message in a mailbox."""
        label = self.subject or "(no subject)"
        when = self.date.strftime("%Y-%m-%d") if self.date else ""
        who = ", ".join(part for part in (self.sender, when) if part)
        return trim(f"{label} \u2014 {who}" if who else label, MAX_LABEL_CHARS)


def envelope(message: Message) -> Envelope:
    sender = header(message, "From")
    name, address = email.utils.parseaddr(sender)
    date: datetime | None
    try:
        date = email.utils.parsedate_to_datetime(header(message, "Date"))
    except (TypeError, ValueError, IndexError, OverflowError):
        date = None
    return Envelope(header(message, "Subject"), name or address or sender, date)
