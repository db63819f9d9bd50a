"""Starting the daemon from a client (the search window, the tray) when none runs."""

from __future__ import annotations

import os
import subprocess
import threading
from pathlib import Path

from desktop_search.config.launch import self_command
from desktop_search.config.private import make_private_dir, private_umask
from desktop_search.daemon.client import DaemonClient

LOG_FILE = "daemon.log"


def start_daemon(data_dir: Path) -> subprocess.Popen[bytes]:
    """Start a daemon for ``data_dir`` in its own session, so it outlives this process and
    a Ctrl+C in the client's terminal does not reach it. Its output goes to daemon.log."""
    make_private_dir(data_dir)
    with private_umask(), (data_dir / LOG_FILE).open("ab") as log:
        process = subprocess.Popen(
            self_command("daemon", "--data-dir", str(data_dir)),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            close_fds=True,
            env=os.environ.copy(),
        )
    # Reap it when it ends (no zombie while this client lives on), from a thread that
    # also keeps the Popen object alive for as long as the daemon runs.
    threading.Thread(target=process.wait, name="daemon-reaper", daemon=True).start()
    return process


def ensure_daemon(data_dir: Path) -> subprocess.Popen[bytes] | None:
    """Start a daemon unless one answers already; returns the new process, or None."""
    if DaemonClient(data_dir, timeout_s=5).available():
        return None
    return start_daemon(data_dir)
