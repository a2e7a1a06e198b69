"""CompetencyProfile: a self-assessment on 't Hart's (2014) points with a radar chart."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import ipywidgets as widgets

from ..exercises import SelfAssessment
from ..framework import Framework
from ..geometry import SCALE_MAX, SCALE_MIN
from ..i18n import localized, t
from ..markup import Markup, html, join
from ..plots import competency_profile
from ..plots.radar import hover_texts
from .base import ExerciseWidget, align, label
from .figure_view import FigureView

#: The slider position of a point not filled in (left of 1).
UNSET = 0
#: The levels that have a description in the data (``level_1_nl`` ...).
ANCHORS = (1, 3, 5)


class CompetencyProfile(ExerciseWidget):
    """Self-assessment on 't Hart's (2014) points, with a live radar chart.

    Every point has a slider that starts at "niet ingevuld" (left of 1): a point counts only
    once the student moves it to a score, and moving it back to the far left unsets it
    (arrow keys work). Under each point the level descriptions for 1, 3 and 5 (the
    project's anchors, from ``recommendations.csv``) and the description of the level
    chosen are shown. The radar draws only the points filled in.

    Parameters
    ----------
    fw : Framework, optional
    comparison : mapping, optional
        A second profile ``{recommendation_id: score}`` to draw beside yours (e.g. the
        class mean), with `comparison_label` as its name.
    comparison_label : str, optional

    Attributes
    ----------
    sliders : dict of ipywidgets.SelectionSlider
        Per point; the value is the score, or :data:`UNSET` (0).
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
        self.recs = model.fw.recommendations.sort_values("order").set_index("recommendation_id")
        self.sliders: dict[str, widgets.SelectionSlider] = {}
        self.levels: dict[str, widgets.HTML] = {}
        options = [(t("radar.unset"), UNSET)] + [
            (str(n), n) for n in range(SCALE_MIN, SCALE_MAX + 1)
        ]
        rows = []
        for rec_id, rec in self.recs.iterrows():
            slider = label(
                widgets.SelectionSlider(options=options, value=UNSET),
                rec[localized("name")],
            )
            slider.layout.width = "min(640px, 100%)"
            slider.tooltip = rec[localized("description")]
            slider.observe(self._forward_score(str(rec_id)), names="value")
            self.sliders[str(rec_id)] = slider
            self.levels[str(rec_id)] = widgets.HTML()
            description = widgets.HTML(html("<small>{}</small>", rec[localized("description")]))
            rows.append(widgets.VBox([slider, description, self.levels[str(rec_id)]]))
        align(*self.sliders.values())
        self.count = widgets.HTML()
        self._label = t("radar.self")
        self.figure = FigureView(
            competency_profile(
                model.fw,
                scores=model.state["scores"],
                comparison=comparison,
                label=self._label,
                comparison_label=comparison_label,
            )
        )
        notes = html(
            "<p><small>{}</small></p><p><small>{}</small></p>",
            t("radar.managers_note"),
            t("radar.anchors_note"),
        )
        super().__init__(
            model,
            [
                widgets.HTML(html("<p>{}</p>", t("radar.hint"))),
                widgets.HTML(notes),
                *rows,
                self.count,
                self.figure,
                widgets.HTML(html("<p><small>{}</small></p>", t("radar.source"))),
            ],
            "vakmanschap-competencyprofile",
        )

    def _forward_score(self, rec_id: str) -> Callable[[dict], None]:
        return self.forward(
            lambda value: self.model.set_score(rec_id, None if value == UNSET else value)
        )

    @property
    def scores(self) -> dict[str, int | None]:
        """The self-assessment: ``{recommendation_id: score}`` on the scale 1-5, None for a
        point not filled in."""
        return dict(self.model.state["scores"])

    def set_score(self, rec_id: str, score: int | None) -> None:
        """Score one point (1-5), or unset it with None."""
        self.model.set_score(rec_id, score)

    def render(self) -> None:
        scores = self.model.state["scores"]
        for rec_id, slider in self.sliders.items():
            score = scores[rec_id]
            slider.value = UNSET if score is None else score
            self.levels[rec_id].value = self._levels_html(rec_id, score)
        filled = self.model.filled()
        self.count.value = html(
            "<p role='status'>{}</p>", t("radar.filled", count=len(filled), total=len(scores))
        )
        index = self.figure.traces("self")[0]
        trace = self.figure.data[index]
        names = [str(theta) for theta in trace.theta[:-1]]
        values = [scores[rec_id] for rec_id in self.sliders]
        complete = len(filled) == len(values)
        self.figure.restyle(
            index,
            r=[*values, values[0]],
            fill="toself" if complete else "none",
            hovertext=hover_texts(self._label, names, values),
        )

    def _levels_html(self, rec_id: str, score: int | None) -> Markup:
        """The anchors for 1, 3 and 5, the chosen level in bold."""
        rec = self.recs.loc[rec_id]
        items = []
        for level in ANCHORS:
            text = rec.get(localized(f"level_{level}"), "")
            if not text:
                continue
            template = "<li><b>{} = {}</b></li>" if score == level else "<li>{} = {}</li>"
            items.append(html(template, level, text))
        if not items:
            return html("")
        return html("<small><ul class='vakmanschap-levels'>{}</ul></small>", join(items))
