"""Placing roles on the 2x2 grid of Tabel 1 (the ``RolePlacer`` exercise)."""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from typing import Any

import pandas as pd

from ..framework import Framework
from ..geometry import quadrant_of_point
from ..i18n import t
from ..markup import repair_text
from .base import MAX_NAME_LENGTH, Exercise, Feedback, Row, Score, StateError, register, short

#: Most roles of their own a student may add.
MAX_CUSTOM_ROLES = 20
#: Where the grid reads positions from: both axes run from -1 to 1.
LOW, HIGH = -1.0, 1.0


def cell_of(fw: Framework, x: float, y: float) -> str:
    """The quadrant id at (`x`, `y`), or ``""`` on a border line."""
    cell = quadrant_of_point(x, y)
    return fw.quadrant_at(*cell) if cell else ""


def in_article_quadrant(fw: Framework, role_id: str, x: float, y: float) -> bool:
    """Whether (`x`, `y`) lies in the quadrant where Tabel 1 puts `role_id`.

    The one rule behind the feedback, the class's agreement and the class figures.
    """
    return cell_of(fw, x, y) == fw.quadrant_of(role_id)


@register
class Placement(Exercise):
    """Place the eight roles of Tabel 1, and roles of one's own, on the grid.

    State: ``roles`` (``{role_id: {"name", "custom", "x", "y"}}``, x and y None until
    placed), ``checked`` (the article's answer is shown) and ``selected`` (the role the
    controls show).
    """

    kind = "RolePlacer"

    def initial(self) -> dict:
        roles = {
            role_id: {"name": self.fw.name("role", role_id), "custom": False, "x": None, "y": None}
            for role_id in self.fw.ids("role")
        }
        return {"roles": roles, "checked": False, "selected": next(iter(roles))}

    # -- actions ---------------------------------------------------------------------------
    def select(self, role_id: str) -> None:
        """Make `role_id` the role the controls show (it is not placed by this)."""
        self._known(role_id)
        self.state["selected"] = role_id
        self.changed()

    def place(self, role_id: str, x: float, y: float) -> None:
        """Place `role_id` at (`x`, `y`), both in [-1, 1], and select it.

        Raises
        ------
        KeyError
            For an unknown role id.
        ValueError
            For a position outside the grid (nothing changes).
        """
        self._known(role_id)
        x = self.number(x, "x", LOW, HIGH)
        y = self.number(y, "y", LOW, HIGH)
        self.state["roles"][role_id].update(x=x, y=y)
        self.state["selected"] = role_id
        self.changed()

    def add_role(self, name: str) -> tuple[str | None, str]:
        """Add a role of one's own (for example a future job) and select it.

        Returns
        -------
        (str or None, str)
            The new role's id and the message key ``placer.added``; or None and the key
            saying why not (``placer.add_empty``, ``state.too_long``,
            ``placer.add_duplicate``, ``placer.add_too_many``).
        """
        name = repair_text(name or "").strip()
        roles = self.state["roles"]
        customs = sum(1 for role in roles.values() if role["custom"])
        if not name:
            return None, "placer.add_empty"
        if len(name) > MAX_NAME_LENGTH:
            return None, "state.too_long"
        if any(role["name"].casefold() == name.casefold() for role in roles.values()):
            return None, "placer.add_duplicate"
        if customs >= MAX_CUSTOM_ROLES:
            return None, "placer.add_too_many"
        role_id = f"eigen_{customs + 1}"
        while role_id in roles:
            role_id += "_"
        roles[role_id] = {"name": name, "custom": True, "x": None, "y": None}
        self.state["selected"] = role_id
        self.changed()
        return role_id, "placer.added"

    def check(self) -> Score:
        """Mark the placements as checked (the article's answer may now be shown)."""
        self.state["checked"] = True
        self.changed()
        return self.score()

    def _known(self, role_id: str) -> None:
        if role_id not in self.state["roles"]:
            raise KeyError(
                t(
                    "err.unknown_id",
                    kind=t("kind.role"),
                    value=role_id,
                    known=", ".join(self.state["roles"]),
                )
            )

    # -- reading -------------------------------------------------------------------------------
    def placements(self) -> pd.DataFrame:
        """One row per role: ``role_id``, ``name``, ``custom``, ``x``, ``y`` (NaN when not
        placed), ``quadrant_id`` (of the placement; empty on a border or when not placed),
        and after checking ``article_quadrant_id`` and ``correct``."""
        rows = []
        checked = self.state["checked"]
        for role_id, role in self.state["roles"].items():
            placed = role["x"] is not None
            quadrant = cell_of(self.fw, role["x"], role["y"]) if placed else ""
            article = "" if role["custom"] or not checked else self.fw.quadrant_of(role_id)
            rows.append(
                {
                    "role_id": role_id,
                    "name": role["name"],
                    "custom": role["custom"],
                    "x": role["x"] if placed else math.nan,
                    "y": role["y"] if placed else math.nan,
                    "quadrant_id": quadrant,
                    "article_quadrant_id": article,
                    "correct": (quadrant == article) if article and placed else None,
                }
            )
        return pd.DataFrame(rows)

    # -- rules -----------------------------------------------------------------------------------
    @classmethod
    def feedback_for(cls, fw: Framework, role_id: str, role: Mapping) -> Feedback:
        """Feedback on one role's placement; for an article role it compares with Tabel 1
        in the terms of section 3 (which distinction differs)."""
        if role["x"] is None:
            return Feedback(role_id, "feedback.unplaced")
        here = cell_of(fw, role["x"], role["y"])
        if role["custom"]:
            return Feedback(role_id, "feedback.custom", {"quadrant_id": here})
        if not here:
            return Feedback(role_id, "feedback.border")
        article = fw.quadrant_of(role_id)
        if here == article:
            return Feedback(role_id, "feedback.right")
        mine, theirs = fw.quadrant(here), fw.quadrant(article)
        wrong = [d for d in ("professionalism", "focus") if mine[d] != theirs[d]]
        return Feedback(
            role_id, "feedback.wrong", {"yours": here, "article": article, "dimensions": wrong}
        )

    @classmethod
    def score_state(cls, clean: dict, fw: Framework) -> Score:
        items = tuple(
            cls.feedback_for(fw, role_id, role) for role_id, role in clean["roles"].items()
        )
        graded = [f for f in items if f.key != "feedback.custom" and f.item in fw.ids("role")]
        points = sum(1 for f in graded if f.key == "feedback.right")
        return Score(points, len(graded), "feedback.summary", items)

    @classmethod
    def rows_of(cls, clean: dict, fw: Framework) -> Iterator[Row]:
        for role_id, role in clean["roles"].items():
            if role["x"] is None:
                continue
            yield role_id, "x", role["x"]
            yield role_id, "y", role["y"]
            if role["custom"]:
                yield role_id, "name", role["name"]
            else:
                yield (
                    role_id,
                    "in_article_quadrant",
                    in_article_quadrant(fw, role_id, role["x"], role["y"]),
                )

    @classmethod
    def sample(cls, fw: Framework) -> dict:
        first, second = fw.ids("role")[:2]
        return {
            "widget": cls.kind,
            "version": cls.version,
            "placements": [
                {"role_id": first, "x": 0.5, "y": 0.5},
                {"role_id": second, "x": -0.25, "y": 0.75},
                {"role_id": "eigen_1", "name": "Mijn functie", "custom": True, "x": 0.1, "y": -0.4},
            ],
            "selected": "eigen_1",
            "checked": True,
        }

    @classmethod
    def dump(cls, clean: dict) -> dict:
        return {
            "placements": [
                {
                    "role_id": role_id,
                    **({"name": role["name"], "custom": True} if role["custom"] else {}),
                    "x": role["x"],
                    "y": role["y"],
                }
                for role_id, role in clean["roles"].items()
                if role["x"] is not None or role["custom"]
            ],
            "selected": clean["selected"],
            "checked": clean["checked"],
        }

    @classmethod
    def _validate(cls, fw: Framework, state: Mapping, ident: str | None) -> dict:
        items = cls.require(state, "placements", list)
        checked = cls.require(state, "checked", bool) if "checked" in state else False
        known = set(fw.ids("role"))
        roles: dict[str, dict[str, Any]] = {
            role_id: {"name": fw.name("role", role_id), "custom": False, "x": None, "y": None}
            for role_id in fw.ids("role")
        }
        customs = 0
        for index, item in enumerate(items):
            path = f"placements[{index}]"
            if not isinstance(item, Mapping):
                raise StateError(t("state.bad_type", field=cls.field(path), value=short(item)))
            role_id = cls.require(item, "role_id", str, f"{path}.role_id")
            custom = item.get("custom", False) is True
            if role_id in roles and (roles[role_id]["x"] is not None or roles[role_id]["custom"]):
                raise StateError(
                    t("state.duplicate", field=cls.field(f"{path}.role_id"), value=short(role_id))
                )
            if custom:
                customs += 1
                if customs > MAX_CUSTOM_ROLES:
                    raise StateError(
                        t("state.too_many", field=cls.field("placements"), limit=MAX_CUSTOM_ROLES)
                    )
                if not role_id.startswith("eigen_") or role_id in known:
                    raise StateError(
                        t(
                            "state.unknown_id",
                            field=cls.field(f"{path}.role_id"),
                            value=short(role_id),
                        )
                    )
                name = cls.name(item.get("name"), f"{path}.name")
                roles[role_id] = {"name": name, "custom": True, "x": None, "y": None}
            elif role_id not in known:
                raise StateError(
                    t("state.unknown_id", field=cls.field(f"{path}.role_id"), value=short(role_id))
                )
            x, y = item.get("x"), item.get("y")
            if x is None and y is None and custom:
                continue
            roles[role_id]["x"] = cls.number(x, f"{path}.x", LOW, HIGH)
            roles[role_id]["y"] = cls.number(y, f"{path}.y", LOW, HIGH)
        selected = state.get("selected")
        if selected is not None and (not isinstance(selected, str) or selected not in roles):
            raise StateError(
                t("state.unknown_id", field=cls.field("selected"), value=short(selected))
            )
        return {"roles": roles, "checked": checked, "selected": selected or next(iter(roles))}
