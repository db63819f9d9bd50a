"""The ``desktop-search`` command line: index, search, status, model."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_search import __version__
from desktop_search.cli.progress import ProgressBar
from desktop_search.cli.terminal import json_for_terminal, printable
from desktop_search.config.paths import HOME_ENV, resolve_data_dir
from desktop_search.config.settings import SETTINGS_FILE, Settings
from desktop_search.daemon.client import DaemonError

if TYPE_CHECKING:
    from desktop_search.engine import Engine
    from desktop_search.indexer.pipeline import Indexer

log = logging.getLogger("desktop_search")

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_ERROR = 2
# An index run through the daemon waits this long for any event before giving up on it
# (the daemon sends progress at every batch; one slow file takes at most the extract limit).
INDEX_EVENT_TIMEOUT_S = 900.0
DAEMON_RECURSION_LIMIT = 20_000


def default_folders() -> list[str]:
    import platformdirs

    documents = Path(platformdirs.user_documents_dir())
    return [str(documents)] if documents.is_dir() else [str(Path.home())]


def _print_json(data: Any) -> None:
    sys.stdout.write(json_for_terminal(data) + "\n")


def _configured_folders(data_dir: Path) -> list[str]:
    settings = Settings.load(data_dir)
    return settings.folders or default_folders()


# -- commands ---------------------------------------------------------------------------


def cmd_index(args: argparse.Namespace) -> int:
    """Index or update folders and files. With a daemon running it does the work (it is the
    only writer) and this shows its progress; otherwise this run takes the writer lock."""
    data_dir = resolve_data_dir(args.data_dir)
    roots = [os.path.abspath(p) for p in args.paths] or _configured_folders(data_dir)
    missing = [p for p in roots if not os.path.exists(p)]
    if missing and len(missing) == len(roots):
        print(f"error: no such folder: {', '.join(missing)}", file=sys.stderr)
        return EXIT_ERROR
    roots = [p for p in roots if p not in missing]
    for path in missing:
        print(f"warning: skipping {path}: no such file or folder", file=sys.stderr)
    refusal = _folders_refusal([p for p in roots if os.path.isdir(p)]) or _files_refusal(
        [p for p in roots if not os.path.isdir(p)],
        [*Settings.load(data_dir).folders, *(p for p in roots if os.path.isdir(p))],
    )
    if refusal:
        print(f"error: {printable(refusal)}", file=sys.stderr)
        return EXIT_ERROR
    summary = _index_with_writer(data_dir, roots, show_progress=not args.json)
    if summary is None:
        return EXIT_ERROR
    if args.json:
        _print_json(summary)
    else:
        print(
            f"indexed {summary['indexed']} file(s)"
            + (f" ({summary['chunks']} chunks)" if summary.get("chunks") else "")
            + ", "
            f"{summary['unchanged']} unchanged, {summary['removed']} removed, "
            f"{summary['failed']} failed in {summary['seconds']:.1f} s"
        )
        for failure in summary["failures"]:
            print(f"  failed: {printable(failure['path'])}: {printable(failure['reason'])}")
    return EXIT_SOME_FAILED if summary["failed"] else EXIT_OK


def _folders_refusal(folders: list[str]) -> str | None:
    from desktop_search.indexer.scanner import folder_refusal

    return next((r for r in map(folder_refusal, folders) if r), None)


def _files_refusal(files: list[str], folders: list[str]) -> str | None:
    """The index holds the files of its folders only (so that it can keep them true)."""
    for path in files:
        if not any(path.startswith(f.rstrip(os.sep) + os.sep) for f in folders):
            return f"{path} is not inside an indexed folder: index its folder instead"
    return None


def _index_with_writer(
    data_dir: Path, roots: list[str], *, show_progress: bool
) -> dict[str, Any] | None:
    """The index run's summary, from the daemon or from this process holding the lock."""
    from desktop_search.daemon.client import DaemonClient
    from desktop_search.daemon.writer_lock import WriterBusyError, WriterLock

    client = DaemonClient(data_dir)
    lock = WriterLock(data_dir)
    said_waiting = False
    while True:
        if client.available():
            return _index_through_daemon(client, roots, show_progress=show_progress)
        try:
            lock.acquire("index")
            break
        except WriterBusyError as exc:  # another index run, or a daemon starting up
            if not said_waiting:
                print(f"waiting: {exc}", file=sys.stderr)
                said_waiting = True
            time.sleep(0.5)
    with lock:
        return _index_here(data_dir, roots, show_progress=show_progress)


def _index_here(data_dir: Path, roots: list[str], *, show_progress: bool) -> dict[str, Any]:
    from desktop_search.engine import Engine

    with Engine(data_dir) as engine:
        folders = [root for root in roots if os.path.isdir(root)]
        if any(folder not in engine.settings.folders for folder in folders):
            # the folders are watched from now on (by the daemon, when it runs)
            engine.settings.folders = sorted({*engine.settings.folders, *folders})
            engine.settings.save(data_dir)
        bar = ProgressBar(enabled=None if show_progress else False)
        indexer = engine.indexer()
        summary = indexer.index(roots, progress=bar)
        bar.finish()
        result = summary.to_dict()
        result["ocr_files"] = _read_scans(engine, indexer, show_progress=show_progress)
    return result


def _read_scans(engine: Engine, indexer: Indexer, *, show_progress: bool) -> int:
    """The OCR job, as the daemon runs it when idle: every file with pages waiting (if the
    settings let it). Returns how many files it read."""
    settings = engine.settings
    catalog = engine.store.catalog
    files, pages = catalog.ocr_backlog(settings.ocr_max_pages)
    if not settings.ocr or not files:
        return 0
    if show_progress:
        print(f"reading scans (OCR): {pages} page(s) in {files} file(s)", file=sys.stderr)
    bar = ProgressBar(enabled=None if show_progress else False)
    done = 0
    while (path := catalog.next_for_ocr()) is not None and done < files:
        indexer.recognise(
            path, max_pages=settings.ocr_max_pages, seconds=settings.ocr_seconds_per_file
        )
        done += 1
        bar(done, files, path)
    bar.finish()
    engine.store.save()
    return done


def _index_through_daemon(
    client: Any, roots: list[str], *, show_progress: bool
) -> dict[str, Any] | None:
    from desktop_search.daemon.api import Event
    from desktop_search.daemon.client import DaemonUnavailableError

    started = time.monotonic()
    if show_progress:
        print("the indexer is running: it does the work", file=sys.stderr)
    bar = ProgressBar(enabled=None if show_progress else False)
    most_queued = 0
    try:
        with client.subscribe(timeout_s=INDEX_EVENT_TIMEOUT_S) as events:
            job = client.call("index", paths=roots)
            for message in events:
                data = message.get("data") or {}
                if message.get("event") == Event.PROGRESS:
                    queued = int(data.get("queued_paths") or 0)
                    most_queued = max(most_queued, queued)
                    bar(most_queued - queued, most_queued, data.get("state", ""))
                elif message.get("event") == Event.INDEX_DONE and data.get("job") == job:
                    bar.finish()
                    summary: dict[str, Any] = data["summary"]
                    summary["seconds"] = time.monotonic() - started
                    return summary
    except DaemonError as exc:
        bar.finish()
        print(f"error: {exc}", file=sys.stderr)
        return None
    except DaemonUnavailableError:
        pass
    bar.finish()
    print("error: the indexer stopped before the run was done", file=sys.stderr)
    return None


def cmd_search(args: argparse.Namespace) -> int:
    import msgspec

    from desktop_search.daemon.api import SearchParams
    from desktop_search.engine import Engine
    from desktop_search.search.query_syntax import QuerySyntaxError

    data_dir = resolve_data_dir(args.data_dir)
    params = SearchParams(
        query=args.query,
        k=args.k,
        mode=args.mode,
        prf=args.prf,
        folders=list(args.folder or []),
        types=sorted(set(args.type or [])),
        after=args.after,
        before=args.before,
        relevant=[os.path.abspath(p) for p in args.relevant or []],
        not_relevant=[os.path.abspath(p) for p in args.not_relevant or []],
        explain=True,
    )
    try:
        request = params.to_request()  # a bad date is an error before anything runs
        reply = _daemon_call(data_dir, "search", **msgspec.structs.asdict(params))
    except (ValueError, DaemonError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    if reply is not None:
        results, explain = reply["results"], reply["explain"]
    else:
        with Engine(data_dir, read_only=True) as engine:
            try:
                response = engine.search.run(request)
            except QuerySyntaxError as exc:
                print(f"error: {exc}", file=sys.stderr)
                return EXIT_ERROR
        results = [hit.to_dict() for hit in response.hits]
        explain = response.explain
    if args.json:
        _print_json({"results": results, "explain": explain} if args.explain else results)
        return EXIT_OK
    _print_hits(results)
    if args.explain:
        _print_explain(explain)
    return EXIT_OK


def _print_hits(hits: list[dict[str, Any]]) -> None:
    if not hits:
        print("no results")
    from desktop_search.daemon.api import result_name

    for rank, hit in enumerate(hits, start=1):
        name, section = result_name(hit)  # a member: "backup.zip > garage/plan.docx"
        shown = os.path.join(os.path.dirname(hit["path"]), name)
        where = f" ({printable(section)})" if section else ""
        match = hit.get("match", "weak")
        print(f"{rank:2d}. {printable(shown)}{where}  [{match} {hit['score']:.3f}]")
        spans = [(int(s), int(e)) for s, e in hit["highlights"]]
        print("    " + " ".join(_mark(hit["snippet"], spans).split()))


def _daemon_call(data_dir: Path, method: str, **params: Any) -> Any:
    """The daemon's answer, or None when no daemon runs for this data dir."""
    from desktop_search.daemon.client import DaemonClient, DaemonUnavailableError

    try:
        return DaemonClient(data_dir).call(method, **params)
    except DaemonUnavailableError:
        return None


def _print_explain(explain: dict[str, Any]) -> None:
    print(
        f"searched: {printable(repr(explain.get('text', '')))} "
        f"({printable(str(explain.get('mode')))}, "
        f"PRF {'on' if explain.get('prf') else 'off'})"
    )
    for phrase in explain.get("phrases", []):
        print(f"  must contain: {printable(repr(phrase))}")
    for item in explain.get("feedback", []):
        print(f"  feedback: {printable(item['path'])}")


def cmd_similar(args: argparse.Namespace) -> int:
    from desktop_search.engine import Engine

    data_dir = resolve_data_dir(args.data_dir)
    path = os.path.abspath(args.path)
    try:
        hits = _daemon_call(data_dir, "similar", path=path, k=args.k)
    except DaemonError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    if hits is None:
        with Engine(data_dir, read_only=True) as engine:
            try:
                hits = [hit.to_dict() for hit in engine.search.similar(path, k=args.k)]
            except LookupError as exc:
                print(f"error: {exc}", file=sys.stderr)
                return EXIT_ERROR
    if args.json:
        _print_json(hits)
    else:
        _print_hits(hits)
    return EXIT_OK


def _mark(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` made printable, its ``spans`` in bold on a terminal. Each piece is made
    printable on its own, so the spans' offsets (into the raw text) stay true."""
    if not sys.stdout.isatty():
        return printable(text)
    out, last = [], 0
    for start, end in spans:
        out += [printable(text[last:start]), "\x1b[1m", printable(text[start:end]), "\x1b[0m"]
        last = end
    out.append(printable(text[last:]))
    return "".join(out)


def cmd_status(args: argparse.Namespace) -> int:
    from desktop_search.engine import Engine

    data_dir = resolve_data_dir(args.data_dir)
    status = _daemon_call(data_dir, "status")
    if status is None:
        with Engine(data_dir, read_only=True) as engine:
            status = engine.status()
        status["daemon"] = None
    if args.json:
        _print_json(status)
        return EXIT_OK
    print(f"data dir:  {printable(status['data_dir'])}")
    model = status["model"]
    print(f"model:     {printable(model['name'])} ({model['dimensions']} dims)")
    folders = [
        f if isinstance(f, str) else f"{f['path']} ({f['watched']})" for f in status["folders"]
    ]
    print(f"folders:   {printable(', '.join(folders)) or '(none yet)'}")
    daemon = "running, " + status["state"] if status["daemon"] else "not running"
    print(f"daemon:    {printable(daemon)}")
    print(f"indexed:   {status['files_indexed']} files, {status['chunks']} chunks")
    print(f"pending:   {status['files_pending']}")
    print(f"failed:    {status['files_failed']}")
    for failure in status["failures"]:
        print(f"  {printable(failure['path'])}: {printable(failure['reason'])}")
    return EXIT_OK


def cmd_model_import(args: argparse.Namespace) -> int:
    data_dir = resolve_data_dir(args.data_dir)
    source = Path(args.path).expanduser().resolve()
    if not (source / "modules.json").is_file() and not (source / "config.json").is_file():
        print(f"error: {source} is not a sentence-transformers model folder", file=sys.stderr)
        return EXIT_ERROR
    from desktop_search.config.private import private_umask, secure_data_dir
    from desktop_search.embedding.export import build_package

    name = args.name or source.name
    dest = data_dir / "models" / name
    with private_umask():
        build_package(source, dest, name=name)
    secure_data_dir(data_dir)
    print(f"imported {name} into {dest}")
    if args.use:
        settings = Settings.load(data_dir)
        settings.model_dir = str(dest)
        settings.save(data_dir)
        print("it is now the model in use; the next index run re-embeds every file")
    return EXIT_OK


def cmd_model_info(args: argparse.Namespace) -> int:
    from desktop_search.config.paths import default_model_dir
    from desktop_search.embedding.manifest import ModelManifest

    data_dir = resolve_data_dir(args.data_dir)
    settings = Settings.load(data_dir)
    manifest = ModelManifest.load(
        Path(settings.model_dir) if settings.model_dir else default_model_dir()
    )
    if args.verify:
        manifest.verify()
    _print_json(manifest.raw | {"path": str(manifest.folder)})
    return EXIT_OK


def cmd_daemon(args: argparse.Namespace) -> int:
    from desktop_search.daemon.service import AlreadyRunningError, Daemon

    data_dir = resolve_data_dir(args.data_dir)
    folders = [os.path.abspath(f) for f in args.folder or []]
    refusal = _folders_refusal(folders)
    if refusal:
        print(f"error: {refusal}", file=sys.stderr)
        return EXIT_ERROR
    if not folders and not (data_dir / SETTINGS_FILE).exists():
        folders = default_folders()  # the first run; later the settings say (even "none")
    # watchdog adds its inotify watches with a recursive walk (os.walk): folders nested
    # about 1,000 deep would otherwise stop it. Our own walk is iterative.
    sys.setrecursionlimit(max(sys.getrecursionlimit(), DAEMON_RECURSION_LIMIT))
    # Low priority before any thread starts: onnxruntime's and the extractor's inherit it.
    with contextlib.suppress(OSError, AttributeError):
        os.nice(10)
    try:
        daemon = Daemon(data_dir, folders or None)
    except AlreadyRunningError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    return daemon.run()


def cmd_gui(args: argparse.Namespace) -> int:
    from desktop_search.gui.app import run_search_window  # Qt loads only when asked for

    return run_search_window(
        resolve_data_dir(args.data_dir), quit_after_ms=args.quit_after_ms, query=args.query
    )


def cmd_tray(args: argparse.Namespace) -> int:
    from desktop_search.tray.app import run_tray

    return run_tray(resolve_data_dir(args.data_dir), quit_after_ms=args.quit_after_ms)


def has_display() -> bool:
    return bool(
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
        or sys.platform in ("win32", "darwin")
    )


def cmd_default(args: argparse.Namespace) -> int:
    """No command: the search window on a desktop; on a bare terminal, index the configured
    folders (default: Documents) and show what was done."""
    if has_display():
        args.quit_after_ms = None
        args.query = None
        return cmd_gui(args)
    print("no display found: indexing from the terminal instead of opening the window")
    data_dir = resolve_data_dir(args.data_dir)
    folders = _configured_folders(data_dir)
    print(f"desktop-search {__version__}: indexing {', '.join(folders)} into {data_dir}")
    index_args = argparse.Namespace(paths=folders, data_dir=args.data_dir, json=False)
    code = cmd_index(index_args)
    print('search with: desktop-search search "what you are looking for"')
    return code


# -- parser -----------------------------------------------------------------------------


def result_count(text: str) -> int:
    """``-k``: a whole number of results, as the daemon accepts them."""
    from desktop_search.daemon.api import MAX_K

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= MAX_K:
        raise argparse.ArgumentTypeError(f"must be from 1 to {MAX_K}, not {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: an option given before the command is not reset by the subparser.
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=f"where the index lives (default: ${HOME_ENV} or the user data dir)",
    )
    common.add_argument(
        "-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="log more"
    )

    parser = argparse.ArgumentParser(
        prog="desktop-search",
        parents=[common],
        description="Private, offline desktop search that finds files by meaning.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("index", parents=[common], help="index (or update) folders and exit")
    p.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="folders, or files inside indexed folders (default: the configured folders)",
    )
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("search", parents=[common], help="search the index")
    p.add_argument("query", metavar="QUERY")
    p.add_argument(
        "-k", type=result_count, default=10, help="number of files to return (default 10)"
    )
    p.add_argument("--mode", choices=["hybrid", "dense", "lexical"], default="hybrid")
    p.add_argument(
        "--in",
        dest="folder",
        action="append",
        metavar="FOLDER",
        help="only files under FOLDER (repeatable)",
    )
    p.add_argument(
        "--type",
        action="append",
        metavar="TYPE",
        help="only this file type: extension (pdf) or kind (code) (repeatable)",
    )
    p.add_argument("--after", metavar="DATE", help="modified on or after DATE (YYYY-MM-DD)")
    p.add_argument("--before", metavar="DATE", help="modified before DATE (YYYY-MM-DD)")
    p.add_argument(
        "--prf",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="pseudo-relevance feedback: expand the query from the best results (default: "
        "in hybrid mode, when the best keyword match holds half the query; --prf always)",
    )
    p.add_argument(
        "--relevant",
        action="append",
        metavar="PATH",
        help="a file you found relevant: refine the query toward it (repeatable)",
    )
    p.add_argument(
        "--not-relevant",
        action="append",
        metavar="PATH",
        help="a file you found not relevant: refine away from it (repeatable)",
    )
    p.add_argument(
        "--explain", action="store_true", help="show how the query was understood and expanded"
    )
    p.add_argument(
        "--json",
        action="store_true",
        help="print results as a JSON array "
        "(with --explain: an object with 'results' and 'explain')",
    )
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("similar", parents=[common], help="files similar to a file")
    p.add_argument("path", metavar="PATH")
    p.add_argument("-k", type=result_count, default=10, help="number of files (default 10)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_similar)

    p = sub.add_parser(
        "daemon",
        parents=[common],
        help="run the indexing daemon in the foreground (until SIGTERM/SIGINT)",
    )
    p.add_argument(
        "--folder",
        action="append",
        metavar="PATH",
        help="a folder to watch (repeatable; default: the configured folders, else Documents)",
    )
    p.set_defaults(func=cmd_daemon)

    p = sub.add_parser("status", parents=[common], help="what is indexed, pending, failed")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_status)

    for name, func, what in (
        ("gui", cmd_gui, "open the search window (starts the daemon if needed)"),
        ("tray", cmd_tray, "run the indexer with its system-tray icon"),
    ):
        p = sub.add_parser(name, parents=[common], help=what)
        p.add_argument(
            "--quit-after-ms",
            type=int,
            metavar="MS",
            help="quit by itself this long after it is ready (smoke tests)",
        )
        if name == "gui":
            p.add_argument("query", nargs="?", help="start with this query")
        p.set_defaults(func=func)

    model = sub.add_parser("model", parents=[common], help="manage the embedding model")
    msub = model.add_subparsers(dest="model_command", metavar="ACTION", required=True)
    p = msub.add_parser(
        "import",
        parents=[common],
        help="package a local sentence-transformers model folder for use",
    )
    p.add_argument("path", metavar="PATH")
    p.add_argument("--name", help="name for the packaged model (default: folder name)")
    p.add_argument("--use", action="store_true", help="make it the model in use")
    p.set_defaults(func=cmd_model_import)
    p = msub.add_parser("info", parents=[common], help="show the model in use")
    p.add_argument("--verify", action="store_true", help="check file checksums")
    p.set_defaults(func=cmd_model_info)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.data_dir = getattr(args, "data_dir", None)
    args.verbose = getattr(args, "verbose", False)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    func = getattr(args, "func", cmd_default)
    try:
        code: int = func(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a clear message, not a traceback, unless asked for
        if args.verbose:
            raise
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    return code


if __name__ == "__main__":
    sys.exit(main())
