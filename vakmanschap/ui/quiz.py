"""The notebooks' closed questions: Quiz (multiple choice from ``data/questions.csv``) and
TensionQuiz (which models are in tension in a dilemma?)."""

from __future__ import annotations

import ipywidgets as widgets

from ..exercises import MultipleChoice
from ..exercises import TensionQuiz as TQModel
from ..framework import Framework
from ..geometry import MODEL_IDS
from ..i18n import localized, t
from ..markup import html
from ..plots import tension_triangle
from .base import ExerciseWidget, check_button, feedback_box, label, status, verdict_html
from .figure_view import FigureView
from .triangle import hide_dilemmas, show_dilemmas


class Quiz(ExerciseWidget):
    """A multiple-choice question from ``data/questions.csv`` with feedback.

    Parameters
    ----------
    question_id : str
        A question of kind ``keuze``.
    fw : Framework, optional
    """

    model_class = MultipleChoice
    model: MultipleChoice
    key_argument = "question_id"

    def __init__(self, question_id: str, fw: Framework | None = None):
        model = MultipleChoice(fw, question_id)
        self.question = model.question
        options = list(self.question[localized("options")])
        self.choice = widgets.RadioButtons(
            options=[(option, number) for number, option in enumerate(options, start=1)],
            value=None,
            layout=widgets.Layout(width="auto"),
        )
        self.choice.description = ""
        self.choice.tooltip = self.question[localized("question")]
        self.check_button = check_button(t("quiz.check"), self.check)
        self.feedback = feedback_box()
        self._hint = ""  # a message key shown while the answer is not checked
        self.choice.observe(self.forward(self._choose), names="value")
        super().__init__(
            model,
            [
                widgets.HTML(
                    html(
                        "<p><b>{}</b> {}</p>",
                        t("quiz.question"),
                        self.question[localized("question")],
                    )
                ),
                self.choice,
                self.check_button,
                self.feedback,
            ],
            "vakmanschap-quiz",
        )

    @property
    def correct(self) -> bool | None:
        """Whether the checked answer is right (None before checking)."""
        return self.model.score().correct if self.model.state["checked"] else None

    def check(self) -> bool | None:
        """Check the chosen option; show feedback and the explanation. Returns `correct`."""
        self._hint = "quiz.choose_first" if self.model.state["choice"] is None else ""
        self.model.check()
        return self.correct

    def _choose(self, choice: int | None) -> None:
        if self.model.state["checked"]:  # a new choice after checking: check again
            self._hint = "quiz.check_again"
        self.model.choose(choice)

    def render(self) -> None:
        state = self.model.state
        self.choice.value = state["choice"]
        if state["checked"]:
            score = self.model.score()
            source = self.question["source"]
            after = html(
                "<p>{}{}</p>",
                self.question[localized("explanation")],
                html("<br><small>{}</small>", t("quiz.source", source=source)) if source else "",
            )
            self.feedback.value = verdict_html(score, [], after)
        else:
            self.feedback.value = status(t(self._hint)) if self._hint else ""


class TensionQuiz(ExerciseWidget):
    """Name the steering models in tension in a dilemma, then compare with the article.

    The triangle with the article's answer appears only after checking.

    Parameters
    ----------
    dilemma_id : str
    fw : Framework, optional
    """

    model_class = TQModel
    model: TQModel
    key_argument = "dilemma_id"

    def __init__(self, dilemma_id: str, fw: Framework | None = None):
        model = TQModel(fw, dilemma_id)
        fw = model.fw
        self.dilemma = model.dilemma
        self.boxes = {
            model_id: label(widgets.Checkbox(value=False, indent=False), fw.name("model", model_id))
            for model_id in MODEL_IDS
        }
        for model_id, box in self.boxes.items():
            box.observe(self.forward(lambda v, m=model_id: self._tick(m, v)), names="value")
        self.check_button = check_button(t("quiz.check"), self.check)
        self.feedback = feedback_box()
        self._hint = ""  # a message key shown while the answer is not checked
        self.figure = FigureView(
            hide_dilemmas(tension_triangle(fw, dilemma_ids=[dilemma_id], height=520))
        )
        d = self.dilemma
        super().__init__(
            model,
            [
                widgets.HTML(
                    html(
                        "<p><b>{}</b>: {} ↔ {}</p><p>{}</p>",
                        d[localized("name")],
                        d[localized("pole_a")],
                        d[localized("pole_b")],
                        t("tquiz.question"),
                    )
                ),
                *self.boxes.values(),
                self.check_button,
                self.feedback,
                self.figure,
            ],
            "vakmanschap-tensionquiz",
        )

    @property
    def chosen(self) -> tuple[str, ...]:
        """The models the student ticked, in the order klassiek, npm, netwerk."""
        return tuple(m for m in MODEL_IDS if m in self.model.state["chosen"])

    @property
    def checked(self) -> bool:
        """Whether the current answer has been checked."""
        return bool(self.model.state["checked"])

    def check(self) -> bool:
        """Compare the ticked models with the article; show feedback and the triangle.
        Returns whether the answer is right (see ``TensionQuiz.score_state``)."""
        self._hint = ""
        return bool(self.model.check().correct)

    def _tick(self, model_id: str, ticked: bool) -> None:
        if self.model.state["checked"]:  # a changed answer hides the article's answer
            self._hint = "quiz.check_again"
        self.model.tick(model_id, ticked)

    def render(self) -> None:
        state = self.model.state
        for model_id, box in self.boxes.items():
            box.value = model_id in state["chosen"]
        with self.figure.hold():
            show_dilemmas(self.figure, state["checked"])
        if not state["checked"]:
            self.feedback.value = status(t(self._hint)) if self._hint else ""
            return
        score = self.model.score()
        marks = {"tquiz.in_and_chosen": "✔", "tquiz.out_not_chosen": "✔", "tquiz.reinforcing": "◆"}
        items = [
            html(
                "<li>{} <b>{}</b>: {}</li>",
                marks.get(item.key, "✘"),
                self.fw.name("model", item.item),
                t(item.key),
            )
            for item in score.feedback
        ]
        d = self.dilemma
        inferred = "" if d["models_source"] == "artikel" else " " + t("explorer.inferred")
        after = html("<p>{}{}</p>", d[localized("explanation")], inferred)
        self.feedback.value = verdict_html(score, items, after)
