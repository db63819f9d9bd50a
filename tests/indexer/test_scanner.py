from __future__ import annotations

import os
from pathlib import Path

from desktop_search.indexer.ignore import IGNORE_FILE
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
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    os.symlink(tmp_path / "sub", tmp_path / "sub" / "deeper" / "up")
    os.symlink(tmp_path / "pong", tmp_path / "ping")
    os.symlink(tmp_path / "ping", tmp_path / "pong")
    found = scan([str(tmp_path)], wanted=everything)
    assert list(found.files) == [str(tmp_path / "a.txt")]
    assert "loop" in found.problems[str(tmp_path / "loop")]
    assert "loop" in found.problems[str(tmp_path / "sub" / "deeper" / "up")]
    assert "loop" in found.problems[str(tmp_path / "ping")]
    # a reported loop handed back as a path of its own (as the daemon queues problems)
    # is the same loop, not a second copy of the folder
    again = scan([str(tmp_path / "loop")], wanted=everything)
    assert again.files == {}
    assert again.problems == {str(tmp_path / "loop"): found.problems[str(tmp_path / "loop")]}
    assert "loop" in found.problems[str(tmp_path / "self")]
    assert found.problems[str(tmp_path / "dangling.txt")] == "broken symbolic link"


class CountedWanted:
    """``wanted`` that counts the files the walk offers it, and stops a runaway walk."""

    def __init__(self, limit: int = 1000) -> None:
        self.limit = limit
        self.seen: list[str] = []

    def __call__(self, path: str) -> bool:
        self.seen.append(path)
        if len(self.seen) > self.limit:
            raise AssertionError(f"the walk ran away: {len(self.seen)} files, last {path}")
        return True


def test_links_out_of_the_folders_are_not_followed(tmp_path: Path) -> None:
    root = tmp_path / "root"
    root.mkdir()
    (root / "notes.txt").write_text("x")
    os.symlink("/sys", root / "sys-link")
    os.symlink("/etc", root / "etc-link")
    os.symlink("/etc/hostname", root / "hostname.txt")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "b.txt").write_text("x")
    os.symlink(outside, root / "linked")
    wanted = CountedWanted()
    found = scan([str(root)], wanted=wanted)
    assert list(found.files) == [str(root / "notes.txt")]
    assert wanted.seen == [str(root / "notes.txt")]
    assert found.problems == {}  # a link that is not followed is no failure


def test_system_folders_are_never_entered(tmp_path: Path) -> None:
    found = scan(["/proc/self"], wanted=CountedWanted())
    assert found.files == {}
    assert "never entered" in found.problems["/proc/self"]


def test_a_link_does_not_bring_in_a_hidden_or_ignored_file(tmp_path: Path) -> None:
    (tmp_path / ".private").mkdir()
    (tmp_path / ".private" / "secret.txt").write_text("x")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "draft.txt").write_text("x")
    (tmp_path / IGNORE_FILE).write_text("drafts/\n")
    (tmp_path / "visible.txt").write_text("x")
    os.symlink(tmp_path / ".private" / "secret.txt", tmp_path / "secret.txt")
    os.symlink(tmp_path / ".private", tmp_path / "private")
    os.symlink(tmp_path / "drafts", tmp_path / "not-drafts")
    os.symlink(tmp_path / "drafts" / "draft.txt", tmp_path / "draft.txt")
    found = scan([str(tmp_path)], wanted=everything)
    assert list(found.files) == [str(tmp_path / "visible.txt")]
    assert found.problems == {}


def test_links_inside_the_folder_index_each_file_once_under_its_own_path(
    tmp_path: Path,
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "doc.txt").write_text("x")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "other.txt").write_text("x")
    os.symlink(tmp_path / "a", tmp_path / "b" / "to-a")  # a folder reached twice
    os.symlink(tmp_path / "a", tmp_path / "also-a")
    os.symlink(tmp_path / "b", tmp_path / "a" / "to-b")  # a -> b -> a: no parent loop
    os.symlink(tmp_path / "a" / "doc.txt", tmp_path / "doc-link.txt")
    found = scan([str(tmp_path)], wanted=everything)
    assert sorted(found.files) == [str(tmp_path / "a" / "doc.txt"), str(tmp_path / "b/other.txt")]
    assert found.problems == {}


def test_a_folder_given_as_a_link_is_walked(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "c.txt").write_text("x")
    os.symlink(tmp_path / "real", tmp_path / "chosen")
    found = scan([str(tmp_path / "chosen")], wanted=everything)
    assert list(found.files) == [str(tmp_path / "chosen" / "c.txt")]


def test_very_deep_folders_are_walked(tmp_path: Path) -> None:
    deep = str(tmp_path)
    for _ in range(1500):  # os.makedirs would recurse too deep itself
        deep = os.path.join(deep, "d")
        os.mkdir(deep)
    try:
        Path(deep, "bottom.txt").write_text("x")
        (tmp_path / "top.txt").write_text("x")
        found = scan([str(tmp_path)], wanted=everything)
        assert sorted(found.files) == [os.path.join(deep, "bottom.txt"), str(tmp_path / "top.txt")]
        assert found.problems == {}
    finally:  # shutil.rmtree (pytest's clean-up) recurses too deep for this tree
        Path(deep, "bottom.txt").unlink(missing_ok=True)
        while deep != str(tmp_path):
            os.rmdir(deep)
            deep = os.path.dirname(deep)


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
