"""Feedback per placed role, the own-role mode of notebook 08, and a self-assessment whose
points start unset. Assertions are on state and message keys, not on Dutch text."""

from __future__ import annotations

import json

from support import by_role

import vakmanschap as vk
from vakmanschap.exercises import Placement, SelfAssessment
from vakmanschap.i18n import t


def keys(score) -> dict[str, str]:
    return {item.item: item.key for item in score.feedback}


# -- feedback per placed role (model) -------------------------------------------------------------


def test_checking_speaks_only_of_the_roles_placed(fw):
    model = Placement(fw)
    assert model.score().verdict == "feedback.none_checked"
    model.place("jurist", 0.5, 0.5)
    assert keys(model.score())["jurist"] == "feedback.unchecked"  # nothing told before checking
    model.check()
    score = model.score()
    assert keys(score)["jurist"] == "feedback.right"
    assert {keys(score)[r] for r in fw.ids("role") if r != "jurist"} == {"feedback.unplaced"}
    assert (score.points, score.total, score.verdict) == (1, 1, "feedback.summary_partial")
    assert model.state["checked_roles"] == ["jurist"]
    rows = model.placements().set_index("role_id")
    assert rows.loc["jurist", "article_quadrant_id"] == "klassiek_extern"
    assert set(rows.drop("jurist")["article_quadrant_id"]) == {""}  # the rest stays hidden
    model.place("boa", 0.5, 0.5)  # placed after checking: not compared until checked again
    assert keys(model.score())["boa"] == "feedback.unchecked"
    assert model.placements().set_index("role_id").loc["boa", "article_quadrant_id"] == ""
    model.check()
    boa = next(item for item in model.score().feedback if item.item == "boa")
    assert boa.key == "feedback.wrong" and boa.values["dimensions"] == ["professionalism"]
    saved = json.loads(json.dumps(model.to_dict()))
    assert saved["checked_roles"] == ["jurist", "boa"]
    assert Placement.validate(saved, fw)["checked_roles"] == ["jurist", "boa"]


# -- own roles only (notebook 08) -----------------------------------------------------------------


def test_own_only_model_speaks_of_the_own_role_alone(fw):
    model = Placement(fw, own_only=True)
    assert model.score().verdict == "feedback.own_none" and model.score().total is None
    role_id, key = model.add_role("Beleidsadviseur")
    assert key == "placer.added"
    model.place(role_id, -0.4, 0.6)  # organisatie, extern
    model.check()
    score = model.score()
    assert score.points is None and score.total is None and score.verdict == ""  # no 0 of 8
    (item,) = score.feedback
    assert (item.item, item.key) == (role_id, "feedback.own")
    assert item.values == {
        "quadrant_id": "organisatie_extern",
        "professionalism": "organisatie",
        "focus": "extern",
    }
    # the same state, checked as the full exercise, still counts the article's roles
    assert Placement.score_state(model.state, fw).verdict == "feedback.none_checked"


def test_rename_an_own_role(fw):
    model = Placement(fw, own_only=True)
    role_id = model.own_role("Mijn functie")
    assert model.own_roles() == [role_id] and model.state["selected"] == role_id
    assert model.own_role("Mijn functie") == role_id  # not a second one
    assert model.rename_role(role_id, "  Beleidsadviseur ") == "placer.renamed"
    assert model.state["roles"][role_id]["name"] == "Beleidsadviseur"
    assert model.rename_role(role_id, "jurist") == "placer.add_duplicate"
    assert model.rename_role(role_id, "") == "placer.add_empty"
    assert model.rename_role("jurist", "Advocaat") == "placer.rename_not_own"


def test_own_only_widget(fw):
    placer = vk.RolePlacer(fw, own_only=True)
    assert placer.role.options == ()
    article = by_role(placer.figure, "article")
    assert all(tr.visible for tr in article)  # the article's roles as reference
    assert sum(x is not None for tr in article for x in tr.x) == 8
    # moving a slider places an own role (made on the spot if there is none yet)
    placer.x.value = -0.4
    placer.y.value = 0.6
    (role_id,) = placer.model.own_roles()
    assert [value for _, value in placer.role.options] == [role_id]  # own roles only
    (student,) = by_role(placer.figure, "student")
    assert (student.x, student.y) == ((-0.4,), (0.6,))
    assert placer.rename_role("Beleidsadviseur")
    assert student.text == ("Beleidsadviseur",)
    placer.check_button.click()
    assert [item.key for item in placer.score().feedback] == ["feedback.own"]
    assert placer.score().total is None
    shown = placer.feedback.value
    assert "Beleidsadviseur" in shown and "Reactiveringsambtenaren" in shown  # same quadrant
    assert "✔" not in shown and "✘" not in shown  # no verdict on the article's eight
    # a second own role is offered too; article roles never are
    second = placer.add_role("Wijkregisseur")
    assert [value for _, value in placer.role.options] == [role_id, second]


def test_own_only_through_get(fw):
    placer = vk.RolePlacer.get("test-own-only", own_only=True)
    assert placer.own_only and placer.model.own_only
    assert vk.RolePlacer.get("test-own-only") is placer


# -- a self-assessment that starts unset ----------------------------------------------------------


def test_every_point_starts_unset_and_only_set_scores_are_saved(fw):
    model = SelfAssessment(fw)
    assert set(model.state["scores"].values()) == {None}
    assert model.to_dict()["scores"] == {} and model.rows() == []
    model.set_score("transparant", 3)
    assert model.to_dict()["scores"] == {"transparant": 3}
    assert model.rows() == [("transparant", "score", 3)]
    model.set_score("transparant", None)
    assert model.to_dict()["scores"] == {}
    clean = SelfAssessment.validate({"scores": {"transparant": None}}, fw)
    assert set(clean["scores"].values()) == {None}  # null is unset too


def test_profile_widget_counts_a_point_only_after_it_is_set(fw):
    profile = vk.CompetencyProfile(fw)
    slider = profile.sliders["resultaatgericht"]
    assert slider.value == 0 and slider.options[0] == (t("radar.unset"), 0)
    assert profile.model.to_dict()["scores"] == {}  # an untouched slider is no rating
    (own,) = by_role(profile.figure, "self")
    assert all(r is None for r in own.r) and own.fill == "none"
    slider.value = 3
    assert profile.scores["resultaatgericht"] == 3 and own.r[0] == 3 and own.r[1] is None
    assert "<b>3 = " in profile.levels["resultaatgericht"].value  # the anchor of the level
    for rec_id in fw.ids("recommendation"):
        profile.sliders[rec_id].value = 4
    assert own.fill == "toself"  # a closed profile once every point is set
    profile.sliders["transparant"].value = 0  # back to "niet ingevuld"
    assert "transparant" not in profile.to_dict()["scores"]
    rec = fw.recommendations.set_index("recommendation_id").loc["transparant"]
    assert all(rec[f"level_{n}_nl"] in profile.levels["transparant"].value for n in (1, 3, 5))
    assert t("radar.managers_note").split(":")[0] in str(profile.children[1].value)


def test_class_spread_counts_only_set_scores(fw):
    from vakmanschap import classroom
    from vakmanschap.answers import collect
    from vakmanschap.answers.fileformat import SCHEMA, SCHEMA_VERSION

    def file(name, scores, version=2):
        doc = {
            "schema": SCHEMA,
            "schema_version": SCHEMA_VERSION,
            "student": {"name": name, "number": name},
            "updated": "2026-11-01T10:00:00+00:00",
            "exercises": {
                "CompetencyProfile:02-profiel": {
                    "widget": "CompetencyProfile",
                    "version": version,
                    "scores": scores,
                }
            },
        }
        return (f"{name}.json", json.dumps(doc).encode("utf-8"))

    result = collect(
        [
            file("a", {"resultaatgericht": 5}),
            file("b", {"resultaatgericht": 1, "transparant": None}),
            file("c", dict.fromkeys(fw.ids("recommendation"), 2), version=1),
        ],
        fw,
    )
    table = classroom.scores(result)
    counts = table.groupby("recommendation_id").size()
    assert counts["resultaatgericht"] == 3 and counts["transparant"] == 1  # c only
    assert table["score"].notna().all()
    fig = classroom.scores_figure(result, fw)
    box = {trace.name.split(" (")[0]: trace for trace in fig.data}
    assert len(box[fw.name("recommendation", "transparant")].y) == 1
    assert sorted(box[fw.name("recommendation", "resultaatgericht")].y) == [1, 2, 5]


def _press_enter(text_widget) -> None:
    """What the browser sends when Enter is pressed in a marked text field: the page helper's
    message with the text as the browser shows it (and the browser empties the field)."""
    from vakmanschap.ui.a11y import accessible_names

    (token,) = [c for c in text_widget._dom_classes if c.startswith("vakmanschap-enter-")]
    text, text_widget.value = text_widget.value, ""
    accessible_names()._handle(None, {"event": "enter", "token": token, "value": text}, [])


def test_enter_in_the_name_field_adds_or_renames(fw):
    placer = vk.RolePlacer(fw)
    placer.new_name.value = "Wijkregisseur"
    _press_enter(placer.new_name)
    assert placer.model.state["selected"] in placer.model.own_roles()
    assert placer.new_name.value == ""  # added: the field is empty for the next one
    own = vk.RolePlacer(fw, own_only=True)
    own.new_name.value = "Beleidsadviseur"
    _press_enter(own.new_name)
    (role_id,) = own.model.own_roles()
    own.new_name.value = "Strategisch adviseur"
    _press_enter(own.new_name)  # the own role is selected: Enter renames it
    assert own.model.own_roles() == [role_id]
    assert [label for label, _ in own.role.options] == ["Strategisch adviseur"]
    placer.new_name.value = ""
    _press_enter(placer.new_name)  # nothing typed: a message, nothing added
    assert len(placer.model.own_roles()) == 1 and placer.status.value
    placer.new_name.value = "Wijkregisseur"
    _press_enter(placer.new_name)  # a name in use: refused, and the text stays typed
    assert len(placer.model.own_roles()) == 1
    assert placer.new_name.value == "Wijkregisseur"


def test_enter_uses_the_text_the_browser_shows_not_a_stale_value(fw):
    """The kernel may not have the last key presses yet: Enter's message carries the text."""
    from vakmanschap.ui.a11y import accessible_names

    placer = vk.RolePlacer(fw)
    placer.new_name.value = "Wi"  # what reached the kernel so far
    (token,) = [c for c in placer.new_name._dom_classes if c.startswith("vakmanschap-enter-")]
    accessible_names()._handle(
        None, {"event": "enter", "token": token, "value": "Wijkregisseur"}, []
    )
    labels = [label for label, _ in placer.role.options]
    assert "Wijkregisseur" in labels and "Wi" not in labels
    # messages that are not Enter, or name no known field, change nothing
    accessible_names()._handle(
        None, {"event": "enter", "token": "vakmanschap-enter-x", "value": "A"}, []
    )
    accessible_names()._handle(None, {"event": "other"}, [])
    accessible_names()._handle(None, "not a dict", [])
    assert [label for label, _ in placer.role.options] == labels
