"""The tension triangle in pixels: where plotly draws a ternary point, and where a label can
stand clear of the triangle's edges, lines and markers.

plotly fits the largest equilateral triangle into the plot area and centres it; this module
does the same sums. A layout computed for the smallest triangle a page can show stays clear
on every larger one (distances grow, labels keep their size), so :mod:`.triangle` lays its
labels out for the narrowest width of each variant (:data:`NARROW_WIDTH` for a wide page,
:data:`NARROW_MIN` for a phone).
"""

from __future__ import annotations

import itertools
import math
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import pandas as pd

from ..framework import Framework
from ..geometry import MODEL_IDS
from .boxes import (
    Box,
    Point,
    box_corners,
    distance,
    inside_polygon,
    point_box,
    polyline_clear,
    segment_clear,
    text_box,
)
from .style import NARROW_MIN, NARROW_WIDTH, dilemma_numbers, escape

#: Weights of the three models, ``{"klassiek": a, "npm": b, "netwerk": c}``, summing to 1.
Weights = Mapping[str, float]

#: Size (px) of the corner markers; where each corner's label stands beside its marker:
#: above the top corner, under the bottom edge and towards the middle at the others, so it
#: is clear of the triangle's sides and of the marker.
CORNER_MARKER = 16
CORNER_POSITIONS = {"klassiek": "top center", "npm": "bottom right", "netwerk": "bottom left"}
#: Size (px) of the number marker on a dilemma's edge.
NUMBER_MARKER = 14
#: The hatched area of a dilemma of all three models: each model's least weight in it.
AREA_INSET = 0.27
#: Air (px) between a label and a line: half the widest line plus a little.
LINE_PAD = 4.0
#: The candidate places of a label inside the triangle: a lattice of this many steps a side;
#: how many places the search for labels that keep clear of each other may try.
_STEPS, _BUDGET = 32, 20_000


class TernaryFrame(NamedTuple):
    """The size of a triangle figure and of its texts: what its labels are laid out for."""

    width: int
    height: int
    margin: Mapping[str, int]
    #: Font size (px) of the corner labels, and where they wrap (0: one line).
    corner_font: int
    corner_wrap: int
    #: Font size (px) of the pole labels.
    pole_font: int


def wide_frame(height: int, legend: int = 0) -> TernaryFrame:
    """The frame of a wide page for a drawing `height` px high and `legend` px of legend."""
    margin = {"l": 30, "r": 30, "t": 100, "b": 60 + legend}
    return TernaryFrame(NARROW_WIDTH, height + legend, margin, 14, 0, 11)


#: A phone: a smaller drawing, no legend (the key is listed under the figure).
NARROW_PLOT = 290
NARROW_MARGIN = {"l": 12, "r": 12, "t": 95, "b": 55}
NARROW_FRAME = TernaryFrame(
    NARROW_MIN, NARROW_PLOT + NARROW_MARGIN["t"] + NARROW_MARGIN["b"], NARROW_MARGIN, 11, 14, 11
)


def corner_pixels(frame: TernaryFrame) -> dict[str, Point]:
    """The three corners (px from the figure's top-left), as plotly fits the triangle."""
    margin = frame.margin
    width = frame.width - margin["l"] - margin["r"]
    tall = frame.height - margin["t"] - margin["b"]
    side, height = float(width), width * math.sqrt(3) / 2
    if width > tall * 2 / math.sqrt(3):
        side, height = tall * 2 / math.sqrt(3), float(tall)
    x0 = margin["l"] + (width - side) / 2
    y0 = margin["t"] + (tall - height) / 2
    return {
        "klassiek": (x0 + side / 2, y0),
        "npm": (x0, y0 + height),
        "netwerk": (x0 + side, y0 + height),
    }


def to_pixels(weights: Weights, frame: TernaryFrame) -> Point:
    """Where the point with `weights` lands (px from the figure's top-left)."""
    corners = corner_pixels(frame)
    total = sum(weights[m] for m in MODEL_IDS)
    return (
        sum(weights[m] * corners[m][0] for m in MODEL_IDS) / total,
        sum(weights[m] * corners[m][1] for m in MODEL_IDS) / total,
    )


def corner_text(name: str, frame: TernaryFrame) -> str:
    """A corner's label: the model's name in bold, wrapped on a phone (words kept whole)."""
    lines = (
        textwrap.wrap(name, frame.corner_wrap, break_long_words=False) if frame.corner_wrap else []
    )
    return "<b>" + "<br>".join(escape(line) for line in (lines or [name])) + "</b>"


def corner_boxes(names: Mapping[str, str], frame: TernaryFrame) -> dict[str, Box]:
    """The box of each corner's label (bold: a size larger in the estimate)."""
    corners = corner_pixels(frame)
    return {
        m: text_box(
            *corners[m],
            corner_text(names[m], frame),
            CORNER_POSITIONS[m],
            CORNER_MARKER,
            frame.corner_font + 1,
        )
        for m in MODEL_IDS
    }


@dataclass
class Drawing:
    """What a dilemma draws, in weights: lines (None breaks one), markers (weights, size in
    px) and filled areas (closed outlines)."""

    lines: list[Sequence[Weights | None]] = field(default_factory=list)
    markers: list[tuple[Weights, float]] = field(default_factory=list)
    areas: list[list[Weights]] = field(default_factory=list)


@dataclass
class Obstacles:
    """Everything a label must keep clear of, in the pixels of one frame."""

    frame: TernaryFrame
    lines: list[list[Point | None]] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    areas: list[list[Point]] = field(default_factory=list)

    @classmethod
    def of_triangle(cls, frame: TernaryFrame, names: Mapping[str, str]) -> Obstacles:
        """The triangle's sides, corner markers and corner labels."""
        corners = corner_pixels(frame)
        ring: list[Point | None] = [corners[m] for m in (*MODEL_IDS, MODEL_IDS[0])]
        return cls(
            frame,
            lines=[ring],
            boxes=[
                *(point_box(*corners[m], CORNER_MARKER) for m in MODEL_IDS),
                *corner_boxes(names, frame).values(),
            ],
        )

    def copy(self) -> Obstacles:
        """A copy to add to without changing this one."""
        return Obstacles(self.frame, list(self.lines), list(self.boxes), list(self.areas))

    def add(self, drawing: Drawing) -> None:
        """Add a dilemma's lines, markers and areas."""
        pixels = self._pixels
        self.lines.extend(
            [None if w is None else pixels(w) for w in line] for line in drawing.lines
        )
        self.boxes.extend(point_box(*pixels(w), size) for w, size in drawing.markers)
        self.areas.extend([pixels(w) for w in area] for area in drawing.areas)

    def hits(self, box: Box) -> int:
        """How many lines, boxes and areas `box` touches (0: it is clear)."""
        count = sum(not polyline_clear(line, box, LINE_PAD) for line in self.lines)
        count += sum(box.overlaps(other) for other in self.boxes)
        return count + sum(_touches_area(box, area) for area in self.areas)

    def _pixels(self, weights: Weights) -> Point:
        return to_pixels(weights, self.frame)


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


def _area_points(inset: float, hatches: int = 4) -> tuple[list[dict | None], dict]:
    """The outline of the triangle in the middle where each model weighs at least `inset`,
    its hatching (lines parallel to a side, None between them) and its centre."""
    corners = []
    for model_id in MODEL_IDS:
        weights = dict.fromkeys(MODEL_IDS, inset)
        weights[model_id] = 1 - 2 * inset
        corners.append(weights)
    points: list[dict | None] = [*corners, corners[0]]
    a, b, c = MODEL_IDS
    for i in range(1, hatches + 1):
        level = inset + (1 - 3 * inset) * i / (hatches + 1)
        rest = 1 - level - inset
        points += [None, {a: inset, b: level, c: rest}, {a: rest, b: level, c: inset}]
    return points, dict.fromkeys(MODEL_IDS, 1 / 3)


@dataclass
class Plan:
    """How one dilemma is drawn: its edges (or its area), arrows and where it is stacked."""

    dilemma: pd.Series
    number: int
    scope: str
    edges: list[list[dict]]
    area: tuple[list[dict | None], dict] | None
    arrows: list[tuple[str, dict, dict]]

    def drawing(self) -> Drawing:
        """Its lines, markers and area, for the labels to keep clear of."""
        drawing = Drawing()
        for edge in self.edges:
            drawing.lines.append(list(edge))
            drawing.markers.append((edge[len(edge) // 2], NUMBER_MARKER))
        if self.area is not None:
            points, centre = self.area
            drawing.lines.append(points)
            drawing.areas.append([p for p in points[:3] if p is not None])
            drawing.markers.append((centre, NUMBER_MARKER + 4))
        for _, start, end in self.arrows:
            drawing.lines.append([start, end])
            drawing.markers.append((end, 14))
        return drawing


def plan_dilemmas(fw: Framework, chosen: list[str], stack: str) -> list[Plan]:
    """How each of the `chosen` dilemmas is drawn, numbered as in ``dilemmas.csv``.

    Edges shared by several dilemmas move inwards one after another within a `stack`
    scope (the whole figure, or each quadrant); a dilemma of all three models is one
    hatched area in the middle; a reinforcing model's arrow points at the edge in tension
    beside its number and clear of the middle.
    """
    numbers = dilemma_numbers(fw)
    use: dict[tuple[str, object], int] = {}
    plans = []
    for dilemma_id in chosen:
        dilemma = fw.dilemma(dilemma_id)
        scope = dilemma["quadrant_id"] if stack == "quadrant" else ""
        models = list(dilemma["models"])
        edges, area = [], None
        if set(models) == set(MODEL_IDS):
            key: tuple[str, object] = (scope, "area")
            area = _area_points(AREA_INSET + 0.04 * use.get(key, 0))
            use[key] = use.get(key, 0) + 1
        else:
            for i, a in enumerate(models):
                for b in models[i + 1 :]:
                    key = (scope, frozenset((a, b)))
                    edges.append(_edge_points(a, b, 0.035 + 0.06 * use.get(key, 0)))
                    use[key] = use.get(key, 0) + 1
        arrows = []
        for model_id in dilemma["reinforced_by"]:
            others = [m for m in models if m != model_id]
            start = dict.fromkeys(MODEL_IDS, 0.05)
            start[model_id] = 0.9
            # towards the edge in tension, off its middle (its number) and the centre
            end = dict.fromkeys(MODEL_IDS, 0.1)
            for m, share in zip(others, (0.3, 0.7) if len(others) == 2 else (1.0,), strict=False):
                end[m] = 0.9 * share
            arrows.append((model_id, start, end))
        plans.append(Plan(dilemma, numbers[dilemma_id], scope, edges, area, arrows))
    return plans


def _touches_area(box: Box, area: list[Point]) -> bool:
    """Whether `box` reaches into the polygon `area` (or the polygon into the box)."""
    grown = box.grow(LINE_PAD)
    if any(inside_polygon(corner, area) for corner in box_corners(grown)):
        return True
    ring = [*area, area[0]]
    return not all(segment_clear(a, b, box, LINE_PAD) for a, b in itertools.pairwise(ring))


def _lattice() -> list[dict[str, float]]:
    points = []
    for i in range(1, _STEPS - 1):
        for j in range(1, _STEPS - i):
            k = _STEPS - i - j
            points.append(dict(zip(MODEL_IDS, (i / _STEPS, j / _STEPS, k / _STEPS), strict=True)))
    return points


_CANDIDATES = _lattice()


def place_labels(
    requests: Sequence[tuple[str, str, Weights]], obstacles: Obstacles, font: float
) -> dict[str, tuple[dict[str, float], Box]]:
    """Where each label goes: for each request ``(key, text, anchor)`` the place (weights)
    nearest `anchor` where `text`, centred there, lies inside the triangle and clear of the
    `obstacles` and of the labels placed before it; where none is, the place that touches
    fewest. The labels with the fewest free places go first. Each label's box is added to
    `obstacles`.

    Returns
    -------
    dict
        ``{key: (weights, box)}``.
    """
    frame = obstacles.frame
    corners = corner_pixels(frame)
    triangle = [corners[m] for m in MODEL_IDS]
    inside: dict[str, list[tuple[dict[str, float], Box]]] = {}
    candidates = [(weights, to_pixels(weights, frame)) for weights in _CANDIDATES]
    for key, text, anchor in requests:
        target = to_pixels(anchor, frame)
        places = []
        for weights, point in candidates:
            box = text_box(*point, text, "middle center", 0, font)
            if all(inside_polygon(c, triangle) for c in box_corners(box.grow(LINE_PAD))):
                places.append((distance(point, target), weights, box))
        places.sort(key=lambda item: item[0])
        inside[key] = [(weights, box) for _, weights, box in places]
        if not places:  # too large for the triangle: at its anchor
            inside[key] = [(dict(anchor), text_box(*target, text, "middle center", 0, font))]
    free = {key: [p for p in places if not obstacles.hits(p[1])] for key, places in inside.items()}
    order = sorted((key for key, _, _ in requests), key=lambda key: len(free[key]))
    placed = _search(order, free, {}, [0]) or {}
    for key in order:  # no way for all: the rest where they touch fewest
        if key not in placed:
            boxes = [box for _, box in placed.values()]
            found = next((p for p in free[key] if not any(p[1].overlaps(b) for b in boxes)), None)
            placed[key] = found or min(
                inside[key],
                key=lambda p: obstacles.hits(p[1]) + sum(p[1].overlaps(b) for b in boxes),
            )
    for key in order:
        obstacles.boxes.append(placed[key][1])
    return placed


def _search(
    order: list[str],
    free: dict[str, list[tuple[dict[str, float], Box]]],
    placed: dict[str, tuple[dict[str, float], Box]],
    budget: list[int],
) -> dict[str, tuple[dict[str, float], Box]] | None:
    """Free places for every label in `order` that keep clear of each other, nearest their
    anchors first (a search with backtracking, within a budget); None if none is found."""
    if len(placed) == len(order):
        return placed
    key = order[len(placed)]
    boxes = [box for _, box in placed.values()]
    for place in free[key]:
        budget[0] += 1
        if budget[0] > _BUDGET:
            return None
        if not any(place[1].overlaps(b) for b in boxes):
            found = _search(order, free, {**placed, key: place}, budget)
            if found is not None:
                return found
    return None
