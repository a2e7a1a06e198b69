"""Every screen a student uses: a phone (390 by 844 px) and a laptop (1366 by 900), in Voila.

On a phone every control lies inside the screen with its label in full, no two quiz options
overlap, the page never scrolls sideways and figure labels do not pile up; on a laptop the
grid's labels do not overlap once all eight roles are placed and checked. axe-core runs at
both sizes (the laptop size in test_voila.py, the phone size here). The start page and the
loading text are Dutch.
"""

from __future__ import annotations

import pytest
from e2e_helpers import AXE_COUNTS, LAPTOP, NOTEBOOK_ROOT, PHONE, open_in_voila, run_axe

from vakmanschap.i18n import t

PHONE_PAGES = [
    "00-start-hier",
    "02-drie-sturingsmodellen",
    "03-onderzoek-en-tabel-1",
    "08-tot-slot",
]

#: Controls of this package's widgets whose box lies (partly) outside the screen, or whose
#: label text is cut off. Tables scroll in their own box and are left out.
OUTSIDE_JS = """
() => {
  const width = window.innerWidth;
  const name = (el) => (el.getAttribute('aria-label') || el.textContent || el.value || el.tagName)
    .trim().slice(0, 40);
  const found = [];
  const selector = ':is(select, input, textarea, button, .noUi-handle, .widget-label, .widget-readout)';
  for (const el of document.querySelectorAll('[class*="vakmanschap-"] ' + selector)) {
    if (el.closest('.vakmanschap-scroll')) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;  // not shown
    if (box.left < -1 || box.right > width + 1) {
      found.push(`${el.tagName.toLowerCase()} '${name(el)}' spans ${Math.round(box.left)}..${Math.round(box.right)} px`);
    }
    if (el.classList.contains('widget-label') && el.scrollWidth > el.clientWidth + 1) {
      found.push(`label '${name(el)}' is cut off (${el.scrollWidth} > ${el.clientWidth} px)`);
    }
  }
  return found;
}
"""

#: Pairs of controls of one widget drawn over each other (a label under a slider, say).
CONTROLS_OVERLAP_JS = """
() => {
  const found = [];
  const selector = ':is(select, input:not([type=radio]):not([type=checkbox]), textarea, button, .noUi-handle, .widget-label)';
  for (const root of document.querySelectorAll('[class*="vakmanschap-"]')) {
    if (root.parentElement.closest('[class*="vakmanschap-"]')) continue;  // outermost only
    const controls = [...root.querySelectorAll(selector)]
      .map((el) => [el, el.getBoundingClientRect()])
      .filter(([, r]) => r.width > 0 && r.height > 0);
    for (let i = 0; i < controls.length; i++) {
      for (let j = i + 1; j < controls.length; j++) {
        const [ea, a] = controls[i], [eb, b] = controls[j];
        if (ea.contains(eb) || eb.contains(ea)) continue;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 2 && h > 2) {
          const name = (el) => (el.getAttribute('aria-label') || el.textContent || el.tagName).trim().slice(0, 30);
          found.push(`'${name(ea)}' and '${name(eb)}' overlap (${Math.round(w)}x${Math.round(h)} px)`);
        }
      }
    }
  }
  return found;
}
"""

#: Pairs of options of one quiz (radio group) whose boxes overlap.
OPTIONS_OVERLAP_JS = """
() => {
  const found = [];
  for (const group of document.querySelectorAll('.widget-radio-box')) {
    const boxes = [...group.querySelectorAll('label')].map((l) => l.getBoundingClientRect());
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        const high = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        const wide = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        if (high > 1 && wide > 1) found.push(`options ${i + 1} and ${j + 1} overlap by ${Math.round(high)} px`);
      }
    }
  }
  return found;
}
"""

#: Pairs of text labels in one figure that overlap by more than a third of the smaller one.
LABELS_OVERLAP_JS = """
(selector) => {
  const found = [];
  for (const plot of document.querySelectorAll(selector)) {
    const labels = [...plot.querySelectorAll('.textpoint text, .annotation-text')]
      .filter((t) => t.textContent.trim() && getComputedStyle(t).display !== 'none'
              && getComputedStyle(t).visibility !== 'hidden')
      .map((t) => [t.textContent.trim(), t.getBoundingClientRect()])
      .filter(([, r]) => r.width > 0 && r.height > 0);
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        const [na, a] = labels[i], [nb, b] = labels[j];
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w <= 0 || h <= 0) continue;
        const smaller = Math.min(a.width * a.height, b.width * b.height);
        if (w * h > smaller / 3) found.push(`'${na}' and '${nb}' overlap ${Math.round(100 * w * h / smaller)}%`);
      }
    }
  }
  return found;
}
"""

#: How far the page scrolls sideways (Voila scrolls in #rendered_cells, not the document).
SIDEWAYS_JS = """
() => Math.max(...[document.documentElement, document.body, document.getElementById('rendered_cells')]
  .filter(Boolean).map((el) => el.scrollWidth - el.clientWidth))
"""


def notebook(name: str):
    return NOTEBOOK_ROOT / f"{name}.ipynb"


@pytest.mark.parametrize("name", PHONE_PAGES)
def test_phone_layout(page, voila, axe_source, name):
    page.set_viewport_size(PHONE)
    open_in_voila(page, voila, notebook(name))
    page.wait_for_timeout(500)  # the figures' resize to the narrow screen
    assert page.evaluate(OUTSIDE_JS) == []
    assert page.evaluate(OPTIONS_OVERLAP_JS) == []
    assert page.evaluate(CONTROLS_OVERLAP_JS) == []
    assert page.evaluate(SIDEWAYS_JS) <= 1, "the page scrolls sideways"
    assert page.evaluate(LABELS_OVERLAP_JS, ".js-plotly-plot") == []
    violations = run_axe(page, axe_source)
    AXE_COUNTS[f"{name} (390x844)"] = {
        impact: sum(v["nodes"] for v in found) for impact, found in violations.items()
    }
    assert violations["critical"] + violations["serious"] == []


def test_phone_enter_adds_a_role(page, voila):
    """On the phone, type a role of your own and press Enter: it is added."""
    page.set_viewport_size(PHONE)
    open_in_voila(page, voila, notebook("03-onderzoek-en-tabel-1"))
    placer = page.locator(".vakmanschap-roleplacer")
    field = placer.locator("input[type=text]").first
    field.click()
    field.type("Wijkregisseur")
    field.press("Enter")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.vakmanschap-roleplacer select option')]"
        ".some((o) => o.textContent.includes('Wijkregisseur'))",
        timeout=15_000,
    )
    page.wait_for_function(  # added: the field is emptied for the next one
        "() => document.querySelector('.vakmanschap-roleplacer input[type=text]').value === ''",
        timeout=15_000,
    )


def test_laptop_grid_labels_do_not_overlap(page, voila):
    """All eight roles placed and checked (the seeded answers): no two labels overlap by more
    than a third."""
    page.set_viewport_size(LAPTOP)
    open_in_voila(page, voila, notebook("03-onderzoek-en-tabel-1"))
    placer = ".vakmanschap-roleplacer"
    shown = page.locator(placer).inner_text()
    summaries = [t("feedback.summary", correct=n, total=8) for n in range(9)] + [
        t("feedback.summary_partial", correct=n, total=m) for m in range(9) for n in range(m + 1)
    ]
    assert any(summary in shown for summary in summaries), shown  # all eight checked
    unplaced = [line for line in shown.splitlines() if t("feedback.unplaced") in line]
    article = (
        "Jurist",
        "Bouwkundig",
        "Controller",
        "HRM",
        "Reactivering",
        "Boa",
        "Strateeg",
        "Kwaliteit",
    )
    assert not [line for line in unplaced if any(name in line for name in article)], unplaced
    page.wait_for_timeout(300)
    assert page.evaluate(LABELS_OVERLAP_JS, f"{placer} .js-plotly-plot") == []
    assert page.evaluate(LABELS_OVERLAP_JS, ".js-plotly-plot") == []


def test_start_page_and_loading_text_are_dutch(page, voila):
    page.set_viewport_size(PHONE)
    page.goto(f"{voila.url}/", timeout=60_000)
    assert page.evaluate("document.documentElement.lang") == "nl"
    start = page.get_by_role("link", name="Begin hier: 00 · Start hier")
    assert start.count() == 1
    assert page.evaluate(SIDEWAYS_JS) <= 1
    seen: list[str] = []
    page.expose_function("__seen", lambda text: seen.append(text))
    page.add_init_script(
        "new MutationObserver(() => { const el = document.getElementById('loading_text');"
        " if (el && window.__seen) window.__seen(el.textContent); })"
        ".observe(document, {subtree: true, childList: true, characterData: true});"
    )
    start.click()
    page.wait_for_selector(".jp-Cell", timeout=180_000)
    assert page.evaluate("document.documentElement.lang") == "nl"
    assert seen, "no loading text seen"
    assert all("Running" not in text and "Executing" not in text for text in seen), seen
    assert any(text.startswith("Het notebook wordt klaargezet") for text in seen), seen
