"""Fault injection: kill -9 the daemon at 50 moments while it works (starting up, extracting,
embedding, committing, saving the vector file, applying a settings change, removing a
folder), change the files between runs, restart it each time, and compare the final index
with the disk.

Most kills are placed by strace's fault injection: the daemon's worker (its main thread) is
killed on its Nth call of a chosen system call (``write`` to the extractor's pipe or a log,
``poll`` while an extraction runs, ``pwrite64`` of a SQLite commit, ``fsync`` and ``rename``
of the vector file's atomic save and of settings.json), so the kill lands inside that step,
whatever the machine's speed. The others strike after a random delay.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop_search.config.model_choice import ENGLISH_MODEL
from desktop_search.config.paths import default_model_dir
from desktop_search.config.settings import Settings
from desktop_search.embedding.manifest import ModelManifest
from desktop_search.indexer.pipeline import content_hash
from desktop_search.storage.store import IndexStore
from tests.daemon.harness import REPO, RunningDaemon, wait_for

FILES = 240
EXCLUDED = "*-skip.txt"
WORDS = [
    "river",
    "mountain",
    "harbour",
    "glacier",
    "desert",
    "forest",
    "meadow",
    "canyon",
    "island",
    "valley",
    "volcano",
    "prairie",
    "lagoon",
    "tundra",
    "delta",
    "plateau",
    "estuary",
    "reef",
    "marsh",
    "savanna",
]
# (system call, range of N): the worker's Nth call of it is where the kill lands.
# Counted from the daemon's start; most runs have only a few changed files to do.
SYSCALL_POINTS = [
    ("write", (5, 80)),  # a log line, the vector file's contents
    ("pwrite64", (3, 120)),  # SQLite commits (WAL pages)
    ("fsync", (1, 3)),  # the vector file's atomic save, settings.json
    ("rename", (1, 3)),  # the same two, at their replace step
]
HEAVY_MARKUP = '<div class="a"><span data-x="1"></span></div>' * 30_000  # ~0.4 s to parse


def note(rng: random.Random, number: int) -> str:
    body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 400)))
    return f"Note {number} token{number}x. {body}\n"


def catalog_value(data_dir: Path, sql: str) -> float:
    path = data_dir / "catalog.sqlite3"
    if not path.exists():
        return 0
    with contextlib.closing(sqlite3.connect(path, timeout=30)) as conn:
        try:
            row = conn.execute(sql).fetchone()
        except sqlite3.DatabaseError:  # killed before the schema was written
            return 0
    return float(row[0] or 0)


def indexed_count(data_dir: Path) -> int:
    return int(catalog_value(data_dir, "SELECT COUNT(*) FROM files WHERE status = 'indexed'"))


def last_commit(data_dir: Path) -> float:
    """When the daemon last committed a file (time.time() clock)."""
    return catalog_value(data_dir, "SELECT MAX(indexed_at) FROM files")


@dataclass
class World:
    """The user's folders, as the daemon should end up seeing them."""

    docs: Path
    extra: Path
    rng: random.Random
    number: int = FILES
    extra_watched: bool = True
    excluding: bool = False

    def change(self) -> None:
        """Edits, deletions and new files, made while the daemon is dead (or running)."""
        files = sorted(self.docs.rglob("*.txt"))
        for path in self.rng.sample(files, 3):
            path.write_text(note(self.rng, self.number), "utf-8")
            self.number += 1
        for path in self.rng.sample(sorted(self.docs.rglob("*.txt")), 2):
            path.unlink()
        for suffix in ("", "-skip"):
            (self.docs / f"new{self.number}{suffix}.txt").write_text(
                note(self.rng, self.number), "utf-8"
            )
            self.number += 1
        (self.extra / f"extra{self.number}.txt").write_text(note(self.rng, self.number), "utf-8")
        self.number += 1
        # A page whose extraction takes a while: kills can land inside it.
        heavy = self.docs / f"page{self.number}.html"
        heavy.write_text(
            f"<html><body><p>Page token{self.number}x.</p>{HEAVY_MARKUP}</body></html>",
            "utf-8",
        )
        self.number += 1
        pages = sorted(self.docs.glob("page*.html"), key=lambda p: p.stat().st_mtime_ns)
        for old in pages[:-3]:
            old.unlink()

    def expected(self) -> dict[str, str]:
        folders = [self.docs, self.extra] if self.extra_watched else [self.docs]
        return {
            str(path): content_hash(str(path))
            for folder in folders
            for path in folder.rglob("*")
            if path.suffix in (".txt", ".html")
            and not (self.excluding and path.name.endswith("-skip.txt"))
        }


def settings_patterns(world: World) -> list[str]:
    return [EXCLUDED] if world.excluding else []


def cpu_ticks(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return -1
    return int(fields[11]) + int(fields[12])


def extractor_busy(daemon_pid: int, timeout_s: float = 60) -> bool:
    """Wait until the daemon's extractor process is working on a file (its CPU time goes
    up); False if that does not happen in time."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for child in children(daemon_pid):
            try:
                command = Path(f"/proc/{child}/cmdline").read_bytes()
            except OSError:
                continue
            if b"spawn_main" not in command:
                continue
            before = cpu_ticks(child)
            time.sleep(0.1)
            if before >= 0 and cpu_ticks(child) >= before + 3:
                return True
        time.sleep(0.02)
    return False


def out_of_work(daemon: RunningDaemon) -> bool:
    try:
        status = daemon.client.call("status")
    except Exception:
        return False
    return bool(status["state"] == "idle" and not status["files_pending"])


def children(pid: int) -> list[int]:
    """The direct children of a process (Linux)."""
    found: list[int] = []
    with contextlib.suppress(OSError):
        for task in os.listdir(f"/proc/{pid}/task"):
            text = Path(f"/proc/{pid}/task/{task}/children").read_text()
            found += [int(child) for child in text.split()]
    return found


def kill_daemon(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL the daemon itself: ``process``, or (under strace) strace's child."""
    if process.poll() is None:
        for pid in children(process.pid) if process.args[0] == "strace" else []:  # type: ignore[index]
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError):
            process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)


@pytest.mark.slow
def test_kill_minus_nine_at_fifty_points_loses_and_duplicates_nothing(
    tmp_path: Path, runtime: Path
) -> None:
    if shutil.which("strace") is None:
        pytest.skip("strace is needed to place the kills (scripts/setup-system test)")
    rng = random.Random(20261125)
    docs, extra = tmp_path / "docs", tmp_path / "extra"
    (docs / "sub").mkdir(parents=True)
    extra.mkdir()
    for i in range(FILES):
        name = f"n{i:03d}{'-skip' if i % 10 == 0 else ''}.txt"
        (docs / ("sub" if i % 4 == 0 else "") / name).write_text(note(rng, i), "utf-8")
    for i in range(12):
        (extra / f"e{i:02d}.txt").write_text(note(rng, 1000 + i), "utf-8")
    world = World(docs, extra, rng)
    daemon = RunningDaemon(tmp_path / "data", [docs, extra], runtime)
    # The runs below start the daemon directly: never waiting for a busy machine, and on
    # the model the final check opens the index with (no automatic move mid-test).
    Settings(pause_when_busy=False, model_dir=ENGLISH_MODEL).save(daemon.data_dir)
    plan: list[tuple[str, str, int]] = []
    syscalls = itertools.cycle(SYSCALL_POINTS)
    for point in range(50):
        if point % 10 == 0:
            plan.append(("startup", "", 0))
        elif point % 10 == 5:
            plan.append(("timed", "", 0))
        elif point % 10 in (2, 7):
            plan.append(("extracting", "", 0))
        else:
            call, (low, high) = next(syscalls)
            plan.append(("syscall", call, rng.randint(low, high)))
    landed: Counter[str] = Counter()
    for point, (kind, call, nth) in enumerate(plan):
        prefix: list[str] = []
        if kind == "syscall":
            prefix = ["strace", "-qq", "-o", os.devnull, "-e", f"trace={call}"]
            prefix += ["-e", f"inject={call}:signal=KILL:when={nth}"]
        started = time.time()
        process = subprocess.Popen(
            daemon.command(prefix),
            cwd=REPO,
            env=daemon.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        action = point % 7
        if kind == "startup":
            time.sleep(rng.uniform(0.1, 2.5))
        else:
            with contextlib.suppress(Exception):
                wait_for(
                    lambda proc=process: proc.poll() is not None or daemon.client.available(),  # type: ignore[misc]
                    90,
                    "the daemon to answer (or to die of the injected kill)",
                )
                if process.poll() is not None:
                    raise ProcessLookupError("killed while starting")
                if action == 1:  # a settings change: exclusions on or off (a rescan)
                    world.excluding = not world.excluding
                    daemon.client.call(
                        "set_settings", changes={"exclude_patterns": settings_patterns(world)}
                    )
                elif action == 3:  # a folder removed, or added back
                    method = "remove_folder" if world.extra_watched else "add_folder"
                    daemon.client.call(method, path=str(extra))
                    world.extra_watched = not world.extra_watched
                elif action == 5:
                    world.change()  # the world changes while it runs
            if kind == "extracting":
                if extractor_busy(process.pid):
                    landed["extracting:inside"] += 1
            elif kind == "timed":
                deadline = time.monotonic() + 60
                while last_commit(daemon.data_dir) < started and time.monotonic() < deadline:
                    time.sleep(0.05)
                time.sleep(rng.uniform(0.0, 1.0))
            else:  # wait for the injected kill, or for the daemon to run out of work
                deadline = time.monotonic() + 120
                while process.poll() is None and time.monotonic() < deadline:
                    if out_of_work(daemon):
                        break
                    time.sleep(0.1)
        died_by_itself = process.poll() is not None
        kill_daemon(process)
        landed[f"{kind}:{call}" if died_by_itself else f"{kind}:{call}:afterwards"] += 1
        world.change()

    daemon.start()
    daemon.client.call(
        "set_settings",
        changes={
            "exclude_patterns": settings_patterns(world),
            "folders": [str(docs), str(extra)] if world.extra_watched else [str(docs)],
        },
    )
    status = daemon.idle()
    assert daemon.stop() == 0
    print(f"kills: {dict(sorted(landed.items()))}")
    injected = sum(
        n for key, n in landed.items() if key.startswith("syscall") and "after" not in key
    )
    assert injected >= 20, f"too few injected kills landed while the daemon worked: {landed}"

    expected = world.expected()
    manifest = ModelManifest.load(default_model_dir())
    store = IndexStore(daemon.data_dir, model_name=manifest.name, dimensions=manifest.dimensions)
    try:
        catalog = store.catalog
        rows = catalog.conn.execute(
            "SELECT path, status, content_hash, chunk_count FROM files"
        ).fetchall()
        indexed = {os.fsdecode(bytes(r[0])): r[2] for r in rows if r[1] == "indexed"}
        assert {r[1] for r in rows} == {"indexed"}, "pending or failed rows left over"
        assert indexed == expected  # every file once, with the content now on disk
        chunk_rows = catalog.conn.execute("SELECT file_id, ordinal FROM chunks").fetchall()
        assert max(Counter(map(tuple, chunk_rows)).values()) == 1, "duplicated chunks"
        per_file = Counter(r[0] for r in chunk_rows)
        counts = {
            int(r[0]): int(r[1]) for r in catalog.conn.execute("SELECT id, chunk_count FROM files")
        }
        assert per_file == Counter(counts)
        fts_rows = catalog.conn.execute("SELECT COUNT(*) FROM chunk_fts").fetchone()[0]
        assert fts_rows == len(chunk_rows)
        assert store.vectors.keys() == catalog.chunk_ids()
        assert catalog.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        store.close()
    assert status["files_indexed"] == len(expected)
    saved = json.loads((daemon.data_dir / "settings.json").read_text("utf-8"))
    assert saved["exclude_patterns"] == settings_patterns(world)
    # Every surviving file is findable by its own unique token.
    daemon.start()
    for name in rng.sample(sorted(p for p in expected if p.endswith(".txt")), 10):
        token = Path(name).read_text("utf-8").split()[2]  # 'tokenNx.'
        hits = daemon.client.call("search", query=token.strip("."), mode="lexical", k=1)
        assert hits and hits[0]["path"] == name
    daemon.stop()
