"""Naming the steering models in tension in a dilemma (the ``TensionQuiz`` exercise)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..framework import Framework
from ..geometry import MODEL_IDS
from ..i18n import t
from .base import Exercise, Feedback, Row, Score, StateError, register, short

#: Per model: the message key for each (in the article's tension?, ticked?) case.
_STATUS = {
    (True, True): "tquiz.in_and_chosen",
    (True, False): "tquiz.in_not_chosen",
    (False, True): "tquiz.out_but_chosen",
    (False, False): "tquiz.out_not_chosen",
}


@register
class TensionQuiz(Exercise):
    """Tick the models in tension. State: ``dilemma_id``, ``chosen`` (a frozenset of
    model ids) and ``checked``."""

    kind = "TensionQuiz"
    ident_field = "dilemma_id"

    def __init__(self, fw: Framework | None = None, ident: str | None = None):
        super().__init__(fw, ident)
        self.dilemma = self.fw.dilemma(str(ident))

    def initial(self) -> dict:
        return {"dilemma_id": self.ident, "chosen": frozenset(), "checked": False}

    def tick(self, model_id: str, ticked: bool) -> None:
        """Tick or untick `model_id`; a changed answer must be checked again."""
        if model_id not in MODEL_IDS:
            raise KeyError(t("state.unknown_id", field="chosen", value=short(model_id)))
        chosen = set(self.state["chosen"])
        chosen.add(model_id) if ticked else chosen.discard(model_id)
        if frozenset(chosen) == self.state["chosen"]:
            return
        self.state.update(chosen=frozenset(chosen), checked=False)
        self.changed()

    def check(self) -> Score:
        """Compare the ticked models with the article."""
        self.state["checked"] = True
        self.changed()
        return self.score()

    @classmethod
    def score_state(cls, clean: dict, fw: Framework) -> Score:
        """Right when the ticked models are exactly those in tension; a model the article
        names as reinforcing the tension counts as right, ticked or not."""
        dilemma_id = clean["dilemma_id"]
        article = set(fw.lookup("dilemma", "models")[dilemma_id])
        reinforcing = set(fw.lookup("dilemma", "reinforced_by")[dilemma_id])
        chosen = clean["chosen"]
        right = article <= chosen <= article | reinforcing
        items = tuple(
            Feedback(
                model_id,
                "tquiz.reinforcing"
                if model_id in reinforcing and model_id not in article
                else _STATUS[(model_id in article, model_id in chosen)],
            )
            for model_id in MODEL_IDS
        )
        return Score(int(right), 1, "quiz.right" if right else "tquiz.partly", items)

    @classmethod
    def rows_of(cls, clean: dict, fw: Framework) -> Iterator[Row]:
        if clean["checked"]:
            dilemma_id = clean["dilemma_id"]
            yield dilemma_id, "chosen", "; ".join(sorted(clean["chosen"]))
            yield dilemma_id, "correct", bool(cls.score_state(clean, fw).correct)

    @classmethod
    def sample(cls, fw: Framework) -> dict:
        return {
            "widget": cls.kind,
            "version": cls.version,
            "dilemma_id": fw.ids("dilemma")[0],
            "chosen": ["klassiek", "netwerk"],
            "checked": True,
        }

    @classmethod
    def dump(cls, clean: dict) -> dict:
        return {
            "dilemma_id": clean["dilemma_id"],
            "chosen": [m for m in MODEL_IDS if m in clean["chosen"]],
            "checked": clean["checked"],
        }

    @classmethod
    def _validate(cls, fw: Framework, state: Mapping, ident: str | None) -> dict:
        dilemma_id = cls.own_id(state, ident, lambda d: d in fw.ids("dilemma"))
        chosen = cls.require(state, "chosen", list)
        for index, model_id in enumerate(chosen):
            if model_id not in MODEL_IDS:
                raise StateError(
                    t(
                        "state.unknown_id",
                        field=cls.field(f"chosen[{index}]"),
                        value=short(model_id),
                    )
                )
        return {
            "dilemma_id": dilemma_id,
            "chosen": frozenset(chosen),
            "checked": cls.flag(state, "checked"),
        }
