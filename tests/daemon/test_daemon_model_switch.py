"""A model chosen in the settings takes over in the background: the running daemon keeps
answering searches, with the old vectors until the new ones are all there."""

from __future__ import annotations

from pathlib import Path

from desktop_search.storage.next_vectors import NEXT_VECTORS_FILE
from tests.daemon.harness import RunningDaemon, wait_for

TOPICS = [
    ("lighthouse", "The lighthouse keeper climbed the tower every evening at dusk."),
    ("bread", "Knead the dough for ten minutes, then let it rise until doubled."),
    ("tax", "Your income tax return is due by the end of April this year."),
    ("tennis", "We booked the tennis court for Saturday morning at nine."),
]


def test_the_daemon_changes_model_without_a_moment_where_nothing_is_found(
    daemon: RunningDaemon, other_model: Path
) -> None:
    folder = daemon.folders[0]
    for n in range(30):
        topic, text = TOPICS[n % len(TOPICS)]
        (folder / f"{topic}-{n:02d}.txt").write_text(f"{text} Note number {n}.", "utf-8")
    before = daemon.idle()
    assert before["model"]["name"] == "all-MiniLM-L6-v2"
    assert before["model_switch"] is None

    daemon.client.call("set_settings", changes={"model_dir": str(other_model)})
    answered = 0

    def switched() -> bool:
        nonlocal answered
        hits = daemon.search("when is the tax form due", k=3)
        assert hits and hits[0].startswith("tax-"), hits  # never an empty moment
        answered += 1
        status = daemon.client.call("status")
        return status["model"]["name"] == "multilingual-e5-small" and status["model_switch"] is None

    wait_for(switched, timeout_s=300, what="the new model to take over")
    after = daemon.idle()
    assert answered >= 1
    assert after["chunks"] == before["chunks"]  # no file was indexed again for it
    assert after["files_indexed"] == before["files_indexed"]
    assert not (daemon.data_dir / NEXT_VECTORS_FILE).exists()
    assert daemon.search("baking a loaf", k=1)[0].startswith("bread-")


def test_the_models_offered_are_every_shipped_one_chosen_by_name(daemon: RunningDaemon) -> None:
    models = daemon.client.call("models")
    shipped = [m for m in models if m["shipped"]]
    assert {m["choice"] for m in shipped} >= {"all-MiniLM-L6-v2-int8"}
    assert all(Path(m["path"]).name == m["choice"] for m in shipped)
    assert [m["name"] for m in models if m["default"]] == ["all-MiniLM-L6-v2"]
    daemon.client.call("set_settings", changes={"model_dir": "all-MiniLM-L6-v2-int8"})
    assert daemon.client.call("get_settings")["model_dir"] == "all-MiniLM-L6-v2-int8"
    assert daemon.client.call("status")["model_switch"] is None  # the same model: nothing to do


def test_an_english_user_whose_files_are_multilingual_moves_to_the_multilingual_model(
    tmp_path: Path, runtime: Path
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    german = "Sehr geehrte Frau Weber, hiermit kündige ich meinen Mietvertrag fristgerecht."
    chinese = "这个月的电费账单一共是三百二十元，请在月底之前付清。"  # noqa: RUF001
    for n in range(12):
        (docs / f"note-{n:02d}.txt").write_text(f"Shopping list number {n}: eggs, milk.", "utf-8")
        (docs / f"brief-{n:02d}.txt").write_text(f"{german} Brief {n}.", "utf-8")
        (docs / f"账单-{n:02d}.txt").write_text(f"{chinese}第{n}号。", "utf-8")
    running = RunningDaemon(tmp_path / "data", [docs], runtime)
    running.start()
    try:
        wait_for(lambda: running.search("Kündigung der Wohnung", k=1), what="a first result")

        def moved() -> bool:
            assert running.search("Kündigung der Wohnung", k=1)  # answered all along
            status = running.client.call("status")
            return status["model"]["name"] == "multilingual-e5-small" and not status["model_switch"]

        wait_for(moved, timeout_s=300, what="the move to the multilingual model")
        assert running.client.call("get_settings")["default_model"] == "multilingual-e5-small-int8"
        assert running.client.call("get_settings")["model_dir"] == ""
        assert running.search("这个月电费多少", k=1)[0].startswith("账单-")
    finally:
        running.stop()


def test_the_models_say_which_languages_they_read(daemon: RunningDaemon) -> None:
    labels = {m["name"]: m["languages"] for m in daemon.client.call("models")}
    assert labels["all-MiniLM-L6-v2"] == "English"
    assert labels["multilingual-e5-small"] == "many languages"
