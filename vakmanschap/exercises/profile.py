"""Self-assessment on 't Hart's (2014) points (the ``CompetencyProfile`` exercise).

Every point starts *unset* (None): only a score the student chose is saved and counted, so
an untouched slider is never mistaken for a rating. Version 1 of the saved state gave every
point a number; such a state is read as it is (each number a chosen score).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..framework import Framework
from ..geometry import SCALE_MAX, SCALE_MIN
from ..i18n import t
from .base import Exercise, Row, Score, StateError, register, short


def points(fw: Framework) -> list[str]:
    """'t Hart's points (``recommendations.csv``) in their order."""
    order = fw.lookup("recommendation", "order")
    return sorted(order, key=order.__getitem__)


@register
class SelfAssessment(Exercise):
    """A score from 1 to 5 on each of 't Hart's points, or none yet. State: ``scores``
    (``{recommendation_id: int or None}``, every point; None: not filled in)."""

    kind = "CompetencyProfile"
    #: 2: a point may be unset (left out of the file); 1: every point had a number.
    version = 2

    def initial(self) -> dict:
        return {"scores": dict.fromkeys(points(self.fw))}

    def set_score(self, recommendation_id: str, score: float | None) -> None:
        """Score one point, or unset it with None; raises ``ValueError`` naming the point
        when out of range."""
        if recommendation_id not in self.state["scores"]:
            raise KeyError(t("state.unknown_id", field="scores", value=short(recommendation_id)))
        value = (
            None
            if score is None
            else self.whole(score, f"scores[{recommendation_id!r}]", SCALE_MIN, SCALE_MAX)
        )
        self.state["scores"][recommendation_id] = value
        self.changed()

    def filled(self) -> dict[str, int]:
        """The points the student scored: ``{recommendation_id: score}``."""
        return filled(self.state)

    @classmethod
    def score_state(cls, clean: dict, fw: Framework) -> Score:
        """Ungraded: a self-assessment has no right answer."""
        return Score()

    @classmethod
    def rows_of(cls, clean: dict, fw: Framework) -> Iterator[Row]:
        """One row per scored point; a point not filled in yields none."""
        for rec_id, score in filled(clean).items():
            yield rec_id, "score", score

    @classmethod
    def sample(cls, fw: Framework) -> dict:
        scores = {rec_id: 1 + i % 5 for i, rec_id in enumerate(fw.ids("recommendation"))}
        del scores[fw.ids("recommendation")[-1]]  # not filled in
        return {"widget": cls.kind, "version": cls.version, "scores": scores}

    @classmethod
    def dump(cls, clean: dict) -> dict:
        return {"scores": filled(clean)}

    @classmethod
    def _validate(cls, fw: Framework, state: Mapping, ident: str | None) -> dict:
        scores = cls.require(state, "scores", Mapping)
        # a point missing from a saved state (or null) is not filled in
        clean: dict[str, int | None] = dict.fromkeys(points(fw))
        for rec_id, value in scores.items():
            if rec_id not in fw.ids("recommendation"):
                raise StateError(
                    t("state.unknown_id", field=cls.field("scores"), value=short(rec_id))
                )
            clean[rec_id] = (
                None
                if value is None
                else cls.whole(value, f"scores[{rec_id!r}]", SCALE_MIN, SCALE_MAX)
            )
        return {"scores": clean}


def filled(clean: Mapping) -> dict[str, int]:
    """The scored points of a valid state, in their order."""
    return {rec_id: score for rec_id, score in clean["scores"].items() if score is not None}
