"""The grid of Tabel 1: its orientation (as the article prints the table) and labels that never
print over each other.

Label boxes are estimated here from each label's position, text and text position, the way
plotly lays them out, independently of the package's own estimate."""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go
import pytest
from support import by_role

import vakmanschap as vk
from vakmanschap.geometry import article_position, quadrant_of_point, quadrant_signs
from vakmanschap.plots import role_numbers
from vakmanschap.plots.style import narrow_patch
from vakmanschap.ui.figure_view import FigureView

WIDTH = 700  # a wide page
#: Wide pages from the narrowest one that draws the wide grid; phones (less the page margins)
#: up to the widest page that draws the narrow variant.
WIDE_WIDTHS, NARROW_WIDTHS = (600, 700, 1366), (340, 350, 390, 599)


def narrow_figure(fig) -> go.Figure:
    """`fig` as a browser narrower than 600 px draws it (its narrow variant applied)."""
    return go.Figure(FigureView(fig).browser_figure(narrow=True))


def pixels(fig, x: float, y: float, page: int = WIDTH) -> tuple[float, float]:
    layout = fig.layout
    (x0, x1), (y0, y1) = layout.xaxis.range, layout.yaxis.range
    width = page - layout.margin.l - layout.margin.r
    height = layout.height - layout.margin.t - layout.margin.b
    return (x - x0) / (x1 - x0) * width, (y1 - y) / (y1 - y0) * height


def text_size(text: str, font: float) -> tuple[float, float]:
    plain = re.sub(r"&[a-z#0-9]+;", "x", re.sub(r"<(?!br>)[^>]*>", "", text))
    lines = plain.split("<br>")
    return 0.55 * font * max(map(len, lines)), 1.2 * font * len(lines)


def box(fig, x, y, text, position, marker, font=13, page=WIDTH):
    px, py = pixels(fig, x, y, page)
    width, height = text_size(text, font)
    gap = marker / 2
    vertical, horizontal = position.split()
    left = {"left": px - gap - width, "center": px - width / 2, "right": px + gap}[horizontal]
    top = {"top": py - gap - height, "middle": py - height / 2, "bottom": py + gap}[vertical]
    return (left, top, left + width, top + height)


def overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def label_boxes(fig, role: str, page: int = WIDTH) -> dict[str, tuple]:
    """The estimated box of every non-empty label of the traces with ``meta.role``."""
    found = {}
    for trace in by_role(fig, role):
        positions, font = trace.textposition, trace.textfont.size or 13
        for i, (x, y, text) in enumerate(zip(trace.x, trace.y, trace.text, strict=False)):
            if not text or x is None:
                continue
            position = positions if isinstance(positions, str) else positions[i]
            found[text] = box(fig, x, y, text, position, trace.marker.size, font, page)
    return found


def marker_boxes(fig, role: str, page: int = WIDTH) -> list[tuple]:
    boxes = []
    for trace in by_role(fig, role):
        half = trace.marker.size / 2
        for x, y in zip(trace.x, trace.y, strict=True):
            if x is not None:
                px, py = pixels(fig, x, y, page)
                boxes.append((px - half, py - half, px + half, py + half))
    return boxes


def title_boxes(fig, page: int = WIDTH) -> list[tuple]:
    boxes = []
    for note in fig.layout.annotations:
        if not (note.name or "").startswith("title:"):
            continue
        px, py = pixels(fig, note.x, note.y, page)
        width, height = text_size(note.text, note.font.size)
        top = py if note.yanchor == "top" else py - height
        boxes.append((px - width / 2, top, px + width / 2, top + height))
    return boxes


# -- orientation: Tabel 1 as printed ------------------------------------------------------------


def test_x_is_professionalism_and_y_is_focus(fw):
    assert quadrant_of_point(0.5, 0.5) == ("klassiek", "extern")
    assert quadrant_of_point(-0.5, 0.5) == ("organisatie", "extern")
    assert quadrant_of_point(0.5, -0.5) == ("klassiek", "intern")
    assert quadrant_of_point(-0.5, -0.5) == ("organisatie", "intern")
    assert quadrant_of_point(0, 0.5) is None
    assert quadrant_signs(fw.quadrant("organisatie_extern")) == (-1, 1)  # column left, row top
    for role_id in fw.ids("role"):
        quadrant = fw.quadrant(fw.quadrant_of(role_id))
        assert quadrant_of_point(*article_position(fw, role_id)) == (
            quadrant["professionalism"],
            quadrant["focus"],
        )


def test_grid_axes_and_quadrants_follow_tabel_1(fw):
    fig = vk.grid_figure(fw)
    assert fig.layout.xaxis.title.text.startswith("Professionaliteit: organisatie")
    assert fig.layout.yaxis.title.text.startswith("Focus: intern")
    assert fig.layout.xaxis.ticktext[0].startswith("organisatie")  # left
    assert fig.layout.yaxis.ticktext == ("interne focus", "externe focus")  # bottom, top
    titles = {n.name.split(":")[1]: (n.x, n.y) for n in fig.layout.annotations if n.name}
    assert titles["klassiek_extern"][0] > 0 < titles["klassiek_extern"][1]  # §4.1 top right
    assert titles["organisatie_extern"][0] < 0 < titles["organisatie_extern"][1]  # top left
    assert titles["klassiek_intern"][0] > 0 > titles["klassiek_intern"][1]  # bottom right
    assert titles["organisatie_intern"][0] < 0 and titles["organisatie_intern"][1] < 0
    article = {tr.meta["quadrant_id"]: tr for tr in by_role(fig, "article")}
    assert set(article["organisatie_extern"].text) == {"Reactiveringsambtenaar", "Boa (handhaver)"}
    left_top = article["organisatie_extern"]
    assert all(x < 0 < y for x, y in zip(left_top.x, left_top.y, strict=True))
    assert "Linksboven: §4.3" in vk.describe(fig)


def test_class_overlay_and_small_multiples_use_the_same_axes(fw):
    rows = pd.DataFrame([{"role_id": "reactiveringsambtenaar", "x": -0.5, "y": 0.6}] * 3)
    fig = vk.grid_figure(fw, class_placements=rows)
    (mean,) = by_role(fig, "class_mean")
    assert (mean.x[0], mean.y[0]) == (-0.5, 0.6)
    assert "100% in het kwadrant van het artikel" in vk.describe(fig)

    from vakmanschap import classroom
    from vakmanschap.answers import collect

    result = collect(classroom.synthetic_class(5, fw=fw), fw)
    small = classroom.placements_figure(result, fw)
    outlines = [shape for shape in small.layout.shapes if shape.line.dash == "dash"]
    by_role_id = dict(zip(fw.ids("role"), outlines, strict=True))
    assert (by_role_id["reactiveringsambtenaar"].x1, by_role_id["reactiveringsambtenaar"].y1) == (
        -1,
        1,
    )
    assert (by_role_id["controller"].x1, by_role_id["controller"].y1) == (1, -1)
    assert "horizontaal de professionaliteit" in vk.describe(small)


# -- labels ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", WIDE_WIDTHS)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_two_labels_of_the_article_roles_overlap(fw, language, page):
    vk.set_language(language)
    fig = vk.grid_figure(fw)
    labels = label_boxes(fig, "article", page)
    assert len(labels) == 8
    assert all(
        tr.textposition == ("bottom center", "bottom center") for tr in by_role(fig, "article")
    )
    titles = title_boxes(fig, page)
    for i, title in enumerate(titles):
        assert not any(overlap(title, other) for other in titles[i + 1 :])
    boxes = list(labels.items())
    for i, (name, a) in enumerate(boxes):
        for other, b in boxes[i + 1 :]:
            assert not overlap(a, b), (name, other)
        for title in titles:
            assert not overlap(a, title), (name, "title")
        # a label stays in its own quadrant: it crosses neither centre line
        centre_x, centre_y = pixels(fig, 0, 0, page)
        assert a[2] < centre_x or a[0] > centre_x, name
        assert a[3] < centre_y or a[1] > centre_y, name


def test_student_labels_never_cover_other_labels(fw):
    # every role a little off the article's slot, one more right on top, and a crowd
    placements = [
        {"name": fw.name("role", r), "x": x + 0.04, "y": y - 0.05}
        for r in fw.ids("role")
        for x, y in [article_position(fw, r)]
    ]
    placements += [{"name": "Beleidsadviseur", "x": 0.5, "y": 0.55}]
    placements += [{"name": f"Eigen {i}", "x": 0.3 + i / 100, "y": -0.3} for i in range(4)]
    fig = vk.grid_figure(fw, placements=placements)
    (student,) = by_role(fig, "student")
    shown = label_boxes(fig, "student")
    hidden = [text for text in student.text if not text]
    assert hidden, "in a crowd some names show on hover only"
    assert len(shown) + len(hidden) == len(placements)
    everything = list(label_boxes(fig, "article").items()) + list(shown.items())
    for i, (name, a) in enumerate(everything):
        for other, b in everything[i + 1 :]:
            assert not overlap(a, b), (name, other)
    stars = marker_boxes(fig, "student") + marker_boxes(fig, "article")
    for name, a in shown.items():
        assert not any(overlap(a, star) for star in stars), name
    # every name is in the hover text and the description, shown or not
    escaped = [p["name"].replace("'", "&#39;") for p in placements]
    assert all(name in hover for name, hover in zip(escaped, student.hovertext, strict=True))
    assert "Eigen 3" in vk.describe(fig)


# -- a phone: the narrow variant ------------------------------------------------------------------


def crowded_grid(fw):
    """The grid with every kind of label: the article's roles, a student's points (one near
    each role) and the class's means."""
    placements = [
        {"name": fw.name("role", r), "x": x + 0.04, "y": y - 0.05}
        for r in fw.ids("role")
        for x, y in [article_position(fw, r)]
    ]
    rows = [
        {"role_id": r, "x": x - 0.1, "y": y + 0.08}
        for r in fw.ids("role")
        for x, y in [article_position(fw, r)]
    ]
    return vk.grid_figure(fw, placements=placements, class_placements=pd.DataFrame(rows))


def test_the_grid_carries_a_narrow_variant_with_the_roles_numbers(fw):
    fig = vk.grid_figure(fw)
    patch = narrow_patch(fig)
    view = FigureView(fig)
    assert view.narrow == patch and patch["width"] == 600
    assert "narrow" not in view.spec["layout"]["meta"]  # sent once, as the view's own trait
    numbers = role_numbers(fw)
    assert list(numbers) == list(fw.ids("role"))  # the order of roles.csv
    assert list(numbers.values()) == list(range(1, len(numbers) + 1))
    narrow = narrow_figure(fig)
    for trace in by_role(narrow, "article"):
        assert trace.text == tuple(str(numbers[r]) for r in trace.meta["role_ids"])
        assert trace.meta["numbers"] == [numbers[r] for r in trace.meta["role_ids"]]
    article = [i for i, tr in enumerate(fig.data) if tr.meta["role"] == "article"]
    assert [k for k in patch["key"] if k in article] == article  # listed under the figure
    assert narrow.layout.yaxis.showticklabels is False  # the axis title names the focus
    assert narrow.layout.margin.l < fig.layout.margin.l
    wide = go.Figure(view.browser_figure())
    assert by_role(wide, "article")[0].text == by_role(fig, "article")[0].text


@pytest.mark.parametrize("page", NARROW_WIDTHS)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_two_labels_overlap_on_a_phone(fw, language, page):
    vk.set_language(language)
    fig = narrow_figure(crowded_grid(fw))
    labels = {}
    for role in ("article", "student", "class_mean"):
        found = label_boxes(fig, role, page)
        labels.update({f"{role}:{text}": b for text, b in found.items()})
    assert sum(key.startswith("article:") for key in labels) == 8
    titles = title_boxes(fig, page)
    plot = (0, 0, *pixels(fig, fig.layout.xaxis.range[1], fig.layout.yaxis.range[0], page))
    markers = [
        m for role in ("article", "student", "class_mean") for m in marker_boxes(fig, role, page)
    ]
    for i, title in enumerate(titles):
        assert not any(overlap(title, other) for other in titles[i + 1 :]), (page, "titles")
        assert plot[0] <= title[0] and title[2] <= plot[2], (page, "title wider than the plot")
    items = list(labels.items())
    for i, (name, a) in enumerate(items):
        for other, b in items[i + 1 :]:
            assert not overlap(a, b), (page, name, other)
        assert not any(overlap(a, title) for title in titles), (page, name, "title")
        assert not any(overlap(a, m) for m in markers), (page, name, "marker")
