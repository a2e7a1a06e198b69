"""The tension triangle: the three steering models as corners, dilemmas as edges between
the models in tension (one hatched area in the middle for a dilemma of all three), and
weighed points.

Dilemmas carry their one number (:func:`~vakmanschap.plots.style.dilemma_numbers`) in
every legend entry, marker, label and description. Labels are laid out in pixels
(:mod:`.ternary`) clear of the triangle's sides, the lines and the markers, once for a wide
page and once for a phone (the narrow variant: short tags, the texts listed under it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import plotly.graph_objects as go

from ..framework import Framework, load_framework
from ..geometry import MODEL_IDS, normalise_weights
from ..i18n import localized, t
from .boxes import text_box, text_size
from .style import (
    CORNERS,
    MODEL_STYLE,
    OKABE_ITO,
    _base_layout,
    dilemma_numbers,
    escape,
    set_narrow,
    wrap,
)
from .ternary import (
    CORNER_MARKER,
    CORNER_POSITIONS,
    NARROW_FRAME,
    NUMBER_MARKER,
    Drawing,
    Obstacles,
    Plan,
    TernaryFrame,
    corner_text,
    place_labels,
    plan_dilemmas,
    to_pixels,
    wide_frame,
)

#: Where a pole's text wraps (a long one later, so that it takes at most about four lines).
POLE_WRAP = 24
#: Height (px) of a legend row.
_ROW = 24
#: The light fill of a hatched area, by its line colour.
_FILL = {
    OKABE_ITO["black"]: "rgba(0,0,0,0.08)",
    OKABE_ITO["reddish_purple"]: "rgba(204,121,167,0.16)",
}


def _ternary(point: Mapping[str, float]) -> dict[str, float]:
    return {CORNERS[m]: point[m] for m in MODEL_IDS}


def _columns(points: Sequence[Mapping[str, float] | None]) -> dict[str, list]:
    """The a, b and c of `points` (None breaks a line)."""
    return {CORNERS[m]: [None if p is None else p[m] for p in points] for m in MODEL_IDS}


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
        Label each highlighted dilemma with its two poles (near the models behind them)
        or only with its name (for many dilemmas at once).
    stack : {"figure", "quadrant"}
        How edges shared by several dilemmas are moved apart: across the whole figure
        (every dilemma visible at once), or within each quadrant only (for widgets that
        show one quadrant's dilemmas at a time).
    height : int
        Height in pixels of the drawing; the legend's rows come below it.

    Returns
    -------
    plotly.graph_objects.Figure
        Each dilemma is drawn in the numbering of ``dilemmas.csv``: a ``scatterternary``
        line per pair of models in tension, or, for a dilemma of all three, one hatched
        triangle in the middle (``meta["shape"] == "area"``); one legend entry each.

    Raises
    ------
    KeyError
        For an unknown quadrant or dilemma id.
    ValueError
        For invalid weights (see :func:`normalise_weights`).
    """
    fw = fw or load_framework()
    numbers = dilemma_numbers(fw)
    chosen: list[str] = []
    if quadrant_id is not None:
        chosen.extend(fw.dilemmas_in(quadrant_id)["dilemma_id"])
    if isinstance(dilemma_ids, str) and dilemma_ids == "all":
        dilemma_ids = list(fw.dilemmas["dilemma_id"])
    for dilemma_id in dilemma_ids or ():
        fw.dilemma(dilemma_id)
        if dilemma_id not in chosen:
            chosen.append(dilemma_id)
    chosen.sort(key=numbers.__getitem__)
    weighed = [(point, normalise_weights(point)) for point in points or ()]
    plans = plan_dilemmas(fw, chosen, stack)
    names = {m: fw.name("model", m) for m in MODEL_IDS}
    legend = _legend_height(plans, weighed)
    frames = {"wide": wide_frame(height, legend), "narrow": NARROW_FRAME}
    places = (
        _place_poles(plans, _obstacles(frames, names, plans, weighed)) if labels == "poles" else {}
    )

    fig = go.Figure()
    narrow: dict[str, Any] = {"traces": {}, "key": []}
    lines = [t("tri.describe_corners", a=names["klassiek"], b=names["npm"], c=names["netwerk"])]
    for model_id in MODEL_IDS:
        _add_corner(fig, model_id, names[model_id], frames, narrow)
    for plan in plans:
        lines.extend(_add_dilemma(fig, fw, plan, labels, places, narrow))
    for index, (point, weights) in enumerate(weighed):
        lines.append(_add_point(fig, point, weights, chr(ord("A") + index % 26), narrow))

    wide = frames["wide"]
    axis = {"title": {"text": ""}, "min": 0, "showticklabels": False, "ticks": ""}
    axis.update(showgrid=True, gridcolor="#E5E5E5", linecolor="#555555", linewidth=2)
    fig.update_layout(
        ternary={"sum": 1, "bgcolor": "#FAFAFA", **{f"{x}axis": axis for x in CORNERS.values()}}
    )
    _base_layout(fig, t("tri.title"), "\n".join(lines), wide.height)
    plot = wide.height - wide.margin["t"] - wide.margin["b"]
    fig.update_layout(margin=dict(wide.margin), legend={"y": -50 / plot})
    narrow["layout"] = {
        "height": NARROW_FRAME.height,
        "margin": dict(NARROW_FRAME.margin),
        "showlegend": False,
        "title": {"font": {"size": 15}},
    }
    return set_narrow(fig, narrow)


def _legend_height(plans: list[Plan], weighed: list) -> int:
    """Room (px) for the legend's rows on a wide page at its narrowest, with one row to
    spare (for a widget's own entries): the dilemmas shown at once and the points."""
    width = wide_frame(0).width - 60
    scopes: dict[str, list[str]] = {}
    for plan in plans:
        name = escape(f"{plan.number}. {plan.dilemma[localized('name')]}")
        scopes.setdefault(plan.scope, []).append(name)
    entries = max(scopes.values(), key=len, default=[])
    entries = entries + [wrap(str(point.get("label", "")), 30) for point, _ in weighed]
    rows, used = 1, 0.0
    for entry in entries:
        size = 50 + text_size(entry, 13)[0]
        if used and used + size > width:
            rows, used = rows + 1, 0.0
        used += size
    return _ROW * (rows + 1) if entries else _ROW


def _obstacles(
    frames: dict[str, TernaryFrame], names: dict[str, str], plans: list[Plan], weighed: list
) -> dict[tuple[str, str], Obstacles]:
    """Per frame and stacking scope: what a pole label must keep clear of."""
    found = {}
    for kind, frame in frames.items():
        base = Obstacles.of_triangle(frame, names)
        for point, weights in weighed:
            size = 18 if point.get("highlight") else 12
            base.add(Drawing(markers=[(weights, size)]))
            text = wrap(str(point.get("label", "")), 24) if kind == "wide" else "A"
            px, py = to_pixels(weights, frame)
            base.boxes.append(text_box(px, py, text, "top center", size, 12))
        for scope in {plan.scope for plan in plans}:
            scoped = base.copy()
            for plan in plans:
                if plan.scope == scope:
                    scoped.add(plan.drawing())
            found[kind, scope] = scoped
    return found


def _add_corner(
    fig: go.Figure, model_id: str, name: str, frames: dict, narrow: dict[str, Any]
) -> None:
    """A corner's marker with its label beside it, clear of the sides (not clipped)."""
    style = MODEL_STYLE[model_id]
    corner = dict.fromkeys(MODEL_IDS, 0.0)
    corner[model_id] = 1.0
    narrow["traces"][str(len(fig.data))] = {
        "text": [corner_text(name, frames["narrow"])],
        "textfont": {"size": frames["narrow"].corner_font},
    }
    fig.add_trace(
        go.Scatterternary(
            **{k: [v] for k, v in _ternary(corner).items()},
            mode="markers+text",
            marker={"symbol": style["symbol"], "size": CORNER_MARKER, "color": style["color"]},
            text=[corner_text(name, frames["wide"])],
            textposition=CORNER_POSITIONS[model_id],
            textfont={"size": frames["wide"].corner_font, "color": style["color"]},
            cliponaxis=False,
            hovertext=[escape(name)],
            hoverinfo="text",
            name=escape(name),
            showlegend=False,
            meta={"role": "corner", "model_id": model_id},
        )
    )


def _add_dilemma(
    fig: go.Figure,
    fw: Framework,
    plan: Plan,
    labels: str,
    places: dict[tuple[str, str, str], dict[str, float]],
    narrow: dict[str, Any],
) -> list[str]:
    dilemma, number = plan.dilemma, plan.number
    dilemma_id = dilemma["dilemma_id"]
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
    if dilemma["models_source"] != "artikel":  # the article names no models here (§4.4)
        lines.append(t("explorer.inferred"))
        name = f"{name} {t('tri.our_reading')}"
    color = OKABE_ITO["black"] if number % 2 else OKABE_ITO["reddish_purple"]
    hover = wrap(f"{number}. {name}", 40)
    common: dict[str, Any] = {
        "hoverinfo": "text",
        "name": escape(f"{number}. {name}"),
        "legendgroup": dilemma_id,
        "meta": {"role": "dilemma", "dilemma_id": dilemma_id, "number": number},
    }
    key: dict[str, Any] = {"trace": len(fig.data), "label": str(number), "text": escape(name)}
    narrow["key"].append(key)  # before its poles' tags
    for index, points in enumerate(plan.edges):
        fig.add_trace(
            go.Scatterternary(
                **_columns(points),
                mode="lines+markers+text",
                line={"width": 4, "color": color, "dash": "solid" if number % 2 else "dash"},
                marker={"size": [0, NUMBER_MARKER, 0], "symbol": "circle", "color": color},
                text=["", f"<b>{number}</b>", ""],
                textposition="middle center",
                textfont={"color": "white", "size": 11},
                showlegend=index == 0,
                hovertext=[hover] * len(points),
                **common,
            )
        )
    if plan.area is not None:
        fig.add_trace(_area_trace(plan, color, hover, common))
        lines.append(t("tri.describe_area", number=number))
    if labels == "poles":
        fig.add_trace(_pole_labels(plan, places, narrow, len(fig.data)))
    for model_id, start, end in plan.arrows:
        fig.add_trace(_reinforcement(fw, plan, model_id, start, end))
        lines.append(t("tri.describe_reinforced", number=number, model=fw.name("model", model_id)))
        key["text"] += escape(f" ({t('tri.reinforces', model=fw.name('model', model_id))})")
    return lines


def _area_trace(plan: Plan, color: str, hover: str, common: dict) -> go.Scatterternary:
    """A dilemma of all three models as ONE trace: a hatched, lightly filled triangle in
    the middle (a pattern, not only a colour) with its number on a triangle marker."""
    assert plan.area is not None
    points, centre = plan.area
    shape: list[dict | None] = [*points, None, centre]
    return go.Scatterternary(
        **_columns(shape),
        mode="lines+markers+text",
        fill="toself",
        fillcolor=_FILL[color],
        hoveron="points+fills",
        line={"width": 2, "color": color},
        marker={
            "size": [0] * (len(shape) - 1) + [NUMBER_MARKER + 4],
            "symbol": "triangle-up",
            "color": color,
            "line": {"width": 1, "color": "white"},
        },
        text=[""] * (len(shape) - 1) + [f"<b>{plan.number}</b>"],
        textposition="middle center",
        textfont={"color": "white", "size": 11},
        showlegend=True,
        hovertext=[hover] * len(shape),
        **{**common, "meta": {**common["meta"], "shape": "area"}},
    )


def _place_poles(
    plans: list[Plan], obstacles: dict[tuple[str, str], Obstacles]
) -> dict[tuple[str, str, str], dict[str, float]]:
    """Where each pole's label goes, per frame (``"wide"``, ``"narrow"``): near the
    model(s) behind the pole, clear of the lines, markers and other labels of its scope."""
    places: dict[tuple[str, str, str], dict[str, float]] = {}
    for (kind, scope), scoped in obstacles.items():
        requests = []
        for plan in plans:
            if plan.scope != scope:
                continue
            for pole in ("pole_a", "pole_b"):
                anchor = dict.fromkeys(MODEL_IDS, 0.2)
                for model_id in plan.dilemma[f"{pole}_models"]:
                    anchor[model_id] += 0.4 / len(plan.dilemma[f"{pole}_models"])
                text = _pole_texts(plan, pole)[0 if kind == "wide" else 1]
                requests.append((f"{plan.dilemma['dilemma_id']}:{pole}", text, anchor))
        font = scoped.frame.pole_font + (kind == "narrow")
        for key, (weights, _) in place_labels(requests, scoped, font).items():
            dilemma_id, pole = key.split(":")
            places[kind, dilemma_id, pole] = weights
    return places


def _pole_texts(plan: Plan, pole: str) -> tuple[str, str]:
    """A pole's label on a wide page ("4: text", wrapped) and its tag on a phone ("4a")."""
    pole_text = str(plan.dilemma[localized(pole)])
    text = f"{plan.number}: {wrap(pole_text, max(POLE_WRAP, len(pole_text) // 4 + 3))}"
    return text, f"<b>{plan.number}{pole[-1]}</b>"


def _pole_labels(
    plan: Plan, places: dict[tuple[str, str, str], dict[str, float]], narrow: dict, index: int
) -> go.Scatterternary:
    """The two poles' texts, each near the model(s) behind it, clear of lines and markers;
    on a phone a tag ("4a") whose text is listed under the figure."""
    dilemma_id = plan.dilemma["dilemma_id"]
    poles = ("pole_a", "pole_b")
    narrow["traces"][str(index)] = {
        **_columns([places["narrow", dilemma_id, pole] for pole in poles]),
        "text": [_pole_texts(plan, pole)[1] for pole in poles],
        "textfont": {"size": NARROW_FRAME.pole_font + 1},
        "hoverinfo": "text",
    }
    narrow["key"].append(index)
    return go.Scatterternary(
        **_columns([places["wide", dilemma_id, pole] for pole in poles]),
        mode="text",
        text=[_pole_texts(plan, pole)[0] for pole in poles],
        textposition="middle center",
        textfont={"size": NARROW_FRAME.pole_font, "color": "#000000"},
        hovertext=[escape(plan.dilemma[localized(pole)]) for pole in poles],
        hoverinfo="skip",
        showlegend=False,
        legendgroup=dilemma_id,
        meta={"role": "poles", "dilemma_id": dilemma_id, "number": plan.number},
    )


def _reinforcement(
    fw: Framework, plan: Plan, model_id: str, start: dict, end: dict
) -> go.Scatterternary:
    """A dotted arrow from the reinforcing model's corner towards the edge in tension, in
    its dilemma's legend entry (one entry, one number per dilemma)."""
    label = t("tri.reinforces", model=fw.name("model", model_id))
    return go.Scatterternary(
        **_columns([start, end]),
        mode="lines+markers",
        line={"width": 2, "dash": "dot", "color": MODEL_STYLE[model_id]["color"]},
        marker={"symbol": ["circle", "arrow"], "size": [1, 14], "angleref": "previous"},
        hovertext=[escape(f"{plan.number}. {label}")] * 2,
        hoverinfo="text",
        name=escape(label),
        legendgroup=plan.dilemma["dilemma_id"],
        showlegend=False,
        meta={
            "role": "reinforcement",
            "dilemma_id": plan.dilemma["dilemma_id"],
            "number": plan.number,
            "model_id": model_id,
        },
    )


_POINT_SYMBOLS = {"role": "circle", "dilemma": "diamond", "case": "star", "article": "square"}


def _add_point(
    fig: go.Figure, point: Mapping, weights: dict, letter: str, narrow: dict[str, Any]
) -> str:
    label = str(point.get("label", ""))
    kind = str(point.get("kind", "case"))
    highlight = bool(point.get("highlight", False))
    shares = ", ".join(f"{escape(t(f'model.short.{m}'))} {weights[m]:.0%}" for m in MODEL_IDS)
    narrow["traces"][str(len(fig.data))] = {"text": [letter]}
    narrow["key"].append(len(fig.data))
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
