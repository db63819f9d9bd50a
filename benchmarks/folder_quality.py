"""Judged queries on a written folder, run through the real product path, and their figures.

Shared by ``personal_quality.py`` and ``multilingual_quality.py``: write a collection into a
folder, index it with the real Engine into a data dir, run every query through the real
search service in each mode (``quality.MODES``), and score top-1, MRR@10 and nDCG@10 per
group of queries; list the queries whose first result is wrong, and where each query's
relevant file ranks against files it must not lose to (distractors, twins).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks import beir
from benchmarks.folder_collection import JudgedQuery
from benchmarks.quality import MODES
from desktop_search.config.settings import Settings
from desktop_search.engine import Engine
from desktop_search.search.service import SearchHit, SearchRequest

DEFAULT_MODE = "hybrid_prf"
DEPTH = 10
ELLIPSIS = "\u2026"

# The query's content words that the file at a path holds too (an incidental match?).
SharedWords = Callable[[JudgedQuery, str], list[str]]
Figures = dict[str, dict[str, float]]  # group -> {"queries", "top1", "mrr@10", "ndcg@10"}


@dataclass(frozen=True)
class TopPassage:
    """The first result's snippet and the chunk it was cut from."""

    snippet: str  # as shown, with its ellipses
    chunk_text: str
    start: int  # where the snippet's text (without a leading ellipsis) begins in chunk_text
    highlights: int = 0  # how many words the snippet highlights

    @property
    def body(self) -> str:
        """The snippet without the ellipses that mark a cut."""
        body = self.snippet
        if self.clipped_start:
            body = body[len(ELLIPSIS) :]
        if self.clipped_end:
            body = body[: -len(ELLIPSIS)]
        return body

    @property
    def clipped_start(self) -> bool:
        return self.start > 0 and self.snippet.startswith(ELLIPSIS)

    @property
    def clipped_end(self) -> bool:
        return self.snippet.endswith(ELLIPSIS) and not self.chunk_text.endswith(
            self.snippet[len(ELLIPSIS) if self.clipped_start else 0 :]
        )

    @property
    def end(self) -> int:
        """Where the snippet's text ends in chunk_text."""
        return self.start + len(self.body)


def top_passage(hit: SearchHit, chunk_start: int, chunk_text: str) -> TopPassage:
    offset = hit.chunk_start - chunk_start  # the snippet's offset, counting its ellipsis
    led = hit.snippet.startswith(ELLIPSIS) and not chunk_text[offset:].startswith(
        hit.snippet.rstrip(ELLIPSIS)
    )
    start = offset + (len(ELLIPSIS) if led else 0)
    return TopPassage(hit.snippet, chunk_text, start, len(hit.highlights))


@dataclass
class Outcome:
    query: JudgedQuery
    ranked: list[str]  # relative paths, best first
    top: TopPassage | None = None

    def rank(self, paths: tuple[str, ...]) -> int | None:
        """1-based rank of the first of ``paths`` in the results, None if absent."""
        return next((i + 1 for i, p in enumerate(self.ranked) if p in paths), None)

    def first(self) -> str | None:
        return self.ranked[0] if self.ranked else None

    def wrong(self, shared: SharedWords) -> dict[str, object]:
        """What a wrong first result looked like."""
        first = self.first()
        return {
            "query": self.query.text,
            "kind": self.query.kind,
            "expected": list(self.query.relevant),
            "expected_rank": self.rank(self.query.relevant),
            "got": first,
            "got_shares": shared(self.query, first) if first is not None else [],
        }

    def scores(self) -> dict[str, float]:
        rank = self.rank(self.query.relevant)
        relevant = dict.fromkeys(self.query.relevant, 1)
        return {
            "top1": 1.0 if rank == 1 else 0.0,
            "mrr@10": 1.0 / rank if rank is not None and rank <= DEPTH else 0.0,
            "ndcg@10": beir.ndcg_at(self.ranked, relevant, DEPTH),
        }


def summarise(
    outcomes: list[Outcome], groups: Callable[[JudgedQuery], list[str]], order: Sequence[str]
) -> Figures:
    """Mean figures per group, the groups in ``order`` (those holding no query left out)."""
    sums: dict[str, dict[str, float]] = {}
    for outcome in outcomes:
        for group in groups(outcome.query):
            total = sums.setdefault(
                group, {"queries": 0, "top1": 0.0, "mrr@10": 0.0, "ndcg@10": 0.0}
            )
            total["queries"] += 1
            for metric, value in outcome.scores().items():
                total[metric] += value
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


def versus(outcome: Outcome, others: tuple[str, ...], label: str) -> dict[str, object]:
    """Where the relevant file ranks against the best-ranked of ``others``."""
    other_rank = outcome.rank(others)
    relevant_rank = outcome.rank(outcome.query.relevant)
    return {
        "query": outcome.query.text,
        "relevant_rank": relevant_rank,
        label: outcome.ranked[other_rank - 1] if other_rank else None,
        f"{label}_rank": other_rank,
        "lost": other_rank is not None and (relevant_rank is None or other_rank < relevant_rank),
    }


def traps(outcomes: dict[str, list[Outcome]]) -> dict[str, list[dict[str, object]]]:
    """Per mode, each query with distractors against its best-ranked distractor."""
    return {
        mode: [versus(o, o.query.distractors, "distractor") for o in found if o.query.distractors]
        for mode, found in outcomes.items()
    }


def relative(path: str, folder: Path) -> str:
    try:
        return Path(path).resolve().relative_to(folder).as_posix()
    except ValueError:
        return path


def run_mode(
    engine: Engine, mode: str, queries: list[JudgedQuery], folder: Path
) -> tuple[list[Outcome], float]:
    """Every query through the real search service; the outcomes and seconds per query."""
    search_mode, use_prf = MODES[mode]
    started = time.monotonic()
    answers = [
        engine.search.search(
            SearchRequest(query=query.text, k=DEPTH, mode=search_mode, prf=use_prf)
        )
        for query in queries
    ]
    seconds = (time.monotonic() - started) / max(1, len(queries))
    chunks = engine.store.catalog.chunks_by_ids(hits[0].chunk_id for hits in answers if hits)
    outcomes = []
    for query, hits in zip(queries, answers, strict=True):
        chunk = chunks.get(hits[0].chunk_id) if hits else None
        top = top_passage(hits[0], chunk.start, chunk.text) if hits and chunk else None
        outcomes.append(Outcome(query, [relative(h.path, folder) for h in hits], top))
    return outcomes, seconds


@dataclass
class Measured:
    queries: list[JudgedQuery]
    outcomes: dict[str, list[Outcome]]  # per mode, in the order the modes ran
    latencies: dict[str, float]  # seconds per query, per mode
    started: float  # time.monotonic() at the start
    index_seconds: float  # writing the folder and indexing it
    chunks: int | None

    @property
    def report_mode(self) -> str:
        """The mode whose wrong results and traps are listed: the default if it ran."""
        return DEFAULT_MODE if DEFAULT_MODE in self.outcomes else list(self.outcomes)[-1]

    def wrong(self) -> list[Outcome]:
        return [o for o in self.outcomes[self.report_mode] if o.rank(o.query.relevant) != 1]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="last line: one JSON object")
    parser.add_argument("--folder", type=Path, help="write (and keep) the folder here")
    parser.add_argument("--data-dir", type=Path, help="keep (and reuse) the index here")
    parser.add_argument("--modes", default=",".join(MODES), help="comma-separated modes")
    parser.add_argument(
        "--model-dir", type=Path, help="the model folder (settings' model_dir; default: shipped)"
    )


def chosen_settings(args: argparse.Namespace) -> Settings:
    """The settings the collection is indexed and searched with (``--model-dir``)."""
    return Settings(model_dir=str(args.model_dir.resolve()) if args.model_dir else "")


def chosen_modes(parser: argparse.ArgumentParser, args: argparse.Namespace) -> list[str]:
    modes: list[str] = args.modes.split(",")
    unknown = [m for m in modes if m not in MODES]
    if unknown:
        parser.error(f"unknown mode(s) {', '.join(unknown)}; choose from {', '.join(MODES)}")
    return modes


def measure(
    parser: argparse.ArgumentParser,
    args: argparse.Namespace,
    build: Callable[[Path], list[JudgedQuery]],
    settings: Settings,
    prefix: str,
) -> Measured:
    """Writes the collection (``--folder`` or a temporary one), indexes it into ``--data-dir``
    (or a temporary one) and runs every query in each chosen mode."""
    modes = chosen_modes(parser, args)
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix=prefix))
    folder = (args.folder or work / "Documents").resolve()
    data = args.data_dir or work / "data"
    try:
        try:
            queries = build(folder)
        except ValueError as exc:
            parser.error(str(exc))
        latencies: dict[str, float] = {}
        outcomes: dict[str, list[Outcome]] = {}
        with Engine(data, settings=settings) as engine:
            summary = engine.indexer().index([str(folder)])
            index_seconds = time.monotonic() - started
            if summary.failed:
                print(f"warning: {len(summary.failed)} files failed to index: {summary.failed}")
            for mode in modes:
                outcomes[mode], latencies[mode] = run_mode(engine, mode, queries, folder)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return Measured(queries, outcomes, latencies, started, index_seconds, summary.chunks or None)


def print_table(results: dict[str, Figures], latencies: dict[str, float]) -> None:
    width = max([11, *(len(group) for by_group in results.values() for group in by_group)])
    print(f"{'mode':11s} {'group':{width}s} {'n':>3s} {'top-1':>6s} {'MRR@10':>7s} {'nDCG@10':>8s}")
    for mode, by_group in results.items():
        for group, figures in by_group.items():
            print(
                f"{mode:11s} {group:{width}s} {int(figures['queries']):3d} "
                f"{figures['top1']:6.3f} {figures['mrr@10']:7.3f} {figures['ndcg@10']:8.3f}"
            )
        print(f"{mode:11s} ({latencies[mode] * 1000:.1f} ms per query)")


def print_wrong(
    measured: Measured,
    shared: SharedWords,
    describe: Callable[[JudgedQuery], str] = lambda query: query.kind,
) -> None:
    wrong = measured.wrong()
    print(
        f"\nwrong first result in {measured.report_mode} ({len(wrong)} of {len(measured.queries)}):"
    )
    for o in wrong:
        first = o.first()
        shares = shared(o.query, first) if first is not None else []
        print(
            f"  [{describe(o.query)}] {o.query.text!r}: expected {', '.join(o.query.relevant)} "
            f"(rank {o.rank(o.query.relevant)}), got {first}"
            + (f" (shares: {', '.join(shares)})" if shares else "")
        )


def print_versus(
    title: str, label: str, by_mode: dict[str, list[dict[str, object]]], report_mode: str
) -> None:
    """How many of each mode's queries lost to one of their ``label`` files, and the list."""
    print(f"\n{title} lost (a {label} ranked above the relevant file):")
    for mode, items in by_mode.items():
        print(f"  {mode:11s} {sum(bool(t['lost']) for t in items)} of {len(items)}")
    print(f"\n{title} in {report_mode}:")
    for item in by_mode[report_mode]:
        print(
            f"  {'LOST' if item['lost'] else 'ok  '} {item['query']!r}: relevant rank "
            f"{item['relevant_rank']}, best {label} {item[label]} "
            f"(rank {item[f'{label}_rank']})"
        )
