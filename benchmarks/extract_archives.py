"""Extraction throughput of archives: members/s and MB/s through ``read_and_extract``.

A zip and a tar.gz of the same 200 small members (half docx, half plain text, a few KB of
English-like prose each, in 10 folders) are generated in a temporary folder and each read
whole ``--runs`` times in this process, as the guarded child reads a file; the best run
counts. MB/s is given for the archive's own bytes and for its members' unpacked bytes.

    python benchmarks/extract_archives.py [--members 200] [--runs 3] [--json]
"""

from __future__ import annotations

import argparse
import random
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import machine
from desktop_search.extract.guard import read_and_extract
from tests import docfactory

NOUNS = ["garden", "river", "market", "letter", "budget", "harbour", "engine", "village"]
VERBS = ["plants", "repairs", "sells", "writes", "checks", "crosses", "paints", "orders"]
OTHERS = ["the", "a", "every", "our", "in", "before", "after", "with", "near", "winter"]
LIMIT = 50 * 1024 * 1024


def prose(rng: random.Random, paragraphs: int) -> list[str]:
    return [
        " ".join(
            f"{rng.choice(OTHERS)} {rng.choice(NOUNS)} {rng.choice(VERBS)}"
            for _ in range(rng.randint(20, 40))
        ).capitalize()
        + "."
        for _ in range(paragraphs)
    ]


def write_members(folder: Path, count: int) -> list[Path]:
    """``count`` members, alternately docx and txt, in 10 subfolders."""
    rng = random.Random(7)
    paths = []
    for number in range(count):
        sub = folder / f"folder{number % 10}"
        sub.mkdir(parents=True, exist_ok=True)
        paragraphs = prose(rng, rng.randint(3, 6))
        if number % 2:
            path = sub / f"note{number:03d}.txt"
            path.write_text("\n\n".join(paragraphs), "utf-8")
        else:
            path = docfactory.write_docx(sub / f"letter{number:03d}.docx", paragraphs)
        paths.append(path)
    return paths


def measure(path: Path, members: int, unpacked: int, runs: int) -> dict[str, float]:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        extracted = read_and_extract(path, LIMIT)
        best = min(best, time.perf_counter() - start)
        if extracted.skipped_members:
            raise SystemExit(f"{path.name}: members skipped: {extracted.skipped_members[:3]}")
    return {
        "seconds": round(best, 3),
        "members_per_s": round(members / best, 1),
        "archive_mb_per_s": round(path.stat().st_size / 1e6 / best, 2),
        "unpacked_mb_per_s": round(unpacked / 1e6 / best, 2),
        "archive_mb": round(path.stat().st_size / 1e6, 3),
        "unpacked_mb": round(unpacked / 1e6, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="extract-archives-") as temp:
        root = Path(temp)
        source = root / "source"
        paths = write_members(source, args.members)
        unpacked = sum(p.stat().st_size for p in paths)
        archive_zip = root / "members.zip"
        with zipfile.ZipFile(archive_zip, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in paths:
                archive.write(path, str(path.relative_to(source)))
        archive_tgz = root / "members.tar.gz"
        with tarfile.open(archive_tgz, "w:gz") as tar:
            for path in paths:
                tar.add(path, arcname=str(path.relative_to(source)))
        results: dict[str, object] = {
            "members": args.members,
            "zip": measure(archive_zip, args.members, unpacked, args.runs),
            "tar_gz": measure(archive_tgz, args.members, unpacked, args.runs),
            "machine": machine.describe(),
        }
    machine.print_results(results, as_json=args.json)


if __name__ == "__main__":
    main()
