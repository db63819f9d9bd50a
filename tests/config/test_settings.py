from __future__ import annotations

import pytest

from desktop_search.config.settings import Settings


def test_with_changes_validates_and_copies() -> None:
    base = Settings()
    changed = base.with_changes({"encoder_threads": 2, "exclude_patterns": ["*.log"]})
    assert (changed.encoder_threads, changed.exclude_patterns) == (2, ["*.log"])
    assert base.encoder_threads == 0 and base.exclude_patterns == []


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"encoder_threads": "two"}, "encoder_threads"),
        ({"max_file_bytes": 10}, "at least 1024"),
        ({"pause_on_battery": 1}, "true or false"),
        ({"exclude_patterns": "*.log"}, "list of patterns"),
        ({"colour": "blue"}, "unknown setting"),
    ],
)
def test_bad_values_are_refused_with_a_reason(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Settings().with_changes(changes)
