"""Start at login: the tray indexer's XDG autostart entry on Linux.

Windows and macOS equivalents (written by their installers, see packaging/): a value under
HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run, and a LaunchAgent plist in
~/Library/LaunchAgents with RunAtLoad.
"""

from __future__ import annotations

import os
from pathlib import Path

from desktop_search.config.launch import self_command
from desktop_search.config.paths import resources_dir

ENTRY_NAME = "desktop-search-tray.desktop"


def autostart_dir() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "autostart"


def entry_path() -> Path:
    return autostart_dir() / ENTRY_NAME


def is_enabled() -> bool:
    path = entry_path()
    if not path.is_file():
        return False
    text = path.read_text(encoding="utf-8", errors="replace")
    return "Hidden=true" not in text and "X-GNOME-Autostart-enabled=false" not in text


def enable(data_dir: Path | None = None) -> Path:
    """Write the entry, its Exec line pointing at this very installation (a .deb, a
    bundle or a source checkout all work), with the data dir if it is not the default."""
    template = (resources_dir() / "applications" / ENTRY_NAME).read_text(encoding="utf-8")
    args = self_command("tray")
    if data_dir is not None:
        args += ["--data-dir", str(data_dir)]
    exec_line = "Exec=" + " ".join(_quote(a) for a in args)
    lines = [exec_line if line.startswith("Exec=") else line for line in template.splitlines()]
    lines = [line for line in lines if not line.startswith("TryExec=")]
    path = entry_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path


def disable() -> None:
    entry_path().unlink(missing_ok=True)


def _quote(arg: str) -> str:
    """Desktop-entry quoting: plain words stay bare; others in double quotes, escaped."""
    if arg and all(c.isalnum() or c in "-_./=:" for c in arg):
        return arg
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
    return f'"{escaped}"'
