"""Reflection: an open question from ``data/questions.csv``, answered in a text box."""

from __future__ import annotations

import ipywidgets as widgets

from ..exercises import Reflection as ReflectionModel
from ..framework import Framework
from ..i18n import localized, t
from ..markup import html
from .base import ExerciseWidget


class Reflection(ExerciseWidget):
    """An open reflection question from ``data/questions.csv``, answered in a text box.

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
        self.count = widgets.HTML()
        self.text.observe(self.forward(model.write), names="value")
        super().__init__(
            model,
            [
                widgets.HTML(html("<p><b>{}</b> {}</p>", t("reflection.label"), prompt)),
                self.text,
                self.count,
            ],
            "vakmanschap-reflection",
        )

    def render(self) -> None:
        text = self.model.state["text"]
        self.text.value = text
        self.count.value = html(
            "<small role='status'>{}</small>", t("reflection.count", count=len(text))
        )
