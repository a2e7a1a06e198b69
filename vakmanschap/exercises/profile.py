"""Self-assessment on 't Hart's (2014) points (the ``CompetencyProfile`` exercise)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..framework import Framework
from ..geometry import SCALE_MAX, SCALE_MIN
from ..i18n import t
from .base import Exercise, Row, Score, StateError, register, short

#: The score every point starts at.
START = 3


def points(fw: Framework) -> list[str]:
    """'t Hart's points (``recommendations.csv``) in their order."""
    order = fw.lookup("recommendation", "order")
    return sorted(order, key=order.__getitem__)


@register
class SelfAssessment(Exercise):
    """A score from 1 to 5 on each of 't Hart's points. State: ``scores``
    (``{recommendation_id: int}``)."""

    kind = "CompetencyProfile"

    def initial(self) -> dict:
        return {"scores": {rec_id: START for rec_id in points(self.fw)}}

    def set_score(self, recommendation_id: str, score: float) -> None:
        """Score one point; raises ``ValueError`` naming it when out of range."""
        if recommendation_id not in self.state["scores"]:
            raise KeyError(t("state.unknown_id", field="scores", value=short(recommendation_id)))
        value = self.whole(score, f"scores[{recommendation_id!r}]", SCALE_MIN, SCALE_MAX)
        self.state["scores"][recommendation_id] = value
        self.changed()

    @classmethod
    def score_state(cls, clean: dict, fw: Framework) -> Score:
        """Ungraded: a self-assessment has no right answer."""
        return Score()

    @classmethod
    def rows_of(cls, clean: dict, fw: Framework) -> Iterator[Row]:
        for rec_id, score in clean["scores"].items():
            yield rec_id, "score", score

    @classmethod
    def sample(cls, fw: Framework) -> dict:
        scores = {rec_id: 1 + i % 5 for i, rec_id in enumerate(fw.ids("recommendation"))}
        return {"widget": cls.kind, "version": cls.version, "scores": scores}

    @classmethod
    def dump(cls, clean: dict) -> dict:
        return {"scores": dict(clean["scores"])}

    @classmethod
    def _validate(cls, fw: Framework, state: Mapping, ident: str | None) -> dict:
        scores = cls.require(state, "scores", Mapping)
        # points missing from a saved state keep the starting score
        clean = {rec_id: START for rec_id in points(fw)}
        for rec_id, value in scores.items():
            if rec_id not in fw.ids("recommendation"):
                raise StateError(
                    t("state.unknown_id", field=cls.field("scores"), value=short(rec_id))
                )
            clean[rec_id] = cls.whole(value, f"scores[{rec_id!r}]", SCALE_MIN, SCALE_MAX)
        return {"scores": clean}
