from __future__ import annotations

from pathlib import Path

from desktop_search.indexer.ignore import IGNORE_FILE, IgnoreRules, pattern_problem
from desktop_search.indexer.scanner import scan
from tests.conftest import Cli


def everything(_: str) -> bool:
    return True


def make_tree(root: Path, files: list[str]) -> None:
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", "utf-8")


def found(root: Path, rules: IgnoreRules | None = None) -> list[str]:
    result = scan([str(root)], wanted=everything, rules=rules)
    return sorted(Path(p).relative_to(root).as_posix() for p in result.files)


def test_per_folder_ignore_file(tmp_path: Path) -> None:
    make_tree(
        tmp_path,
        [
            "a.log",
            "keep.log",
            "notes.txt",
            "build/out.txt",
            "src/build.txt",
            "src/build/x.txt",
            "docs/tmp/t.txt",
            "docs/deep/tmp/u.txt",
        ],
    )
    (tmp_path / IGNORE_FILE).write_text(
        "# logs, but one\n*.log\n!keep.log\nbuild/\n/docs/tmp\n", "utf-8"
    )
    assert found(tmp_path) == ["docs/deep/tmp/u.txt", "keep.log", "notes.txt", "src/build.txt"]


def test_deeper_ignore_file_wins(tmp_path: Path) -> None:
    make_tree(tmp_path, ["a.md", "sub/a.md", "sub/b.md"])
    (tmp_path / IGNORE_FILE).write_text("*.md\n", "utf-8")
    (tmp_path / "sub" / IGNORE_FILE).write_text("!a.md\n", "utf-8")
    assert found(tmp_path) == ["sub/a.md"]


def test_global_patterns_and_double_star(tmp_path: Path) -> None:
    make_tree(tmp_path, ["x/cache/a.txt", "x/y/cache/b.txt", "x/c.txt", "secret.key"])
    rules = IgnoreRules(["**/cache/", "*.key"])
    assert found(tmp_path, rules) == ["x/c.txt"]


def test_single_path_check_sees_ignored_folders_above(tmp_path: Path) -> None:
    make_tree(tmp_path, ["build/deep/file.txt", "src/file.txt"])
    (tmp_path / IGNORE_FILE).write_text("build/\n", "utf-8")
    rules = IgnoreRules()
    assert rules.is_ignored(str(tmp_path / "build/deep/file.txt"))
    assert not rules.is_ignored(str(tmp_path / "src/file.txt"))
    assert rules.is_ignored(str(tmp_path / IGNORE_FILE))
    # A file root given directly (as the watcher does) is excluded too.
    assert scan([str(tmp_path / "build/deep/file.txt")], wanted=everything).files == {}


def test_changed_ignore_file_is_reread(tmp_path: Path) -> None:
    make_tree(tmp_path, ["a.txt", "b.txt"])
    rules = IgnoreRules()
    assert found(tmp_path, rules) == ["a.txt", "b.txt"]
    ignore = tmp_path / IGNORE_FILE
    ignore.write_text("a.txt\n", "utf-8")
    assert found(tmp_path, rules) == ["b.txt"]


def test_a_bad_ignore_line_is_skipped_and_reported(tmp_path: Path) -> None:
    make_tree(tmp_path, ["a.log", "b.txt", "sub/c.txt", "sub/d.md"])
    ignore = tmp_path / IGNORE_FILE
    ignore.write_text("[z-a]\n*.log\n[]\n[!]\nsub/*.md\n", "utf-8")
    rules = IgnoreRules()
    result = scan([str(tmp_path)], wanted=everything, rules=rules)
    assert sorted(Path(p).relative_to(tmp_path).as_posix() for p in result.files) == [
        "b.txt",
        "sub/c.txt",
    ]
    reason = result.problems[str(ignore)]
    assert reason.startswith("line 1: '[z-a]' is not a valid pattern (bad character range z-a)")
    assert "line 3: '[]' is not a valid pattern" in reason
    assert "line 4: '[!]' is not a valid pattern" in reason
    assert rules.problems == {str(ignore): reason}
    # the file as a path of its own (as the watcher reports a change to it)
    assert scan([str(ignore)], wanted=everything, rules=rules).problems == {str(ignore): reason}
    # mended: the problem goes away
    ignore.write_text("*.log\n", "utf-8")
    assert scan([str(tmp_path)], wanted=everything, rules=rules).problems == {}
    assert rules.problems == {}


def test_bad_global_patterns_are_skipped(tmp_path: Path) -> None:
    make_tree(tmp_path, ["a.log", "b.txt"])
    assert found(tmp_path, IgnoreRules(["[z-a]", "\\", "*.log"])) == ["b.txt"]


def test_pattern_problem_names_the_pattern() -> None:
    assert pattern_problem("*.log") is None
    assert pattern_problem("# a comment") is None
    assert pattern_problem("[z-a]") == "'[z-a]' is not a valid pattern (bad character range z-a)"
    assert "unclosed '['" in (pattern_problem("notes[") or "")
    assert "is not a valid pattern" in (pattern_problem("\\") or "")


def test_a_bad_ignore_line_does_not_stop_indexing(tmp_path: Path, cli: Cli) -> None:
    folder = tmp_path / "docs"
    (folder / "logs").mkdir(parents=True)
    (folder / "notes.txt").write_text("Notes about the garden and its tomatoes.", "utf-8")
    (folder / "logs" / "run.log").write_text("a log line", "utf-8")
    ignore = folder / IGNORE_FILE
    ignore.write_text("[z-a]\nlogs/\n", "utf-8")
    result = cli.run("index", str(folder))
    assert result.returncode == 1, result.stdout + result.stderr  # indexed, one failure
    status = cli.json("status")
    assert status["files_indexed"] == 1
    [failure] = status["failures"]
    assert failure["path"] == str(ignore)
    assert "line 1: '[z-a]' is not a valid pattern" in failure["reason"]
    # mended: the failure goes at the next run
    ignore.write_text("logs/\n", "utf-8")
    assert cli.run("index", str(folder)).returncode == 0
    assert cli.json("status")["failures"] == []
