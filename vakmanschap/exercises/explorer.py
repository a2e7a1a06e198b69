"""Exploring one quadrant's roles, competencies, quotes and dilemmas (the
``DilemmaExplorer``)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..framework import Framework
from ..i18n import t
from .base import Exercise, Feedback, Row, Score, StateError, register, short


@register
class QuadrantChoice(Exercise):
    """Which quadrant the student is looking at. State: ``quadrant``."""

    kind = "DilemmaExplorer"

    def __init__(self, fw: Framework | None = None, quadrant_id: str | None = None):
        super().__init__(fw)
        if quadrant_id is not None:
            self.fw.quadrant(quadrant_id)  # KeyError listing the known ones
            self.state["quadrant"] = quadrant_id

    def initial(self) -> dict:
        first = self.fw.quadrants.sort_values("section")["quadrant_id"].iloc[0]
        return {"quadrant": str(first)}

    def choose(self, quadrant_id: str) -> None:
        """Look at `quadrant_id`."""
        self.fw.quadrant(quadrant_id)
        self.state["quadrant"] = quadrant_id
        self.changed()

    def dilemmas(self) -> list[str]:
        """The dilemmas of the chosen quadrant."""
        return self.fw.dilemmas_in(self.state["quadrant"])["dilemma_id"].tolist()

    @classmethod
    def score_state(cls, clean: dict, fw: Framework) -> Score:
        """Ungraded: which dilemmas the article gives for the chosen quadrant."""
        dilemmas = fw.dilemmas_in(clean["quadrant"])["dilemma_id"].tolist()
        return Score(
            feedback=(Feedback(clean["quadrant"], "explorer.models", {"dilemmas": dilemmas}),)
        )

    @classmethod
    def rows_of(cls, clean: dict, fw: Framework) -> Iterator[Row]:
        yield "quadrant", "chosen", clean["quadrant"]

    @classmethod
    def sample(cls, fw: Framework) -> dict:
        return {"widget": cls.kind, "version": cls.version, "quadrant": fw.ids("quadrant")[-1]}

    @classmethod
    def dump(cls, clean: dict) -> dict:
        return {"quadrant": clean["quadrant"]}

    @classmethod
    def _validate(cls, fw: Framework, state: Mapping, ident: str | None) -> dict:
        quadrant = cls.require(state, "quadrant", str)
        if quadrant not in fw.ids("quadrant"):
            raise StateError(
                t("state.unknown_id", field=cls.field("quadrant"), value=short(quadrant))
            )
        return {"quadrant": quadrant}
