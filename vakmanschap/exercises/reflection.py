"""An open reflection question from ``data/questions.csv`` (the ``Reflection`` exercise)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..framework import Framework
from ..i18n import t
from ..markup import repair_text
from .base import Row, Score, StateError, register
from .choice import QuestionExercise

#: Longest answer kept.
MAX_REFLECTION_LENGTH = 5000


@register
class Reflection(QuestionExercise):
    """A written answer. State: ``question_id`` and ``text``."""

    kind = "Reflection"
    question_kind = "reflectie"

    def initial(self) -> dict:
        return {"question_id": self.ident, "text": ""}

    def write(self, text: str) -> None:
        """Keep `text` as the answer (cut to :data:`MAX_REFLECTION_LENGTH` characters)."""
        self.state["text"] = repair_text(str(text))[:MAX_REFLECTION_LENGTH]
        self.changed()

    @classmethod
    def score_state(cls, clean: dict, fw: Framework) -> Score:
        """Ungraded: the lecturer reads the reflections."""
        return Score()

    @classmethod
    def rows_of(cls, clean: dict, fw: Framework) -> Iterator[Row]:
        if clean["text"].strip():
            yield clean["question_id"], "text", clean["text"]

    @classmethod
    def sample(cls, fw: Framework) -> dict:
        question_id = cls.first_question(fw)
        return {
            "widget": cls.kind,
            "version": cls.version,
            "question_id": question_id,
            "text": "De boa werkt buiten, maar <b>volgens</b> regels van binnen.",
        }

    @classmethod
    def dump(cls, clean: dict) -> dict:
        return {"question_id": clean["question_id"], "text": clean["text"]}

    @classmethod
    def _validate(cls, fw: Framework, state: Mapping, ident: str | None) -> dict:
        question_id = cls.question_id(fw, state, ident)
        text = cls.require(state, "text", str)
        if len(text) > MAX_REFLECTION_LENGTH:
            raise StateError(
                t("state.too_long", field=cls.field("text"), limit=MAX_REFLECTION_LENGTH)
            )
        return {"question_id": question_id, "text": text}
