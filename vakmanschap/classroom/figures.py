"""Class results as figures: placements per role, agreement, the class's triangle and the
spread of self-assessments."""

from __future__ import annotations

import math

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ..answers import ClassAnswers
from ..framework import Framework, load_framework
from ..geometry import MODEL_IDS, SCALE_MAX, SCALE_MIN, quadrant_signs
from ..i18n import localized, t
from ..plots.grid import density_trace
from ..plots.style import OKABE_ITO, _base_layout, escape, wrap
from ..plots.triangle import tension_triangle
from .tables import agreement, placements, scores, weights


def placements_figure(result: ClassAnswers, fw: Framework | None = None) -> go.Figure:
    """Small multiples: per role, the class's placements as a density on the grid, the
    article's quadrant outlined, and the share placed there in the title."""
    fw = fw or load_framework()
    table = placements(result, fw)
    roles = list(fw.ids("role"))
    shares = agreement(result, fw, table).set_index("role_id")
    titles = []
    for role_id in roles:
        share = shares.loc[role_id, "share_in_article_quadrant"]
        n = int(shares.loc[role_id, "placements"])
        share_text = "–" if math.isnan(share) else f"{share:.0%}"
        titles.append(f"{escape(fw.name('role', role_id))}<br>n={n}, {share_text}")
    fig = make_subplots(
        rows=math.ceil(len(roles) / 4),
        cols=4,
        subplot_titles=titles,
        horizontal_spacing=0.05,
        vertical_spacing=0.14,
    )
    lines = [t("class.placements_describe"), t("grid.axes_short")]
    for index, role_id in enumerate(roles):
        row, col = divmod(index, 4)
        own = table.loc[table["role_id"] == role_id]
        quadrant = fw.quadrant(fw.quadrant_of(role_id))
        sx, sy = quadrant_signs(quadrant)
        fig.add_shape(
            type="rect",
            x0=0,
            x1=sx,
            y0=0,
            y1=sy,
            row=row + 1,
            col=col + 1,
            line={"color": OKABE_ITO["black"], "width": 2, "dash": "dash"},
            fillcolor="rgba(230,159,0,0.15)",
            layer="below",
        )
        if len(own):
            fig.add_trace(
                density_trace(own["x"], own["y"], "rgba(0,114,178,0.8)", role_id=role_id),
                row=row + 1,
                col=col + 1,
            )
            fig.add_trace(
                go.Scatter(
                    x=[own["x"].mean()],
                    y=[own["y"].mean()],
                    mode="markers",
                    marker={"symbol": "x", "size": 10, "color": OKABE_ITO["vermillion"]},
                    hovertext=[escape(t("class.mean"))],
                    hoverinfo="text",
                    meta={"role": "class_mean", "role_id": role_id},
                ),
                row=row + 1,
                col=col + 1,
            )
        share = shares.loc[role_id, "share_in_article_quadrant"]
        lines.append(
            t(
                "class.placements_role",
                role=fw.name("role", role_id),
                n=len(own),
                share="–" if math.isnan(share) else f"{share:.0%}",
                quadrant=quadrant[localized("name")],
            )
        )
    axis = {
        "range": [-1, 1],
        "zeroline": True,
        "zerolinecolor": "#555",
        "showticklabels": False,
        "showgrid": False,
        "fixedrange": True,
    }
    fig.update_xaxes(**axis)
    fig.update_yaxes(**axis)
    fig.update_layout(showlegend=False)
    fig.add_annotation(
        text=wrap(t("grid.axes_short"), 110),
        xref="paper",
        yref="paper",
        x=0,
        y=-0.04,
        xanchor="left",
        yanchor="top",
        showarrow=False,
        font={"size": 12},
    )
    _base_layout(fig, t("class.placements_title"), "\n".join(lines), 590)
    fig.update_layout(margin={"l": 20, "r": 20, "t": 110, "b": 70})
    return fig


def agreement_figure(result: ClassAnswers, fw: Framework | None = None) -> go.Figure:
    """Bar chart: per role, the share of the class that placed it in Tabel 1's quadrant."""
    fw = fw or load_framework()
    table = agreement(result, fw)
    values = table["share_in_article_quadrant"].fillna(0) * 100
    fig = go.Figure(
        go.Bar(
            x=values,
            y=[escape(r) for r in table["role"]],
            orientation="h",
            marker={"color": OKABE_ITO["blue"]},
            text=[f"{v:.0f}% (n={n})" for v, n in zip(values, table["placements"], strict=True)],
            textposition="outside",
            hoverinfo="text",
            hovertext=[
                f"{escape(r)}: {v:.0f}%" for r, v in zip(table["role"], values, strict=True)
            ],
        )
    )
    fig.update_xaxes(range=[0, 115], title={"text": t("class.agreement_axis")})
    fig.update_yaxes(autorange="reversed")
    lines = [
        f"{r}: {v:.0f}% (n={n})"
        for r, v, n in zip(table["role"], values, table["placements"], strict=True)
    ]
    _base_layout(fig, t("class.agreement_title"), "\n".join(lines), 420)
    fig.update_layout(margin={"l": 200, "r": 30, "t": 70, "b": 60})
    return fig


def triangle_figure(
    result: ClassAnswers, fw: Framework | None = None, subject: str | None = None
) -> go.Figure:
    """The class's weighings in the tension triangle: every student as a small point and
    the class mean per subject as a labelled marker (optionally one `subject` only)."""
    fw = fw or load_framework()
    table = weights(result)
    if subject is not None:
        table = table.loc[table["subject"] == subject]
    means = []
    for key, group in table.groupby("subject", sort=True):
        kind, _, item_id = str(key).partition(":")
        label = fw.name(kind, item_id) if kind in ("role", "dilemma") else t("tri.option_case")
        means.append(
            {
                "label": f"{label} (n={len(group)})",
                "kind": kind if kind != "case" else "case",
                "highlight": True,
                **{m: float(group[m].mean()) for m in MODEL_IDS},
            }
        )
    dilemma_ids = (
        [subject.partition(":")[2]] if subject and subject.startswith("dilemma:") else None
    )
    fig = tension_triangle(fw, dilemma_ids=dilemma_ids, points=means)
    fig.add_trace(
        go.Scatterternary(
            a=table["klassiek"],
            b=table["npm"],
            c=table["netwerk"],
            mode="markers",
            marker={"size": 6, "color": "rgba(86,180,233,0.45)", "symbol": "circle"},
            hoverinfo="skip",
            name=escape(t("class.individual")),
            meta={"role": "class_points"},
        )
    )
    fig.update_layout(title={"text": escape(t("class.triangle_title"))})
    return fig


def scores_figure(result: ClassAnswers, fw: Framework | None = None) -> go.Figure:
    """Box plots: the spread of the class's self-assessment on each of 't Hart's points.

    Only the points a student filled in count (``n`` per point in its name)."""
    fw = fw or load_framework()
    table = scores(result)
    fig = go.Figure()
    lines = [t("radar.describe_scale", low=SCALE_MIN, high=SCALE_MAX)]
    for _, rec in fw.recommendations.sort_values("order").iterrows():
        values = table.loc[table["recommendation_id"] == rec["recommendation_id"], "score"]
        name = escape(f"{rec[localized('name')]} (n={len(values)})")
        fig.add_trace(
            go.Box(
                y=values,
                name=name,
                boxmean=True,
                boxpoints="outliers",
                marker={"color": OKABE_ITO["blue"]},
                line={"color": OKABE_ITO["blue"]},
            )
        )
        if len(values):
            lines.append(
                f"{rec[localized('name')]}: {t('class.mean')} {values.mean():.1f}, n={len(values)}"
            )
    fig.update_yaxes(range=[0.5, 5.5], tickvals=[1, 2, 3, 4, 5])
    fig.update_layout(showlegend=False)
    _base_layout(fig, t("class.scores_title"), "\n".join(lines), 460)
    return fig


def class_figures(result: ClassAnswers, fw: Framework | None = None) -> dict[str, go.Figure]:
    """Every class figure, by name: placements, agreement, triangle, scores."""
    fw = fw or load_framework()
    return {
        "placements": placements_figure(result, fw),
        "agreement": agreement_figure(result, fw),
        "triangle": triangle_figure(result, fw),
        "scores": scores_figure(result, fw),
    }
