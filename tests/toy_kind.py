"""A toy exercise kind, registered from this one file only: the registry test shows that a new
kind needs nothing else to be saved, validated and collected."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from vakmanschap.exercises import Exercise, Feedback, Row, Score, register


@register
class Thermometer(Exercise):
    """How warm the student feels about the article, 0-10."""

    kind = "Thermometer"

    def initial(self) -> dict:
        return {"degrees": 5}

    @classmethod
    def sample(cls, fw) -> dict:
        return {"widget": cls.kind, "version": cls.version, "degrees": 7}

    @classmethod
    def _validate(cls, fw, state: Mapping, ident) -> dict:
        return {"degrees": cls.whole(cls.require(state, "degrees", int), "degrees", 0, 10)}

    @classmethod
    def dump(cls, clean: dict) -> dict:
        return {"degrees": clean["degrees"]}

    @classmethod
    def score_state(cls, clean: dict, fw) -> Score:
        return Score(feedback=(Feedback("degrees", "toy.degrees", dict(clean)),))

    @classmethod
    def rows_of(cls, clean: dict, fw) -> Iterator[Row]:
        yield "article", "degrees", clean["degrees"]
