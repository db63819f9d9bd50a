"""The daemon: the one process that writes the index, kept true to the disk.

Threads: the IPC server answers clients (searches run there, on their own SQLite
connections); the watcher turns file system events into paths on a debounced queue; one
worker thread does every write: the first scan of each folder, the watcher's paths, and a
periodic reconcile scan that catches whatever events were missed.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import logging
import os
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import IO, Any

from desktop_search.config.paths import shipped_models_dir
from desktop_search.config.settings import Settings
from desktop_search.daemon.politeness import LoadMonitor, on_battery
from desktop_search.daemon.server import SUBSCRIBED, IpcServer, RequestError
from desktop_search.daemon.socket_dir import socket_path
from desktop_search.daemon.watcher import ChangeQueue, FolderWatcher
from desktop_search.embedding.manifest import ModelManifest
from desktop_search.engine import Engine
from desktop_search.indexer.pipeline import IndexSummary
from desktop_search.search.filters import Filters, parse_date
from desktop_search.search.passage import passage_in_context
from desktop_search.search.service import MODES, SearchRequest
from desktop_search.storage.catalog import clean_text

log = logging.getLogger(__name__)

LOCK_FILE = "daemon.lock"
RECONCILE_EVERY_S = 15 * 60
BACK_OFF_S = 5.0


class AlreadyRunningError(Exception):
    """Another daemon holds this data dir."""


def acquire_lock(data_dir: Path) -> IO[str]:
    data_dir.mkdir(parents=True, exist_ok=True)
    handle = (data_dir / LOCK_FILE).open("a+", encoding="utf-8")
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as exc:
        handle.close()
        raise AlreadyRunningError(f"a daemon is already running for {data_dir}") from exc
    handle.truncate(0)
    handle.write(f"{os.getpid()}\n")
    handle.flush()
    return handle


class Daemon:
    def __init__(self, data_dir: Path, folders: list[str] | None = None) -> None:
        self.data_dir = data_dir
        self._lock_handle = acquire_lock(data_dir)
        self.engine = Engine(data_dir)
        settings = self.engine.settings
        if folders:
            settings.folders = sorted({os.path.abspath(f) for f in folders})
            settings.save(data_dir)
        self.folders: list[str] = list(settings.folders)
        self.queue = ChangeQueue()
        self.stop_event = threading.Event()
        self.paused = threading.Event()
        self.indexer = self.engine.indexer()
        self.watcher = FolderWatcher(
            self.queue.add, include_hidden=settings.index_hidden, rules=self.indexer.rules
        )
        self.server = IpcServer(socket_path(data_dir), self.handle)
        self._scan_requested: set[str] = set(self.folders)
        self._removals: set[str] = set()
        self._retries: set[str] = set()
        self._pending_settings: Settings | None = None
        self._state_lock = threading.Lock()
        # Held by requests that read the engine, and while the engine is replaced (a new
        # model or thread count): a search never sees a half-closed engine.
        self._engine_lock = threading.RLock()
        self.started_at = time.time()
        self.load = LoadMonitor(self._child_pids)
        self.last_change_at: float | None = None
        self.files_done = 0
        self.busy_seconds = 0.0
        self.current: str = "starting"

    # -- lifecycle --------------------------------------------------------------------

    def run(self) -> int:
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, self._on_signal)
        self.server.start()
        for folder in self.folders:
            self._watch(folder)
        log.info("daemon serving %s on %s", self.data_dir, self.server.path)
        next_reconcile = time.monotonic() + RECONCILE_EVERY_S
        try:
            while not self.stop_event.is_set():
                if self.paused.is_set():
                    self.current = "paused"
                    self.stop_event.wait(0.5)
                    continue
                reason = self._hold_back_reason()
                if reason:
                    self.current = reason
                    self.stop_event.wait(BACK_OFF_S)
                    continue
                with self._state_lock:
                    new_settings = self._pending_settings
                if new_settings is not None:
                    self._apply_settings(new_settings)
                    with self._state_lock:  # answered as pending until now: no gap
                        if self._pending_settings is new_settings:
                            self._pending_settings = None
                with self._state_lock:
                    scans, self._scan_requested = sorted(self._scan_requested), set()
                    removals, self._removals = sorted(self._removals), set()
                    retries, self._retries = sorted(self._retries), set()
                if retries:
                    self._work("retrying", functools.partial(self._retry, retries))
                if removals:
                    self._work("removing", functools.partial(self._remove_folder_files, removals))
                if scans:
                    self._work("scanning", functools.partial(self.indexer.index, scans))
                    continue
                paths = self.queue.take_due(timeout_s=1.0)
                if paths and self.paused.is_set():  # paused while waiting: keep them
                    for path in paths:
                        self.queue.add(path)
                    continue
                if paths:
                    self._work("updating", functools.partial(self._update, paths))
                elif time.monotonic() >= next_reconcile:
                    with self._state_lock:
                        self._scan_requested.update(self.folders)
                    next_reconcile = time.monotonic() + RECONCILE_EVERY_S
                else:
                    self.current = "idle"
        finally:
            self.shutdown()
        return 0

    def _update(self, paths: list[str]) -> IndexSummary:
        """Files are indexed now; a folder (created, moved in) is expanded into its files,
        which join the queue behind anything saved more recently."""
        folders = [p for p in paths if os.path.isdir(p)]
        files = [p for p in paths if p not in folders]
        summary = self.indexer.update(files) if files else IndexSummary()
        if folders:
            queued, removed = self.indexer.expand_folders(folders)
            summary.removed += removed
            self.queue.add_now(queued)
        return summary

    def _retry(self, paths: list[str]) -> IndexSummary:
        """Failed files, tried again even though they have not changed."""
        self.engine.store.catalog.mark_pending(paths)
        return self.indexer.update(paths)

    def _apply_settings(self, new: Settings) -> None:
        """On the worker thread, between jobs: take new settings into use, no restart."""
        old = self.engine.settings
        new.save(self.data_dir)
        if (new.resolved_model_dir(), new.resolved_encoder_threads()) != (
            old.resolved_model_dir(),
            old.resolved_encoder_threads(),
        ):
            log.info("model or encoder threads changed: reopening the engine")
            with self._engine_lock:
                self.engine.close()
                self.engine = Engine(self.data_dir, settings=new)
        else:
            self.engine.settings = new
            self.engine.close_indexer()
        self.indexer = self.engine.indexer()
        self.watcher.set_rules(self.indexer.rules, include_hidden=new.index_hidden)
        rescan = (
            old.exclude_patterns != new.exclude_patterns
            or old.index_hidden != new.index_hidden
            or old.max_file_bytes != new.max_file_bytes
            or old.resolved_model_dir() != new.resolved_model_dir()
        )
        if rescan:
            with self._state_lock:
                self._scan_requested.update(self.folders)
        self.server.broadcast("settings", new.to_dict())

    def _child_pids(self) -> list[int]:
        pid = self.indexer.extractor.pid
        return [pid] if pid is not None else []

    def _hold_back_reason(self) -> str:
        """Why not to index right now ('' to go ahead); looked at only when work waits."""
        has_work = bool(len(self.queue) or self._scan_requested or self._removals or self._retries)
        if not has_work:
            self.load.others_share()  # keep the sample fresh for the next look
            return ""
        if self.engine.settings.pause_on_battery and on_battery():
            return "waiting (on battery)"
        if self.load.others_busy():
            return "waiting (the computer is busy)"
        return ""

    def _work(self, what: str, job: Callable[[], IndexSummary]) -> None:
        self.current = what
        started = time.monotonic()
        self.server.broadcast("progress", {"state": what, "queued_paths": len(self.queue)})
        summary = job()
        self.busy_seconds += time.monotonic() - started
        self.files_done += summary.indexed
        if summary.indexed or summary.removed or summary.failed:
            self.last_change_at = time.time()
            self.server.broadcast(
                "changed",
                {
                    "indexed": summary.indexed,
                    "removed": summary.removed,
                    "failed": [
                        {"path": clean_text(p), "reason": r}
                        for p, r in sorted(summary.failed.items())
                    ],
                },
            )
        self.current = "idle"
        self.server.broadcast("progress", {"state": "idle", "queued_paths": len(self.queue)})

    def _watch(self, folder: str) -> None:
        if os.path.isdir(folder):
            self.watcher.watch(folder)
        else:
            log.warning("folder %s does not exist (yet): not watched", folder)

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        log.info("signal %s: finishing the current commit, then stopping", signum)
        self.stop_event.set()
        self.queue.wake()

    def shutdown(self) -> None:
        self.stop_event.set()
        with contextlib.suppress(Exception):
            self.watcher.stop()
        with contextlib.suppress(Exception):
            self.server.stop()
        self.engine.close()
        self._lock_handle.close()

    # -- requests ---------------------------------------------------------------------

    def handle(self, method: str, params: dict[str, Any]) -> Any:
        handler = getattr(self, f"rpc_{method}", None)
        if handler is None:
            raise RequestError("unknown_method", f"unknown method {method!r}")
        return handler(**params)

    def rpc_ping(self) -> str:
        return "pong"

    def rpc_subscribe(self) -> str:
        """The connection then receives 'progress' and 'changed' events (see _work)."""
        return SUBSCRIBED

    def rpc_status(self) -> dict[str, Any]:
        with self._engine_lock:
            status = self.engine.status()
        status["folders"] = [
            {"path": folder, "watched": self.watcher.modes.get(folder, "not watched")}
            for folder in self.folders
        ]
        status["files_pending"] += len(self.queue)
        with self._state_lock:
            queued_work = bool(self._scan_requested or self._removals)
        state = self.current
        if self.paused.is_set():
            state = "paused"
        elif state == "idle" and queued_work:
            state = "scanning"
        status["state"] = state
        status["daemon"] = {
            "pid": os.getpid(),
            "uptime_s": round(time.time() - self.started_at, 1),
            "files_per_s": round(self.files_done / self.busy_seconds, 2)
            if self.busy_seconds > 0
            else None,
            "last_change_at": self.last_change_at,
            "queued_paths": len(self.queue),
        }
        return status

    def rpc_search(
        self,
        query: str,
        k: int = 10,
        mode: str = "hybrid",
        prf: bool | None = None,
        folders: list[str] | None = None,
        types: list[str] | None = None,
        after: str | None = None,
        before: str | None = None,
        relevant: list[str] | None = None,
        not_relevant: list[str] | None = None,
        explain: bool = False,
    ) -> Any:
        if mode not in MODES:
            raise RequestError("bad_request", f"mode must be one of {', '.join(MODES)}")
        try:
            filters = Filters(
                folders=list(folders or []),
                types=set(types or []),
                after=parse_date(after) if after else None,
                before=parse_date(before) if before else None,
            )
            with self._engine_lock:
                response = self.engine.search.run(
                    SearchRequest(
                        query=query,
                        k=int(k),
                        mode=mode,
                        filters=filters,
                        prf=prf,
                        relevant=list(relevant or []),
                        not_relevant=list(not_relevant or []),
                        describe_expansion=explain,
                    )
                )
        except ValueError as exc:
            raise RequestError("bad_request", str(exc)) from exc
        results = [hit.to_dict() for hit in response.hits]
        return {"results": results, "explain": response.explain} if explain else results

    def rpc_similar(self, path: str, k: int = 10) -> list[dict[str, Any]]:
        try:
            with self._engine_lock:
                return [h.to_dict() for h in self.engine.search.similar(path, k=int(k))]
        except LookupError as exc:
            raise RequestError("not_found", str(exc)) from exc

    def rpc_passage(self, path: str, chunk_id: int, query: str = "") -> dict[str, Any]:
        """The matched passage with its neighbours, for a preview."""
        try:
            with self._engine_lock:
                catalog = self.engine.store.catalog
                return passage_in_context(catalog, path, int(chunk_id), query).to_dict()
        except LookupError as exc:
            raise RequestError("not_found", str(exc)) from exc

    def rpc_get_settings(self) -> dict[str, Any]:
        with self._state_lock:
            settings = self._pending_settings or self.engine.settings
        return {**settings.to_dict(), "folders": list(self.folders)}

    def rpc_set_settings(self, changes: dict[str, Any]) -> dict[str, Any]:
        """Validate now, apply on the worker thread before its next job; folders at once."""
        with self._state_lock:
            base = self._pending_settings or self.engine.settings
        try:
            new = base.with_changes(changes)
            if new.model_dir and not (Path(new.model_dir) / "manifest.json").is_file():
                raise ValueError(f"{new.model_dir} is not a desktop-search model folder")
        except ValueError as exc:
            raise RequestError("bad_request", str(exc)) from exc
        if "folders" in changes:
            wanted = [os.path.abspath(os.path.expanduser(f)) for f in new.folders]
            for folder in [f for f in self.folders if f not in wanted]:
                self.rpc_remove_folder(folder)
            for folder in [f for f in wanted if f not in self.folders]:
                self.rpc_add_folder(folder)
        new.folders = list(self.folders)
        with self._state_lock:
            self._pending_settings = new
        self.queue.wake()
        return new.to_dict()

    def rpc_models(self) -> list[dict[str, Any]]:
        """The models a user can choose: the shipped one and those imported."""
        found = [shipped_models_dir() / "all-MiniLM-L6-v2-int8"]
        imported = self.data_dir / "models"
        if imported.is_dir():
            found += sorted(p for p in imported.iterdir() if (p / "manifest.json").is_file())
        models = []
        for folder in found:
            try:
                manifest = ModelManifest.load(folder)
            except (OSError, ValueError) as exc:
                log.warning("skipping model folder %s: %s", folder, exc)
                continue
            models.append(
                {
                    "name": manifest.name,
                    "path": str(folder),
                    "shipped": folder == found[0],
                    "dimensions": manifest.dimensions,
                }
            )
        return models

    def rpc_retry_failed(self) -> int:
        """Try every failed file again; answers how many."""
        with self._engine_lock:
            paths = [row.path for row in self.engine.store.catalog.failures()]
        with self._state_lock:
            self._retries.update(paths)
        self.queue.wake()
        return len(paths)

    def rpc_shutdown(self) -> str:
        """Stop the daemon (the tray's Quit): the current commit finishes first."""
        self.stop_event.set()
        self.queue.wake()
        return "stopping"

    def rpc_pause(self) -> str:
        self.paused.set()
        return "paused"

    def rpc_resume(self) -> str:
        self.paused.clear()
        self.queue.wake()
        return "resumed"

    def rpc_reindex(self, paths: list[str] | None = None) -> str:
        with self._state_lock:
            self._scan_requested.update(paths or self.folders)
        self.queue.wake()
        return "scheduled"

    def rpc_add_folder(self, path: str) -> list[str]:
        folder = os.path.abspath(os.path.expanduser(path))
        if not os.path.isdir(folder):
            raise RequestError("not_found", f"{folder} is not a folder")
        if folder not in self.folders:
            self.folders.append(folder)
            self._save_folders()
            self._watch(folder)
            with self._state_lock:
                self._scan_requested.add(folder)
            self.queue.wake()
        return self.folders

    def rpc_remove_folder(self, path: str) -> list[str]:
        folder = os.path.abspath(os.path.expanduser(path))
        if folder in self.folders:
            self.folders.remove(folder)
            self._save_folders()
            self.watcher.unwatch(folder)
            with self._state_lock:
                self._scan_requested.discard(folder)
                self._removals.add(folder)  # its files leave on the worker thread
            self.queue.wake()
        return self.folders

    def _remove_folder_files(self, folders: list[str]) -> IndexSummary:
        summary = IndexSummary()
        catalog = self.engine.store.catalog
        still_watched = [f for f in self.folders if f not in folders]
        gone = [
            path
            for path in catalog.paths_under(folders)
            if not any(path == w or path.startswith(w + os.sep) for w in still_watched)
        ]
        summary.removed = self.engine.store.remove_files(gone)
        self.engine.store.save()
        return summary

    def _save_folders(self) -> None:
        settings = self.engine.settings
        settings.folders = list(self.folders)
        settings.save(self.data_dir)
