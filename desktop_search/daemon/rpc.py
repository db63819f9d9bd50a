"""What each RPC method does. Parameters arrive checked against ``daemon.api``.

Reads (search, status, passages...) run on the IPC request pool under the engine lock.
Anything that changes the daemon's state is handed to the worker as a command, and the
request waits for its answer: no state is changed from two threads.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TYPE_CHECKING, Any, TypeVar

from desktop_search.config.paths import default_model_dir, shipped_models_dir
from desktop_search.daemon import api
from desktop_search.daemon.api import DaemonState, ErrorCode
from desktop_search.daemon.server import RequestError
from desktop_search.embedding.manifest import ModelError, ModelManifest
from desktop_search.indexer.scanner import folder_refusal
from desktop_search.ocr.models import OCR_FOLDER
from desktop_search.search.passage import passage_in_context
from desktop_search.search.service import MODES

if TYPE_CHECKING:
    from desktop_search.daemon.service import Daemon

log = logging.getLogger(__name__)

T = TypeVar("T")
COMMAND_TIMEOUT_S = 50.0  # below the clients' reply timeout, so they hear why


def _folder(path: str) -> str:
    return os.path.abspath(os.path.expanduser(path))


def _check_folder(folder: str) -> None:
    if not os.path.isdir(folder):
        raise RequestError(ErrorCode.NOT_FOUND, f"{folder} is not a folder")
    refusal = folder_refusal(folder)
    if refusal:
        raise RequestError(ErrorCode.BAD_REQUEST, refusal)


class RpcHandlers:
    def __init__(self, daemon: Daemon) -> None:
        self.daemon = daemon
        self._methods: dict[str, Callable[[Any], Any]] = {
            name: getattr(self, f"rpc_{name}") for name in api.METHODS if name != "subscribe"
        }

    def handle(self, method: str, params: api.Params) -> Any:
        return self._methods[method](params)

    def _command(self, command: Callable[[], T]) -> T:
        try:
            return self.daemon.worker.call(command, timeout_s=COMMAND_TIMEOUT_S)
        except FutureTimeout as exc:
            raise RequestError(
                ErrorCode.BUSY, "the indexer is busy with a long step: try again shortly"
            ) from exc
        except RuntimeError as exc:
            raise RequestError(ErrorCode.BUSY, str(exc)) from exc

    # -- reads ------------------------------------------------------------------------

    def rpc_ping(self, params: api.NoParams) -> str:
        return "pong"

    def rpc_status(self, params: api.NoParams) -> dict[str, Any]:
        daemon = self.daemon
        snapshot = daemon.worker.snapshot
        with daemon.engine_lock:
            status = daemon.engine.status()
        modes = dict(snapshot.watch_modes)
        status["folders"] = [
            {"path": folder, "watched": modes.get(folder, "not watched")}
            for folder in snapshot.folders
        ]
        # Queued paths are mostly not pending in the catalog yet (a scan's files), but
        # retried ones are both: the larger count is the honest one.
        status["files_pending"] = max(status["files_pending"], snapshot.queued_paths)
        state = snapshot.state
        if state == DaemonState.IDLE and (snapshot.scans_waiting or snapshot.queued_paths):
            state = DaemonState.SCANNING
        status["state"] = str(state)
        status["errors"] = list(snapshot.errors)
        status["ocr"]["pages_done"] = snapshot.ocr_pages_done
        status["daemon"] = {
            "pid": os.getpid(),
            "uptime_s": round(time.time() - daemon.started_at, 1),
            "files_per_s": round(snapshot.files_done / snapshot.busy_seconds, 2)
            if snapshot.busy_seconds > 0
            else None,
            "last_change_at": snapshot.last_change_at,
            "queued_paths": snapshot.queued_paths,
        }
        return status

    def rpc_search(self, params: api.SearchParams) -> Any:
        if params.mode not in MODES:
            raise RequestError(ErrorCode.INVALID_PARAMS, f"mode must be one of {', '.join(MODES)}")
        try:
            request = params.to_request()
            with self.daemon.engine_lock:
                response = self.daemon.engine.search.run(request)
        except ValueError as exc:
            raise RequestError(ErrorCode.BAD_REQUEST, str(exc)) from exc
        results = [hit.to_dict() for hit in response.hits]
        if params.explain:
            return {"results": results, "explain": response.explain}
        return results

    def rpc_similar(self, params: api.SimilarParams) -> list[dict[str, Any]]:
        try:
            with self.daemon.engine_lock:
                hits = self.daemon.engine.search.similar(params.path, k=params.k)
        except LookupError as exc:
            raise RequestError(ErrorCode.NOT_FOUND, str(exc)) from exc
        return [hit.to_dict() for hit in hits]

    def rpc_passage(self, params: api.PassageParams) -> dict[str, Any]:
        """The matched passage with its neighbours, for a preview."""
        try:
            with self.daemon.engine_lock:
                catalog = self.daemon.engine.store.catalog
                passage = passage_in_context(catalog, params.path, params.chunk_id, params.query)
        except LookupError as exc:
            raise RequestError(ErrorCode.NOT_FOUND, str(exc)) from exc
        return passage.to_dict()

    def rpc_get_settings(self, params: api.NoParams) -> dict[str, Any]:
        def read() -> dict[str, Any]:
            settings = self.daemon.engine.settings
            return {**settings.to_dict(), "folders": list(self.daemon.folders)}

        return self._command(read)

    def rpc_models(self, params: api.NoParams) -> list[dict[str, Any]]:
        """The models a user can choose: those shipped (``choice`` is the folder's name)
        and those imported (``choice`` is the folder); ``default`` marks the one an empty
        choice means."""
        shipped = shipped_models_dir()
        found = sorted(p for p in shipped.iterdir() if p.is_dir()) if shipped.is_dir() else []
        imported = self.daemon.data_dir / "models"
        if imported.is_dir():
            found += sorted(p for p in imported.iterdir() if p.is_dir())
        default = default_model_dir(self.daemon.engine.settings.default_model)
        models = []
        for folder in found:
            if folder.parent == shipped and folder.name == OCR_FOLDER:
                continue  # the OCR models, not a sentence encoder
            try:
                manifest = ModelManifest.load(folder)
            except (OSError, ValueError, ModelError) as exc:
                log.warning("skipping model folder %s: %s", folder, exc)
                continue
            is_shipped = folder.parent == shipped
            models.append(
                {
                    "name": manifest.name,
                    "path": str(folder),
                    "choice": folder.name if is_shipped else str(folder),
                    "shipped": is_shipped,
                    "default": folder == default,
                    "dimensions": manifest.dimensions,
                    "languages": _languages_label(manifest.raw.get("languages")),
                }
            )
        return models

    # -- commands (run on the worker) -------------------------------------------------

    def rpc_set_settings(self, params: api.SetSettingsParams) -> dict[str, Any]:
        """Validated now; applied by the worker (folders at once, the rest between jobs)."""
        daemon = self.daemon

        def change() -> dict[str, Any]:
            base = daemon.engine.settings
            try:
                new = base.with_changes(params.changes)
                if not (new.resolved_model_dir() / "manifest.json").is_file():
                    raise ValueError(f"{new.model_dir} is not a desktop-search model folder")
            except ValueError as exc:
                raise RequestError(ErrorCode.BAD_REQUEST, str(exc)) from exc
            if "folders" in params.changes:
                wanted = [_folder(f) for f in new.folders]
                for folder in wanted:
                    if folder not in daemon.folders:
                        _check_folder(folder)
                for folder in [f for f in daemon.folders if f not in wanted]:
                    daemon.remove_folder(folder)
                for folder in [f for f in wanted if f not in daemon.folders]:
                    daemon.add_folder(folder)
            new.folders = list(daemon.folders)
            daemon.apply_settings(new)
            return new.to_dict()

        return self._command(change)

    def rpc_retry_failed(self, params: api.NoParams) -> int:
        """Try every failed file again; answers how many."""

        def retry() -> int:
            paths = [row.path for row in self.daemon.engine.store.catalog.failures()]
            self.daemon.worker.retries.update(paths)
            return len(paths)

        return self._command(retry)

    def rpc_shutdown(self, params: api.NoParams) -> str:
        """Stop the daemon (the tray's Quit): the current commit finishes first."""
        self.daemon.worker.request_stop()
        return "stopping"

    def rpc_pause(self, params: api.NoParams) -> str:
        def pause() -> str:
            self.daemon.worker.paused = True
            return "paused"

        return self._command(pause)

    def rpc_resume(self, params: api.NoParams) -> str:
        def resume() -> str:
            self.daemon.worker.paused = False
            return "resumed"

        return self._command(resume)

    def rpc_reindex(self, params: api.ReindexParams) -> str:
        daemon = self.daemon

        def reindex() -> str:
            if params.paths is None:
                daemon.worker.scans.update(daemon.folders)
                return "scheduled"
            paths = [_folder(p) for p in params.paths]
            for path in paths:
                if not any(
                    path == f or path.startswith(f.rstrip(os.sep) + os.sep) for f in daemon.folders
                ):
                    raise RequestError(
                        ErrorCode.INVALID_PARAMS, f"{path} is not inside a watched folder"
                    )
            daemon.worker.scans.update(p for p in paths if os.path.isdir(p))
            daemon.changes.add_now([p for p in paths if not os.path.isdir(p)])
            return "scheduled"

        return self._command(reindex)

    def rpc_index(self, params: api.IndexParams) -> int:
        """``desktop-search index PATH...`` with a daemon running: folders are added (and
        watched from now on), files are updated; the answer is a job number, and the
        ``index_done`` event with that number says when all of it is done."""
        daemon = self.daemon
        paths = [_folder(p) for p in params.paths]
        missing = [p for p in paths if not os.path.exists(p)]
        if missing:
            raise RequestError(ErrorCode.NOT_FOUND, f"no such file or folder: {missing[0]}")

        folders = [p for p in paths if os.path.isdir(p)]
        for folder in folders:
            _check_folder(folder)

        def index() -> int:
            files = [p for p in paths if p not in folders]
            for path in files:
                if not any(path.startswith(f.rstrip(os.sep) + os.sep) for f in folders) and not (
                    daemon.worker.watched(path)
                ):
                    raise RequestError(
                        ErrorCode.BAD_REQUEST,
                        f"{path} is not inside an indexed folder: index its folder instead",
                    )
            for folder in folders:
                daemon.add_folder(folder)
            return daemon.worker.start_index_job(folders, files)

        return self._command(index)

    def rpc_add_folder(self, params: api.FolderParams) -> list[str]:
        folder = _folder(params.path)
        _check_folder(folder)

        def add() -> list[str]:
            self.daemon.add_folder(folder)
            return list(self.daemon.folders)

        return self._command(add)

    def rpc_remove_folder(self, params: api.FolderParams) -> list[str]:
        folder = _folder(params.path)

        def remove() -> list[str]:
            self.daemon.remove_folder(folder)
            return list(self.daemon.folders)

        return self._command(remove)


_LANGUAGE_NAMES = {"en": "English", "de": "German", "fr": "French", "es": "Spanish"}


def _languages_label(declared: object) -> str:
    """What a model's manifest says it reads, for a person: "English", "many languages"."""
    if not isinstance(declared, list) or not declared:
        return ""
    if "*" in declared:
        return "many languages"
    return ", ".join(_LANGUAGE_NAMES.get(str(code), str(code)) for code in declared)
