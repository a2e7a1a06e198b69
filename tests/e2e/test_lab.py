"""The collection in JupyterLab: every notebook runs, and the widgets work by keyboard and mouse."""

from __future__ import annotations

import pytest
from e2e_helpers import (
    LATENCIES,
    all_notebooks,
    assert_clean_run,
    expected_figures,
    points,
    run_all_in_lab,
    served_name,
    time_to_change,
)

NOTEBOOKS = all_notebooks()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_run_all_in_jupyterlab(page, lab, path):
    run_all_in_lab(page, lab, served_name(path))
    assert_clean_run(page, expected_figures(path))
    # the first line tells a student who reopens the notebook to run it (Voila hides it)
    first = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .vakmanschap-lab-only").first
    # (text_content: after Run All the top cell is scrolled away, and Lab's windowing gives
    # off-screen cells no rendered text; the rule that hides it in Voila must not apply here)
    assert "Run All Cells" in (first.text_content() or "")
    assert first.evaluate("(el) => getComputedStyle(el).display") != "none"


def record(label: str, value: float) -> None:
    LATENCIES.setdefault(label, []).append(value)


def test_roleplacer_by_keyboard_and_by_mouse(page, lab):
    run_all_in_lab(page, lab, "03-onderzoek-en-tabel-1.ipynb")
    placer = ".vakmanschap-roleplacer"
    figure = f"{placer} .js-plotly-plot"
    # keyboard: choose the second role, move it right (klassiek) and up (extern)
    select = page.locator(f"{placer} select").first
    select.focus()
    page.keyboard.press("ArrowDown")
    assert select.input_value() == "Bouwkundig ingenieur"
    handles = page.locator(f"{placer} .noUi-handle")
    # as in Tabel 1: the first slider is professionalism (columns), the second focus (rows)
    assert handles.nth(0).get_attribute("aria-label").startswith("Professionaliteit")
    assert handles.nth(1).get_attribute("aria-label").startswith("Focus")
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
    # press "Controleer" with the keyboard: feedback on the placed role only
    page.locator(f"{placer} button", has_text="Controleer").focus()
    record(
        "RolePlacer check (keyboard)",
        time_to_change(page, placer, lambda: page.keyboard.press("Enter")),
    )
    item = f"{placer} li[data-role='bouwkundig_ingenieur']"
    page.wait_for_selector(f"{item}[data-feedback='feedback.right']")
    assert page.locator(f"{placer} [data-verdict='feedback.summary_partial']").count() == 1
    # (a role no other test places: the answers file is shared by the tests of this session)
    assert page.locator(f"{placer} li[data-role='strateeg']").get_attribute("data-feedback") == (
        "feedback.unplaced"
    )
    # mouse: click in the bottom-left quadrant (organisatie, intern): now wrong
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
    page.wait_for_selector(f"{item}[data-feedback='feedback.wrong']")


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


def test_dilemma_task_and_quote_attribution_by_keyboard_only(page, lab):
    """Notebook 04: tick two models and explain each, then check; notebook 08: give two quotes
    a quadrant and check. Only Tab, Space (a checkbox), arrow keys, typing and Enter; the
    feedback read back is what the package's messages and data say."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    import vakmanschap as vk
    from vakmanschap.i18n import t

    fw = vk.load_framework()

    def run_all(name: str) -> None:
        """Run All in Lab; a fresh server sometimes asks for the kernel of the first notebook
        it opens: confirm its own kernel (Enter on "Select") and run again."""
        try:
            run_all_in_lab(page, lab, name)
        except PlaywrightTimeoutError:
            if not page.locator(".jp-Dialog", has_text="Select Kernel").count():
                raise
            page.keyboard.press("Enter")
            run_all_in_lab(page, lab, name)

    def active() -> dict:
        """What has the keyboard focus: its kind, model or quote, and state."""
        return page.evaluate(
            """() => {
              const a = document.activeElement;
              const box = a && a.closest('.widget-checkbox, .widget-text, .widget-dropdown');
              return {tag: a ? a.tagName : '', type: (a && a.type) || '',
                      checked: !!(a && a.checked), text: (a && a.textContent || '').trim(),
                      label: box ? box.textContent.replace(/\u200b/g, '').trim() : '',
                      index: a && a.tagName === 'SELECT' ? a.selectedIndex : -1};
            }"""
        )

    def visible_reason(scope: str, name: str, shown: bool) -> None:
        """Wait until the sentence field of model `name` is shown (or hidden)."""
        page.wait_for_function(
            """([scope, label, shown]) => [...document.querySelectorAll(scope + ' .widget-text')]
              .some((el) => el.textContent.includes(label) && (el.offsetParent !== null) === shown)""",
            arg=[scope, t("tquiz.why", model=name), shown],
        )

    # -- notebook 04, the first dilemma: klassiek and netwerk, each with a sentence -------------
    run_all("04-klassiek-extern.ipynb")
    page.locator(".vakmanschap-tensionquiz").first.evaluate(
        "el => el.setAttribute('data-e2e', 'dilemma-task')"
    )
    scope = "[data-e2e='dilemma-task']"
    names = {model_id: fw.name("model", model_id) for model_id in ("klassiek", "npm", "netwerk")}
    wanted = {names["klassiek"]: True, names["npm"]: False, names["netwerk"]: True}
    sentences = {
        names["klassiek"]: "De gemeente wil de uitvoering zelf sturen met eigen vakkennis.",
        names["netwerk"]: "De gemeente is er een van de partners in een netwerk.",
    }
    page.locator(f"{scope} input[type=checkbox]").first.focus()  # where the task starts
    for _ in range(20):
        now = active()
        if now["tag"] == "BUTTON":
            assert now["text"] == t("quiz.check")
            break
        if now["type"] == "checkbox":
            name = now["label"]
            if now["checked"] != wanted[name]:
                page.keyboard.press("Space")
                visible_reason(scope, name, wanted[name])
        elif now["type"] == "text":
            name = next(n for n in sentences if t("tquiz.why", model=n) in now["label"])
            page.keyboard.press("Control+A")
            page.keyboard.type(sentences[name])
            page.keyboard.press("Enter")
        page.keyboard.press("Tab")
    else:
        raise AssertionError("Tab never reached the Controleer button")
    record(
        "TensionQuiz check (keyboard)",
        time_to_change(page, scope, lambda: page.keyboard.press("Enter")),
    )
    feedback = page.locator(f"{scope} .vakmanschap-feedback")
    page.wait_for_function(
        "([sel, s]) => document.querySelector(sel).innerText.includes(s)",
        arg=[f"{scope} .vakmanschap-feedback", sentences[names["netwerk"]]],
    )
    text = feedback.inner_text()
    dilemma = fw.dilemma("zelf_uitvoeren_of_overlaten")
    assert t("quiz.right") in text  # the article's two models; npm is only defensible here
    assert t("tquiz.defensible_not_chosen") in text
    assert t("tquiz.verdict.goed") in text and t("tquiz.your_explanation") in text
    assert all(sentence in text for sentence in sentences.values())
    for model_id in ("klassiek", "npm", "netwerk"):
        assert dilemma[f"{model_id}_quote"] in text  # quoted, attributed
    assert feedback.locator("blockquote[lang=nl]").count() == 3
    assert text.count(t("tquiz.quote_source", section="4.1")) == 3

    # -- notebook 08: the first quote in its quadrant, the second not ---------------------------
    run_all("08-tot-slot.ipynb")
    scope = ".vakmanschap-quoteattribution"
    order = list(fw.quadrants.sort_values("section")["quadrant_id"])
    article = dict(zip(fw.quotes["quote_id"], fw.quotes["quadrant_id"], strict=True))
    first, second = "meer_op_buiten", "jullie_weten_het_beter"
    wrong = next(q for q in order if q != article[second])
    targets = [1 + order.index(article[first]), 1 + order.index(wrong)] + [0] * 6
    page.locator(f"{scope} select").first.focus()
    for number, target in enumerate(targets, start=1):
        now = active()
        assert now["tag"] == "SELECT" and t("quotes.dropdown", number=number) in now["label"]
        index = now["index"]
        while index != target:
            page.keyboard.press("ArrowDown" if index < target else "ArrowUp")
            index += 1 if index < target else -1
        page.keyboard.press("Tab")
    assert active()["text"] == t("quiz.check")
    page.wait_for_timeout(300)  # the last choice reaches the kernel before the check
    record(
        "QuoteAttribution check (keyboard)",
        time_to_change(page, scope, lambda: page.keyboard.press("Enter")),
    )
    verdict = t("quotes.verdict", correct=1, total=8)
    page.wait_for_function(
        "([sel, s]) => document.querySelector(sel).innerText.includes(s)",
        arg=[f"{scope} .vakmanschap-feedback", verdict],
    )
    text = page.locator(f"{scope} .vakmanschap-feedback").inner_text()
    quotes = fw.quotes.set_index("quote_id")
    assert quotes.loc[first, "fit_nl"] in text and quotes.loc[second, "fit_nl"] in text
    assert t("quotes.your_choice", quadrant=fw.name("quadrant", wrong)) in text
    assert text.count(t("quotes.unanswered")) == 6
    assert fw.name("role", "strateeg") in text  # who says the first quote, as the article tells


def test_vignettes_by_keyboard_only(page, lab):
    """Notebook 03: give the first vignette our quadrant and the second the defensible one,
    each with a sentence, then check. Only Tab, arrow keys, typing and Enter; the feedback
    read back is what the package's messages and data say."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    import vakmanschap as vk
    from vakmanschap.exercises.vignettes import readings
    from vakmanschap.i18n import t

    fw = vk.load_framework()
    try:
        run_all_in_lab(page, lab, "03-onderzoek-en-tabel-1.ipynb")
    except PlaywrightTimeoutError:  # a fresh server may ask for the kernel first
        if not page.locator(".jp-Dialog", has_text="Select Kernel").count():
            raise
        page.keyboard.press("Enter")
        run_all_in_lab(page, lab, "03-onderzoek-en-tabel-1.ipynb")
    scope = ".vakmanschap-vignetteplacer"
    known = readings(fw)
    ids = list(known)
    first, second = ids[:2]
    assert known[second][1], "the second vignette is an ambiguous one"
    order = list(fw.quadrants.sort_values("section")["quadrant_id"])
    targets = [1 + order.index(known[first][0]), 1 + order.index(known[second][1])]
    targets += [0] * (len(ids) - 2)
    sentences = [
        "Geen beschermd beroep en het werk is gericht op de wijk.",
        "Hij helpt verenigingen, dus zijn focus is extern.",
    ]

    def active() -> dict:
        return page.evaluate(
            """() => {
              const a = document.activeElement;
              const box = a && a.closest('.widget-text, .widget-dropdown');
              return {tag: a ? a.tagName : '', type: (a && a.type) || '',
                      text: (a && a.textContent || '').trim(),
                      label: box ? box.textContent.replace(/\u200b/g, '').trim() : '',
                      index: a && a.tagName === 'SELECT' ? a.selectedIndex : -1};
            }"""
        )

    page.locator(f"{scope} select").first.focus()  # where the exercise starts
    for number, target in enumerate(targets, start=1):
        now = active()
        assert now["tag"] == "SELECT" and t("vignettes.dropdown", number=number) in now["label"]
        index = now["index"]
        while index != target:
            page.keyboard.press("ArrowDown" if index < target else "ArrowUp")
            index += 1 if index < target else -1
        page.keyboard.press("Tab")
        now = active()
        assert now["type"] == "text" and t("vignettes.reason", number=number) in now["label"]
        if number <= len(sentences):
            page.keyboard.type(sentences[number - 1])
            page.keyboard.press("Enter")
        page.keyboard.press("Tab")
    assert active()["text"] == t("quiz.check")
    page.wait_for_timeout(300)  # the last change reaches the kernel before the check
    record(
        "VignettePlacer check (keyboard)",
        time_to_change(page, scope, lambda: page.keyboard.press("Enter")),
    )
    verdict = t("vignettes.verdict", correct=2, total=len(ids))
    page.wait_for_function(
        "([sel, s]) => document.querySelector(sel).innerText.includes(s)",
        arg=[f"{scope} .vakmanschap-feedback", verdict],
    )
    text = page.locator(f"{scope} .vakmanschap-feedback").inner_text()
    assert t("vignettes.goed") in text and t("vignettes.verdedigbaar") in text
    assert all(sentence in text for sentence in sentences)
    assert fw.vignette(first)["reasoning_nl"] in text
    assert fw.vignette(second)["defensible_reasoning_nl"] in text
    assert text.count(t("vignettes.unanswered")) == len(ids) - 2
