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
from vakmanschap.plots.style import narrow_patch

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
    assert len(dilemma_edges(fig, "loslaten_of_ingrijpen")) == 1  # all three: one area
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


# -- issue 12: readable figures ------------------------------------------------------------------


def triangle_variants(fw) -> dict[str, object]:
    """Every way the notebooks and widgets draw the triangle."""
    figs = {
        "all_names": vk.tension_triangle(fw, dilemma_ids="all", labels="names"),
        "all_poles_by_quadrant": vk.tension_triangle(fw, dilemma_ids="all", stack="quadrant"),
        "points": vk.tension_triangle(
            fw,
            quadrant_id="klassiek_extern",
            points=[{"label": "p", "klassiek": 1, "npm": 1, "netwerk": 0, "highlight": True}],
        ),
    }
    for quadrant_id in fw.ids("quadrant"):
        figs[quadrant_id] = vk.tension_triangle(fw, quadrant_id=quadrant_id)
    for dilemma_id in fw.dilemmas["dilemma_id"]:
        figs[dilemma_id] = vk.tension_triangle(fw, dilemma_ids=[dilemma_id], height=520)
    return figs


def legend_entries(fig) -> list:
    return [tr for tr in fig.data if tr.showlegend is not False]


def test_one_numbering_of_the_dilemmas_everywhere(fw):
    from vakmanschap import views
    from vakmanschap.i18n import t
    from vakmanschap.plots import dilemma_numbers

    numbers = dilemma_numbers(fw)
    assert list(numbers) == list(fw.dilemmas["dilemma_id"])  # the order of dilemmas.csv
    assert list(numbers.values()) == list(range(1, len(fw.dilemmas) + 1))
    for name, fig in triangle_variants(fw).items():
        legend = [tr for tr in legend_entries(fig) if tr.meta["role"] != "point"]
        shown = [tr.meta["number"] for tr in legend]
        assert len(shown) == len(set(shown)), name  # no number twice in a legend
        assert all(tr.meta["role"] == "dilemma" for tr in legend), name
        for trace in fig.data:
            meta = trace.meta
            if "dilemma_id" in meta:  # edges, areas, pole labels and arrows
                assert meta["number"] == numbers[meta["dilemma_id"]], (name, meta)
                assert trace.legendgroup == meta["dilemma_id"], (name, meta)
        for trace in legend:  # the legend's name and the drawn number say the same
            assert trace.name.startswith(f"{trace.meta['number']}. ")
            assert f"<b>{trace.meta['number']}</b>" in trace.text
        key = [e for e in narrow_patch(fig)["key"] if isinstance(e, dict)]
        assert [e["label"] for e in key] == [str(n) for n in shown], name
    # the tables of the notebooks and the explorer use the same numbers
    for quadrant_id in fw.ids("quadrant"):
        text = str(views.quadrant_html(fw, quadrant_id))
        for dilemma_id in fw.dilemmas_in(quadrant_id)["dilemma_id"]:
            assert t("explorer.dilemma", number=numbers[dilemma_id]) in text
    description = describe(triangle_variants(fw)["organisatie_extern"])
    for dilemma_id in fw.dilemmas_in("organisatie_extern")["dilemma_id"]:
        d = fw.dilemma(dilemma_id)
        assert f"{numbers[dilemma_id]}, {d['name_nl']}" in description


def test_a_dilemma_of_all_three_models_is_one_tension(fw):
    from vakmanschap.plots import MODEL_IDS

    three = [d for _, d in fw.dilemmas.iterrows() if set(d["models"]) == set(MODEL_IDS)]
    assert three, "the article has a dilemma of all three models"
    for dilemma in three:
        dilemma_id = dilemma["dilemma_id"]
        fig = vk.tension_triangle(fw, dilemma_ids=[dilemma_id])
        (area,) = dilemma_edges(fig, dilemma_id)
        assert area.meta["shape"] == "area" and area.fill == "toself"
        assert [tr.meta["dilemma_id"] for tr in legend_entries(fig)] == [dilemma_id]
        assert len(set(area.hovertext)) == 1  # one hover text
        assert area.marker.symbol not in (None, "circle")  # a marker of its own, not colour
        assert sum(a is None for a in area.a) >= 3  # hatched: lines across the area
        # the area lies in the middle: every model weighs in at every corner of it
        corners = [(a, b, c) for a, b, c in zip(area.a, area.b, area.c, strict=True) if a]
        assert all(min(point) >= 0.2 for point in corners)
        assert str(fw.dilemmas["dilemma_id"].tolist().index(dilemma_id) + 1) in describe(fig)


def test_a_reinforcing_model_has_no_legend_entry_of_its_own(fw):
    fig = vk.tension_triangle(fw, dilemma_ids="all", labels="names")
    arrows = by_role(fig, "reinforcement")
    dilemmas = fw.dilemmas
    reinforced = set(dilemmas.loc[dilemmas["reinforced_by"].map(len) > 0, "dilemma_id"])
    assert reinforced and {tr.meta["dilemma_id"] for tr in arrows} == reinforced
    for arrow in arrows:  # part of its dilemma's one legend entry
        assert arrow.showlegend is False and arrow.legendgroup == arrow.meta["dilemma_id"]
        assert arrow.meta["model_id"] in fw.dilemma(arrow.meta["dilemma_id"])["reinforced_by"]


def test_radar_runs_from_the_centre_to_the_top_of_the_scale(fw):
    fig = vk.competency_profile(fw, scores={"resultaatgericht": 5})
    radial = fig.layout.polar.radialaxis
    assert tuple(radial.range) == (0, figures.SCALE_MAX) and radial.autorange is False
    assert tuple(radial.tickvals) == tuple(range(figures.SCALE_MIN, figures.SCALE_MAX + 1))
    ring = fig.layout.polar.angularaxis  # the outer ring, drawn at the end of the range
    assert ring.showline is True and ring.linecolor not in (None, "white", "#FFFFFF")
    assert all(tr.cliponaxis is False for tr in fig.data)  # a 5 on the ring shows whole
    assert narrow_patch(fig)["layout"]["margin"]


# -- the triangle's labels, in pixels as plotly draws them ----------------------------------------

WIDE_WIDTHS, NARROW_WIDTHS = (600, 800, 1366), (340, 350, 390, 599)


def triangle_views(fw) -> dict[str, object]:
    """Every triangle variant as a FigureView; the one stacked by quadrant once per quadrant,
    showing that quadrant's dilemmas as the widgets do (through the kernel's patch)."""
    from vakmanschap.ui.figure_view import FigureView
    from vakmanschap.ui.triangle import show_dilemmas

    views = {}
    for name, fig in triangle_variants(fw).items():
        if name != "all_poles_by_quadrant":
            views[name] = FigureView(fig)
            continue
        for quadrant_id in fw.ids("quadrant"):
            view = FigureView(fig)
            show_dilemmas(view, set(fw.dilemmas_in(quadrant_id)["dilemma_id"]))
            views[f"{name}:{quadrant_id}"] = view
    return views


def triangle_pixels(view, narrow: bool, width: int) -> dict:
    """Lines, markers and label boxes of the triangle as a browser `width` px wide draws it
    (narrow: with the figure's narrow variant), in the package's pixel geometry."""
    from vakmanschap.plots import ternary
    from vakmanschap.plots.boxes import point_box, text_box

    drawn = view.browser_figure(narrow=narrow)
    layout = drawn["layout"]
    frame = ternary.TernaryFrame(width, layout["height"], layout["margin"], 0, 0, 0)

    def at(trace, i):
        if trace["a"][i] is None:
            return None
        weights = {"klassiek": trace["a"][i], "npm": trace["b"][i], "netwerk": trace["c"][i]}
        return ternary.to_pixels(weights, frame)

    found: dict = {"frame": frame, "lines": [], "markers": [], "poles": [], "corners": []}
    for trace in drawn["data"]:
        if trace.get("visible") is False:
            continue
        role, count = trace["meta"]["role"], len(trace["a"])
        sizes = trace.get("marker", {}).get("size", 0)
        for i in range(count):
            size = sizes[i] if isinstance(sizes, list) else sizes
            if size and at(trace, i) is not None and role != "poles":
                found["markers"].append(point_box(*at(trace, i), size))
        if role in ("dilemma", "reinforcement"):
            found["lines"].append([at(trace, i) for i in range(count)])
        font = trace.get("textfont", {}).get("size", 13)
        if role == "poles":
            for i in range(count):
                box = text_box(*at(trace, i), trace["text"][i], "middle center", 0, font)
                found["poles"].append((trace["text"][i], box))
        if role == "corner":
            text, position = trace["text"][0], trace["textposition"]
            box = text_box(*at(trace, 0), text, position, trace["marker"]["size"], font + 1)
            found["corners"].append((text, box))
    return found


@pytest.mark.parametrize("narrow", [False, True])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_triangle_labels_stand_clear_of_edges_markers_and_each_other(fw, language, narrow):
    from vakmanschap.plots.boxes import Box, polyline_clear
    from vakmanschap.plots.ternary import corner_pixels

    vk.set_language(language)
    for name, view in triangle_views(fw).items():
        for width in NARROW_WIDTHS if narrow else WIDE_WIDTHS:
            drawn = triangle_pixels(view, narrow, width)
            corners = corner_pixels(drawn["frame"])
            sides = [corners[m] for m in ("klassiek", "npm", "netwerk", "klassiek")]
            page = Box(0, 0, width, drawn["frame"].height)
            labels = drawn["poles"] + drawn["corners"]
            where = (name, narrow, width)
            assert len(drawn["corners"]) == 3
            for text, box in labels:
                assert polyline_clear(sides, box, 2), (*where, text, "side")
                for line in drawn["lines"]:
                    assert polyline_clear(line, box, 2), (*where, text, "line")
                for marker in drawn["markers"]:
                    assert not box.overlaps(marker), (*where, text, "marker")
                for other, other_box in labels:
                    assert other == text or not box.overlaps(other_box), (*where, text, other)
            for text, box in drawn["corners"]:
                assert box.inside(page), (*where, text, "off the page")


def test_a_dilemma_whose_models_are_our_reading_says_so(fw):
    """§4.4 names no models: the triangle marks that line as our reading, in the legend,
    the hover text and the text alternative, like the dilemma table does."""
    from vakmanschap.i18n import t

    fig = vk.tension_triangle(fw, dilemma_ids="all")
    inferred = fw.dilemmas.loc[fw.dilemmas["models_source"] != "artikel", "dilemma_id"]
    assert len(inferred) >= 1
    for dilemma_id in inferred:
        traces = [tr for tr in fig.data if (tr.meta or {}).get("dilemma_id") == dilemma_id]
        assert any(t("tri.our_reading") in (tr.name or "") for tr in traces if tr.showlegend)
    stated = fw.dilemmas.loc[fw.dilemmas["models_source"] == "artikel", "dilemma_id"]
    for dilemma_id in stated:
        traces = [tr for tr in fig.data if (tr.meta or {}).get("dilemma_id") == dilemma_id]
        assert not any(t("tri.our_reading") in (tr.name or "") for tr in traces)
    assert t("explorer.inferred") in vk.describe(fig)
