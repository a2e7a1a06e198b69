"""The 2x2 grid of Tabel 1, with the article's roles, a student's and a class's placements.

The grid is Tabel 1 as the article prints it: professionalism in the columns (x, organisatie
left, klassiek right), focus in the rows (y, extern at the top, intern at the bottom).

Labels never print over each other: the article's roles stand on fixed slots with the label
under the marker (:data:`vakmanschap.geometry.ARTICLE_ROWS`); every other label takes the
first side of its marker where its estimated box is free (:func:`layout_labels`), and a point
without room keeps its name in the hover text and the figure's description.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

import pandas as pd
import plotly.graph_objects as go

from ..exercises.placement import in_article_quadrant
from ..framework import Framework, load_framework
from ..geometry import article_position, quadrant_of_point, quadrant_signs
from ..i18n import localized, t
from .style import OKABE_ITO, QUADRANT_STYLE, _base_layout, escape, wrap

#: Size (px) the grid is designed for; label boxes are estimated at this size.
DESIGN_WIDTH, HEIGHT = 700, 640
#: Plot margins (px): room below for the two-line tick labels, the axis title and the legend.
MARGIN = {"l": 60, "r": 30, "t": 70, "b": 170}
#: Both axes run over [-RANGE, RANGE].
RANGE = 1.05
#: Font sizes (px) of role labels and quadrant titles; marker sizes (px).
LABEL_FONT, TITLE_FONT = 13, 12
ARTICLE_MARKER, STUDENT_MARKER, CLASS_MARKER = 12, 15, 11
#: Where a role's name is wrapped onto a new line.
LABEL_WRAP, TITLE_WRAP = 22, 34
#: The sides of a marker a label may take, in order of preference.
POSITIONS = (
    *("bottom center", "top center", "middle right", "middle left"),
    *("bottom right", "bottom left", "top right", "top left"),
)
#: The message naming each corner of the grid, by the signs (x, y).
_CORNERS = {
    (1, 1): "grid.corner.top_right",
    (-1, 1): "grid.corner.top_left",
    (1, -1): "grid.corner.bottom_right",
    (-1, -1): "grid.corner.bottom_left",
}


class Box(NamedTuple):
    """A rectangle in pixels of the plot area (x to the right, y downwards)."""

    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box) -> bool:
        """Whether the two rectangles share more than an edge."""
        return (
            self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1
        )

    def covers(self, other: Box) -> float:
        """The area (px²) the two rectangles share."""
        width = min(self.x1, other.x1) - max(self.x0, other.x0)
        height = min(self.y1, other.y1) - max(self.y0, other.y0)
        return max(width, 0) * max(height, 0)

    def inside(self, other: Box) -> bool:
        """Whether this rectangle lies within `other`."""
        return other.covers(self) == (self.x1 - self.x0) * (self.y1 - self.y0)


def to_pixels(x: float, y: float, height: int = HEIGHT) -> tuple[float, float]:
    """Where (`x`, `y`) lands in the plot area of a figure `height` px high and
    :data:`DESIGN_WIDTH` wide, in pixels from its top-left corner."""
    width = DESIGN_WIDTH - MARGIN["l"] - MARGIN["r"]
    tall = height - MARGIN["t"] - MARGIN["b"]
    return (x + RANGE) / (2 * RANGE) * width, (RANGE - y) / (2 * RANGE) * tall


def plot_box(height: int = HEIGHT) -> Box:
    """The plot area itself."""
    return Box(0, 0, *to_pixels(RANGE, -RANGE, height))


def text_size(text: str, font: int = LABEL_FONT) -> tuple[float, float]:
    """An upper estimate of the size (px) of a label: plotly's ``<br>`` starts a line, tags
    such as ``<b>`` take no room, an escaped ``&amp;`` is one character."""
    plain = re.sub(r"<(?!br>)[^>]*>", "", text)
    plain = re.sub(r"&[a-z]+;|&#[0-9]+;", "x", plain)
    lines = plain.split("<br>")
    return 0.58 * font * max(len(line) for line in lines) + 4, 1.3 * font * len(lines)


def marker_box(x: float, y: float, size: int, height: int = HEIGHT) -> Box:
    """The box a marker of `size` px covers at (`x`, `y`)."""
    px, py = to_pixels(x, y, height)
    half = size / 2 + 2  # a star reaches a little beyond its nominal size
    return Box(px - half, py - half, px + half, py + half)


def label_box(
    x: float, y: float, text: str, position: str, marker: int, height: int = HEIGHT
) -> Box:
    """The box the label `text` takes at `position` ("bottom center", "middle right", …) of
    a marker of `marker` px at (`x`, `y`), as plotly draws it."""
    px, py = to_pixels(x, y, height)
    width, tall = text_size(text)
    gap = marker / 2 + 2
    vertical, horizontal = position.split()
    left = {"left": px - gap - width, "center": px - width / 2, "right": px + gap}[horizontal]
    top = {"top": py - gap - tall, "middle": py - tall / 2, "bottom": py + gap}[vertical]
    return Box(left, top, left + width, top + tall)


def choose_label_positions(
    points: Sequence[tuple[float, float, str]],
    taken: Iterable[Box] = (),
    marker: int = STUDENT_MARKER,
    height: int = HEIGHT,
    always: bool = False,
) -> list[str | None]:
    """For each point ``(x, y, label)``, the first of :data:`POSITIONS` where its label is
    clear of the `taken` boxes, the markers of all points and the labels placed before it,
    inside the point's own quadrant if it fits there, else anywhere in the plot.

    Where no side is free: None (the name then only shows on hover), or with `always` the
    side that covers least. Earlier points come first: put the one that matters most (the
    selected role) first.
    """
    markers = [marker_box(x, y, marker, height) for x, y, _ in points]
    occupied = [*taken, *markers]
    chosen: list[str | None] = []
    for x, y, text in points:
        boxes = {p: label_box(x, y, text, p, marker, height) for p in POSITIONS}
        free = [p for p, b in boxes.items() if not any(b.overlaps(o) for o in occupied)]
        areas = (_quadrant_box(x, y, height), plot_box(height))
        found = next((p for area in areas for p in free if boxes[p].inside(area)), None)
        if found is None and always:
            found = min(boxes, key=lambda p: sum(boxes[p].covers(o) for o in occupied))
        if found is not None:
            occupied.append(boxes[found])
        chosen.append(found)
    return chosen


def _quadrant_box(x: float, y: float, height: int) -> Box:
    """The quadrant (x, y) lies in, in pixels (the whole plot on a border line)."""
    if x == 0 or y == 0:
        return plot_box(height)
    x0, y0 = to_pixels(0, 0, height)
    x1, y1 = to_pixels(RANGE if x > 0 else -RANGE, RANGE if y > 0 else -RANGE, height)
    return Box(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def title_boxes(fw: Framework, height: int = HEIGHT) -> list[Box]:
    """The boxes of the four quadrant titles."""
    boxes = []
    for quadrant_id in fw.ids("quadrant"):
        q = {c: fw.lookup("quadrant", c)[quadrant_id] for c in _TITLE_COLUMNS}
        sx, sy = quadrant_signs(q)
        width, tall = text_size(_title_text(q), TITLE_FONT)
        px, py = to_pixels(0.5 * sx, 0.97 * sy, height)
        top = py if sy > 0 else py - tall
        boxes.append(Box(px - width / 2, top, px + width / 2, top + tall))
    return boxes


class Labels(NamedTuple):
    """Where the labels of the grid go (see :func:`layout_labels`)."""

    #: Text position of each article role's label, by role id.
    article: dict[str, str]
    #: The student's labels: a wrapped name, or "" where it shows on hover only.
    texts: list[str]
    #: The student's text positions.
    positions: list[str]
    #: Every box taken by a title, marker or label, for labels placed after these.
    taken: list[Box]


def layout_labels(
    fw: Framework,
    article_ids: Iterable[str],
    students: Sequence[tuple[float, float, str]] = (),
    height: int = HEIGHT,
) -> Labels:
    """Place the labels of the article's `article_ids` and a student's points.

    An article role's label goes under its marker (the slots keep those clear of each
    other and of the titles) unless a student's star sits there; then it takes the first
    free side. A student's label comes next: the first free side of its star, or none
    (hover only). Put the point that matters most (the selected role) first in `students`.

    Parameters
    ----------
    fw : Framework
    article_ids : iterable of str
        The article's roles drawn (all eight, or those a student has checked).
    students : sequence of (x, y, name)
        A student's points, names as typed (they are escaped and wrapped here).
    height : int
        The figure's height in pixels.
    """
    taken = title_boxes(fw, height)
    stars = [marker_box(x, y, STUDENT_MARKER, height) for x, y, _ in students]
    ids = list(article_ids)
    points = [(*article_position(fw, r), wrap(fw.name("role", r), LABEL_WRAP)) for r in ids]
    chosen = choose_label_positions(points, [*taken, *stars], ARTICLE_MARKER, height, True)
    article = {r: p or "bottom center" for r, p in zip(ids, chosen, strict=True)}
    for (x, y, text), role_id in zip(points, ids, strict=True):
        taken.append(marker_box(x, y, ARTICLE_MARKER, height))
        taken.append(label_box(x, y, text, article[role_id], ARTICLE_MARKER, height))
    shown = [(x, y, wrap(name, LABEL_WRAP)) for x, y, name in students]
    positions = choose_label_positions(shown, taken, STUDENT_MARKER, height)
    texts = [text if p else "" for (_, _, text), p in zip(shown, positions, strict=True)]
    for (x, y, text), position in zip(shown, positions, strict=True):
        taken.append(marker_box(x, y, STUDENT_MARKER, height))
        if position:
            taken.append(label_box(x, y, text, position, STUDENT_MARKER, height))
    return Labels(article, texts, [p or "bottom center" for p in positions], taken)


_TITLE_COLUMNS = ("professionalism", "focus", "section", "name_nl", "name_en")


def _title_text(q: Mapping) -> str:
    return f"<b>§{escape(q['section'])}</b> {wrap(q[localized('name')], TITLE_WRAP)}"


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
        Figure height in pixels; the width follows the page (designed for 700 px).

    Returns
    -------
    plotly.graph_objects.Figure
        ``describe(fig)`` gives its text description.
    """
    fw = fw or load_framework()
    fig = go.Figure()
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
            text=_title_text(q),
            showarrow=False,
            font={"size": TITLE_FONT},
            name=f"title:{q['quadrant_id']}",
        )
        roles = fw.roles_in(q["quadrant_id"])[localized("name")].tolist()
        lines.append(
            t(
                "grid.describe_quadrant",
                section=q["section"],
                name=q[localized("name")],
                where=t(_CORNERS[(sx, sy)]),
                roles=", ".join(roles),
            )
        )
    fig.add_hline(y=0, line={"color": "#555555", "width": 2})
    fig.add_vline(x=0, line={"color": "#555555", "width": 2})

    students: list[tuple[float, float, str]] = []
    if placements is not None:
        frame = _placements_frame(placements)
        names = map(str, frame["name"] if "name" in frame else [""] * len(frame))
        students = list(zip(frame["x"].tolist(), frame["y"].tolist(), names, strict=True))
    labels = layout_labels(fw, fw.ids("role") if article else (), students, height)
    if article:
        _add_article_roles(fig, fw, labels.article)
    if class_placements is not None:
        lines.extend(_add_class_overlay(fig, fw, class_placements, labels.taken, height))
    if placements is not None:
        lines.extend(_add_student_placements(fig, fw, students, labels))

    axis = {"range": [-RANGE, RANGE], "tickvals": [-0.5, 0.5], "showgrid": False}
    axis.update(zeroline=False, fixedrange=True)
    fig.update_xaxes(
        ticktext=[t("grid.organisatie"), t("grid.klassiek")],
        title={"text": t("grid.axis_professionalism")},
        **axis,
    )
    fig.update_yaxes(
        ticktext=[t("grid.intern"), t("grid.extern")], title={"text": t("grid.axis_focus")}, **axis
    )
    _base_layout(fig, t("grid.title"), "\n".join(lines), height)
    fig.update_layout(margin=MARGIN, legend={"y": -0.2})
    return fig


def _add_article_roles(fig: go.Figure, fw: Framework, positions: dict[str, str]) -> None:
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
                    "size": ARTICLE_MARKER,
                    "color": OKABE_ITO["black"],
                    "line": {"width": 1, "color": "white"},
                },
                text=[wrap(n, LABEL_WRAP) for n in names],
                textposition=[positions[r] for r in roles["role_id"]],
                textfont={"size": LABEL_FONT},
                hovertext=[f"{escape(n)} — §{escape(q['section'])}" for n in names],
                hoverinfo="text",
                name=escape(t("grid.article_legend", section=q["section"])),
                legendgroup="article",
                meta={
                    "role": "article",
                    "quadrant_id": q["quadrant_id"],
                    "role_ids": roles["role_id"].tolist(),
                },
            )
        )


def _add_student_placements(
    fig: go.Figure, fw: Framework, students: list[tuple[float, float, str]], labels: Labels
) -> list[str]:
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
            textfont={"size": LABEL_FONT},
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
    fig: go.Figure, fw: Framework, frame: pd.DataFrame, taken: list[Box], height: int
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
    xs, ys, labels, hovers, lines = [], [], [], [], [t("grid.describe_class", count=len(frame))]
    for role_id, row in means.iterrows():
        known = role_id in set(fw.roles["role_id"])
        name = fw.name("role", role_id) if known else str(role_id)
        share = _share_in_article_quadrant(fw, role_id, frame) if known else None
        share_text = "" if share is None else t("grid.class_share", share=round(share * 100))
        xs.append(float(row["x"]))
        ys.append(float(row["y"]))
        labels.append(wrap(name, LABEL_WRAP))
        hovers.append(escape(f"{name}: n={counts[role_id]} {share_text}"))
        lines.append(f"  {name}: n={counts[role_id]} {share_text}".rstrip())
    positions = choose_label_positions(
        list(zip(xs, ys, labels, strict=True)), taken, CLASS_MARKER, height
    )
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
            text=[label if p else "" for label, p in zip(labels, positions, strict=True)],
            textposition=[p or "top center" for p in positions],
            textfont={"size": LABEL_FONT},
            hovertext=hovers,
            hoverinfo="text",
            name=escape(t("grid.class_mean")),
            meta={"role": "class_mean"},
        )
    )
    return lines


def _share_in_article_quadrant(fw: Framework, role_id: str, frame: pd.DataFrame) -> float:
    rows = frame.loc[frame["role_id"] == role_id]
    inside = [
        in_article_quadrant(fw, role_id, x, y) for x, y in zip(rows["x"], rows["y"], strict=True)
    ]
    return sum(inside) / len(inside) if inside else 0.0
