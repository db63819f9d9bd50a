"""The daemon's one worker: the only thread that writes the index or changes the daemon's
state (folders, settings, pause, the engine).

Other threads hand it work through :meth:`Worker.call` (a command: a function run on the
worker between two jobs, whose result they wait for) and read what it publishes
(:attr:`Worker.snapshot`). Jobs (a folder's scan, a batch of changed files, a removal, a
retry) run one at a time inside a fault barrier: an unexpected error is logged with its
job and files, kept for ``status``, and the daemon goes on. A full disk makes it wait and
try again; a stop request or a waiting command interrupts a long job at the next file.
"""

from __future__ import annotations

import collections
import functools
import itertools
import logging
import os
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from desktop_search.config.model_choice import (
    ENGLISH_MODEL,
    MULTILINGUAL_MODEL,
    files_need_multilingual,
)
from desktop_search.config.paths import MODEL_ENV, shipped_models_dir
from desktop_search.daemon.api import DaemonState, Event
from desktop_search.daemon.politeness import LoadMonitor, on_battery
from desktop_search.daemon.watcher import ChangeQueue, FolderWatcher
from desktop_search.indexer.pipeline import IndexInterrupted, IndexSummary
from desktop_search.storage.catalog import clean_text
from desktop_search.storage.errors import is_disk_full

if TYPE_CHECKING:
    from desktop_search.daemon.service import Daemon

log = logging.getLogger(__name__)

T = TypeVar("T")
Broadcast = Callable[[str, dict[str, Any]], None]

RECONCILE_EVERY_S = 15 * 60
BACK_OFF_S = 5.0
DISK_FULL_RETRY_S = 15.0
SAVE_EVERY_S = 30.0  # the vector file is saved at most this often while work goes on
RECHECK_FOLDERS_S = 5.0  # how often missing watched folders are looked for again
RECENT_ERRORS = 20
SWITCH_RETRY_S = 60.0  # after a model-switch step that failed
OCR_LOOK_EVERY_S = 30.0  # how often an idle worker asks the catalog for files to OCR


@dataclass
class IndexJob:
    """An ``index`` request: done when its folders are scanned and their files handled."""

    id: int
    scans_left: set[str]
    pending: set[str] = field(default_factory=set)
    summary: IndexSummary = field(default_factory=IndexSummary)


@dataclass(frozen=True)
class Snapshot:
    """What the worker last published for readers on other threads (immutable)."""

    state: DaemonState = DaemonState.STARTING
    folders: tuple[str, ...] = ()
    watch_modes: tuple[tuple[str, str], ...] = ()
    queued_paths: int = 0
    scans_waiting: bool = False
    files_done: int = 0
    busy_seconds: float = 0.0
    last_change_at: float | None = None
    errors: tuple[dict[str, Any], ...] = ()
    ocr_pages_done: int = 0  # pages the OCR job read since it last found nothing to do


class Worker:
    def __init__(
        self,
        daemon: Daemon,
        watcher: FolderWatcher,
        changes: ChangeQueue,
        broadcast: Broadcast,
    ) -> None:
        self.daemon = daemon
        self.watcher = watcher
        self.changes = changes
        self.broadcast = broadcast
        self.stop_event = threading.Event()
        self.paused = False
        self.scans: set[str] = set()
        # Files the catalog holds outside the watched folders leave the index: set at start
        # (folders may have changed while the daemon was stopped) and when one is removed.
        self.prune = True
        self.retries: set[str] = set()
        self.jobs: dict[int, IndexJob] = {}
        self._job_ids = itertools.count(1)
        self._commands: queue.Queue[tuple[Callable[[], Any], Future[Any]]] = queue.Queue()
        self._state = DaemonState.STARTING
        self._errors: collections.deque[dict[str, Any]] = collections.deque(maxlen=RECENT_ERRORS)
        self._files_done = 0
        self._busy_seconds = 0.0
        self._last_change_at: float | None = None
        self._last_save = time.monotonic()
        self._unsaved_work = False
        self._disk_full_until = 0.0
        self._switch_after = 0.0
        self._ocr_pages_done = 0
        self._ocr_after = 0.0
        self.load = LoadMonitor(self._child_pids)
        self.snapshot = Snapshot()

    # -- for other threads ------------------------------------------------------------

    def call(self, command: Callable[[], T], timeout_s: float = 50.0) -> T:
        """Run ``command`` on the worker thread and return its result (or raise its error)."""
        future: Future[T] = Future()
        self._commands.put((command, future))
        self.changes.wake()
        return future.result(timeout=timeout_s)

    def request_stop(self) -> None:
        self.stop_event.set()
        self.changes.wake()

    # -- the loop ---------------------------------------------------------------------

    def run(self) -> None:
        next_reconcile = time.monotonic() + RECONCILE_EVERY_S
        next_recheck = time.monotonic() + RECHECK_FOLDERS_S
        self.daemon.indexer.interrupt = self.should_yield
        while not self.stop_event.is_set():
            self._run_commands()
            self._publish()
            if self.stop_event.is_set():
                break
            if time.monotonic() >= next_recheck:
                self._barrier("rechecking folders", [], self.watcher.recheck)
                next_recheck = time.monotonic() + RECHECK_FOLDERS_S
            if self.paused:
                self._set_state(DaemonState.PAUSED)
                self._wait(0.5)
                continue
            if time.monotonic() < self._disk_full_until:
                self._wait(1.0)
                continue
            reason = self._hold_back_reason()
            if reason is not None:
                self._set_state(reason)
                self._wait(BACK_OFF_S)
                continue
            if self._next_job():
                continue
            switching = self._switch_due()
            reading = not switching and self._ocr_due()
            paths = self.changes.take_due(timeout_s=0.0 if switching or reading else 1.0)
            if paths:
                self._job(DaemonState.UPDATING, paths, self._update)
            elif time.monotonic() >= next_reconcile:
                self.scans.update(self.daemon.folders)
                next_reconcile = time.monotonic() + RECONCILE_EVERY_S
            elif switching:
                self._job(DaemonState.CHANGING_MODEL, [], self._change_model)
            elif reading:
                self._job(DaemonState.READING_SCANS, [], self._read_scan)
            else:
                self._ocr_pages_done = 0
                if self._unsaved_work:
                    self._barrier("choosing the default model", [], self._review_default_model)
                self._save_if_due(force=self._unsaved_work)
                self._set_state(DaemonState.IDLE)
        self._set_state(DaemonState.STOPPING)
        self._fail_pending_commands()

    def _next_job(self) -> bool:
        """Start the most urgent waiting job; False when there was none."""
        if self.retries:
            retries, self.retries = sorted(self.retries), set()
            self._job(DaemonState.RETRYING, retries, self._retry)
            return True
        if self.prune:
            self.prune = False
            self._job(DaemonState.REMOVING, [], self._prune)
            return True
        if self.scans:
            folder = min(self.scans)
            self._job(DaemonState.SCANNING, [folder], self._scan)
            return True
        return False

    def _wait(self, seconds: float) -> None:
        """Sleep, but wake for a command or a stop."""
        deadline = time.monotonic() + seconds
        while not self.stop_event.is_set() and self._commands.empty():
            left = deadline - time.monotonic()
            if left <= 0:
                return
            self.stop_event.wait(min(left, 0.1))

    def should_yield(self) -> bool:
        return self.stop_event.is_set() or not self._commands.empty()

    def _run_commands(self) -> None:
        while True:
            try:
                command, future = self._commands.get_nowait()
            except queue.Empty:
                return
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(command())
            except BaseException as exc:  # the caller gets the error; the worker goes on
                future.set_exception(exc)

    def _fail_pending_commands(self) -> None:
        while True:
            try:
                _command, future = self._commands.get_nowait()
            except queue.Empty:
                return
            if future.set_running_or_notify_cancel():
                future.set_exception(RuntimeError("the daemon is stopping"))

    # -- jobs -------------------------------------------------------------------------

    def _job(
        self, state: DaemonState, paths: list[str], job: Callable[[list[str]], IndexSummary]
    ) -> None:
        self._set_state(state)
        self.broadcast(Event.PROGRESS, {"state": str(state), "queued_paths": len(self.changes)})
        started = time.monotonic()
        summary = self._barrier(str(state), paths, functools.partial(job, paths))
        self._busy_seconds += time.monotonic() - started
        self._unsaved_work = True
        if summary is not None:
            self._record(summary)
        self._save_if_due()
        self._set_state(DaemonState.IDLE)
        self.broadcast(Event.PROGRESS, {"state": "idle", "queued_paths": len(self.changes)})

    def _barrier(self, what: str, paths: list[str], job: Callable[[], T]) -> T | None:
        """Run a job so that nothing it raises stops the daemon."""
        try:
            result = job()
        except IndexInterrupted as exc:
            self._requeue(what, paths, exc.summary)
            return None
        except Exception as exc:
            if is_disk_full(exc, self.daemon.data_dir):
                log.warning("the disk is full (%s): waiting, then trying again", exc)
                self._disk_full_until = time.monotonic() + DISK_FULL_RETRY_S
                self._set_state(DaemonState.WAITING_DISK)
                self._requeue(what, paths, IndexSummary())
                return None
            log.exception("%s failed unexpectedly (%d paths: %s)", what, len(paths), paths[:5])
            self._errors.append(
                {
                    "at": time.time(),
                    "job": what,
                    "paths": [clean_text(p) for p in paths[:5]],
                    "error": clean_text(f"{type(exc).__name__}: {exc}")[:500],
                }
            )
            if what == str(DaemonState.SCANNING):  # never retried in a loop; reported
                self.scans.difference_update(paths)
                for waiting in self.jobs.values():
                    waiting.scans_left.difference_update(paths)
                self._settle_jobs(IndexSummary())
            elif what == str(DaemonState.UPDATING) and len(paths) > 1:
                # find the one file that breaks the batch: the others still go in
                for path in paths:
                    self._job(DaemonState.UPDATING, [path], self._update)
            elif what == str(DaemonState.UPDATING) and paths:
                self._mark_failed(paths[0], exc)
            return None
        self._disk_full_until = 0.0
        return result

    def _requeue(self, what: str, paths: list[str], done: IndexSummary) -> None:
        """Put back what an interrupted or blocked job did not finish."""
        self._record(done)
        if what == str(DaemonState.SCANNING):
            self.scans.update(paths)
        elif what == str(DaemonState.REMOVING):
            self.prune = True
        elif what == str(DaemonState.RETRYING):
            self.retries.update(p for p in paths if p not in done.outcomes)
        else:
            self.changes.add_now([p for p in paths if p not in done.outcomes])

    def _mark_failed(self, path: str, exc: Exception) -> None:
        reason = f"internal error while indexing: {type(exc).__name__}: {exc}"[:300]
        try:
            self.daemon.engine.store.commit_failure(path, reason, size=None, mtime_ns=None)
        except Exception:
            log.exception("could not even record the failure of %s", path)
            return
        self._record(IndexSummary(failed={path: reason}, outcomes={path: "failed"}))

    def _scan(self, folders: list[str]) -> IndexSummary:
        """A folder's files join the queue (behind anything saved more recently); what is
        gone leaves the index and what cannot be read is recorded, now."""
        queued, summary = self.daemon.indexer.expand_folders(folders)
        self.scans.difference_update(folders)
        self.changes.add_now(queued)
        for job in self.jobs.values():
            if job.scans_left.intersection(folders):
                job.scans_left.difference_update(folders)
                job.pending.update(queued)
                job.pending.update(summary.outcomes)  # settled below, by _record
        return summary

    def _update(self, paths: list[str]) -> IndexSummary:
        """Files are indexed now; a folder (created, moved in) is expanded into its files."""
        outside = [p for p in paths if not self.watched(p)]  # its folder was removed
        paths = [p for p in paths if p not in outside]
        folders = [p for p in paths if os.path.isdir(p)]
        files = [p for p in paths if p not in folders]
        indexer = self.daemon.indexer
        summary = indexer.update(files, save=False) if files else IndexSummary()
        gone = self.daemon.engine.store.catalog.paths_under(outside) if outside else []
        if gone:
            summary.removed += self.daemon.engine.store.remove_files(gone)
        summary.outcomes.update(dict.fromkeys(outside, "removed"))
        for path in files:  # excluded or unsupported by now: nothing to do for it
            summary.outcomes.setdefault(os.path.abspath(path), "skipped")
        if folders:
            queued, expanded = indexer.expand_folders(folders)
            summary.merge(expanded)
            self.changes.add_now(queued)
            for job in self.jobs.values():
                if job.pending.intersection(folders):
                    job.pending.update(queued)
                    job.pending.difference_update(folders)
        return summary

    def _switch_due(self) -> bool:
        """A model switch waits (see :mod:`desktop_search.indexer.model_switch`) and did not
        just fail."""
        return self.daemon.engine.switch is not None and time.monotonic() >= self._switch_after

    def _change_model(self, _paths: list[str]) -> IndexSummary:
        """Embed one more step of the index with the settings' model; at the end put it in
        use (searches wait only while the vectors change hands). If a step breaks, the
        next one waits SWITCH_RETRY_S (the error is in ``status``)."""
        engine = self.daemon.engine
        self._switch_after = time.monotonic() + SWITCH_RETRY_S
        if engine.switch_step(self.should_yield):
            engine.finish_switch(self.daemon.engine_lock)
            self.daemon.renew_indexer()
        self._switch_after = 0.0
        return IndexSummary()

    def _ocr_due(self) -> bool:
        """The OCR job runs when nothing else waits, if the settings let it, and a file has
        pages waiting for it (looked up at most every OCR_LOOK_EVERY_S when there was none)."""
        if not self.daemon.engine.settings.ocr or time.monotonic() < self._ocr_after:
            return False
        if self.daemon.engine.store.catalog.next_for_ocr() is None:
            self._ocr_after = time.monotonic() + OCR_LOOK_EVERY_S
            return False
        return True

    def _read_scan(self, _paths: list[str]) -> IndexSummary:
        """OCR of one file's pages without text (the lowest-priority job: a saved file or a
        command interrupts it; what it read is cached and not read again)."""
        engine = self.daemon.engine
        path = engine.store.catalog.next_for_ocr()
        if path is None:
            return IndexSummary()
        cap = engine.settings.ocr_max_pages
        before = engine.store.catalog.ocr_backlog(cap)[1]
        base = self._ocr_pages_done

        def page_done(pages: int) -> None:  # live progress: "OCR n of m pages"
            self._ocr_pages_done = base + pages
            self._publish()

        summary = self.daemon.indexer.recognise(
            path, max_pages=cap, seconds=engine.settings.ocr_seconds_per_file, progress=page_done
        )
        finished = max(0, before - engine.store.catalog.ocr_backlog(cap)[1])
        self._ocr_pages_done = max(self._ocr_pages_done, base + finished)
        return summary

    def _review_default_model(self) -> None:
        """A user who has not chosen a model and has the English one moves to the
        multilingual one once enough of their files are in other languages (in the
        background, like any change of model; never back)."""
        daemon = self.daemon
        settings = daemon.engine.settings
        if settings.model_dir or os.environ.get(MODEL_ENV):
            return
        if settings.resolved_model_dir().name != ENGLISH_MODEL:
            return
        if not (shipped_models_dir() / MULTILINGUAL_MODEL).is_dir():
            return
        if not files_need_multilingual(daemon.engine.store.catalog.languages()):
            return
        log.info(
            "enough files are in other languages than English: moving to %s", MULTILINGUAL_MODEL
        )
        daemon.apply_settings(settings.with_changes({"default_model": MULTILINGUAL_MODEL}))

    def _retry(self, paths: list[str]) -> IndexSummary:
        """Failed files, tried again even though they have not changed: marked as not in
        sync, they join the queue and are done a batch at a time."""
        self.daemon.engine.store.catalog.mark_pending(paths)
        self.changes.add_now(paths)
        return IndexSummary()

    def watched(self, path: str) -> bool:
        """Whether ``path`` is (inside) one of the watched folders."""
        return any(
            path == f or path.startswith(f.rstrip(os.sep) + os.sep) for f in self.daemon.folders
        )

    def _prune(self, _paths: list[str]) -> IndexSummary:
        """Every file the catalog holds outside the watched folders leaves the index (a
        folder removed, or changed while the daemon was stopped)."""
        store = self.daemon.engine.store
        gone = [path for path in store.catalog.paths_under([os.sep]) if not self.watched(path)]
        summary = IndexSummary(removed=store.remove_files(gone) if gone else 0)
        summary.outcomes.update(dict.fromkeys(gone, "removed"))
        return summary

    def _record(self, summary: IndexSummary) -> None:
        self._files_done += summary.indexed
        if summary.indexed or summary.removed or summary.failed:
            self._last_change_at = time.time()
            self.broadcast(
                Event.CHANGED,
                {
                    "indexed": summary.indexed,
                    "removed": summary.removed,
                    "failed": [
                        {"path": clean_text(p), "reason": r}
                        for p, r in sorted(summary.failed.items())
                    ],
                },
            )
        self._settle_jobs(summary)

    # -- index requests ---------------------------------------------------------------

    def start_index_job(self, folders: list[str], files: list[str]) -> int:
        """(On the worker.) Scan ``folders`` and update ``files``; INDEX_DONE says when."""
        job = IndexJob(next(self._job_ids), scans_left=set(folders), pending=set(files))
        self.jobs[job.id] = job
        self.scans.update(folders)
        self.changes.add_now(files)
        if not folders and not files:
            self._settle_jobs(IndexSummary())
        return job.id

    def _settle_jobs(self, summary: IndexSummary) -> None:
        for job in list(self.jobs.values()):
            touched = job.pending.intersection(summary.outcomes)
            for path in touched:
                outcome = summary.outcomes[path]
                job.summary.outcomes[path] = outcome
                if outcome == "indexed":
                    job.summary.indexed += 1
                elif outcome == "unchanged":
                    job.summary.unchanged += 1
                elif outcome == "removed":
                    job.summary.removed += 1
                if path in summary.failed:
                    job.summary.failed[path] = summary.failed[path]
            job.pending.difference_update(touched)
            if not job.pending and not job.scans_left:
                del self.jobs[job.id]
                done = job.summary.to_dict()
                done.pop("outcomes", None)
                self.broadcast(Event.INDEX_DONE, {"job": job.id, "summary": done})

    # -- helpers ----------------------------------------------------------------------

    def _save_if_due(self, *, force: bool = False) -> None:
        """Save the vector file when work was done since the last attempt and the worker
        goes idle (``force``), or every SAVE_EVERY_S. A failed save is tried again on that
        schedule, not at every turn of the loop."""
        if force or time.monotonic() - self._last_save >= SAVE_EVERY_S:
            self._unsaved_work = False
            self._barrier("saving the vector index", [], self.daemon.engine.store.save)
            self._last_save = time.monotonic()

    def _child_pids(self) -> list[int]:
        pid = self.daemon.indexer.extractor.pid
        return [pid] if pid is not None else []

    def _hold_back_reason(self) -> DaemonState | None:
        """Why not to index right now (None: go ahead); looked at only when work waits."""
        has_work = bool(
            len(self.changes) or self.scans or self.prune or self.retries or self._switch_due()
        )
        if not has_work:
            self.load.others_share()  # keep the sample fresh for the next look
            return None
        if self.daemon.engine.settings.pause_on_battery and on_battery():
            return DaemonState.WAITING_BATTERY
        if self.daemon.engine.settings.pause_when_busy and self.load.others_busy():
            return DaemonState.WAITING_BUSY
        return None

    def _set_state(self, state: DaemonState) -> None:
        if state == DaemonState.IDLE and self._disk_full_until > time.monotonic():
            state = DaemonState.WAITING_DISK
        self._state = state
        self._publish()

    def _publish(self) -> None:
        self.snapshot = Snapshot(
            state=self._state,
            folders=tuple(self.daemon.folders),
            watch_modes=tuple(sorted(self.watcher.modes.items())),
            queued_paths=len(self.changes),
            scans_waiting=bool(self.scans or self.prune or self.retries),
            files_done=self._files_done,
            busy_seconds=self._busy_seconds,
            last_change_at=self._last_change_at,
            errors=tuple(self._errors),
            ocr_pages_done=self._ocr_pages_done,
        )
