"""Verbindend vakmanschap: the framework of Binnema & Geuijen as data, figures and widgets.

Importing the package is cheap: it loads no data and imports neither pandas nor plotly.
The data is read on the first call to :func:`load_framework`; every other name is imported
on first use (``dir(vk)`` lists them all, and type checkers see them).

Layers (see ``docs/architecture.md``): ``data/`` -> :mod:`.framework` -> :mod:`.exercises`
(models, no GUI) -> :mod:`.ui` (widgets) -> :mod:`.answers` (files) -> :mod:`.classroom`
(class views); :mod:`.plots` draws figures for both sides.

Public API
----------
load_framework(path=None) -> Framework
    Read and validate ``data/`` (or a lecturer's edited copy at `path`).
Framework, FrameworkDataError
    The data with lookups; the error listing every problem with file, row and column.
set_language(language), get_language()
    Switch every user-facing string between Dutch ("nl", default) and English ("en").
RolePlacer, TensionTriangle, DilemmaExplorer, CompetencyProfile, Quiz, TensionQuiz, Reflection
    The exercises (widgets); ``Class.get(key)`` in notebooks.
grid_figure, tension_triangle, competency_profile, describe, show
    Figures, and ``show(fig)`` to display one in sync with the browser.
AnswersPanel, collect, ClassDashboard
    The student's answer file, and a class's files for lecturers.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .framework import Framework, FrameworkDataError, default_data_path, load_framework
from .i18n import get_language, set_language, t

if TYPE_CHECKING:
    from .answers import collect
    from .plots import competency_profile, describe, grid_figure, tension_triangle
    from .ui.answers_panel import AnswersPanel
    from .ui.dashboard import ClassDashboard
    from .ui.explorer import DilemmaExplorer
    from .ui.figure_view import FigureView, show
    from .ui.placer import RolePlacer
    from .ui.profile import CompetencyProfile
    from .ui.quiz import Quiz, TensionQuiz
    from .ui.quotes import QuoteAttribution
    from .ui.reflection import Reflection
    from .ui.triangle import TensionTriangle
    from .ui.vignettes import VignettePlacer
    from .views import (
        answers_table,
        article_reference,
        contrast_table,
        dilemmas_table,
        models_table,
        quadrant_overview,
        research_design_table,
    )

__version__ = "0.1.0"

#: Where each lazily imported public name lives.
_LAZY = {
    "grid_figure": "plots",
    "tension_triangle": "plots",
    "competency_profile": "plots",
    "describe": "plots",
    "FigureView": "ui.figure_view",
    "show": "ui.figure_view",
    "RolePlacer": "ui.placer",
    "TensionTriangle": "ui.triangle",
    "DilemmaExplorer": "ui.explorer",
    "CompetencyProfile": "ui.profile",
    "Quiz": "ui.quiz",
    "TensionQuiz": "ui.quiz",
    "QuoteAttribution": "ui.quotes",
    "Reflection": "ui.reflection",
    "VignettePlacer": "ui.vignettes",
    "AnswersPanel": "ui.answers_panel",
    "ClassDashboard": "ui.dashboard",
    "collect": "answers",
    "article_reference": "views",
    "models_table": "views",
    "contrast_table": "views",
    "research_design_table": "views",
    "quadrant_overview": "views",
    "dilemmas_table": "views",
    "answers_table": "views",
}

__all__ = [
    "AnswersPanel",
    "ClassDashboard",
    "CompetencyProfile",
    "DilemmaExplorer",
    "FigureView",
    "Framework",
    "FrameworkDataError",
    "Quiz",
    "QuoteAttribution",
    "Reflection",
    "RolePlacer",
    "TensionQuiz",
    "TensionTriangle",
    "VignettePlacer",
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
    "show",
    "t",
    "tension_triangle",
]


def __getattr__(name: str) -> Any:
    """Import figures, widgets and views (plotly, ipywidgets) only when first used."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # the next look-up is an ordinary attribute
    return value


def __dir__() -> list[str]:
    """The public names, also those not imported yet (for completion and ``dir(vk)``)."""
    return sorted(set(globals()) | set(__all__))
