"""The 2x2 grid of Tabel 1, with the article's roles, a student's and a class's placements.

The grid is Tabel 1 as the article prints it: professionalism in the columns (x, organisatie
left, klassiek right), focus in the rows (y, extern at the top, intern at the bottom).

Labels never print over each other (:mod:`.labels`): the article's roles stand on fixed
slots with the label under the marker (:data:`vakmanschap.geometry.ARTICLE_ROWS`); every
other label takes the first side of its marker where its estimated box is free, and a point
without room keeps its name in the hover text and the figure's description. On a phone the
figure's narrow variant shows each role's number (and a student's point's letter) instead,
laid out the same way at that width, and lists the numbers under the figure.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go

from ..exercises.placement import in_article_quadrant
from ..framework import Framework, load_framework
from ..geometry import article_position, quadrant_of_point, quadrant_signs
from ..i18n import localized, t
from .labels import (
    ARTICLE_MARKER,
    CLASS_MARKER,
    HEIGHT,
    LABEL_WRAP,
    NARROW,
    RANGE,
    STUDENT_MARKER,
    WIDE,
    Box,
    Frame,
    Labels,
    choose_label_positions,
    layout_labels,
    title_text,
)
from .style import OKABE_ITO, QUADRANT_STYLE, _base_layout, escape, role_numbers, set_narrow, wrap

__all__ = ["Box", "Labels", "density_trace", "grid_figure", "layout_labels"]

#: Plot margins (px) of a wide page: room left for the focus ticks, below for the two-line
#: tick labels, the axis title and the legend.
MARGIN = dict(WIDE.margin)
#: The message naming each corner of the grid, by the signs (x, y).
_CORNERS = {
    (1, 1): "grid.corner.top_right",
    (-1, 1): "grid.corner.top_left",
    (1, -1): "grid.corner.bottom_right",
    (-1, -1): "grid.corner.bottom_left",
}


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
    height: int = HEIGHT,
) -> go.Figure:
    """Tabel 1 as a 2x2 plot: professionalism (x, the columns) by focus (y, the rows).

    Parameters
    ----------
    fw : Framework, optional
        Default: :func:`load_framework`.
    article : bool
        Show the article's placement of the eight roles (labelled markers, one shape per
        quadrant).
    placements : DataFrame or list of dict, optional
        One student's placements: columns ``name``, ``x``, ``y`` in [-1, 1] (x: organisatie
        -1 to klassiek 1; y: intern -1 to extern 1). Names are escaped; a name without room
        beside its star shows on hover only.
    class_placements : DataFrame, optional
        A whole class's placements: columns ``role_id``, ``x``, ``y`` (any number of rows).
        Drawn as a density with, per role, the class mean and the share placed in the
        article's quadrant, so that 500 or 5,000 points stay readable.
    height : int
        Figure height in pixels; the width follows the page.

    Returns
    -------
    plotly.graph_objects.Figure
        ``describe(fig)`` gives its text description. It carries a narrow variant for a
        phone (:func:`~vakmanschap.plots.style.set_narrow`): the role labels become their
        numbers (:func:`~vakmanschap.plots.style.role_numbers`, listed under the figure),
        a student's points letters, and the quadrant titles smaller.
    """
    fw = fw or load_framework()
    fig = go.Figure()
    numbers = role_numbers(fw)
    lines = [t("grid.axes_described")]
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
            text=title_text(q, WIDE),
            showarrow=False,
            font={"size": WIDE.title_font},
            name=f"title:{q['quadrant_id']}",
        )
        roles = fw.roles_in(q["quadrant_id"])
        pairs = zip(roles["role_id"], roles[localized("name")], strict=True)
        named = [f"{name} ({numbers[role_id]})" for role_id, name in pairs]
        lines.append(
            t(
                "grid.describe_quadrant",
                section=q["section"],
                name=q[localized("name")],
                where=t(_CORNERS[(sx, sy)]),
                roles=", ".join(named),
            )
        )
    fig.add_hline(y=0, line={"color": "#555555", "width": 2})
    fig.add_vline(x=0, line={"color": "#555555", "width": 2})

    students: list[tuple[float, float, str]] = []
    if placements is not None:
        frame = _placements_frame(placements)
        names = map(str, frame["name"] if "name" in frame else [""] * len(frame))
        students = list(zip(frame["x"].tolist(), frame["y"].tolist(), names, strict=True))
    ids = fw.ids("role") if article else []
    labels = layout_labels(fw, ids, students, height)
    letters = [(x, y, _letter(i)) for i, (x, y, _) in enumerate(students)]
    short = layout_labels(
        fw,
        ids,
        letters,
        height,
        frame=NARROW,
        article_texts={r: str(numbers[r]) for r in ids},
    )
    narrow: dict[str, Any] = {"traces": {}, "key": []}
    if article:
        _add_article_roles(fig, fw, labels.article, short.article, narrow)
    if class_placements is not None:
        taken = (labels.taken, short.taken)
        lines.extend(_add_class_overlay(fig, fw, class_placements, taken, height, narrow))
    if placements is not None:
        lines.extend(_add_student_placements(fig, fw, students, labels, short, narrow))

    axis: dict[str, Any] = {"range": [-RANGE, RANGE], "tickvals": [-0.5, 0.5]}
    axis.update(showgrid=False, zeroline=False, fixedrange=True)
    fig.update_xaxes(
        ticktext=[t("grid.organisatie"), t("grid.klassiek")],
        title={"text": t("grid.axis_professionalism")},
        **axis,
    )
    fig.update_yaxes(
        ticktext=[t("grid.intern"), t("grid.extern")], title={"text": t("grid.axis_focus")}, **axis
    )
    _base_layout(fig, t("grid.title"), "\n".join(lines), height)
    fig.update_layout(margin=MARGIN, legend=_legend(WIDE.at(height=height), 80))
    narrow["layout"] = _narrow_layout(fw, fig)
    return set_narrow(fig, narrow)


def _letter(index: int) -> str:
    """The short label of a student's point on a phone: A, B, …, Z, AA, AB, …"""
    head, tail = divmod(index, 26)
    return (_letter(head - 1) if head else "") + chr(ord("A") + tail)


def _narrow_layout(fw: Framework, fig: go.Figure) -> dict[str, Any]:
    """The layout of the grid on a phone: smaller titles that wrap, the focus named by the
    axis title alone, smaller legend."""
    titles = []
    for note in fig.layout.annotations:
        plain = note.to_plotly_json()
        name = str(note.name or "")
        if name.startswith("title:"):
            quadrant = fw.quadrant(name.partition(":")[2])
            plain.update(text=title_text(quadrant, NARROW), font={"size": NARROW.title_font})
        titles.append(plain)
    small = {"font": {"size": 11}}
    return {
        "margin": dict(NARROW.margin),
        "annotations": titles,
        "title": {"font": {"size": 15}},
        "xaxis": {"tickfont": {"size": 10}, "title": small},
        "yaxis": {"showticklabels": False, "title": {**small, "standoff": 2}},
        "legend": {"font": {"size": 11}, **_legend(NARROW.at(height=fig.layout.height), 60)},
    }


def _legend(frame: Frame, gap: int) -> dict[str, Any]:
    """The legend `gap` px under the plot, below the tick labels and the axis title, its
    entries in rows (not grouped in a column), within the bottom margin."""
    plot = frame.height - frame.margin["t"] - frame.margin["b"]
    return {"traceorder": "normal", "y": -gap / plot, "yanchor": "top"}


def _add_article_roles(
    fig: go.Figure,
    fw: Framework,
    positions: dict[str, str],
    short: dict[str, str],
    narrow: dict[str, Any],
) -> None:
    numbers = role_numbers(fw)
    for _, q in fw.quadrants.iterrows():
        style = QUADRANT_STYLE[(q["professionalism"], q["focus"])]
        roles = fw.roles_in(q["quadrant_id"])
        points = [article_position(fw, r) for r in roles["role_id"]]
        names = roles[localized("name")].tolist()
        index = str(len(fig.data))
        narrow["traces"][index] = {
            "text": [str(numbers[r]) for r in roles["role_id"]],
            "textposition": [short[r] for r in roles["role_id"]],
            "textfont": {"size": NARROW.label_font},
        }
        narrow["key"].append(int(index))
        fig.add_trace(
            go.Scatter(
                x=[p[0] for p in points],
                y=[p[1] for p in points],
                mode="markers+text",
                marker={
                    "symbol": style["symbol"],
                    "size": ARTICLE_MARKER,
                    "color": OKABE_ITO["black"],
                    "line": {"width": 1, "color": "white"},
                },
                text=[wrap(n, LABEL_WRAP) for n in names],
                textposition=[positions[r] for r in roles["role_id"]],
                textfont={"size": WIDE.label_font},
                hovertext=[f"{escape(n)} — §{escape(q['section'])}" for n in names],
                hoverinfo="text",
                name=escape(t("grid.article_legend", section=q["section"])),
                legendgroup="article",
                meta={
                    "role": "article",
                    "quadrant_id": q["quadrant_id"],
                    "role_ids": roles["role_id"].tolist(),
                    "numbers": [numbers[r] for r in roles["role_id"]],
                },
            )
        )


def _add_student_placements(
    fig: go.Figure,
    fw: Framework,
    students: list[tuple[float, float, str]],
    labels: Labels,
    short: Labels,
    narrow: dict[str, Any],
) -> list[str]:
    index = str(len(fig.data))
    narrow["traces"][index] = {
        "text": short.texts,
        "textposition": short.positions,
        "textfont": {"size": NARROW.label_font},
    }
    narrow["key"].append(int(index))
    fig.add_trace(
        go.Scatter(
            x=[x for x, _, _ in students],
            y=[y for _, y, _ in students],
            mode="markers+text",
            marker={
                "symbol": "star",
                "size": STUDENT_MARKER,
                "color": OKABE_ITO["orange"],
                "line": {"width": 1.5, "color": OKABE_ITO["black"]},
            },
            text=labels.texts,
            textposition=labels.positions,
            textfont={"size": WIDE.label_font},
            hovertext=[f"{escape(n)} ({x:+.2f}, {y:+.2f})" for x, y, n in students],
            hoverinfo="text",
            name=escape(t("grid.student_legend")),
            meta={"role": "student"},
        )
    )
    lines = [t("grid.describe_student", count=len(students))]
    lines.extend(f"  {name}: {_where_text(fw, x, y)}" for x, y, name in students)
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


def _add_class_overlay(
    fig: go.Figure,
    fw: Framework,
    frame: pd.DataFrame,
    taken: tuple[list[Box], list[Box]],
    height: int,
    narrow: dict[str, Any],
) -> list[str]:
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
    numbers = role_numbers(fw)
    xs, ys, labels, shorts, hovers = [], [], [], [], []
    lines = [t("grid.describe_class", count=len(frame))]
    for role_id, row in means.iterrows():
        known = role_id in numbers
        name = fw.name("role", role_id) if known else str(role_id)
        share = _share_in_article_quadrant(fw, role_id, frame) if known else None
        share_text = "" if share is None else t("grid.class_share", share=round(share * 100))
        xs.append(float(row["x"]))
        ys.append(float(row["y"]))
        labels.append(wrap(name, LABEL_WRAP))
        shorts.append(str(numbers[role_id]) if known else "?")
        hovers.append(escape(f"{name}: n={counts[role_id]} {share_text}"))
        lines.append(f"  {name}: n={counts[role_id]} {share_text}".rstrip())
    texts, positions = _positions(xs, ys, labels, taken[0], WIDE.at(height=height))
    short_texts, short_positions = _positions(xs, ys, shorts, taken[1], NARROW.at(height=height))
    index = str(len(fig.data))
    narrow["traces"][index] = {
        "text": short_texts,
        "textposition": short_positions,
        "textfont": {"size": NARROW.label_font},
    }
    narrow["key"].append(int(index))
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="markers+text",
            marker={
                "symbol": "x",
                "size": CLASS_MARKER,
                "color": OKABE_ITO["reddish_purple"],
                "line": {"width": 1, "color": OKABE_ITO["black"]},
            },
            text=texts,
            textposition=positions,
            textfont={"size": WIDE.label_font},
            hovertext=hovers,
            hoverinfo="text",
            name=escape(t("grid.class_mean")),
            meta={"role": "class_mean"},
        )
    )
    return lines


def _positions(
    xs: list[float], ys: list[float], labels: list[str], taken: list[Box], frame: Frame
) -> tuple[list[str], list[str]]:
    """The labels of the class means that have room (else ""), and their text positions."""
    points = list(zip(xs, ys, labels, strict=True))
    positions = choose_label_positions(points, taken, CLASS_MARKER, frame)
    texts = [label if p else "" for label, p in zip(labels, positions, strict=True)]
    return texts, [p or "top center" for p in positions]


def _share_in_article_quadrant(fw: Framework, role_id: str, frame: pd.DataFrame) -> float:
    rows = frame.loc[frame["role_id"] == role_id]
    inside = [
        in_article_quadrant(fw, role_id, x, y) for x, y in zip(rows["x"], rows["y"], strict=True)
    ]
    return sum(inside) / len(inside) if inside else 0.0
