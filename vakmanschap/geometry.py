"""The shapes the framework is drawn on, as plain numbers: no plotting, no GUI.

The 2x2 grid is Tabel 1 as the article prints it: professionalism in the columns (x:
organisatie left, klassiek right, :data:`PROFESSIONALISM_SIGN`) and focus in the rows (y:
extern at the top, intern at the bottom, :data:`FOCUS_SIGN`). The tension triangle weighs the
three steering models; the self-assessment uses 't Hart's points on a 1-5 scale. Exercise
models, figures and class views all take these rules from here, so each is written once.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

from .i18n import t

if TYPE_CHECKING:
    from .framework import Framework

#: Sign of x for each side of professionalism: Tabel 1's columns (organisatie left).
PROFESSIONALISM_SIGN = {"organisatie": -1, "klassiek": 1}
#: Sign of y for each side of focus: Tabel 1's rows (extern above intern).
FOCUS_SIGN = {"intern": -1, "extern": 1}
#: Which distinction each axis shows.
AXES = {"x": "professionalism", "y": "focus"}

#: Where the article's roles sit in a quadrant: in the middle of the column (|x| = 0.5), one
#: above the other with the label under the marker, from the first |y| to the last (by their
#: order in ``roles.csv``), per row (the sign of y). The quadrant's title takes the outer
#: edge (the top of the upper row, the bottom of the lower row), so the roles keep to the
#: inner part there. ``tests/test_figures.py`` checks that no two labels overlap, nor a label
#: and a title.
ARTICLE_ROWS = {1: (0.55, 0.25), -1: (0.2, 0.5)}
ARTICLE_COLUMN = 0.5

#: The three steering models, in the order the article discusses them.
MODEL_IDS = ("klassiek", "npm", "netwerk")

#: The scale of the self-assessment on 't Hart's points.
SCALE_MIN, SCALE_MAX = 1, 5


def quadrant_signs(quadrant: Mapping) -> tuple[int, int]:
    """The signs (x, y) of a quadrant's corner of the grid.

    Parameters
    ----------
    quadrant : mapping
        With ``professionalism`` (gives x) and ``focus`` (gives y): a row of
        ``quadrants.csv``.
    """
    return PROFESSIONALISM_SIGN[quadrant["professionalism"]], FOCUS_SIGN[quadrant["focus"]]


def quadrant_of_point(x: float, y: float) -> tuple[str, str] | None:
    """Return ``(professionalism, focus)`` of a point on the grid, or None on a border.

    x is professionalism (klassiek > 0), y is focus (extern > 0), as in Tabel 1.
    """
    if x == 0 or y == 0:
        return None
    return ("klassiek" if x > 0 else "organisatie", "extern" if y > 0 else "intern")


def article_position(fw: Framework, role_id: str) -> tuple[float, float]:
    """Return where the grid draws `role_id` in the article's placement (Tabel 1): in its
    quadrant, at its rank among the quadrant's roles (see :data:`ARTICLE_ROWS`)."""
    quadrant_id = fw.quadrant_of(role_id)  # a KeyError naming the known roles if unknown
    siblings = [r for r, q in fw.lookup("role", "quadrant_id").items() if q == quadrant_id]
    sx, sy = quadrant_signs(
        {side: fw.lookup("quadrant", side)[quadrant_id] for side in ("professionalism", "focus")}
    )
    first, last = ARTICLE_ROWS[sy]
    rank, count = siblings.index(role_id), len(siblings)
    dy = first if count == 1 else first + (last - first) * rank / (count - 1)
    return ARTICLE_COLUMN * sx, round(dy, 3) * sy


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
