"""Where the grid's labels go, so that they never print over each other.

The grid (:mod:`vakmanschap.plots.grid`) is laid out twice: for a wide page (at
:data:`WIDE`, the narrowest width a wide page has; wider only adds room) and for a phone
(at :data:`NARROW`, with numbers instead of names). The article's roles stand on fixed slots
(:data:`vakmanschap.geometry.ARTICLE_ROWS`); every other label takes the first side of its
marker where its estimated box is free (:func:`choose_label_positions`), and a point without
room keeps its name in the hover text and the figure's description.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from ..framework import Framework
from ..geometry import article_position, quadrant_signs
from ..i18n import localized
from .boxes import Box, point_box, text_box, text_size
from .style import NARROW_MIN, NARROW_WIDTH, escape, wrap

__all__ = [
    "NARROW",
    "WIDE",
    "Box",
    "Frame",
    "Labels",
    "choose_label_positions",
    "label_box",
    "layout_labels",
    "marker_box",
    "plot_box",
    "text_size",
    "title_boxes",
    "title_text",
    "to_pixels",
]

#: Height (px) of the grid.
HEIGHT = 640
#: Both axes run over [-RANGE, RANGE].
RANGE = 1.05
#: Marker sizes (px).
ARTICLE_MARKER, STUDENT_MARKER, CLASS_MARKER = 12, 15, 11
#: Where a role's name is wrapped onto a new line.
LABEL_WRAP = 22
#: The sides of a marker a label may take, in order of preference.
POSITIONS = (
    *("bottom center", "top center", "middle right", "middle left"),
    *("bottom right", "bottom left", "top right", "top left"),
)


class Frame(NamedTuple):
    """The size of a grid figure and of its texts: what its labels are laid out for."""

    #: Figure width and height (px).
    width: int
    height: int
    #: Plot margins (px), as the figure sets them (large enough that no axis widens them).
    margin: Mapping[str, int]
    #: Font sizes (px) of the role labels and the quadrant titles.
    label_font: int
    title_font: int
    #: Where a quadrant title is wrapped; whether it starts a line after its section.
    title_wrap: int
    title_break: bool

    def at(self, width: int | None = None, height: int | None = None) -> Frame:
        """This frame at another size."""
        return self._replace(width=width or self.width, height=height or self.height)


#: A wide page: from :data:`~vakmanschap.plots.style.NARROW_WIDTH` px up.
WIDE = Frame(NARROW_WIDTH, HEIGHT, {"l": 130, "r": 30, "t": 70, "b": 170}, 13, 12, 30, False)
#: A phone: from :data:`~vakmanschap.plots.style.NARROW_MIN` px up to the wide page.
NARROW = Frame(NARROW_MIN, HEIGHT, {"l": 36, "r": 8, "t": 60, "b": 170}, 11, 10, 16, True)


def to_pixels(x: float, y: float, frame: Frame = WIDE) -> tuple[float, float]:
    """Where (`x`, `y`) lands in the plot area of `frame`, in pixels from its top-left."""
    width = frame.width - frame.margin["l"] - frame.margin["r"]
    tall = frame.height - frame.margin["t"] - frame.margin["b"]
    return (x + RANGE) / (2 * RANGE) * width, (RANGE - y) / (2 * RANGE) * tall


def plot_box(frame: Frame = WIDE) -> Box:
    """The plot area itself."""
    return Box(0, 0, *to_pixels(RANGE, -RANGE, frame))


def marker_box(x: float, y: float, size: int, frame: Frame = WIDE) -> Box:
    """The box a marker of `size` px covers at (`x`, `y`)."""
    return point_box(*to_pixels(x, y, frame), size)


def label_box(
    x: float, y: float, text: str, position: str, marker: int, frame: Frame = WIDE
) -> Box:
    """The box the label `text` takes at `position` ("bottom center", "middle right", …) of
    a marker of `marker` px at (`x`, `y`), as plotly draws it."""
    return text_box(*to_pixels(x, y, frame), text, position, marker, frame.label_font)


def choose_label_positions(
    points: Sequence[tuple[float, float, str]],
    taken: Iterable[Box] = (),
    marker: int = STUDENT_MARKER,
    frame: Frame = WIDE,
    always: bool = False,
) -> list[str | None]:
    """For each point ``(x, y, label)``, the first of :data:`POSITIONS` where its label is
    clear of the `taken` boxes, the markers of all points and the labels placed before it,
    inside the point's own quadrant if it fits there, else anywhere in the plot.

    Where no side is free: None (the name then only shows on hover), or with `always` the
    side that covers least. Earlier points come first: put the one that matters most (the
    selected role) first.
    """
    markers = [marker_box(x, y, marker, frame) for x, y, _ in points]
    occupied = [*taken, *markers]
    chosen: list[str | None] = []
    for x, y, text in points:
        boxes = {p: label_box(x, y, text, p, marker, frame) for p in POSITIONS}
        free = [p for p, b in boxes.items() if not any(b.overlaps(o) for o in occupied)]
        areas = (_quadrant_box(x, y, frame), plot_box(frame))
        found = next((p for area in areas for p in free if boxes[p].inside(area)), None)
        if found is None and always:
            found = min(boxes, key=lambda p: sum(boxes[p].covers(o) for o in occupied))
        if found is not None:
            occupied.append(boxes[found])
        chosen.append(found)
    return chosen


def _quadrant_box(x: float, y: float, frame: Frame) -> Box:
    """The quadrant (x, y) lies in, in pixels (the whole plot on a border line)."""
    if x == 0 or y == 0:
        return plot_box(frame)
    x0, y0 = to_pixels(0, 0, frame)
    x1, y1 = to_pixels(RANGE if x > 0 else -RANGE, RANGE if y > 0 else -RANGE, frame)
    return Box(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


_TITLE_COLUMNS = ("professionalism", "focus", "section", "name_nl", "name_en")


def title_text(quadrant: Mapping, frame: Frame = WIDE) -> str:
    """A quadrant's title as the grid prints it: its section in bold, then its name, wrapped
    at the frame's width (on a phone: the name from a new line, long words kept whole)."""
    section, name = f"§{quadrant['section']}", str(quadrant[localized("name")])
    if frame.title_break:
        lines = [section, *textwrap.wrap(name, frame.title_wrap, break_long_words=False)]
    else:
        lines = textwrap.wrap(f"{section} {name}", frame.title_wrap, break_long_words=False)
    text = "<br>".join(escape(line) for line in lines)
    return text.replace(escape(section), f"<b>{escape(section)}</b>", 1)


def title_boxes(fw: Framework, frame: Frame = WIDE) -> list[Box]:
    """The boxes of the four quadrant titles."""
    boxes = []
    for quadrant_id in fw.ids("quadrant"):
        q = {c: fw.lookup("quadrant", c)[quadrant_id] for c in _TITLE_COLUMNS}
        sx, sy = quadrant_signs(q)
        width, tall = text_size(title_text(q, frame), frame.title_font)
        px, py = to_pixels(0.5 * sx, 0.97 * sy, frame)
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
    *,
    frame: Frame = WIDE,
    article_texts: Mapping[str, str] | None = None,
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
    students : sequence of (x, y, label)
        A student's points, labels as typed (escaped and wrapped here) or, on a phone,
        their numbers.
    height : int
        The figure's height in pixels.
    frame : Frame
        The size and fonts to lay out for (:data:`WIDE` or :data:`NARROW`).
    article_texts : mapping, optional
        The label of each article role (default: its wrapped name).
    """
    frame = frame.at(height=height)
    taken = title_boxes(fw, frame)
    stars = [marker_box(x, y, STUDENT_MARKER, frame) for x, y, _ in students]
    ids = list(article_ids)
    texts = article_texts or {r: wrap(fw.name("role", r), LABEL_WRAP) for r in ids}
    points = [(*article_position(fw, r), texts[r]) for r in ids]
    chosen = choose_label_positions(points, [*taken, *stars], ARTICLE_MARKER, frame, True)
    article = {r: p or "bottom center" for r, p in zip(ids, chosen, strict=True)}
    for (x, y, text), role_id in zip(points, ids, strict=True):
        taken.append(marker_box(x, y, ARTICLE_MARKER, frame))
        taken.append(label_box(x, y, text, article[role_id], ARTICLE_MARKER, frame))
    shown = [(x, y, wrap(name, LABEL_WRAP)) for x, y, name in students]
    positions = choose_label_positions(shown, taken, STUDENT_MARKER, frame)
    labels = [text if p else "" for (_, _, text), p in zip(shown, positions, strict=True)]
    for (x, y, text), position in zip(shown, positions, strict=True):
        taken.append(marker_box(x, y, STUDENT_MARKER, frame))
        if position:
            taken.append(label_box(x, y, text, position, STUDENT_MARKER, frame))
    return Labels(article, labels, [p or "bottom center" for p in positions], taken)
