"""Class results for lecturers, from collected answer files.

- :mod:`.tables`: tables from the tidy rows each exercise kind yields (pandas only);
- :mod:`.export`: the standalone HTML handout, the CSV export, a synthetic class;
- :mod:`.figures`: the class figures (plotly); the dashboard of the lecturer notebook:
  :func:`vakmanschap.ui.dashboard.ClassDashboard`. Both are importable from here too (lazily,
  so that the tables and the CSV do not import plotly or ipywidgets).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .export import (
    agreement_html,
    answers_csv,
    handout_html,
    quiz_html,
    reflections_html,
    report_html,
    synthetic_class,
    table_html,
)
from .tables import agreement, placements, quiz_results, reflections, scores, weights

if TYPE_CHECKING:
    from ..ui.dashboard import ClassDashboard
    from .figures import (
        agreement_figure,
        class_figures,
        placements_figure,
        scores_figure,
        triangle_figure,
    )

_LAZY = {
    "agreement_figure": ".figures",
    "class_figures": ".figures",
    "placements_figure": ".figures",
    "scores_figure": ".figures",
    "triangle_figure": ".figures",
    "ClassDashboard": "..ui.dashboard",
}

__all__ = [
    "ClassDashboard",
    "agreement",
    "agreement_figure",
    "agreement_html",
    "answers_csv",
    "class_figures",
    "handout_html",
    "placements",
    "placements_figure",
    "quiz_html",
    "quiz_results",
    "reflections",
    "reflections_html",
    "report_html",
    "scores",
    "scores_figure",
    "synthetic_class",
    "table_html",
    "triangle_figure",
    "weights",
]


def __getattr__(name: str) -> Any:
    """Class figures and the dashboard, imported only when asked for."""
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
