from __future__ import annotations

import os
from pathlib import Path

from desktop_search.indexer.scanner import is_temporary, scan


def everything(_: str) -> bool:
    return True


def test_hidden_temp_and_vcs_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / "~$lock.docx").write_text("x")
    (tmp_path / "draft.txt.swp").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("x")
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "x.js").write_text("x")
    found = scan([str(tmp_path)], wanted=everything)
    assert [Path(p).name for p in found.files] == ["keep.txt"]
    assert found.problems == {}


def test_hidden_included_when_asked(tmp_path: Path) -> None:
    (tmp_path / ".notes.txt").write_text("x")
    assert len(scan([str(tmp_path)], wanted=everything, include_hidden=True).files) == 1


def test_symlink_loops_and_broken_links_are_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    os.symlink(tmp_path, tmp_path / "loop")
    os.symlink(tmp_path / "self", tmp_path / "self")
    os.symlink(tmp_path / "missing.txt", tmp_path / "dangling.txt")
    found = scan([str(tmp_path)], wanted=everything)
    assert list(found.files) == [str(tmp_path / "a.txt")]
    assert "loop" in found.problems[str(tmp_path / "loop")]
    assert "loop" in found.problems[str(tmp_path / "self")]
    assert found.problems[str(tmp_path / "dangling.txt")] == "broken symbolic link"


def test_symlinked_folder_is_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "b.txt").write_text("x")
    root = tmp_path / "root"
    root.mkdir()
    os.symlink(outside, root / "linked")
    assert list(scan([str(root)], wanted=everything).files) == [str(root / "linked" / "b.txt")]


def test_size_limit_is_a_reported_problem(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes(b"x" * 2000)
    found = scan([str(tmp_path)], wanted=everything, max_bytes=1000)
    assert "too large" in found.problems[str(tmp_path / "big.txt")]


def test_missing_root_is_reported(tmp_path: Path) -> None:
    found = scan([str(tmp_path / "nope")], wanted=everything)
    assert "cannot open folder" in found.problems[str(tmp_path / "nope")]


def test_temporary_names() -> None:
    assert is_temporary("~$report.docx") and is_temporary(".~lock.a.odt#")
    assert is_temporary("file.txt~") and not is_temporary("notes.txt")
