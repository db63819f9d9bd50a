"""The words of a file's name and of its folders' names, for the keyword index of names.

FTS5's ``unicode61`` tokenizer already splits on everything that is not a letter or a
digit (``_``, ``-``, ``.``, spaces); what it cannot see are the boundaries inside a run of
letters and digits: ``MyResume2024`` is one token to it. :func:`name_words` adds those
(camelCase, letter/digit) as words of their own beside the whole run, so both "resume
2024" and "myresume2024" find ``MyResume2024.pdf``, and "mp3" still finds ``song.mp3``.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# A run of letters and digits (``_`` is a separator, as it is for unicode61).
_RUN = re.compile(r"[^\W_]+")


def _kind(char: str) -> str:
    if char.isdigit():
        return "digit"
    if char.isupper():
        return "upper"
    return "lower"  # lower case, and letters without case (CJK, Arabic, ...)


def split_run(run: str) -> list[str]:
    """The parts of a run of letters and digits: camelCase and letter/digit boundaries.

    ``MyResume2024`` -> My, Resume, 2024; ``XMLParser`` -> XML, Parser; ``v2`` -> v, 2."""
    if run.isdigit() or (run.isalpha() and (run[1:].islower() or run.isupper())):
        return [run]  # most runs: one word, in one case (or capitalised)
    parts: list[str] = []
    start = 0
    for i in range(1, len(run)):
        before, here = _kind(run[i - 1]), _kind(run[i])
        after = _kind(run[i + 1]) if i + 1 < len(run) else ""
        if (
            (before == "digit") != (here == "digit")  # letter/digit
            or (before == "lower" and here == "upper")  # myResume
            or (before == "upper" and here == "upper" and after == "lower")  # XMLParser
        ):
            parts.append(run[start:i])
            start = i
    parts.append(run[start:])
    return parts


@functools.lru_cache(maxsize=1 << 14)  # the same folder names come again and again
def words_of(name: str) -> str:
    """One name's words, space-separated: each run whole, followed by its parts if it has
    more than one."""
    out: list[str] = []
    for match in _RUN.finditer(unicodedata.normalize("NFC", name)):
        run = match.group()
        out.append(run)
        parts = split_run(run)
        if len(parts) > 1:
            out.extend(parts)
    return " ".join(out)


def name_words(path: str) -> tuple[str, str]:
    """(the words of the file's name, the words of its parent folders' names) for a path
    as the catalog shows it (``display_path``: valid UTF-8, U+FFFD for undecodable bytes).

    ``/home/ann/Work/MyResume2024.pdf`` -> ("MyResume2024 My Resume 2024 pdf",
    "home ann Work")."""
    *parents, name = path.rstrip("/").split("/")
    folders = (words_of(part) for part in parents)
    return words_of(name), " ".join(w for w in folders if w)
