"""The collection as an app in Voila: first render, one interaction, and an axe-core audit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from e2e_helpers import (
    AXE_COUNTS,
    LATENCIES,
    all_notebooks,
    change_every_figure,
    keyboard_route,
    open_in_voila,
    points,
    run_axe,
    time_to_change,
)

from vakmanschap.i18n import t

NOTEBOOKS = all_notebooks()


def check_first_render(page, name: str) -> None:
    """The state set in Python before the browser connected (seeded answers) is shown."""
    if name == "00-start-hier":
        assert "✔ Goed." in page.locator(".vakmanschap-quiz").inner_text()
    elif name == "01-inleiding-de-speeltuin":
        assert (
            page.locator(".vakmanschap-reflection textarea").input_value().startswith("Eerst bel")
        )
    elif name == "02-drie-sturingsmodellen":
        triangle = ".vakmanschap-tensiontriangle"
        assert "klassiek 20%, NPM 30%, netwerk 50%" in page.locator(triangle).inner_text()
        assert len(points(page, f"{triangle} .js-plotly-plot")) >= 4  # 3 corners + the case
        profile = page.locator(".vakmanschap-competencyprofile .widget-readout").first
        assert profile.inner_text().strip() == "5"
    elif name == "03-onderzoek-en-tabel-1":
        placer = ".vakmanschap-roleplacer"
        assert "van de 8 functies" in page.locator(placer).inner_text()
        assert len(points(page, f"{placer} .js-plotly-plot")) >= 16  # 8 placed + 8 of Tabel 1
    elif name == "06-organisatie-extern":
        first = page.locator(".vakmanschap-tensionquiz").first
        assert "✔ Goed." in first.inner_text()
        lines = first.locator(".scatterlayer .js-line").count()
        assert lines >= 1, "the article's answer is drawn after checking"
        second = page.locator(".vakmanschap-tensionquiz").nth(1)
        assert second.locator(".scatterlayer .js-line").count() == 0, "hidden until checked"
    elif name == "08-tot-slot":
        explorer = ".vakmanschap-dilemmaexplorer"
        assert page.locator(f"{explorer} select").input_value().startswith("§4.4")
        assert page.locator(f"{explorer} h3").inner_text().startswith("§4.4")


def interact_once(page, name: str) -> None:
    """Press a button as a user would and see the page respond."""
    if name == "docent-klasresultaten":
        board = ".vakmanschap-classdashboard"
        page.locator(f"{board} input[type=checkbox]").nth(1).check()  # example class
        page.locator(f"{board} button", has_text="Verwerk").click()
        page.wait_for_function(
            "([board, summary]) => document.querySelector(board).textContent.includes(summary)",
            arg=[board, t("class.summary", students=30, rejected=0)],
            timeout=120_000,
        )
        with page.expect_download() as download:  # the handout: a large data: link
            page.locator(f"{board} a.vakmanschap-download", has_text="hand-out").click()
        handout = Path(download.value.path()).read_text(encoding="utf-8")
        assert download.value.suggested_filename == "klasresultaten.html"
        assert "plotly.js v" in handout and "Student 01" in handout
        return
    if name == "00-start-hier":  # the answers panel's download works in Voila
        with page.expect_download() as download:
            page.locator(".vakmanschap-answers a.vakmanschap-download").click()
        saved = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
        assert (
            saved["schema"] == "vakmanschap-answers"
            and "RolePlacer:03-tabel-1" in saved["exercises"]
        )
    button = page.locator("button", has_text="Controleer").first
    if button.count() == 0:
        return  # a page without exercises (the lecturer's guide)
    container = "." + button.evaluate(
        "b => [...b.closest('[class*=vakmanschap-]').classList].find(c => c.startsWith('vakmanschap-'))"
    )
    radio = page.locator(f"{container} input[type=radio]")
    if radio.count():
        radio.nth(2).check()
    boxes = page.locator(f"{container} input[type=checkbox]")
    if boxes.count():
        boxes.first.click()  # change the answer, so that checking gives new feedback
    took = time_to_change(page, container, lambda: button.click())
    LATENCIES.setdefault("Voila: Controleer (mouse)", []).append(took)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_voila_page(page, voila, axe_source, path):
    open_in_voila(page, voila, path)
    errors = page.locator("[data-mime-type='application/vnd.jupyter.stderr']").count()
    assert errors == 0, page.locator(
        "[data-mime-type='application/vnd.jupyter.stderr']"
    ).first.inner_text()
    check_first_render(page, path.stem)
    lab_only = page.locator(".vakmanschap-lab-only")  # "Voer eerst alle cellen uit": Lab only
    assert lab_only.count() == 1 and not lab_only.is_visible()
    interactive = sum(1 for _ in page.locator(".js-plotly-plot").all())
    changed = change_every_figure(page)  # each interactive figure redraws after one change
    assert changed <= interactive
    assert keyboard_route(page) == []  # every exercise: Tab to its button, Enter
    interact_once(page, path.stem)
    violations = run_axe(page, axe_source)
    AXE_COUNTS[path.stem] = {
        impact: sum(v["nodes"] for v in found) for impact, found in violations.items()
    }
    severe = violations["critical"] + violations["serious"]
    assert severe == [], severe
