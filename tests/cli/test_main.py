"""The command line's own checks of what it is given (before any index is opened)."""

from __future__ import annotations

import pytest

from tests.conftest import Cli


@pytest.mark.parametrize("k", ["0", "-3", "1001", "ten", "1.5"])
def test_result_count_must_be_a_positive_whole_number(cli: Cli, k: str) -> None:
    for command in (["search", "taxes"], ["similar", "notes.txt"]):
        result = cli.run(*command, "-k", k)
        assert result.returncode == 2
        assert "argument -k" in result.stderr
        assert "Traceback" not in result.stderr
    assert not cli.data_dir.exists()  # refused before anything was opened or created
