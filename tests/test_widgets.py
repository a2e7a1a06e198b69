"""Widgets, headless: set values as a user would and check traits and figure data."""

from __future__ import annotations

import json
import math

import pytest
from support import by_role

import vakmanschap as vk
from vakmanschap.i18n import t

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


def article_shown(placer) -> dict[str, bool]:
    """Per article role: whether the figure (and the browser's copy of it) shows its place."""
    shown = {}
    for index in placer.figure.traces("article"):
        trace, synced = placer.figure.data[index], placer.figure.browser_figure()["data"][index]
        for role_id, x, synced_x in zip(trace.meta["role_ids"], trace.x, synced["x"], strict=True):
            assert (x is not None) == (synced_x is not None)
            shown[role_id] = bool(trace.visible) and x is not None
    return shown


def test_placer_hides_the_answer_until_checked(fw):
    placer = vk.RolePlacer(fw)
    assert not any(article_shown(placer).values())
    assert placer.feedback.value == ""
    assert set(placer.placements["article_quadrant_id"]) == {""}
    placer.place("jurist", 0.5, 0.5)
    placer.check_button.click()
    assert placer.checked
    # only the placed role's place in Tabel 1 is shown, the other seven stay hidden
    assert [r for r, shown in article_shown(placer).items() if shown] == ["jurist"]
    assert placer.placements.set_index("role_id")["article_quadrant_id"].to_dict() == {
        role_id: ("klassiek_extern" if role_id == "jurist" else "") for role_id in fw.ids("role")
    }


def test_placer_feedback_per_placed_role(fw):
    placer = vk.RolePlacer(fw)
    placer.place("jurist", 0.5, 0.5)  # klassiek (right), extern (top): right
    placer.place("controller", -0.5, 0.5)  # article: klassiek intern -> wrong on both
    placer.place("strateeg", 0.5, -0.5)  # article: organisatie intern -> professionalism
    placer.place("boa", 0.0, -0.5)  # on the border
    result = placer.check()
    correct = result.set_index("role_id")["correct"]
    assert correct["jurist"] is True and correct["controller"] is False
    assert correct["hrm"] is None  # not placed
    score = placer.score()
    assert (score.verdict, score.points, score.total) == ("feedback.summary_partial", 1, 4)
    keys = {item.item: item for item in score.feedback}
    assert keys["controller"].values["dimensions"] == ["professionalism", "focus"]
    assert keys["strateeg"].values["dimensions"] == ["professionalism"]
    assert keys["boa"].key == "feedback.border" and keys["hrm"].key == "feedback.unplaced"
    feedback = placer.feedback.value
    assert "✔ <b>Jurist</b>" in feedback and "✘ <b>Controller</b>" in feedback
    assert "○ <b>HRM&#39;er</b>" in feedback
    assert fw.role("controller")["rationale_nl"].split(":")[0] in feedback  # section-3 terms
    shown = article_shown(placer)
    assert {r for r, s in shown.items() if s} == {"jurist", "controller", "strateeg", "boa"}
    # a role placed after checking stays hidden until "Controleer" is pressed again
    placer.place("hrm", 0.5, -0.6)
    assert {item.item: item.key for item in placer.score().feedback}["hrm"] == "feedback.unchecked"
    assert not article_shown(placer)["hrm"]
    assert placer.placements.set_index("role_id").loc["hrm", "article_quadrant_id"] == ""
    placer.check()
    assert article_shown(placer)["hrm"]
    # feedback follows a correction of a checked role
    placer.place("controller", 0.5, -0.5)
    assert (placer.score().points, placer.score().total) == (3, 5)
    for role_id in ("bouwkundig_ingenieur", "reactiveringsambtenaar", "kwaliteitsfunctionaris"):
        placer.place(role_id, *vk.plots.article_position(fw, role_id))
    placer.check()
    assert placer.score().verdict == "feedback.summary"  # all eight: the count of eight
    assert placer.score().total == 8


def test_placer_click_places_the_selected_role(fw):
    placer = vk.RolePlacer(fw)
    placer.role.value = "hrm"
    (click,) = placer.figure.traces("click")
    # what the browser sends when the grid is clicked: x professionalism, y focus
    placer.figure._handle_custom_msg({"event": "click", "x": 0.33, "y": -0.62, "trace": click}, [])
    assert (placer.x.value, placer.y.value) == (0.35, -0.6)
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
    assert saved(other.figure, "student")["text"] == ["Jurist", "Beleidsadviseur"]


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
        ({"placements": [], "version": 3}, "RolePlacer.version"),
        ({"placements": [], "version": 0}, "RolePlacer.version"),
        ({"placements": [], "checked_roles": ["wethouder"]}, "RolePlacer.checked_roles"),
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
    assert placer.x.description.startswith("Professionalism (organisational")
    assert placer.y.description.startswith("Focus (internal")
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
    from markupsafe import escape

    from vakmanschap.exercises.choice import option_feedback

    quiz = vk.Quiz(question_id="speeltuin_logica", fw=fw)
    assert quiz.check() is None and _html(t("quiz.choose_first")) in quiz.feedback.value
    quiz.choice.value = 2
    assert quiz.check() is False
    keys = [(item.key, item.values.get("option")) for item in quiz.score().feedback]
    assert keys == [("quiz.option_feedback", 2), ("quiz.explanation", None)]
    shown = quiz.feedback.value
    assert str(escape(option_feedback(fw, "speeltuin_logica", 2))) in shown  # the misconception
    assert str(escape(option_feedback(fw, "speeltuin_logica", 1))) not in shown
    assert str(escape(quiz.question["explanation_nl"])) in shown  # the explanation, always
    quiz.choice.value = 1
    assert quiz.correct is None and _html(t("quiz.check_again")) in quiz.feedback.value
    quiz.check_button.click()
    assert quiz.correct is True
    assert str(escape(option_feedback(fw, "speeltuin_logica", 1))) in quiz.feedback.value
    other = vk.Quiz(question_id="speeltuin_logica", fw=fw)
    other.from_dict(roundtrip(quiz))
    assert other.correct is True
    with pytest.raises(ValueError, match=r"Quiz\.choice"):
        other.from_dict({"choice": 4})
    with pytest.raises(KeyError, match="keuzevraag"):
        vk.Quiz(question_id="reflectie_01", fw=fw)


def test_quiz_feedback_follows_language(fw):
    from markupsafe import escape

    from vakmanschap.exercises.choice import option_feedback

    vk.set_language("en")
    quiz = vk.Quiz(question_id="kenmerk_cocreatie", fw=fw)
    quiz.choice.value = 2
    quiz.check()
    assert str(escape(option_feedback(fw, "kenmerk_cocreatie", 2, "en"))) in quiz.feedback.value
    assert _html(t("quiz.option_feedback", option=2)) in quiz.feedback.value


def test_quiz_shows_outside_source(fw):
    quiz = vk.Quiz(question_id="varianten_loslaten", fw=fw)
    quiz.choice.value = 2
    quiz.check()
    source = fw.lookup("question", "source")["varianten_loslaten"]
    assert _html(t("quiz.source", source=source)) in quiz.feedback.value


def _html(text: str) -> str:
    """`text` as it appears in the widgets' HTML (escaped)."""
    from markupsafe import escape

    return str(escape(text))


def _keys(quiz) -> dict:
    return {item.item: (item.key, item.values["verdict"]) for item in quiz.score().feedback}


def test_tension_quiz_hides_the_answer_until_checked(fw):
    quiz = vk.TensionQuiz(dilemma_id="vangrail_of_vangnet", fw=fw)
    assert all(tr.visible is False for tr in by_role(quiz.figure, "dilemma"))
    assert all(box.layout.display == "none" for box in quiz.reasons.values())
    quiz.boxes["klassiek"].value = True
    assert quiz.reasons["klassiek"].layout.display is None  # ticked: write why
    assert quiz.check() is False  # netwerk missing
    assert _keys(quiz)["netwerk"] == ("tquiz.in_not_chosen", "ontbreekt")
    assert _html(t("tquiz.verdict.ontbreekt")) in quiz.feedback.value
    assert _html(t("tquiz.no_explanation")) in quiz.feedback.value  # klassiek has no sentence yet
    assert all(tr.visible is True for tr in by_role(quiz.figure, "dilemma"))
    assert all(
        tr["visible"]
        for tr in quiz.figure.browser_figure()["data"]
        if tr.get("meta", {}).get("role") == "dilemma"
    )
    quiz.boxes["netwerk"].value = True
    assert quiz.check() is True
    quiz.boxes["npm"].value = True  # the reinforcing model may be ticked
    assert quiz.check() is True and _keys(quiz)["npm"] == ("tquiz.reinforcing", "goed")
    other = vk.TensionQuiz(dilemma_id="vangrail_of_vangnet", fw=fw)
    other.from_dict(roundtrip(quiz))
    assert other.chosen == ("klassiek", "npm", "netwerk") and other.checked
    with pytest.raises(ValueError, match=r"TensionQuiz\.chosen\[0\]"):
        other.from_dict({"chosen": ["markt"]})


def test_tension_quiz_explanations_are_state_and_escaped(fw):
    quiz = vk.TensionQuiz(dilemma_id="zelf_uitvoeren_of_overlaten", fw=fw)
    for model_id in ("klassiek", "npm", "netwerk"):
        quiz.boxes[model_id].value = True
    quiz.reasons["npm"].value = HOSTILE
    assert quiz.to_dict()["explanations"] == {"npm": HOSTILE}
    assert quiz.check() is True  # the article's two models, and npm as a defensible reading
    assert quiz.score().verdict == "tquiz.defensible"
    assert _keys(quiz)["npm"] == ("tquiz.defensible_chosen", "verdedigbaar")
    shown = quiz.feedback.value
    assert "<img" not in shown and "&lt;img" in shown
    assert _html(t("tquiz.your_explanation")) in shown and "lang='nl'" in shown  # the quote
    assert _html(t("tquiz.quote_source", section="4.1")) in shown
    quiz.reasons["npm"].value = "Afgerekend worden is NPM."  # a better sentence: still checked
    assert quiz.checked and "Afgerekend worden is NPM." in quiz.feedback.value
    quiz.boxes["npm"].value = False  # unticked: the sentence is kept, but hidden
    assert quiz.reasons["npm"].layout.display == "none"
    assert quiz.to_dict()["explanations"] == {"npm": "Afgerekend worden is NPM."}
    other = vk.TensionQuiz(dilemma_id="zelf_uitvoeren_of_overlaten", fw=fw)
    other.from_dict(roundtrip(quiz))
    assert other.reasons["npm"].value == "Afgerekend worden is NPM."
    with pytest.raises(ValueError, match=r"TensionQuiz\.explanations\.npm"):
        other.from_dict({"chosen": [], "explanations": {"npm": "x" * 401}})


def test_tension_quiz_marks_the_inferred_reading(fw):
    quiz = vk.TensionQuiz(dilemma_id="netwerkproces_of_stroperigheid", fw=fw)
    quiz.boxes["klassiek"].value = quiz.boxes["netwerk"].value = True
    assert quiz.check() is False  # ungraded: nothing is right or wrong
    score = quiz.score()
    assert score.total is None and score.verdict == "tquiz.ungraded"
    assert _keys(quiz)["npm"] == ("tquiz.defensible_not_yours", None)
    shown = quiz.feedback.value
    assert _html(t("tquiz.ungraded")) in shown and _html(t("explorer.inferred")) in shown
    assert "✘" not in shown and "✔" not in shown  # no marks for a reading


def test_quote_attribution_by_setting_values(fw):
    quiz = vk.QuoteAttribution(fw)
    quotes = list(quiz.dropdowns)
    article = dict(zip(fw.quotes["quote_id"], fw.quotes["quadrant_id"], strict=True))
    assert len(quotes) == 8 and quiz.feedback.value == ""
    assert all(dropdown.description for dropdown in quiz.dropdowns.values())  # labelled
    quiz.dropdowns[quotes[0]].value = article[quotes[0]]
    wrong = next(q for q in fw.ids("quadrant") if q != article[quotes[1]])
    quiz.dropdowns[quotes[1]].value = wrong
    score = quiz.check()
    assert (score.points, score.total) == (1, 8)
    keys = {item.item: item.key for item in score.feedback}
    assert keys[quotes[0]] == "quotes.right" and keys[quotes[1]] == "quotes.wrong"
    assert keys[quotes[2]] == "quotes.unanswered"
    shown = quiz.feedback.value
    assert _html(t("quotes.verdict", correct=1, total=8)) in shown
    assert _html(t("quotes.why")) in shown
    quiz.dropdowns[quotes[1]].value = article[quotes[1]]  # a change: check again
    assert not quiz.model.state["checked"]
    assert _html(t("quiz.check_again")) in quiz.feedback.value
    other = vk.QuoteAttribution(fw)
    other.from_dict(roundtrip(quiz))
    assert other.dropdowns[quotes[1]].value == article[quotes[1]]
    small = vk.QuoteAttribution(fw, quote_ids=["eigen_hokje", "baan_verandert"])
    small.from_dict(roundtrip(quiz))  # a saved answer with other quotes rebuilds the list
    assert list(small.dropdowns) == quotes


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
    option = fw.lookup("question", "options_nl")["interviews_dorp"][1]
    assert f"2. {option}" in answers  # the right option of an application item
