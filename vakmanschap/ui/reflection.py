"""Reflection: an open question from ``data/questions.csv``, answered in a text box and
handed in with "Lever in"; then (if the lecturer allows) the model answer and rubric from
``data/model_answers.csv``. :func:`answer_key` shows every model answer to a lecturer."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
from IPython.display import HTML

from ..exercises import Reflection as ReflectionModel
from ..exercises.reflection import RUBRIC_LEVELS
from ..framework import Framework, load_framework
from ..i18n import localized, t
from ..markup import Markup, html, join
from .base import ExerciseWidget, feedback_box, status

#: Style of the rubric table's cells.
_CELL = "text-align:left;vertical-align:top;padding:4px 8px;border-top:1px solid #ccc"


def rubric_html(row: Any, caption: str) -> Markup:
    """The rubric of one row of ``model_answers.csv`` as a table: level and description."""
    head = html(
        "<tr><th scope='col' style='{}'>{}</th><th scope='col' style='{}'>{}</th></tr>",
        _CELL,
        t("reflection.level"),
        _CELL,
        t("reflection.level_means"),
    )
    body = join(
        html(
            "<tr><th scope='row' style='{}'>{}</th><td style='{}'>{}</td></tr>",
            _CELL,
            t(f"rubric.{level}"),
            _CELL,
            row[localized(f"rubric_{level}")],
        )
        for level in RUBRIC_LEVELS
    )
    return html(
        "<table class='vakmanschap-rubric' style='border-collapse:collapse;text-align:left'>"
        "<caption style='text-align:left;font-weight:bold'>{}</caption>"
        "<thead>{}</thead><tbody>{}</tbody></table>",
        caption,
        head,
        body,
    )


def key_html(row: Any, for_student: bool = True) -> Markup:
    """The model answer of one row of ``model_answers.csv``, with its rubric and basis;
    for a student with a line on how to compare, for a lecturer without."""
    compare = html("<p><i>{}</i></p>", t("reflection.compare")) if for_student else ""
    caption = t("reflection.rubric") if for_student else t("key.rubric")
    return html(
        "<div class='vakmanschap-model-answer'><p><b>{}</b></p>{}"
        "<blockquote style='margin:0 0 0.5em 1em'>{}</blockquote>{}<p><small>{}</small></p>"
        "</div>",
        t("reflection.model_answer"),
        compare,
        row[localized("model_answer")],
        rubric_html(row, caption),
        t("reflection.reading", source=row[localized("based_on")]),
    )


class Reflection(ExerciseWidget):
    """An open reflection question from ``data/questions.csv``, answered in a text box.

    The student writes, then presses **Lever in** (a button, so Tab and Enter or Space work
    too). Only then does the widget show the question's model answer and rubric from
    ``data/model_answers.csv``, and only where the lecturer set ``show_students`` to 'ja'.
    A change after handing in is flagged until the student hands in again.

    Parameters
    ----------
    question_id : str
        A question of kind ``reflectie``.
    fw : Framework, optional
    """

    model_class = ReflectionModel
    model: ReflectionModel
    key_argument = "question_id"

    def __init__(self, question_id: str, fw: Framework | None = None):
        model = ReflectionModel(fw, question_id)
        self.question = model.question
        prompt = self.question[localized("question")]
        self.text = widgets.Textarea(
            placeholder=t("reflection.placeholder"),
            continuous_update=False,
            layout=widgets.Layout(width="min(720px, 100%)", height="8em"),
        )
        self.text.description = t("reflection.answer")
        self.text.tooltip = prompt
        self.text.style.description_width = "initial"  # the whole label, not "Jouw antw…"
        self.count = widgets.HTML()
        self.submit_button = widgets.Button(
            description=t("reflection.submit"),
            button_style="primary",
            icon="paper-plane",
            tooltip=t("reflection.submit_tooltip"),
        )
        self.submit_button.on_click(lambda _: self.submit())
        self.status = widgets.HTML()
        self.feedback = feedback_box()
        self._refused = False
        self.text.observe(self.forward(self._write), names="value")
        super().__init__(
            model,
            [
                widgets.HTML(html("<p><b>{}</b> {}</p>", t("reflection.label"), prompt)),
                self.text,
                self.count,
                self.submit_button,
                self.status,
                self.feedback,
            ],
            "vakmanschap-reflection",
        )

    @staticmethod
    def answer_key(kind: str | None = None, fw: Framework | None = None) -> HTML:
        """For lecturers: every model answer with its rubric (see :func:`answer_key`); here so
        that a notebook cell reaches it as ``vk.Reflection.answer_key("discussie")``."""
        return answer_key(kind, fw)

    def _write(self, text: str) -> None:
        self._refused = False
        self.model.write(text)

    def submit(self) -> bool:
        """Press "Lever in": hand in the text (nothing happens to an empty answer but a
        message saying to write first).

        Returns
        -------
        bool
            Whether the answer was handed in.
        """
        done = self.model.submit()
        if not done:
            self._refused = True
            self._render()
        return done

    def render(self) -> None:
        model = self.model
        text = model.state["text"]
        self.text.value = text
        self.count.value = html(
            "<small role='status'>{}</small>", t("reflection.count", count=len(text))
        )
        if self._refused:
            message = t("reflection.write_first")
        elif model.changed_since_submitted:
            message = t("reflection.changed")
        elif model.submitted:
            message = t("reflection.submitted")
        elif model.shown_to_students:
            message = t("reflection.hint_key")
        else:
            message = t("reflection.hint_plain")
        self.status.value = status(message)
        row = model.model_answer()
        if row is not None:
            self.feedback.value = key_html(row)
        elif model.submitted and model.key_row is not None:
            self.feedback.value = html("<p>{}</p>", t("reflection.key_hidden"))
        else:
            self.feedback.value = ""


def answer_key(kind: str | None = None, fw: Framework | None = None) -> HTML:
    """For lecturers: every model answer with its rubric (``data/model_answers.csv``).

    Parameters
    ----------
    kind : {"reflectie", "discussie"}, optional
        Only reflection questions (per notebook, with the question from
        ``questions.csv``) or only discussion questions (numbered as in the file); default
        both.
    fw : Framework, optional

    Returns
    -------
    IPython.display.HTML
        Per question: the question, whether students see the answer after "Lever in", the
        model answer, the rubric and what it is based on.
    """
    fw = fw or load_framework()
    kinds = ("reflectie", "discussie") if kind is None else (kind,)
    for name in kinds:
        if name not in ("reflectie", "discussie"):
            raise ValueError(t("key.bad_kind", value=name))
    notebooks = fw.lookup("question", "notebook")
    prompts = fw.lookup("question", localized("question"))
    parts = []
    for name in kinds:
        rows = fw.model_answers.loc[fw.model_answers["kind"] == name]
        items = []
        for number, (_, row) in enumerate(rows.iterrows(), start=1):
            question_id = row["question_id"]
            if name == "reflectie":
                heading = t(
                    "key.heading.reflectie",
                    notebook=notebooks.get(question_id, "?"),
                    question=prompts.get(question_id, question_id),
                )
                shown = t("key.shown" if row["show_students"] else "key.hidden")
            else:
                heading = t(
                    "key.heading.discussie", number=number, question=row[localized("question")]
                )
                shown = ""
            items.append(
                html(
                    "<section style='margin-bottom:1.5em'><h4>{}</h4>{}{}</section>",
                    heading,
                    html("<p><small>{}</small></p>", shown) if shown else "",
                    key_html(row, for_student=False),
                )
            )
        body = join(items) if items else html("<p>{}</p>", t("key.none"))
        parts.append(html("<h3>{}</h3>{}", t(f"key.caption.{name}"), body))
    return HTML(str(html("<div class='vakmanschap-answer-key'>{}</div>", join(parts))))
