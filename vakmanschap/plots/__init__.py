"""Plotly figures of the framework (no widgets): the 2x2 grid, the tension triangle, the
competency radar, and the class figures.

Every function returns a :class:`plotly.graph_objects.Figure`, takes the
:class:`~vakmanschap.Framework` (default: :func:`~vakmanschap.load_framework`) and follows
:func:`~vakmanschap.set_language`. To show one in a notebook with the browser in sync, wrap
it in :class:`vakmanschap.ui.figure_view.FigureView` (``vk.show(fig)``).
"""

from ..geometry import (
    FOCUS_SIGN,
    MODEL_IDS,
    PROFESSIONALISM_SIGN,
    SCALE_MAX,
    SCALE_MIN,
    article_position,
    normalise_weights,
    quadrant_of_point,
    quadrant_signs,
)
from .grid import density_trace, grid_figure
from .radar import competency_profile
from .style import (
    CORNERS,
    MODEL_STYLE,
    OKABE_ITO,
    QUADRANT_STYLE,
    describe,
    dilemma_numbers,
    escape,
    role_numbers,
    wrap,
)
from .triangle import tension_triangle

__all__ = [
    "CORNERS",
    "FOCUS_SIGN",
    "MODEL_IDS",
    "MODEL_STYLE",
    "OKABE_ITO",
    "PROFESSIONALISM_SIGN",
    "QUADRANT_STYLE",
    "SCALE_MAX",
    "SCALE_MIN",
    "article_position",
    "competency_profile",
    "density_trace",
    "describe",
    "dilemma_numbers",
    "escape",
    "grid_figure",
    "normalise_weights",
    "quadrant_of_point",
    "quadrant_signs",
    "role_numbers",
    "tension_triangle",
    "wrap",
]
