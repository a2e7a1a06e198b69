"""Naming and explaining the steering models at stake in a dilemma (the ``TensionQuiz``
exercise).

The student ticks the models at stake and writes, per ticked model, one sentence on why.
``data/dilemmas.csv`` holds, per dilemma and model, the reading the feedback shows: a status
(``artikel``: the article sees the model here; ``verdedigbaar``: a defensible reading with an
argument for and against; ``niet``), the argument and a short quote. The rule lives here:
:func:`model_verdict` gives each model one of :data:`VERDICTS`, and :meth:`score_state`
the whole. Where the article names no models (``models_source = afgeleid``) the task is
ungraded: the student's reading is set beside ours.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..framework import Framework
from ..geometry import MODEL_IDS
from ..i18n import t
from ..markup import repair_text
from .base import Exercise, Feedback, Row, Score, StateError, register, short

#: A model's verdict in a graded dilemma: ticked and the article sees it, or rightly left
#: out ("goed"); ticked on a defensible reading ("verdedigbaar"); ticked but not in the
#: article ("niet"); not ticked though the article sees it ("ontbreekt").
VERDICTS = ("goed", "verdedigbaar", "niet", "ontbreekt")

#: The verdict of a whole graded answer, as stored in the rows (item: the dilemma).
OVERALL = {"quiz.right": "goed", "tquiz.defensible": "verdedigbaar", "tquiz.partly": "onvolledig"}

#: Longest explanation kept per model ("one sentence").
MAX_EXPLANATION_LENGTH = 400

#: Per (status, ticked): the message key, graded and ungraded (the article names no models).
_GRADED = {
    ("artikel", True): "tquiz.in_and_chosen",
    ("artikel", False): "tquiz.in_not_chosen",
    ("verdedigbaar", True): "tquiz.defensible_chosen",
    ("verdedigbaar", False): "tquiz.defensible_not_chosen",
    ("niet", True): "tquiz.out_but_chosen",
    ("niet", False): "tquiz.out_not_chosen",
}
_UNGRADED = {
    ("artikel", True): "tquiz.ours_and_yours",
    ("artikel", False): "tquiz.ours_not_yours",
    ("verdedigbaar", True): "tquiz.defensible_yours",
    ("verdedigbaar", False): "tquiz.defensible_not_yours",
    ("niet", True): "tquiz.yours_not_ours",
    ("niet", False): "tquiz.neither",
}


def model_verdict(status: str, ticked: bool, reinforcing: bool = False) -> str:
    """The verdict on one model of a graded dilemma (one of :data:`VERDICTS`).

    Parameters
    ----------
    status : {"artikel", "verdedigbaar", "niet"}
        The model's status for the dilemma (``<model>_status`` in ``dilemmas.csv``).
    ticked : bool
        Whether the student ticked the model.
    reinforcing : bool
        Whether the article names the model as sharpening the tension (``reinforced_by``):
        right, ticked or not.
    """
    if reinforcing:
        return "goed"
    if status == "artikel":
        return "goed" if ticked else "ontbreekt"
    if status == "verdedigbaar":
        return "verdedigbaar" if ticked else "goed"
    return "niet" if ticked else "goed"


def model_item(dilemma_id: str, model_id: str) -> str:
    """The item of a model's rows in the class results: ``<dilemma>.<model>``."""
    return f"{dilemma_id}.{model_id}"


def is_graded(fw: Framework, dilemma_id: str) -> bool:
    """Whether the article names the dilemma's models (else the task is ungraded)."""
    return fw.lookup("dilemma", "models_source")[dilemma_id] == "artikel"


@register
class TensionQuiz(Exercise):
    """Tick the models at stake in a dilemma and explain each in a sentence.

    State (version 2): ``dilemma_id``, ``chosen`` (a frozenset of model ids),
    ``explanations`` (model id -> the student's sentence; kept for unticked models too, so
    ticking again brings it back) and ``checked``. Version-1 states (no explanations) are
    read with none (:meth:`migrate`).
    """

    kind = "TensionQuiz"
    version = 2
    ident_field = "dilemma_id"

    def __init__(self, fw: Framework | None = None, ident: str | None = None):
        super().__init__(fw, ident)
        self.dilemma = self.fw.dilemma(str(ident))

    def initial(self) -> dict:
        return {
            "dilemma_id": self.ident,
            "chosen": frozenset(),
            "explanations": {},
            "checked": False,
        }

    # -- what the student does ---------------------------------------------------------
    def tick(self, model_id: str, ticked: bool) -> None:
        """Tick or untick `model_id`; a changed answer must be checked again."""
        self._known(model_id)
        chosen = set(self.state["chosen"])
        chosen.add(model_id) if ticked else chosen.discard(model_id)
        if frozenset(chosen) == self.state["chosen"]:
            return
        self.state.update(chosen=frozenset(chosen), checked=False)
        self.changed()

    def explain(self, model_id: str, text: str) -> None:
        """Keep `text` as the sentence on `model_id` (cut to
        :data:`MAX_EXPLANATION_LENGTH` characters; empty removes it).

        The verdict depends on the ticks only, so a checked answer stays checked: the
        feedback shows the sentence as it is now.
        """
        self._known(model_id)
        text = repair_text(str(text))[:MAX_EXPLANATION_LENGTH]
        explanations = dict(self.state["explanations"])
        if text.strip():
            explanations[model_id] = text
        else:
            explanations.pop(model_id, None)
        if explanations == self.state["explanations"]:
            return
        self.state["explanations"] = explanations
        self.changed()

    def check(self) -> Score:
        """Compare the ticked models with the article (or, ungraded, with our reading).
        With nothing ticked nothing is compared (``tquiz.choose_first``): an empty answer
        must not reveal the article's."""
        self.state["checked"] = bool(self.state["chosen"])
        self.changed()
        return self.score()

    @staticmethod
    def _known(model_id: str) -> None:
        if model_id not in MODEL_IDS:
            raise KeyError(t("state.unknown_id", field="chosen", value=short(model_id)))

    # -- the rule ------------------------------------------------------------------------
    @classmethod
    def score_state(cls, clean: dict, fw: Framework) -> Score:
        """Per model a :class:`Feedback` whose values hold ``verdict`` (one of
        :data:`VERDICTS`, None when ungraded), ``status``, ``ticked`` and ``explained``.

        Graded: right (``quiz.right``) when no model is ``niet`` or ``ontbreekt``; if one is
        ``verdedigbaar`` the verdict is ``tquiz.defensible`` (it still counts as right).
        A model the article names as reinforcing the tension is right ticked or not.
        Ungraded (``models_source = afgeleid``): no points, verdict ``tquiz.ungraded``.
        Nothing ticked: no feedback, verdict ``tquiz.choose_first``.
        """
        if not clean["chosen"]:
            return Score(verdict="tquiz.choose_first")
        dilemma_id = clean["dilemma_id"]
        graded = is_graded(fw, dilemma_id)
        reinforcing = set(fw.lookup("dilemma", "reinforced_by")[dilemma_id])
        items = []
        for model_id in MODEL_IDS:
            status = fw.lookup("dilemma", f"{model_id}_status")[dilemma_id]
            ticked = model_id in clean["chosen"]
            values = {
                "status": status,
                "ticked": ticked,
                "explained": ticked and model_id in clean["explanations"],
                "verdict": None,
            }
            if not graded:
                key = _UNGRADED[(status, ticked)]
            elif model_id in reinforcing:
                key = "tquiz.reinforcing"
                values["verdict"] = model_verdict(status, ticked, reinforcing=True)
            else:
                key = _GRADED[(status, ticked)]
                values["verdict"] = model_verdict(status, ticked)
            items.append(Feedback(model_id, key, values))
        if not graded:
            return Score(verdict="tquiz.ungraded", feedback=tuple(items))
        verdicts = {item.values["verdict"] for item in items}
        if verdicts & {"niet", "ontbreekt"}:
            verdict = "tquiz.partly"
        else:
            verdict = "tquiz.defensible" if "verdedigbaar" in verdicts else "quiz.right"
        return Score(int(verdict != "tquiz.partly"), 1, verdict, tuple(items))

    @classmethod
    def rows_of(cls, clean: dict, fw: Framework) -> Iterator[Row]:
        """The sentences of the ticked models (``explanation``), always; once checked also
        ``chosen`` and, graded, ``correct`` and ``verdict`` (item: the dilemma), and per
        model its ``verdict`` (graded) or ``ticked`` (ungraded).

        A model's item is :func:`model_item` (``<dilemma>.<model>``): a student's rows count
        once per (kind, item), so a bare model id would mix the dilemmas up.
        """
        dilemma_id = clean["dilemma_id"]
        for model_id in MODEL_IDS:
            if model_id in clean["chosen"] and model_id in clean["explanations"]:
                explanation = clean["explanations"][model_id]
                yield model_item(dilemma_id, model_id), "explanation", explanation
        if not clean["checked"] or not clean["chosen"]:
            return
        yield dilemma_id, "chosen", "; ".join(m for m in MODEL_IDS if m in clean["chosen"])
        score = cls.score_state(clean, fw)
        if score.total is not None:
            yield dilemma_id, "correct", bool(score.correct)
            yield dilemma_id, "verdict", OVERALL[score.verdict]
        for item in score.feedback:
            row_item = model_item(dilemma_id, item.item)
            if item.values["verdict"] is None:
                yield row_item, "ticked", item.values["ticked"]
            else:
                yield row_item, "verdict", item.values["verdict"]

    # -- the saved state -------------------------------------------------------------------
    @classmethod
    def sample(cls, fw: Framework) -> dict:
        return {
            "widget": cls.kind,
            "version": cls.version,
            "dilemma_id": fw.ids("dilemma")[0],
            "chosen": ["klassiek", "netwerk"],
            "explanations": {
                "klassiek": "De gemeente wil de uitvoering zelf sturen met eigen vakkennis.",
                "netwerk": "Partners <b>voeren</b> uit en de gemeente is er een van.",
            },
            "checked": True,
        }

    @classmethod
    def dump(cls, clean: dict) -> dict:
        return {
            "dilemma_id": clean["dilemma_id"],
            "chosen": [m for m in MODEL_IDS if m in clean["chosen"]],
            "explanations": {
                m: clean["explanations"][m] for m in MODEL_IDS if m in clean["explanations"]
            },
            "checked": clean["checked"],
        }

    @classmethod
    def migrate(cls, state: dict, version: int) -> dict:
        """A valid state saved as an older `version`, in the current version's meaning
        (the hook of :meth:`Exercise.validate`).

        Version 1 had no explanations: ``_validate`` reads it (``explanations`` is optional)
        and it is kept with none.
        """
        return {**state, "explanations": {}} if version == 1 else state

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
            "explanations": cls._explanations(state),
            "checked": cls.flag(state, "checked"),
        }

    @classmethod
    def _explanations(cls, state: Mapping) -> dict[str, str]:
        """The optional ``explanations``: model id -> text of at most
        :data:`MAX_EXPLANATION_LENGTH` characters; empty texts are left out."""
        raw = state.get("explanations", {})
        if not isinstance(raw, Mapping):
            raise StateError(t("state.bad_type", field=cls.field("explanations"), value=short(raw)))
        clean = {}
        for model_id, text in raw.items():
            if model_id not in MODEL_IDS:
                raise StateError(
                    t("state.unknown_id", field=cls.field("explanations"), value=short(model_id))
                )
            path = cls.field(f"explanations.{model_id}")
            if not isinstance(text, str):
                raise StateError(t("state.bad_type", field=path, value=short(text)))
            if len(text) > MAX_EXPLANATION_LENGTH:
                raise StateError(t("state.too_long", field=path, limit=MAX_EXPLANATION_LENGTH))
            if text.strip():
                clean[model_id] = text
        return clean
