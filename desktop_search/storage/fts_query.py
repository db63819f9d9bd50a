"""FTS5 MATCH expressions made of analysed forms (terms, phrases of terms, prefixes),
safe for any input."""

from __future__ import annotations

from collections.abc import Iterable

from desktop_search.language.analyser import PREFIX


def phrase(form: str) -> str:
    """One form as an FTS5 phrase: quotes doubled; NUL (which FTS5 takes for the end of
    the expression) and lone surrogates become separators; a form ending in
    :data:`~desktop_search.language.analyser.PREFIX` becomes a prefix phrase."""
    prefix = form.endswith(PREFIX) and len(form) > len(PREFIX)
    body = form[: -len(PREFIX)] if prefix else form
    safe = body.replace("\x00", " ").encode("utf-8", "replace").decode("utf-8")
    quoted = '"' + safe.replace('"', '""') + '"'
    return quoted + " *" if prefix else quoted


def any_of(forms: Iterable[str]) -> str:
    """An expression matching any of ``forms`` ('' for none)."""
    return " OR ".join(dict.fromkeys(phrase(f) for f in forms))
