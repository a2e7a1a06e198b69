"""Figures: content, escaping, colours, descriptions and language."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from support import by_role

import vakmanschap as vk
from vakmanschap import figures
from vakmanschap.figures import OKABE_ITO, describe

HOSTILE = "<img src=x onerror=alert(1)>"


def all_text(fig) -> str:
    """Every string plotly would render: texts, hover texts, names, titles, annotations."""
    return fig.to_json()


def test_grid_quadrants_and_article_roles(fw):
    fig = vk.grid_figure(fw)
    assert len(fig.layout.shapes) >= 4
    annotations = " ".join(a.text for a in fig.layout.annotations)
    for section in ("4.1", "4.2", "4.3", "4.4"):
        assert f"§{section}" in annotations
    article = by_role(fig, "article")
    assert len(article) == 4
    assert sum(len(tr.x) for tr in article) == 8
    assert len({tr.marker.symbol for tr in article}) == 4  # shape, not only colour
    for role_id in fw.roles["role_id"]:
        x, y = figures.article_position(fw, role_id)
        quadrant = fw.quadrant(fw.quadrant_of(role_id))
        assert figures.quadrant_of_point(x, y) == (quadrant["professionalism"], quadrant["focus"])
    text = describe(fig)
    for name in fw.roles["name_nl"]:
        assert name in text
    assert "Horizontaal de professionaliteit" in text and "Verticaal de focus" in text


def test_grid_student_placements_are_escaped(fw):
    # x: organisatie (left), y: extern (top)
    fig = vk.grid_figure(fw, placements=[{"name": HOSTILE, "x": -0.3, "y": 0.4}])
    (student,) = by_role(fig, "student")
    assert student.x == (-0.3,) and student.y == (0.4,)
    assert student.text == ("&lt;img src=x<br>onerror=alert(1)&gt;",)  # wrapped, escaped
    assert "<img" not in all_text(fig)
    assert HOSTILE in describe(fig)  # plain text for screen readers is not HTML
    assert "Organisatieprofessionals met een vooral externe focus" in describe(fig)


def test_grid_placements_need_x_and_y(fw):
    with pytest.raises(ValueError, match="x, y"):
        vk.grid_figure(fw, placements=[{"name": "a"}])


def test_grid_follows_language(fw):
    vk.set_language("en")
    fig = vk.grid_figure(fw)
    assert fig.layout.xaxis.ticktext == (
        "organisational<br>professionalism",
        "'classic'<br>professionalism",
    )
    assert fig.layout.yaxis.ticktext == ("internal focus", "external focus")
    assert "Legal adviser" in " ".join(t for tr in by_role(fig, "article") for t in tr.text)
    assert fig.layout.title.text.startswith("Table 1")


def class_data(fw, n: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    role_ids = rng.choice(fw.roles["role_id"].to_numpy(), n)
    return pd.DataFrame(
        {"role_id": role_ids, "x": rng.uniform(-1, 1, n), "y": rng.uniform(-1, 1, n)}
    )


@pytest.mark.parametrize("n", [500, 5000])
def test_class_overlay_stays_readable(fw, n):
    fig = vk.grid_figure(fw, class_placements=class_data(fw, n))
    (density,) = by_role(fig, "class_density")
    assert density.type == "histogram2dcontour" and len(density.x) == n
    (means,) = by_role(fig, "class_mean")
    assert len(means.x) == 8  # one labelled mean per role, not n labels
    assert "Plaatsingen van de klas" in describe(fig)


def test_class_overlay_share_in_article_quadrant(fw):
    rows = [{"role_id": "jurist", "x": 0.5, "y": 0.5}] * 3 + [
        {"role_id": "jurist", "x": -0.5, "y": 0.5}
    ]
    fig = vk.grid_figure(fw, class_placements=pd.DataFrame(rows))
    assert "75% in het kwadrant van het artikel" in describe(fig)


def dilemma_edges(fig, dilemma_id):
    return [tr for tr in by_role(fig, "dilemma") if tr.meta["dilemma_id"] == dilemma_id]


def test_triangle_corners_and_quadrant_dilemmas(fw):
    fig = vk.tension_triangle(fw, quadrant_id="organisatie_extern")
    corners = by_role(fig, "corner")
    assert [c.meta["model_id"] for c in corners] == ["klassiek", "npm", "netwerk"]
    assert len({c.marker.symbol for c in corners}) == 3
    assert len(dilemma_edges(fig, "vangrail_of_vangnet")) == 1  # klassiek-netwerk
    assert len(dilemma_edges(fig, "loslaten_of_ingrijpen")) == 3  # all three models
    (edge,) = dilemma_edges(fig, "vangrail_of_vangnet")
    # the edge runs between klassiek (a) and netwerk (c): npm's share (b) stays minimal
    assert max(edge.b) < 0.05 and max(edge.a) > 0.9 and max(edge.c) > 0.9
    (arrow,) = by_role(fig, "reinforcement")
    assert arrow.meta["dilemma_id"] == "vangrail_of_vangnet" and arrow.b[0] > 0.8
    poles = " ".join(t for tr in by_role(fig, "poles") for t in tr.text)
    assert "maatwerk leveren" in poles and "gelijkheid waarborgen" in poles
    text = describe(fig)
    assert "Vangrail of vangnet" in text and "versterkt door: Bedrijfsmatige overheid" in text


def test_triangle_points_are_normalised_and_escaped(fw):
    fig = vk.tension_triangle(
        fw, points=[{"label": HOSTILE, "klassiek": 1, "npm": 1, "netwerk": 2, "highlight": True}]
    )
    (point,) = by_role(fig, "point")
    assert (point.a[0], point.b[0], point.c[0]) == (0.25, 0.25, 0.5)
    assert "<img" not in all_text(fig)
    assert "klassiek 25%, NPM 25%, netwerk 50%" in describe(fig)


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ({"klassiek": -1, "npm": 1, "netwerk": 1}, "'klassiek'"),
        ({"klassiek": math.nan, "npm": 1, "netwerk": 1}, "'klassiek'"),
        ({"klassiek": 1, "npm": "veel", "netwerk": 1}, "'npm'"),
        ({"klassiek": 1, "npm": 1}, "'netwerk'"),
        ({"klassiek": True, "npm": 1, "netwerk": 1}, "'klassiek'"),
        ({"klassiek": 0, "npm": 0, "netwerk": 0}, "groter dan 0"),
    ],
)
def test_triangle_rejects_bad_weights(fw, weights, message):
    with pytest.raises(ValueError, match=message):
        vk.tension_triangle(fw, points=[{"label": "x", **weights}])


def test_triangle_unknown_ids(fw):
    with pytest.raises(KeyError):
        vk.tension_triangle(fw, quadrant_id="midden")
    with pytest.raises(KeyError):
        vk.tension_triangle(fw, dilemma_ids=["geen_dilemma"])


def test_triangle_all_dilemmas_by_name(fw):
    fig = vk.tension_triangle(fw, dilemma_ids=list(fw.dilemmas["dilemma_id"]), labels="names")
    assert {tr.meta["dilemma_id"] for tr in by_role(fig, "dilemma")} == set(
        fw.dilemmas["dilemma_id"]
    )
    assert by_role(fig, "poles") == []


def test_competency_profile(fw):
    fig = vk.competency_profile(
        fw,
        scores={"resultaatgericht": 5},
        comparison={"resultaatgericht": 2},
        comparison_label=HOSTILE,
    )
    own, other = by_role(fig, "self"), by_role(fig, "comparison")
    assert own[0].r[0] == 5 and own[0].r[-1] == 5 and len(own[0].r) == 7  # closed loop
    assert other[0].r[0] == 2 and other[0].line.dash != own[0].line.dash
    assert "<img" not in all_text(fig)
    assert "Scherp op resultaat 5" in describe(fig)


@pytest.mark.parametrize("value", [6, 0, math.inf, "5"])
def test_competency_profile_rejects_bad_scores(fw, value):
    with pytest.raises(ValueError, match="resultaatgericht"):
        vk.competency_profile(fw, scores={"resultaatgericht": value})


def test_palette_is_okabe_ito_and_never_colour_alone(fw):
    palette = set(OKABE_ITO.values())
    figs = [
        vk.grid_figure(
            fw, placements=[{"name": "a", "x": 0.1, "y": 0.1}], class_placements=class_data(fw, 50)
        ),
        vk.tension_triangle(
            fw,
            quadrant_id="klassiek_extern",
            points=[{"label": "p", "klassiek": 1, "npm": 0, "netwerk": 0}],
        ),
        vk.competency_profile(fw, comparison={}),
    ]
    for fig in figs:
        for trace in fig.data:
            marker = getattr(trace, "marker", None)
            color = getattr(marker, "color", None) if marker is not None else None
            if isinstance(color, str):
                assert color in palette, (trace.type, color)
            labelled = bool(getattr(trace, "text", None)) or bool(trace.name)
            assert labelled, trace.type  # every series has a text label or a legend name


def test_describe_needs_one_of_our_figures():
    import plotly.graph_objects as go

    with pytest.raises(ValueError):
        describe(go.Figure())
