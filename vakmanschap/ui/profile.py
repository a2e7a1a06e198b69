"""CompetencyProfile: a self-assessment on 't Hart's (2014) points with a radar chart."""

from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as widgets

from ..exercises import SelfAssessment
from ..framework import Framework
from ..geometry import SCALE_MAX, SCALE_MIN
from ..i18n import localized, t
from ..markup import html
from ..plots import competency_profile
from .base import ExerciseWidget, align, label
from .figure_view import FigureView


class CompetencyProfile(ExerciseWidget):
    """Self-assessment on 't Hart's (2014) points, with a live radar chart.

    Parameters
    ----------
    fw : Framework, optional
    comparison : mapping, optional
        A second profile ``{recommendation_id: score}`` to draw beside yours (e.g. the
        class mean), with `comparison_label` as its name.
    comparison_label : str, optional
    """

    model_class = SelfAssessment
    model: SelfAssessment

    def __init__(
        self,
        fw: Framework | None = None,
        comparison: Mapping | None = None,
        comparison_label: str | None = None,
    ):
        model = SelfAssessment(fw)
        recs = model.fw.recommendations.sort_values("order")
        self.sliders: dict[str, widgets.IntSlider] = {}
        rows = []
        for _, rec in recs.iterrows():
            rec_id = rec["recommendation_id"]
            slider = label(
                widgets.IntSlider(
                    value=model.state["scores"][rec_id], min=SCALE_MIN, max=SCALE_MAX
                ),
                rec[localized("name")],
            )
            slider.tooltip = rec[localized("description")]
            slider.observe(self._forward_score(rec_id), names="value")
            self.sliders[rec_id] = slider
            description = widgets.HTML(html("<small>{}</small>", rec[localized("description")]))
            rows.append(widgets.VBox([slider, description]))
        align(*self.sliders.values())
        self.figure = FigureView(
            competency_profile(
                model.fw,
                scores=model.state["scores"],
                comparison=comparison,
                comparison_label=comparison_label,
            )
        )
        super().__init__(
            model,
            [
                widgets.HTML(html("<p>{}</p>", t("radar.hint"))),
                *rows,
                self.figure,
                widgets.HTML(html("<p><small>{}</small></p>", t("radar.source"))),
            ],
            "vakmanschap-competencyprofile",
        )

    def _forward_score(self, rec_id: str):
        return self.forward(lambda value: self.model.set_score(rec_id, value))

    @property
    def scores(self) -> dict[str, int]:
        """The self-assessment: ``{recommendation_id: score}`` on the scale 1-5."""
        return dict(self.model.state["scores"])

    def render(self) -> None:
        scores = self.model.state["scores"]
        for rec_id, slider in self.sliders.items():
            slider.value = scores[rec_id]
        index = self.figure.traces("self")[0]
        trace = self.figure.data[index]
        names = [str(theta).replace("<br>", " ") for theta in trace.theta]
        values = [scores[rec_id] for rec_id in self.sliders]
        r = [*values, values[0]]
        self.figure.restyle(
            index,
            r=r,
            hovertext=[f"{trace.name}: {n} = {v}" for n, v in zip(names, r, strict=True)],
        )
