"""Builds the Linux artefacts with the one documented command (packaging/build-linux) and
smoke-tests the frozen app headless: the version, indexing and searching a folder of real
files (the extractor's spawned worker must work frozen), the search window and the tray
started offscreen with an automatic quit, and the .deb unpacked into a scratch root."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop_search import __version__
from desktop_search.config.model_choice import MULTILINGUAL_MODEL
from tests import docfactory
from tests.daemon.harness import wait_for
from tests.ocr.scanned import strip

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
BUNDLE = REPO / "build" / "packaging" / "dist" / "desktop-search"
DEB = REPO / "dist" / f"desktop-search_{__version__}_amd64.deb"
TARBALL = REPO / "dist" / f"desktop-search-{__version__}-linux-x86_64.tar.gz"
PACK_DEB = REPO / "dist" / f"desktop-search-multilingual_{__version__}_all.deb"
PACK_TARBALL = REPO / "dist" / f"desktop-search-{__version__}-multilingual-pack.tar.gz"
PACK_MODEL = Path("_internal/desktop_search/models") / MULTILINGUAL_MODEL
# What must never appear in the frozen app's output.
UNEXPECTED = re.compile(
    r"Traceback|Error|ModuleNotFoundError|ImportError|cannot |Could not load the Qt platform"
    r"|Failed to|Segmentation|Aborted|Fatal",
)
# Notes the offscreen platform prints about what it cannot do: not errors of ours.
BENIGN = re.compile(r"^This plugin does not support (propagateSizeHints|raise)\(\)$")


@dataclass
class Built:
    bundle: Path
    deb: Path
    tarball: Path
    log: str
    pack_deb: Path = PACK_DEB
    pack_tarball: Path = PACK_TARBALL


@pytest.fixture(scope="module")
def built() -> Built:
    """Builds once per run. DESKTOP_SEARCH_REUSE_BUILD=1 tests the artefacts a previous
    packaging/build-linux left instead (for working on the tests; CI always builds)."""
    if os.environ.get("DESKTOP_SEARCH_REUSE_BUILD") == "1":
        missing = [str(p) for p in (BUNDLE, DEB, TARBALL, PACK_DEB, PACK_TARBALL) if not p.exists()]
        assert not missing, f"DESKTOP_SEARCH_REUSE_BUILD=1 but not built: {missing}"
        return Built(BUNDLE, DEB, TARBALL, "")
    done = subprocess.run(
        [str(REPO / "packaging" / "build-linux")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    return Built(BUNDLE, DEB, TARBALL, done.stdout + done.stderr)


@pytest.fixture
def frozen_env(tmp_path: Path) -> Iterator[dict[str, str]]:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "VIRTUAL_ENV", "DESKTOP_SEARCH"))
    }
    env.update(
        XDG_RUNTIME_DIR=str(runtime),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        HOME=str(tmp_path / "home"),
        QT_QPA_PLATFORM="offscreen",
    )
    yield env


def run_frozen(
    built: Built, env: dict[str, str], *args: str, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(built.bundle / "desktop-search"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        cwd="/",  # nothing from the source tree may be picked up
    )
    assert_clean(done.stdout + done.stderr)
    return done


def assert_clean(output: str) -> None:
    problems = [
        line
        for line in output.splitlines()
        if UNEXPECTED.search(line) and not BENIGN.match(line.strip())
    ]
    assert problems == [], "\n".join(problems)


def sample_folder(root: Path) -> Path:
    docs = root / "docs"
    docs.mkdir(parents=True)
    (docs / "notes.md").write_text("# Garden\n\nTomatoes need sun and daily water.", "utf-8")
    (docs / "trip.txt").write_text("Our train to the mountains leaves at dawn.", "utf-8")
    docfactory.write_pdf(docs / "report.pdf", ["Quarterly revenue rose by twelve percent."])
    docfactory.write_docx(docs / "letter.docx", ["I am resigning from my position."])
    docfactory.write_html(docs / "paris.html", "Paris", "Paris", ["The Louvre and the Seine."])
    # a photo of a receipt: only OCR, with the bundled models, can read it
    strip(["Bicycle repair shop", "New inner tube and brake pads 34.90"]).save(
        docs / "IMG_0412.png"
    )
    return docs


def test_version(built: Built, frozen_env: dict[str, str]) -> None:
    done = run_frozen(built, frozen_env, "--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"desktop-search {__version__}"


def test_index_and_search_a_folder(
    built: Built, frozen_env: dict[str, str], tmp_path: Path
) -> None:
    docs = sample_folder(tmp_path)
    data = tmp_path / "data"
    indexed = run_frozen(built, frozen_env, "index", "--data-dir", str(data), str(docs))
    assert indexed.returncode == 0, indexed.stdout + indexed.stderr
    assert "indexed 6 file(s)" in indexed.stdout
    for query, expected in (
        ("company earnings went up", "report.pdf"),
        ("quitting my job", "letter.docx"),
        ("growing vegetables", "notes.md"),
        ("museum visit in France", "paris.html"),
        ("fixing my bike", "IMG_0412.png"),
    ):
        found = run_frozen(built, frozen_env, "search", "--data-dir", str(data), query, "--json")
        assert found.returncode == 0
        assert Path(json.loads(found.stdout)[0]["path"]).name == expected, query
    info = run_frozen(built, frozen_env, "model", "info", "--verify", "--data-dir", str(data))
    assert info.returncode == 0
    assert "_internal/desktop_search/models" in info.stdout  # the shipped model, inside


def stop_daemon(data: Path) -> None:
    lock = data / "daemon.lock"
    if lock.exists() and lock.read_text().strip():
        pid = int(lock.read_text().split()[0])
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        wait_for(lambda: not Path(f"/proc/{pid}").exists(), what="the daemon to stop")


def test_gui_and_tray_start_offscreen_and_quit(
    built: Built, frozen_env: dict[str, str], tmp_path: Path
) -> None:
    docs = sample_folder(tmp_path)
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"folders": [str(docs)]}), "utf-8")
    try:
        gui = run_frozen(
            built, frozen_env, "gui", "--data-dir", str(data), "--quit-after-ms", "1500"
        )
        assert gui.returncode == 0, gui.stderr
        assert gui.stdout.startswith("ready: search box usable")
        # the window started the daemon, which indexes the folder in the background
        wait_for(lambda: (data / "daemon.lock").exists(), what="the daemon's lock")
        tray = run_frozen(
            built, frozen_env, "tray", "--data-dir", str(data), "--quit-after-ms", "1000"
        )
        assert tray.returncode == 0, tray.stderr
        assert "no system tray" in tray.stdout  # offscreen: it says so, uses the window
        assert "ready: indexer running without a system tray" in tray.stdout

        def searchable() -> bool:
            found = run_frozen(
                built, frozen_env, "search", "--data-dir", str(data), "train at dawn", "--json"
            )
            hits = json.loads(found.stdout) if found.returncode == 0 else []
            return bool(hits) and Path(hits[0]["path"]).name == "trip.txt"

        wait_for(searchable, timeout_s=120, what="the GUI-started daemon to index")
        log = (data / "daemon.log").read_text()
        assert_clean(log)
    finally:
        stop_daemon(data)


def test_programs_the_app_starts_get_the_users_library_path(
    built: Built, frozen_env: dict[str, str], tmp_path: Path
) -> None:
    """The bootloader puts _internal on LD_LIBRARY_PATH; packaging/entry.py takes it off
    again, or xdg-open and the viewer it starts would load the bundle's Qt, ICU and SQLite.
    Observed on the one child a headless window starts, the daemon: its first exec gets the
    window's environment (its own bootloader then sets the path up afresh)."""
    strace = shutil.which("strace")
    if strace is None:
        pytest.skip("strace is missing (Debian package strace): cannot watch the exec")
    data = tmp_path / "data"
    trace = tmp_path / "exec.trace"
    frozen = [str(built.bundle / "desktop-search"), "gui", "--data-dir", str(data)]
    command = [strace, "-f", "-qq", "-v", "-s", "4096", "-e", "trace=execve", "-o", str(trace)]
    # strace follows the daemon too, and ends only when the daemon does: stop it once the
    # window has started it.
    traced = subprocess.Popen(
        [*command, *frozen, "--quit-after-ms", "0"],
        env=frozen_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd="/",
    )
    lock = data / "daemon.lock"
    try:
        wait_for(
            lambda: traced.poll() is not None or (lock.exists() and lock.read_text().strip()),
            timeout_s=120,
            what="the window to start the daemon",
        )
    finally:
        stop_daemon(data)
        try:
            stdout, stderr = traced.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            traced.kill()  # strace outlives SIGTERM while it has tracees
            stdout, stderr = traced.communicate()
    if not trace.exists() or "execve(" not in trace.read_text():
        pytest.skip(f"strace cannot trace here: {stderr.strip()}")
    assert traced.returncode == 0, stderr
    assert_clean(stdout)
    execs = [line for line in trace.read_text().splitlines() if "execve(" in line]
    daemon = [line for line in execs if '"daemon", "--data-dir"' in line]
    assert daemon, "the window started no daemon"
    assert f"LD_LIBRARY_PATH={built.bundle}/_internal" not in daemon[0]
    assert '"PYINSTALLER_RESET_ENVIRONMENT=1"' in daemon[0]


def test_nothing_the_app_does_not_use(built: Built) -> None:
    internal = built.bundle / "_internal"
    names = {p.name for p in internal.rglob("*")}
    for forbidden in ("torch", "sentence_transformers", "transformers", "onnx"):
        assert forbidden not in names
    assert not any("Qt6Network" in n or "WebEngine" in n or "Qt6Qml" in n for n in names)
    assert not any(n.startswith(("libX11", "libxcb.so", "libGL", "libstdc++")) for n in names)
    assert (
        internal / "desktop_search" / "models" / "all-MiniLM-L6-v2-int8" / "model.onnx"
    ).is_file()
    assert (internal / "desktop_search" / "models" / "ocr" / "rec.onnx").is_file()
    assert not (built.bundle / PACK_MODEL).exists()  # the language pack's
    assert not any(n.startswith(("_avif", "libavif", "_imagingft", "libharfbuzz")) for n in names)
    assert (internal / "desktop_search" / "resources" / "icons" / "desktop-search.svg").is_file()


def test_the_deb_installs_the_expected_files(built: Built, tmp_path: Path) -> None:
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(built.deb), str(root)], check=True)
    launcher = root / "usr" / "bin" / "desktop-search"
    assert launcher.is_symlink()
    assert os.readlink(launcher) == "/opt/desktop-search/desktop-search"
    executable = root / "opt" / "desktop-search" / "desktop-search"
    assert executable.is_file() and os.access(executable, os.X_OK)
    desktop = root / "usr" / "share" / "applications" / "desktop-search.desktop"
    autostart = root / "usr" / "share" / "desktop-search" / "desktop-search-tray.desktop"
    icon = root / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps"
    assert (icon / "desktop-search.svg").is_file()
    assert not (root / "etc").exists()  # start at login is the user's choice, not ours
    validator = shutil.which("desktop-file-validate")
    assert validator, "desktop-file-validate is missing: scripts/setup-system test installs it"
    for entry in (desktop, autostart):
        checked = subprocess.run([validator, str(entry)], capture_output=True, text=True)
        assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout
    assert "Exec=desktop-search gui" in desktop.read_text()

    control = subprocess.run(
        ["dpkg-deb", "-f", str(built.deb)], capture_output=True, text=True, check=True
    ).stdout
    assert f"Version: {__version__}" in control
    assert "libxcb-cursor0" in control  # the X11 libraries come from the system
    assert re.search(r"libc6 \(>= 2\.\d+\)", control)  # computed from the bundle
    installed = int(re.search(r"Installed-Size: (\d+)", control).group(1))  # type: ignore[union-attr]
    assert installed > 50_000


def test_the_language_pack_adds_the_multilingual_model(
    built: Built, frozen_env: dict[str, str], tmp_path: Path
) -> None:
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(built.pack_deb), str(root)], check=True)
    installed = root / "opt" / "desktop-search" / PACK_MODEL
    source = REPO / "models" / MULTILINGUAL_MODEL
    assert sorted(p.name for p in installed.iterdir()) == sorted(p.name for p in source.iterdir())
    assert (installed / "model.onnx").read_bytes() == (source / "model.onnx").read_bytes()
    control = subprocess.run(
        ["dpkg-deb", "-f", str(built.pack_deb)], capture_output=True, text=True, check=True
    ).stdout
    assert f"Depends: desktop-search (= {__version__})" in control
    app_control = subprocess.run(
        ["dpkg-deb", "-f", str(built.deb)], capture_output=True, text=True, check=True
    ).stdout
    assert f"desktop-search-multilingual (= {__version__})" in app_control  # Recommends

    # the archive unpacks into the portable folder; the app then reads with it
    app = tmp_path / "portable"
    shutil.copytree(built.bundle, app, symlinks=True, copy_function=os.link)
    top = f"desktop-search-{__version__}-linux-x86_64"
    with tarfile.open(built.pack_tarball) as archive:
        names = archive.getnames()
        assert all(n == top or n.startswith(f"{top}/") for n in names)
        for member in archive.getmembers():
            if member.isfile():
                target = app / Path(member.name).relative_to(top)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(archive.extractfile(member).read())  # type: ignore[union-attr]
    docs = tmp_path / "Dokumente"
    docs.mkdir()
    (docs / "kuendigung.txt").write_text(
        "Hiermit kündige ich den Mietvertrag für die Wohnung in der Gartenstraße fristgerecht "
        "zum 31. März. Bitte überweisen Sie die Kaution auf mein Konto.",
        "utf-8",
    )
    (docs / "rezept.txt").write_text(
        "Für den Apfelkuchen Butter, Zucker und Eier schaumig rühren, dann Mehl unterheben.",
        "utf-8",
    )
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    (data / "settings.json").write_text(json.dumps({"model_dir": MULTILINGUAL_MODEL}), "utf-8")
    frozen = Built(app, built.deb, built.tarball, "")
    indexed = run_frozen(frozen, frozen_env, "index", "--data-dir", str(data), str(docs))
    assert indexed.returncode == 0, indexed.stdout + indexed.stderr
    found = run_frozen(
        frozen, frozen_env, "search", "--data-dir", str(data), "ending my flat rental", "--json"
    )
    assert Path(json.loads(found.stdout)[0]["path"]).name == "kuendigung.txt"
    info = run_frozen(frozen, frozen_env, "status", "--data-dir", str(data), "--json")
    assert json.loads(info.stdout)["model"]["name"] == "multilingual-e5-small"


def test_the_portable_archive(built: Built) -> None:
    with tarfile.open(built.tarball) as archive:
        names = set(archive.getnames())
        top = f"desktop-search-{__version__}-linux-x86_64"
        assert f"{top}/desktop-search" in names
        assert f"{top}/README.txt" in names
        assert f"{top}/_internal/desktop_search/models/all-MiniLM-L6-v2-int8/model.onnx" in names
        member = archive.getmember(f"{top}/desktop-search")
        assert member.mode & 0o111 and member.uid == 0
