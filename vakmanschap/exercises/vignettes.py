"""Placing roles the article does not discuss in a quadrant of Tabel 1 (the
``VignettePlacer`` exercise).

The vignettes are rows of ``data/vignettes.csv``: short descriptions of municipal roles we
invented (a wijkcoördinator, a Wmo-consulent, ...). The student chooses a quadrant per
vignette and justifies it in one sentence. There is no article answer: the comparison is with
our reading (``quadrant_id``, ``reasoning_*``), and where a vignette is ambiguous another
quadrant counts as defensible (``defensible_quadrant_id``, ``defensible_reasoning_*``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..framework import Framework
from ..i18n import t
from ..markup import repair_text
from .base import (
    Exercise,
    Feedback,
    Row,
    Score,
    StateError,
    assign_quadrant,
    register,
    short,
)

#: Longest sentence a student may write per vignette (one sentence, not an essay).
MAX_REASON_LENGTH = 300
#: The verdicts of a chosen quadrant, as message keys: ours, defensible, another.
VERDICTS = ("vignettes.goed", "vignettes.verdedigbaar", "vignettes.anders")


def readings(fw: Framework) -> dict[str, tuple[str, str | None]]:
    """``{vignette id: (our quadrant id, the defensible quadrant id or None)}``."""
    frame = fw.vignettes
    return {
        vignette_id: (ours, other or None)
        for vignette_id, ours, other in zip(
            frame["vignette_id"],
            frame["quadrant_id"],
            frame["defensible_quadrant_id"],
            strict=True,
        )
    }


def verdict_of(fw: Framework, vignette_id: str, chosen: str | None) -> str:
    """The message key for `chosen` on `vignette_id`: ``vignettes.goed`` (our quadrant),
    ``vignettes.verdedigbaar`` (the defensible one), ``vignettes.anders`` (another) or
    ``vignettes.unanswered`` (None).

    The one rule behind the feedback and the class rows.
    """
    if chosen is None:
        return "vignettes.unanswered"
    ours, other = readings(fw)[vignette_id]
    if chosen == ours:
        return "vignettes.goed"
    return "vignettes.verdedigbaar" if chosen == other else "vignettes.anders"


@register
class VignetteAssignment(Exercise):
    """Give each vignette a quadrant and a sentence why.

    State: ``vignette_ids`` (the vignettes of this exercise, in the order shown),
    ``answers`` (vignette id -> the chosen quadrant id; a vignette without one is left
    out), ``reasons`` (vignette id -> the student's sentence, at most
    :data:`MAX_REASON_LENGTH` characters; empty ones are left out) and ``checked``
    ("Controleer" was pressed and no quadrant changed since).

    Parameters
    ----------
    fw : Framework, optional
    vignette_ids : sequence of str, optional
        Ids from ``vignettes.csv``; default every vignette, in file order.
    """

    kind = "VignettePlacer"

    def __init__(self, fw: Framework | None = None, vignette_ids: tuple[str, ...] | None = None):
        self._vignette_ids = None if vignette_ids is None else tuple(vignette_ids)
        super().__init__(fw)

    def initial(self) -> dict:
        known = readings(self.fw)
        vignette_ids = tuple(known) if self._vignette_ids is None else self._vignette_ids
        for vignette_id in vignette_ids:
            if vignette_id not in known:
                raise KeyError(
                    t(
                        "err.unknown_id",
                        kind=t("kind.vignette"),
                        value=vignette_id,
                        known=", ".join(known),
                    )
                )
        return {"vignette_ids": vignette_ids, "answers": {}, "reasons": {}, "checked": False}

    # -- what the student does ---------------------------------------------------------
    def assign(self, vignette_id: str, quadrant_id: str | None) -> None:
        """Put `vignette_id` in `quadrant_id` (None: no answer); a changed quadrant must be
        checked again."""
        self._known(vignette_id)
        assign_quadrant(self, vignette_id, quadrant_id)

    def explain(self, vignette_id: str, text: str) -> None:
        """Keep `text` as the sentence on `vignette_id` (repaired, cut to
        :data:`MAX_REASON_LENGTH` characters; empty removes it).

        The verdict depends on the quadrant only, so a checked answer stays checked: the
        feedback shows the sentence as it is now.
        """
        self._known(vignette_id)
        text = repair_text(str(text))[:MAX_REASON_LENGTH]
        reasons = dict(self.state["reasons"])
        if text.strip():
            reasons[vignette_id] = text
        else:
            reasons.pop(vignette_id, None)
        if reasons == self.state["reasons"]:
            return
        self.state["reasons"] = reasons
        self.changed()

    def check(self) -> Score:
        """Compare every chosen quadrant with our reading."""
        self.state["checked"] = True
        self.changed()
        return self.score()

    def _known(self, vignette_id: str) -> None:
        if vignette_id not in self.state["vignette_ids"]:
            raise KeyError(t("state.unknown_id", field="answers", value=short(vignette_id)))

    # -- the rule ------------------------------------------------------------------------
    @classmethod
    def score_state(cls, clean: dict, fw: Framework) -> Score:
        """Per vignette a :class:`Feedback` with the key of :func:`verdict_of` and the values
        ``chosen`` (a quadrant id or None), ``ours``, ``defensible`` (a quadrant id or None)
        and ``reason`` (the sentence, ``""`` if none). A point for our quadrant and for a
        defensible one, out of all vignettes; verdict ``vignettes.verdict``."""
        known = readings(fw)
        items = []
        for vignette_id in clean["vignette_ids"]:
            chosen = clean["answers"].get(vignette_id)
            ours, other = known[vignette_id]
            values = {
                "chosen": chosen,
                "ours": ours,
                "defensible": other,
                "reason": clean["reasons"].get(vignette_id, ""),
            }
            items.append(Feedback(vignette_id, verdict_of(fw, vignette_id, chosen), values))
        points = sum(item.key in VERDICTS[:2] for item in items)
        return Score(points, len(items), "vignettes.verdict", tuple(items))

    @classmethod
    def rows_of(cls, clean: dict, fw: Framework) -> Iterator[Row]:
        """Per vignette (item: the vignette id) the chosen quadrant (``choice``), the
        sentence (``reason``) and, once checked, the ``verdict`` (``goed``,
        ``verdedigbaar`` or ``anders``)."""
        for vignette_id in clean["vignette_ids"]:
            chosen = clean["answers"].get(vignette_id)
            if chosen is not None:
                yield vignette_id, "choice", chosen
            if vignette_id in clean["reasons"]:
                yield vignette_id, "reason", clean["reasons"][vignette_id]
            if clean["checked"] and chosen is not None:
                key = verdict_of(fw, vignette_id, chosen)
                yield vignette_id, "verdict", key.removeprefix("vignettes.")

    # -- the saved state -------------------------------------------------------------------
    @classmethod
    def sample(cls, fw: Framework) -> dict:
        known = readings(fw)
        vignette_ids = list(known)
        first, second = vignette_ids[:2]
        other = next(q for q in fw.ids("quadrant") if q not in known[second])
        return {
            "widget": cls.kind,
            "version": cls.version,
            "vignette_ids": vignette_ids,
            "answers": {first: known[first][0], second: other},
            "reasons": {first: "Geen beschermd beroep, en het werk is op de wijk gericht."},
            "checked": True,
        }

    @classmethod
    def dump(cls, clean: dict) -> dict:
        order = clean["vignette_ids"]
        return {
            "vignette_ids": list(order),
            "answers": {v: clean["answers"][v] for v in order if v in clean["answers"]},
            "reasons": {v: clean["reasons"][v] for v in order if v in clean["reasons"]},
            "checked": clean["checked"],
        }

    @classmethod
    def _validate(cls, fw: Framework, state: Mapping, ident: str | None) -> dict:
        known = readings(fw)
        vignette_ids = cls.id_list(state, "vignette_ids", known)
        answers = cls.quadrant_answers(fw, cls._per_vignette(state, "answers", vignette_ids))
        reasons = {}
        for vignette_id, text in cls._per_vignette(state, "reasons", vignette_ids):
            path = cls.field(f"reasons.{vignette_id}")
            if not isinstance(text, str):
                raise StateError(t("state.bad_type", field=path, value=short(text)))
            text = repair_text(text)
            if len(text) > MAX_REASON_LENGTH:
                raise StateError(t("state.too_long", field=path, limit=MAX_REASON_LENGTH))
            if text.strip():
                reasons[vignette_id] = text
        return {
            "vignette_ids": tuple(vignette_ids),
            "answers": answers,
            "reasons": reasons,
            "checked": cls.flag(state, "checked"),
        }

    @classmethod
    def _per_vignette(cls, state: Mapping, key: str, vignette_ids: list) -> Iterator[tuple]:
        """The items of the mapping ``state[key]`` (optional, default empty), each keyed by a
        vignette of this exercise."""
        raw = cls.require(state, key, Mapping) if key in state else {}
        for vignette_id, value in raw.items():
            if vignette_id not in vignette_ids:
                raise StateError(
                    t("state.unknown_id", field=cls.field(key), value=short(vignette_id))
                )
            yield vignette_id, value
