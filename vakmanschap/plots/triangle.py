"""The tension triangle: the three steering models as corners, dilemmas as edges between
the models in tension, and weighed points."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from ..framework import Framework, load_framework
from ..geometry import MODEL_IDS, normalise_weights
from ..i18n import localized, t
from .style import CORNERS, MODEL_STYLE, OKABE_ITO, _base_layout, escape, wrap

# --------------------------------------------------------------------------------------
# The tension triangle (Stoker's three steering models)
# --------------------------------------------------------------------------------------


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
