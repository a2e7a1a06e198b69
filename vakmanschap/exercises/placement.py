"""Placing roles on the 2x2 grid of Tabel 1 (the ``RolePlacer`` exercise).

The grid is Tabel 1 as printed: x is professionalism (organisatie -1 … klassiek +1), y is
focus (intern -1 … extern +1). Version 1 of the saved state had the axes the other way
round (x focus, y professionalism); :meth:`Placement.migrate` swaps them when it is read.
"""

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
    placed), ``checked`` ("Controleer" was pressed), ``checked_roles`` (the roles that were
    placed when it was pressed: only their feedback and the article's place of them are
    shown) and ``selected`` (the role the controls show).

    Parameters
    ----------
    fw : Framework, optional
    ident : None
        (The kind has no question id.)
    own_only : bool
        Only the student's own roles are placed (notebook 08): :meth:`score` speaks of
        them alone, without a count of the article's roles. Not saved: it is how the
        exercise is asked, not part of the answer.
    """

    kind = "RolePlacer"
    #: 2: x is professionalism and y focus, as in Tabel 1 (1: the other way round).
    version = 2

    def __init__(
        self, fw: Framework | None = None, ident: str | None = None, *, own_only: bool = False
    ):
        self.own_only = own_only
        super().__init__(fw, ident)

    def initial(self) -> dict:
        roles = {
            role_id: {"name": self.fw.name("role", role_id), "custom": False, "x": None, "y": None}
            for role_id in self.fw.ids("role")
        }
        return {
            "roles": roles,
            "checked": False,
            "checked_roles": [],
            "selected": next(iter(roles)),
        }

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

    def rename_role(self, role_id: str, name: str) -> str:
        """Give a role of one's own another name.

        Returns
        -------
        str
            The message key ``placer.renamed``, or the key saying why not
            (``placer.add_empty``, ``state.too_long``, ``placer.add_duplicate``,
            ``placer.rename_not_own``).
        """
        self._known(role_id)
        name = repair_text(name or "").strip()
        roles = self.state["roles"]
        if not roles[role_id]["custom"]:
            return "placer.rename_not_own"
        if not name:
            return "placer.add_empty"
        if len(name) > MAX_NAME_LENGTH:
            return "state.too_long"
        others = (role for other, role in roles.items() if other != role_id)
        if any(role["name"].casefold() == name.casefold() for role in others):
            return "placer.add_duplicate"
        roles[role_id]["name"] = name
        self.changed()
        return "placer.renamed"

    def own_roles(self) -> list[str]:
        """The ids of the student's own roles, in the order they were added."""
        return [role_id for role_id, role in self.state["roles"].items() if role["custom"]]

    def own_role(self, default_name: str) -> str:
        """The own role the controls should move: the selected one if it is an own role,
        else the first own role, else a new one named `default_name` (selected)."""
        selected = self.state["selected"]
        if self.state["roles"][selected]["custom"]:
            return selected
        own = self.own_roles()
        if own:
            self.select(own[0])
            return own[0]
        role_id, _key = self.add_role(default_name)
        if role_id is None:  # the default name is taken by an article role: add a number
            role_id, _key = self.add_role(f"{default_name} {len(self.state['roles']) + 1}")
        assert role_id is not None
        return role_id

    def check(self) -> Score:
        """Check the roles placed so far: their feedback, and the article's place of each,
        may now be shown; roles not placed yet stay hidden."""
        self.state["checked"] = True
        self.state["checked_roles"] = _placed(self.state["roles"])
        self.changed()
        return self.score()

    def score(self) -> Score:
        """Check the current state (see :meth:`score_state`), in this exercise's mode."""
        return self.score_state(self.state, self.fw, own_only=self.own_only)

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
        ``checked`` (feedback is shown), and for a checked article role
        ``article_quadrant_id`` and ``correct`` (empty and None for the others)."""
        rows = []
        checked = set(self.state["checked_roles"])
        for role_id, role in self.state["roles"].items():
            placed = role["x"] is not None
            quadrant = cell_of(self.fw, role["x"], role["y"]) if placed else ""
            shown = role_id in checked and placed
            article = self.fw.quadrant_of(role_id) if shown and not role["custom"] else ""
            rows.append(
                {
                    "role_id": role_id,
                    "name": role["name"],
                    "custom": role["custom"],
                    "x": role["x"] if placed else math.nan,
                    "y": role["y"] if placed else math.nan,
                    "quadrant_id": quadrant,
                    "checked": shown,
                    "article_quadrant_id": article,
                    "correct": (quadrant == article) if article else None,
                }
            )
        return pd.DataFrame(rows)

    # -- rules -----------------------------------------------------------------------------------
    @classmethod
    def feedback_for(
        cls, fw: Framework, role_id: str, role: Mapping, checked: bool = True
    ) -> Feedback:
        """Feedback on one role's placement.

        For an article role it compares with Tabel 1 in the terms of section 3 (which
        distinction differs); for an own role it says which quadrant it is in
        (``feedback.own``: ``quadrant_id``, ``professionalism``, ``focus``). A placed role
        that was not `checked` gets ``feedback.unchecked``: nothing of the article is told.
        """
        if role["x"] is None:
            return Feedback(role_id, "feedback.unplaced")
        if not checked:
            return Feedback(role_id, "feedback.unchecked")
        here = cell_of(fw, role["x"], role["y"])
        if not here:
            return Feedback(role_id, "feedback.border")
        sides = {d: fw.lookup("quadrant", d) for d in ("professionalism", "focus")}
        if role["custom"]:
            values = {"quadrant_id": here, **{d: side[here] for d, side in sides.items()}}
            return Feedback(role_id, "feedback.own", values)
        article = fw.quadrant_of(role_id)
        if here == article:
            return Feedback(role_id, "feedback.right")
        wrong = [d for d, side in sides.items() if side[here] != side[article]]
        return Feedback(
            role_id, "feedback.wrong", {"yours": here, "article": article, "dimensions": wrong}
        )

    @classmethod
    def score_state(cls, clean: dict, fw: Framework, own_only: bool = False) -> Score:
        """Feedback per role; only roles placed when "Controleer" was pressed are compared.

        Points are the checked article roles in Tabel 1's quadrant, out of the checked article
        roles. The verdict is ``feedback.summary`` once all of them are checked,
        ``feedback.summary_partial`` before, ``feedback.none_checked`` when none is.
        With `own_only` the feedback is on the own roles alone, ungraded (verdict
        ``feedback.own_none`` while there is none).
        """
        checked = set(clean["checked_roles"])
        roles = clean["roles"]
        if own_only:
            items = tuple(
                cls.feedback_for(fw, role_id, role, role_id in checked)
                for role_id, role in roles.items()
                if role["custom"]
            )
            return Score(verdict="" if items else "feedback.own_none", feedback=items)
        items = tuple(
            cls.feedback_for(fw, role_id, role, role_id in checked)
            for role_id, role in roles.items()
        )
        article = set(fw.ids("role"))
        graded = [
            f
            for f in items
            if f.item in article and f.key not in ("feedback.unplaced", "feedback.unchecked")
        ]
        points = sum(1 for f in graded if f.key == "feedback.right")
        if not graded:
            verdict = "feedback.none_checked"
        elif len(graded) == len(article):
            verdict = "feedback.summary"
        else:
            verdict = "feedback.summary_partial"
        return Score(points, len(graded), verdict, items)

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
                {"role_id": second, "x": 0.75, "y": -0.25},
                {"role_id": "eigen_1", "name": "Mijn functie", "custom": True, "x": 0.1, "y": -0.4},
            ],
            "selected": "eigen_1",
            "checked": True,
            "checked_roles": [first, second],
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
            "checked_roles": list(clean["checked_roles"]),
        }

    @classmethod
    def migrate(cls, state: dict, version: int) -> dict:
        """Version 1 had x = focus and y = professionalism: swap them, so every placement
        stays in the quadrant it was in."""
        if version == 1:
            for role in state["roles"].values():
                role["x"], role["y"] = role["y"], role["x"]
        return state

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
        return {
            "roles": roles,
            "checked": checked,
            "checked_roles": cls._checked_roles(state, roles, checked),
            "selected": selected or next(iter(roles)),
        }

    @classmethod
    def _checked_roles(cls, state: Mapping, roles: dict, checked: bool) -> list[str]:
        """The placed roles whose feedback is shown; without the field (version 1) every
        placed role of a checked state."""
        if "checked_roles" not in state:
            return _placed(roles) if checked else []
        value = cls.require(state, "checked_roles", list)
        for index, role_id in enumerate(value):
            if not isinstance(role_id, str) or role_id not in roles:
                raise StateError(
                    t(
                        "state.unknown_id",
                        field=cls.field(f"checked_roles[{index}]"),
                        value=short(role_id),
                    )
                )
        wanted = set(value)
        return [role_id for role_id in _placed(roles) if role_id in wanted]


def _placed(roles: Mapping) -> list[str]:
    """The ids of the placed roles, in the state's order."""
    return [role_id for role_id, role in roles.items() if role["x"] is not None]
