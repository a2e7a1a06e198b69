"""An open reflection question from ``data/questions.csv`` (the ``Reflection`` exercise).

The student writes an answer and hands it in (:meth:`Reflection.submit`). Only then may a
view show the question's model answer and rubric (``data/model_answers.csv``), and only if
the lecturer allows it there (:meth:`Reflection.model_answer`). The text handed in is kept,
so a later change shows as "changed since submitted" and the lecturer can see both.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..framework import Framework
from ..i18n import t
from ..markup import repair_text
from .base import Row, Score, StateError, register, short
from .choice import QuestionExercise

#: Longest answer kept.
MAX_REFLECTION_LENGTH = 5000

#: The levels of every rubric in ``model_answers.csv``, from low to high.
RUBRIC_LEVELS = ("onvoldoende", "voldoende", "goed")


@register
class Reflection(QuestionExercise):
    """A written answer, handed in once the student is ready.

    State (version 2): ``question_id``, ``text`` (the answer as it is now), ``submitted``
    (whether the student pressed "Lever in") and ``submitted_text`` (the text at the last
    submission; empty before submitting). Version-1 states (``question_id`` and ``text``)
    are read as not submitted.
    """

    kind = "Reflection"
    version = 2
    question_kind = "reflectie"

    def initial(self) -> dict:
        return {"question_id": self.ident, "text": "", "submitted": False, "submitted_text": ""}

    # -- what the student does ----------------------------------------------------------
    def write(self, text: str) -> None:
        """Keep `text` as the answer (cut to :data:`MAX_REFLECTION_LENGTH` characters).

        A change after submitting keeps the submission: :attr:`changed_since_submitted`
        tells the difference until the student submits again.
        """
        self.state["text"] = repair_text(str(text))[:MAX_REFLECTION_LENGTH]
        self.changed()

    def submit(self) -> bool:
        """Hand in the current text ("Lever in").

        Returns
        -------
        bool
            False (and nothing changes) when the answer is still empty: there is nothing
            to hand in, and the model answer stays hidden.
        """
        text = self.state["text"]
        if not text.strip():
            return False
        self.state.update(submitted=True, submitted_text=text)
        self.changed()
        return True

    # -- what a view may show -------------------------------------------------------------
    @property
    def submitted(self) -> bool:
        """Whether the student has handed in an answer."""
        return bool(self.state["submitted"])

    @property
    def changed_since_submitted(self) -> bool:
        """Whether the text differs from the text handed in last."""
        return self.changed_since(self.state)

    @staticmethod
    def changed_since(clean: Mapping) -> bool:
        """Whether a valid state's text differs from its submitted text."""
        return bool(clean["submitted"]) and clean["text"] != clean["submitted_text"]

    @property
    def key_row(self) -> Any:
        """The question's row of ``model_answers.csv`` (a pandas Series), or None when the
        lecturer's data has none for it."""
        question_id = str(self.ident)
        if question_id not in self.fw.lookup("model_answer", "show_students"):
            return None
        return self.fw.model_answer(question_id)

    @property
    def shown_to_students(self) -> bool:
        """Whether the lecturer lets students see this question's model answer and rubric
        (column ``show_students``); False when the question has none."""
        row = self.key_row
        return row is not None and bool(row["show_students"])

    def model_answer(self) -> Any:
        """The model answer and rubric the student may see now, or None.

        Returns
        -------
        pandas.Series or None
            The row of ``model_answers.csv`` once the answer is submitted, if the question
            has one and the lecturer allows it (``show_students``); else None.
        """
        if not self.submitted or not self.shown_to_students:
            return None
        return self.key_row

    # -- scoring and rows ----------------------------------------------------------------
    @classmethod
    def score_state(cls, clean: dict, fw: Framework) -> Score:
        """Ungraded: the lecturer reads the reflections."""
        return Score()

    @classmethod
    def rows_of(cls, clean: dict, fw: Framework) -> Iterator[Row]:
        if clean["text"].strip():
            question_id = clean["question_id"]
            yield question_id, "text", clean["text"]
            yield question_id, "submitted", clean["submitted"]
            yield question_id, "changed_since_submitted", cls.changed_since(clean)

    @classmethod
    def sample(cls, fw: Framework) -> dict:
        question_id = cls.first_question(fw)
        text = "De boa werkt buiten, maar <b>volgens</b> regels van binnen."
        return {
            "widget": cls.kind,
            "version": cls.version,
            "question_id": question_id,
            "text": text + " En soms daarbuiten.",
            "submitted": True,
            "submitted_text": text,
        }

    @classmethod
    def dump(cls, clean: dict) -> dict:
        return {
            "question_id": clean["question_id"],
            "text": clean["text"],
            "submitted": clean["submitted"],
            "submitted_text": clean["submitted_text"],
        }

    # -- reading saved states --------------------------------------------------------------
    @classmethod
    def migrate(cls, state: dict, version: int) -> dict:
        """A valid state saved as an older `version`, in the meaning of version 2.

        Version 1 had only ``question_id`` and ``text`` (:meth:`_validate` reads the missing
        fields as not submitted): such an answer was never handed in, so the model answer
        stays hidden until the student presses "Lever in".
        """
        if version == 1:
            return {**state, "submitted": False, "submitted_text": ""}
        return state

    @classmethod
    def _validate(cls, fw: Framework, state: Mapping, ident: str | None) -> dict:
        question_id = cls.question_id(fw, state, ident)
        text = cls._text(state, "text")
        # version 1 had neither field: flag() and the default read it as not submitted
        submitted = cls.flag(state, "submitted")
        submitted_text = cls._text(state, "submitted_text") if "submitted_text" in state else ""
        if submitted and not submitted_text.strip():
            # nothing can have been handed in: the model answer would show for an empty answer
            raise StateError(t("state.empty", field=cls.field("submitted_text")))
        if not submitted and submitted_text:
            raise StateError(
                t("state.bad_type", field=cls.field("submitted_text"), value=short(submitted_text))
            )
        return {
            "question_id": question_id,
            "text": text,
            "submitted": submitted,
            "submitted_text": submitted_text,
        }

    @classmethod
    def _text(cls, state: Mapping, key: str) -> str:
        text = cls.require(state, key, str)
        if len(text) > MAX_REFLECTION_LENGTH:
            raise StateError(t("state.too_long", field=cls.field(key), limit=MAX_REFLECTION_LENGTH))
        return text
