"""A folder of hostile files beside good ones, for the bad-input tests."""

from __future__ import annotations

import os
from pathlib import Path

from tests import docfactory

NOBODY = 65534


def unprivileged_prefix(secret: Path) -> list[str]:
    """Make ``secret`` unreadable for the command that the returned prefix starts.

    Root reads any file, so as root the command runs without the capabilities that bypass
    file permissions, and the secret belongs to another user with mode 0600."""
    if os.geteuid() != 0:
        secret.chmod(0)
        return []
    os.chown(secret, NOBODY, NOBODY)
    secret.chmod(0o600)
    caps = "-dac_override,-dac_read_search"
    return ["setpriv", "--bounding-set", caps, "--inh-caps", caps, "--"]


def build_hostile_folder(root: Path) -> tuple[Path, dict[str, str]]:
    """Good files beside bad ones; returns the folder and {bad name: expected reason part}."""
    docs = root / "docs"
    docs.mkdir()
    (docs / "good-note.txt").write_text(
        "Whales communicate with long low songs across the ocean.", "utf-8"
    )
    docfactory.write_docx(
        docs / "good-letter.docx", ["The volcano erupted and ash covered the village for a week."]
    )
    (docs / "corrupt.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\n1 0 obj <</Length 99>> stream\n\xff")
    (docs / "corrupt.docx").write_bytes(b"PK\x03\x04\x14\x00garbage that is not a zip archive")
    docfactory.write_zip_bomb_docx(docs / "bomb.docx", expanded_mb=300)
    (docs / "junk.txt").write_bytes(bytes(range(256)) * 64)
    (docs / "empty.md").write_bytes(b"")
    (docs / "long-line.txt").write_text("glacier " * 200_000, "utf-8")  # one 1.6 MB line
    (docs / "secret.txt").write_text("Top secret plans.", "utf-8")
    os.symlink(docs, docs / "loop")
    odd = os.fsencode(str(docs)) + b"/caf\xe9-menu.txt"
    with open(odd, "wb") as fh:
        fh.write(b"The menu lists espresso, croissants and hot chocolate.")
    expected = {
        "corrupt.pdf": "",  # pypdf's wording varies; any recorded reason will do
        "corrupt.docx": "corrupt DOCX",
        "bomb.docx": "zip bomb",
        "junk.txt": "binary data",
        "empty.md": "empty file",
        "secret.txt": "permission denied",
        "loop": "symbolic link loop",
    }
    return docs, expected
