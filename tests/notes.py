"""Folders of plain notes for the daemon and CLI tests: each note carries a unique token
(``<tag><number>z``) that a lexical search finds, and enough words to make a few chunks."""

from __future__ import annotations

from pathlib import Path

WORDS = [
    "harbour",
    "lantern",
    "orchard",
    "meadow",
    "compass",
    "glacier",
    "harvest",
    "beacon",
    "quarry",
    "tundra",
]


def note_text(number: int, tag: str, words: int) -> str:
    body = " ".join(WORDS[(number * 3 + j) % len(WORDS)] + str(j % 97) for j in range(words))
    return f"Note {tag}{number}z. {body}\n"


def write_notes(folder: Path, count: int, tag: str, *, words: int = 0) -> list[Path]:
    """``count`` notes named ``<tag><number>.txt``; ``words`` 0 means 60 to 260 words."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"{tag}{i:04d}.txt"
        path.write_text(note_text(i, tag, words or 60 + i % 200), "utf-8")
        paths.append(path)
    return paths
