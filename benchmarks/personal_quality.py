"""Search quality on a person's own folder, through the real product path.

Writes the personal-folder collection (``benchmarks/personal_folder.py``) into a temporary
folder (or ``--folder``), indexes it with the real indexer, runs every judged query through
the real search service in each mode and prints, per mode and per query kind, top-1
accuracy, MRR@10 and nDCG@10; then the queries whose first result is wrong in the default
mode, and where the default ranks each trap query's relevant file against the distractors
that share an incidental word with it:

    python benchmarks/personal_quality.py [--json] [--folder DIR] [--data-dir DIR]

With ``--json`` the last line printed is one JSON object: ``{"files", "queries",
"modes": {mode: {group: {"queries", "top1", "mrr@10", "ndcg@10"}}}, "wrong_top1",
"traps", "machine", ...}``; the groups are ``all``, each kind, and ``disjoint`` (the
paraphrases that share no content word with their file).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import folder_quality, machine
from benchmarks.folder_collection import JudgedQuery
from benchmarks.personal_documents import DOCUMENTS
from benchmarks.personal_folder import KINDS, build, shared_words

PATHS = frozenset(document.path for document in DOCUMENTS)
ORDER = ["all", *KINDS, "disjoint"]


def groups(query: JudgedQuery) -> list[str]:
    names = ["all", query.kind]
    if query.disjoint:
        names.append("disjoint")
    return names


def shared_with(query: JudgedQuery, path: str) -> list[str]:
    """The query's content words the file at ``path`` holds (an incidental match?)."""
    return sorted(shared_words(query.text, path)) if path in PATHS else []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    folder_quality.add_arguments(parser)
    args = parser.parse_args()
    settings = folder_quality.chosen_settings(args)
    measured = folder_quality.measure(parser, args, build, settings, "ds-personal-")
    results = {
        mode: folder_quality.summarise(found, groups, ORDER)
        for mode, found in measured.outcomes.items()
    }
    report_mode = measured.report_mode
    traps = folder_quality.traps(measured.outcomes)
    if not args.json:
        folder_quality.print_table(results, measured.latencies)
        folder_quality.print_wrong(measured, shared_with)
        folder_quality.print_versus("traps", "distractor", traps, report_mode)
    report = {
        "collection": "personal-folder",
        "files": len(DOCUMENTS),
        "queries": len(measured.queries),
        "seconds": round(time.monotonic() - measured.started, 1),
        "index_seconds": round(measured.index_seconds, 1),
        "chunks": measured.chunks,
        "ms_per_query": {m: round(v * 1000, 1) for m, v in measured.latencies.items()},
        "modes": results,
        "wrong_top1": {
            "mode": report_mode,
            "queries": [o.wrong(shared_with) for o in measured.wrong()],
        },
        "traps": {
            "lost": {m: sum(bool(t["lost"]) for t in ts) for m, ts in traps.items()},
            report_mode: traps[report_mode],
        },
        "machine": machine.describe(),
    }
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
