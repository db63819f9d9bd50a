"""Screenshots of the real application on a virtual X display (Xvfb), as a user sees it.

Indexes a sample folder (one file of every format, plus BEIR abstracts as "research
notes") with the real daemon, starts the tray indexer in a real system tray (trayer) and
the search window, types a query with xdotool, and saves PNGs: the window (light and
dark), the preview after moving down the results, the settings dialog, and the tray.

Needs Debian's xvfb, trayer, xdotool and imagemagick (see README).

    python benchmarks/screenshots.py [--out build/screenshots] [--query "..."]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import beir
from benchmarks.freshness import wait_idle, wait_started
from desktop_search.daemon.client import DaemonClient
from tests.corpus import build_sample_folder
from tests.ocr.scanned import scanned_pdf

REPO = Path(__file__).resolve().parents[1]
TOOLS = ("Xvfb", "trayer", "xdotool", "import")
DISPLAY = ":57"
SIZE = "1280x800x24"


def run(*command: str, env: dict[str, str], check: bool = True) -> str:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if check and done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {done.stderr.strip()}")
    return done.stdout.strip()


def wait_for_window(name: str, env: dict[str, str], timeout_s: float = 30) -> str:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        found = run("xdotool", "search", "--onlyvisible", "--name", name, env=env, check=False)
        if found:
            return found.splitlines()[-1]
        time.sleep(0.2)
    raise RuntimeError(f"no window named {name!r} appeared")


def shoot(target: str, path: Path, env: dict[str, str]) -> Path:
    run("import", "-window", target, str(path), env=env)
    print(f"saved {path}")
    return path


FORMAT_QUERIES = {
    "window-mail.png": "teeth cleaning",
    "window-archive.png": "carpentry project in the shed",
    "window-mailbox.png": "children's outing to watch marine animals",
    "window-scan.png": "mending a bike puncture",
}


def shoot_formats(
    out: Path,
    documents: Path,
    data_dir: Path,
    client: DaemonClient,
    env: dict[str, str],
    start: Callable[..., subprocess.Popen[bytes]],
) -> None:
    """Results from inside a mail, an archive, a mailbox and a photo; then the OCR job at
    work on a scanned letter (window and tray)."""
    cli = [sys.executable, "-m", "desktop_search"]
    data = str(data_dir)
    for name, query in FORMAT_QUERIES.items():
        gui = start(*cli, "gui", "--data-dir", data, query)
        window = wait_for_window("Desktop Search", env)
        run("xdotool", "windowactivate", "--sync", window, env=env, check=False)
        time.sleep(3.0)
        shoot(window, out / name, env)
        gui.terminate()
        gui.wait(timeout=30)
    letter = [
        "Northgate Housing Association",
        "Notice of a rent increase from 1 April 2025",
        "Your weekly rent for 14 Rowan Street will rise from 162.40 to 168.90 pounds.",
        "Service charges for the shared garden and the lift stay the same.",
    ]
    scanned_pdf(documents / "scan-2025-03-02.pdf", [letter] * 6)
    gui = start(*cli, "gui", "--data-dir", data)
    window = wait_for_window("Desktop Search", env)
    deadline = time.monotonic() + 120
    while client.call("status")["state"] != "reading scans" and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(2.5)  # a status poll and a page or two
    shoot(window, out / "window-reading-scans.png", env)
    shoot("root", out / "desktop-reading-scans.png", env)
    wait_idle(client)
    run("xdotool", "windowactivate", "--sync", window, env=env, check=False)
    run("xdotool", "type", "--delay", "70", "how much more will I pay for the flat", env=env)
    time.sleep(3.0)
    shoot(window, out / "window-scan-found.png", env)
    gui.terminate()
    gui.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "build" / "screenshots")
    parser.add_argument("--query", default="how do plants make food from light")
    parser.add_argument("--notes", type=int, default=150, help="BEIR abstracts as notes")
    parser.add_argument(
        "--change-model",
        default="",
        help="at the end, switch to this shipped model and shoot the window while it changes",
    )
    parser.add_argument(
        "--formats",
        action="store_true",
        help="at the end, search the sample's mail, archive and photographed receipt, then "
        "add a scanned letter and shoot the window and the tray while OCR reads it",
    )
    args = parser.parse_args()
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        print(f"missing: {', '.join(missing)} (apt-get install xvfb trayer xdotool imagemagick)")
        return 2
    args.out.mkdir(parents=True, exist_ok=True)

    work = Path(tempfile.mkdtemp(prefix="ds-shots-"))
    home = work / "home"
    documents = build_sample_folder(home / "Documents")
    notes = home / "Documents" / "Research notes"
    notes.mkdir()
    collection = beir.load(beir.SCIFACT)
    for number, (title, text) in enumerate(list(collection.corpus.values())[: args.notes]):
        (notes / f"abstract-{number:03d}.md").write_text(f"# {title}\n\n{text}\n", "utf-8")
    (documents / "photosynthesis.md").write_text(
        "# Photosynthesis\n\nGreen plants capture sunlight with chlorophyll in their leaves "
        "and turn carbon dioxide and water into sugar, releasing oxygen. The light "
        "reactions happen in the thylakoid membranes; the Calvin cycle fixes carbon.\n",
        "utf-8",
    )
    runtime = work / "run"
    runtime.mkdir(mode=0o700)
    data = work / "data"
    env = {
        **os.environ,
        "DISPLAY": DISPLAY,
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(runtime),
        "XDG_CONFIG_HOME": str(home / ".config"),
    }
    env.pop("QT_QPA_PLATFORM", None)
    os.environ["XDG_RUNTIME_DIR"] = str(runtime)
    cli = [sys.executable, "-m", "desktop_search"]
    processes: list[subprocess.Popen[bytes]] = []

    def start(*command: str, extra: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(
            command, env={**env, **(extra or {})}, cwd=REPO, stdout=subprocess.DEVNULL
        )
        processes.append(process)
        return process

    try:
        start("Xvfb", DISPLAY, "-screen", "0", SIZE, "-nolisten", "tcp")
        time.sleep(1.0)
        start(
            "trayer",
            "--edge",
            "top",
            "--align",
            "right",
            "--widthtype",
            "request",
            "--height",
            "28",
            "--transparent",
            "false",
            "--tint",
            "0x303030",
        )
        start(*cli, "daemon", "--data-dir", str(data), "--folder", str(documents))
        client = DaemonClient(data, timeout_s=60)
        wait_started(client)
        wait_idle(client)

        start(*cli, "tray", "--data-dir", str(data))
        time.sleep(3.0)
        shoot("root", args.out / "desktop-with-tray.png", env)

        for scheme in ("light", "dark"):
            gui = start(
                *cli,
                "gui",
                "--data-dir",
                str(data),
                extra={"DESKTOP_SEARCH_COLOR_SCHEME": scheme},
            )
            window = wait_for_window("Desktop Search", env)
            run("xdotool", "windowactivate", "--sync", window, env=env, check=False)
            run("xdotool", "windowfocus", "--sync", window, env=env, check=False)
            time.sleep(1.5)
            if scheme == "light":
                shoot(window, args.out / "window-empty.png", env)
            run("xdotool", "type", "--delay", "70", args.query, env=env)
            time.sleep(3.0)
            shoot(window, args.out / f"window-results-{scheme}.png", env)
            if scheme == "light":
                run("xdotool", "key", "Down", "Down", env=env)
                time.sleep(1.5)
                shoot(window, args.out / "window-preview.png", env)
                run("xdotool", "key", "ctrl+comma", env=env)
                dialog = wait_for_window("Settings", env)
                time.sleep(1.5)
                shoot(dialog, args.out / "settings-dialog.png", env)
                run("xdotool", "key", "--window", dialog, "Escape", env=env, check=False)
            gui.terminate()
            gui.wait(timeout=30)
        if args.change_model:
            client.call("set_settings", changes={"model_dir": args.change_model})
            gui = start(*cli, "gui", "--data-dir", str(data))
            window = wait_for_window("Desktop Search", env)
            run("xdotool", "windowactivate", "--sync", window, env=env, check=False)
            time.sleep(1.5)
            run("xdotool", "type", "--delay", "70", args.query, env=env)
            time.sleep(3.0)
            shoot(window, args.out / "window-changing-model.png", env)
            shoot("root", args.out / "desktop-changing-model.png", env)
            gui.terminate()
            gui.wait(timeout=30)
        if args.formats:
            shoot_formats(args.out, documents, data, client, env, start)
    finally:
        for process in reversed(processes):
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
