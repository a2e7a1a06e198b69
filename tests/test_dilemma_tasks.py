"""The tasks that ask for explanation: the dilemma task (TensionQuiz, version 2), multiple
choice with feedback per option (Quiz) and quote attribution (QuoteAttribution); their
rules, saved states and data, and that every quote in that data is the article's own."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pandas as pd
import pytest

import vakmanschap as vk
from vakmanschap import classroom
from vakmanschap.answers import collect
from vakmanschap.answers.fileformat import SCHEMA, SCHEMA_VERSION, parse_answer_file
from vakmanschap.exercises import MultipleChoice, QuoteAssignment, StateError, TensionQuiz
from vakmanschap.exercises.choice import option_feedback
from vakmanschap.exercises.quotes import DEFAULT_QUOTES
from vakmanschap.exercises.tension_quiz import MAX_EXPLANATION_LENGTH, VERDICTS, model_verdict
from vakmanschap.geometry import MODEL_IDS
from vakmanschap.i18n import t

# --------------------------------------------------------------------------------------
# TensionQuiz: the rule
# --------------------------------------------------------------------------------------


def answer(fw, dilemma_id: str, *ticked: str, **explanations: str) -> TensionQuiz:
    quiz = TensionQuiz(fw, dilemma_id)
    for model_id in ticked:
        quiz.tick(model_id, True)
    for model_id, text in explanations.items():
        quiz.explain(model_id, text)
    quiz.check()
    return quiz


def verdicts(quiz: TensionQuiz) -> dict[str, str | None]:
    return {item.item: item.values["verdict"] for item in quiz.score().feedback}


def keys(quiz: TensionQuiz) -> dict[str, str]:
    return {item.item: item.key for item in quiz.score().feedback}


@pytest.mark.parametrize(
    ("status", "ticked", "reinforcing", "expected"),
    [
        ("artikel", True, False, "goed"),
        ("artikel", False, False, "ontbreekt"),
        ("verdedigbaar", True, False, "verdedigbaar"),
        ("verdedigbaar", False, False, "goed"),
        ("niet", True, False, "niet"),
        ("niet", False, False, "goed"),
        ("artikel", True, True, "goed"),
        ("artikel", False, True, "goed"),
    ],
)
def test_model_verdict(status, ticked, reinforcing, expected):
    assert model_verdict(status, ticked, reinforcing) == expected
    assert expected in VERDICTS


def test_goed_the_article_models_exactly(fw):
    quiz = answer(fw, "bedrijfsmatig_of_politiek", "npm", "klassiek")
    score = quiz.score()
    assert (score.points, score.total, score.verdict) == (1, 1, "quiz.right")
    assert verdicts(quiz) == {"klassiek": "goed", "npm": "goed", "netwerk": "goed"}
    assert keys(quiz)["netwerk"] == "tquiz.out_not_chosen"


def test_verdedigbaar_counts_as_right_with_its_own_verdict(fw):
    # 4.1a: "afgerekend" and "opdrachtgeverschap" are filed under NPM in section 5
    quiz = answer(fw, "zelf_uitvoeren_of_overlaten", "klassiek", "npm", "netwerk")
    score = quiz.score()
    assert (score.points, score.verdict, score.correct) == (1, "tquiz.defensible", True)
    assert verdicts(quiz)["npm"] == "verdedigbaar"
    assert keys(quiz)["npm"] == "tquiz.defensible_chosen"
    # 4.1b: "zelf kiezen voor samenwerken met partners" is network vocabulary
    quiz = answer(fw, "risicomijdend_of_ondernemend", "klassiek", "npm", "netwerk")
    assert quiz.score().verdict == "tquiz.defensible"
    assert verdicts(quiz)["netwerk"] == "verdedigbaar"
    # not ticking a defensible model is right too, and its reading is still shown
    quiz = answer(fw, "zelf_uitvoeren_of_overlaten", "klassiek", "netwerk")
    assert quiz.score().verdict == "quiz.right"
    assert keys(quiz)["npm"] == "tquiz.defensible_not_chosen"


def test_niet_in_het_artikel_and_ontbreekt(fw):
    quiz = answer(fw, "bedrijfsmatig_of_politiek", "npm", "klassiek", "netwerk")
    assert verdicts(quiz)["netwerk"] == "niet" and quiz.score().verdict == "tquiz.partly"
    assert quiz.score().correct is False and keys(quiz)["netwerk"] == "tquiz.out_but_chosen"
    quiz = answer(fw, "loslaten_of_ingrijpen", "klassiek")
    assert verdicts(quiz) == {"klassiek": "goed", "npm": "ontbreekt", "netwerk": "ontbreekt"}
    assert keys(quiz)["npm"] == "tquiz.in_not_chosen"


def test_a_reinforcing_model_is_right_ticked_or_not(fw):
    for ticked in (("klassiek", "netwerk"), ("klassiek", "npm", "netwerk")):
        quiz = answer(fw, "vangrail_of_vangnet", *ticked)
        assert quiz.score().verdict == "quiz.right"
        assert keys(quiz)["npm"] == "tquiz.reinforcing" and verdicts(quiz)["npm"] == "goed"


def test_the_inferred_dilemma_is_ungraded(fw):
    quiz = answer(
        fw, "netwerkproces_of_stroperigheid", "netwerk", "npm", netwerk="Open samenwerken."
    )
    score = quiz.score()
    assert (score.points, score.total, score.correct) == (None, None, None)
    assert score.verdict == "tquiz.ungraded"
    assert verdicts(quiz) == dict.fromkeys(MODEL_IDS)
    assert keys(quiz) == {
        "klassiek": "tquiz.ours_not_yours",
        "npm": "tquiz.defensible_yours",
        "netwerk": "tquiz.ours_and_yours",
    }
    rows = quiz.rows()
    assert not [row for row in rows if row[1] in ("correct", "verdict")]  # nothing graded
    item = "netwerkproces_of_stroperigheid."
    assert (item + "netwerk", "ticked", True) in rows
    assert (item + "klassiek", "ticked", False) in rows
    assert (item + "netwerk", "explanation", "Open samenwerken.") in rows


def test_explanations_are_rows_of_the_ticked_models_only(fw):
    quiz = TensionQuiz(fw, "vangrail_of_vangnet")
    quiz.tick("klassiek", True)
    quiz.explain("klassiek", "Gelijkheid waarborgen.")
    quiz.explain("npm", "Targets.")  # kept, but npm is not ticked
    item = "vangrail_of_vangnet."
    assert quiz.rows() == [(item + "klassiek", "explanation", "Gelijkheid waarborgen.")]
    quiz.check()
    rows = quiz.rows()
    assert (item + "npm", "explanation", "Targets.") not in rows
    assert ("vangrail_of_vangnet", "verdict", "onvolledig") in rows
    assert (item + "netwerk", "verdict", "ontbreekt") in rows
    explained = {item.item: item.values["explained"] for item in quiz.score().feedback}
    assert explained == {"klassiek": True, "npm": False, "netwerk": False}


def test_an_explanation_is_text_cut_to_length_and_keeps_the_check(fw):
    quiz = answer(fw, "vangrail_of_vangnet", "klassiek", "netwerk")
    quiz.explain("netwerk", "x" * (MAX_EXPLANATION_LENGTH + 50))
    assert len(quiz.state["explanations"]["netwerk"]) == MAX_EXPLANATION_LENGTH
    assert quiz.state["checked"]  # the verdict depends on the ticks only
    quiz.explain("netwerk", "   ")
    assert "netwerk" not in quiz.state["explanations"]
    quiz.tick("npm", True)
    assert not quiz.state["checked"]  # a changed answer must be checked again
    with pytest.raises(KeyError):
        quiz.explain("markt", "tekst")


@pytest.mark.parametrize(
    ("explanations", "field"),
    [
        ("een zin", "TensionQuiz.explanations"),
        ({"markt": "tekst"}, "TensionQuiz.explanations"),
        ({"npm": 5}, r"TensionQuiz\.explanations\.npm"),
        ({"npm": "x" * (MAX_EXPLANATION_LENGTH + 1)}, r"TensionQuiz\.explanations\.npm"),
    ],
)
def test_bad_explanations_are_refused_naming_the_field(fw, explanations, field):
    state = {"dilemma_id": "vangrail_of_vangnet", "chosen": ["npm"], "explanations": explanations}
    with pytest.raises(StateError, match=field):
        TensionQuiz.validate(state, fw)


# --------------------------------------------------------------------------------------
# TensionQuiz: version 1 states (no explanations)
# --------------------------------------------------------------------------------------

V1 = {
    "widget": "TensionQuiz",
    "version": 1,
    "dilemma_id": "vangrail_of_vangnet",
    "chosen": ["klassiek", "netwerk"],
    "checked": True,
}


def test_a_version_1_state_is_read_without_explanations(fw):
    assert TensionQuiz.version == 2
    clean = TensionQuiz.validate(V1, fw)
    assert clean["explanations"] == {} and clean["chosen"] == {"klassiek", "netwerk"}
    quiz = TensionQuiz(fw, "vangrail_of_vangnet")
    quiz.from_dict(V1)
    assert quiz.score().verdict == "quiz.right"
    saved = quiz.to_dict()
    assert saved["version"] == 2 and saved["explanations"] == {}
    with pytest.raises(StateError, match=r"TensionQuiz\.version"):
        TensionQuiz.validate({**V1, "version": 3}, fw)
    with pytest.raises(StateError, match=r"TensionQuiz\.version"):
        TensionQuiz.validate({**V1, "version": True}, fw)


def test_the_class_sees_every_dilemma_with_its_sentences(fw):
    """Two dilemmas of one student: each model's rows are its own (collect counts a student's
    (kind, item) once), so no dilemma's answer is taken for a copy of another."""
    first = answer(fw, "zelf_uitvoeren_of_overlaten", "klassiek", "netwerk", netwerk="Partners.")
    second = answer(fw, "risicomijdend_of_ondernemend", "klassiek", netwerk="Ook partners.")
    doc = {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "student": {"name": "Ans", "number": "123"},
        "updated": "2026-11-01T10:00:00+00:00",
        "exercises": {
            "TensionQuiz:zelf_uitvoeren_of_overlaten": first.to_dict(),
            "TensionQuiz:risicomijdend_of_ondernemend": second.to_dict(),
        },
    }
    result = collect([("ans.json", json.dumps(doc).encode("utf-8"))], fw)
    assert result.report.empty, result.report
    table = result.table("TensionQuiz", ["verdict", "explanation"]).set_index("item")
    assert table.loc["zelf_uitvoeren_of_overlaten.netwerk", "explanation"] == "Partners."
    assert table.loc["zelf_uitvoeren_of_overlaten.netwerk", "verdict"] == "goed"
    assert table.loc["risicomijdend_of_ondernemend.npm", "verdict"] == "ontbreekt"
    assert table.loc["risicomijdend_of_ondernemend", "verdict"] == "onvolledig"
    assert pd.isna(table.loc["risicomijdend_of_ondernemend.netwerk", "explanation"])  # unticked


def test_a_version_1_answer_file_is_collected(fw):
    doc = {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "student": {"name": "Ans", "number": "123"},
        "updated": "2026-11-01T10:00:00+00:00",
        "exercises": {"TensionQuiz:vangrail_of_vangnet": V1},
    }
    data = json.dumps(doc).encode("utf-8")
    parsed = parse_answer_file(data, "oud.json", fw)
    assert list(parsed.exercises) == ["TensionQuiz:vangrail_of_vangnet"]
    result = collect([("oud.json", data)], fw)
    table = classroom.quiz_results(result).set_index("question")
    assert table.loc["vangrail_of_vangnet", "share_right"] == 1.0


# --------------------------------------------------------------------------------------
# Quiz: feedback per option
# --------------------------------------------------------------------------------------


def choice_questions(fw) -> list[str]:
    kinds = fw.lookup("question", "kind")
    return [q for q in fw.ids("question") if kinds[q] == "keuze"]


def test_the_chosen_option_gets_its_own_feedback(fw):
    quiz = MultipleChoice(fw, "kenmerk_cocreatie")
    quiz.choose(2)
    score = quiz.check()
    assert score.verdict == "quiz.wrong"
    assert [(item.key, item.item) for item in score.feedback] == [
        ("quiz.option_feedback", "2"),
        ("quiz.explanation", "2"),
    ]
    assert score.feedback[0].values == {"question_id": "kenmerk_cocreatie", "option": 2}
    quiz.choose(3)
    score = quiz.check()
    assert score.verdict == "quiz.right" and score.feedback[0].values["option"] == 3


def test_every_option_has_feedback_in_both_languages(fw):
    answers = fw.lookup("question", "answer")
    for question_id in choice_questions(fw):
        options = fw.lookup("question", "options_nl")[question_id]
        texts = {
            option_feedback(fw, question_id, n, language)
            for n in range(1, len(options) + 1)
            for language in ("nl", "en")
        }
        assert len(texts) == 2 * len(options), question_id  # one text per option, all distinct
        for n in range(1, len(options) + 1):
            nl = option_feedback(fw, question_id, n, "nl")
            # a wrong option names the misconception, the right one says why it is right
            expected = "Goed:" if n == int(answers[question_id]) else "Misvatting:"
            assert nl.startswith(expected), (question_id, n)


def test_choice_questions_are_application_items_marked_as_ours(fw):
    for question_id in choice_questions(fw):
        assert fw.lookup("question", "question_nl")[question_id].startswith("Voorbeeld van ons:")
        assert fw.lookup("question", "question_en")[question_id].startswith("Our example:")


# --------------------------------------------------------------------------------------
# QuoteAttribution
# --------------------------------------------------------------------------------------


def article_quadrant(fw) -> dict[str, str]:
    return dict(zip(fw.quotes["quote_id"], fw.quotes["quadrant_id"], strict=True))


def test_the_default_quotes_two_per_quadrant(fw):
    quiz = QuoteAssignment(fw)
    assert quiz.state["quote_ids"] == DEFAULT_QUOTES
    quadrants = [article_quadrant(fw)[q] for q in DEFAULT_QUOTES]
    assert sorted(quadrants) == sorted(fw.ids("quadrant") * 2)
    # shown in an order that does not follow the sections
    assert quadrants != sorted(quadrants, key=lambda q: fw.quadrant(q)["section"])


def test_quote_attribution_scoring(fw):
    article = article_quadrant(fw)
    quiz = QuoteAssignment(fw, ("meer_op_buiten", "drank_en_horecawet", "cijfers_betekenis"))
    quiz.assign("meer_op_buiten", "organisatie_intern")  # a strategist, though it says "buiten"
    quiz.assign("drank_en_horecawet", "klassiek_extern")  # specialist knowledge, but a boa's
    score = quiz.check()
    assert (score.points, score.total, score.verdict) == (1, 3, "quotes.verdict")
    feedback = {item.item: item for item in score.feedback}
    assert feedback["meer_op_buiten"].key == "quotes.right"
    assert feedback["drank_en_horecawet"].key == "quotes.wrong"
    assert feedback["drank_en_horecawet"].values == {
        "chosen": "klassiek_extern",
        "article": "organisatie_extern",
    }
    assert feedback["cijfers_betekenis"].key == "quotes.unanswered"
    assert feedback["cijfers_betekenis"].values["article"] == article["cijfers_betekenis"]
    assert quiz.rows() == [
        ("meer_op_buiten", "choice", "organisatie_intern"),
        ("meer_op_buiten", "correct", True),
        ("drank_en_horecawet", "choice", "klassiek_extern"),
        ("drank_en_horecawet", "correct", False),
        ("cijfers_betekenis", "correct", False),
    ]
    quiz.assign("drank_en_horecawet", None)
    assert not quiz.state["checked"] and "drank_en_horecawet" not in quiz.state["answers"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"quote_ids": []}, r"QuoteAttribution\.quote_ids"),
        ({"quote_ids": ["verzonnen"]}, r"QuoteAttribution\.quote_ids\[0\]"),
        ({"quote_ids": ["eigen_hokje", "eigen_hokje"]}, r"QuoteAttribution\.quote_ids\[1\]"),
        ({"answers": {"baan_verandert": "organisatie_extern"}}, r"QuoteAttribution\.answers"),
        ({"answers": {"eigen_hokje": "midden"}}, r"QuoteAttribution\.answers\.eigen_hokje"),
        ({"answers": []}, r"QuoteAttribution\.answers"),
    ],
)
def test_quote_attribution_refuses_bad_state(fw, change, field):
    state = {"quote_ids": ["eigen_hokje"], "answers": {}, "checked": False, **change}
    with pytest.raises(StateError, match=field):
        QuoteAssignment.validate(state, fw)


def test_an_unknown_quote_is_a_clear_key_error(fw):
    with pytest.raises(KeyError, match="verzonnen"):
        QuoteAssignment(fw, ("verzonnen",))
    with pytest.raises(KeyError):
        QuoteAssignment(fw).assign("meer_op_buiten", "midden")


# --------------------------------------------------------------------------------------
# The data: checks a lecturer meets, and every quote traceable to the article
# --------------------------------------------------------------------------------------


def rewrite(path: Path, column: str, row_id: str, value: str) -> None:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    index = rows[0].index(column)
    for row in rows[1:]:
        if row[0] == row_id:
            row[index] = value
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)


def problems(folder: Path) -> list[str]:
    with pytest.raises(vk.FrameworkDataError) as info:
        vk.load_framework(folder)
    return info.value.problems


def test_a_reading_status_must_agree_with_the_models_in_tension(data_copy):
    rewrite(data_copy / "dilemmas.csv", "npm_status", "zelf_uitvoeren_of_overlaten", "artikel")
    rewrite(data_copy / "dilemmas.csv", "npm_status", "vangrail_of_vangnet", "niet")
    found = problems(data_copy)
    assert len(found) == 2
    assert found[0].startswith("dilemmas.csv, rij 2, kolom ")
    assert "(npm_status): 'artikel'" in found[0]
    assert "rij 5" in found[1] and "(npm_status): 'niet'" in found[1]


def test_option_feedback_must_match_the_options(data_copy):
    path = data_copy / "questions.csv"
    rewrite(path, "feedback_en", "kenmerk_cocreatie", "Misconception: one; Right: two")
    rewrite(path, "feedback_nl", "interviews_dorp", "")
    rewrite(path, "feedback_nl", "reflectie_01", "Misvatting: geen")
    found = "\n".join(problems(data_copy))
    assert "(feedback_en): 2 teksten, maar options_nl heeft 3 opties" in found
    assert "(feedback_nl): lege cel" in found
    assert "(feedback_nl): een reflectievraag heeft geen opties of antwoord" in found


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'").replace("\u2018", "'")).strip().lower()


#: Article words between curly single quotes (U+2018 ... U+2019) in our texts; a closing
#: quote is followed by a space, punctuation or the end ("risico's" has a plain apostrophe).
QUOTED = re.compile("\u2018(.+?)\u2019(?=[\\s.,:;)]|$)")


def sections(article_text: str) -> dict[str, str]:
    """The article's text per section heading (1 ... 5), found in order."""
    heads = ["1 ", "2 ", "3 ", "4 ", "4.1 ", "4.2 ", "4.3 ", "4.4 ", "5 ", "Literatuur"]
    starts, at = [], 0
    for head in heads:
        at = re.compile(rf"^{re.escape(head)}", re.MULTILINE).search(article_text, at).start()
        starts.append(at)
    starts.append(len(article_text))
    return {
        head.strip(): normalise(article_text[start:end])
        for head, start, end in zip(heads, starts, starts[1:], strict=False)
    }


def test_dilemma_quotes_are_verbatim_from_their_section(fw, article_text):
    parts = sections(article_text)
    for _, d in fw.dilemmas.iterrows():
        for model_id in MODEL_IDS:
            quote, section = d[f"{model_id}_quote"], d[f"{model_id}_section"]
            assert normalise(quote) in parts[section], (d["dilemma_id"], model_id)
            assert len(quote.split()) <= 30, "short quotes"


def test_article_words_in_our_texts_are_verbatim(fw, article_text):
    text = normalise(article_text)
    ours = [
        *(d[f"{m}_reading_nl"] for _, d in fw.dilemmas.iterrows() for m in MODEL_IDS),
        *(f for q in choice_questions(fw) for f in fw.lookup("question", "feedback_nl")[q]),
        *(fw.lookup("question", "explanation_nl")[q] for q in choice_questions(fw)),
        *fw.quotes["fit_nl"],
    ]
    found = 0
    for paragraph in ours:
        for fragment in QUOTED.findall(paragraph):
            found += 1
            assert normalise(fragment) in text, fragment
    assert found >= 50


def test_readings_give_the_argument_for_and_against_where_defensible(fw):
    for _, d in fw.dilemmas.iterrows():
        for model_id in MODEL_IDS:
            if d[f"{model_id}_status"] == "verdedigbaar":
                for language, words in (("nl", ("Voor:", "Tegen:")), ("en", ("For:", "Against:"))):
                    reading = d[f"{model_id}_reading_{language}"]
                    assert all(word in reading for word in words), (d["dilemma_id"], model_id)
    statuses = {d[f"{m}_status"] for _, d in fw.dilemmas.iterrows() for m in MODEL_IDS}
    assert statuses == {"artikel", "verdedigbaar", "niet"}


def test_quotes_stand_in_their_section_and_are_attributed_as_the_article_does(fw, article_text):
    parts = sections(article_text)
    whole = normalise(article_text)
    places = {"grote_stad": "grote stad", "provinciestad": "provinciestad", "dorp": "dorp"}
    for _, quote in fw.quotes.iterrows():
        first = normalise(re.split(r"\.\.\.|…", quote["text_nl"])[0])
        section = fw.quadrant(quote["quadrant_id"])["section"]
        assert first in parts[section], quote["quote_id"]
        if quote["municipality_id"]:  # the article names the place next to the quote
            at = whole.index(first)
            near = whole[max(0, at - 300) : at + len(first) + 300]
            assert places[quote["municipality_id"]] in near, quote["quote_id"]
    said = fw.quotes.set_index("quote_id").loc["gaat_nu_toch_goed"]
    # quality officers report what OTHERS say: no role as speaker, and the context says so
    assert said["role_id"] == "" and "anderen" in said["context_nl"]
    assert "de kwaliteitsfunctionarissen constateren dat vaak onder het mom van" in whole


def test_checking_an_empty_answer_reveals_nothing(fw):
    """Controleer with no model ticked compares nothing: the article's models stay hidden
    (in the model, the saved rows and the widget's feedback and triangle)."""
    quiz = answer(fw, "zelf_uitvoeren_of_overlaten")
    score = quiz.score()
    assert not quiz.state["checked"]
    assert score.verdict == "tquiz.choose_first" and score.feedback == () and score.total is None
    assert list(TensionQuiz.rows_of(quiz.to_dict(), fw)) == []
    widget = vk.TensionQuiz(dilemma_id="zelf_uitvoeren_of_overlaten", fw=fw)
    widget.check_button.click()
    assert t("tquiz.choose_first") in widget.feedback.value
    for status in ("ontbreekt", "niet"):
        assert t(f"tquiz.verdict.{status}") not in widget.feedback.value
    dilemma_lines = [
        tr for tr in widget.figure.figure.data if (tr.meta or {}).get("role") == "dilemma"
    ]
    assert dilemma_lines and not any(tr.visible in (True, None) for tr in dilemma_lines)
    widget.boxes["klassiek"].value = True  # one tick: now it is compared
    widget.check_button.click()
    assert widget.checked and t("tquiz.choose_first") not in widget.feedback.value
