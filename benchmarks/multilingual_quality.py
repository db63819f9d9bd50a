"""Search quality on a multilingual personal folder, through the real product path.

Writes the multilingual collection (``benchmarks/multilingual_folder.py``) into a temporary
folder (or ``--folder``), indexes it with the real indexer and the model of ``--model-dir``
(settings' ``model_dir``; the shipped model without it), runs every judged query through
the real search service in each mode and prints top-1, MRR@10 and nDCG@10 per mode for all
queries, same-language and cross-language ones, the disjoint ones, per query language
(``query:de``) and per file language (``file:de``); then the queries whose first result
is wrong in the default mode, where the default ranks each trap query's relevant file
against its distractors and against its twins (the same topic in other languages), and
whether each query's first snippet is empty or clipped (``snippet_faults.py``):

    python benchmarks/multilingual_quality.py [--json] [--model-dir DIR] [--folder DIR]
        [--data-dir DIR] [--modes lexical,dense,hybrid,hybrid_prf]

With ``--json`` the last line printed is one JSON object: ``{"model", "files", "queries",
"modes": {mode: {group: {"queries", "top1", "mrr@10", "ndcg@10"}}}, "wrong_top1",
"traps", "twins", "snippets", "machine", ...}``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import folder_quality, machine
from benchmarks.folder_collection import JudgedQuery
from benchmarks.folder_quality import Measured, Outcome, versus
from benchmarks.multilingual_documents import DOCUMENTS, LANGUAGES
from benchmarks.multilingual_folder import KINDS, LANGUAGE_OF, build, shared_words
from benchmarks.snippet_faults import FAULTS, faults
from desktop_search.config.settings import Settings
from desktop_search.embedding.manifest import ModelManifest

ORDER = [
    "all",
    *KINDS,
    "disjoint",
    *(f"query:{language}" for language in LANGUAGES),
    *(f"file:{language}" for language in LANGUAGES),
]


def file_language(query: JudgedQuery) -> str:
    return LANGUAGE_OF[query.relevant[0]]


def groups(query: JudgedQuery) -> list[str]:
    names = ["all", query.kind, f"query:{query.language}", f"file:{file_language(query)}"]
    if query.disjoint:
        names.append("disjoint")
    return names


def describe(query: JudgedQuery) -> str:
    return f"{query.language}->{file_language(query)}"


def shared_with(query: JudgedQuery, path: str) -> list[str]:
    """The query's content words the file at ``path`` holds (an incidental match?)."""
    return sorted(shared_words(query.text, query.language, path)) if path in LANGUAGE_OF else []


def twin_races(outcomes: dict[str, list[Outcome]]) -> dict[str, list[dict[str, object]]]:
    """Per mode, each query with twins against its best-ranked twin."""
    return {
        mode: [versus(o, o.query.twins, "twin") for o in found if o.query.twins]
        for mode, found in outcomes.items()
    }


def snippet_report(outcome: Outcome) -> dict[str, object]:
    top = outcome.top
    return {
        "query": outcome.query.text,
        "language": outcome.query.language,
        "file": outcome.first(),
        "snippet": top.snippet if top else None,
        "highlights": top.highlights if top else 0,
        "faults": faults(top) if top else ["no result"],
    }


def snippet_counts(outcomes: list[Outcome]) -> dict[str, int]:
    found = Counter(fault for o in outcomes if o.top for fault in faults(o.top))
    return {
        "results": sum(o.top is not None for o in outcomes),
        **{fault: found[fault] for fault in FAULTS},
        "no_highlight": sum(o.top is not None and o.top.highlights == 0 for o in outcomes),
    }


def print_snippets(measured: Measured) -> None:
    mode = measured.report_mode
    outcomes = measured.outcomes[mode]
    print(f"\nfirst result's snippet in {mode}, per query language:")
    print(
        f"  {'language':9s} {'n':>3s} " + " ".join(f"{f:>{len(f)}s}" for f in FAULTS),
        "no_highlight",
    )
    for language in LANGUAGES:
        mine = [o for o in outcomes if o.query.language == language]
        if mine:
            counts = snippet_counts(mine)
            print(
                f"  {language:9s} {counts['results']:3d} "
                + " ".join(f"{counts[f]:{len(f)}d}" for f in FAULTS)
                + f" {counts['no_highlight']:12d}"
            )
    faulty = [o for o in outcomes if o.top is None or faults(o.top)]
    print(f"\nsnippets with a fault in {mode} ({len(faulty)} of {len(outcomes)}):")
    for o in faulty:
        found = faults(o.top) if o.top else ["no result"]
        print(
            f"  [{', '.join(found)}] {o.query.text!r} ({describe(o.query)}): "
            f"{o.first()}: {o.top.snippet if o.top else None!r}"
        )


def model_name(settings: Settings) -> str:
    return ModelManifest.load(settings.resolved_model_dir()).name


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    folder_quality.add_arguments(parser)
    args = parser.parse_args()
    settings = folder_quality.chosen_settings(args)
    measured = folder_quality.measure(parser, args, build, settings, "ds-multilingual-")
    results = {
        mode: folder_quality.summarise(found, groups, ORDER)
        for mode, found in measured.outcomes.items()
    }
    report_mode = measured.report_mode
    traps = folder_quality.traps(measured.outcomes)
    twins = twin_races(measured.outcomes)
    if not args.json:
        print(f"model: {model_name(settings)}")
        folder_quality.print_table(results, measured.latencies)
        folder_quality.print_wrong(measured, shared_with, describe)
        folder_quality.print_versus("traps", "distractor", traps, report_mode)
        folder_quality.print_versus("twins", "twin", twins, report_mode)
        print_snippets(measured)
    report = {
        "collection": "multilingual-folder",
        "model": model_name(settings),
        "files": len(DOCUMENTS),
        "queries": len(measured.queries),
        "seconds": round(time.monotonic() - measured.started, 1),
        "index_seconds": round(measured.index_seconds, 1),
        "chunks": measured.chunks,
        "ms_per_query": {m: round(v * 1000, 1) for m, v in measured.latencies.items()},
        "modes": results,
        "wrong_top1": {
            "mode": report_mode,
            "queries": [
                {**o.wrong(shared_with), "languages": describe(o.query)} for o in measured.wrong()
            ],
        },
        "traps": {
            "lost": {m: sum(bool(t["lost"]) for t in ts) for m, ts in traps.items()},
            report_mode: traps[report_mode],
        },
        "twins": {
            "lost": {m: sum(bool(t["lost"]) for t in ts) for m, ts in twins.items()},
            report_mode: twins[report_mode],
        },
        "snippets": {
            "counts": {m: snippet_counts(found) for m, found in measured.outcomes.items()},
            report_mode: [snippet_report(o) for o in measured.outcomes[report_mode]],
        },
        "machine": machine.describe(),
    }
    print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
