"""Filters and phrases typed into the search box: ``type:pdf in:~/Work after:2024-01-01
before:2024-07-01 "exact phrase"``. Everything else is the free text searched by meaning
and by keywords; a quoted phrase is searched too, and must also appear in the text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop_search.search.filters import Filters, parse_date

# A filter key counts only at the start of a word (the start of the query or after a
# space): ``login:root``, ``context:menu`` and ``margin:10px`` are words to search for,
# not an ``in:`` or ``ext:`` filter hidden inside a longer word.
_TOKEN = re.compile(
    r"(?<!\S)(?P<key>type|ext|kind|in|folder|after|before)"
    r':(?:"(?P<qvalue>[^"]*)"|(?P<value>\S+))'
    r'|"(?P<phrase>[^"]+)"',
    re.IGNORECASE,
)


class QuerySyntaxError(ValueError):
    """A filter in the query could not be understood; the message says which."""


@dataclass
class ParsedQuery:
    text: str
    phrases: list[str] = field(default_factory=list)
    filters: Filters = field(default_factory=Filters)

    def search_text(self) -> str:
        """What the encoder and BM25 see: the free text, phrases included."""
        return " ".join([self.text, *self.phrases]).strip()


def parse_query(raw: str) -> ParsedQuery:
    filters = Filters()
    phrases: list[str] = []
    rest: list[str] = []
    position = 0
    for match in _TOKEN.finditer(raw):
        rest.append(raw[position : match.start()])
        position = match.end()
        if match.group("phrase") is not None:
            phrase = " ".join(match.group("phrase").split())
            if phrase:
                phrases.append(phrase)
            continue
        key = match.group("key").lower()
        value = match.group("qvalue") if match.group("qvalue") is not None else match.group("value")
        if not value:
            raise QuerySyntaxError(f"'{key}:' needs a value")
        if key in ("type", "ext", "kind"):
            filters.types.update(v for v in value.lower().split(",") if v)
        elif key in ("in", "folder"):
            filters.folders.append(value)
        else:
            try:
                stamp = parse_date(value)
            except ValueError as exc:
                raise QuerySyntaxError(f"{key}:{value} is not a date (use YYYY-MM-DD)") from exc
            if key == "after":
                filters.after = stamp
            else:
                filters.before = stamp
    rest.append(raw[position:])
    text = " ".join("".join(rest).split())
    return ParsedQuery(text=text, phrases=phrases, filters=filters)


def merge_filters(first: Filters, second: Filters) -> Filters:
    """Both sets of conditions at once (the query box and the filter controls)."""
    after = max((x for x in (first.after, second.after) if x is not None), default=None)
    before = min((x for x in (first.before, second.before) if x is not None), default=None)
    return Filters(
        folders=[*first.folders, *second.folders],
        types=first.types | second.types,
        after=after,
        before=before,
    )


def contains_phrase(text: str, phrase: str) -> bool:
    """Case- and whitespace-insensitive containment."""
    return " ".join(phrase.lower().split()) in " ".join(text.lower().split())


# -- editing the filters in a query (the window's filter controls write the query) --------

_CANONICAL = {"type": "type", "ext": "type", "kind": "type", "in": "in", "folder": "in"}


def filter_values(raw: str) -> dict[str, str]:
    """The last value typed for each filter: {'type': 'pdf', 'in': '~/Work', 'after': ...}."""
    values: dict[str, str] = {}
    for match in _TOKEN.finditer(raw):
        key = match.group("key")
        if key is None:
            continue
        value = match.group("qvalue") if match.group("qvalue") is not None else match.group("value")
        values[_CANONICAL.get(key.lower(), key.lower())] = value or ""
    return values


def with_filter(raw: str, key: str, value: str | None) -> str:
    """``raw`` with every ``key:`` filter removed and, unless ``value`` is None, one
    ``key:value`` put at the end (quoted when it holds spaces)."""
    kept: list[str] = []
    position = 0
    for match in _TOKEN.finditer(raw):
        found = match.group("key")
        if found is not None and _CANONICAL.get(found.lower(), found.lower()) == key:
            kept.append(raw[position : match.start()])
            position = match.end()
    kept.append(raw[position:])
    text = " ".join("".join(kept).split())
    if value is None:
        return text
    token = f'{key}:"{value}"' if any(c.isspace() for c in value) else f"{key}:{value}"
    return f"{text} {token}".strip()
