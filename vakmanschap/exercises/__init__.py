"""The exercise layer: one model per exercise kind, with no GUI.

Each kind is a subclass of :class:`Exercise` registered with :func:`register`: its state
schema and validation, scoring with feedback keys, and the tidy rows the class views read.
Widgets (``vakmanschap.ui``), the answer store and :func:`vakmanschap.answers.collect` all
find the kinds through :func:`kinds`. Nothing here imports ipywidgets, anywidget or plotly.

Built-in kinds (the ``widget`` name in answer files):

========================  ==================  ==========================================
model                     kind                what the student does
========================  ==================  ==========================================
:class:`Placement`        ``RolePlacer``      place roles on the grid of Tabel 1
:class:`TensionWeights`   ``TensionTriangle`` weigh the three steering models
:class:`QuadrantChoice`   ``DilemmaExplorer`` look at one quadrant's dilemmas
:class:`SelfAssessment`   ``CompetencyProfile`` score oneself on 't Hart's points
:class:`MultipleChoice`   ``Quiz``            answer a multiple-choice question
:class:`TensionQuiz`      ``TensionQuiz``     name and explain the models in tension
:class:`QuoteAssignment`  ``QuoteAttribution`` put unlabelled quotes in their quadrant
:class:`Reflection`       ``Reflection``      write, hand in, then see the model answer
:class:`VignetteAssignment` ``VignettePlacer`` place invented roles, compare with our reading
========================  ==================  ==========================================
"""

from .base import (
    MAX_NAME_LENGTH,
    Exercise,
    Feedback,
    Row,
    Score,
    StateError,
    kind_of,
    kinds,
    register,
)
from .choice import MultipleChoice
from .explorer import QuadrantChoice
from .placement import Placement, in_article_quadrant
from .profile import SelfAssessment
from .quotes import QuoteAssignment
from .reflection import Reflection
from .tension_quiz import TensionQuiz
from .triangle import CASE_KEY, TensionWeights
from .vignettes import VignetteAssignment

__all__ = [
    "CASE_KEY",
    "MAX_NAME_LENGTH",
    "Exercise",
    "Feedback",
    "MultipleChoice",
    "Placement",
    "QuadrantChoice",
    "QuoteAssignment",
    "Reflection",
    "Row",
    "Score",
    "SelfAssessment",
    "StateError",
    "TensionQuiz",
    "TensionWeights",
    "VignetteAssignment",
    "in_article_quadrant",
    "kind_of",
    "kinds",
    "register",
]
