"""Extraction throughput of spreadsheets, CSV, RTF and legacy .doc: files/s and MB/s
through ``read_and_extract``.

Generated in a temporary folder: a bills workbook of ``--rows`` rows (Date, Payee,
Category, Amount, Paid, Note) as xlsx and ods, a bank export of ``--csv-rows`` rows as CSV,
and an RTF letter of about ``--rtf-kb`` KB (font, colour and style tables, an info group,
formatted paragraphs with accents and Unicode escapes). With LibreOffice installed
(``soffice``), the xlsx is also converted to xls and the RTF to a Word 97 .doc; without
it those two are left out. Each file is read ``--runs`` times in this process, as the
guarded child reads a file; the best run counts.

    python benchmarks/extract_sheets.py [--rows 2000] [--csv-rows 5000] [--rtf-kb 50] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import machine
from desktop_search.extract.guard import read_and_extract
from tests.extract.sheetfactory import Cell, write_ods, write_xlsx

LIMIT = 50 * 1024 * 1024
PAYEES = [
    ("Northern Power Co", "Electricity"),
    ("AquaServe", "Water"),
    ("FiberNet", "Internet"),
    ("City Council", "Council tax"),
    ("GreenGrocer", "Groceries"),
    ("Harbour Garage", "Car"),
    ("Café du Port", "Eating out"),
    ("Lumen Pharmacy", "Health"),
]
WORDS = (  # noqa: SIM905
    "the garden plan for spring asks for carrots beans and lettuce along the south fence "
    "while the greenhouse keeps tomatoes peppers and basil warm until the frost has passed"
).split()


def bills(rng: random.Random, rows: int) -> list[list[Cell]]:
    table: list[list[Cell]] = [["Date", "Payee", "Category", "Amount", "Paid", "Note"]]
    day = dt.date(2020, 1, 1)
    for _ in range(rows):
        day += dt.timedelta(days=rng.randint(0, 2))
        payee, category = rng.choice(PAYEES)
        note = " ".join(rng.choices(WORDS, k=rng.randint(0, 6)))
        table.append(
            [day, payee, category, round(rng.uniform(3, 400), 2), rng.random() < 0.9, note]
        )
    return table


def write_csv(path: Path, rng: random.Random, rows: int) -> Path:
    lines = ["Date;Payee;Memo;Amount;Balance"]
    balance = 2500.0
    for row in bills(rng, rows)[1:]:
        amount = -float(row[3])  # type: ignore[arg-type]
        balance += amount
        memo = f'"{row[5]}, {row[2]}"'
        lines.append(f"{row[0]};{row[1]};{memo};{amount:.2f};{balance:.2f}".replace(".", ","))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


def write_rtf(path: Path, rng: random.Random, kilobytes: int) -> Path:
    head = (
        r"{\rtf1\ansi\ansicpg1252\deff0\deflang2057"
        r"{\fonttbl{\f0\froman\fcharset0\fprq2 Times New Roman;}{\f1\fswiss\fcharset0 Arial;}"
        r"{\f2\fmodern\fcharset0 Courier New;}}"
        r"{\colortbl;\red0\green0\blue0;\red31\green73\blue125;}"
        r"{\stylesheet{\s0\f0\fs24 Normal;}{\s1\f1\fs32\b heading 1;}}"
        r"{\info{\title Garden plan}{\author Ann}{\creatim\yr2024\mo3\dy2}}"
        "\n"
    )
    parts = [head]
    size = len(head)
    number = 0
    while size < kilobytes * 1024:
        number += 1
        if number % 12 == 1:
            block = rf"\pard\s1\f1\fs32\b Section {number // 12 + 1}\b0\par" + "\n"
        else:
            words = rng.choices(WORDS, k=rng.randint(30, 70))
            words[rng.randrange(len(words))] = r"caf\'e9"
            words[rng.randrange(len(words))] = r"\b greenhouse\b0"
            words[rng.randrange(len(words))] = r"\u8212?"
            block = r"\pard\s0\f0\fs24 " + " ".join(words).capitalize() + r".\par" + "\n"
        parts.append(block)
        size += len(block)
    parts.append("}")
    path.write_text("".join(parts), "ascii")
    return path


def convert(source: Path, target_format: str, folder: Path) -> Path | None:
    """``source`` converted by LibreOffice (None when it is not installed or fails)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    subprocess.run(
        [soffice, "--headless", "--convert-to", target_format, "--outdir", str(folder), source],
        check=False,
        capture_output=True,
        timeout=300,
    )
    converted = folder / f"{source.stem}.{target_format.split(':')[0]}"
    return converted if converted.exists() else None


def measure(path: Path, runs: int) -> dict[str, float]:
    best = float("inf")
    characters = 0
    for _ in range(runs):
        start = time.perf_counter()
        extracted = read_and_extract(path, LIMIT)
        best = min(best, time.perf_counter() - start)
        characters = len(extracted.text)
    size = path.stat().st_size
    return {
        "seconds": round(best, 4),
        "files_per_s": round(1 / best, 1),
        "mb_per_s": round(size / 1e6 / best, 2),
        "file_kb": round(size / 1024, 1),
        "text_kb": round(characters / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--csv-rows", type=int, default=5000)
    parser.add_argument("--rtf-kb", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rng = random.Random(11)
    with tempfile.TemporaryDirectory(prefix="extract-sheets-") as temp:
        root = Path(temp)
        sheets = {"Bills": bills(rng, args.rows)}
        files: dict[str, Path | None] = {
            "xlsx": write_xlsx(root / "bills.xlsx", sheets, title="Household accounts"),
            "ods": write_ods(root / "bills.ods", sheets, title="Household accounts"),
            "csv": write_csv(root / "bank.csv", rng, args.csv_rows),
            "rtf": write_rtf(root / "garden.rtf", rng, args.rtf_kb),
        }
        converted = root / "converted"
        converted.mkdir()
        files["xls"] = convert(root / "bills.xlsx", "xls", converted)
        files["doc"] = convert(root / "garden.rtf", "doc:MS Word 97", converted)
        results: dict[str, object] = {
            "rows": args.rows,
            "csv_rows": args.csv_rows,
            "rtf_kb": args.rtf_kb,
        }
        for name, path in files.items():
            results[name] = (
                measure(path, args.runs) if path else "skipped (needs LibreOffice's soffice)"
            )
        results["machine"] = machine.describe()
    machine.print_results(results, as_json=args.json)


if __name__ == "__main__":
    main()
