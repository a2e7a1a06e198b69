"""Pixel geometry shared by the label layouts: rectangles, the size of a label as plotly
draws it, and whether a line keeps clear of a rectangle.

Every estimate errs on the large side (a label is taken a little wider than it is), so
labels that are clear here are clear on the page.
"""

from __future__ import annotations

import itertools
import math
import re
from typing import NamedTuple

#: Where plotly's text position puts a label's box, per word of the position.
_HORIZONTAL = ("left", "center", "right")
_VERTICAL = ("top", "middle", "bottom")


class Box(NamedTuple):
    """A rectangle in pixels (x to the right, y downwards)."""

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

    def grow(self, pad: float) -> Box:
        """This rectangle with `pad` px more on every side."""
        return Box(self.x0 - pad, self.y0 - pad, self.x1 + pad, self.y1 + pad)


def text_size(text: str, font: float) -> tuple[float, float]:
    """An upper estimate of the size (px) of a label: plotly's ``<br>`` starts a line, tags
    such as ``<b>`` take no room, an escaped ``&amp;`` is one character."""
    plain = re.sub(r"<(?!br>)[^>]*>", "", text)
    plain = re.sub(r"&[a-z]+;|&#[0-9]+;", "x", plain)
    lines = plain.split("<br>")
    return 0.58 * font * max(len(line) for line in lines) + 4, 1.3 * font * len(lines)


def text_box(px: float, py: float, text: str, position: str, marker: float, font: float) -> Box:
    """The box the label `text` takes at `position` ("bottom center", "middle right", …) of
    a marker of `marker` px at the pixel (`px`, `py`), as plotly draws it."""
    width, tall = text_size(text, font)
    gap = marker / 2 + 2 if marker else 0
    vertical, horizontal = position.split()
    if vertical not in _VERTICAL or horizontal not in _HORIZONTAL:
        raise ValueError(f"not a text position: {position!r}")
    left = {"left": px - gap - width, "center": px - width / 2, "right": px + gap}[horizontal]
    top = {"top": py - gap - tall, "middle": py - tall / 2, "bottom": py + gap}[vertical]
    return Box(left, top, left + width, top + tall)


def point_box(px: float, py: float, size: float) -> Box:
    """The box a marker of `size` px covers at the pixel (`px`, `py`) (a star or arrow head
    reaches a little beyond its nominal size)."""
    half = size / 2 + 2
    return Box(px - half, py - half, px + half, py + half)


Point = tuple[float, float]


def segment_clear(start: Point, end: Point, box: Box, pad: float = 0.0) -> bool:
    """Whether the line from `start` to `end` keeps at least `pad` px away from `box`
    (pad: half the line's width plus some air)."""
    grown = box.grow(pad)
    (x0, y0), (x1, y1) = start, end
    # Liang-Barsky: clip the segment to the grown box; clear if nothing is left
    low, high = 0.0, 1.0
    for p, q in (
        (x0 - x1, x0 - grown.x0),
        (x1 - x0, grown.x1 - x0),
        (y0 - y1, y0 - grown.y0),
        (y1 - y0, grown.y1 - y0),
    ):
        if p == 0:
            if q < 0:
                return True
            continue
        ratio = q / p
        if p < 0:
            low = max(low, ratio)
        else:
            high = min(high, ratio)
        if low > high:
            return True
    return False


def polyline_clear(points: list[Point | None], box: Box, pad: float = 0.0) -> bool:
    """Whether every piece of a line through `points` (None breaks it) keeps clear of `box`."""
    return all(
        segment_clear(a, b, box, pad)
        for a, b in itertools.pairwise(points)
        if a is not None and b is not None
    )


def inside_polygon(point: Point, polygon: list[Point]) -> bool:
    """Whether `point` lies inside the convex or simple `polygon` (ray casting)."""
    x, y = point
    inside = False
    for (xa, ya), (xb, yb) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        if (ya > y) != (yb > y) and x < xa + (y - ya) * (xb - xa) / (yb - ya):
            inside = not inside
    return inside


def box_corners(box: Box) -> list[Point]:
    """The four corners of `box`."""
    return [(box.x0, box.y0), (box.x1, box.y0), (box.x1, box.y1), (box.x0, box.y1)]


def distance(a: Point, b: Point) -> float:
    """The distance (px) between two points."""
    return math.hypot(a[0] - b[0], a[1] - b[1])
