"""Plain text with highlighted spans as Qt rich text (HTML), escaped."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime


def highlighted_html(
    text: str,
    spans: Sequence[Sequence[int]],
    *,
    mark_style: str,
    region: tuple[int, int] | None = None,
    region_style: str = "",
) -> str:
    """``text`` as HTML: each span in <b> with ``mark_style``; ``region`` (the matched
    passage in a longer text) wrapped in a span with ``region_style`` and an anchor 'match'."""
    cuts: list[tuple[int, str]] = []
    for start, end in spans:
        if 0 <= start < end <= len(text):
            cuts.append((start, f'<b style="{mark_style}">'))
            cuts.append((end, "</b>"))
    if region is not None:
        start, end = region
        cuts.append((start, f'<a name="match"></a><span style="{region_style}">'))
        cuts.append((end, "</span>"))
    # closing tags before opening ones at the same place keeps the nesting valid
    cuts.sort(key=lambda cut: (cut[0], not cut[1].startswith("</")))
    out: list[str] = []
    position = 0
    for at, tag in cuts:
        out.append(html.escape(text[position:at]))
        out.append(tag)
        position = at
    out.append(html.escape(text[position:]))
    return "".join(out).replace("\n", "<br>")


def friendly_date(iso: str | None, now: datetime | None = None) -> str:
    """'today 14:05', 'yesterday', '3 Mar', '3 Mar 2021'."""
    if not iso:
        return ""
    try:
        when = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    now = now or datetime.now(tz=when.tzinfo)
    days = (now.date() - when.date()).days
    if days == 0:
        return f"today {when:%H:%M}"
    if days == 1:
        return "yesterday"
    if when.year == now.year:
        return f"{when.day} {when:%b}"
    return f"{when.day} {when:%b %Y}"


def friendly_size(size: int | None) -> str:
    if size is None:
        return ""
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} bytes"
