"""Shared look of every figure: the colour-blind-safe palette, fonts, the base layout,
labels escaped for plotly, and :func:`describe` (a figure's text version).

Colours come from the Okabe-Ito palette and are never the only cue: every series also has
its own marker shape, line style or text label. User text (a student's own role or case
names) is escaped before it reaches a label or a hover text, because plotly renders some
HTML in text.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import plotly.graph_objects as go

from ..geometry import FOCUS_SIGN, MODEL_IDS, PROFESSIONALISM_SIGN, quadrant_signs
from ..i18n import t
from ..markup import plain

if TYPE_CHECKING:
    from ..framework import Framework

__all__ = [
    "CORNERS",
    "FOCUS_SIGN",
    "MODEL_IDS",
    "MODEL_STYLE",
    "NARROW_MIN",
    "NARROW_WIDTH",
    "OKABE_ITO",
    "PROFESSIONALISM_SIGN",
    "QUADRANT_STYLE",
    "describe",
    "dilemma_numbers",
    "escape",
    "narrow_patch",
    "quadrant_signs",
    "role_numbers",
    "set_narrow",
    "wrap",
]

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

#: Ternary axes: which steering model sits on which corner.
CORNERS = {"klassiek": "a", "npm": "b", "netwerk": "c"}
_FONT = {"family": "Arial, Helvetica, sans-serif", "size": 13, "color": "#222222"}

#: A page narrower than this (px) draws a figure's narrow variant (see :func:`set_narrow`).
NARROW_WIDTH = 600
#: The narrowest page (px) the narrow variants are laid out for: a phone's width, less the
#: page's own margins.
NARROW_MIN = 340


def dilemma_numbers(fw: Framework) -> dict[str, int]:
    """The number of every dilemma: its place in ``dilemmas.csv`` (from 1).

    The one numbering of the dilemmas: every figure, legend, description and table uses
    it, whichever dilemmas it shows.
    """
    return {d: i for i, d in enumerate(fw.dilemmas["dilemma_id"], start=1)}


def role_numbers(fw: Framework) -> dict[str, int]:
    """The number of every role of the article: its place in ``roles.csv`` (from 1); a
    phone shows these numbers in the grid instead of the names."""
    return {r: i for i, r in enumerate(fw.roles["role_id"], start=1)}


def set_narrow(fig: go.Figure, patch: Mapping[str, Any]) -> go.Figure:
    """Give `fig` a narrow variant: `patch` is drawn over the figure on a page narrower
    than :data:`NARROW_WIDTH` (see :class:`vakmanschap.ui.figure_view.FigureView`).

    Parameters
    ----------
    fig : plotly.graph_objects.Figure
    patch : mapping
        ``{"layout": {...}, "traces": {"<index>": {...}}, "key": [...]}``: layout and trace
        properties merged (nested objects merged, everything else replaced) over the
        figure and any later change from the kernel. ``key`` is the list under the
        figure: a trace index lists that trace's drawn points (text, then hover text);
        ``{"trace": index, "label": ..., "text": ...}`` is one line, while the trace shows.
    """
    meta = dict(fig.layout.meta or {})
    meta["narrow"] = {"width": NARROW_WIDTH, **patch}
    fig.layout.meta = meta
    return fig


def narrow_patch(fig: go.Figure) -> dict[str, Any]:
    """The narrow variant `fig` carries (see :func:`set_narrow`), or an empty dict."""
    meta = fig.layout.meta
    return dict(meta["narrow"]) if isinstance(meta, Mapping) and "narrow" in meta else {}


def escape(text: object) -> str:
    """Escape `text` for plotly labels and hover texts (see :func:`vakmanschap.markup.plain`)."""
    return plain(text)


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
