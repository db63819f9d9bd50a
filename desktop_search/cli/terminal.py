"""Text made safe to print on a terminal.

File names and file contents are not ours: printed raw, ``ESC ] 52 ; c ; ... BEL`` writes
to the user's clipboard, ``ESC ] 0 ; ... BEL`` retitles the window, CSI sequences move the
cursor or repaint earlier lines, a carriage return or newline forges a line of output,
and bidi overrides (U+202A..U+202E, U+2066..U+2069) reorder what is shown. So everything
the CLI prints in text mode goes through :func:`printable` first:

- escape sequences, with their 7-bit (``ESC ]``, ``ESC [``, ``ESC P`` ...) or 8-bit C1
  introducers (U+009B CSI, U+009D OSC ...), are removed whole, payload included, when
  they are complete; an incomplete one loses its introducer, so what is left is text;
- tab, newline, carriage return, vertical tab, form feed and the Unicode line and
  paragraph separators become a space (the output is one line per item);
- every other control character (C0, DEL, C1) and the bidi controls become ``?``, as
  ``ls`` shows them;
- lone surrogates (undecodable bytes of a file name) become U+FFFD, so printing cannot
  fail on them.

JSON output keeps the data exact and still prints nothing raw: ``json.dumps`` with
``ensure_ascii=False`` escapes ESC, BEL and the rest of C0 (``\\u001b``) but writes DEL,
C1 (U+009B is a CSI to many terminals), the bidi controls and lone surrogates as they are,
so :func:`json_for_terminal` escapes those too; the JSON decodes to the same values.
"""

from __future__ import annotations

import json
import re
from typing import Any

_STRING_INTRODUCER = r"(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])"  # OSC, DCS, SOS, PM, APC
_STRING_TERMINATOR = r"(?:\x07|\x1b\\|\x9c)"  # BEL, ST (ESC \ or U+009C)
_ESCAPE_SEQUENCE = re.compile(
    rf"{_STRING_INTRODUCER}[^\x07\x1b\x9c]*{_STRING_TERMINATOR}"  # a complete string
    r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # a complete CSI sequence
    r"|\x1b[ -/]*[0-~]"  # any other complete ESC sequence (ESC c, ESC ( B, ESC 7 ...)
)
_SPACE_LIKE = "\t\n\v\f\r\x1c\x1d\x1e\x85\u2028\u2029"
_BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
_UNSAFE_CHAR = re.compile(rf"[\x00-\x1f\x7f-\x9f{_BIDI_CONTROLS}\ud800-\udfff]")


def _replace(match: re.Match[str]) -> str:
    char = match.group()
    if char in _SPACE_LIKE:
        return " "
    if "\ud800" <= char <= "\udfff":
        return "\ufffd"
    return "?"


def printable(text: str) -> str:
    """``text`` with no terminal control left in it (see the module's docstring)."""
    return _UNSAFE_CHAR.sub(_replace, _ESCAPE_SEQUENCE.sub("", text))


_RAW_IN_JSON = re.compile(rf"[\x7f-\x9f{_BIDI_CONTROLS}\ud800-\udfff]")


def json_for_terminal(data: Any) -> str:
    """``data`` as JSON (UTF-8 text kept readable) with no terminal control left raw."""
    text = json.dumps(data, ensure_ascii=False)
    # These characters occur only inside JSON strings, where \uXXXX means the same.
    return _RAW_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
