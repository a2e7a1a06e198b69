"""The collection in JupyterLab: every notebook runs, and the widgets work by keyboard and mouse."""

from __future__ import annotations

import pytest
from e2e_helpers import (
    LATENCIES,
    ROOT,
    assert_clean_run,
    expected_figures,
    points,
    run_all_in_lab,
    time_to_change,
)

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_run_all_in_jupyterlab(page, lab, path):
    run_all_in_lab(page, lab, path.name)
    assert_clean_run(page, expected_figures(path))


def record(label: str, value: float) -> None:
    LATENCIES.setdefault(label, []).append(value)


def test_roleplacer_by_keyboard_and_by_mouse(page, lab):
    run_all_in_lab(page, lab, "03-onderzoek-en-tabel-1.ipynb")
    placer = ".vakmanschap-roleplacer"
    figure = f"{placer} .js-plotly-plot"
    # keyboard: choose the second role, move it right and up with the arrow keys
    select = page.locator(f"{placer} select").first
    select.focus()
    page.keyboard.press("ArrowDown")
    assert select.input_value() == "Bouwkundig ingenieur"
    handles = page.locator(f"{placer} .noUi-handle")
    assert handles.first.get_attribute("aria-label").startswith("Focus")
    handles.nth(0).focus()
    before = points(page, figure)
    for _ in range(6):
        record(
            "RolePlacer slider (keyboard)",
            time_to_change(page, figure, lambda: page.keyboard.press("ArrowRight")),
        )
    handles.nth(1).focus()
    for _ in range(6):
        record(
            "RolePlacer slider (keyboard)",
            time_to_change(page, figure, lambda: page.keyboard.press("ArrowUp")),
        )
    assert points(page, figure) != before
    # press "Controleer" with the keyboard and read the feedback
    page.locator(f"{placer} button", has_text="Controleer").focus()
    record(
        "RolePlacer check (keyboard)",
        time_to_change(page, placer, lambda: page.keyboard.press("Enter")),
    )
    feedback = page.locator(f"{placer} .widget-html").filter(has_text="van de 8 functies")
    assert "Bouwkundig ingenieur</b>: goed" in feedback.inner_html()
    # mouse: click in the bottom-left quadrant (internal focus, organisational): now wrong
    drag = page.locator(f"{figure} .nsewdrag").first
    drag.evaluate("el => el.scrollIntoView({block: 'center'})")
    box = drag.bounding_box()
    x, y = box["x"] + box["width"] * 0.25, box["y"] + box["height"] * 0.8
    page.mouse.move(x - 3, y - 3)
    page.mouse.move(x, y, steps=3)  # plotly reports a click at the point it last hovered
    page.wait_for_timeout(300)
    moved = points(page, figure)
    record("RolePlacer click (mouse)", time_to_change(page, figure, lambda: page.mouse.click(x, y)))
    assert points(page, figure) != moved
    page.wait_for_function(
        "() => document.querySelector('.vakmanschap-roleplacer').innerHTML"
        ".includes('✘ <b>Bouwkundig ingenieur</b>')"
    )


def test_tension_triangle_point_moves(page, lab):
    run_all_in_lab(page, lab, "02-drie-sturingsmodellen.ipynb")
    widget = ".vakmanschap-tensiontriangle"
    figure = f"{widget} .js-plotly-plot"
    handles = page.locator(f"{widget} .noUi-handle")
    names = [handles.nth(i).get_attribute("aria-label") for i in range(3)]
    assert names == ["Klassieke overheidssturing", "Bedrijfsmatige overheid", "Netwerksamenwerking"]
    handles.nth(0).focus()
    page.keyboard.press("ArrowRight")  # first weight: the point appears
    page.wait_for_function(
        "() => document.querySelector('.vakmanschap-tensiontriangle').textContent.includes('klassiek 100%')"
    )
    handles.nth(2).focus()
    for _ in range(5):
        before = points(page, figure)
        record(
            "TensionTriangle slider (keyboard)",
            time_to_change(page, figure, lambda: page.keyboard.press("ArrowRight")),
        )
        assert points(page, figure) != before  # the point moved on the triangle


def test_dilemma_explorer_switches_quadrant_by_keyboard(page, lab):
    run_all_in_lab(page, lab, "08-tot-slot.ipynb")
    explorer = ".vakmanschap-dilemmaexplorer"
    select = page.locator(f"{explorer} select")
    select.focus()
    for expected in ("§4.2", "§4.3", "§4.4"):
        record(
            "DilemmaExplorer quadrant (keyboard)",
            time_to_change(page, explorer, lambda: page.keyboard.press("ArrowDown")),
        )
        page.wait_for_function(
            f"() => document.querySelector('{explorer} h3').textContent.startsWith('{expected}')"
        )
