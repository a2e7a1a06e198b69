"""Verbindend vakmanschap: the framework of Binnema & Geuijen as data, figures and widgets.

Importing the package is cheap: it loads no data and imports neither pandas nor plotly.
The data is read on the first call to :func:`load_framework`.

Public API
----------
load_framework(path=None) -> Framework
    Read and validate ``data/`` (or a lecturer's edited copy at `path`).
Framework
    One pandas DataFrame per data file plus lookups (``quadrant_of``, ``roles_in`` ...).
FrameworkDataError
    Raised for invalid data; lists every problem with file, row and column.
set_language(language), get_language()
    Switch every user-facing string between Dutch ("nl", default) and English ("en").
"""

from .framework import Framework, FrameworkDataError, default_data_path, load_framework
from .i18n import get_language, set_language, t

__version__ = "0.1.0"

__all__ = [
    "AnswersPanel",
    "ClassDashboard",
    "CompetencyProfile",
    "DilemmaExplorer",
    "Framework",
    "FrameworkDataError",
    "Quiz",
    "Reflection",
    "RolePlacer",
    "TensionQuiz",
    "TensionTriangle",
    "answers_table",
    "article_reference",
    "collect",
    "competency_profile",
    "contrast_table",
    "default_data_path",
    "describe",
    "dilemmas_table",
    "get_language",
    "grid_figure",
    "load_framework",
    "models_table",
    "quadrant_overview",
    "research_design_table",
    "set_language",
    "t",
    "tension_triangle",
]

_LAZY = {
    "figures": ("grid_figure", "tension_triangle", "competency_profile", "describe"),
    "widgets": (
        "RolePlacer",
        "TensionTriangle",
        "DilemmaExplorer",
        "CompetencyProfile",
        "Quiz",
        "TensionQuiz",
        "Reflection",
    ),
    "answers": ("AnswersPanel", "collect"),
    "classroom": ("ClassDashboard",),
    "views": (
        "article_reference",
        "models_table",
        "contrast_table",
        "research_design_table",
        "quadrant_overview",
        "dilemmas_table",
        "answers_table",
    ),
}


def __getattr__(name: str):
    """Import figures and widgets (plotly, ipywidgets) only when first used."""
    import importlib

    for module, names in _LAZY.items():
        if name in names:
            return getattr(importlib.import_module(f".{module}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
