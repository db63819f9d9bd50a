"""Readers open the catalog read-only (#18): a data dir the user cannot write (a backup,
a mounted copy) can still be searched, and nothing in it is changed.

Root writes anywhere, so as root the reading process runs without the capabilities that
bypass file permissions (setpriv); the files keep root as owner, with modes 0400/0500."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_search.storage.catalog import CATALOG_FILE
from tests.conftest import Cli
from tests.storage.sample_index import REPO, build_index, probe_in_subprocess

NO_OVERRIDE = "-dac_override,-dac_read_search"


def without_permission_override() -> list[str]:
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("needs setpriv to drop root's permission override")
    return ["setpriv", "--bounding-set", NO_OVERRIDE, "--inh-caps", NO_OVERRIDE, "--"]


def make_read_only(data_dir: Path) -> dict[str, bytes]:
    """chmod 0400 every file and 0500 the folders; returns the files' content."""
    content = {}
    for path in sorted(data_dir.rglob("*"), reverse=True):
        if path.is_file():
            content[str(path.relative_to(data_dir))] = path.read_bytes()
            path.chmod(0o400)
        else:
            path.chmod(0o500)
    data_dir.chmod(0o500)
    return content


def contents(data_dir: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(data_dir)): p.read_bytes() for p in data_dir.rglob("*") if p.is_file()
    }


def crash_after_a_commit(data_dir: Path) -> None:
    """A writer that adds a file and dies without closing: -wal and -shm stay behind."""
    script = (
        "import os, sys; from pathlib import Path;"
        "from tests.storage.sample_index import add_file, open_store;"
        "store = open_store(Path(sys.argv[1]));"
        "add_file(store, '/docs/late.txt', ['late'], seed=77); store.save();"
        "os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", script, str(data_dir)], cwd=REPO, check=True, timeout=120)


@pytest.mark.parametrize("leftovers", ["closed-cleanly", "writer-crashed"])
def test_a_reader_searches_a_data_dir_it_cannot_write(data_dir: Path, leftovers: str) -> None:
    built = build_index(data_dir)
    if leftovers == "writer-crashed":
        crash_after_a_commit(data_dir)
        assert (data_dir / (CATALOG_FILE + "-wal")).stat().st_size > 0
        assert (data_dir / (CATALOG_FILE + "-shm")).exists()
    else:
        assert not (data_dir / (CATALOG_FILE + "-wal")).exists()
    before = make_read_only(data_dir)
    try:
        probe = probe_in_subprocess(
            data_dir, built, read_only=True, prefix=without_permission_override()
        )
        assert [key for key, _ in probe["top"]] == built.ids
        assert (
            probe["chunks"] == probe["vectors"] == len(built.ids) + (leftovers != "closed-cleanly")
        )
        assert contents(data_dir) == before
    finally:
        for path in [data_dir, *data_dir.rglob("*")]:
            path.chmod(0o700 if path.is_dir() else 0o600)


def test_search_command_works_on_a_read_only_index(
    cli: Cli, data_dir: Path, sample_folder: Path, tmp_path: Path
) -> None:
    env = {"XDG_RUNTIME_DIR": str(tmp_path)}  # no daemon runs there: searched in-process
    indexed = cli.run("index", str(sample_folder), env=env)
    assert indexed.returncode == 0, indexed.stderr
    before = make_read_only(data_dir)
    try:
        found = cli.json(
            "search",
            "pet feline napping near heater",
            env=env,
            prefix=without_permission_override(),
        )
        assert Path(found[0]["path"]).name == "kitten.txt"
        assert contents(data_dir) == before
    finally:
        for path in [data_dir, *data_dir.rglob("*")]:
            path.chmod(0o700 if path.is_dir() else 0o600)
