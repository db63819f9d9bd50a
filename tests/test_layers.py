"""The layering rules of ARCHITECTURE.md, checked on the source."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "desktop_search"
QT_ALLOWED = ("gui", "tray", "daemon", "qt")
BUILD_TOOLS = ("torch", "sentence_transformers", "transformers", "onnx", "optimum")
BUILD_MODULES = ("export.py", "e5_build.py")  # desktop_search/embedding's model build tools


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_qt_only_in_gui_tray_and_ipc_layers() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in sources()
        if "PySide6" in imported_modules(path)
        and path.relative_to(PACKAGE).parts[0] not in QT_ALLOWED
    ]
    assert offenders == []


def test_build_tools_only_in_the_model_build_modules() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in sources()
        if imported_modules(path) & set(BUILD_TOOLS) and path.name not in BUILD_MODULES
    ]
    assert offenders == []


def test_only_storage_touches_sqlite() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in sources()
        if "sqlite3" in imported_modules(path) and path.relative_to(PACKAGE).parts[0] != "storage"
    ]
    assert offenders == []
