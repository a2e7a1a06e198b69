"""The vignette exercise (notebook 03): invented roles placed in a quadrant of Tabel 1 with one
sentence why, compared with our reading; its data, model, widget and notebook cell."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import nbformat
import pytest
from markupsafe import escape
from support import ROOT

import vakmanschap as vk
from vakmanschap import FrameworkDataError
from vakmanschap.exercises import StateError, VignetteAssignment, kind_of
from vakmanschap.exercises.vignettes import MAX_REASON_LENGTH, readings, verdict_of
from vakmanschap.i18n import MESSAGES, t

HOSTILE = "<img src=x onerror=alert(1)>"


def _html(text: str) -> str:
    return str(escape(text))


def _rewrite(path: Path, edit) -> None:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    edit(rows)
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)


# -- data -------------------------------------------------------------------------------------


def test_vignettes_load_and_are_roles_the_article_does_not_discuss(fw):
    frame = fw.vignettes
    assert 4 <= len(frame) <= 5
    assert set(frame["quadrant_id"]) <= set(fw.ids("quadrant"))
    article_roles = {name.lower() for name in fw.roles["name_nl"]}
    assert not {name.lower() for name in frame["name_nl"]} & article_roles
    for _, row in frame.iterrows():
        assert row["description_nl"] and row["description_en"]
        assert row["reasoning_nl"] and row["reasoning_en"]
        other = row["defensible_quadrant_id"]
        assert (other != "") == bool(row["defensible_reasoning_nl"])
        assert other != row["quadrant_id"]
    assert (frame["defensible_quadrant_id"] != "").sum() >= 1, "at least one ambiguous vignette"
    assert fw.vignette("wmo_consulent")["name_nl"] == "Wmo-consulent"
    assert fw.ids("vignette") == tuple(frame["vignette_id"])
    with pytest.raises(KeyError, match="wijkcoordinator"):
        fw.vignette("nope")


def test_reasoning_uses_both_distinctions_of_section_3(fw):
    for _, row in fw.vignettes.iterrows():
        text = row["reasoning_nl"].lower()
        assert "professionalit" in text or "beroep" in text, row["vignette_id"]
        assert "focus" in text or "gericht" in text, row["vignette_id"]


def test_a_defensible_quadrant_equal_to_ours_or_without_argument_is_refused(data_copy):
    def edit(rows):
        header = rows[0]
        first = rows[1]
        first[header.index("defensible_quadrant_id")] = first[header.index("quadrant_id")]
        first[header.index("defensible_reasoning_nl")] = "Ook hier."
        rows[2][header.index("defensible_reasoning_en")] = ""

    _rewrite(data_copy / "vignettes.csv", edit)
    with pytest.raises(FrameworkDataError) as info:
        vk.load_framework(data_copy)
    problems = info.value.problems
    assert any("vignettes.csv, rij 2" in p and "defensible_quadrant_id" in p for p in problems)
    assert any("vignettes.csv, rij 2" in p and "defensible_reasoning_en" in p for p in problems)
    assert any("vignettes.csv, rij 3" in p and "defensible_reasoning_en" in p for p in problems)


# -- model ------------------------------------------------------------------------------------


def test_scoring_keys_per_vignette(fw):
    model = VignetteAssignment(fw)
    known = readings(fw)
    clear = next(v for v, (_, other) in known.items() if other is None)
    ambiguous = next(v for v, (_, other) in known.items() if other is not None)
    elsewhere = next(q for q in fw.ids("quadrant") if q not in known[clear])
    model.assign(clear, known[clear][0])
    model.assign(ambiguous, known[ambiguous][1])
    third = next(v for v in known if v not in (clear, ambiguous))
    model.assign(third, next(q for q in fw.ids("quadrant") if q not in known[third]))
    model.explain(clear, "Geen beschermd beroep; gericht op bewoners.")
    score = model.check()
    keys = {item.item: item.key for item in score.feedback}
    assert keys[clear] == "vignettes.goed"
    assert keys[ambiguous] == "vignettes.verdedigbaar"
    assert keys[third] == "vignettes.anders"
    assert list(keys.values()).count("vignettes.unanswered") == len(known) - 3
    assert (score.points, score.total, score.verdict) == (2, len(known), "vignettes.verdict")
    assert all(item.key in MESSAGES for item in score.feedback)
    values = score.feedback[list(known).index(clear)].values
    assert values["reason"].startswith("Geen beschermd") and values["ours"] == known[clear][0]
    assert verdict_of(fw, clear, elsewhere) == "vignettes.anders"
    rows = model.rows()
    assert (clear, "choice", known[clear][0]) in rows
    assert (clear, "reason", "Geen beschermd beroep; gericht op bewoners.") in rows
    assert (clear, "verdict", "goed") in rows and (ambiguous, "verdict", "verdedigbaar") in rows
    assert (third, "verdict", "anders") in rows


def test_a_changed_quadrant_must_be_checked_again_a_changed_sentence_not(fw):
    model = VignetteAssignment(fw)
    first = model.state["vignette_ids"][0]
    model.assign(first, "klassiek_intern")
    model.check()
    model.explain(first, "Een andere zin.")
    assert model.state["checked"]
    model.assign(first, "klassiek_extern")
    assert not model.state["checked"]
    model.explain(first, "x" * (MAX_REASON_LENGTH + 50))
    assert len(model.state["reasons"][first]) == MAX_REASON_LENGTH
    model.explain(first, "   ")
    assert first not in model.state["reasons"]
    model.explain(first, "a \ud83d b")  # a lone surrogate from the browser is repaired
    assert model.state["reasons"][first] == "a \ufffd b"
    with pytest.raises(KeyError):
        model.assign("nope", "klassiek_intern")
    with pytest.raises(KeyError):
        model.assign(first, "nope")
    with pytest.raises(KeyError, match="nope"):
        VignetteAssignment(fw, ("nope",))


def test_sample_is_valid_and_registered(fw):
    assert kind_of("VignettePlacer") is VignetteAssignment
    sample = VignetteAssignment.sample(fw)
    clean = VignetteAssignment.validate(json.loads(json.dumps(sample)), fw)
    assert clean["checked"] and clean["reasons"]
    model = VignetteAssignment(fw)
    model.from_dict(sample)
    assert model.to_dict() == sample


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"vignette_ids": []}, "VignettePlacer.vignette_ids"),
        ({"vignette_ids": ["wijkcoordinator", "nope"]}, "VignettePlacer.vignette_ids[1]"),
        ({"vignette_ids": ["wijkcoordinator"] * 2}, "VignettePlacer.vignette_ids[1]"),
        ({"answers": {"nope": "klassiek_intern"}}, "VignettePlacer.answers"),
        ({"answers": {"wijkcoordinator": "nope"}}, "VignettePlacer.answers.wijkcoordinator"),
        ({"reasons": {"wijkcoordinator": 3}}, "VignettePlacer.reasons.wijkcoordinator"),
        (
            {"reasons": {"wijkcoordinator": "x" * (MAX_REASON_LENGTH + 1)}},
            "VignettePlacer.reasons.wijkcoordinator",
        ),
        ({"reasons": ["a"]}, "VignettePlacer.reasons"),
        ({"checked": "ja"}, "VignettePlacer.checked"),
    ],
)
def test_validation_names_the_field(fw, change, field):
    state = {**VignetteAssignment.sample(fw), **change}
    with pytest.raises(StateError) as error:
        VignetteAssignment.validate(state, fw)
    assert field in str(error.value)


# -- widget -----------------------------------------------------------------------------------


def test_widget_by_setting_values(fw):
    widget = vk.VignettePlacer(fw)
    known = readings(fw)
    ids = list(widget.dropdowns)
    assert ids == list(known) and widget.feedback.value == ""
    assert all(d.description for d in widget.dropdowns.values())  # labelled
    assert all(r.description for r in widget.reasons.values())
    assert all(len(d.options) == 5 for d in widget.dropdowns.values())  # none + 4 quadrants
    html = widget.items.children[0].value
    assert _html(t("vignettes.invented")) in html  # marked as an invented example
    ambiguous = next(v for v, (_, other) in known.items() if other is not None)
    first = ids[0]
    widget.dropdowns[first].value = known[first][0]
    widget.reasons[first].value = HOSTILE
    widget.dropdowns[ambiguous].value = known[ambiguous][1]
    widget.check_button.click()
    shown = widget.feedback.value
    assert _html(t("vignettes.verdict", correct=2, total=len(ids))) in shown
    assert _html(t("vignettes.goed")) in shown and _html(t("vignettes.verdedigbaar")) in shown
    assert "<img" not in shown and _html(HOSTILE) in shown
    assert _html(fw.vignette(first)["reasoning_nl"]) in shown
    assert _html(fw.vignette(ambiguous)["defensible_reasoning_nl"]) in shown
    assert shown.count(_html(t("vignettes.unanswered"))) == len(ids) - 2
    unanswered = next(v for v in ids if v not in (first, ambiguous))
    assert _html(fw.vignette(unanswered)["reasoning_nl"]) not in shown  # not given away
    widget.dropdowns[first].value = ""  # a changed answer hides the feedback until checked
    assert _html(t("quiz.check_again")) in widget.feedback.value
    other = vk.VignettePlacer(fw)
    other.from_dict(json.loads(json.dumps(widget.to_dict())))
    assert other.reasons[first].value == HOSTILE
    assert other.dropdowns[ambiguous].value == known[ambiguous][1]


def test_widget_in_english(fw):
    vk.set_language("en")
    widget = vk.VignettePlacer(fw)
    first = next(iter(widget.dropdowns))
    widget.dropdowns[first].value = readings(fw)[first][0]
    widget.check()
    assert _html(fw.vignette(first)["reasoning_en"]) in widget.feedback.value
    assert _html(fw.vignette(first)["description_en"]) in widget.items.children[0].value


# -- notebook ---------------------------------------------------------------------------------


def test_notebook_03_asks_it_after_the_role_placer_and_before_the_reflection():
    nb = nbformat.read(ROOT / "notebooks" / "03-onderzoek-en-tabel-1.ipynb", as_version=4)
    code = [cell.source for cell in nb.cells if cell.cell_type == "code"]
    placer = next(i for i, s in enumerate(code) if "vk.RolePlacer.get(" in s)
    vignettes = next(i for i, s in enumerate(code) if "vk.VignettePlacer.get(" in s)
    reflection = next(i for i, s in enumerate(code) if "vk.Reflection.get(" in s)
    assert placer < vignettes < reflection
    index = next(i for i, c in enumerate(nb.cells) if "vk.VignettePlacer.get(" in c.source)
    intro = nb.cells[index - 1]
    assert intro.cell_type == "markdown" and "voorbeelden van ons" in intro.source
