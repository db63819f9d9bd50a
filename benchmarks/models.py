"""The shipped models side by side: size on disk, load time, memory, and embedding speed
on the same texts in the same process (the ratio to all-MiniLM-L6-v2 is the figure that
holds on another machine).

The texts are the documents of the personal-folder and multilingual collections, cut
into passages of about 600 characters (what the indexer embeds), repeated to ``--texts``:

    python benchmarks/models.py [--texts 1200] [--threads 2] [--json]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import machine
from benchmarks.folder_collection import document_text
from benchmarks.multilingual_documents import DOCUMENTS as MULTILINGUAL_DOCUMENTS
from benchmarks.personal_documents import DOCUMENTS as PERSONAL_DOCUMENTS
from desktop_search.config.paths import shipped_models_dir
from desktop_search.embedding.encoder import Encoder

PASSAGE_CHARS = 600


def passages(count: int) -> list[str]:
    found: list[str] = []
    for document in (*PERSONAL_DOCUMENTS, *MULTILINGUAL_DOCUMENTS):
        text = document_text(document)
        found.extend(text[i : i + PASSAGE_CHARS] for i in range(0, len(text), PASSAGE_CHARS))
    return [found[i % len(found)] for i in range(count)]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(folder: Path, texts: list[str], threads: int) -> dict[str, float | str]:
    size = sum(p.stat().st_size for p in folder.iterdir() if p.is_file()) / 1e6
    before = rss_mb()
    started = time.perf_counter()
    encoder = Encoder(folder, threads=threads)
    loaded = time.perf_counter() - started
    encoder.encode(texts[:32])  # warm up
    started = time.perf_counter()
    encoder.encode(texts)
    seconds = time.perf_counter() - started
    tokens = sum(len(e.ids) for e in encoder.tokenizer.encode_batch(texts))
    return {
        "model": encoder.name,
        "size_mb": round(size, 1),
        "load_s": round(loaded, 2),
        "peak_rss_added_mb": round(rss_mb() - before, 1),
        "texts_per_s": round(len(texts) / seconds, 1),
        "tokens_per_text": round(tokens / len(texts), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=1200)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    texts = passages(args.texts)
    folders = sorted(p for p in shipped_models_dir().iterdir() if p.is_dir())
    # the baseline first, so the peak memory each later model adds is its own
    folders.sort(key=lambda p: "MiniLM" not in p.name)
    results = [measure(folder, texts, args.threads) for folder in folders]
    baseline = float(results[0]["texts_per_s"])
    for result in results:
        result["speed_vs_baseline"] = round(float(result["texts_per_s"]) / baseline, 3)
        print(", ".join(f"{k} {v}" for k, v in result.items()))
    if args.json:
        print(json.dumps({"models": results, "texts": len(texts), "machine": machine.describe()}))


if __name__ == "__main__":
    main()
