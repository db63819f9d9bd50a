"""OCR through the product path: seconds per page and character accuracy on scans of
known text.

Documents of the personal and multilingual collections (``--languages``, Latin-script
ones: docfactory's PDF writer holds Latin-1) are written as text PDFs, their pages rendered
at 300 dpi (``--dpi``) and saved as an image-only PDF, as a scanner writes it; the PDF
extractor then reads each scan with OCR (``read_and_extract`` with the OCR job's request),
and its text is compared with the text layer PDFium reads from the original: accuracy is
1 - edit distance / length, on whitespace-normalised text. The baseline, in the same
process: embedding the same page's text with the shipped English model, the work an
ordinary page costs the indexer (so "OCR costs N pages of embedding").

    python benchmarks/ocr.py [--documents 8] [--languages en,de,fr,es] [--dpi 300] [--json]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pypdfium2 as pdfium
from PIL import Image
from rapidfuzz.distance import Levenshtein

from benchmarks import machine
from benchmarks.folder_collection import Document
from benchmarks.multilingual_documents import DOCUMENTS as MULTILINGUAL
from benchmarks.personal_documents import DOCUMENTS as PERSONAL
from desktop_search.config.paths import default_model_dir
from desktop_search.embedding.encoder import Encoder
from desktop_search.extract.context import OcrRequest
from desktop_search.extract.guard import read_and_extract
from desktop_search.ocr.engine import recogniser
from tests.docfactory import write_pdf

LIMIT = 256 * 1024 * 1024
LINES_PER_PAGE = 45


def normalised(text: str) -> str:
    return " ".join(text.split())


def pages_of(document: Document) -> list[str]:
    """The document's text as pages that fit docfactory's one-page layout (80 x 45)."""
    words = " ".join(document.paragraphs).split()
    pages, line, lines, page = [], "", 0, []
    for word in words:
        if len(line) + len(word) + 1 > 80:
            page.append(line)
            line, lines = "", lines + 1
            if lines == LINES_PER_PAGE:
                pages.append(" ".join(page))
                page, lines = [], 0
        line = f"{line} {word}".strip()
    page.append(line)
    pages.append(" ".join(page))
    return [p for p in pages if p.strip()]


def latin1(document: Document) -> bool:
    try:
        " ".join(document.paragraphs).encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def chosen(count: int, languages: list[str]) -> list[Document]:
    found: list[Document] = []
    for language in languages:
        pool = PERSONAL if language == "en" else MULTILINGUAL
        ours = [d for d in pool if d.language == language and d.paragraphs and latin1(d)]
        found += ours[:count]
    return found


def scan(source: Path, target: Path, dpi: int) -> int:
    document = pdfium.PdfDocument(str(source))
    try:
        images: list[Image.Image] = [
            page.render(scale=dpi / 72).to_pil().convert("RGB") for page in document
        ]
    finally:
        document.close()
    images[0].save(target, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return len(images)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=8, help="per language")
    parser.add_argument("--languages", default="en,de,fr,es")
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    encoder = Encoder(default_model_dir(""), threads=2)
    load_started = time.perf_counter()
    recogniser()
    load_s = time.perf_counter() - load_started
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="ocr-bench-") as scratch:
        folder = Path(scratch)
        for n, document in enumerate(chosen(args.documents, args.languages.split(","))):
            original = write_pdf(folder / f"{n}.pdf", pages_of(document), document.title)
            known = read_and_extract(original, LIMIT).text
            pages = scan(original, folder / f"{n}-scan.pdf", args.dpi)
            started = time.perf_counter()
            read = read_and_extract(
                folder / f"{n}-scan.pdf", LIMIT, OcrRequest(run=True, cache_dir=folder / "cache")
            )
            ocr_s = time.perf_counter() - started
            started = time.perf_counter()
            encoder.encode([known])
            embed_s = time.perf_counter() - started
            a, b = normalised(known), normalised(read.text)
            rows.append(
                {
                    "document": document.path,
                    "language": document.language,
                    "pages": pages,
                    "characters": len(a),
                    "accuracy": round(1 - Levenshtein.distance(a, b) / max(len(a), 1), 4),
                    "s_per_page": round(ocr_s / pages, 2),
                    "ratio_to_embedding": round(ocr_s / max(embed_s, 1e-6)),
                }
            )
            if not args.json:
                print(rows[-1], flush=True)
    by_language: dict[str, dict[str, float]] = {}
    for language in args.languages.split(","):
        ours = [r for r in rows if r["language"] == language]
        if ours:
            by_language[language] = {
                "documents": len(ours),
                "accuracy_mean": round(statistics.mean(float(r["accuracy"]) for r in ours), 4),
                "accuracy_min": min(float(r["accuracy"]) for r in ours),
                "s_per_page_median": statistics.median(float(r["s_per_page"]) for r in ours),
            }
    machine.print_results(
        {
            "dpi": args.dpi,
            "model_load_s": round(load_s, 2),
            "by_language": by_language,
            "documents": rows,
            "machine": machine.describe(),
        },
        as_json=args.json,
    )


if __name__ == "__main__":
    main()
