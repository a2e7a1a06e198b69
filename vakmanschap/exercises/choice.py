"""Multiple-choice questions from ``data/questions.csv`` (the ``Quiz`` exercise)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

import pandas as pd

from ..framework import Framework
from ..i18n import localized, t
from .base import Exercise, Feedback, Row, Score, StateError, register, short


def question(fw: Framework, question_id: str, kind: str) -> pd.Series:
    """The row of ``questions.csv`` for `question_id`, which must be of `kind`.

    Raises
    ------
    KeyError
        Listing the questions of that kind.
    """
    match = fw.questions.loc[fw.questions["question_id"] == question_id]
    if match.empty or match.iloc[0]["kind"] != kind:
        known = ", ".join(fw.questions.loc[fw.questions["kind"] == kind, "question_id"])
        raise KeyError(
            t("err.unknown_id", kind=t(f"kind.question.{kind}"), value=question_id, known=known)
        )
    return match.iloc[0]


def option_feedback(
    fw: Framework, question_id: str, option: int, language: str | None = None
) -> str:
    """The feedback text of `option` (1-based) of a 'keuze' question, in the current (or
    given) language: why it is right, or the misconception it stands for."""
    return str(fw.lookup("question", localized("feedback", language))[question_id][option - 1])


class QuestionExercise(Exercise):
    """An exercise about one question of ``questions.csv`` of :attr:`question_kind`."""

    ident_field = "question_id"
    #: The ``kind`` column of the questions this exercise answers.
    question_kind: ClassVar[str] = ""

    def __init__(self, fw: Framework | None = None, ident: str | None = None):
        super().__init__(fw, ident)
        self.question = question(self.fw, str(ident), self.question_kind)

    @classmethod
    def question_id(cls, fw: Framework, state: Mapping, ident: str | None) -> str:
        """The state's question id, which must be a question of :attr:`question_kind`."""
        kinds = fw.lookup("question", "kind")
        return cls.own_id(state, ident, lambda q: kinds.get(q) == cls.question_kind)

    @classmethod
    def first_question(cls, fw: Framework) -> str:
        """The first question of :attr:`question_kind` (for samples)."""
        kinds = fw.lookup("question", "kind")
        return next(q for q in fw.ids("question") if kinds[q] == cls.question_kind)


@register
class MultipleChoice(QuestionExercise):
    """One multiple-choice question. State: ``question_id``, ``choice`` (1-based option
    number, None before choosing) and ``checked``."""

    kind = "Quiz"
    question_kind = "keuze"

    def initial(self) -> dict:
        return {"question_id": self.ident, "choice": None, "checked": False}

    def choose(self, choice: int | None) -> None:
        """Choose option `choice` (1-based); a new choice must be checked again."""
        if choice is not None:
            count = len(self.fw.lookup("question", "options_nl")[str(self.ident)])
            choice = self.whole(choice, "choice", 1, count)
        self.state.update(choice=choice, checked=False)
        self.changed()

    def check(self) -> Score:
        """Check the chosen option (nothing to check before choosing)."""
        self.state["checked"] = self.state["choice"] is not None
        self.changed()
        return self.score()

    @classmethod
    def score_state(cls, clean: dict, fw: Framework) -> Score:
        """Right or wrong, with two feedback items on the chosen option: its own feedback
        (``quiz.option_feedback``: why it is right, or the misconception it stands for; the
        text is :func:`option_feedback`) and the question's explanation
        (``quiz.explanation``). ``quiz.choose_first`` when nothing is chosen yet."""
        choice = clean["choice"]
        if choice is None:
            return Score(verdict="quiz.choose_first")
        question_id = clean["question_id"]
        right = choice == int(fw.lookup("question", "answer")[question_id])
        values = {"question_id": question_id, "option": choice}
        return Score(
            int(right),
            1,
            "quiz.right" if right else "quiz.wrong",
            (
                Feedback(str(choice), "quiz.option_feedback", values),
                Feedback(str(choice), "quiz.explanation", {"question_id": question_id}),
            ),
        )

    @classmethod
    def rows_of(cls, clean: dict, fw: Framework) -> Iterator[Row]:
        if clean["choice"] is not None:
            yield clean["question_id"], "choice", clean["choice"]
            yield clean["question_id"], "correct", bool(cls.score_state(clean, fw).correct)

    @classmethod
    def sample(cls, fw: Framework) -> dict:
        question_id = cls.first_question(fw)
        return {
            "widget": cls.kind,
            "version": cls.version,
            "question_id": question_id,
            "choice": 1,
            "checked": True,
        }

    @classmethod
    def dump(cls, clean: dict) -> dict:
        return {
            "question_id": clean["question_id"],
            "choice": clean["choice"],
            "checked": clean["checked"],
        }

    @classmethod
    def _validate(cls, fw: Framework, state: Mapping, ident: str | None) -> dict:
        question_id = cls.question_id(fw, state, ident)
        choice = state.get("choice")
        if choice is not None:
            count = len(fw.lookup("question", "options_nl")[question_id])
            choice = cls.whole(choice, "choice", 1, count)
        checked = cls.flag(state, "checked")
        if checked and choice is None:
            raise StateError(t("state.bad_type", field=cls.field("checked"), value=short(True)))
        return {"question_id": question_id, "choice": choice, "checked": checked}
