"""RolePlacer: place the eight roles of Tabel 1 (and roles of one's own) on the grid."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from ..exercises import Feedback, Placement, Score
from ..exercises.base import MAX_NAME_LENGTH
from ..exercises.placement import MAX_CUSTOM_ROLES
from ..framework import Framework
from ..i18n import localized, t
from ..markup import Markup, html, plain
from ..plots import grid_figure
from .base import ExerciseWidget, align, check_button, label, status, verdict_html
from .figure_view import FigureView

#: Slider step; a click on the grid snaps to it too.
STEP = 0.05


class RolePlacer(ExerciseWidget):
    """Place the eight roles of Tabel 1 (and roles of your own) on the 2x2 grid.

    Choose a role, then set its position with the two sliders (keyboard: arrow keys) or
    click on the grid. "Controleer" compares every placement with Tabel 1 and explains,
    in the terms of section 3, why the article puts the role where it does; only then does
    the figure show the article's placement.

    Parameters
    ----------
    fw : Framework, optional
        Default: :func:`~vakmanschap.load_framework`.

    Attributes
    ----------
    model : vakmanschap.exercises.Placement
        The state and its rules.
    figure : FigureView
        The grid; its trace with ``meta["role"] == "student"`` holds the placements.
    """

    model_class = Placement
    model: Placement

    def __init__(self, fw: Framework | None = None):
        model = Placement(fw)
        self.role = label(widgets.Dropdown(options=[]), t("placer.role"))
        self.x = label(_slider(), t("placer.x"))
        self.y = label(_slider(), t("placer.y"))
        self.new_name = label(
            widgets.Text(placeholder=t("placer.new_placeholder"), continuous_update=False),
            t("placer.new_name"),
        )
        self.add_button = widgets.Button(
            description=t("placer.add"), icon="plus", tooltip=t("placer.add")
        )
        self.check_button = check_button(t("placer.check"), self.check)
        self.status = widgets.HTML()
        self.feedback = widgets.HTML()
        self.hint = widgets.HTML(html("<p>{}</p>", t("placer.hint")))
        align(self.role, self.x, self.y, self.new_name)

        base = grid_figure(
            model.fw, article=True, placements=pd.DataFrame({"name": [], "x": [], "y": []})
        )
        base.add_trace(_click_layer())
        for trace in base.data:
            if (trace.meta or {}).get("role") == "article":
                trace.visible = False
        self.figure = FigureView(base)
        self.figure.on_click(self._on_click)

        self.role.observe(self.forward(self._choose), names="value")
        self.x.observe(self.forward(lambda _: self._place_from_sliders()), names="value")
        self.y.observe(self.forward(lambda _: self._place_from_sliders()), names="value")
        self.add_button.on_click(lambda _: self.add_role(self.new_name.value))
        super().__init__(
            model,
            [
                self.hint,
                widgets.HBox([self.role]),
                self.x,
                self.y,
                widgets.HBox([self.new_name, self.add_button]),
                self.figure,
                widgets.HBox([self.check_button]),
                self.status,
                self.feedback,
            ],
            "vakmanschap-roleplacer",
        )

    # -- public API (the model does the work) ------------------------------------------------
    @property
    def checked(self) -> bool:
        """Whether the placements have been checked (the article's answer is then shown)."""
        return bool(self.model.state["checked"])

    @property
    def placements(self) -> pd.DataFrame:
        """See :meth:`vakmanschap.exercises.Placement.placements`."""
        return self.model.placements()

    def place(self, role_id: str, x: float, y: float) -> None:
        """Place `role_id` at (`x`, `y`), both in [-1, 1]; select it in the controls."""
        self.model.place(role_id, x, y)

    def add_role(self, name: str) -> str | None:
        """Add a role of your own and select it; returns its id, or None with the reason
        in :attr:`status`."""
        role_id, key = self.model.add_role(name)
        message = t(
            key,
            name=(name or "").strip(),
            field=t("placer.new_name"),
            limit=MAX_NAME_LENGTH if key == "state.too_long" else MAX_CUSTOM_ROLES,
        )
        self.status.value = status(message)
        if role_id is not None:
            self.new_name.value = ""
        return role_id

    def check(self) -> pd.DataFrame:
        """Compare the placements with Tabel 1, show feedback and the article's placement;
        returns :attr:`placements`."""
        self.model.check()
        return self.placements

    # -- events -------------------------------------------------------------------------------
    def _choose(self, role_id: str | None) -> None:
        if role_id is not None:
            self.model.select(role_id)

    def _place_from_sliders(self) -> None:
        self.model.place(self.model.state["selected"], self.x.value, self.y.value)

    def _on_click(self, x: float, y: float, trace: int | None = None) -> None:
        self.model.place(
            self.model.state["selected"],
            max(-1.0, min(1.0, round(round(x / STEP) * STEP, 2))),
            max(-1.0, min(1.0, round(round(y / STEP) * STEP, 2))),
        )

    # -- rendering ------------------------------------------------------------------------------
    def render(self) -> None:
        state = self.model.state
        roles = state["roles"]
        options = [(role["name"], role_id) for role_id, role in roles.items()]
        if list(self.role.options) != options:
            self.role.options = options
        selected = roles[state["selected"]]
        self.role.value = state["selected"]
        self.x.value = selected["x"] if selected["x"] is not None else 0.0
        self.y.value = selected["y"] if selected["y"] is not None else 0.0
        placed = [r for r in roles.values() if r["x"] is not None]
        with self.figure.hold():
            self.figure.restyle(
                "student",
                x=[r["x"] for r in placed],
                y=[r["y"] for r in placed],
                text=[plain(r["name"]) for r in placed],
                hovertext=[plain(f"{r['name']} ({r['x']:+.2f}, {r['y']:+.2f})") for r in placed],
            )
            self.figure.restyle("article", visible=state["checked"])
        self.feedback.value = self._feedback_html(self.model.score()) if state["checked"] else ""

    def _feedback_html(self, score: Score) -> Markup:
        return verdict_html(score, [self._item_html(item) for item in score.feedback])

    def _item_html(self, item: Feedback) -> Markup:
        fw = self.fw
        role = self.model.state["roles"][item.item]
        name = role["name"]
        if item.key == "feedback.custom":
            where = item.values["quadrant_id"]
            place = fw.name("quadrant", where) if where else t("grid.on_border")
            return html("<li>◆ <b>{}</b>: {} {}</li>", name, place, t("feedback.custom"))
        if item.key == "feedback.unplaced":
            mark = "◆" if role["custom"] else "○"
            return html("<li>{} <b>{}</b>: {}</li>", mark, name, t("feedback.unplaced"))
        rationale = fw.role(item.item)[localized("rationale")]
        if item.key == "feedback.wrong":
            text = t(
                "feedback.wrong",
                yours=fw.name("quadrant", item.values["yours"]),
                article=fw.name("quadrant", item.values["article"]),
                dimensions=t("feedback.and").join(
                    t(f"feedback.dimension.{d}") for d in item.values["dimensions"]
                ),
            )
            return html("<li>✘ <b>{}</b>: {} {}</li>", name, text, rationale)
        mark = {"feedback.right": "✔", "feedback.border": "?"}[item.key]
        return html("<li>{} <b>{}</b>: {} {}</li>", mark, name, t(item.key), rationale)


def _slider() -> widgets.FloatSlider:
    return widgets.FloatSlider(
        value=0, min=-1, max=1, step=STEP, readout_format="+.2f", continuous_update=True
    )


def _click_layer() -> go.Heatmap:
    """An invisible heatmap over the whole grid, so a click anywhere reports its x and y."""
    steps = [i / 20 - 1 for i in range(41)]
    return go.Heatmap(
        x=steps,
        y=steps,
        z=[[0] * len(steps) for _ in steps],
        opacity=0,
        showscale=False,
        hoverinfo="none",
        meta={"role": "click"},
    )
