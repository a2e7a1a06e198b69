"""The self-assessment on 't Hart's (2014) points as a radar chart."""

from __future__ import annotations

import math
from collections.abc import Mapping

import plotly.graph_objects as go

from ..framework import Framework, load_framework
from ..geometry import SCALE_MAX, SCALE_MIN
from ..i18n import localized, t
from .style import OKABE_ITO, _base_layout, escape, set_narrow, wrap

# --------------------------------------------------------------------------------------
# Competency profile ('t Hart 2014)
# --------------------------------------------------------------------------------------


def competency_profile(
    fw: Framework | None = None,
    *,
    scores: Mapping[str, float | None] | None = None,
    comparison: Mapping[str, float | None] | None = None,
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
        ``{recommendation_id: score}`` on the scale 1-5. A point that is missing or None is
        not filled in: it is not drawn (the line breaks there) and the description says so.
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
        complete = all(v is not None for v in r)
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
                connectgaps=False,
                cliponaxis=False,  # a 5 on the outer ring shows whole
                fill="toself" if role == "self" and complete else "none",
                fillcolor="rgba(0,114,178,0.15)",
                line={"color": style["color"], "dash": style["dash"], "width": 2.5},
                marker={"symbol": style["symbol"], "size": 10, "color": style["color"]},
                name=escape(name),
                hovertext=hover_texts(name, theta, r),
                hoverinfo="text",
                meta={"role": role},
            )
        )
        parts = ", ".join(
            f"{n} {_shown(v)}" for n, v in zip(recs[localized("name")], r, strict=True)
        )
        lines.append(f"{name}: {parts}")
    fig.update_layout(polar=_polar(), showlegend=True)
    _base_layout(fig, t("radar.title"), "\n".join(lines), height)
    fig.update_layout(margin={"l": 90, "r": 90, "t": 80, "b": 60})
    return set_narrow(
        fig,
        {
            "layout": {
                "margin": {"l": 56, "r": 56, "t": 70, "b": 60},
                "polar": {"angularaxis": {"tickfont": {"size": 10}}},
                "title": {"font": {"size": 15}},
            }
        },
    )


def _polar() -> dict:
    """The radial axis runs exactly from 0 (the centre) to the top of the scale: one ring
    per level of the scale (1-5), the outer ring (the angular axis line) at 5."""
    return {
        "bgcolor": "white",
        "radialaxis": {
            "angle": 90,
            "tickangle": 90,
            "range": [0, SCALE_MAX],
            "autorange": False,
            "tickmode": "array",
            "tickvals": list(range(SCALE_MIN, SCALE_MAX + 1)),
            "ticks": "",
            "showline": False,
            "gridcolor": "#DDDDDD",
        },
        "angularaxis": {
            "tickfont": {"size": 12},
            "gridcolor": "#DDDDDD",
            "showline": True,
            "linecolor": "#999999",
            "linewidth": 1,
        },
    }


def hover_texts(name: str, theta: list[str], r: list[float | None]) -> list[str]:
    """The hover texts of a profile's closed line (`theta` and `r` without the closing
    point): ``name: point = score`` (escaped), or "niet ingevuld"."""
    return [
        f"{escape(name)}: {th.replace('<br>', ' ')} = {escape(_shown(v))}"
        for th, v in zip([*theta, theta[0]], [*r, r[0]], strict=True)
    ]


def _shown(value: float | None) -> str:
    return t("radar.unset") if value is None else f"{value:g}"


def _score(values: Mapping[str, float | None], rec_id: str) -> float | None:
    value = values.get(rec_id)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(
            t("fig.score_invalid", field=rec_id, value=value, low=SCALE_MIN, high=SCALE_MAX)
        )
    if not SCALE_MIN <= value <= SCALE_MAX:
        raise ValueError(
            t("fig.score_invalid", field=rec_id, value=value, low=SCALE_MIN, high=SCALE_MAX)
        )
    return float(value)
