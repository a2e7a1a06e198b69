"""Reflections are handed in before the model answer shows; every reflection and discussion
question has a model answer and a full rubric; notebook 09 and the lecturer's guide use them."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import ipywidgets as widgets
import nbformat
import pytest
from support import ROOT

import vakmanschap as vk
from vakmanschap import FrameworkDataError
from vakmanschap.answers import parse_answer_file
from vakmanschap.exercises import Reflection, StateError
from vakmanschap.exercises.reflection import RUBRIC_LEVELS

NOTEBOOKS = ROOT / "notebooks"
GUIDE = NOTEBOOKS / "docent" / "docent-handleiding.ipynb"
CRITICAL = NOTEBOOKS / "09-kritisch-lezen.ipynb"


def rewrite(path: Path, edit) -> None:
    """Apply `edit(rows)` to the CSV at `path` (rows include the header)."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    edit(rows)
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)


def set_cell(path: Path, question_id: str, column: str, value: str) -> int:
    """Set one cell of the row of `question_id`; return its spreadsheet row number."""
    found = []

    def edit(rows):
        index = rows[0].index(column)
        for number, row in enumerate(rows[1:], start=2):
            if row[0] == question_id:
                row[index] = value
                found.append(number)

    rewrite(path, edit)
    (number,) = found
    return number


def markdown(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    return "\n".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")


def squeeze(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text).strip()


# -- the model --------------------------------------------------------------------------------


def test_submit_keeps_a_flag_and_the_text_handed_in(fw):
    model = Reflection(fw, "reflectie_01")
    seen = []
    model.on_change(seen.append)
    assert model.state == {
        "question_id": "reflectie_01",
        "text": "",
        "submitted": False,
        "submitted_text": "",
    }
    model.write("Eerst bel ik de bewoners.")
    assert model.submit() is True
    assert model.submitted and not model.changed_since_submitted
    assert model.state["submitted_text"] == "Eerst bel ik de bewoners."
    assert len(seen) == 2  # write, submit
    assert model.to_dict()["version"] == 2


def test_an_empty_answer_cannot_be_handed_in(fw):
    model = Reflection(fw, "reflectie_01")
    seen = []
    model.on_change(seen.append)
    model.write("   \n")
    assert model.submit() is False
    assert not model.submitted and model.model_answer() is None
    assert len(seen) == 1, "a refused submit changes nothing"


def test_a_change_after_submitting_is_marked_until_handed_in_again(fw):
    model = Reflection(fw, "reflectie_06")
    model.write("Een grens.")
    model.submit()
    model.write("Een betere grens.")
    assert model.submitted and model.changed_since_submitted
    rows = dict(((item, measure), value) for item, measure, value in model.rows())
    assert rows[("reflectie_06", "changed_since_submitted")] is True
    assert rows[("reflectie_06", "submitted")] is True
    model.write("Een grens.")  # back to what was handed in: no longer changed
    assert not model.changed_since_submitted
    model.write("Een betere grens.")
    model.submit()
    assert not model.changed_since_submitted
    assert model.state["submitted_text"] == "Een betere grens."


def test_version_1_states_are_read_as_not_handed_in(fw):
    old = {"widget": "Reflection", "version": 1, "question_id": "reflectie_03", "text": "Oud"}
    assert Reflection.validate(old, fw) == {
        "question_id": "reflectie_03",
        "text": "Oud",
        "submitted": False,
        "submitted_text": "",
    }
    model = Reflection(fw, "reflectie_03")
    model.from_dict(old)
    assert model.state["text"] == "Oud" and not model.submitted
    assert model.model_answer() is None, "an old answer was never handed in"
    assert model.to_dict() == {**old, "version": 2, "submitted": False, "submitted_text": ""}


def test_a_version_1_answer_file_is_read_and_collected(fw, tmp_path):
    doc = {
        "schema": "vakmanschap-answers",
        "schema_version": 1,
        "student": {"name": "Oud", "number": "1"},
        "updated": "2025-01-01T10:00:00+00:00",
        "exercises": {
            "Reflection:reflectie_03": {
                "widget": "Reflection",
                "version": 1,
                "question_id": "reflectie_03",
                "text": "De jurist",
                "updated": "2025-01-01T10:00:00+00:00",
            }
        },
    }
    raw = json.dumps(doc).encode("utf-8")
    parsed = parse_answer_file(raw, "oud.json", fw)
    assert parsed.exercises["Reflection:reflectie_03"]["submitted"] is False
    (tmp_path / "oud.json").write_bytes(raw)
    answers = vk.collect(tmp_path).answers
    texts = answers.loc[answers["measure"] == "text", "value"].tolist()
    assert texts == ["De jurist"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"version": 3}, "Reflection.version"),
        ({"submitted": True, "submitted_text": ""}, "Reflection.submitted_text"),
        ({"submitted": False, "submitted_text": "iets"}, "Reflection.submitted_text"),
        ({"submitted": "ja"}, "Reflection.submitted"),
        ({"submitted_text": "x" * 5001, "submitted": True}, "Reflection.submitted_text"),
    ],
)
def test_inconsistent_states_are_refused_naming_the_field(fw, change, field):
    state = {**Reflection.sample(fw), **change}
    with pytest.raises(StateError, match=re.escape(field)):
        Reflection.validate(state, fw)


def test_model_answer_hidden_until_submitted(fw):
    model = Reflection(fw, "reflectie_05")
    assert model.shown_to_students
    model.write("Op tijd, met cijfers, via het college.")
    assert model.model_answer() is None
    model.submit()
    row = model.model_answer()
    assert row is not None and row["question_id"] == "reflectie_05"


def test_the_lecturer_can_switch_the_model_answer_off(data_copy):
    number = set_cell(data_copy / "model_answers.csv", "reflectie_05", "show_students", "nee")
    assert number > 1
    fw = vk.load_framework(data_copy)
    model = Reflection(fw, "reflectie_05")
    assert not model.shown_to_students
    model.write("Tegenspraak.")
    assert model.submit()
    assert model.submitted and model.model_answer() is None
    widget = vk.Reflection(question_id="reflectie_05", fw=fw)
    assert "niet ingeleverd" in widget.status.value.lower()
    assert "modelantwoord" not in widget.status.value  # no promise of a model answer
    widget.text.value = "Tegenspraak."
    widget.submit_button.click()
    assert widget.model.submitted
    assert "Je docent bespreekt het modelantwoord later." in widget.feedback.value
    assert fw.model_answer("reflectie_05")["model_answer_nl"] not in widget.feedback.value


# -- the widget --------------------------------------------------------------------------------


def test_widget_shows_model_answer_and_full_rubric_only_after_lever_in(fw):
    widget = vk.Reflection(question_id="reflectie_01", fw=fw)
    row = fw.model_answer("reflectie_01")
    button = widget.submit_button
    assert isinstance(button, widgets.Button)  # a <button>: Tab, Enter and Space work
    assert button.description == "Lever in" and button.tooltip
    assert widget.feedback.value == ""
    assert "Lever in" in widget.status.value and "role='status'" in widget.status.value
    button.click()  # nothing written yet
    assert "Schrijf eerst een antwoord" in widget.status.value
    assert widget.feedback.value == ""
    widget.text.value = "Eerst bel ik de bewoners terug."
    assert "Schrijf eerst" not in widget.status.value
    button.click()
    assert widget.model.submitted
    shown = widget.feedback.value
    assert "Ingeleverd." in widget.status.value
    assert str(html_escaped(row["model_answer_nl"])) in shown
    for level in RUBRIC_LEVELS:
        assert str(html_escaped(row[f"rubric_{level}_nl"])) in shown
    for label in ("Onvoldoende", "Voldoende", "Goed"):
        assert f">{label}</th>" in shown
    assert "onze lezing" in shown
    widget.text.value = "Eerst bel ik de bewoners terug, daarna de wethouder."
    assert "veranderd nadat je het inleverde" in widget.status.value
    assert widget.feedback.value == shown, "what was shown stays shown"


def test_widget_restores_a_submitted_state_and_follows_the_language(fw):
    widget = vk.Reflection(question_id="reflectie_07", fw=fw)
    state = {**Reflection.sample(fw), "question_id": "reflectie_07"}
    state["text"] = state["submitted_text"]
    widget.from_dict(state)
    assert widget.text.value == state["text"]
    assert "Modelantwoord" in widget.feedback.value
    vk.set_language("en")
    english = vk.Reflection(question_id="reflectie_07", fw=fw)
    english.from_dict(state)
    assert english.submit_button.description == "Hand in"
    row = fw.model_answer("reflectie_07")
    assert str(html_escaped(row["model_answer_en"])) in english.feedback.value
    assert "Model answer" in english.feedback.value


def html_escaped(text: str) -> str:
    from vakmanschap.markup import escape

    return str(escape(text))


# -- the data ---------------------------------------------------------------------------------


def test_every_reflection_and_discussion_question_has_an_answer_and_a_full_rubric(fw):
    answers = fw.model_answers
    reflections = fw.questions.loc[fw.questions["kind"] == "reflectie", "question_id"]
    keyed = answers.loc[answers["kind"] == "reflectie", "question_id"]
    assert set(reflections) == set(keyed)
    discussion = answers.loc[answers["kind"] == "discussie"]
    assert len(discussion) >= 6
    for _, row in answers.iterrows():
        for language in ("nl", "en"):
            assert row[f"model_answer_{language}"].strip(), row["question_id"]
            assert row[f"based_on_{language}"].strip(), row["question_id"]
            for level in RUBRIC_LEVELS:
                assert row[f"rubric_{level}_{language}"].strip(), (row["question_id"], level)
        if row["kind"] == "discussie":
            assert row["question_nl"].strip() and row["question_en"].strip()
        else:
            assert row["question_nl"] == row["question_en"] == ""


def test_every_reflection_in_a_notebook_exists_and_has_a_model_answer(fw):
    used = set()
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            used |= set(re.findall(r'Reflection\.get\("([^"]+)"\)', cell.source))
    reflections = set(fw.questions.loc[fw.questions["kind"] == "reflectie", "question_id"])
    assert used == reflections, "every reflection is used in a notebook, and only those"
    assert used <= set(fw.model_answers["question_id"])


def test_the_guide_lists_every_discussion_question_of_the_file(fw):
    text = markdown(GUIDE)
    section = text.split("## Discussievragen", 1)[1].split("\n## ", 1)[0]
    listed = [
        squeeze(q) for q in re.findall(r"^\d+\. (.+?)(?=^\d+\. |\n\n|\Z)", section, re.M | re.S)
    ]
    discussion = fw.model_answers.loc[fw.model_answers["kind"] == "discussie"]
    assert listed == [squeeze(q) for q in discussion["question_nl"]]
    nb = nbformat.read(GUIDE, as_version=4)
    calls = [cell.source for cell in nb.cells if cell.cell_type == "code"]
    assert any('vk.Reflection.answer_key("discussie")' in call for call in calls)
    assert any('vk.Reflection.answer_key("reflectie")' in call for call in calls)


def test_answer_key_view_shows_every_question_escaped(fw):
    html = vk.Reflection.answer_key(fw=fw).data
    for _, row in fw.model_answers.iterrows():
        assert html_escaped(row["model_answer_nl"]) in html
    assert html.count("vakmanschap-rubric") == len(fw.model_answers)
    assert "Discussievraag 7:" in html and "Notebook 09:" in html
    assert "Verborgen voor studenten" not in html.split("Discussievraag 1")[0]
    with pytest.raises(ValueError, match="Onbekende soort vraag 'quiz'"):
        vk.Reflection.answer_key("quiz", fw)


@pytest.mark.parametrize(
    ("question_id", "column", "value", "expected"),
    [
        ("reflectie_01", "question_id", "reflectie_99", "'reflectie_99' is geen reflectievraag"),
        ("reflectie_01", "question_nl", "Een vraag", "staat in questions.csv; laat deze cel leeg"),
        ("discussie_1", "question_id", "reflectie_01", "is al een vraag in questions.csv"),
        ("discussie_1", "question_en", "", "lege cel"),
        ("discussie_1", "rubric_goed_nl", "", "lege cel"),
        ("discussie_1", "show_students", "misschien", "'misschien'"),
    ],
)
def test_a_broken_model_answers_file_names_file_row_and_column(
    data_copy, question_id, column, value, expected
):
    path = data_copy / "model_answers.csv"
    if column == "question_id" and question_id == "discussie_1":
        set_cell(path, "reflectie_01", "question_id", "reflectie_01_oud")  # keep ids unique
    number = set_cell(path, question_id, column, value)
    with pytest.raises(FrameworkDataError) as info:
        vk.load_framework(data_copy)
    problems = [p for p in info.value.problems if p.startswith("model_answers.csv")]
    assert any(
        p.startswith(f"model_answers.csv, rij {number}, kolom ")
        and f"({column})" in p
        and expected in p
        for p in problems
    ), problems


# -- notebook 09 ------------------------------------------------------------------------------


def test_critical_reading_notebook_marks_readings_and_quotes_the_article(article_text):
    text = markdown(CRITICAL)
    assert text.count("**Onze lezing") >= 3, "interpretations are marked as ours"
    article = squeeze(article_text)
    quotes = re.findall(r"\*\u2018([^\u2019]+)\u2019\*", text)  # the article's curly single quotes
    assert len(quotes) >= 3
    for quote in quotes:
        assert squeeze(quote) in article, quote
        assert len(quote.split()) <= 15, "quotes stay short"
    assert "in hoeverre ontwikkelen ambtenaren 'verbindend vakmanschap'?" in article
    assert "in hoeverre ontwikkelen ambtenaren 'verbindend vakmanschap'?" in squeeze(text)
    for fact in ("in totaal 26", "juni", "verslagen op hoofdlijnen", "In het dorp zijn twee extra"):
        assert fact in article_text
    for word in ("26", "juni 2013", "op hoofdlijnen", "twee extra", "velen", "de meesten"):
        assert word in text
    assert "(08-tot-slot.ipynb)" in text


def test_reflections_of_09_quote_the_research_question_verbatim(fw, article_text):
    question = fw.questions.set_index("question_id").loc["reflectie_09_onderzoeksvraag"]
    quoted = re.search(r"“(.+?)”", question["question_nl"]).group(1)
    assert squeeze(quoted) in squeeze(article_text)
