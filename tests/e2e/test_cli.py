"""The real ``desktop-search`` CLI as a subprocess, on temporary folders."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.corpus import PARAPHRASE_QUERIES
from tests.hostile import build_hostile_folder, unprivileged_prefix


@pytest.fixture(scope="module")
def indexed_sample(sample_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Cli:
    cli = Cli(tmp_path_factory.mktemp("e2e") / "data")
    result = cli.run("index", str(sample_folder))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "indexed 18 file(s)" in result.stdout
    return cli


@pytest.mark.parametrize(("name", "query"), PARAPHRASE_QUERIES)
def test_paraphrased_query_finds_the_file_first(indexed_sample: Cli, name: str, query: str) -> None:
    lexical = indexed_sample.json("search", query, "--mode", "lexical")
    assert lexical == [], f"query {query!r} shares keywords with {lexical}"
    hits = indexed_sample.json("search", query, "-k", "3")
    assert Path(hits[0]["path"]).name == name, hits


def test_sample_covers_every_format(indexed_sample: Cli) -> None:
    from desktop_search.extract.registry import EXTRACTOR_MODULES

    status = indexed_sample.json("status")
    assert status["files_indexed"] == 18
    kinds = set()
    for _name, query in PARAPHRASE_QUERIES:
        hit = indexed_sample.json("search", query, "-k", "1")[0]
        kinds.add(hit["kind"])
    assert kinds == set(EXTRACTOR_MODULES)


def test_search_json_contract(indexed_sample: Cli) -> None:
    hits = indexed_sample.json("search", "stock market results", "-k", "4")
    assert 1 <= len(hits) <= 4
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)
    for hit in hits:
        assert isinstance(hit["path"], str) and os.path.isabs(hit["path"])
        assert isinstance(hit["score"], float) and isinstance(hit["snippet"], str)
        for start, end in hit["highlights"]:
            assert 0 <= start < end <= len(hit["snippet"])


def test_status_json_contract(indexed_sample: Cli) -> None:
    status = indexed_sample.json("status")
    for key in ("files_indexed", "files_pending", "files_failed", "chunks"):
        assert isinstance(status[key], int)
    assert status["files_pending"] == 0 and status["files_failed"] == 0
    assert status["chunks"] >= 9
    assert status["failures"] == []
    assert status["model"]["name"] == "all-MiniLM-L6-v2"


def test_filters_on_the_command_line(indexed_sample: Cli) -> None:
    hits = indexed_sample.json("search", "a document", "--type", "pdf", "--type", "epub")
    assert {Path(h["path"]).suffix for h in hits} == {".pdf", ".epub"}
    assert indexed_sample.json("search", "anything", "--after", "2999-01-01") == []
    bad = indexed_sample.run("search", "x", "--after", "yesterday")
    assert bad.returncode == 2 and "not a date" in bad.stderr


def test_human_output(indexed_sample: Cli) -> None:
    result = indexed_sample.run("search", "pet feline napping near heater", "-k", "2")
    assert result.returncode == 0
    assert result.stdout.splitlines()[0].startswith(" 1. ")
    assert "kitten.txt" in result.stdout.splitlines()[0]


def test_data_dir_from_environment(sample_folder: Path, tmp_path: Path) -> None:
    cli = Cli(tmp_path / "unused")
    home = tmp_path / "from-env"
    env = {"DESKTOP_SEARCH_HOME": str(home)}
    folder = tmp_path / "one"  # a folder of one file (the index takes folders' files)
    folder.mkdir()
    (folder / "kitten.txt").write_bytes((sample_folder / "kitten.txt").read_bytes())
    assert cli.run("index", str(folder), env=env).returncode == 0
    assert cli.json("status", env=env)["files_indexed"] == 1
    assert (home / "catalog.sqlite3").exists()
    assert not (tmp_path / "unused").exists()


def test_empty_index_searches_cleanly(cli: Cli) -> None:
    assert cli.json("search", "anything") == []
    assert cli.json("status")["files_indexed"] == 0


def test_missing_folder_is_an_error(cli: Cli, tmp_path: Path) -> None:
    result = cli.run("index", str(tmp_path / "nope"))
    assert result.returncode == 2 and "no such folder" in result.stderr


def test_version(cli: Cli) -> None:
    result = cli.run("--version", "--data-dir", "x")
    assert result.returncode == 0 and "desktop-search" in result.stdout


# -- hostile input ------------------------------------------------------------------------


def test_hostile_files_are_reported_and_nothing_else_is_lost(tmp_path: Path) -> None:
    docs, expected = build_hostile_folder(tmp_path)
    prefix = unprivileged_prefix(docs / "secret.txt")
    cli = Cli(tmp_path / "data")
    env = {"HOME": str(tmp_path)}

    result = cli.run("index", str(docs), "--json", env=env, prefix=prefix)
    assert result.returncode == 1, result.stdout + result.stderr  # 1: some files failed
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    reasons = {Path(f["path"]).name: f["reason"] for f in summary["failures"]}
    for name, part in expected.items():
        assert name in reasons, f"{name} not reported: {reasons}"
        assert part in reasons[name] and reasons[name]
    assert summary["indexed"] == 4  # two good files, the long line, the odd name

    status = cli.json("status", env=env, prefix=prefix)
    assert status["files_failed"] == len(expected)
    assert {Path(f["path"]).name for f in status["failures"]} == set(expected)
    assert all(f["reason"] for f in status["failures"])

    for query, name in [
        ("marine mammals singing", "good-note.txt"),
        ("eruption of a mountain", "good-letter.docx"),
        ("coffee and pastries", "caf\ufffd-menu.txt"),
    ]:
        hits = cli.json("search", query, "-k", "1", env=env, prefix=prefix)
        assert Path(hits[0]["path"]).name == name

    again = cli.run("index", str(docs), "--json", env=env, prefix=prefix)
    assert again.returncode == 1  # the bad files still fail; nothing was re-embedded
    assert json.loads(again.stdout.strip().splitlines()[-1])["indexed"] == 0


def test_exit_code_zero_when_everything_indexes(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("fine", "utf-8")
    result = cli.run("index", str(tmp_path / "docs"))
    assert result.returncode == 0 and "0 failed" in result.stdout


# -- search quality features through the CLI ----------------------------------------------


def test_explain_shows_feedback_and_the_parsed_query(indexed_sample: Cli) -> None:
    # "pet feline" is not in the kitten's text: the first pass is not confident, so the
    # default leaves the query alone and says so; --prf asks for feedback all the same
    default = indexed_sample.json("search", 'pet feline type:txt "radiator"', "--explain")
    assert default["explain"]["prf"] is False and "feedback" not in default["explain"]
    result = indexed_sample.json("search", 'pet feline type:txt "radiator"', "--explain", "--prf")
    assert [Path(h["path"]).name for h in result["results"]] == ["kitten.txt"]
    explain = result["explain"]
    assert explain["prf"] is True
    assert explain["phrases"] == ["radiator"]
    assert explain["filters"]["types"] == ["txt"]
    assert Path(explain["feedback"][0]["path"]).name == "kitten.txt"


def test_prf_switch(indexed_sample: Cli) -> None:
    off = indexed_sample.json("search", "pet feline", "--no-prf", "--explain")
    assert off["explain"]["prf"] is False and "feedback" not in off["explain"]
    on = indexed_sample.json("search", "pet feline", "--mode", "dense", "--prf", "--explain")
    assert on["explain"]["prf"] is True


def test_similar_command(indexed_sample: Cli, sample_folder: Path) -> None:
    hits = indexed_sample.json("similar", str(sample_folder / "climate.pptx"), "-k", "3")
    assert len(hits) == 3
    assert all(Path(h["path"]).name != "climate.pptx" for h in hits)
    missing = indexed_sample.run("similar", str(sample_folder / "nope.txt"))
    assert missing.returncode == 2 and "not in the index" in missing.stderr


def test_relevance_feedback_flags(indexed_sample: Cli, sample_folder: Path) -> None:
    hits = indexed_sample.json(
        "search", "weekend plans", "--not-relevant", str(sample_folder / "garden.odt")
    )
    assert "garden.odt" not in {Path(h["path"]).name for h in hits}


def test_query_syntax_error_exit_code(indexed_sample: Cli) -> None:
    result = indexed_sample.run("search", "report after:someday")
    assert result.returncode == 2 and "not a date" in result.stderr
