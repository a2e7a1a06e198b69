"""Old import path of the widgets: they now live in :mod:`vakmanschap.ui`, one module each,
as views over the models of :mod:`vakmanschap.exercises`."""

from .exercises import MAX_NAME_LENGTH, StateError
from .exercises.triangle import CASE_KEY
from .ui.explorer import DilemmaExplorer
from .ui.figure_view import FigureView
from .ui.placer import RolePlacer
from .ui.profile import CompetencyProfile
from .ui.quiz import Quiz, TensionQuiz
from .ui.reflection import Reflection
from .ui.triangle import TensionTriangle
from .views import quadrant_html

__all__ = [
    "CASE_KEY",
    "MAX_NAME_LENGTH",
    "CompetencyProfile",
    "DilemmaExplorer",
    "FigureView",
    "Quiz",
    "Reflection",
    "RolePlacer",
    "StateError",
    "TensionQuiz",
    "TensionTriangle",
    "quadrant_html",
]
