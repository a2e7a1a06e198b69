"""The 2x2 grid of Tabel 1, with the article's roles, a student's and a class's placements."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..exercises.placement import in_article_quadrant
from ..framework import Framework, load_framework
from ..geometry import article_position, quadrant_of_point, quadrant_signs
from ..i18n import localized, t
from .style import OKABE_ITO, QUADRANT_STYLE, _base_layout, escape, wrap


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
    height: int = 600,
) -> go.Figure:
    """Tabel 1 as a 2x2 plot: focus (x) by professionalism (y), with the roles.

    Parameters
    ----------
    fw : Framework, optional
        Default: :func:`load_framework`.
    article : bool
        Show the article's placement of the eight roles (labelled markers, one shape per
        quadrant).
    placements : DataFrame or list of dict, optional
        One student's placements: columns ``name``, ``x``, ``y`` in [-1, 1] (x: intern -1
        to extern 1; y: organisatie -1 to klassiek 1). Names are escaped.
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
    lines = [t("grid.describe_axes")]
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
            text=f"<b>§{escape(q['section'])}</b> {wrap(q[localized('name')], 34)}",
            showarrow=False,
            font={"size": 12},
        )
        roles = fw.roles_in(q["quadrant_id"])[localized("name")].tolist()
        lines.append(
            t(
                "grid.describe_quadrant",
                section=q["section"],
                name=q[localized("name")],
                where=t(f"grid.where.{q['professionalism']}_{q['focus']}"),
                roles=", ".join(roles),
            )
        )
    fig.add_hline(y=0, line={"color": "#555555", "width": 2})
    fig.add_vline(x=0, line={"color": "#555555", "width": 2})

    if article:
        _add_article_roles(fig, fw)
    if class_placements is not None:
        lines.extend(_add_class_overlay(fig, fw, class_placements))
    if placements is not None:
        lines.extend(_add_student_placements(fig, fw, placements))

    fig.update_xaxes(
        range=[-1.05, 1.05],
        tickvals=[-0.5, 0.5],
        ticktext=[t("grid.intern"), t("grid.extern")],
        title={"text": t("grid.x_title")},
        showgrid=False,
        zeroline=False,
        fixedrange=True,
    )
    fig.update_yaxes(
        range=[-1.05, 1.05],
        tickvals=[-0.5, 0.5],
        ticktext=[t("grid.organisatie"), t("grid.klassiek")],
        title={"text": t("grid.y_title")},
        showgrid=False,
        zeroline=False,
        fixedrange=True,
    )
    _base_layout(fig, t("grid.title"), "\n".join(lines), height)
    return fig


def _add_article_roles(fig: go.Figure, fw: Framework) -> None:
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
                    "size": 12,
                    "color": OKABE_ITO["black"],
                    "line": {"width": 1, "color": "white"},
                },
                text=[escape(n) for n in names],
                textposition="bottom center",
                hovertext=[f"{escape(n)} — §{escape(q['section'])}" for n in names],
                hoverinfo="text",
                name=escape(t("grid.article_legend", section=q["section"])),
                legendgroup="article",
                meta={"role": "article", "quadrant_id": q["quadrant_id"]},
            )
        )


def _add_student_placements(fig: go.Figure, fw: Framework, placements: object) -> list[str]:
    frame = _placements_frame(placements)
    names = [escape(n) for n in frame.get("name", pd.Series([""] * len(frame)))]
    fig.add_trace(
        go.Scatter(
            x=frame["x"].tolist(),
            y=frame["y"].tolist(),
            mode="markers+text",
            marker={
                "symbol": "star",
                "size": 15,
                "color": OKABE_ITO["orange"],
                "line": {"width": 1.5, "color": OKABE_ITO["black"]},
            },
            text=names,
            textposition="bottom center",
            hovertext=[
                f"{n} ({x:+.2f}, {y:+.2f})"
                for n, x, y in zip(names, frame["x"], frame["y"], strict=True)
            ],
            hoverinfo="text",
            name=escape(t("grid.student_legend")),
            meta={"role": "student"},
        )
    )
    lines = [t("grid.describe_student", count=len(frame))]
    for name, x, y in zip(
        frame.get("name", [""] * len(frame)), frame["x"], frame["y"], strict=True
    ):
        lines.append(f"  {name}: {_where_text(fw, x, y)}")
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


def _add_class_overlay(fig: go.Figure, fw: Framework, frame: pd.DataFrame) -> list[str]:
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
        xs.append(row["x"])
        ys.append(row["y"])
        labels.append(escape(name))
        hovers.append(escape(f"{name}: n={counts[role_id]} {share_text}"))
        lines.append(f"  {name}: n={counts[role_id]} {share_text}".rstrip())
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="markers+text",
            marker={
                "symbol": "x",
                "size": 11,
                "color": OKABE_ITO["reddish_purple"],
                "line": {"width": 1, "color": OKABE_ITO["black"]},
            },
            text=labels,
            textposition="top center",
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
