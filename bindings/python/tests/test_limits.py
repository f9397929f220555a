"""What one call may cost, and what it may write: the caps of kyoso/limits.hpp and the
inputs the CLI refuses are refused here with the same messages; saves never harm what they
touch; long calls stop on Ctrl-C."""

from __future__ import annotations

import _thread
import json
import os
import stat
import threading
from pathlib import Path

import pytest

import kyoso


# ---- the same refusals as the CLI, with the library's messages ------------------------------


def test_fit_with_nothing_to_fit_is_refused(model: kyoso.Model) -> None:
    # `kyoso fit` says the same, with its flags after it.
    with pytest.raises(kyoso.Error, match="^fit needs something to fit: a mission, a goal, "
                                          "a field or a stage$"):
        model.fit()
    with pytest.raises(kyoso.Error, match="fit needs something to fit"):
        kyoso.compare(model, model, "fit", partners=["local-government"])


@pytest.mark.parametrize(
    "weights, message",
    [
        ({"mission": 0.0, "goals": 0.0, "fields": 0.0, "stage": 0.0}, "may not all be 0"),
        ({"goals": float("inf")}, "finite"),
        ({"goals": float("nan")}, "finite"),
    ],
)
def test_weights_that_would_score_nothing_are_refused(
    model: kyoso.Model, weights: dict[str, float], message: str
) -> None:
    with pytest.raises(kyoso.Error, match=message):
        model.fit(mission="regional-revitalization", weights=weights)
    with pytest.raises(kyoso.Error, match=message):
        model.fit_all(weights=weights)


def test_an_id_of_another_kind_says_which_kind(model: kyoso.Model) -> None:
    with pytest.raises(kyoso.UnknownIdError, match="'program/coi-next' is a program, not a purpose"):
        model.fit(goals=["program/coi-next"])


def test_a_scenario_document_that_is_not_a_dict_is_a_validation_error() -> None:
    for document in ([], "edits", 3):
        with pytest.raises(kyoso.ValidationError, match="expected a JSON object"):
            kyoso.Scenario.from_dict(document)  # type: ignore[arg-type]


def test_a_model_without_the_default_applicant_is_fitted(tmp_path: Path) -> None:
    text = json.dumps({"schema_version": 1, "graph": {"nodes": {
        "program/p": {"metadata": {"kind": "program", "name": {"ja": "P", "en": "P"}}},
        "purpose/q": {"metadata": {"kind": "purpose", "name": {"ja": "Q", "en": "Q"}}}},
        "edges": [{"source": "program/p", "target": "purpose/q", "relation": "serves"}]}})
    found = kyoso.parse(text).fit(goals=["purpose/q"])
    assert [r.id for r in found] == ["program/p"]
    assert found[0].score == 1.0


# ---- caps -----------------------------------------------------------------------------------


def test_path_caps_are_the_librarys(model: kyoso.Model) -> None:
    with pytest.raises(kyoso.Error, match=r"max_paths 1001 is over the cap of 1000 "
                                          r"\(kyoso::limits::max_paths\)"):
        model.path("factor/1", "university/tuat", max_paths=1001)
    with pytest.raises(kyoso.Error, match="over the cap of 1000"):
        model.path("factor/1", "university/tuat", max_paths=2**63)
    with pytest.raises(kyoso.Error, match="max_length 101 is over the cap of 100"):
        model.path("factor/1", "university/tuat", max_length=101)


def test_neighbour_depth_cap(model: kyoso.Model) -> None:
    with pytest.raises(kyoso.Error, match="depth 11 is over the cap of 10"):
        model.neighbors("program/coi-next", depth=11)


def test_a_monte_carlo_over_the_value_cap_is_refused(model: kyoso.Model) -> None:
    with pytest.raises(kyoso.Error, match="kyoso::limits::max_simulation_values"):
        model.simulate("coi-next", years=100, runs=100_000, seed=1)


def test_control_characters_in_a_message_are_escaped(model: kyoso.Model) -> None:
    with pytest.raises(kyoso.UnknownIdError) as caught:
        model.node("program/x\x1b[2J\nok")
    message = str(caught.value)
    assert "\x1b" not in message and "\n" not in message
    assert "program/x\\x1b[2J\\nok" in message
    assert caught.value.id == "program/x\x1b[2J\nok"  # the attribute keeps it as given


# ---- saving ---------------------------------------------------------------------------------


def test_save_keeps_the_files_permissions_and_leaves_nothing_else(
    model: kyoso.Model, tmp_path: Path
) -> None:
    file = tmp_path / "model.json"
    file.write_text("old")
    file.chmod(0o600)
    model.save(file)
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert kyoso.load(file) == model
    assert os.listdir(tmp_path) == ["model.json"]


def test_save_never_writes_through_a_planted_temporary_name(
    model: kyoso.Model, tmp_path: Path
) -> None:
    victim = tmp_path / "victim"
    victim.write_text("keep")
    (tmp_path / "model.json.tmp").symlink_to(victim)
    model.save(tmp_path / "model.json")
    assert victim.read_text() == "keep"
    assert (tmp_path / "model.json.tmp").is_symlink()


def test_save_through_a_link_writes_its_target(model: kyoso.Model, tmp_path: Path) -> None:
    (tmp_path / "real.json").write_text("old")
    (tmp_path / "link.json").symlink_to("real.json")
    model.save(tmp_path / "link.json")
    assert (tmp_path / "link.json").is_symlink()
    assert kyoso.load(tmp_path / "real.json") == model


def test_save_to_a_device_or_fifo_writes_through_it(model: kyoso.Model, tmp_path: Path) -> None:
    model.save("/dev/null")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    kyoso.Scenario("s").set_amount("program/coi-next", 1).save(fifo)
    reader.join()
    assert json.loads(got[0])["name"] == "s"
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_failed_save_leaves_no_temporary_file(model: kyoso.Model, tmp_path: Path) -> None:
    with pytest.raises(kyoso.IoError):
        model.save(tmp_path)  # a directory
    with pytest.raises(kyoso.IoError):
        model.save(tmp_path / "missing" / "model.json")
    assert os.listdir(tmp_path) == []


# ---- Ctrl-C ---------------------------------------------------------------------------------


def interrupt_soon() -> threading.Timer:
    timer = threading.Timer(0.3, _thread.interrupt_main)
    timer.start()
    return timer


def test_ctrl_c_stops_a_long_synthesize() -> None:
    # Some seconds of work; Ctrl-C stops it inside the call, not after it.
    timer = interrupt_soon()
    with pytest.raises(KeyboardInterrupt) as caught:
        kyoso.synthesize(universities=2_000, stakeholders=200_000, edges=3_000_000)
    timer.join()
    assert caught.traceback[-1].name == "synthesize"
    # Nothing is left stopped: the next call runs.
    assert kyoso.synthesize(universities=5, programs=5, stakeholders=100, edges=600).node_count > 0


def test_ctrl_c_stops_a_long_monte_carlo(model: kyoso.Model) -> None:
    timer = interrupt_soon()
    with pytest.raises(KeyboardInterrupt) as caught:
        for _ in range(100):  # each call some tenths of a second
            model.simulate("coi-next", years=10, runs=100_000, seed=1)
    timer.join()
    assert caught.traceback[-1].name == "simulate"
