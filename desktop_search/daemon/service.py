"""The daemon: the one process that writes the index, kept true to the disk.

Threads: the IPC server answers clients (reads such as searches run on its small request
pool, on their own SQLite connections); the watcher turns file system events into paths on
a debounced queue; the worker (this process's main thread, :mod:`daemon.worker`) does every
write and every change of state: the first scan of each folder, the watcher's paths, a
periodic reconcile scan, and the commands the IPC threads hand it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import threading
import time
from pathlib import Path
from types import FrameType

from desktop_search.config.private import make_private_dir
from desktop_search.config.settings import Settings
from desktop_search.daemon.rpc import RpcHandlers
from desktop_search.daemon.server import IpcServer
from desktop_search.daemon.socket_dir import socket_path
from desktop_search.daemon.watcher import ChangeQueue, FolderWatcher
from desktop_search.daemon.worker import Worker
from desktop_search.daemon.writer_lock import WriterBusyError, WriterLock
from desktop_search.engine import Engine
from desktop_search.indexer.pipeline import Indexer

log = logging.getLogger(__name__)


class AlreadyRunningError(Exception):
    """Another daemon (or an ``index`` run) holds this data dir."""


class Daemon:
    def __init__(self, data_dir: Path, folders: list[str] | None = None) -> None:
        self.data_dir = data_dir
        make_private_dir(data_dir)
        self.lock = WriterLock(data_dir)
        try:
            self.lock.acquire("daemon")
        except WriterBusyError as exc:
            raise AlreadyRunningError(str(exc)) from exc
        self.engine = Engine(data_dir)
        settings = self.engine.settings
        wanted = sorted({os.path.abspath(f) for f in folders or []})
        if wanted and wanted != settings.folders:  # unchanged: nothing to write (a full disk)
            settings.folders = wanted
            settings.save(data_dir)
        # Worker-owned from here on: changed only on the worker thread.
        self.folders: list[str] = list(settings.folders)
        self.indexer: Indexer = self.engine.indexer()
        # Held by requests that read the engine, and while the worker replaces it (a new
        # model or thread count): a search never sees a half-closed engine.
        self.engine_lock = threading.RLock()
        self.changes = ChangeQueue()
        self.watcher = FolderWatcher(
            self.changes.add, include_hidden=settings.index_hidden, rules=self.indexer.rules
        )
        self.rpc = RpcHandlers(self)
        self.server = IpcServer(socket_path(data_dir), self.rpc.handle)
        self.worker = Worker(self, self.watcher, self.changes, self.server.broadcast)
        self.worker.scans.update(self.folders)
        self.started_at = time.time()

    # -- lifecycle --------------------------------------------------------------------

    def run(self) -> int:
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, self._on_signal)
        self.server.start()
        for folder in self.folders:
            self.watch(folder)
        log.info("daemon serving %s on %s", self.data_dir, self.server.path)
        try:
            self.worker.run()
        finally:
            self.shutdown()
        return 0

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        log.info("signal %s: stopping at the next safe point", signum)
        self.worker.request_stop()

    def shutdown(self) -> None:
        self.worker.request_stop()
        with contextlib.suppress(Exception):
            self.server.stop()
        with contextlib.suppress(Exception):
            self.watcher.stop()
        with self.engine_lock:
            self.engine.close()
        self.lock.release()

    # -- on the worker thread ---------------------------------------------------------

    def watch(self, folder: str) -> None:
        """Watch ``folder``; one that does not exist (yet) shows as missing and is watched
        and scanned when it appears (the worker's recheck)."""
        if not os.path.isdir(folder):
            log.warning("folder %s does not exist (yet): watching for it", folder)
        self.watcher.watch(folder)

    def add_folder(self, folder: str) -> None:
        if folder not in self.folders:
            self.folders.append(folder)
            self._save_folders()
            self.watch(folder)
            self.worker.scans.add(folder)

    def remove_folder(self, folder: str) -> None:
        if folder in self.folders:
            self.folders.remove(folder)
            self._save_folders()
            self.watcher.unwatch(folder)
            self.worker.scans.discard(folder)
            self.changes.discard_under(folder)
            self.worker.prune = True  # its files leave in a job of their own

    def renew_indexer(self) -> None:
        """An indexer for the engine's current settings and model."""
        self.indexer = self.engine.indexer()
        self.indexer.interrupt = self.worker.should_yield
        self.watcher.set_rules(self.indexer.rules, include_hidden=self.engine.settings.index_hidden)

    def _save_folders(self) -> None:
        settings = self.engine.settings
        settings.folders = list(self.folders)
        settings.save(self.data_dir)

    def apply_settings(self, new: Settings) -> None:
        """Take new settings into use, no restart (between jobs, on the worker)."""
        old = self.engine.settings
        new.folders = list(self.folders)
        new.save(self.data_dir)
        if (new.resolved_model_dir(), new.resolved_encoder_threads()) != (
            old.resolved_model_dir(),
            old.resolved_encoder_threads(),
        ):
            log.info("model or encoder threads changed: reopening the engine")
            with self.engine_lock:
                self.engine.close()
                self.engine = Engine(self.data_dir, settings=new)
        else:
            self.engine.settings = new
            self.engine.close_indexer()
        self.renew_indexer()
        # A new model embeds the stored chunks in the background (the worker's job), files
        # need not be read again for it.
        rescan = (
            old.exclude_patterns != new.exclude_patterns
            or old.index_hidden != new.index_hidden
            or old.max_file_bytes != new.max_file_bytes
        )
        if rescan:
            self.worker.scans.update(self.folders)
        self.server.broadcast("settings", new.to_dict())
