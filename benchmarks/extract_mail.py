"""Mail extraction throughput: a generated mbox through ``read_and_extract``, in process.

Three mailboxes of the same messages: plain text only; a plain and an HTML body each
(multipart/alternative); and the second with an attachment on every tenth message (a
small text file, and a one-page PDF on every fiftieth). Each is extracted ``--runs``
times; the best run gives messages/s and MB/s of mbox.

    python benchmarks/extract_mail.py [--messages 2000] [--runs 3] [--json]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import machine
from desktop_search.extract.guard import read_and_extract
from tests import docfactory

PROSE = (
    "budget meeting garden invoice travel flight hotel project deadline report draft "
    "review kitchen recipe doctor appointment school holiday weather train ticket "
    "contract payment account password delivery parcel birthday dinner concert museum"
)
WORDS = PROSE.split(" ")
LIMIT = 512 * 1024 * 1024


def paragraph(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def make_message(rng: random.Random, number: int, html: bool, pdf: bytes | None) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = f"Sender {number % 37} <sender{number % 37}@example.com>"
    mail["To"] = "Reader <reader@example.com>"
    mail["Subject"] = paragraph(rng, 6)
    mail["Date"] = f"Tue, {1 + number % 28:02d} Mar 2024 09:{number % 60:02d}:00 +0000"
    body = "\n\n".join(paragraph(rng, rng.randint(20, 80)) for _ in range(rng.randint(2, 6)))
    mail.set_content(body)
    if html:
        markup = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
        mail.add_alternative(f"<html><body>{markup}</body></html>", subtype="html")
    if pdf is not None and number % 10 == 0:
        mail.add_attachment(paragraph(rng, 60).encode(), "text", "plain", filename="notes.txt")
        if number % 50 == 0:
            mail.add_attachment(pdf, "application", "pdf", filename="report.pdf")
    return mail


def write_mbox(path: Path, count: int, *, html: bool, pdf: bytes | None) -> None:
    rng = random.Random(42)
    with path.open("wb") as out:
        for number in range(count):
            out.write(b"From sender@example.com Tue Mar  5 09:30:00 2024\n")
            out.write(make_message(rng, number, html, pdf).as_bytes())
            out.write(b"\n")


def measure(path: Path, count: int, runs: int) -> dict[str, float]:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        extracted = read_and_extract(path, LIMIT)
        best = min(best, time.perf_counter() - start)
    size_mb = path.stat().st_size / 1e6
    return {
        "messages": count,
        "mbox_mb": round(size_mb, 2),
        "text_mb": round(len(extracted.text) / 1e6, 2),
        "seconds": round(best, 3),
        "messages_per_s": round(count / best),
        "mb_per_s": round(size_mb / best, 2),
        "sections": len(extracted.sections),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results: dict[str, object] = {"machine": machine.describe()}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pdf = docfactory.write_pdf(folder / "report.pdf", ["Quarterly report. " * 40]).read_bytes()
        for name, html, attachments in (
            ("plain", False, None),
            ("plain+html", True, None),
            ("plain+html+attachments", True, pdf),
        ):
            path = folder / f"{name}.mbox"
            write_mbox(path, args.messages, html=html, pdf=attachments)
            results[name] = measure(path, args.messages, args.runs)
    machine.print_results(results, as_json=args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
