"""The shapes the framework is drawn on, as plain numbers: no plotting, no GUI.

The 2x2 grid mirrors the two distinctions of Tabel 1 (see :data:`FOCUS_SIGN` and
:data:`PROFESSIONALISM_SIGN` for which side is which); the tension triangle weighs the three
steering models; the self-assessment uses 't Hart's points on a 1-5 scale. Exercise models,
figures and class views all take these rules from here, so each is written once.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

from .i18n import t

if TYPE_CHECKING:
    from .framework import Framework

#: Sign of (x, y) on the grid for each side of the two distinctions.
FOCUS_SIGN = {"intern": -1, "extern": 1}
PROFESSIONALISM_SIGN = {"organisatie": -1, "klassiek": 1}

#: The three steering models, in the order the article discusses them.
MODEL_IDS = ("klassiek", "npm", "netwerk")

#: The scale of the self-assessment on 't Hart's points.
SCALE_MIN, SCALE_MAX = 1, 5


def quadrant_signs(quadrant: Mapping) -> tuple[int, int]:
    """The signs (x, y) of a quadrant's corner of the grid.

    Parameters
    ----------
    quadrant : mapping
        With ``focus`` and ``professionalism`` (a row of ``quadrants.csv``).
    """
    return FOCUS_SIGN[quadrant["focus"]], PROFESSIONALISM_SIGN[quadrant["professionalism"]]


def quadrant_of_point(x: float, y: float) -> tuple[str, str] | None:
    """Return ``(professionalism, focus)`` of a point on the grid, or None on a border."""
    if x == 0 or y == 0:
        return None
    return ("klassiek" if y > 0 else "organisatie", "extern" if x > 0 else "intern")


def article_position(fw: Framework, role_id: str) -> tuple[float, float]:
    """Return where the grid draws `role_id` in the article's placement (Tabel 1)."""
    role = fw.role(role_id)
    quadrant = fw.quadrant(role["quadrant_id"])
    siblings = fw.roles_in(quadrant["quadrant_id"])["role_id"].tolist()
    rank = siblings.index(role_id)
    sx, sy = quadrant_signs(quadrant)
    offset = 0.66 - 0.3 * rank if sy > 0 else 0.3 + 0.3 * rank
    return 0.5 * sx, offset * sy


def normalise_weights(weights: Mapping[str, float]) -> dict[str, float]:
    """Return the three model weights scaled to sum 1.

    Parameters
    ----------
    weights : mapping
        ``{"klassiek": w1, "npm": w2, "netwerk": w3}``; each finite and >= 0, not all 0.

    Raises
    ------
    ValueError
        Naming the model whose weight is missing, negative or not a number, or saying
        that all weights are 0.
    """
    values = {}
    for model_id in MODEL_IDS:
        value = weights.get(model_id)
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
            or value < 0
        ):
            raise ValueError(t("fig.weight_invalid", model=model_id, value=value))
        values[model_id] = float(value)
    total = sum(values.values())
    if total <= 0:
        raise ValueError(t("fig.weights_zero"))
    return {m: v / total for m, v in values.items()}
