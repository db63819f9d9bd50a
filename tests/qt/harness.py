"""A real daemon on a small real folder, for the window and tray tests."""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Iterator
from pathlib import Path

from desktop_search.daemon.client import DaemonClient
from tests.daemon.harness import RunningDaemon, wait_for
from tests.docfactory import write_pdf

CATS = [
    "Kittens and cats: whiskers, purring and feline habits. A kitten purrs when it is content.",
    "Feline care for a new kitten: brush the fur, keep the whiskers untouched, and let it purr.",
    "Why do cats purr? Purring felines, kitten whiskers and what the sounds mean to owners.",
]


def build_gui_corpus(root: Path) -> tuple[Path, Path]:
    """Two folders: 'notes' (text, Markdown, a PDF and a broken PDF) and 'archive'."""
    notes, archive = root / "notes", root / "archive"
    notes.mkdir(parents=True)
    archive.mkdir()
    for number, text in enumerate(CATS, 1):
        (notes / f"cats{number}.txt").write_text(text, "utf-8")
    (notes / "sauce.txt").write_text(
        "Recipe: slow-cooked tomato sauce with garlic, basil and olive oil for pasta.", "utf-8"
    )
    (notes / "budget.md").write_text(
        "# Budget\n\nQuarterly budget report: revenue grew while travel expenses were cut.",
        "utf-8",
    )
    write_pdf(
        notes / "pasta.pdf",
        ["Fresh pasta dough: flour, eggs and a pinch of salt, kneaded and rested."],
        title="Pasta",
    )
    (notes / "broken.pdf").write_bytes(b"%PDF-1.4\nthis is not really a PDF at all\n")
    (archive / "lighthouse.txt").write_text(
        "The lighthouse keeper watched storms batter the rocky coast every winter night.",
        "utf-8",
    )
    return notes, archive


class RuntimeDir:
    """``XDG_RUNTIME_DIR`` pointed at a private folder for as long as it is entered."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.saved = os.environ.get("XDG_RUNTIME_DIR")

    def __enter__(self) -> Path:
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.environ["XDG_RUNTIME_DIR"] = str(self.folder)
        return self.folder

    def __exit__(self, *exc: object) -> None:
        if self.saved is None:
            os.environ.pop("XDG_RUNTIME_DIR", None)
        else:
            os.environ["XDG_RUNTIME_DIR"] = self.saved


@contextlib.contextmanager
def running_daemon(root: Path) -> Iterator[RunningDaemon]:
    notes, archive = build_gui_corpus(root / "files")
    with RuntimeDir(root / "run") as runtime:
        daemon = RunningDaemon(root / "data", [notes, archive], runtime)
        daemon.start()
        daemon.idle()
        try:
            yield daemon
        finally:
            process = daemon.process
            if process is not None and process.poll() is None:
                daemon.stop()
            elif process is not None:  # it stopped by itself (the tray's Quit)
                for stream in (process.stdout, process.stderr):
                    if stream is not None:
                        stream.close()


def stop_daemon_of(data_dir: Path) -> None:
    """Stop a daemon some client started (its pid is in the lock file)."""
    client = DaemonClient(data_dir, timeout_s=10)
    if not client.available():
        return
    pid = int((data_dir / "daemon.lock").read_text().split()[0])
    os.kill(pid, signal.SIGTERM)
    wait_for(lambda: not client.path.exists(), what="the daemon to stop")
