"""DilemmaExplorer: one quadrant's roles, competencies, quotes and dilemmas, with the
dilemmas highlighted in the tension triangle."""

from __future__ import annotations

import ipywidgets as widgets

from ..exercises import QuadrantChoice
from ..framework import Framework
from ..i18n import localized, t
from ..plots import tension_triangle
from ..views import quadrant_html
from .base import ExerciseWidget, label
from .figure_view import FigureView
from .triangle import show_dilemmas


class DilemmaExplorer(ExerciseWidget):
    """Choose a quadrant and see its roles, competencies, quotes and dilemmas.

    Parameters
    ----------
    fw : Framework, optional
    quadrant_id : str, optional
        Quadrant to start with (default: the first, section 4.1).
    """

    model_class = QuadrantChoice
    model: QuadrantChoice

    def __init__(self, fw: Framework | None = None, quadrant_id: str | None = None):
        model = QuadrantChoice(fw, quadrant_id)
        fw = model.fw
        options = [
            (f"§{row['section']} {row[localized('name')]}", row["quadrant_id"])
            for _, row in fw.quadrants.sort_values("section").iterrows()
        ]
        self.quadrant = label(
            widgets.Dropdown(options=options, value=model.state["quadrant"]),
            t("explorer.quadrant"),
        )
        self.quadrant.layout.width = "100%"
        self.details = widgets.HTML()
        self.figure = FigureView(
            tension_triangle(fw, dilemma_ids=list(fw.dilemmas["dilemma_id"]), stack="quadrant")
        )
        self.quadrant.observe(self.forward(model.choose), names="value")
        super().__init__(
            model, [self.quadrant, self.details, self.figure], "vakmanschap-dilemmaexplorer"
        )

    def render(self) -> None:
        quadrant_id = self.model.state["quadrant"]
        self.quadrant.value = quadrant_id
        with self.figure.hold():
            show_dilemmas(self.figure, set(self.model.dilemmas()))
        self.details.value = quadrant_html(self.fw, quadrant_id)
