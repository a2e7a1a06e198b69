"""Saved answers of an older version keep their meaning: RolePlacer version 1 had the axes the
other way round (x focus, y professionalism), CompetencyProfile version 1 had a number on
every point."""

from __future__ import annotations

import json

import pytest

from vakmanschap.answers import AnswerStore, collect, parse_answer_file
from vakmanschap.answers.fileformat import SCHEMA, SCHEMA_VERSION
from vakmanschap.exercises import Exercise, Placement, SelfAssessment, StateError
from vakmanschap.exercises.placement import cell_of

#: Placements as version 1 saved them: x = focus (extern > 0), y = professionalism
#: (klassiek > 0), with the quadrant each was in then.
V1_PLACEMENTS = [
    ("jurist", 0.5, 0.6, "klassiek_extern"),
    ("controller", -0.5, 0.6, "klassiek_intern"),
    ("boa", 0.6, -0.6, "organisatie_extern"),
    ("strateeg", -0.5, -0.3, "organisatie_intern"),
    ("hrm", 0.4, -0.7, "organisatie_extern"),  # the student put it there (wrong)
]


def v1_file(path, checked=True) -> None:
    placer = {
        "widget": "RolePlacer",
        "version": 1,
        "checked": checked,
        "selected": "boa",
        "placements": [{"role_id": r, "x": x, "y": y} for r, x, y, _ in V1_PLACEMENTS]
        + [{"role_id": "eigen_1", "custom": True, "name": "Beleidsadviseur", "x": 0.3, "y": 0.8}],
    }
    profile = {
        "widget": "CompetencyProfile",
        "version": 1,
        "scores": {
            "resultaatgericht": 5,
            "inhoudelijk_geloofwaardig": 3,
            "omgevingsbewust": 3,
            "politiek_bekwaam": 2,
            "transparant": 4,
            "verbonden_verbindend": 1,
        },
    }
    doc = {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "student": {"name": "Ans", "number": "1"},
        "updated": "2026-11-01T10:00:00+00:00",
        "exercises": {"RolePlacer:03-tabel-1": placer, "CompetencyProfile:02-profiel": profile},
    }
    path.write_text(json.dumps(doc), encoding="utf-8")


def test_a_version_1_file_keeps_every_placement_in_its_quadrant(fw, tmp_path):
    path = tmp_path / "mijn-antwoorden.json"
    v1_file(path)
    parsed = parse_answer_file(path.read_bytes(), path.name, fw)
    assert parsed.problems == []
    clean = parsed.exercises["RolePlacer:03-tabel-1"]  # validated by its kind, migrated
    assert parsed.raw["RolePlacer:03-tabel-1"]["version"] == 1
    for role_id, x, y, quadrant in V1_PLACEMENTS:
        role = clean["roles"][role_id]
        assert (role["x"], role["y"]) == (y, x)  # swapped into Tabel 1's axes
        assert cell_of(fw, role["x"], role["y"]) == quadrant, role_id
    own = clean["roles"]["eigen_1"]
    assert cell_of(fw, own["x"], own["y"]) == "klassiek_extern"  # was x extern, y klassiek
    # a checked version-1 state: feedback on every role it had placed, and only those
    assert set(clean["checked_roles"]) == {r for r, *_ in V1_PLACEMENTS} | {"eigen_1"}
    score = Placement.score_state(clean, fw)
    keys = {item.item: item.key for item in score.feedback}
    assert keys["jurist"] == "feedback.right" and keys["hrm"] == "feedback.wrong"
    assert keys["bouwkundig_ingenieur"] == "feedback.unplaced"
    assert (score.points, score.total) == (4, 5)


def test_a_version_1_file_is_restored_saved_as_version_2_and_collected_alike(fw, tmp_path):
    path = tmp_path / "mijn-antwoorden.json"
    v1_file(path)
    rows_before = collect(tmp_path, fw).answers
    store = AnswerStore(path, fw)
    model = Placement(fw)
    store.attach(model, "03-tabel-1")
    assert model.placements().set_index("role_id").loc["boa", "quadrant_id"] == (
        "organisatie_extern"
    )
    model.place("kwaliteitsfunctionaris", -0.5, -0.5)  # a change: the file is written again
    saved = json.loads(path.read_text(encoding="utf-8"))["exercises"]["RolePlacer:03-tabel-1"]
    assert saved["version"] == Placement.version == 2
    jurist = next(p for p in saved["placements"] if p["role_id"] == "jurist")
    assert (jurist["x"], jurist["y"]) == (0.6, 0.5)
    # read again, version 2 is not swapped back
    again = Placement.validate(saved, fw)
    assert cell_of(fw, again["roles"]["jurist"]["x"], again["roles"]["jurist"]["y"]) == (
        "klassiek_extern"
    )
    # the class views read the same quadrants from the old file as from the new one
    before = rows_before.loc[rows_before["measure"] == "in_article_quadrant"]
    rows_after = collect(tmp_path, fw).answers
    after = rows_after.loc[rows_after["measure"] == "in_article_quadrant"]
    shared = set(before["item"])
    assert dict(zip(before["item"], before["value"], strict=True)) == {
        item: value
        for item, value in zip(after["item"], after["value"], strict=True)
        if item in shared
    }


def test_version_1_self_assessment_stays_valid(fw, tmp_path):
    path = tmp_path / "mijn-antwoorden.json"
    v1_file(path)
    parsed = parse_answer_file(path.read_bytes(), path.name, fw)
    clean = parsed.exercises["CompetencyProfile:02-profiel"]
    assert clean["scores"]["inhoudelijk_geloofwaardig"] == 3  # a number of version 1 counts
    assert None not in clean["scores"].values()
    rows = collect(tmp_path, fw).answers
    assert (rows.loc[rows["widget"] == "CompetencyProfile", "measure"] == "score").sum() == 6


@pytest.mark.parametrize("kind", [Placement, SelfAssessment])
def test_a_newer_or_unknown_version_is_refused(fw, kind):
    for version in (kind.version + 1, 0, "1", True):
        with pytest.raises(StateError, match=rf"{kind.kind}\.version"):
            kind.validate({"version": version, "placements": [], "scores": {}}, fw)


def test_migrate_runs_for_older_versions_only(fw):
    calls = []

    class Counting(Placement):
        @classmethod
        def migrate(cls, state: dict, version: int) -> dict:
            calls.append(version)
            return super().migrate(state, version)

    state = {"placements": [{"role_id": "jurist", "x": 0.5, "y": -0.5}]}
    Counting.validate({**state, "version": 2}, fw)
    Counting.validate(state, fw)  # no version: the current one
    assert calls == []
    clean = Counting.validate({**state, "version": 1}, fw)
    assert calls == [1] and (clean["roles"]["jurist"]["x"], clean["roles"]["jurist"]["y"]) == (
        -0.5,
        0.5,
    )
    assert Exercise.migrate({"a": 1}, 1) == {"a": 1}  # the default keeps the state


def test_errors_in_a_version_1_file_name_the_field_as_the_file_has_it(fw):
    state = {"version": 1, "placements": [{"role_id": "jurist", "x": 7, "y": 0.5}]}
    with pytest.raises(StateError, match=r"RolePlacer\.placements\[0\]\.x"):
        Placement.validate(state, fw)
