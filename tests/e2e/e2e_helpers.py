"""What a person does in the browser, as functions the e2e tests share."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: The folder the servers serve (a copy of it): notebooks are named relative to it.
NOTEBOOK_ROOT = ROOT / "notebooks"
#: The two screens a student uses: a phone, and a laptop (the browser's default size).
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 900}
#: Key press or click to DOM change, in ms, per interaction; printed at the end.
LATENCIES: dict[str, list[float]] = {}
#: axe-core violation counts per Voila page and impact; printed at the end.
AXE_COUNTS: dict[str, dict[str, int]] = {}
FIGURE_CALL = re.compile(
    r"(RolePlacer|TensionTriangle|DilemmaExplorer|CompetencyProfile|TensionQuiz)\.get\("
    r"|vk\.show\("
)
#: Console messages that mean a widget or figure broke in the page.
BROKEN = re.compile(
    r"Failed to initialize model|Error setting state|is not a function|"
    r"Could not create (a )?(model|view)|Error rendering|\[anywidget\].*(error|fail)",
    re.IGNORECASE,
)

#: A promise that resolves with the milliseconds until `selector`'s subtree changes.
WATCH_JS = """
(selector) => {
  const el = document.querySelector(selector);
  if (!el) { throw new Error('nothing matches ' + selector); }
  const before = el.innerHTML;
  const start = performance.now();
  window.__vakmanschapChange = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (el.innerHTML !== before) { observer.disconnect(); resolve(performance.now() - start); }
    });
    observer.observe(el, {subtree: true, childList: true, attributes: true, characterData: true});
    setTimeout(() => { observer.disconnect(); resolve(-1); }, 15000);
  });
  return true;
}
"""


def all_notebooks() -> list[Path]:
    """Every notebook of the collection, also those in subfolders (the lecturer's
    ``docent/``), without Jupyter's checkpoint copies."""
    return sorted(
        path
        for path in NOTEBOOK_ROOT.rglob("*.ipynb")
        if ".ipynb_checkpoints" not in path.relative_to(NOTEBOOK_ROOT).parts
    )


def served_name(path: Path) -> str:
    """`path` as the servers name it: relative to ``notebooks/``, with ``/`` (e.g.
    ``docent/docent-handleiding.ipynb``)."""
    return path.relative_to(NOTEBOOK_ROOT).as_posix()


def expected_figures(path: Path) -> int:
    """How many plotly figures a notebook shows once every cell has run."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    return sum(
        1 for cell in nb.cells if cell.cell_type == "code" and FIGURE_CALL.search(cell.source)
    )


def open_in_voila(page, voila, path: Path) -> None:
    """Open `path` in Voila and wait until every cell ran and every figure is drawn."""
    page.goto(f"{voila.url}/voila/render/{served_name(path)}", timeout=180_000)
    page.wait_for_selector(".jp-Cell", timeout=180_000)
    figures = expected_figures(path)
    page.wait_for_function(
        f"() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= {figures}"
        " && !document.body.textContent.includes('Loading widget')",
        timeout=180_000,
    )
    page.wait_for_load_state("networkidle")


_WORKSPACES = iter(range(1_000_000))


def open_in_lab(page, lab, name: str) -> None:
    """Open `name` alone in a fresh JupyterLab workspace and wait for its kernel."""
    workspace = f"e2e-{next(_WORKSPACES)}"
    page.goto(f"{lab.url}/lab/workspaces/{workspace}/tree/{name}?reset&token={lab.token}")
    page.wait_for_selector(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell", timeout=120_000)
    page.wait_for_function(
        """() => {
          const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
          const status = panel && panel.querySelector('.jp-Notebook-ExecutionIndicator');
          return status && status.dataset.status === 'idle';
        }""",
        timeout=120_000,
    )


def run_all_in_lab(page, lab, name: str, timeout_ms: int = 240_000) -> None:
    """Open `name` in JupyterLab, choose Run > Run All Cells, wait until the kernel is idle
    and no cell is left running or unrun."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    open_in_lab(page, lab, name)
    for attempt in range(2):
        page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook").click(
            position={"x": 5, "y": 5}
        )
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
        item = page.locator(".lm-Menu .lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$"))
        item.wait_for(state="visible")
        item.click()
        try:
            page.wait_for_function(  # started: a prompt shows [*] or a number
                """() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
                  .some((p) => /^\\[(\\*|\\d+)\\]:$/.test(p.textContent.trim()))""",
                timeout=30_000 if attempt == 0 else 60_000,
            )
            break
        except PlaywrightTimeoutError:
            # a fresh server sometimes asks which kernel the first notebook should use, or
            # drops the first Run All while the kernel connects: confirm, and ask once more
            if attempt:
                raise
            if page.locator(".jp-Dialog", has_text="Select Kernel").count():
                page.keyboard.press("Enter")
                page.wait_for_timeout(1000)
    # done when every cell ran, or when one failed (Run All stops there), and the kernel is idle
    page.wait_for_function(
        """() => {
          const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
            .map((p) => p.textContent.trim());
          const indicator = document.querySelector('.jp-Notebook-ExecutionIndicator');
          const failed = document.querySelector(
            '.jp-Notebook .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]');
          const finished = prompts.length > 0 && prompts.every((p) => /^\\[\\d+\\]:$/.test(p));
          return (finished || failed) && !prompts.includes('[*]:')
            && indicator && indicator.dataset.status === 'idle';
        }""",
        timeout=timeout_ms,
    )


def assert_clean_run(page, figures: int) -> None:
    """No error or warning output, every cell finished, every widget and figure rendered."""
    if figures:
        page.wait_for_function(
            f"() => document.querySelectorAll('.jp-Notebook .js-plotly-plot .main-svg').length >= {figures}",
            timeout=60_000,
        )
    problems = page.evaluate(
        """() => {
          const found = [];
          document.querySelectorAll('.jp-Notebook .jp-OutputArea-output').forEach((out) => {
            const mime = out.getAttribute('data-mime-type') || '';
            const text = out.textContent || '';
            if (mime.includes('stderr')) found.push('stderr: ' + text.slice(0, 300));
            if (out.classList.contains('jp-OutputArea-executeResult') && /Traceback|Error/.test(text)
                && !out.querySelector('.jupyter-widgets')) found.push('error: ' + text.slice(0, 300));
            if (/Error displaying widget|model not found/i.test(text)) found.push('widget: ' + text.slice(0, 200));
          });
          document.querySelectorAll('.jp-Notebook .jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"]')
            .forEach((el) => found.push('stderr: ' + el.textContent.slice(0, 300)));
          document.querySelectorAll('.jp-Notebook .jp-CodeCell').forEach((cell, i) => {
            const prompt = cell.querySelector('.jp-InputPrompt').textContent.trim();
            if (!/^\\[\\d+\\]:$/.test(prompt)) found.push('cell ' + i + ' unfinished: ' + prompt);
            else if (!cell.querySelector('.jp-OutputArea-output')) found.push('cell ' + i + ' shows nothing');
          });
          return found;
        }"""
    )
    assert problems == [], problems
    plots = page.locator(".jp-Notebook .js-plotly-plot .main-svg").count()
    assert plots >= figures, f"{plots} of {figures} figures rendered"


def time_to_change(page, selector: str, action) -> float:
    """Milliseconds from `action()` (a key press or click) until `selector`'s DOM changes."""
    page.evaluate(WATCH_JS, selector)
    action()
    took = page.evaluate("() => window.__vakmanschapChange")
    assert took >= 0, f"no change in {selector} within 15 s"
    return took


def points(page, selector: str) -> list[str]:
    """The transforms of the marker points plotly drew in the figure at `selector`."""
    return page.eval_on_selector_all(
        f"{selector} .scatterlayer path.point", "els => els.map(e => e.getAttribute('transform'))"
    )


def drawn(page, selector: str, role: str) -> list:
    """The data plotly drew for the traces of `role` (``meta.role``) in the figure at
    `selector`, as ``[x, y, a, b, c, r, visible]`` per trace: what the student sees."""
    return page.eval_on_selector(
        selector,
        """(el, role) => (el.data || []).filter((t) => t.meta && t.meta.role === role)
          .map((t) => [t.x, t.y, t.a, t.b, t.c, t.r, t.visible])""",
        role,
    )


def run_axe(page, axe_source: str) -> dict[str, list]:
    """Run axe-core on the page; return violations grouped by impact."""
    page.add_script_tag(content=axe_source)
    violations = page.evaluate(
        """async () => {
          const result = await axe.run(document, {resultTypes: ['violations']});
          return result.violations.map((v) => ({id: v.id, impact: v.impact, nodes: v.nodes.length,
            sample: v.nodes.slice(0, 2).map((n) => n.html.slice(0, 160))}));
        }"""
    )
    grouped: dict[str, list] = {"critical": [], "serious": [], "moderate": [], "minor": []}
    for violation in violations:
        grouped.setdefault(violation["impact"] or "minor", []).append(violation)
    return grouped


#: How a student changes each interactive figure: (widget class, what to do).
FIGURE_ACTIONS = {
    "vakmanschap-roleplacer": "slider",
    "vakmanschap-tensiontriangle": "slider",
    "vakmanschap-competencyprofile": "slider",
    "vakmanschap-dilemmaexplorer": "select",
    "vakmanschap-tensionquiz": "checkbox",
}


def change_figure(page, container: str, how: str) -> float:
    """Change the figure in `container` as a student would; return ms until it redrew."""
    figure = f"{container} .js-plotly-plot"
    page.locator(figure).first.wait_for(state="attached")
    if how == "slider":
        handle = page.locator(f"{container} .noUi-handle").first
        handle.scroll_into_view_if_needed()
        handle.focus()
        key = (
            "ArrowLeft"
            if handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
            else "ArrowRight"
        )
        return time_to_change(page, figure, lambda: page.keyboard.press(key))
    if how == "select":
        select = page.locator(f"{container} select").first
        select.focus()
        options = select.locator("option").count()
        index = select.evaluate("s => s.selectedIndex")
        key = "ArrowUp" if index == options - 1 else "ArrowDown"
        return time_to_change(page, figure, lambda: page.keyboard.press(key))
    box = page.locator(f"{container} input[type=checkbox]").first
    button = page.locator(f"{container} button", has_text="Controleer").first
    box.click()
    return time_to_change(page, figure, lambda: button.click())


def change_every_figure(page, scope: str = "body") -> int:
    """Change every interactive figure on the page once and see each redraw; return how
    many there were."""
    changed = 0
    for css, how in FIGURE_ACTIONS.items():
        count = page.locator(f"{scope} .{css}").count()
        for index in range(count):
            container = f"{scope} .{css} >> nth={index}"
            # playwright's nth selector does not compose with descendant css in
            # querySelector (used by time_to_change): mark the container instead
            page.locator(container).evaluate(
                "(el, i) => el.setAttribute('data-e2e', 'figure-' + i)", f"{css}-{index}"
            )
            marked = f"[data-e2e='figure-{css}-{index}']"
            took = change_figure(page, marked, how)
            LATENCIES.setdefault(f"{how} to figure redraw", []).append(took)
            changed += 1
    return changed


#: Exercise roots that have a primary button (Controleer, Lever in): the keyboard route's goal.
_ROUTE_ROOTS_JS = """
() => [...document.querySelectorAll('[class*="vakmanschap-"]')]
  .filter((root) => !root.parentElement.closest('[class*="vakmanschap-"]'))
  .filter((root) => root.querySelector('button.mod-primary'))
  .map((root, index) => { root.dataset.route = String(index); return index; })
"""

_FOCUS_JS = """
(index) => {
  const el = document.activeElement;
  const root = document.querySelector(`[data-route="${index}"]`);
  return {
    inside: !!(el && root.contains(el)),
    primary: !!(el && el.matches('button.mod-primary') && root.contains(el)),
    what: el ? (el.tagName + ' ' + (el.textContent || el.getAttribute('aria-label') || '').trim()).slice(0, 40) : '',
  };
}
"""


def keyboard_route(page, max_tabs: int = 40) -> list[str]:
    """Walk every exercise on the page by keyboard: from its first control, Tab reaches its
    primary button (Controleer, Lever in) without leaving the exercise, and Enter presses
    it. Returns what failed (empty: every route works)."""
    failures = []
    for index in page.evaluate(_ROUTE_ROOTS_JS):
        root = page.locator(f'[data-route="{index}"]')
        name = root.evaluate("r => [...r.classList].find((c) => c.startsWith('vakmanschap-'))")
        root.locator("select, input, textarea, button").first.focus()
        route = []
        for _ in range(max_tabs):
            where = page.evaluate(_FOCUS_JS, index)
            route.append(where["what"])
            if where["primary"] or not where["inside"]:
                break
            page.keyboard.press("Tab")
        if not where["primary"]:
            failures.append(f"{name}: Tab did not reach its button; route: {route}")
            continue
        # Enter must press the button (the kernel's answer to a press is tested elsewhere;
        # pressed again on a checked exercise it may rightly change nothing)
        page.evaluate(
            "() => { window.__routePressed = false; document.activeElement.addEventListener("
            "'click', () => { window.__routePressed = true; }, {once: true}); }"
        )
        page.keyboard.press("Enter")
        if not page.evaluate("() => window.__routePressed"):
            failures.append(f"{name}: Enter on its button did not press it")
    return failures
