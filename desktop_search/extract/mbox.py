"""Mailboxes in mbox format (one file, messages after 'From ' lines), read from bytes.

The stdlib ``mailbox.mbox`` wants a path and a writable lock; this reader splits the
bytes itself: a message starts at a 'From ' line that carries a date and opens the
file or follows a blank line; '>From ' lines are unescaped (mboxrd, and mboxo's
usual reading). Each message is its own section, 'Subject — Sender, 2024-03-05', and its
attachments are nested under it. A message that cannot be read is skipped and noted;
the others stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePath

from desktop_search.extract.base import Extracted, ExtractionError, Extractor, TextBuilder
from desktop_search.extract.context import current
from desktop_search.extract.mail import parse_message, render_message
from desktop_search.extract.mail_headers import envelope, looks_like_headers

MAX_MESSAGES = 20_000

# 'From sender Tue Mar  5 09:30:00 2024' (or '... +0000 2024', 'From - ...'): a month's
# name and a time of day, so a body line 'From 9:00 to 10:00' does not start a message;
# bounded repeats, so a long hostile line costs no more than a short one.
_FROM_LINE = re.compile(
    rb"^From \S{1,300}[ \t][^\r\n]{0,80}?\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b"
    rb"[^\r\n]{0,80}?\d{1,2}:\d{2}[^\r\n]{0,300}(?:\r?\n|\Z)",
    re.MULTILINE,
)
_ESCAPED_FROM = re.compile(rb"^>(>*From )", re.MULTILINE)


def split_mbox(data: bytes) -> Iterator[bytes]:
    """The messages of an mbox, each without its 'From ' line and unescaped."""
    starts: list[tuple[int, int]] = []
    for match in _FROM_LINE.finditer(data):
        begin = match.start()
        if begin == 0 or data.endswith(b"\n\n", 0, begin) or data.endswith(b"\n\r\n", 0, begin):
            starts.append((begin, match.end()))
    for index, (_, body_start) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(data)
        yield _ESCAPED_FROM.sub(rb"\1", data[body_start:end])


class MboxExtractor(Extractor):
    kind = "mbox"
    extensions = frozenset({".mbox", ".mbx"})

    def sniff(self, head: bytes) -> bool:
        match = _FROM_LINE.match(head)
        return match is not None and looks_like_headers(head[match.end() :])

    def extract(self, path: PurePath, data: bytes) -> Extracted:
        builder = TextBuilder()
        skipped = current().skipped_members
        count = 0
        for count, source in enumerate(split_mbox(data), start=1):
            if count > MAX_MESSAGES:
                skipped.append(
                    (path.name, f"more than {MAX_MESSAGES:,} messages: the rest skipped")
                )
                break
            try:
                message = parse_message(source)
                label = envelope(message).label()
                builder.section(label, boundary=True)
                render_message(builder, message, prefix=label)
            except MemoryError:
                raise
            except ExtractionError as exc:
                skipped.append((f"message {count}", str(exc)))
            except Exception as exc:  # one unreadable message never costs the others
                skipped.append((f"message {count}", f"unreadable: {type(exc).__name__}: {exc}"))
        if count == 0:
            raise ExtractionError("no messages found in this mailbox")
        return Extracted(text=builder.text(), kind=self.kind, sections=builder.sections)
