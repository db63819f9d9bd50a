"""Nothing a file holds reaches the terminal as a control sequence (#10)."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_search.cli.terminal import json_for_terminal, printable
from tests.conftest import REPO

CLIPBOARD = "\x1b]52;c;SGVsbG8gd29ybGQ=\x07"  # OSC 52: write "Hello world" to the clipboard
TITLE = "\x1b]0;pwned\x07"  # OSC 0: retitle the terminal window
CSI_C1 = "\x9b2J"  # the 8-bit CSI: clear the screen
HOSTILE = CLIPBOARD + TITLE + CSI_C1 + "\u202e"
CLI = [sys.executable, "-m", "desktop_search"]
# Any C0 control but newline, DEL, C1, and the bidi controls.
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


# -- printable ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        (f"a{CLIPBOARD}b", "ab"),
        (f"a{TITLE}b", "ab"),
        ("a\x1b]0;title\x1b\\b", "ab"),  # OSC ended by ST instead of BEL
        ("a\x9d0;title\x9cb", "ab"),  # 8-bit OSC and ST
        ("a\x1b[2J\x1b[1;31mb", "ab"),  # CSI: clear screen, colour
        ("a\x9b31mb", "ab"),  # 8-bit CSI
        ("a\x1bPq#0;2;0;0;0\x1b\\b", "ab"),  # DCS (sixel)
        ("a\x1bcb", "ab"),  # ESC c: reset the terminal
        ("a\x1b(Bb", "ab"),  # charset designation
        ("cut \x1b]0;never ended", "cut 0;never ended"),  # introducer dropped, text kept
        ("line\nforged\rline\ttab", "line forged line tab"),
        ("bell\x07 del\x7f nul\x00", "bell? del? nul?"),
        ("right\u202eto\u2066left\u2069", "right?to?left?"),
        ("undecodable \udcff byte", "undecodable \ufffd byte"),
        ("café ✓ 日本 e\u0301 👩\u200d💻", "café ✓ 日本 e\u0301 👩\u200d💻"),  # text stays
    ],
)
def test_printable_strips_terminal_control(raw: str, shown: str) -> None:
    assert printable(raw) == shown


def test_json_for_terminal_escapes_what_json_dumps_leaves_raw() -> None:
    data = {"path": f"/x/{HOSTILE}\x7f\udcff.txt", "text": "café ✓"}
    assert UNSAFE.search(json.dumps(data, ensure_ascii=False))  # C1 and DEL stay raw there
    text = json_for_terminal(data)
    assert not UNSAFE.search(text)
    assert "\\u001b]52;c;" in text and "\\u009b2J" in text and "café ✓" in text
    assert json.loads(text) == data  # the data itself is exact


# -- the real CLI ------------------------------------------------------------------------


def run_cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args, "--data-dir", str(data_dir)],
        capture_output=True,
        cwd=REPO,
        timeout=300,
        check=False,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",
    )


@pytest.fixture(scope="module")
def hostile_index(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """An index of a folder whose names and text carry escape sequences; returns
    (data dir, the indexed file, what ``index`` printed)."""
    root = tmp_path_factory.mktemp("hostile")
    docs = root / f"docs{TITLE}"
    docs.mkdir()
    note = docs / f"{HOSTILE}lighthouse.txt"
    note.write_text(
        f"The lighthouse keeper {CLIPBOARD}logs every storm {TITLE}in a leather book "
        f"{CSI_C1} and trims the lamp\u202e at dusk.",
        "utf-8",
    )
    (docs / f"{TITLE}{CSI_C1}empty.md").write_bytes(b"")  # fails: shows in status
    data_dir = root / "data"
    result = run_cli("index", str(docs), data_dir=data_dir)
    assert result.returncode == 1, result.stdout + result.stderr  # one file failed
    return data_dir, note, result.stdout


def test_index_output_holds_no_terminal_control(hostile_index: tuple[Path, Path, str]) -> None:
    printed = hostile_index[2]
    assert "empty.md" in printed
    assert not UNSAFE.search(printed), repr(printed)


def test_search_output_holds_no_terminal_control(hostile_index: tuple[Path, Path, str]) -> None:
    data_dir, _note, _printed = hostile_index
    result = run_cli("search", "lighthouse keeper storm", "--explain", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "lighthouse.txt" in result.stdout and "leather book" in result.stdout
    assert not UNSAFE.search(result.stdout), repr(result.stdout)


def test_status_output_holds_no_terminal_control(hostile_index: tuple[Path, Path, str]) -> None:
    data_dir, _note, _printed = hostile_index
    result = run_cli("status", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "empty.md" in result.stdout and "docs" in result.stdout
    assert not UNSAFE.search(result.stdout), repr(result.stdout)


def test_json_output_is_exact_and_holds_no_raw_control(
    hostile_index: tuple[Path, Path, str],
) -> None:
    data_dir, note, _printed = hostile_index
    result = run_cli("search", "lighthouse keeper storm", "--json", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert not UNSAFE.search(result.stdout), repr(result.stdout)
    assert json.loads(result.stdout)[0]["path"] == str(note)


def test_bold_marking_on_a_terminal_is_our_only_escape(
    hostile_index: tuple[Path, Path, str],
) -> None:
    """On a tty the matched words are bold: those escapes are ours, and the only ones."""
    data_dir, _note, _printed = hostile_index
    leader, follower = pty.openpty()
    try:
        process = subprocess.Popen(
            [*CLI, "search", "lighthouse keeper", "--mode", "lexical", "--data-dir", str(data_dir)],
            stdout=follower,
            stderr=subprocess.PIPE,
            cwd=REPO,
        )
        os.close(follower)
        output = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            output += chunk
        assert process.wait(timeout=300) == 0, process.stderr.read()  # type: ignore[union-attr]
        process.stderr.close()  # type: ignore[union-attr]
    finally:
        os.close(leader)
    text = output.decode("utf-8", "surrogateescape").replace("\r\n", "\n")
    assert "\x1b[1m" in text and "\x1b[0m" in text
    ours_removed = text.replace("\x1b[1m", "").replace("\x1b[0m", "")
    assert "lighthouse.txt" in ours_removed
    assert not UNSAFE.search(ours_removed), repr(text)
