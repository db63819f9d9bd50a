"""Where each shipped model puts unrelated text: the mean and spread of query-passage
cosines (``cosine_scale`` in a model's manifest, read by ``search/fusion.py``).

Every judged query of the personal-folder and multilingual collections is embedded as a
query, every document (its first 1,500 characters) as a passage; per query, the mean and
standard deviation of its cosines with all documents are taken (nearly all of them are
unrelated to it), then averaged over the queries of both collections:

    python benchmarks/cosine_scale.py [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import machine, multilingual_folder, personal_folder
from benchmarks.folder_collection import document_text
from benchmarks.multilingual_documents import DOCUMENTS as MULTILINGUAL_DOCUMENTS
from benchmarks.personal_documents import DOCUMENTS as PERSONAL_DOCUMENTS
from desktop_search.config.paths import shipped_models_dir
from desktop_search.embedding.encoder import Encoder

DOCUMENT_CHARS = 1500
COLLECTIONS = {
    "personal": (PERSONAL_DOCUMENTS, personal_folder.QUERIES),
    "multilingual": (MULTILINGUAL_DOCUMENTS, multilingual_folder.QUERIES),
}


def measure(encoder: Encoder) -> dict[str, dict[str, float]]:
    result: dict[str, dict[str, float]] = {}
    means: list[float] = []
    spreads: list[float] = []
    for name, (documents, queries) in COLLECTIONS.items():
        passages = encoder.encode([document_text(d)[:DOCUMENT_CHARS] for d in documents])
        asked = np.stack([encoder.encode_query(q.text) for q in queries])
        cosines = asked @ passages.T
        mean, spread = cosines.mean(axis=1), cosines.std(axis=1)
        means.extend(mean.tolist())
        spreads.extend(spread.tolist())
        result[name] = {
            "mean": round(float(mean.mean()), 4),
            "spread": round(float(spread.mean()), 4),
            "best": round(float(cosines.max(axis=1).mean()), 4),
        }
    result["pooled"] = {
        "mean": round(float(np.mean(means)), 3),
        "spread": round(float(np.mean(spreads)), 4),
    }
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    report: dict[str, object] = {}
    for folder in sorted(p for p in shipped_models_dir().iterdir() if p.is_dir()):
        encoder = Encoder(folder, threads=2)
        report[encoder.name] = measured = measure(encoder)
        for collection, figures in measured.items():
            line = ", ".join(f"{k} {v}" for k, v in figures.items())
            print(f"{encoder.name:28s} {collection:13s} {line}")
    report["machine"] = machine.describe()
    if args.json:
        print(json.dumps(report))


if __name__ == "__main__":
    main()
