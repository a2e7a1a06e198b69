"""The notebooks' closed questions: Quiz (multiple choice from ``data/questions.csv``, with
feedback on the chosen option) and TensionQuiz (which models are at stake in a dilemma, and
why?)."""

from __future__ import annotations

import ipywidgets as widgets

from ..exercises import Feedback, MultipleChoice
from ..exercises import TensionQuiz as TQModel
from ..exercises.choice import option_feedback
from ..exercises.tension_quiz import is_graded
from ..framework import Framework
from ..geometry import MODEL_IDS
from ..i18n import localized, t
from ..markup import Markup, html, join
from ..plots import tension_triangle
from .base import ExerciseWidget, check_button, feedback_box, label, status, verdict_html
from .figure_view import FigureView
from .triangle import hide_dilemmas, show_dilemmas

#: ipywidgets gives every radio option one line's height, so an option that wraps (the
#: application items have sentence-long options) runs into the next: let them grow.
_WRAP_OPTIONS = Markup(
    "<style>.vakmanschap-quiz .widget-radio-box label "
    "{display: flex; align-items: flex-start; height: auto; line-height: 1.4;"
    " margin-bottom: 0.4em;}"
    ".vakmanschap-quiz .widget-radio-box input {order: -1; flex: none; float: none;"
    " height: 1.4em;}</style>"
)


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
        self.options = list(self.question[localized("options")])
        self.choice = widgets.RadioButtons(
            options=[(option, number) for number, option in enumerate(self.options, start=1)],
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
                widgets.HTML(_WRAP_OPTIONS, layout=widgets.Layout(display="none")),
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
            mine = [
                html(
                    "<p><b>{}</b> {}</p><p>{}</p>",
                    t(item.key, **item.values),
                    self.options[item.values["option"] - 1],
                    option_feedback(self.fw, item.values["question_id"], item.values["option"]),
                )
                for item in score.feedback
                if item.key == "quiz.option_feedback"
            ]
            after = html(
                "{}<p>{}{}</p>",
                join(mine),
                self.question[localized("explanation")],
                html("<br><small>{}</small>", t("quiz.source", source=source)) if source else "",
            )
            self.feedback.value = verdict_html(score, [], after)
        else:
            self.feedback.value = status(t(self._hint)) if self._hint else ""


class TensionQuiz(ExerciseWidget):
    """Tick the steering models at stake in a dilemma, explain each in one sentence, then
    compare with the article: per model its verdict, the article's reading with a quote,
    and the student's own sentence.

    Where the article names no models (``models_source = afgeleid``) the comparison is with
    our reading, ungraded. The triangle with the reading appears only after checking.

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
        self.graded = is_graded(fw, dilemma_id)
        self.boxes = {
            model_id: label(widgets.Checkbox(value=False, indent=False), fw.name("model", model_id))
            for model_id in MODEL_IDS
        }
        self.reasons = {
            model_id: label(
                widgets.Text(placeholder=t("tquiz.why_placeholder"), continuous_update=False),
                t("tquiz.why", model=fw.name("model", model_id)),
            )
            for model_id in MODEL_IDS
        }
        for model_id in MODEL_IDS:
            self.boxes[model_id].observe(
                self.forward(lambda v, m=model_id: self._tick(m, v)), names="value"
            )
            self.reasons[model_id].observe(
                self.forward(lambda v, m=model_id: model.explain(m, v)), names="value"
            )
            self.reasons[model_id].layout.margin = "0 0 0.5em 1.5em"
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
                        t("tquiz.question" if self.graded else "tquiz.question_inferred"),
                    )
                ),
                *(c for m in MODEL_IDS for c in (self.boxes[m], self.reasons[m])),
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
        Returns whether the answer is right or defensible (see ``TensionQuiz.score_state``;
        False for the ungraded dilemma)."""
        self._hint = "" if self.model.state["chosen"] else "tquiz.choose_first"
        return bool(self.model.check().correct)

    def _tick(self, model_id: str, ticked: bool) -> None:
        if self.model.state["checked"]:  # a changed answer hides the article's answer
            self._hint = "quiz.check_again"
        self.model.tick(model_id, ticked)

    def render(self) -> None:
        state = self.model.state
        for model_id in MODEL_IDS:
            ticked = model_id in state["chosen"]
            self.boxes[model_id].value = ticked
            self.reasons[model_id].value = state["explanations"].get(model_id, "")
            self.reasons[model_id].layout.display = None if ticked else "none"
        shown = state["checked"] and bool(state["chosen"])
        with self.figure.hold():
            show_dilemmas(self.figure, shown)
        if not shown:
            self.feedback.value = status(t(self._hint)) if self._hint else ""
            return
        score = self.model.score()
        items = [self._model_html(item) for item in score.feedback]
        d = self.dilemma
        inferred = "" if self.graded else " " + t("explorer.inferred")
        after = html("<p>{}{}</p>", d[localized("explanation")], inferred)
        if self.graded:
            self.feedback.value = verdict_html(score, items, after)
        else:  # no right or wrong: no mark
            self.feedback.value = html(
                "<div role='status' aria-live='polite'><p><b>{}</b></p><ul>{}</ul>{}</div>",
                t(score.verdict),
                join(items),
                after,
            )

    def _model_html(self, item: Feedback) -> Markup:
        """One model's feedback: verdict, what it means, the reading with its quote, and the
        student's sentence."""
        model_id, values, d = item.item, item.values, self.dilemma
        name = self.fw.name("model", model_id)
        verdict = values["verdict"]
        if verdict is None:
            head = html("<b>{}</b>: {}", name, t(item.key))
        else:
            label_ = t(f"tquiz.verdict.{verdict}")
            head = html("<b>{} {}: {}.</b> {}", _MARKS[verdict], name, label_, t(item.key))
        quote = html(
            "<figure class='vakmanschap-quote'><blockquote lang='nl'>‘{}’</blockquote>"
            "<figcaption>— {}</figcaption></figure>",
            d[f"{model_id}_quote"],
            t("tquiz.quote_source", section=d[f"{model_id}_section"]),
        )
        own: Markup | str = ""
        if values["ticked"]:
            text = self.model.state["explanations"].get(model_id, "")
            own = (
                html("<p><i>{}</i> {}</p>", t("tquiz.your_explanation"), text)
                if values["explained"]
                else html("<p><i>{}</i></p>", t("tquiz.no_explanation"))
            )
        reading = d[localized(f"{model_id}_reading")]
        return html("<li><p>{}</p><p>{}</p>{}{}</li>", head, reading, quote, own)


#: The mark before a model's verdict (the verdict is always written out too).
_MARKS = {"goed": "✔", "verdedigbaar": "◐", "niet": "✘", "ontbreekt": "✘"}
