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
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import beir, machine
from benchmarks.personal_documents import DOCUMENTS
from benchmarks.personal_folder import KINDS, JudgedQuery, build, shared_words
from benchmarks.quality import MODES
from desktop_search.config.settings import Settings
from desktop_search.engine import Engine
from desktop_search.search.service import SearchRequest

DEFAULT_MODE = "hybrid_prf"
PATHS = frozenset(document.path for document in DOCUMENTS)
DEPTH = 10


@dataclass
class Outcome:
    query: JudgedQuery
    ranked: list[str]  # relative paths, best first

    def rank(self, paths: tuple[str, ...]) -> int | None:
        """1-based rank of the first of ``paths`` in the results, None if absent."""
        return next((i + 1 for i, p in enumerate(self.ranked) if p in paths), None)

    def first(self) -> str | None:
        return self.ranked[0] if self.ranked else None

    def shared_with_first(self) -> list[str]:
        """The query's content words the first result holds (an incidental match?)."""
        first = self.first()
        if first is None or first not in PATHS:
            return []
        return sorted(shared_words(self.query.text, first))

    def wrong(self) -> dict[str, object]:
        """What a wrong first result looked like."""
        return {
            "query": self.query.text,
            "kind": self.query.kind,
            "expected": list(self.query.relevant),
            "expected_rank": self.rank(self.query.relevant),
            "got": self.first(),
            "got_shares": self.shared_with_first(),
        }

    def scores(self) -> dict[str, float]:
        rank = self.rank(self.query.relevant)
        relevant = dict.fromkeys(self.query.relevant, 1)
        return {
            "top1": 1.0 if rank == 1 else 0.0,
            "mrr@10": 1.0 / rank if rank is not None and rank <= DEPTH else 0.0,
            "ndcg@10": beir.ndcg_at(self.ranked, relevant, DEPTH),
        }


def groups(query: JudgedQuery) -> list[str]:
    names = ["all", query.kind]
    if query.disjoint:
        names.append("disjoint")
    return names


def summarise(outcomes: list[Outcome]) -> dict[str, dict[str, float]]:
    sums: dict[str, dict[str, float]] = {}
    for outcome in outcomes:
        for group in groups(outcome.query):
            total = sums.setdefault(
                group, {"queries": 0, "top1": 0.0, "mrr@10": 0.0, "ndcg@10": 0.0}
            )
            total["queries"] += 1
            for metric, value in outcome.scores().items():
                total[metric] += value
    order = ["all", *KINDS, "disjoint"]
    return {
        group: {
            "queries": sums[group]["queries"],
            **{
                m: round(v / sums[group]["queries"], 4)
                for m, v in sums[group].items()
                if m != "queries"
            },
        }
        for group in order
        if group in sums
    }


def trap(outcome: Outcome) -> dict[str, object]:
    """Where the relevant file ranks against the best-ranked distractor."""
    distractor_rank = outcome.rank(outcome.query.distractors)
    relevant_rank = outcome.rank(outcome.query.relevant)
    return {
        "query": outcome.query.text,
        "relevant_rank": relevant_rank,
        "distractor": outcome.ranked[distractor_rank - 1] if distractor_rank else None,
        "distractor_rank": distractor_rank,
        "lost": distractor_rank is not None
        and (relevant_rank is None or distractor_rank < relevant_rank),
    }


def relative(path: str, folder: Path) -> str:
    try:
        return Path(path).resolve().relative_to(folder).as_posix()
    except ValueError:
        return path


def run_mode(engine: Engine, mode: str, queries: list[JudgedQuery], folder: Path) -> list[Outcome]:
    search_mode, use_prf = MODES[mode]
    outcomes = []
    for query in queries:
        hits = engine.search.search(
            SearchRequest(query=query.text, k=DEPTH, mode=search_mode, prf=use_prf)
        )
        outcomes.append(Outcome(query, [relative(h.path, folder) for h in hits]))
    return outcomes


def print_table(
    results: dict[str, dict[str, dict[str, float]]], latencies: dict[str, float]
) -> None:
    print(f"{'mode':11s} {'group':11s} {'n':>3s} {'top-1':>6s} {'MRR@10':>7s} {'nDCG@10':>8s}")
    for mode, by_group in results.items():
        for group, figures in by_group.items():
            print(
                f"{mode:11s} {group:11s} {int(figures['queries']):3d} {figures['top1']:6.3f} "
                f"{figures['mrr@10']:7.3f} {figures['ndcg@10']:8.3f}"
            )
        print(f"{mode:11s} ({latencies[mode] * 1000:.1f} ms per query)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="last line: one JSON object")
    parser.add_argument("--folder", type=Path, help="write (and keep) the folder here")
    parser.add_argument("--data-dir", type=Path, help="keep (and reuse) the index here")
    parser.add_argument("--modes", default=",".join(MODES), help="comma-separated modes")
    args = parser.parse_args()
    modes = args.modes.split(",")
    unknown = [m for m in modes if m not in MODES]
    if unknown:
        parser.error(f"unknown mode(s) {', '.join(unknown)}; choose from {', '.join(MODES)}")

    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="ds-personal-"))
    folder = (args.folder or work / "Documents").resolve()
    data = args.data_dir or work / "data"
    try:
        queries = build(folder)
    except ValueError as exc:
        parser.error(str(exc))
    results: dict[str, dict[str, dict[str, float]]] = {}
    latencies: dict[str, float] = {}
    outcomes: dict[str, list[Outcome]] = {}
    try:
        with Engine(data, settings=Settings()) as engine:
            summary = engine.indexer().index([str(folder)])
            index_seconds = time.monotonic() - started
            if summary.failed:
                print(f"warning: {len(summary.failed)} files failed to index: {summary.failed}")
            for mode in modes:
                mode_started = time.monotonic()
                outcomes[mode] = run_mode(engine, mode, queries, folder)
                latencies[mode] = (time.monotonic() - mode_started) / max(1, len(queries))
                results[mode] = summarise(outcomes[mode])
    finally:
        shutil.rmtree(work, ignore_errors=True)

    report_mode = DEFAULT_MODE if DEFAULT_MODE in outcomes else modes[-1]
    wrong = [o for o in outcomes[report_mode] if o.rank(o.query.relevant) != 1]
    traps = {
        mode: [trap(o) for o in mode_outcomes if o.query.distractors]
        for mode, mode_outcomes in outcomes.items()
    }
    if not args.json:
        print_table(results, latencies)
        print(f"\nwrong first result in {report_mode} ({len(wrong)} of {len(queries)}):")
        for o in wrong:
            print(
                f"  [{o.query.kind}] {o.query.text!r}: expected {', '.join(o.query.relevant)} "
                f"(rank {o.rank(o.query.relevant)}), got {o.first()}"
                + (
                    f" (shares: {', '.join(o.shared_with_first())})"
                    if o.shared_with_first()
                    else ""
                )
            )
        print("\ntraps lost (a distractor ranked above the relevant file):")
        for mode, mode_traps in traps.items():
            print(f"  {mode:11s} {sum(bool(t['lost']) for t in mode_traps)} of {len(mode_traps)}")
        print(f"\ntraps in {report_mode}:")
        for item in traps[report_mode]:
            print(
                f"  {'LOST' if item['lost'] else 'ok  '} {item['query']!r}: relevant rank "
                f"{item['relevant_rank']}, best distractor {item['distractor']} "
                f"(rank {item['distractor_rank']})"
            )
    report = {
        "collection": "personal-folder",
        "files": len(DOCUMENTS),
        "queries": len(queries),
        "seconds": round(time.monotonic() - started, 1),
        "index_seconds": round(index_seconds, 1),
        "chunks": summary.chunks or None,
        "ms_per_query": {m: round(v * 1000, 1) for m, v in latencies.items()},
        "modes": results,
        "wrong_top1": {"mode": report_mode, "queries": [o.wrong() for o in wrong]},
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
