"""Retrieval quality through the real product path, on any BEIR-layout collection.

Writes every document as a Markdown file (``# title`` then the text) into a temporary
folder, indexes it with the real indexer, runs every judged query through the real search
service in each mode, maps the returned paths back to document ids and reports nDCG@10
and Recall@100:

    python benchmarks/quality.py DATA_DIR [--json] [--index-dir DIR] [--limit N]

With ``--json`` the last line printed is one JSON object:
``{"docs", "queries", "seconds", "modes": {mode: {"ndcg@10", "recall@100"}}}``.
``--index-dir`` keeps the folder and index there and reuses them on the next run.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import beir, machine
from desktop_search.config.settings import Settings
from desktop_search.engine import Engine
from desktop_search.search.service import Mode, SearchRequest

MODES: dict[str, tuple[Mode, bool | None]] = {
    "lexical": ("lexical", False),
    "dense": ("dense", False),
    "hybrid": ("hybrid", False),
    "hybrid_prf": ("hybrid", None),  # the default search
}
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


def file_name(doc_id: str) -> str:
    return _UNSAFE.sub("_", doc_id) + ".md"


def write_corpus(collection: beir.Collection, folder: Path, limit: int) -> dict[str, str]:
    """Writes the documents; returns file name -> document id."""
    folder.mkdir(parents=True, exist_ok=True)
    names: dict[str, str] = {}
    for number, (doc_id, (title, text)) in enumerate(collection.corpus.items()):
        if limit and number >= limit:
            break
        name = file_name(doc_id)
        names[name] = doc_id
        body = f"# {title}\n\n{text}\n" if title else f"{text}\n"
        (folder / name).write_text(body, encoding="utf-8")
    return names


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=beir.SCIFACT)
    parser.add_argument("--json", action="store_true", help="last line: one JSON object")
    parser.add_argument("--index-dir", type=Path, help="keep (and reuse) the index here")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    parser.add_argument("--modes", default=",".join(MODES), help="comma-separated modes")
    parser.add_argument("--model-dir", type=Path, help="packaged model (default: the shipped one)")
    args = parser.parse_args()

    started = time.monotonic()
    collection = beir.load(args.data_dir)
    work = args.index_dir or Path(tempfile.mkdtemp(prefix="ds-quality-"))
    folder, data = work / "docs", work / "data"
    names = write_corpus(collection, folder, args.limit)
    settings = Settings(model_dir=str(args.model_dir.resolve())) if args.model_dir else Settings()
    with Engine(data, settings=settings) as engine:
        summary = engine.indexer().index([str(folder)])
        index_seconds = time.monotonic() - started
        if summary.failed:
            print(f"warning: {len(summary.failed)} documents failed to index", file=sys.stderr)
        queries = collection.judged_queries()
        results: dict[str, dict[str, float]] = {}
        latencies: dict[str, float] = {}
        for mode in args.modes.split(","):
            search_mode, use_prf = MODES[mode]
            run: dict[str, list[str]] = {}
            mode_started = time.monotonic()
            for qid, text in queries.items():
                hits = engine.search.search(
                    SearchRequest(query=text, k=100, mode=search_mode, prf=use_prf)
                )
                run[qid] = [names.get(Path(h.path).name, "") for h in hits]
            latencies[mode] = (time.monotonic() - mode_started) / max(1, len(queries))
            results[mode] = beir.evaluate(run, collection.qrels)
            if not args.json:
                print(
                    f"{mode:11s} nDCG@10 {results[mode]['ndcg@10']:.4f}  "
                    f"Recall@100 {results[mode]['recall@100']:.4f}  "
                    f"({latencies[mode] * 1000:.1f} ms/query)",
                    flush=True,
                )
    if args.index_dir is None:
        shutil.rmtree(work, ignore_errors=True)
    report = {
        "collection": args.data_dir.name,
        "model": settings.resolved_model_dir().name,
        "docs": len(names),
        "queries": len(queries),
        "seconds": round(time.monotonic() - started, 1),
        "index_seconds": round(index_seconds, 1),
        "chunks": summary.chunks or None,
        "ms_per_query": {m: round(v * 1000, 1) for m, v in latencies.items()},
        "modes": results,
        "machine": machine.describe(),
    }
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
