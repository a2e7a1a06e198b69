"""The exercise layer, parametrised over the registry: every kind round-trips, refuses bad
state naming the field, scores, and yields tidy rows; and a new kind needs one file."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import toy_kind  # a kind from one file of its own: it must pass every test here too

from vakmanschap.exercises import Exercise, Score, StateError, kind_of, kinds

KINDS = sorted(kinds())


def make(cls: type[Exercise], fw, state: dict) -> Exercise:
    ident = state.get(cls.ident_field) if cls.ident_field else None
    return cls(fw, ident) if cls.ident_field else cls(fw)


def test_the_registry_lists_every_built_in_kind():
    assert "Thermometer" in KINDS  # registered by importing tests/toy_kind.py, nothing else
    assert set(KINDS) >= {
        "RolePlacer",
        "TensionTriangle",
        "DilemmaExplorer",
        "CompetencyProfile",
        "Quiz",
        "TensionQuiz",
        "Reflection",
    }
    assert all(kind_of(name).kind == name for name in KINDS)


@pytest.mark.parametrize("name", KINDS)
def test_round_trip(fw, name):
    cls = kind_of(name)
    sample = cls.sample(fw)
    model = make(cls, fw, sample)
    seen = []
    model.on_change(seen.append)
    model.from_dict(json.loads(json.dumps(sample)))
    assert seen == [model]
    again = json.loads(json.dumps(model.to_dict()))
    assert again == sample
    other = make(cls, fw, sample)
    other.from_dict(again)
    assert other.state == model.state


@pytest.mark.parametrize("name", KINDS)
def test_refuses_bad_state_naming_the_field(fw, name):
    cls = kind_of(name)
    sample = cls.sample(fw)
    model = make(cls, fw, sample)
    model.from_dict(sample)
    before = model.to_dict()
    fields = [key for key in sample if key != "widget"]
    assert fields
    for key in fields:
        broken = {**sample, key: {"not": "valid"}}
        with pytest.raises(StateError) as error:
            model.from_dict(broken)
        assert f"{name}.{key}" in str(error.value), (key, str(error.value))
        assert model.to_dict() == before, "a refused state changes nothing"
    with pytest.raises(StateError):
        cls.validate([sample], fw)
    with pytest.raises(StateError):
        cls.validate({**sample, "widget": "Other"}, fw)


@pytest.mark.parametrize("name", KINDS)
def test_scores_with_message_keys(fw, name):
    from vakmanschap.i18n import MESSAGES

    cls = kind_of(name)
    clean = cls.validate(cls.sample(fw), fw)
    score = cls.score_state(clean, fw)
    assert isinstance(score, Score)
    if score.total is not None:
        assert 0 <= score.points <= score.total
        assert score.correct in (True, False)
    keys = [score.verdict] * bool(score.verdict) + [item.key for item in score.feedback]
    if name != "Thermometer":  # the toy kind brings no messages
        assert all(key in MESSAGES for key in keys), keys


@pytest.mark.parametrize("name", KINDS)
def test_yields_tidy_rows(fw, name):
    cls = kind_of(name)
    rows = list(cls.rows_of(cls.validate(cls.sample(fw), fw), fw))
    assert rows, "a sample answer yields rows for the class views"
    for item, measure, value in rows:
        assert isinstance(item, str) and item
        assert isinstance(measure, str) and measure
        json.dumps(value)  # plain data


def test_a_toy_kind_in_one_file_is_saved_and_collected(fw, tmp_path):
    from vakmanschap.answers import AnswerStore, collect

    assert kind_of("Thermometer") is toy_kind.Thermometer
    store = AnswerStore(tmp_path / "a.json", fw)
    model = toy_kind.Thermometer(fw)
    store.attach(model, "les-1")
    model.from_dict({"degrees": 9})
    result = collect(tmp_path, fw)
    rows = result.answers.loc[result.answers["widget"] == "Thermometer"]
    assert rows[["exercise", "item", "measure", "value"]].values.tolist() == [
        ["Thermometer:les-1", "article", "degrees", 9]
    ]
    assert "a.json" not in set(result.report["source"])  # (the lock file beside it is reported)


def test_placement_feedback_keys(fw):
    model = kind_of("RolePlacer")(fw)
    model.place("jurist", 0.5, 0.5)  # right: klassiek (x > 0) extern (y > 0)
    model.place("controller", -0.5, -0.5)  # article: klassiek intern -> professionalism wrong
    model.place("boa", 0, 0.5)  # on the border
    model.check()
    feedback = {item.item: item for item in model.score().feedback}
    assert feedback["jurist"].key == "feedback.right"
    assert feedback["controller"].key == "feedback.wrong"
    assert feedback["controller"].values["dimensions"] == ["professionalism"]
    assert feedback["boa"].key == "feedback.border"
    assert feedback["strateeg"].key == "feedback.unplaced"
    # points out of the roles checked; the unplaced five are not counted (nor shown)
    assert model.score().points == 1 and model.score().total == 3


def test_one_rule_for_the_article_quadrant(fw):
    """The feedback, the rows and the class tables all use in_article_quadrant."""
    from vakmanschap.exercises import in_article_quadrant

    model = kind_of("RolePlacer")(fw)
    model.place("jurist", 0.5, 0.5)
    rows = {(item, measure): value for item, measure, value in model.rows()}
    assert rows[("jurist", "in_article_quadrant")] is True
    assert in_article_quadrant(fw, "jurist", 0.5, 0.5)
    assert not in_article_quadrant(fw, "jurist", -0.5, 0.5)


def test_the_exercise_layer_imports_no_gui():
    code = (
        "import sys, vakmanschap.exercises, vakmanschap.answers, vakmanschap.classroom.tables;"
        "print(sorted(m for m in ('ipywidgets', 'plotly', 'anywidget') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_partial_self_assessment_keeps_the_other_points(fw):
    model = kind_of("CompetencyProfile")(fw)
    first = fw.ids("recommendation")[0]
    model.from_dict({"scores": {first: 5}})
    assert model.state["scores"][first] == 5
    assert set(model.state["scores"]) == set(fw.ids("recommendation"))
