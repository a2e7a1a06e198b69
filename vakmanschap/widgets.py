"""ipywidgets exercises: RolePlacer, TensionTriangle, DilemmaExplorer, CompetencyProfile.

Each widget is a displayable :class:`ipywidgets.VBox` with a Python API for its state:
``to_dict()`` returns plain JSON-able data, ``from_dict(state)`` restores it (and raises a
``ValueError`` naming the field when the state is invalid, leaving the widget as it was).

First render. A plotly ``FigureWidget`` sends changes to the browser as messages; a browser
that connects later (Voila, a reloaded page, a widget shown inside a box after the change)
builds the figure from the widget's saved state instead, which plotly only refreshes when the
figure itself is displayed. :func:`figure_update` therefore refreshes that state after every
batch of changes, so what Python set before the browser connected is what the browser shows.
"""

from __future__ import annotations

import copy
import html
import math
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from . import figures
from .framework import Framework, load_framework
from .i18n import localized, t

STATE_VERSION = 1
MAX_NAME_LENGTH = 80
MAX_CUSTOM_ROLES = 20


@contextmanager
def figure_update(fig: go.FigureWidget) -> Iterator[go.FigureWidget]:
    """Batch changes to `fig` and keep its saved widget state in step with them.

    Use as ``with figure_update(fig): fig.data[0].x = ...``. Inside, the changes are
    collected by ``fig.batch_update()`` and sent to connected browsers as one message;
    afterwards the figure's synced state is refreshed, so that a browser connecting later
    renders the same figure (see the module docstring).
    """
    with fig.batch_update():
        yield fig
    fig._widget_data = copy.deepcopy(fig._data)
    fig._widget_layout = copy.deepcopy(fig._layout_obj._props)


def _align(*controls: widgets.Widget) -> None:
    """Give `controls` one label width, so their sliders and fields line up."""
    width = max(len(control.description) for control in controls)
    for control in controls:
        control.style.description_width = f"{width + 1}ch"


def _esc(text: object) -> str:
    return html.escape(str(text))


def _label(control: widgets.Widget, text: str) -> widgets.Widget:
    """Give `control` its visible, screen-reader label and a tooltip with the same text."""
    control.description = text
    control.tooltip = text
    control.style.description_width = "initial"
    if isinstance(
        control, widgets.FloatSlider | widgets.IntSlider | widgets.Text | widgets.Dropdown
    ):
        control.layout.width = "min(640px, 100%)"
    return control


class StateError(ValueError):
    """Invalid widget state passed to ``from_dict``; the message names the field."""


_REGISTRY: dict[tuple[str, str], _Exercise] = {}


class _Exercise(widgets.VBox):
    """Shared state handling: ``to_dict`` / ``from_dict`` with validation first.

    Every exercise also carries the invisible :class:`~vakmanschap.a11y.AccessibleNames`
    widget, which gives its sliders accessible names in the browser.
    """

    def __init__(self, children=(), **kwargs):
        from .a11y import accessible_names

        super().__init__([*children, accessible_names()], **kwargs)

    WIDGET = ""
    #: Name of the constructor argument that :meth:`get` fills with its key, if any.
    KEY_ARGUMENT: str | None = None
    #: The key this instance is registered under by :meth:`get` (None if made directly).
    key: str | None = None

    @classmethod
    def get(cls, key: str, /, **kwargs):
        """Return the exercise registered under `key`, creating it on first use.

        Notebooks call this instead of the constructor, so that re-running a cell shows
        the same widget with the student's answers instead of a fresh one.

        Parameters
        ----------
        key : str
            A name unique within the collection, e.g. ``"03-tabel-1"``. For ``Quiz`` and
            ``Reflection`` it is the question id, for ``TensionQuiz`` the dilemma id.
        **kwargs
            Passed to the constructor the first time.
        """
        found = _REGISTRY.get((cls.WIDGET, key))
        if found is None:
            if cls.KEY_ARGUMENT and cls.KEY_ARGUMENT not in kwargs:
                kwargs[cls.KEY_ARGUMENT] = key
            found = cls(**kwargs)
            found.key = key
            _REGISTRY[(cls.WIDGET, key)] = found
            from .answers import answer_store

            answer_store().attach(found)
        return found

    def add_listener(self, listener) -> None:
        """Call ``listener(self)`` after every change of the state (used for autosave)."""
        self.__dict__.setdefault("_listeners", []).append(listener)

    def _notify(self) -> None:
        for listener in self.__dict__.get("_listeners", ()):
            listener(self)

    def to_dict(self) -> dict:
        """Return the state as plain, JSON-serialisable data."""
        return {"widget": self.WIDGET, "version": STATE_VERSION, **self._state()}

    def from_dict(self, state: Mapping) -> None:
        """Restore a state made by :meth:`to_dict`.

        The whole state is validated before anything changes: on invalid input a
        ``ValueError`` names the field and the widget keeps its current state.

        Parameters
        ----------
        state : mapping
            As returned by :meth:`to_dict` (possibly after a JSON round trip).

        Raises
        ------
        ValueError
            If `state` is not a mapping, is for another widget or a newer version, or a
            field is missing, of the wrong type or out of range.
        """
        clean = self.validate_state(state, self.fw, self._ident())
        self._apply(clean)

    @classmethod
    def validate_state(cls, state: object, fw: Framework, ident: str | None = None) -> dict:
        """Check a saved state without a widget (used by ``from_dict`` and by
        :func:`vakmanschap.answers.collect`).

        Parameters
        ----------
        state : object
            The state to check, e.g. from an answer file.
        fw : Framework
        ident : str, optional
            The question id (``Quiz``, ``Reflection``) or dilemma id (``TensionQuiz``)
            the state must belong to.

        Returns
        -------
        dict
            The cleaned state, as ``_apply`` takes it.

        Raises
        ------
        ValueError
            Naming the field that is wrong.
        """
        if not isinstance(state, Mapping):
            raise StateError(t("state.not_a_dict", widget=cls.WIDGET, type=type(state).__name__))
        if state.get("widget", cls.WIDGET) != cls.WIDGET:
            raise StateError(
                t("state.wrong_widget", widget=cls.WIDGET, value=_short(state.get("widget")))
            )
        version = state.get("version", STATE_VERSION)
        if isinstance(version, bool) or not isinstance(version, int) or version != STATE_VERSION:
            raise StateError(
                t(
                    "state.bad_version",
                    field=cls._field("version"),
                    value=_short(version),
                    expected=STATE_VERSION,
                )
            )
        return cls._validate(fw, state, ident)

    def _ident(self) -> str | None:
        """The question or dilemma id this widget is about (None for most widgets)."""
        return None

    # helpers for subclasses ------------------------------------------------------------
    @classmethod
    def _field(cls, path: str) -> str:
        return f"{cls.WIDGET}.{path}"

    @classmethod
    def _require(cls, state: Mapping, key: str, kind: type | tuple, path: str | None = None):
        if key not in state:
            raise StateError(t("state.missing", field=cls._field(path or key)))
        value = state[key]
        if isinstance(value, bool) and kind is not bool:
            raise StateError(
                t("state.bad_type", field=cls._field(path or key), value=_short(value))
            )
        if not isinstance(value, kind):
            raise StateError(
                t("state.bad_type", field=cls._field(path or key), value=_short(value))
            )
        return value

    @classmethod
    def _number(cls, value: object, path: str, low: float, high: float) -> float:
        try:
            valid = (
                not isinstance(value, bool)
                and isinstance(value, int | float)
                and math.isfinite(value)
            )
        except OverflowError:  # an integer too large for a float
            valid = False
        if not valid:
            raise StateError(t("state.bad_number", field=cls._field(path), value=_short(value)))
        if not low <= value <= high:
            raise StateError(
                t(
                    "state.out_of_range",
                    field=cls._field(path),
                    value=_short(value),
                    low=low,
                    high=high,
                )
            )
        return float(value)

    @classmethod
    def _name(cls, value: object, path: str) -> str:
        if not isinstance(value, str):
            raise StateError(t("state.bad_type", field=cls._field(path), value=_short(value)))
        name = value.strip()
        if not name:
            raise StateError(t("state.empty", field=cls._field(path)))
        if len(name) > MAX_NAME_LENGTH:
            raise StateError(t("state.too_long", field=cls._field(path), limit=MAX_NAME_LENGTH))
        return name

    def _state(self) -> dict:  # pragma: no cover - every subclass overrides
        raise NotImplementedError

    @classmethod
    def _validate(
        cls, fw: Framework, state: Mapping, ident: str | None
    ) -> dict:  # pragma: no cover
        raise NotImplementedError

    def _apply(self, clean: dict) -> None:  # pragma: no cover
        raise NotImplementedError


def _short(value: object, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


_ANSWER_ROLES = ("dilemma", "poles", "reinforcement")


def _show_dilemmas(fig: go.Figure, shown) -> None:
    """Show the dilemma edges, pole labels and arrows of the dilemmas in `shown` (a set of
    dilemma ids, or True/False for all), hide the others."""
    for trace in fig.data:
        meta = trace.meta or {}
        if meta.get("role") in _ANSWER_ROLES:
            trace.visible = shown if isinstance(shown, bool) else meta.get("dilemma_id") in shown


def _check_button(label: str, on_click) -> widgets.Button:
    """The primary "Controleer" button of an exercise."""
    button = widgets.Button(description=label, button_style="primary", icon="check", tooltip=label)
    button.on_click(lambda _: on_click())
    return button


def _traces(fig: go.Figure, role: str) -> list:
    return [trace for trace in fig.data if (trace.meta or {}).get("role") == role]


# --------------------------------------------------------------------------------------
# RolePlacer
# --------------------------------------------------------------------------------------


class RolePlacer(_Exercise):
    """Place the eight roles of Tabel 1 (and roles of your own) on the 2x2 grid.

    Choose a role, then set its position with the two sliders (keyboard: arrow keys) or
    click on the grid. "Controleer" compares every placement with Tabel 1 and explains,
    in the terms of section 3, why the article puts the role where it does; only then does
    the figure show the article's placement.

    Parameters
    ----------
    fw : Framework, optional
        Default: :func:`load_framework`.

    Attributes
    ----------
    figure : plotly.graph_objects.FigureWidget
        The grid; its trace with ``meta["role"] == "student"`` holds the placements.
    checked : bool
        Whether the placements have been checked (the article's answer is then shown).
    """

    WIDGET = "RolePlacer"

    def __init__(self, fw: Framework | None = None):
        self.fw = fw or load_framework()
        self.checked = False
        self._syncing = False
        self._roles: dict[str, dict] = {
            row["role_id"]: {"name": row[localized("name")], "custom": False, "x": None, "y": None}
            for _, row in self.fw.roles.iterrows()
        }
        self.role = _label(widgets.Dropdown(options=self._options()), t("placer.role"))
        self.x = _label(
            widgets.FloatSlider(
                value=0, min=-1, max=1, step=0.05, readout_format="+.2f", continuous_update=True
            ),
            t("placer.x"),
        )
        self.y = _label(
            widgets.FloatSlider(
                value=0, min=-1, max=1, step=0.05, readout_format="+.2f", continuous_update=True
            ),
            t("placer.y"),
        )
        self.new_name = _label(
            widgets.Text(placeholder=t("placer.new_placeholder"), continuous_update=False),
            t("placer.new_name"),
        )
        self.add_button = widgets.Button(
            description=t("placer.add"), icon="plus", tooltip=t("placer.add")
        )
        self.check_button = _check_button(t("placer.check"), self.check)
        self.status = widgets.HTML()
        self.feedback = widgets.HTML()
        self.hint = widgets.HTML(f"<p>{_esc(t('placer.hint'))}</p>")
        _align(self.role, self.x, self.y, self.new_name)

        base = figures.grid_figure(
            self.fw, article=True, placements=pd.DataFrame({"name": [], "x": [], "y": []})
        )
        base.add_trace(_click_layer())
        for trace in _traces(base, "article"):
            trace.visible = False
        self.figure = go.FigureWidget(base)
        # a click anywhere places the selected role: on the empty grid (the invisible click
        # layer) or on a marker (plotly then reports the marker, not the layer below it)
        for trace in self.figure.data:
            trace.on_click(self._on_click)

        self.role.observe(self._on_role, names="value")
        self.x.observe(self._on_position, names="value")
        self.y.observe(self._on_position, names="value")
        self.add_button.on_click(lambda _: self.add_role(self.new_name.value))

        super().__init__(
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
            ]
        )
        self.add_class("vakmanschap-roleplacer")

    # -- public API ----------------------------------------------------------------------
    @property
    def placements(self) -> pd.DataFrame:
        """One row per role: ``role_id``, ``name``, ``custom``, ``x``, ``y`` (NaN when not
        placed), ``quadrant_id`` (of the placement; empty on a border or when not placed),
        and after checking ``article_quadrant_id`` and ``correct``."""
        rows = []
        for role_id, role in self._roles.items():
            placed = role["x"] is not None
            cell = figures.quadrant_of_point(role["x"], role["y"]) if placed else None
            quadrant = self.fw.quadrant_at(*cell) if cell else ""
            article = "" if role["custom"] or not self.checked else self.fw.quadrant_of(role_id)
            rows.append(
                {
                    "role_id": role_id,
                    "name": role["name"],
                    "custom": role["custom"],
                    "x": role["x"] if placed else math.nan,
                    "y": role["y"] if placed else math.nan,
                    "quadrant_id": quadrant,
                    "article_quadrant_id": article,
                    "correct": (quadrant == article) if article and placed else None,
                }
            )
        return pd.DataFrame(rows)

    def place(self, role_id: str, x: float, y: float) -> None:
        """Place `role_id` at (`x`, `y`), both in [-1, 1]; select it in the controls.

        Raises
        ------
        KeyError
            For an unknown role id.
        ValueError
            For a position outside the grid.
        """
        if role_id not in self._roles:
            raise KeyError(
                t(
                    "err.unknown_id",
                    kind=t("kind.role"),
                    value=role_id,
                    known=", ".join(self._roles),
                )
            )
        x = self._number(x, "x", -1, 1)
        y = self._number(y, "y", -1, 1)
        self._roles[role_id].update(x=x, y=y)
        self._select(role_id)
        self._refresh()

    def add_role(self, name: str) -> str | None:
        """Add a role of your own (for example your future job) and select it.

        Returns its id, or None (with a message in :attr:`status`) if the name is empty,
        too long, already used, or the maximum number of own roles is reached.
        """
        name = (name or "").strip()
        customs = [r for r in self._roles.values() if r["custom"]]
        problem = None
        if not name:
            problem = t("placer.add_empty")
        elif len(name) > MAX_NAME_LENGTH:
            problem = t("state.too_long", field=t("placer.new_name"), limit=MAX_NAME_LENGTH)
        elif any(r["name"].casefold() == name.casefold() for r in self._roles.values()):
            problem = t("placer.add_duplicate", name=name)
        elif len(customs) >= MAX_CUSTOM_ROLES:
            problem = t("placer.add_too_many", limit=MAX_CUSTOM_ROLES)
        if problem:
            self.status.value = f"<p role='status'>{_esc(problem)}</p>"
            return None
        role_id = f"eigen_{len(customs) + 1}"
        while role_id in self._roles:
            role_id += "_"
        self._roles[role_id] = {"name": name, "custom": True, "x": None, "y": None}
        self.role.options = self._options()
        self._select(role_id)
        self.new_name.value = ""
        self.status.value = f"<p role='status'>{_esc(t('placer.added', name=name))}</p>"
        self._notify()
        return role_id

    def check(self) -> pd.DataFrame:
        """Compare the placements with Tabel 1, show feedback and the article's placement.

        Returns
        -------
        pandas.DataFrame
            :attr:`placements`, with ``correct`` filled in for the article's roles.
        """
        self.checked = True
        self._refresh()
        return self.placements

    # -- state -----------------------------------------------------------------------------
    def _state(self) -> dict:
        return {
            "placements": [
                {
                    "role_id": role_id,
                    **({"name": role["name"], "custom": True} if role["custom"] else {}),
                    "x": role["x"],
                    "y": role["y"],
                }
                for role_id, role in self._roles.items()
                if role["x"] is not None or role["custom"]
            ],
            "selected": self.role.value,
            "checked": self.checked,
        }

    @classmethod
    def _validate(cls, fw: Framework, state: Mapping, ident: str | None) -> dict:
        items = cls._require(state, "placements", list)
        checked = cls._require(state, "checked", bool) if "checked" in state else False
        known = set(fw.ids("role"))
        roles = {
            role_id: {"name": fw.name("role", role_id), "custom": False, "x": None, "y": None}
            for role_id in fw.ids("role")
        }
        customs = 0
        for index, item in enumerate(items):
            path = f"placements[{index}]"
            if not isinstance(item, Mapping):
                raise StateError(t("state.bad_type", field=cls._field(path), value=_short(item)))
            role_id = cls._require(item, "role_id", str, f"{path}.role_id")
            custom = item.get("custom", False) is True
            if role_id in roles and roles[role_id]["x"] is not None:
                raise StateError(
                    t(
                        "state.duplicate",
                        field=cls._field(f"{path}.role_id"),
                        value=_short(role_id),
                    )
                )
            if custom:
                customs += 1
                if customs > MAX_CUSTOM_ROLES:
                    raise StateError(
                        t("state.too_many", field=cls._field("placements"), limit=MAX_CUSTOM_ROLES)
                    )
                if not role_id.startswith("eigen_") or role_id in known:
                    raise StateError(
                        t(
                            "state.unknown_id",
                            field=cls._field(f"{path}.role_id"),
                            value=_short(role_id),
                        )
                    )
                name = cls._name(item.get("name"), f"{path}.name")
                roles[role_id] = {"name": name, "custom": True, "x": None, "y": None}
            elif role_id not in known:
                raise StateError(
                    t(
                        "state.unknown_id",
                        field=cls._field(f"{path}.role_id"),
                        value=_short(role_id),
                    )
                )
            x, y = item.get("x"), item.get("y")
            if x is None and y is None and custom:
                continue
            roles[role_id]["x"] = cls._number(x, f"{path}.x", -1, 1)
            roles[role_id]["y"] = cls._number(y, f"{path}.y", -1, 1)
        selected = state.get("selected")
        if selected is not None and (not isinstance(selected, str) or selected not in roles):
            raise StateError(
                t("state.unknown_id", field=cls._field("selected"), value=_short(selected))
            )
        return {"roles": roles, "checked": checked, "selected": selected}

    def _apply(self, clean: dict) -> None:
        self._roles = clean["roles"]
        self.checked = clean["checked"]
        self.role.options = self._options()
        self._select(clean["selected"] or next(iter(self._roles)))
        self.status.value = ""
        self._refresh()

    # -- wiring ------------------------------------------------------------------------------
    def _options(self) -> list[tuple[str, str]]:
        return [(role["name"], role_id) for role_id, role in self._roles.items()]

    def _select(self, role_id: str) -> None:
        """Select `role_id` and move the sliders to its position without placing it."""
        self._syncing = True
        try:
            self.role.value = role_id
            role = self._roles[role_id]
            self.x.value = role["x"] if role["x"] is not None else 0.0
            self.y.value = role["y"] if role["y"] is not None else 0.0
        finally:
            self._syncing = False

    def _on_role(self, change: dict) -> None:
        if not self._syncing and change["new"] is not None:
            self._select(change["new"])

    def _on_position(self, change: dict) -> None:
        if self._syncing or self.role.value is None:
            return
        role = self._roles[self.role.value]
        role["x"], role["y"] = float(self.x.value), float(self.y.value)
        self._refresh()

    def _on_click(self, trace, points, selector) -> None:
        if points.xs:
            step = self.x.step
            self.place(
                self.role.value,
                round(round(points.xs[0] / step) * step, 2),
                round(round(points.ys[0] / step) * step, 2),
            )

    def _refresh(self) -> None:
        placed = [(r["name"], r["x"], r["y"]) for r in self._roles.values() if r["x"] is not None]
        student = _traces(self.figure, "student")[0]
        with figure_update(self.figure):
            student.x = [p[1] for p in placed]
            student.y = [p[2] for p in placed]
            student.text = [figures.escape(p[0]) for p in placed]
            student.hovertext = [f"{figures.escape(n)} ({x:+.2f}, {y:+.2f})" for n, x, y in placed]
            for trace in _traces(self.figure, "article"):
                trace.visible = self.checked
        self.feedback.value = self._feedback_html() if self.checked else ""
        self._notify()

    def _feedback_html(self) -> str:
        fw = self.fw
        items, correct, total = [], 0, 0
        for _, row in self.placements.iterrows():
            name = _esc(row["name"])
            if row["custom"]:
                where = (
                    _esc(fw.quadrant(row["quadrant_id"])[localized("name")])
                    if row["quadrant_id"]
                    else _esc(t("grid.on_border"))
                )
                text = t("feedback.custom") if not math.isnan(row["x"]) else t("feedback.unplaced")
                items.append(
                    f"<li>◆ <b>{name}</b>: {where if not math.isnan(row['x']) else ''}"
                    f" {_esc(text)}</li>"
                )
                continue
            total += 1
            rationale = _esc(fw.role(row["role_id"])[localized("rationale")])
            if math.isnan(row["x"]):
                items.append(f"<li>○ <b>{name}</b>: {_esc(t('feedback.unplaced'))}</li>")
            elif not row["quadrant_id"]:
                items.append(f"<li>? <b>{name}</b>: {_esc(t('feedback.border'))} {rationale}</li>")
            elif row["correct"]:
                correct += 1
                items.append(f"<li>✔ <b>{name}</b>: {_esc(t('feedback.right'))} {rationale}</li>")
            else:
                mine = fw.quadrant(row["quadrant_id"])
                theirs = fw.quadrant(row["article_quadrant_id"])
                wrong = [
                    t(f"feedback.dimension.{d}")
                    for d in ("professionalism", "focus")
                    if mine[d] != theirs[d]
                ]
                items.append(
                    f"<li>✘ <b>{name}</b>: "
                    + _esc(
                        t(
                            "feedback.wrong",
                            yours=mine[localized("name")],
                            article=theirs[localized("name")],
                            dimensions=t("feedback.and").join(wrong),
                        )
                    )
                    + f" {rationale}</li>"
                )
        summary = _esc(t("feedback.summary", correct=correct, total=total))
        return (
            f"<div role='status' aria-live='polite'><p><b>{summary}</b></p>"
            f"<ul>{''.join(items)}</ul></div>"
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


# --------------------------------------------------------------------------------------
# TensionTriangle
# --------------------------------------------------------------------------------------

CASE_KEY = "case:eigen"


class TensionTriangle(_Exercise):
    """Weigh how strongly each steering model pulls on a role, a dilemma or your own case.

    Three sliders (0-100) set the weight of each model; the point on the triangle is the
    weights normalised to sum 1 and moves as you slide. Every subject keeps its own
    weights. "Toon de lezing van het artikel" draws the dilemma edges the article gives
    for the subject (a role: the dilemmas of its quadrant).

    Parameters
    ----------
    fw : Framework, optional
        Default: :func:`load_framework`.
    subject : str, optional
        Subject to start with: ``"role:<role_id>"``, ``"dilemma:<dilemma_id>"`` or
        ``"case:eigen"``.
    case_name : str, optional
        Name of the student's own case (escaped wherever it is shown).
    """

    WIDGET = "TensionTriangle"

    def __init__(
        self, fw: Framework | None = None, subject: str | None = None, case_name: str = ""
    ):
        self.fw = fw or load_framework()
        self._syncing = False
        self._weights: dict[str, dict[str, int]] = {}
        self._subjects = self._subject_options()
        keys = [key for _, key in self._subjects]
        if subject is not None and subject not in keys:
            raise KeyError(t("state.unknown_id", field="subject", value=_short(subject)))
        self.subject = _label(
            widgets.Dropdown(options=self._subjects, value=subject or keys[0]), t("tri.subject")
        )
        self.case_name = _label(
            widgets.Text(
                value=case_name[:MAX_NAME_LENGTH],
                placeholder=t("tri.case_placeholder"),
                continuous_update=False,
            ),
            t("tri.case_name"),
        )
        self.sliders = {
            model_id: _label(
                widgets.IntSlider(value=0, min=0, max=100, step=5), self.fw.name("model", model_id)
            )
            for model_id in figures.MODEL_IDS
        }
        self.show_article = _label(
            widgets.Checkbox(value=False, indent=False), t("tri.show_article")
        )
        self.shares = widgets.HTML()
        _align(self.subject, self.case_name, *self.sliders.values())
        self.note = widgets.HTML()

        base = figures.tension_triangle(
            self.fw, dilemma_ids=list(self.fw.dilemmas["dilemma_id"]), stack="quadrant"
        )
        _show_dilemmas(base, False)
        base.add_trace(_ternary_points("others"))
        base.add_trace(_ternary_points("current"))
        self.figure = go.FigureWidget(base)

        self.subject.observe(self._on_subject, names="value")
        self.case_name.observe(self._on_case_name, names="value")
        for slider in self.sliders.values():
            slider.observe(self._on_weight, names="value")
        self.show_article.observe(self._on_show_article, names="value")

        super().__init__(
            [
                widgets.HTML(f"<p>{_esc(t('tri.hint'))}</p>"),
                self.subject,
                self.case_name,
                *self.sliders.values(),
                self.shares,
                self.show_article,
                self.figure,
                self.note,
            ]
        )
        self.add_class("vakmanschap-tensiontriangle")
        self._select(self.subject.value)
        self._refresh()

    # -- public API ----------------------------------------------------------------------
    @property
    def weights(self) -> pd.DataFrame:
        """One row per weighed subject: ``subject``, ``label``, the raw weights
        (``klassiek``, ``npm``, ``netwerk``, 0-100) and the shares (``*_share``, sum 1)."""
        rows = []
        for key, raw in self._weights.items():
            shares = figures.normalise_weights(raw)
            rows.append(
                {
                    "subject": key,
                    "label": self._label_of(key),
                    **raw,
                    **{f"{m}_share": shares[m] for m in figures.MODEL_IDS},
                }
            )
        columns = [
            "subject",
            "label",
            *figures.MODEL_IDS,
            *(f"{m}_share" for m in figures.MODEL_IDS),
        ]
        return pd.DataFrame(rows, columns=columns)

    def set_weights(self, klassiek: int, npm: int, netwerk: int, subject: str | None = None):
        """Set the three weights (0-100) of `subject` (default: the selected one)."""
        values = {"klassiek": klassiek, "npm": npm, "netwerk": netwerk}
        clean = {m: int(self._number(v, f"weights.{m}", 0, 100)) for m, v in values.items()}
        if sum(clean.values()) == 0:
            raise StateError(t("fig.weights_zero"))
        if subject is not None and subject != self.subject.value:
            self.subject.value = subject
        self._syncing = True
        try:
            for model_id, value in clean.items():
                self.sliders[model_id].value = value
        finally:
            self._syncing = False
        self._weights[self.subject.value] = clean
        self._refresh()

    # -- state -------------------------------------------------------------------------------
    def _state(self) -> dict:
        return {
            "selected": self.subject.value,
            "case_name": self.case_name.value,
            "show_article": self.show_article.value,
            "weights": {key: dict(values) for key, values in self._weights.items()},
        }

    @classmethod
    def _validate(cls, fw: Framework, state: Mapping, ident: str | None) -> dict:
        keys = set(_subject_keys(fw))
        weights = cls._require(state, "weights", Mapping)
        clean = {}
        for key, values in weights.items():
            if key not in keys:
                raise StateError(
                    t("state.unknown_id", field=cls._field("weights"), value=_short(key))
                )
            path = f"weights[{key!r}]"
            if not isinstance(values, Mapping):
                raise StateError(t("state.bad_type", field=cls._field(path), value=_short(values)))
            clean[key] = {}
            for model_id in figures.MODEL_IDS:
                value = cls._require(values, model_id, int | float, f"{path}.{model_id}")
                number = cls._number(value, f"{path}.{model_id}", 0, 100)
                clean[key][model_id] = round(number)
            if sum(clean[key].values()) == 0:
                raise StateError(t("state.all_zero", field=cls._field(path)))
        selected = state.get("selected")
        if selected is not None and (not isinstance(selected, str) or selected not in keys):
            raise StateError(
                t("state.unknown_id", field=cls._field("selected"), value=_short(selected))
            )
        case_name = state.get("case_name", "")
        if not isinstance(case_name, str) or len(case_name) > MAX_NAME_LENGTH:
            raise StateError(
                t("state.too_long", field=cls._field("case_name"), limit=MAX_NAME_LENGTH)
            )
        show = state.get("show_article", False)
        if not isinstance(show, bool):
            raise StateError(
                t("state.bad_type", field=cls._field("show_article"), value=_short(show))
            )
        return {
            "weights": clean,
            "selected": selected,
            "case_name": case_name,
            "show_article": show,
        }

    def _apply(self, clean: dict) -> None:
        self._weights = clean["weights"]
        self._syncing = True
        try:
            self.case_name.value = clean["case_name"]
            self.show_article.value = clean["show_article"]
            if clean["selected"] is not None:
                self.subject.value = clean["selected"]
        finally:
            self._syncing = False
        self._select(self.subject.value)
        self._refresh()

    # -- wiring ----------------------------------------------------------------------------
    def _subject_options(self) -> list[tuple[str, str]]:
        fw = self.fw
        options = [
            (t("tri.option_role", name=row[localized("name")]), f"role:{row['role_id']}")
            for _, row in fw.roles.iterrows()
        ]
        options += [
            (t("tri.option_dilemma", name=row[localized("name")]), f"dilemma:{row['dilemma_id']}")
            for _, row in fw.dilemmas.iterrows()
        ]
        options.append((t("tri.option_case"), CASE_KEY))
        return options

    def _label_of(self, key: str) -> str:
        kind, _, item_id = key.partition(":")
        if kind == "case":
            return self.case_name.value.strip() or t("tri.option_case")
        return self.fw.name(kind, item_id)

    def _select(self, key: str) -> None:
        values = self._weights.get(key, {"klassiek": 0, "npm": 0, "netwerk": 0})
        self._syncing = True
        try:
            for model_id, slider in self.sliders.items():
                slider.value = values[model_id]
        finally:
            self._syncing = False
        self.case_name.layout.display = None if key == CASE_KEY else "none"

    def _on_subject(self, change: dict) -> None:
        if self._syncing:
            return
        self._select(change["new"])
        self._refresh()

    def _on_case_name(self, change: dict) -> None:
        if len(change["new"]) > MAX_NAME_LENGTH:
            self.case_name.value = change["new"][:MAX_NAME_LENGTH]  # observed again
            return
        if not self._syncing:
            self._refresh()

    def _on_weight(self, change: dict) -> None:
        if self._syncing:
            return
        self._weights[self.subject.value] = {m: s.value for m, s in self.sliders.items()}
        self._refresh()

    def _on_show_article(self, change: dict) -> None:
        if not self._syncing:
            self._refresh()

    def _article_dilemmas(self, key: str) -> list[str]:
        kind, _, item_id = key.partition(":")
        if kind == "role":
            return self.fw.dilemmas_in(self.fw.quadrant_of(item_id))["dilemma_id"].tolist()
        if kind == "dilemma":
            return [item_id]
        return []

    def _refresh(self) -> None:
        key = self.subject.value
        current = self._weights.get(key)
        valid_current = current is not None and sum(current.values()) > 0
        shown = set(self._article_dilemmas(key)) if self.show_article.value else set()
        others = [
            (k, figures.normalise_weights(v))
            for k, v in self._weights.items()
            if k != key and sum(v.values()) > 0
        ]
        with figure_update(self.figure):
            _show_dilemmas(self.figure, shown)
            _set_points(
                _traces(self.figure, "others")[0], [(self._label_of(k), s) for k, s in others]
            )
            _set_points(
                _traces(self.figure, "current")[0],
                [(self._label_of(key), figures.normalise_weights(current))]
                if valid_current
                else [],
            )
        if valid_current:
            shares = figures.normalise_weights(current)
            text = ", ".join(f"{t(f'model.short.{m}')} {shares[m]:.0%}" for m in figures.MODEL_IDS)
            self.shares.value = f"<p role='status'>{_esc(self._label_of(key))}: {_esc(text)}</p>"
        else:
            self.shares.value = f"<p role='status'>{_esc(t('tri.no_weights'))}</p>"
        if self.show_article.value and not shown:
            self.note.value = f"<p>{_esc(t('tri.no_article_reading'))}</p>"
        elif self.show_article.value:
            names = ", ".join(self.fw.name("dilemma", d) for d in sorted(shown))
            self.note.value = f"<p>{_esc(t('tri.article_reading', dilemmas=names))}</p>"
        else:
            self.note.value = ""
        self._notify()


def _subject_keys(fw: Framework) -> list[str]:
    """Every subject the TensionTriangle offers: roles, dilemmas and the own case."""
    return [
        *(f"role:{role_id}" for role_id in fw.ids("role")),
        *(f"dilemma:{dilemma_id}" for dilemma_id in fw.ids("dilemma")),
        CASE_KEY,
    ]


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
            "color": figures.OKABE_ITO["orange"] if current else figures.OKABE_ITO["sky_blue"],
            "line": {"width": 1.5, "color": figures.OKABE_ITO["black"]},
        },
        textposition="top center",
        hoverinfo="text",
        name=_esc(t(f"tri.legend_{role}")),
        meta={"role": role},
    )


def _set_points(trace, points: list[tuple[str, dict]]) -> None:
    trace.a = [s["klassiek"] for _, s in points]
    trace.b = [s["npm"] for _, s in points]
    trace.c = [s["netwerk"] for _, s in points]
    trace.text = [figures.wrap(label, 24) for label, _ in points]
    trace.hovertext = [
        figures.wrap(label, 40)
        + "<br>"
        + ", ".join(f"{t(f'model.short.{m}')} {s[m]:.0%}" for m in figures.MODEL_IDS)
        for label, s in points
    ]


# --------------------------------------------------------------------------------------
# DilemmaExplorer
# --------------------------------------------------------------------------------------


class DilemmaExplorer(_Exercise):
    """Choose a quadrant and see its roles, competencies, quotes and dilemmas.

    The tension triangle beside the text highlights the steering models in tension in the
    chosen quadrant's dilemmas.

    Parameters
    ----------
    fw : Framework, optional
        Default: :func:`load_framework`.
    quadrant_id : str, optional
        Quadrant to start with (default: the first, section 4.1).
    """

    WIDGET = "DilemmaExplorer"

    def __init__(self, fw: Framework | None = None, quadrant_id: str | None = None):
        self.fw = fw or load_framework()
        options = [
            (f"§{row['section']} {row[localized('name')]}", row["quadrant_id"])
            for _, row in self.fw.quadrants.sort_values("section").iterrows()
        ]
        start = quadrant_id or options[0][1]
        self.fw.quadrant(start)
        self.quadrant = _label(
            widgets.Dropdown(options=options, value=start), t("explorer.quadrant")
        )
        self.quadrant.layout.width = "100%"
        self.details = widgets.HTML()
        base = figures.tension_triangle(
            self.fw, dilemma_ids=list(self.fw.dilemmas["dilemma_id"]), stack="quadrant"
        )
        self.figure = go.FigureWidget(base)
        self.quadrant.observe(self._on_quadrant, names="value")
        super().__init__([self.quadrant, self.details, self.figure])
        self.add_class("vakmanschap-dilemmaexplorer")
        self._refresh()

    def _state(self) -> dict:
        return {"quadrant": self.quadrant.value}

    @classmethod
    def _validate(cls, fw: Framework, state: Mapping, ident: str | None) -> dict:
        quadrant = cls._require(state, "quadrant", str)
        if quadrant not in fw.ids("quadrant"):
            raise StateError(
                t("state.unknown_id", field=cls._field("quadrant"), value=_short(quadrant))
            )
        return {"quadrant": quadrant}

    def _apply(self, clean: dict) -> None:
        self.quadrant.value = clean["quadrant"]
        self._refresh()

    def _on_quadrant(self, change: dict) -> None:
        self._refresh()

    def _refresh(self) -> None:
        quadrant_id = self.quadrant.value
        shown = set(self.fw.dilemmas_in(quadrant_id)["dilemma_id"])
        with figure_update(self.figure):
            _show_dilemmas(self.figure, shown)
        self.details.value = quadrant_html(self.fw, quadrant_id)
        self._notify()


def quadrant_html(fw: Framework, quadrant_id: str, dilemmas: bool = True) -> str:
    """HTML overview of one quadrant: summary, roles, competencies, quotes and dilemmas.

    All data text is escaped. Quotes are marked as quotes and attributed (role and
    municipality type where the article gives them). With ``dilemmas=False`` the
    dilemmas (and so the models in tension) are left out.
    """
    q = fw.quadrant(quadrant_id)
    name = localized("name")
    roles = ", ".join(_esc(r) for r in fw.roles_in(quadrant_id)[localized("plural")])
    parts = [
        f"<h3>§{_esc(q['section'])} {_esc(q[name])}</h3>",
        f"<p><b>{_esc(t('explorer.meaning'))}</b> {_esc(q[localized('summary')])}</p>",
        f"<p><b>{_esc(t('explorer.roles'))}</b> {roles}</p>",
    ]
    for kind in ("genoemd", "ontbreekt"):
        comps = fw.competencies_in(quadrant_id, kind=kind)
        if comps.empty:
            continue
        items = "".join(f"<li>{_esc(c)}</li>" for c in comps[name])
        parts.append(f"<p><b>{_esc(t(f'explorer.competencies.{kind}'))}</b></p><ul>{items}</ul>")
    quotes = fw.quotes_in(quadrant_id)
    if not quotes.empty:
        items = []
        for _, quote in quotes.iterrows():
            who = [fw.name("role", quote["role_id"])] if quote["role_id"] else []
            if quote["municipality_id"]:
                municipality = fw.municipalities.set_index("municipality_id").loc[
                    quote["municipality_id"], name
                ]
                who.append(t("explorer.interview_in", municipality=municipality))
            attribution = ", ".join(who) or t("explorer.interview")
            items.append(
                "<figure class='vakmanschap-quote'>"
                f"<blockquote lang='nl'>‘{_esc(quote['text_nl'])}’</blockquote>"
                f"<figcaption>— {_esc(attribution)} "
                f"<small>({_esc(quote[localized('context')])})</small></figcaption></figure>"
            )
        parts.append(f"<p><b>{_esc(t('explorer.quotes'))}</b></p>{''.join(items)}")
    numbers = {d: i for i, d in enumerate(fw.dilemmas["dilemma_id"], start=1)}
    shown = fw.dilemmas_in(quadrant_id) if dilemmas else fw.dilemmas_in(quadrant_id).iloc[0:0]
    for _, d in shown.iterrows():
        models = " ↔ ".join(_esc(fw.name("model", m)) for m in d["models"])
        extra = ""
        if d["reinforced_by"]:
            extra = _esc(
                t(
                    "explorer.reinforced",
                    models=", ".join(fw.name("model", m) for m in d["reinforced_by"]),
                )
            )
        source = "" if d["models_source"] == "artikel" else _esc(t("explorer.inferred"))
        parts.append(
            f"<p><b>{_esc(t('explorer.dilemma', number=numbers[d['dilemma_id']]))}: "
            f"{_esc(d[name])}</b><br>{_esc(d[localized('pole_a')])} ↔ "
            f"{_esc(d[localized('pole_b')])}<br>{_esc(t('explorer.models'))} {models} {extra} "
            f"{source}</p>"
        )
    return "<div class='vakmanschap-quadrant'>" + "".join(parts) + "</div>"


# --------------------------------------------------------------------------------------
# CompetencyProfile
# --------------------------------------------------------------------------------------


class CompetencyProfile(_Exercise):
    """Self-assessment on 't Hart's (2014) points, with a live radar chart.

    Parameters
    ----------
    fw : Framework, optional
        Default: :func:`load_framework`.
    comparison : mapping, optional
        A second profile ``{recommendation_id: score}`` to draw beside yours (e.g. the
        class mean), with `comparison_label` as its name.
    comparison_label : str, optional
    """

    WIDGET = "CompetencyProfile"

    def __init__(
        self,
        fw: Framework | None = None,
        comparison: Mapping | None = None,
        comparison_label: str | None = None,
    ):
        self.fw = fw or load_framework()
        self._syncing = False
        recs = self.fw.recommendations.sort_values("order")
        self.sliders = {}
        rows = []
        for _, rec in recs.iterrows():
            slider = _label(
                widgets.IntSlider(value=3, min=figures.SCALE_MIN, max=figures.SCALE_MAX),
                rec[localized("name")],
            )
            slider.tooltip = rec[localized("description")]
            self.sliders[rec["recommendation_id"]] = slider
            rows.append(
                widgets.VBox(
                    [
                        slider,
                        widgets.HTML(f"<small>{_esc(rec[localized('description')])}</small>"),
                    ]
                )
            )
        _align(*self.sliders.values())
        self.figure = go.FigureWidget(
            figures.competency_profile(
                self.fw,
                scores=self.scores,
                comparison=comparison,
                comparison_label=comparison_label,
            )
        )
        for slider in self.sliders.values():
            slider.observe(self._on_score, names="value")
        super().__init__(
            [
                widgets.HTML(f"<p>{_esc(t('radar.hint'))}</p>"),
                *rows,
                self.figure,
                widgets.HTML(f"<p><small>{_esc(t('radar.source'))}</small></p>"),
            ]
        )
        self.add_class("vakmanschap-competencyprofile")

    @property
    def scores(self) -> dict[str, int]:
        """The self-assessment: ``{recommendation_id: score}`` on the scale 1-5."""
        return {rec_id: slider.value for rec_id, slider in self.sliders.items()}

    def _state(self) -> dict:
        return {"scores": self.scores}

    @classmethod
    def _validate(cls, fw: Framework, state: Mapping, ident: str | None) -> dict:
        scores = cls._require(state, "scores", Mapping)
        clean = {}
        for rec_id, value in scores.items():
            if rec_id not in fw.ids("recommendation"):
                raise StateError(
                    t("state.unknown_id", field=cls._field("scores"), value=_short(rec_id))
                )
            number = cls._number(value, f"scores[{rec_id!r}]", figures.SCALE_MIN, figures.SCALE_MAX)
            if number != int(number):
                raise StateError(
                    t(
                        "state.bad_number",
                        field=cls._field(f"scores[{rec_id!r}]"),
                        value=_short(value),
                    )
                )
            clean[rec_id] = int(number)
        return {"scores": clean}

    def _apply(self, clean: dict) -> None:
        self._syncing = True
        try:
            for rec_id, value in clean["scores"].items():
                self.sliders[rec_id].value = value
        finally:
            self._syncing = False
        self._refresh()

    def _on_score(self, change: dict) -> None:
        if not self._syncing:
            self._refresh()

    def _refresh(self) -> None:
        recs = self.fw.recommendations.sort_values("order")["recommendation_id"]
        values = [self.scores[rec_id] for rec_id in recs]
        trace = _traces(self.figure, "self")[0]
        names = [th.replace("<br>", " ") for th in trace.theta]
        r = [*values, values[0]]
        with figure_update(self.figure):
            trace.r = r
            trace.hovertext = [f"{trace.name}: {n} = {v}" for n, v in zip(names, r, strict=True)]
        self._notify()


# --------------------------------------------------------------------------------------
# Quiz, TensionQuiz and Reflection
# --------------------------------------------------------------------------------------


def _feedback_box() -> widgets.HTML:
    box = widgets.HTML()
    box.add_class("vakmanschap-feedback")
    return box


class Quiz(_Exercise):
    """A multiple-choice question from ``data/questions.csv`` with feedback.

    Parameters
    ----------
    question_id : str
        A question of kind ``keuze``.
    fw : Framework, optional
        Default: :func:`load_framework`.

    Attributes
    ----------
    correct : bool or None
        Whether the last checked answer was right (None before checking).
    """

    WIDGET = "Quiz"
    KEY_ARGUMENT = "question_id"

    def __init__(self, question_id: str, fw: Framework | None = None):
        self.fw = fw or load_framework()
        self.question = _question(self.fw, question_id, "keuze")
        options = list(self.question[localized("options")])
        self.choice = widgets.RadioButtons(
            options=[(option, number) for number, option in enumerate(options, start=1)],
            value=None,
            layout=widgets.Layout(width="auto"),
        )
        self.choice.description = ""
        self.choice.tooltip = self.question[localized("question")]
        self.check_button = _check_button(t("quiz.check"), self.check)
        self.feedback = _feedback_box()
        self.correct: bool | None = None
        self.choice.observe(self._on_choice, names="value")
        super().__init__(
            [
                widgets.HTML(
                    f"<p><b>{_esc(t('quiz.question'))}</b> "
                    f"{_esc(self.question[localized('question')])}</p>"
                ),
                self.choice,
                self.check_button,
                self.feedback,
            ]
        )
        self.add_class("vakmanschap-quiz")

    def _ident(self) -> str:
        return str(self.question["question_id"])

    def check(self) -> bool | None:
        """Check the chosen option; show feedback and the explanation. Returns `correct`."""
        if self.choice.value is None:
            self.correct = None
            self.feedback.value = f"<p role='status'>{_esc(t('quiz.choose_first'))}</p>"
            self._notify()
            return None
        self.correct = self.choice.value == int(self.question["answer"])
        verdict = t("quiz.right") if self.correct else t("quiz.wrong")
        mark = "✔" if self.correct else "✘"
        source = self.question["source"]
        source_html = (
            f"<br><small>{_esc(t('quiz.source', source=source))}</small>" if source else ""
        )
        self.feedback.value = (
            f"<div role='status' aria-live='polite'><p><b>{mark} {_esc(verdict)}</b> "
            f"{_esc(self.question[localized('explanation')])}{source_html}</p></div>"
        )
        self._notify()
        return self.correct

    def _on_choice(self, change: dict) -> None:
        if self.correct is not None:  # a new choice after checking: ask to check again
            self.correct = None
            self.feedback.value = f"<p role='status'>{_esc(t('quiz.check_again'))}</p>"
        self._notify()

    def _state(self) -> dict:
        return {
            "question_id": self.question["question_id"],
            "choice": self.choice.value,
            "checked": self.correct is not None,
        }

    @classmethod
    def _validate(cls, fw: Framework, state: Mapping, ident: str | None) -> dict:
        question_id = _own_id(cls, state, "question_id", ident)
        if fw._lookup("question", "kind").get(question_id) != "keuze":
            raise StateError(
                t("state.unknown_id", field=cls._field("question_id"), value=_short(question_id))
            )
        choice = state.get("choice")
        if choice is not None:
            count = len(fw._lookup("question", "options_nl")[question_id])
            number = cls._number(choice, "choice", 1, count)
            if number != int(number):
                raise StateError(
                    t("state.bad_number", field=cls._field("choice"), value=_short(choice))
                )
            choice = int(number)
        checked = state.get("checked", False)
        if not isinstance(checked, bool):
            raise StateError(
                t("state.bad_type", field=cls._field("checked"), value=_short(checked))
            )
        return {"question_id": question_id, "choice": choice, "checked": checked}

    def _apply(self, clean: dict) -> None:
        self.correct = None
        self.choice.value = clean["choice"]
        self.feedback.value = ""
        if clean["checked"]:
            self.check()


class TensionQuiz(_Exercise):
    """Name the steering models in tension in a dilemma, then compare with the article.

    The triangle with the article's answer appears only after checking.

    Parameters
    ----------
    dilemma_id : str
    fw : Framework, optional
        Default: :func:`load_framework`.
    """

    WIDGET = "TensionQuiz"
    KEY_ARGUMENT = "dilemma_id"

    def __init__(self, dilemma_id: str, fw: Framework | None = None):
        self.fw = fw or load_framework()
        self.dilemma = self.fw.dilemma(dilemma_id)
        self.boxes = {
            model_id: _label(
                widgets.Checkbox(value=False, indent=False), self.fw.name("model", model_id)
            )
            for model_id in figures.MODEL_IDS
        }
        self.check_button = _check_button(t("quiz.check"), self.check)
        self.feedback = _feedback_box()
        self.checked = False
        base = figures.tension_triangle(self.fw, dilemma_ids=[dilemma_id], height=520)
        _show_dilemmas(base, False)
        self.figure = go.FigureWidget(base)
        self._restoring = False
        for box in self.boxes.values():
            box.observe(self._on_box, names="value")
        d = self.dilemma
        super().__init__(
            [
                widgets.HTML(
                    f"<p><b>{_esc(d[localized('name')])}</b>: {_esc(d[localized('pole_a')])} ↔ "
                    f"{_esc(d[localized('pole_b')])}</p><p>{_esc(t('tquiz.question'))}</p>"
                ),
                *self.boxes.values(),
                self.check_button,
                self.feedback,
                self.figure,
            ]
        )
        self.add_class("vakmanschap-tensionquiz")

    def _ident(self) -> str:
        return str(self.dilemma["dilemma_id"])

    @property
    def chosen(self) -> tuple[str, ...]:
        """The models the student ticked, in the order klassiek, npm, netwerk."""
        return tuple(m for m, box in self.boxes.items() if box.value)

    def check(self) -> bool:
        """Compare the ticked models with the article; show feedback and the triangle.

        Returns
        -------
        bool
            True if the ticked models are exactly the models in tension (a model the
            article names as reinforcing the tension also counts as right, ticked or not).
        """
        self.checked = True
        fw, d = self.fw, self.dilemma
        article = set(d["models"])
        reinforcing = set(d["reinforced_by"])
        chosen = set(self.chosen)
        right = article <= chosen <= article | reinforcing
        items = []
        for model_id in figures.MODEL_IDS:
            name = _esc(fw.name("model", model_id))
            if model_id in article:
                state = "tquiz.in_and_chosen" if model_id in chosen else "tquiz.in_not_chosen"
            elif model_id in reinforcing:
                state = "tquiz.reinforcing"
            else:
                state = "tquiz.out_but_chosen" if model_id in chosen else "tquiz.out_not_chosen"
            mark = {
                "tquiz.in_and_chosen": "✔",
                "tquiz.out_not_chosen": "✔",
                "tquiz.reinforcing": "◆",
            }.get(state, "✘")
            items.append(f"<li>{mark} <b>{name}</b>: {_esc(t(state))}</li>")
        verdict = t("quiz.right") if right else t("tquiz.partly")
        source = "" if d["models_source"] == "artikel" else f" {_esc(t('explorer.inferred'))}"
        self.feedback.value = (
            f"<div role='status' aria-live='polite'><p><b>{'✔' if right else '✘'} "
            f"{_esc(verdict)}</b></p><ul>{''.join(items)}</ul>"
            f"<p>{_esc(d[localized('explanation')])}{source}</p></div>"
        )
        with figure_update(self.figure):
            _show_dilemmas(self.figure, True)
        self._notify()
        return right

    def _state(self) -> dict:
        return {
            "dilemma_id": self.dilemma["dilemma_id"],
            "chosen": list(self.chosen),
            "checked": self.checked,
        }

    @classmethod
    def _validate(cls, fw: Framework, state: Mapping, ident: str | None) -> dict:
        dilemma_id = _own_id(cls, state, "dilemma_id", ident)
        if dilemma_id not in fw.ids("dilemma"):
            raise StateError(
                t("state.unknown_id", field=cls._field("dilemma_id"), value=_short(dilemma_id))
            )
        chosen = cls._require(state, "chosen", list)
        for index, model_id in enumerate(chosen):
            if model_id not in figures.MODEL_IDS:
                raise StateError(
                    t(
                        "state.unknown_id",
                        field=cls._field(f"chosen[{index}]"),
                        value=_short(model_id),
                    )
                )
        checked = state.get("checked", False)
        if not isinstance(checked, bool):
            raise StateError(
                t("state.bad_type", field=cls._field("checked"), value=_short(checked))
            )
        return {"dilemma_id": dilemma_id, "chosen": set(chosen), "checked": checked}

    def _apply(self, clean: dict) -> None:
        self._restoring = True
        try:
            for model_id, box in self.boxes.items():
                box.value = model_id in clean["chosen"]
        finally:
            self._restoring = False
        if clean["checked"]:
            self.check()
        else:
            self._uncheck()

    def _on_box(self, change: dict) -> None:
        """A changed answer after checking hides the article's answer until checked again."""
        if self.checked and not self._restoring:
            self._uncheck()
            self.feedback.value = f"<p role='status'>{_esc(t('quiz.check_again'))}</p>"
        self._notify()

    def _uncheck(self) -> None:
        self.checked = False
        self.feedback.value = ""
        with figure_update(self.figure):
            _show_dilemmas(self.figure, False)


MAX_REFLECTION_LENGTH = 5000


class Reflection(_Exercise):
    """An open reflection question from ``data/questions.csv``, answered in a text box.

    Parameters
    ----------
    question_id : str
        A question of kind ``reflectie``.
    fw : Framework, optional
    """

    WIDGET = "Reflection"
    KEY_ARGUMENT = "question_id"

    def __init__(self, question_id: str, fw: Framework | None = None):
        self.fw = fw or load_framework()
        self.question = _question(self.fw, question_id, "reflectie")
        prompt = self.question[localized("question")]
        self.text = widgets.Textarea(
            placeholder=t("reflection.placeholder"),
            continuous_update=False,
            layout=widgets.Layout(width="min(720px, 100%)", height="8em"),
        )
        self.text.description = t("reflection.answer")
        self.text.tooltip = prompt
        self.count = widgets.HTML()
        self.text.observe(self._on_text, names="value")
        super().__init__(
            [
                widgets.HTML(f"<p><b>{_esc(t('reflection.label'))}</b> {_esc(prompt)}</p>"),
                self.text,
                self.count,
            ]
        )
        self.add_class("vakmanschap-reflection")

    def _ident(self) -> str:
        return str(self.question["question_id"])

    def _on_text(self, change: dict) -> None:
        value = change["new"]
        if len(value) > MAX_REFLECTION_LENGTH:
            self.text.value = value[:MAX_REFLECTION_LENGTH]
            return
        self.count.value = (
            f"<small role='status'>{_esc(t('reflection.count', count=len(value)))}</small>"
        )
        self._notify()

    def _state(self) -> dict:
        return {"question_id": self.question["question_id"], "text": self.text.value}

    @classmethod
    def _validate(cls, fw: Framework, state: Mapping, ident: str | None) -> dict:
        question_id = _own_id(cls, state, "question_id", ident)
        if fw._lookup("question", "kind").get(question_id) != "reflectie":
            raise StateError(
                t("state.unknown_id", field=cls._field("question_id"), value=_short(question_id))
            )
        text = cls._require(state, "text", str)
        if len(text) > MAX_REFLECTION_LENGTH:
            raise StateError(
                t("state.too_long", field=cls._field("text"), limit=MAX_REFLECTION_LENGTH)
            )
        return {"question_id": question_id, "text": text}

    def _apply(self, clean: dict) -> None:
        self.text.value = clean["text"]


def _own_id(cls, state: Mapping, field: str, ident: str | None) -> str:
    """The question or dilemma id of a state: `ident` when given (the state must agree),
    else the state's own."""
    value = state.get(field, ident)
    if not isinstance(value, str) or (ident is not None and value != ident):
        raise StateError(t("state.unknown_id", field=cls._field(field), value=_short(value)))
    return value


def _question(fw: Framework, question_id: str, kind: str) -> pd.Series:
    match = fw.questions.loc[fw.questions["question_id"] == question_id]
    if match.empty or match.iloc[0]["kind"] != kind:
        known = ", ".join(fw.questions.loc[fw.questions["kind"] == kind, "question_id"])
        raise KeyError(
            t("err.unknown_id", kind=t(f"kind.question.{kind}"), value=question_id, known=known)
        )
    return match.iloc[0]
