"""RolePlacer: place the eight roles of Tabel 1 (and roles of one's own) on the grid."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from ..exercises import Feedback, Placement, Score
from ..exercises.base import MAX_NAME_LENGTH
from ..exercises.placement import MAX_CUSTOM_ROLES, cell_of
from ..framework import Framework
from ..i18n import localized, t
from ..markup import Markup, html, join, plain
from ..plots import grid_figure
from ..plots.grid import layout_labels
from .a11y import accessible_names
from .base import ExerciseWidget, align, check_button, label, status
from .figure_view import FigureView

#: Slider step; a click on the grid snaps to it too.
STEP = 0.05


class RolePlacer(ExerciseWidget):
    """Place the eight roles of Tabel 1 (and roles of your own) on the 2x2 grid.

    The grid is Tabel 1 as printed: professionalism in the columns (x slider: organisatie
    -1 … klassiek +1), focus in the rows (y slider: intern -1 … extern +1). Choose a role,
    then set its position with the two sliders (keyboard: arrow keys) or click on the grid.
    "Controleer" gives feedback on the roles placed so far, in the terms of section 3, and
    shows the article's place of those roles only; the others stay hidden.

    Parameters
    ----------
    fw : Framework, optional
        Default: :func:`~vakmanschap.load_framework`.
    own_only : bool
        Place only roles of one's own (notebook 08): the dropdown offers the own roles, the
        article's roles are shown for reference from the start, and the feedback speaks of
        the own roles alone (their quadrant and what it means), without a count of the
        article's eight.

    Attributes
    ----------
    model : vakmanschap.exercises.Placement
        The state and its rules.
    figure : FigureView
        The grid; its trace with ``meta["role"] == "student"`` holds the placements.
    """

    model_class = Placement
    model: Placement

    def __init__(self, fw: Framework | None = None, own_only: bool = False):
        model = Placement(fw, own_only=own_only)
        self.own_only = own_only
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
        self.rename_button = widgets.Button(
            description=t("placer.rename"), icon="pencil", tooltip=t("placer.rename")
        )
        self.check_button = check_button(t("placer.check"), self.check)
        self.status = widgets.HTML()
        self.feedback = widgets.HTML()
        self.listing = widgets.HTML()
        hint = t("placer.hint_own") if own_only else t("placer.hint")
        self.hint = widgets.HTML(html("<p>{}</p>", hint))
        align(self.role, self.x, self.y, self.new_name)

        base = grid_figure(
            model.fw, article=True, placements=pd.DataFrame({"name": [], "x": [], "y": []})
        )
        base.add_trace(_click_layer())
        #: Per article trace: each role's id, x, y, label and hover text, shown or not.
        self._article_points: dict[int, list[tuple]] = {}
        #: The article roles shown now, with their label's text position.
        self._article_shown: dict[str, str] | None = None
        for index, trace in enumerate(base.data):
            if (trace.meta or {}).get("role") == "article":
                columns = (trace.meta["role_ids"], trace.x, trace.y, trace.text, trace.hovertext)
                self._article_points[index] = list(zip(*columns, strict=True))
                trace.visible = own_only
        self.figure = FigureView(base)
        self.figure.on_click(self._on_click)

        self.role.observe(self.forward(self._choose), names="value")
        self.x.observe(self.forward(lambda _: self._place_from_sliders()), names="value")
        self.y.observe(self.forward(lambda _: self._place_from_sliders()), names="value")
        accessible_names().on_enter(self.new_name, self._submit_name)
        self.add_button.on_click(lambda _: self.add_role(self.new_name.value))
        self.rename_button.on_click(lambda _: self.rename_role(self.new_name.value))
        buttons = [self.add_button, self.rename_button] if own_only else [self.add_button]
        super().__init__(
            model,
            [
                self.hint,
                widgets.HBox([self.role]),
                self.x,
                self.y,
                widgets.HBox([self.new_name, *buttons]),
                self.figure,
                self.listing,
                widgets.HBox([self.check_button]),
                self.status,
                self.feedback,
            ],
            "vakmanschap-roleplacer",
        )

    # -- public API (the model does the work) ------------------------------------------------
    @property
    def checked(self) -> bool:
        """Whether "Controleer" has been pressed."""
        return bool(self.model.state["checked"])

    @property
    def placements(self) -> pd.DataFrame:
        """See :meth:`vakmanschap.exercises.Placement.placements`."""
        return self.model.placements()

    def place(self, role_id: str, x: float, y: float) -> None:
        """Place `role_id` at (`x`: professionalism, `y`: focus), both in [-1, 1]; select it
        in the controls."""
        self.model.place(role_id, x, y)

    def _submit_name(self, name: str) -> None:
        """Enter in the name field does what the button beside it does: add the role, or,
        for your own role once it is there, rename it. What cannot be used stays typed."""
        if self.own_only and not self.rename_button.disabled:
            done = self.rename_role(name)
        else:
            done = self.add_role(name) is not None
        if not done and name:  # the browser emptied the field: put the text back
            self.new_name.value = ""
            self.new_name.value = name

    def add_role(self, name: str) -> str | None:
        """Add a role of your own and select it; returns its id, or None with the reason
        in :attr:`status`."""
        role_id, key = self.model.add_role(name)
        self._say(key, name)
        if role_id is not None:
            self.new_name.value = ""
        return role_id

    def rename_role(self, name: str) -> bool:
        """Give the selected own role the name `name`; False (reason in :attr:`status`) if
        that cannot be."""
        key = self.model.rename_role(self.model.state["selected"], name)
        self._say(key, name)
        if key == "placer.renamed":
            self.new_name.value = ""
        return key == "placer.renamed"

    def check(self) -> pd.DataFrame:
        """Give feedback on the roles placed so far and show the article's place of those
        (the others stay hidden); returns :attr:`placements`."""
        self.model.check()
        return self.placements

    def _say(self, key: str, name: str) -> None:
        message = t(
            key,
            name=(name or "").strip(),
            field=t("placer.new_name"),
            limit=MAX_NAME_LENGTH if key == "state.too_long" else MAX_CUSTOM_ROLES,
        )
        self.status.value = status(message)

    # -- events -------------------------------------------------------------------------------
    def _choose(self, role_id: str | None) -> None:
        if role_id is not None:
            self.model.select(role_id)

    def _target(self) -> str:
        """The role the sliders and clicks move: in own-only mode always an own role."""
        if self.own_only:
            return self.model.own_role(t("placer.own_default"))
        return str(self.model.state["selected"])

    def _place_from_sliders(self) -> None:
        x, y = self.x.value, self.y.value
        self.model.place(self._target(), x, y)

    def _on_click(self, x: float, y: float, trace: int | None = None) -> None:
        self.model.place(
            self._target(),
            max(-1.0, min(1.0, round(round(x / STEP) * STEP, 2))),
            max(-1.0, min(1.0, round(round(y / STEP) * STEP, 2))),
        )

    # -- rendering ------------------------------------------------------------------------------
    def render(self) -> None:
        state = self.model.state
        roles = state["roles"]
        shown_ids = self.model.own_roles() if self.own_only else list(roles)
        options = [(roles[role_id]["name"], role_id) for role_id in shown_ids]
        if list(self.role.options) != options:
            self.role.options = options
        selected_id = state["selected"]
        self.role.value = selected_id if selected_id in shown_ids else None
        selected = roles[selected_id] if selected_id in shown_ids else {"x": None, "y": None}
        self.x.value = selected["x"] if selected["x"] is not None else 0.0
        self.y.value = selected["y"] if selected["y"] is not None else 0.0
        self.rename_button.disabled = not roles[selected_id]["custom"]
        placed = [i for i in shown_ids if roles[i]["x"] is not None]
        points = [(roles[i]["x"], roles[i]["y"], roles[i]["name"]) for i in placed]
        # the selected role's label is placed first, so it always gets the best side
        order = sorted(range(len(placed)), key=lambda k: placed[k] != selected_id)
        labels = layout_labels(self.fw, self._revealed(), [points[k] for k in order])
        texts, positions = [""] * len(placed), ["bottom center"] * len(placed)
        for k, text, position in zip(order, labels.texts, labels.positions, strict=True):
            texts[k], positions[k] = text, position
        with self.figure.hold():
            self.figure.restyle(
                "student",
                x=[x for x, _, _ in points],
                y=[y for _, y, _ in points],
                text=texts,
                textposition=positions,
                hovertext=[plain(f"{n} ({x:+.2f}, {y:+.2f})") for x, y, n in points],
            )
            self._show_article(labels.article)
        self.listing.value = self._listing_html(placed, texts)
        self.feedback.value = self._feedback_html(self.model.score()) if state["checked"] else ""

    def _revealed(self) -> list[str]:
        """The article roles whose place in Tabel 1 the figure shows."""
        if self.own_only:
            return list(self.fw.ids("role"))
        return [r for r in self.model.state["checked_roles"] if r in self.fw.ids("role")]

    def _show_article(self, positions: dict[str, str]) -> None:
        """Show the article's place of the roles in `positions` (with their label's text
        position), and nothing of the others."""
        if positions == self._article_shown:
            return  # (a slider step moves a star; mostly the article's labels stay put)
        self._article_shown = dict(positions)
        for index, points in self._article_points.items():
            shown = [role_id in positions for role_id, *_ in points]
            self.figure.restyle(
                index,
                visible=any(shown),
                x=[p[1] if s else None for p, s in zip(points, shown, strict=True)],
                y=[p[2] if s else None for p, s in zip(points, shown, strict=True)],
                text=[p[3] if s else "" for p, s in zip(points, shown, strict=True)],
                textposition=[positions.get(p[0], "bottom center") for p in points],
                hovertext=[p[4] if s else "" for p, s in zip(points, shown, strict=True)],
            )

    def _listing_html(self, placed: list[str], texts: list[str]) -> Markup | str:
        if not placed:
            return ""
        roles = self.model.state["roles"]
        items = []
        for role_id in placed:
            role = roles[role_id]
            quadrant = cell_of(self.fw, role["x"], role["y"])
            where = self.fw.name("quadrant", quadrant) if quadrant else t("grid.on_border")
            items.append(html("<li><b>{}</b>: {}</li>", role["name"], where))
        note = html("<p><small>{}</small></p>", t("placer.hover_only")) if "" in texts else ""
        return html(
            "{}<details><summary>{} {}</summary><ul>{}</ul></details>",
            note,
            t("placer.list_title"),
            len(placed),
            join(items),
        )

    def _feedback_html(self, score: Score) -> Markup:
        """The feedback; ``data-verdict`` and each item's ``data-role`` and ``data-feedback``
        carry the message keys (for tests in a browser)."""
        head = t(score.verdict, correct=score.points, total=score.total) if score.verdict else ""
        mark = "" if score.total is None or not score.total else ("✔ " if score.correct else "✘ ")
        items = [
            html("<li data-role='{}' data-feedback='{}'>{}</li>", i.item, i.key, self._item(i))
            for i in score.feedback
        ]
        return html(
            "<div role='status' aria-live='polite' data-verdict='{}'>{}{}</div>",
            score.verdict,
            html("<p><b>{}{}</b></p>", mark, head) if head else "",
            html("<ul>{}</ul>", join(items)) if items else "",
        )

    def _item(self, item: Feedback) -> Markup:
        fw = self.fw
        role = self.model.state["roles"][item.item]
        name = role["name"]
        mark = "◆" if role["custom"] else "○"
        if item.key in ("feedback.unplaced", "feedback.unchecked"):
            return html("{} <b>{}</b>: {}", mark, name, t(item.key))
        if item.key == "feedback.own":
            return html("◆ <b>{}</b>: {}", name, self._own_text(item))
        if item.key == "feedback.border":
            return html("? <b>{}</b>: {}", name, t(item.key))
        rationale = fw.lookup("role", localized("rationale"))[item.item]
        if item.key == "feedback.wrong":
            text = t(
                "feedback.wrong",
                yours=fw.name("quadrant", item.values["yours"]),
                article=fw.name("quadrant", item.values["article"]),
                dimensions=t("feedback.and").join(
                    t(f"feedback.dimension.{d}") for d in item.values["dimensions"]
                ),
            )
            return html("✘ <b>{}</b>: {} {}", name, text, rationale)
        return html("✔ <b>{}</b>: {} {}", name, t(item.key), rationale)

    def _own_text(self, item: Feedback) -> str:
        quadrant = self.fw.quadrant(item.values["quadrant_id"])
        here = self.fw.roles_in(item.values["quadrant_id"])[localized("plural")]
        return " ".join(
            [
                t(
                    "feedback.own",
                    section=quadrant["section"],
                    quadrant=quadrant[localized("name")],
                    professionalism=t(f"feedback.meaning.{item.values['professionalism']}"),
                    focus=t(f"feedback.meaning.{item.values['focus']}"),
                ),
                t("feedback.own_reference", roles=", ".join(here)),
                t("feedback.custom"),
            ]
        )


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
