"""TensionTriangle: weigh the three steering models for a role, a dilemma or one's case."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from ..exercises import TensionWeights
from ..exercises.triangle import CASE_KEY, article_dilemmas
from ..framework import Framework
from ..geometry import MODEL_IDS, normalise_weights
from ..i18n import localized, t
from ..markup import html
from ..plots import OKABE_ITO, tension_triangle, wrap
from .base import ExerciseWidget, align, label, status
from .figure_view import FigureView

#: Trace roles that show the article's reading of a dilemma.
ANSWER_ROLES = ("dilemma", "poles", "reinforcement")


def show_dilemmas(view: FigureView, shown: set[str] | bool) -> None:
    """Show the dilemma edges, pole labels and arrows of the dilemmas in `shown` (a set of
    dilemma ids, or True/False for all) in `view`, hide the others."""
    changed: dict[bool, list[int]] = {True: [], False: []}
    for index, trace in enumerate(view.data):
        meta = trace.meta or {}
        if meta.get("role") in ANSWER_ROLES:
            visible = shown if isinstance(shown, bool) else meta.get("dilemma_id") in shown
            if trace.visible is not visible:
                changed[visible].append(index)
    for visible, indexes in changed.items():
        if indexes:
            view.restyle(indexes, visible=visible)


def hide_dilemmas(fig: go.Figure) -> go.Figure:
    """`fig` with every dilemma edge hidden (before it is first shown)."""
    for trace in fig.data:
        if (trace.meta or {}).get("role") in ANSWER_ROLES:
            trace.visible = False
    return fig


def shares_text(shares: dict[str, float]) -> str:
    """``klassiek 50%, NPM 25%, netwerk 25%``."""
    return ", ".join(f"{t(f'model.short.{m}')} {shares[m]:.0%}" for m in MODEL_IDS)


class TensionTriangle(ExerciseWidget):
    """Weigh how strongly each steering model pulls on a role, a dilemma or your own case.

    Three sliders (0-100) set the weight of each model; the point on the triangle is the
    weights normalised to sum 1 and moves as you slide. Every subject keeps its own
    weights. "Toon de lezing van het artikel" draws the dilemma edges the article gives
    for the subject (a role: the dilemmas of its quadrant).

    Parameters
    ----------
    fw : Framework, optional
    subject : str, optional
        ``"role:<role_id>"``, ``"dilemma:<dilemma_id>"`` or ``"case:eigen"``.
    case_name : str, optional
        Name of the student's own case (escaped wherever it is shown).
    """

    model_class = TensionWeights
    model: TensionWeights

    def __init__(
        self, fw: Framework | None = None, subject: str | None = None, case_name: str = ""
    ):
        model = TensionWeights(fw, subject=subject, case_name=case_name)
        fw = model.fw
        options = [
            (t("tri.option_role", name=row[localized("name")]), f"role:{row['role_id']}")
            for _, row in fw.roles.iterrows()
        ]
        options += [
            (t("tri.option_dilemma", name=row[localized("name")]), f"dilemma:{row['dilemma_id']}")
            for _, row in fw.dilemmas.iterrows()
        ]
        options.append((t("tri.option_case"), CASE_KEY))
        self.subject = label(
            widgets.Dropdown(options=options, value=model.state["selected"]), t("tri.subject")
        )
        self.case_name = label(
            widgets.Text(placeholder=t("tri.case_placeholder"), continuous_update=False),
            t("tri.case_name"),
        )
        self.sliders = {
            model_id: label(
                widgets.IntSlider(value=0, min=0, max=100, step=5), fw.name("model", model_id)
            )
            for model_id in MODEL_IDS
        }
        self.show_article = label(
            widgets.Checkbox(value=False, indent=False), t("tri.show_article")
        )
        self.shares = widgets.HTML()
        self.note = widgets.HTML()
        align(self.subject, self.case_name, *self.sliders.values())
        base = hide_dilemmas(
            tension_triangle(fw, dilemma_ids=list(fw.dilemmas["dilemma_id"]), stack="quadrant")
        )
        base.add_trace(_ternary_points("others"))
        base.add_trace(_ternary_points("current"))
        self.figure = FigureView(base)

        self.subject.observe(self.forward(model.select), names="value")
        self.case_name.observe(self.forward(model.set_case_name), names="value")
        for slider in self.sliders.values():
            slider.observe(self.forward(lambda _: self._weigh()), names="value")
        self.show_article.observe(self.forward(model.show_article), names="value")
        super().__init__(
            model,
            [
                widgets.HTML(html("<p>{}</p>", t("tri.hint"))),
                self.subject,
                self.case_name,
                *self.sliders.values(),
                self.shares,
                self.show_article,
                self.figure,
                self.note,
            ],
            "vakmanschap-tensiontriangle",
        )

    # -- public API ----------------------------------------------------------------------------
    @property
    def weights(self) -> pd.DataFrame:
        """See :meth:`vakmanschap.exercises.TensionWeights.weights`."""
        return self.model.weights()

    def set_weights(self, klassiek: int, npm: int, netwerk: int, subject: str | None = None):
        """Set the three weights (0-100) of `subject` (default: the selected one)."""
        self.model.set_weights(klassiek, npm, netwerk, subject)

    def _weigh(self) -> None:
        values = {m: s.value for m, s in self.sliders.items()}
        self.model.set_weights(values["klassiek"], values["npm"], values["netwerk"])

    # -- rendering ------------------------------------------------------------------------------
    def render(self) -> None:
        model, state = self.model, self.model.state
        key = state["selected"]
        current = state["weights"].get(key)
        self.subject.value = key
        self.case_name.value = state["case_name"]
        self.case_name.layout.display = None if key == CASE_KEY else "none"
        self.show_article.value = state["show_article"]
        for model_id, slider in self.sliders.items():
            slider.value = current[model_id] if current else 0
        shown = set(article_dilemmas(self.fw, key)) if state["show_article"] else set()
        others = [
            (model.label(k), normalise_weights(v)) for k, v in state["weights"].items() if k != key
        ]
        mine = [(model.label(key), normalise_weights(current))] if current else []
        with self.figure.hold():
            show_dilemmas(self.figure, shown)
            _set_points(self.figure, "others", others)
            _set_points(self.figure, "current", mine)
        if current:
            self.shares.value = status(f"{model.label(key)}: {shares_text(mine[0][1])}")
        else:
            self.shares.value = status(t("tri.no_weights"))
        if not state["show_article"]:
            self.note.value = ""
        elif not shown:
            self.note.value = html("<p>{}</p>", t("tri.no_article_reading"))
        else:
            names = ", ".join(self.fw.name("dilemma", d) for d in sorted(shown))
            self.note.value = html("<p>{}</p>", t("tri.article_reading", dilemmas=names))


def _ternary_points(role: str) -> go.Scatterternary:
    current = role == "current"
    return go.Scatterternary(
        a=[],
        b=[],
        c=[],
        mode="markers+text",
        marker={
            "symbol": "star" if current else "circle",
            "size": 20 if current else 11,
            "color": OKABE_ITO["orange"] if current else OKABE_ITO["sky_blue"],
            "line": {"width": 1.5, "color": OKABE_ITO["black"]},
        },
        textposition="top center",
        hoverinfo="text",
        name=t(f"tri.legend_{role}"),
        meta={"role": role},
    )


def _set_points(view: FigureView, role: str, points: list[tuple[str, dict]]) -> None:
    view.restyle(
        role,
        a=[s["klassiek"] for _, s in points],
        b=[s["npm"] for _, s in points],
        c=[s["netwerk"] for _, s in points],
        text=[wrap(name, 24) for name, _ in points],
        hovertext=[wrap(name, 40) + "<br>" + shares_text(s) for name, s in points],
    )
