"""Widgets, headless: set values as a user would and check traits and figure data."""

from __future__ import annotations

import json
import math

import pytest
from support import by_role

import vakmanschap as vk

HOSTILE = "<img src=x onerror=alert(1)>"


def saved(fig, role):
    """The trace as a browser connecting now would build it (the synced widget state)."""
    for trace in fig.browser_figure()["data"]:
        if (trace.get("meta") or {}).get("role") == role:
            return trace
    raise AssertionError(role)


def roundtrip(widget) -> dict:
    return json.loads(json.dumps(widget.to_dict()))


# -- RolePlacer -------------------------------------------------------------------------


def test_placer_places_the_selected_role_with_the_sliders(fw):
    placer = vk.RolePlacer(fw)
    placer.role.value = "jurist"
    placer.x.value = 0.5
    placer.y.value = 0.45
    (student,) = by_role(placer.figure, "student")
    assert student.x == (0.5,) and student.y == (0.45,) and student.text == ("Jurist",)
    assert saved(placer.figure, "student")["x"] == [0.5]  # first render shows it too
    row = placer.placements.set_index("role_id").loc["jurist"]
    assert row["quadrant_id"] == "klassiek_extern"
    # choosing another role moves the sliders to it and leaves the jurist where it is
    placer.role.value = "boa"
    assert (placer.x.value, placer.y.value) == (0, 0)
    assert student.x == (0.5,)


def test_placer_hides_the_answer_until_checked(fw):
    placer = vk.RolePlacer(fw)
    assert all(tr.visible is False for tr in by_role(placer.figure, "article"))
    assert placer.feedback.value == ""
    assert set(placer.placements["article_quadrant_id"]) == {""}
    placer.check_button.click()
    assert placer.checked
    assert all(tr.visible is True for tr in by_role(placer.figure, "article"))
    assert all(saved(placer.figure, "article")["visible"] for _ in [0])


def test_placer_feedback_right_wrong_border_unplaced(fw):
    placer = vk.RolePlacer(fw)
    placer.place("jurist", 0.5, 0.5)  # right
    placer.place("controller", 0.5, -0.5)  # wrong on both distinctions
    placer.place("strateeg", -0.5, 0.5)  # wrong on professionalism only
    placer.place("boa", 0.0, -0.5)  # on the border
    result = placer.check()
    correct = result.set_index("role_id")["correct"]
    assert correct["jurist"] is True and correct["controller"] is False
    assert correct["hrm"] is None  # not placed
    feedback = placer.feedback.value
    assert "1 van de 8 functies" in feedback
    assert "✔ <b>Jurist</b>: goed." in feedback
    assert "✘ <b>Controller</b>" in feedback
    assert "professionaliteit (klassiek of organisatie) en in de focus" in feedback
    strateeg = feedback.split("<b>Strateeg</b>")[1].split("</li>")[0]
    assert "professionaliteit" in strateeg and "focus (extern" not in strateeg
    assert "<b>Boa (handhaver)</b>: staat op een grenslijn" in feedback
    assert "<b>HRM&#39;er</b>: nog niet geplaatst" in feedback
    # the rationale speaks in section-3 terms
    assert "Interne focus" in feedback.split("<b>Controller</b>")[1]
    # feedback follows a correction after checking
    placer.place("controller", -0.5, 0.5)
    assert "2 van de 8 functies" in placer.feedback.value


def test_placer_click_places_the_selected_role(fw):
    placer = vk.RolePlacer(fw)
    placer.role.value = "hrm"
    (click,) = placer.figure.traces("click")
    # what the browser sends when the grid is clicked
    placer.figure._handle_custom_msg({"event": "click", "x": -0.62, "y": 0.33, "trace": click}, [])
    assert (placer.x.value, placer.y.value) == (-0.6, 0.35)
    assert placer.placements.set_index("role_id").loc["hrm", "quadrant_id"] == "klassiek_intern"


def test_placer_own_role_is_escaped_everywhere(fw):
    placer = vk.RolePlacer(fw)
    role_id = placer.add_role(HOSTILE)
    assert role_id == "eigen_1" and placer.role.value == "eigen_1"
    placer.x.value, placer.y.value = 0.3, 0.3
    placer.check()
    assert "<img" not in placer.feedback.value and "&lt;img" in placer.feedback.value
    assert "<img" not in placer.figure.to_json()
    assert "<img" not in placer.status.value
    assert placer.add_role(HOSTILE) is None  # duplicate
    assert "al een functie" in placer.status.value
    assert placer.add_role("   ") is None


def test_placer_state_roundtrip(fw):
    placer = vk.RolePlacer(fw)
    placer.place("jurist", 0.5, 0.5)
    placer.add_role("Beleidsadviseur")
    placer.place("eigen_1", -0.2, -0.7)
    placer.check()
    state = roundtrip(placer)
    other = vk.RolePlacer(fw)
    other.from_dict(state)
    assert other.to_dict() == placer.to_dict()
    assert other.checked and "Beleidsadviseur" in [label for label, _ in other.role.options]
    assert saved(other.figure, "student")["x"] == [0.5, -0.2]  # shows on first render


@pytest.mark.parametrize(
    ("state", "field"),
    [
        ({"placements": [{"role_id": "jurist", "x": 1.5, "y": 0}]}, "RolePlacer.placements[0].x"),
        (
            {"placements": [{"role_id": "jurist", "x": math.nan, "y": 0}]},
            "RolePlacer.placements[0].x",
        ),
        (
            {"placements": [{"role_id": "jurist", "x": 0.1, "y": "hoog"}]},
            "RolePlacer.placements[0].y",
        ),
        (
            {"placements": [{"role_id": "wethouder", "x": 0, "y": 0}]},
            "RolePlacer.placements[0].role_id",
        ),
        (
            {"placements": [{"role_id": "eigen_1", "custom": True, "name": "", "x": 0, "y": 0}]},
            "RolePlacer.placements[0].name",
        ),
        (
            {
                "placements": [
                    {"role_id": "eigen_1", "custom": True, "name": "x" * 81, "x": 0, "y": 0}
                ]
            },
            "RolePlacer.placements[0].name",
        ),
        ({"placements": "alles goed"}, "RolePlacer.placements"),
        ({"placements": [5]}, "RolePlacer.placements[0]"),
        ({}, "RolePlacer.placements"),
        ({"placements": [], "version": 2}, "RolePlacer.version"),
        ({"placements": [], "checked": "ja"}, "RolePlacer.checked"),
    ],
)
def test_placer_rejects_bad_state_and_stays_usable(fw, state, field):
    placer = vk.RolePlacer(fw)
    placer.place("jurist", 0.5, 0.5)
    before = placer.to_dict()
    with pytest.raises(ValueError, match=field.replace("[", r"\[").replace("]", r"\]")):
        placer.from_dict(state)
    assert placer.to_dict() == before
    placer.place("boa", 0.5, -0.5)  # still works
    assert len(by_role(placer.figure, "student")[0].x) == 2


@pytest.mark.parametrize(
    "state", [[1, 2], "text", None, {"widget": "TensionTriangle", "placements": []}]
)
def test_placer_rejects_foreign_state(fw, state):
    with pytest.raises(ValueError, match="RolePlacer"):
        vk.RolePlacer(fw).from_dict(state)


# -- TensionTriangle -----------------------------------------------------------------------


def test_triangle_point_follows_the_sliders(fw):
    tri = vk.TensionTriangle(fw, subject="role:jurist")
    (current,) = by_role(tri.figure, "current")
    assert current.a == ()  # nothing weighed yet
    assert "Nog geen gewichten" in tri.shares.value
    tri.sliders["klassiek"].value = 50
    tri.sliders["netwerk"].value = 50
    assert (current.a[0], current.b[0], current.c[0]) == (0.5, 0.0, 0.5)
    assert saved(tri.figure, "current")["a"] == [0.5]
    assert "klassiek 50%, NPM 0%, netwerk 50%" in tri.shares.value
    # another subject starts empty; the jurist stays as an earlier point
    tri.subject.value = "dilemma:vangrail_of_vangnet"
    assert all(s.value == 0 for s in tri.sliders.values())
    (others,) = by_role(tri.figure, "others")
    assert others.text == ("Jurist",) and current.a == ()
    tri.set_weights(20, 30, 50)
    assert list(tri.weights["subject"]) == ["role:jurist", "dilemma:vangrail_of_vangnet"]
    assert (
        tri.weights.set_index("subject").loc["dilemma:vangrail_of_vangnet", "netwerk_share"] == 0.5
    )


def test_triangle_article_reading(fw):
    tri = vk.TensionTriangle(fw, subject="role:controller")
    visible = lambda: {tr.meta["dilemma_id"] for tr in by_role(tri.figure, "dilemma") if tr.visible}  # noqa: E731
    assert visible() == set()
    tri.show_article.value = True
    assert visible() == {"bedrijfsmatig_of_politiek"}
    assert "Bedrijfsmatig werken of politieke keuzes volgen" in tri.note.value
    tri.subject.value = "case:eigen"
    assert visible() == set() and "geen lezing" in tri.note.value


def test_triangle_case_name_is_escaped(fw):
    tri = vk.TensionTriangle(fw, subject="case:eigen", case_name=HOSTILE)
    tri.set_weights(10, 10, 80)
    assert "<img" not in tri.figure.to_json() and "<img" not in tri.shares.value
    assert tri.case_name.layout.display is None
    tri.subject.value = "role:boa"
    assert tri.case_name.layout.display == "none"


def test_triangle_state_roundtrip_and_errors(fw):
    tri = vk.TensionTriangle(fw)
    tri.set_weights(10, 20, 70, subject="dilemma:loslaten_of_ingrijpen")
    tri.show_article.value = True
    other = vk.TensionTriangle(fw)
    other.from_dict(roundtrip(tri))
    assert other.to_dict() == tri.to_dict()
    assert saved(other.figure, "current")["c"] == [0.7]
    before = other.to_dict()
    bad = [
        (
            {"weights": {"role:jurist": {"klassiek": 101, "npm": 0, "netwerk": 0}}},
            r"weights\['role:jurist'\]\.klassiek",
        ),
        (
            {"weights": {"role:jurist": {"klassiek": 0, "npm": 0, "netwerk": 0}}},
            r"weights\['role:jurist'\]",
        ),
        (
            {"weights": {"role:jurist": {"klassiek": 1, "npm": 1}}},
            r"weights\['role:jurist'\]\.netwerk",
        ),
        (
            {"weights": {"role:wethouder": {"klassiek": 1, "npm": 1, "netwerk": 1}}},
            "TensionTriangle.weights",
        ),
        ({"weights": [], "selected": "role:jurist"}, "TensionTriangle.weights"),
        ({"weights": {}, "case_name": "x" * 200}, "TensionTriangle.case_name"),
    ]
    for state, field in bad:
        with pytest.raises(ValueError, match=field):
            other.from_dict(state)
        assert other.to_dict() == before
    with pytest.raises(ValueError, match=r"TensionTriangle\.weights\.klassiek"):
        other.set_weights(-5, 1, 1)


# -- DilemmaExplorer ------------------------------------------------------------------------


def test_explorer_switches_quadrant(fw):
    explorer = vk.DilemmaExplorer(fw)

    def visible():
        return {
            tr.meta["dilemma_id"]
            for tr in by_role(explorer.figure, "dilemma")
            if tr.visible is not False
        }

    assert visible() == {"zelf_uitvoeren_of_overlaten", "risicomijdend_of_ondernemend"}
    assert "Juristen" in explorer.details.value and "creativiteit" in explorer.details.value
    explorer.quadrant.value = "organisatie_extern"
    assert visible() == {"vangrail_of_vangnet", "loslaten_of_ingrijpen"}
    html = explorer.details.value
    assert "Reactiveringsambtenaren" in html
    assert "<blockquote lang='nl'>‘Eigenlijk verandert mijn baan elke twee jaar’" in html
    assert "— Reactiveringsambtenaar, interview provinciestad" in html
    assert "versterkt door: Bedrijfsmatige overheid" in html
    saved_visible = {
        tr["meta"]["dilemma_id"]
        for tr in explorer.figure.browser_figure()["data"]
        if tr.get("meta", {}).get("role") == "dilemma" and tr.get("visible", True)
    }
    assert saved_visible == {"vangrail_of_vangnet", "loslaten_of_ingrijpen"}
    explorer.quadrant.value = "organisatie_intern"
    assert "onze lezing" in explorer.details.value  # the inferred 4.4 models are marked


def test_explorer_state(fw):
    explorer = vk.DilemmaExplorer(fw, quadrant_id="klassiek_intern")
    other = vk.DilemmaExplorer(fw)
    other.from_dict(roundtrip(explorer))
    assert other.quadrant.value == "klassiek_intern"
    with pytest.raises(ValueError, match=r"DilemmaExplorer\.quadrant"):
        other.from_dict({"quadrant": "midden"})
    assert other.quadrant.value == "klassiek_intern"


# -- CompetencyProfile -----------------------------------------------------------------------


def test_profile_follows_sliders_and_state(fw):
    profile = vk.CompetencyProfile(fw, comparison={"lef": 4}, comparison_label="klas")
    (own,) = by_role(profile.figure, "self")
    profile.sliders["resultaatgericht"].value = 5
    assert own.r[0] == 5 and own.r[-1] == 5
    assert saved(profile.figure, "self")["r"][0] == 5
    assert len(by_role(profile.figure, "comparison")) == 1
    other = vk.CompetencyProfile(fw)
    other.from_dict(roundtrip(profile))
    assert other.scores == profile.scores
    for bad, field in [
        ({"scores": {"resultaatgericht": 6}}, "resultaatgericht"),
        ({"scores": {"resultaatgericht": 2.5}}, "resultaatgericht"),
        ({"scores": {"charisma": 3}}, "CompetencyProfile.scores"),
        ({"scores": None}, "CompetencyProfile.scores"),
    ]:
        with pytest.raises(ValueError, match=field):
            other.from_dict(bad)
    assert other.scores == profile.scores


# -- all widgets --------------------------------------------------------------------------


def test_every_control_has_a_label_in_the_current_language(fw):
    vk.set_language("en")
    placer = vk.RolePlacer(fw)
    assert placer.check_button.description == "Check"
    assert placer.x.description.startswith("Focus (internal")
    tri = vk.TensionTriangle(fw)
    assert tri.subject.description == "Subject"
    assert tri.sliders["npm"].description == "New Public Management"
    for widget in (placer, tri, vk.DilemmaExplorer(fw), vk.CompetencyProfile(fw)):
        for control in _controls(widget):
            assert control.description or getattr(control, "tooltip", None), control


def _controls(widget):
    import ipywidgets as w

    stack = [widget]
    while stack:
        item = stack.pop()
        if isinstance(item, w.Box):
            stack.extend(item.children)
        elif isinstance(item, w.ValueWidget | w.Button) and not isinstance(item, w.HTML):
            yield item


# -- Quiz, TensionQuiz, Reflection, registry, views -----------------------------------------


def test_quiz_feedback(fw):
    quiz = vk.Quiz(question_id="speeltuin_logica", fw=fw)
    assert quiz.check() is None and "Kies eerst" in quiz.feedback.value
    quiz.choice.value = 2
    assert quiz.check() is False and "✘ Nog niet goed." in quiz.feedback.value
    assert "interne logica" in quiz.feedback.value  # the explanation is always shown
    quiz.choice.value = 1
    assert quiz.correct is None and "opnieuw" in quiz.feedback.value
    quiz.check_button.click()
    assert quiz.correct is True and "✔ Goed." in quiz.feedback.value
    other = vk.Quiz(question_id="speeltuin_logica", fw=fw)
    other.from_dict(roundtrip(quiz))
    assert other.correct is True
    with pytest.raises(ValueError, match=r"Quiz\.choice"):
        other.from_dict({"choice": 4})
    with pytest.raises(KeyError, match="keuzevraag"):
        vk.Quiz(question_id="reflectie_01", fw=fw)


def test_quiz_shows_outside_source(fw):
    quiz = vk.Quiz(question_id="varianten_loslaten", fw=fw)
    quiz.choice.value = 2
    quiz.check()
    assert "Bron: Rob (2012)" in quiz.feedback.value


def test_tension_quiz_hides_the_answer_until_checked(fw):
    quiz = vk.TensionQuiz(dilemma_id="vangrail_of_vangnet", fw=fw)
    assert all(tr.visible is False for tr in by_role(quiz.figure, "dilemma"))
    quiz.boxes["klassiek"].value = True
    assert quiz.check() is False  # netwerk missing
    assert "dit model zit volgens het artikel ook in de spanning" in quiz.feedback.value
    assert all(tr.visible is True for tr in by_role(quiz.figure, "dilemma"))
    assert all(
        tr["visible"]
        for tr in quiz.figure.browser_figure()["data"]
        if tr.get("meta", {}).get("role") == "dilemma"
    )
    quiz.boxes["netwerk"].value = True
    assert quiz.check() is True
    quiz.boxes["npm"].value = True  # the reinforcing model may be ticked
    assert quiz.check() is True and "versterkt" in quiz.feedback.value
    other = vk.TensionQuiz(dilemma_id="vangrail_of_vangnet", fw=fw)
    other.from_dict(roundtrip(quiz))
    assert other.chosen == ("klassiek", "npm", "netwerk") and other.checked
    with pytest.raises(ValueError, match=r"TensionQuiz\.chosen\[0\]"):
        other.from_dict({"chosen": ["markt"]})


def test_tension_quiz_marks_the_inferred_reading(fw):
    quiz = vk.TensionQuiz(dilemma_id="netwerkproces_of_stroperigheid", fw=fw)
    quiz.boxes["klassiek"].value = quiz.boxes["netwerk"].value = True
    assert quiz.check() is True and "onze lezing" in quiz.feedback.value


def test_reflection_keeps_text_and_limits_length(fw):
    reflection = vk.Reflection(question_id="reflectie_01", fw=fw)
    reflection.text.value = HOSTILE
    assert reflection.to_dict()["text"] == HOSTILE
    assert "<img" not in reflection.count.value
    reflection.text.value = "x" * 6000
    assert len(reflection.text.value) == 5000
    with pytest.raises(ValueError, match=r"Reflection\.text"):
        reflection.from_dict({"text": "y" * 5001})
    with pytest.raises(ValueError, match=r"Reflection\.text"):
        reflection.from_dict({"text": 5})


def test_get_returns_the_same_widget_so_rerunning_a_cell_keeps_answers(fw):
    first = vk.RolePlacer.get("test-registry")
    first.place("jurist", 0.5, 0.5)
    again = vk.RolePlacer.get("test-registry")
    assert again is first and again.placements.set_index("role_id").loc["jurist", "x"] == 0.5
    assert vk.RolePlacer.get("test-registry-2") is not first
    quiz = vk.Quiz.get("interviews_dorp")
    assert quiz.key == "interviews_dorp" and vk.Quiz.get("interviews_dorp") is quiz


def test_views_escape_and_contain_the_framework(fw):
    html = vk.models_table(fw).data
    assert "Klassieke overheidssturing" in html and "publieke waarde" in html
    assert "Bedrijfsmatige overheid" in vk.contrast_table(fw).data
    design = vk.research_design_table(fw).data
    assert "<b>26</b>" in design and "juni 2013" in design
    assert "Tot slot" not in vk.quadrant_overview("klassiek_extern", fw).data
    assert "Sturingsmodellen in spanning" not in vk.quadrant_overview("klassiek_extern", fw).data
    assert (
        "Sturingsmodellen in spanning"
        in vk.quadrant_overview("klassiek_extern", fw, dilemmas=True).data
    )
    assert vk.dilemmas_table(fw).data.count("<tr>") == 7
    assert "Verbindend vakmanschap: de kunst van het loslaten" in vk.article_reference().data
    answers = vk.answers_table(fw).data
    assert "2. 10" in answers  # interviews in the village
