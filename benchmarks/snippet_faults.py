"""What can be wrong with a result's snippet, judged against the chunk it was cut from.

- ``empty``: nothing but ellipses or white space is shown.
- ``mid_character``: a cut splits a user-perceived character: the shown text starts with a
  combining mark or joiner (its base letter was cut off), or the text right after the end
  cut is one (the mark was cut off its letter). Python slices never split a code point,
  but they do split an Arabic letter from its vowel signs, a letter from its accent in
  decomposed text, or a ZWJ sequence.
- ``no_break``: a cut falls between two letters or digits, with no space or punctuation
  there: in the middle of a word, or in Chinese and Japanese (written without spaces) in the
  middle of a sentence. A snippet cut at a space or a punctuation mark is not faulted.
- ``replacement_character``: U+FFFD is shown: text was lost when the file was decoded.
"""

from __future__ import annotations

import unicodedata

from benchmarks.folder_quality import TopPassage

FAULTS = ("empty", "mid_character", "no_break", "replacement_character")

_JOINERS = frozenset("\u200c\u200d\u034f")  # ZWNJ, ZWJ, combining grapheme joiner


def _attaches(char: str) -> bool:
    """Whether ``char`` belongs to the character before it (a mark, joiner or selector)."""
    return (
        unicodedata.category(char) in ("Mn", "Mc", "Me")
        or char in _JOINERS
        or "\ufe00" <= char <= "\ufe0f"
    )


def _letter(char: str) -> bool:
    return unicodedata.category(char)[0] in "LN" or _attaches(char)


def faults(top: TopPassage) -> list[str]:
    """The faults of the snippet in ``top`` (empty list: none)."""
    found: list[str] = []
    body, text = top.body, top.chunk_text
    if not body.strip():
        found.append("empty")
    cuts = []
    if top.clipped_start and 0 < top.start < len(text):
        cuts.append(top.start)
    if top.clipped_end and 0 < top.end < len(text):
        cuts.append(top.end)
    if any(_attaches(text[cut]) or text[cut - 1] in _JOINERS for cut in cuts):
        found.append("mid_character")
    if any(_letter(text[cut - 1]) and _letter(text[cut]) for cut in cuts):
        found.append("no_break")
    if "\ufffd" in top.snippet:
        found.append("replacement_character")
    return found
