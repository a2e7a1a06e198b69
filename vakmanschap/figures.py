"""Plotly figures of the framework: the 2x2 grid, the tension triangle, the competency radar.

Every function returns a :class:`plotly.graph_objects.Figure`, takes the
:class:`~vakmanschap.Framework` (default: :func:`~vakmanschap.load_framework`) and follows
:func:`~vakmanschap.set_language`. Colours come from the colour-blind-safe Okabe-Ito palette
and are never the only cue: every series also has its own marker shape, line style or text
label. :func:`describe` returns a plain-text description for screen readers and handouts.

User text (a student's own role or case names) is escaped before it reaches a label or a
hover text, because plotly renders some HTML in text.
"""

from __future__ import annotations

import html
import math
import textwrap
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from .framework import Framework, load_framework
from .i18n import localized, t

#: Okabe & Ito (2008) colour-blind-safe palette.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}

#: Colour and marker symbol of each steering model (corners of the triangle).
MODEL_STYLE = {
    "klassiek": {"color": OKABE_ITO["blue"], "symbol": "square", "dash": "solid"},
    "npm": {"color": OKABE_ITO["vermillion"], "symbol": "diamond", "dash": "dash"},
    "netwerk": {"color": OKABE_ITO["bluish_green"], "symbol": "circle", "dash": "dot"},
}

#: Light fill and marker symbol of each quadrant, keyed by (professionalism, focus).
QUADRANT_STYLE = {
    ("klassiek", "extern"): {"fill": "#FBE7BF", "symbol": "circle"},
    ("klassiek", "intern"): {"fill": "#D5ECF9", "symbol": "square"},
    ("organisatie", "extern"): {"fill": "#CCEBE2", "symbol": "diamond"},
    ("organisatie", "intern"): {"fill": "#F4DCE9", "symbol": "triangle-up"},
}

#: Sign of (x, y) on the grid for each side of the two distinctions.
FOCUS_SIGN = {"intern": -1, "extern": 1}
PROFESSIONALISM_SIGN = {"organisatie": -1, "klassiek": 1}

#: Ternary axes: which steering model sits on which corner.
CORNERS = {"klassiek": "a", "npm": "b", "netwerk": "c"}
MODEL_IDS = ("klassiek", "npm", "netwerk")

_FONT = {"family": "Arial, Helvetica, sans-serif", "size": 13, "color": "#222222"}


# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------


def escape(text: object) -> str:
    """Escape `text` for plotly labels: ``<``, ``>`` and ``&`` become entities."""
    return html.escape(str(text), quote=False)


def wrap(text: object, width: int = 28) -> str:
    """Escape `text` and wrap it onto lines of at most `width` characters with ``<br>``."""
    lines = textwrap.wrap(str(text), width=width) or [""]
    return "<br>".join(escape(line) for line in lines)


def describe(fig: go.Figure) -> str:
    """Return the plain-text description of a figure made by this module.

    The description names every element a sighted reader sees (axes, quadrants, points,
    edges), for screen readers and printed handouts.

    Parameters
    ----------
    fig : plotly.graph_objects.Figure or FigureWidget

    Returns
    -------
    str
    """
    meta = fig.layout.meta
    if isinstance(meta, Mapping) and "description" in meta:
        return str(meta["description"])
    raise ValueError(t("fig.no_description"))


def _base_layout(fig: go.Figure, title: str, description: str, height: int) -> None:
    fig.update_layout(
        title={"text": escape(title), "x": 0.02, "xanchor": "left"},
        font=_FONT,
        height=height,
        margin={"l": 60, "r": 30, "t": 70, "b": 130},
        paper_bgcolor="white",
        plot_bgcolor="white",
        meta={"description": description},
        hoverlabel={"font": {"size": 13}},
        legend={"orientation": "h", "yanchor": "top", "y": -0.14, "x": 0},
    )


def quadrant_signs(quadrant: Mapping) -> tuple[int, int]:
    """The signs (x, y) of a quadrant's corner of the grid: focus left/right, professionalism
    down/up."""
    return FOCUS_SIGN[quadrant["focus"]], PROFESSIONALISM_SIGN[quadrant["professionalism"]]


def quadrant_of_point(x: float, y: float) -> tuple[str, str] | None:
    """Return (professionalism, focus) of a point on the grid, or None on a border line."""
    if x == 0 or y == 0:
        return None
    return ("klassiek" if y > 0 else "organisatie", "extern" if x > 0 else "intern")


def article_position(fw: Framework, role_id: str) -> tuple[float, float]:
    """Return where the grid draws `role_id` in the article's placement (Tabel 1)."""
    role = fw.role(role_id)
    quadrant = fw.quadrant(role["quadrant_id"])
    siblings = fw.roles_in(quadrant["quadrant_id"])["role_id"].tolist()
    rank = siblings.index(role_id)
    sx, sy = quadrant_signs(quadrant)
    offset = 0.66 - 0.3 * rank if sy > 0 else 0.3 + 0.3 * rank
    return 0.5 * sx, offset * sy


def _placements_frame(placements: object) -> pd.DataFrame:
    """Accept a DataFrame or a list of dicts with ``name``, ``x``, ``y`` (and ``role_id``)."""
    frame = pd.DataFrame(placements) if not isinstance(placements, pd.DataFrame) else placements
    missing = {"x", "y"} - set(frame.columns)
    if missing:
        raise ValueError(t("fig.placements_columns", missing=", ".join(sorted(missing))))
    return frame


# --------------------------------------------------------------------------------------
# The 2x2 grid (Tabel 1)
# --------------------------------------------------------------------------------------


def grid_figure(
    fw: Framework | None = None,
    *,
    article: bool = True,
    placements: object | None = None,
    class_placements: pd.DataFrame | None = None,
    height: int = 600,
) -> go.Figure:
    """Tabel 1 as a 2x2 plot: focus (x) by professionalism (y), with the roles.

    Parameters
    ----------
    fw : Framework, optional
        Default: :func:`load_framework`.
    article : bool
        Show the article's placement of the eight roles (labelled markers, one shape per
        quadrant).
    placements : DataFrame or list of dict, optional
        One student's placements: columns ``name``, ``x``, ``y`` in [-1, 1] (x: intern -1
        to extern 1; y: organisatie -1 to klassiek 1). Names are escaped.
    class_placements : DataFrame, optional
        A whole class's placements: columns ``role_id``, ``x``, ``y`` (any number of rows).
        Drawn as a density with, per role, the class mean and the share placed in the
        article's quadrant, so that 500 or 5,000 points stay readable.
    height : int
        Figure height in pixels; the width follows the page (designed for 700 px).

    Returns
    -------
    plotly.graph_objects.Figure
        ``describe(fig)`` gives its text description.
    """
    fw = fw or load_framework()
    fig = go.Figure()
    lines = [t("grid.describe_axes")]
    for _, q in fw.quadrants.iterrows():
        sx, sy = quadrant_signs(q)
        style = QUADRANT_STYLE[(q["professionalism"], q["focus"])]
        fig.add_shape(
            type="rect",
            x0=0,
            x1=sx,
            y0=0,
            y1=sy,
            fillcolor=style["fill"],
            line={"width": 0},
            layer="below",
        )
        fig.add_annotation(
            x=0.5 * sx,
            y=0.97 * sy,
            yanchor="top" if sy > 0 else "bottom",
            text=f"<b>§{escape(q['section'])}</b> {wrap(q[localized('name')], 34)}",
            showarrow=False,
            font={"size": 12},
        )
        roles = fw.roles_in(q["quadrant_id"])[localized("name")].tolist()
        lines.append(
            t(
                "grid.describe_quadrant",
                section=q["section"],
                name=q[localized("name")],
                where=t(f"grid.where.{q['professionalism']}_{q['focus']}"),
                roles=", ".join(roles),
            )
        )
    fig.add_hline(y=0, line={"color": "#555555", "width": 2})
    fig.add_vline(x=0, line={"color": "#555555", "width": 2})

    if article:
        _add_article_roles(fig, fw)
    if class_placements is not None:
        lines.extend(_add_class_overlay(fig, fw, class_placements))
    if placements is not None:
        lines.extend(_add_student_placements(fig, fw, placements))

    fig.update_xaxes(
        range=[-1.05, 1.05],
        tickvals=[-0.5, 0.5],
        ticktext=[t("grid.intern"), t("grid.extern")],
        title={"text": t("grid.x_title")},
        showgrid=False,
        zeroline=False,
        fixedrange=True,
    )
    fig.update_yaxes(
        range=[-1.05, 1.05],
        tickvals=[-0.5, 0.5],
        ticktext=[t("grid.organisatie"), t("grid.klassiek")],
        title={"text": t("grid.y_title")},
        showgrid=False,
        zeroline=False,
        fixedrange=True,
    )
    _base_layout(fig, t("grid.title"), "\n".join(lines), height)
    return fig


def _add_article_roles(fig: go.Figure, fw: Framework) -> None:
    for _, q in fw.quadrants.iterrows():
        style = QUADRANT_STYLE[(q["professionalism"], q["focus"])]
        roles = fw.roles_in(q["quadrant_id"])
        points = [article_position(fw, r) for r in roles["role_id"]]
        names = roles[localized("name")].tolist()
        fig.add_trace(
            go.Scatter(
                x=[p[0] for p in points],
                y=[p[1] for p in points],
                mode="markers+text",
                marker={
                    "symbol": style["symbol"],
                    "size": 12,
                    "color": OKABE_ITO["black"],
                    "line": {"width": 1, "color": "white"},
                },
                text=[escape(n) for n in names],
                textposition="bottom center",
                hovertext=[f"{escape(n)} — §{escape(q['section'])}" for n in names],
                hoverinfo="text",
                name=escape(t("grid.article_legend", section=q["section"])),
                legendgroup="article",
                meta={"role": "article", "quadrant_id": q["quadrant_id"]},
            )
        )


def _add_student_placements(fig: go.Figure, fw: Framework, placements: object) -> list[str]:
    frame = _placements_frame(placements)
    names = [escape(n) for n in frame.get("name", pd.Series([""] * len(frame)))]
    fig.add_trace(
        go.Scatter(
            x=frame["x"].tolist(),
            y=frame["y"].tolist(),
            mode="markers+text",
            marker={
                "symbol": "star",
                "size": 15,
                "color": OKABE_ITO["orange"],
                "line": {"width": 1.5, "color": OKABE_ITO["black"]},
            },
            text=names,
            textposition="bottom center",
            hovertext=[
                f"{n} ({x:+.2f}, {y:+.2f})"
                for n, x, y in zip(names, frame["x"], frame["y"], strict=True)
            ],
            hoverinfo="text",
            name=escape(t("grid.student_legend")),
            meta={"role": "student"},
        )
    )
    lines = [t("grid.describe_student", count=len(frame))]
    for name, x, y in zip(
        frame.get("name", [""] * len(frame)), frame["x"], frame["y"], strict=True
    ):
        lines.append(f"  {name}: {_where_text(fw, x, y)}")
    return lines


def _where_text(fw: Framework, x: float, y: float) -> str:
    cell = quadrant_of_point(x, y)
    if cell is None:
        return t("grid.on_border")
    return fw.quadrant(fw.quadrant_at(*cell))[localized("name")]


def density_trace(x, y, color: str, ncontours: int = 5, **meta) -> go.Histogram2dContour:
    """Placements on the grid as a filled density, from transparent to `color`, in bins
    that line up with the quadrant borders."""
    return go.Histogram2dContour(
        x=x,
        y=y,
        xbins={"start": -1, "end": 1, "size": 0.25},
        ybins={"start": -1, "end": 1, "size": 0.25},
        ncontours=ncontours,
        colorscale=[[0, "rgba(255,255,255,0)"], [1, color]],
        contours={"coloring": "fill", "showlines": False},
        showscale=False,
        hoverinfo="skip",
        meta={"role": "class_density", **meta},
    )


def _add_class_overlay(fig: go.Figure, fw: Framework, frame: pd.DataFrame) -> list[str]:
    missing = {"role_id", "x", "y"} - set(frame.columns)
    if missing:
        raise ValueError(t("fig.placements_columns", missing=", ".join(sorted(missing))))
    density = density_trace(frame["x"], frame["y"], "rgba(0,0,0,0.45)", ncontours=6)
    density.update(
        contours={"coloring": "fill", "showlines": True},
        line={"width": 0.5, "color": "#444444"},
        name=escape(t("grid.class_density")),
        showlegend=True,
    )
    fig.add_trace(density)
    grouped = frame.groupby("role_id", sort=False)
    means = grouped[["x", "y"]].mean()
    counts = grouped.size()
    xs, ys, labels, hovers, lines = [], [], [], [], [t("grid.describe_class", count=len(frame))]
    for role_id, row in means.iterrows():
        known = role_id in set(fw.roles["role_id"])
        name = fw.name("role", role_id) if known else str(role_id)
        share = _share_in_article_quadrant(fw, role_id, frame) if known else None
        share_text = "" if share is None else t("grid.class_share", share=round(share * 100))
        xs.append(row["x"])
        ys.append(row["y"])
        labels.append(escape(name))
        hovers.append(escape(f"{name}: n={counts[role_id]} {share_text}"))
        lines.append(f"  {name}: n={counts[role_id]} {share_text}".rstrip())
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="markers+text",
            marker={
                "symbol": "x",
                "size": 11,
                "color": OKABE_ITO["reddish_purple"],
                "line": {"width": 1, "color": OKABE_ITO["black"]},
            },
            text=labels,
            textposition="top center",
            hovertext=hovers,
            hoverinfo="text",
            name=escape(t("grid.class_mean")),
            meta={"role": "class_mean"},
        )
    )
    return lines


def _share_in_article_quadrant(fw: Framework, role_id: str, frame: pd.DataFrame) -> float:
    quadrant = fw.quadrant(fw.quadrant_of(role_id))
    rows = frame.loc[frame["role_id"] == role_id]
    sx, sy = quadrant_signs(quadrant)
    inside = (rows["x"] * sx > 0) & (rows["y"] * sy > 0)
    return float(inside.mean()) if len(rows) else 0.0


# --------------------------------------------------------------------------------------
# The tension triangle (Stoker's three steering models)
# --------------------------------------------------------------------------------------


def normalise_weights(weights: Mapping[str, float]) -> dict[str, float]:
    """Return the three model weights scaled to sum 1.

    Parameters
    ----------
    weights : mapping
        ``{"klassiek": w1, "npm": w2, "netwerk": w3}``; each finite and >= 0, not all 0.

    Raises
    ------
    ValueError
        Naming the model whose weight is missing, negative or not a number, or saying
        that all weights are 0.
    """
    values = {}
    for model_id in MODEL_IDS:
        value = weights.get(model_id)
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            raise ValueError(t("fig.weight_invalid", model=model_id, value=value))
        if value < 0:
            raise ValueError(t("fig.weight_invalid", model=model_id, value=value))
        values[model_id] = float(value)
    total = sum(values.values())
    if total <= 0:
        raise ValueError(t("fig.weights_zero"))
    return {m: v / total for m, v in values.items()}


def _ternary(point: Mapping[str, float]) -> dict[str, float]:
    return {CORNERS[m]: point[m] for m in MODEL_IDS}


def _edge_points(model_a: str, model_b: str, inset: float, steps: int = 2) -> list[dict]:
    """Points along the edge from `model_a` to `model_b`, moved `inset` towards the centre."""
    points = []
    for i in range(steps + 1):
        share = i / steps
        weights = dict.fromkeys(MODEL_IDS, inset)
        weights[model_a] += (1 - share) * (1 - 3 * inset)
        weights[model_b] += share * (1 - 3 * inset)
        points.append(weights)
    return points


def _dilemma_edges(dilemma: pd.Series) -> list[tuple[str, str]]:
    models = list(dilemma["models"])
    return [(a, b) for i, a in enumerate(models) for b in models[i + 1 :]]


def tension_triangle(
    fw: Framework | None = None,
    *,
    quadrant_id: str | None = None,
    dilemma_ids: Sequence[str] | str | None = None,
    points: Iterable[Mapping] | None = None,
    labels: str = "poles",
    stack: str = "figure",
    height: int = 620,
) -> go.Figure:
    """The three steering models as the corners of a triangle, with dilemmas and points.

    Parameters
    ----------
    fw : Framework, optional
        Default: :func:`load_framework`.
    quadrant_id : str, optional
        Highlight the dilemmas of this quadrant.
    dilemma_ids : sequence of str or "all", optional
        Highlight these dilemmas (added to those of `quadrant_id`); ``"all"`` for every
        dilemma of the article.
    points : iterable of mapping, optional
        Weighted points: each ``{"label": str, "klassiek": w, "npm": w, "netwerk": w}``
        (weights >= 0, normalised to sum 1), optionally ``"kind"`` (``"role"``,
        ``"dilemma"``, ``"case"``) and ``"highlight": True``. Labels are escaped.
    labels : {"poles", "names"}
        Label each highlighted dilemma with its two poles (at the ends of its edge) or
        only with its name (for many dilemmas at once).
    stack : {"figure", "quadrant"}
        How edges shared by several dilemmas are moved apart: across the whole figure
        (every dilemma visible at once), or within each quadrant only (for widgets that
        show one quadrant's dilemmas at a time).
    height : int
        Figure height in pixels.

    Returns
    -------
    plotly.graph_objects.Figure
        Each dilemma edge is a ``scatterternary`` line; points are one trace each.

    Raises
    ------
    KeyError
        For an unknown quadrant or dilemma id.
    ValueError
        For invalid weights (see :func:`normalise_weights`).
    """
    fw = fw or load_framework()
    fig = go.Figure()
    chosen: list[str] = []
    if quadrant_id is not None:
        chosen.extend(fw.dilemmas_in(quadrant_id)["dilemma_id"])
    if isinstance(dilemma_ids, str) and dilemma_ids == "all":
        dilemma_ids = list(fw.dilemmas["dilemma_id"])
    for dilemma_id in dilemma_ids or ():
        fw.dilemma(dilemma_id)
        if dilemma_id not in chosen:
            chosen.append(dilemma_id)

    lines = [
        t(
            "tri.describe_corners",
            a=fw.name("model", "klassiek"),
            b=fw.name("model", "npm"),
            c=fw.name("model", "netwerk"),
        )
    ]
    for _, model in fw.steering_models.iterrows():
        style = MODEL_STYLE[model["model_id"]]
        corner = dict.fromkeys(MODEL_IDS, 0.0)
        corner[model["model_id"]] = 1.0
        fig.add_trace(
            go.Scatterternary(
                **{k: [v] for k, v in _ternary(corner).items()},
                mode="markers",
                marker={"symbol": style["symbol"], "size": 16, "color": style["color"]},
                hovertext=[escape(model[localized("name")])],
                hoverinfo="text",
                name=escape(model[localized("name")]),
                meta={"role": "corner", "model_id": model["model_id"]},
            )
        )

    edge_use: dict[tuple, int] = {}
    for number, dilemma_id in enumerate(chosen, start=1):
        dilemma = fw.dilemma(dilemma_id)
        scope = dilemma["quadrant_id"] if stack == "quadrant" else ""
        lines.extend(_add_dilemma(fig, fw, dilemma, number, edge_use, labels, scope))

    for point in points or ():
        lines.append(_add_point(fig, point))

    fig.update_layout(
        ternary={
            "sum": 1,
            "bgcolor": "#FAFAFA",
            **{
                f"{axis}axis": {
                    "title": {
                        "text": f"<b>{escape(fw.name('model', m))}</b>",
                        "font": {"color": MODEL_STYLE[m]["color"], "size": 14},
                    },
                    "min": 0,
                    "showticklabels": False,
                    "ticks": "",
                    "showgrid": True,
                    "gridcolor": "#E5E5E5",
                    "linecolor": "#555555",
                    "linewidth": 2,
                }
                for m, axis in CORNERS.items()
            },
        },
    )
    _base_layout(fig, t("tri.title"), "\n".join(lines), height)
    fig.update_layout(margin={"l": 70, "r": 70, "t": 90, "b": 60})
    return fig


def _add_dilemma(
    fig: go.Figure,
    fw: Framework,
    dilemma: pd.Series,
    number: int,
    edge_use: dict[tuple, int],
    labels: str,
    scope: str,
) -> list[str]:
    name = dilemma[localized("name")]
    lines = [
        t(
            "tri.describe_dilemma",
            number=number,
            name=name,
            models=", ".join(fw.name("model", m) for m in dilemma["models"]),
            pole_a=dilemma[localized("pole_a")],
            pole_b=dilemma[localized("pole_b")],
        )
    ]
    color = OKABE_ITO["black"] if number % 2 else OKABE_ITO["reddish_purple"]
    dash = "solid" if number % 2 else "dash"
    for index, (model_a, model_b) in enumerate(_dilemma_edges(dilemma)):
        key = (scope, frozenset((model_a, model_b)))
        inset = 0.035 + 0.06 * edge_use.get(key, 0)
        edge_use[key] = edge_use.get(key, 0) + 1
        points = _edge_points(model_a, model_b, inset)
        hover = wrap(f"{number}. {name}", 40)
        fig.add_trace(
            go.Scatterternary(
                **{CORNERS[m]: [p[m] for p in points] for m in MODEL_IDS},
                mode="lines+markers+text",
                line={"width": 4, "color": color, "dash": dash},
                marker={"size": [0, 14, 0], "symbol": "circle", "color": color},
                text=["", f"<b>{number}</b>", ""],
                textposition="middle center",
                textfont={"color": "white", "size": 11},
                hovertext=[hover] * len(points),
                hoverinfo="text",
                name=escape(f"{number}. {name}"),
                legendgroup=dilemma["dilemma_id"],
                showlegend=index == 0,
                meta={"role": "dilemma", "dilemma_id": dilemma["dilemma_id"]},
            )
        )
    if labels == "poles":
        slot = (
            fw.dilemmas_in(dilemma["quadrant_id"])["dilemma_id"]
            .tolist()
            .index(dilemma["dilemma_id"])
        )
        fig.add_trace(_pole_labels(dilemma, number, slot))
    for model_id in dilemma["reinforced_by"]:
        fig.add_trace(_reinforcement(fw, dilemma, model_id, number))
        lines.append(t("tri.describe_reinforced", number=number, model=fw.name("model", model_id)))
    return lines


def _pole_labels(dilemma: pd.Series, number: int, slot: int) -> go.Scatterternary:
    """Text near the model end(s) of each pole, inside the triangle.

    `slot` (the dilemma's rank within its quadrant) moves the labels of a quadrant's second
    dilemma further from the corners, so two dilemmas' labels do not overlap.
    """
    positions, texts = [], []
    pull = 0.5 if slot == 0 else 0.22
    for pole in ("pole_a", "pole_b"):
        models = dilemma[f"{pole}_models"]
        weights = dict.fromkeys(MODEL_IDS, 0.15)
        for model_id in models:
            weights[model_id] += pull / len(models)
        total = sum(weights.values())
        positions.append({m: w / total for m, w in weights.items()})
        texts.append(f"{number}: {wrap(dilemma[localized(pole)], 26)}")
    return go.Scatterternary(
        **{CORNERS[m]: [p[m] for p in positions] for m in MODEL_IDS},
        mode="text",
        text=texts,
        textfont={"size": 11, "color": OKABE_ITO["black"]},
        hoverinfo="skip",
        showlegend=False,
        meta={"role": "poles", "dilemma_id": dilemma["dilemma_id"]},
    )


def _reinforcement(fw: Framework, dilemma: pd.Series, model_id: str, number: int):
    """A dotted arrow from the reinforcing model's corner towards the edge in tension."""
    others = [m for m in dilemma["models"] if m != model_id]
    end = dict.fromkeys(MODEL_IDS, 0.1)
    for m in others:
        end[m] = 0.9 / len(others)
    start = dict.fromkeys(MODEL_IDS, 0.05)
    start[model_id] = 0.9
    label = t("tri.reinforces", model=fw.name("model", model_id))
    return go.Scatterternary(
        **{CORNERS[m]: [start[m], end[m]] for m in MODEL_IDS},
        mode="lines+markers",
        line={"width": 2, "dash": "dot", "color": MODEL_STYLE[model_id]["color"]},
        marker={"symbol": ["circle", "arrow"], "size": [1, 14], "angleref": "previous"},
        hovertext=[escape(f"{number}. {label}")] * 2,
        hoverinfo="text",
        name=escape(f"{number}. {label}"),
        meta={"role": "reinforcement", "dilemma_id": dilemma["dilemma_id"]},
    )


_POINT_SYMBOLS = {"role": "circle", "dilemma": "diamond", "case": "star", "article": "square"}


def _add_point(fig: go.Figure, point: Mapping) -> str:
    weights = normalise_weights(point)
    label = str(point.get("label", ""))
    kind = str(point.get("kind", "case"))
    highlight = bool(point.get("highlight", False))
    shares = ", ".join(f"{escape(t(f'model.short.{m}'))} {weights[m]:.0%}" for m in MODEL_IDS)
    fig.add_trace(
        go.Scatterternary(
            **{k: [v] for k, v in _ternary(weights).items()},
            mode="markers+text",
            marker={
                "symbol": _POINT_SYMBOLS.get(kind, "star"),
                "size": 18 if highlight else 12,
                "color": OKABE_ITO["orange"] if highlight else OKABE_ITO["sky_blue"],
                "line": {"width": 1.5, "color": OKABE_ITO["black"]},
            },
            text=[wrap(label, 24)],
            textposition="top center",
            hovertext=[f"{wrap(label, 40)}<br>{shares}"],
            hoverinfo="text",
            name=wrap(label, 30),
            meta={"role": "point", "kind": kind, "label": label},
        )
    )
    plain = ", ".join(f"{t(f'model.short.{m}')} {weights[m]:.0%}" for m in MODEL_IDS)
    return t("tri.describe_point", label=label, shares=plain)


# --------------------------------------------------------------------------------------
# Competency profile ('t Hart 2014)
# --------------------------------------------------------------------------------------

SCALE_MIN, SCALE_MAX = 1, 5


def competency_profile(
    fw: Framework | None = None,
    *,
    scores: Mapping[str, float] | None = None,
    comparison: Mapping[str, float] | None = None,
    label: str | None = None,
    comparison_label: str | None = None,
    height: int = 560,
) -> go.Figure:
    """A radar chart of a self-assessment on 't Hart's (2014) recommendations.

    Parameters
    ----------
    fw : Framework, optional
        Default: :func:`load_framework`.
    scores : mapping, optional
        ``{recommendation_id: score}`` on the scale 1-5; missing ids count as 3 (midden).
    comparison : mapping, optional
        A second profile in the same form (for example the class mean).
    label, comparison_label : str, optional
        Legend names (escaped). Defaults from the message catalogue.
    height : int
        Figure height in pixels.

    Returns
    -------
    plotly.graph_objects.Figure
    """
    fw = fw or load_framework()
    recs = fw.recommendations.sort_values("order")
    theta = [wrap(name, 16) for name in recs[localized("name")]]
    fig = go.Figure()
    lines = [t("radar.describe_scale", low=SCALE_MIN, high=SCALE_MAX)]
    series = [(scores or {}, label or t("radar.self"), "self")]
    if comparison is not None:
        series.append((comparison, comparison_label or t("radar.comparison"), "comparison"))
    for values, name, role in series:
        r = [_score(values, rec_id) for rec_id in recs["recommendation_id"]]
        style = (
            {"color": OKABE_ITO["blue"], "dash": "solid", "symbol": "circle"}
            if role == "self"
            else {"color": OKABE_ITO["vermillion"], "dash": "dash", "symbol": "diamond"}
        )
        fig.add_trace(
            go.Scatterpolar(
                r=[*r, r[0]],
                theta=[*theta, theta[0]],
                mode="lines+markers",
                fill="toself" if role == "self" else "none",
                fillcolor="rgba(0,114,178,0.15)",
                line={"color": style["color"], "dash": style["dash"], "width": 2.5},
                marker={"symbol": style["symbol"], "size": 10, "color": style["color"]},
                name=escape(name),
                hovertext=[
                    f"{escape(name)}: {th.replace('<br>', ' ')} = {v:g}"
                    for th, v in zip([*theta, theta[0]], [*r, r[0]], strict=True)
                ],
                hoverinfo="text",
                meta={"role": role},
            )
        )
        parts = ", ".join(f"{n} {v:g}" for n, v in zip(recs[localized("name")], r, strict=True))
        lines.append(f"{name}: {parts}")
    fig.update_layout(
        polar={
            "bgcolor": "white",
            "radialaxis": {
                "angle": 90,
                "tickangle": 90,
                "range": [0, SCALE_MAX],
                "tickvals": list(range(SCALE_MIN, SCALE_MAX + 1)),
                "gridcolor": "#DDDDDD",
            },
            "angularaxis": {"tickfont": {"size": 12}, "gridcolor": "#DDDDDD"},
        },
        showlegend=True,
    )
    _base_layout(fig, t("radar.title"), "\n".join(lines), height)
    fig.update_layout(margin={"l": 90, "r": 90, "t": 80, "b": 60})
    return fig


def _score(values: Mapping[str, float], rec_id: str) -> float:
    value = values.get(rec_id, 3)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(
            t("fig.score_invalid", field=rec_id, value=value, low=SCALE_MIN, high=SCALE_MAX)
        )
    if not SCALE_MIN <= value <= SCALE_MAX:
        raise ValueError(
            t("fig.score_invalid", field=rec_id, value=value, low=SCALE_MIN, high=SCALE_MAX)
        )
    return float(value)
