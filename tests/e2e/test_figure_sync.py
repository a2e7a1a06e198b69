"""Figures stay in sync with the kernel: after Run All twice, in a second tab on the running
kernel, and after a page reload (vakmanschap.ui.figure_view)."""

from __future__ import annotations

import re
import shutil
import time

import pytest
from e2e_helpers import (
    BROKEN,
    change_every_figure,
    drawn,
    open_in_lab,
    run_all_in_lab,
)

#: Notebooks with every kind of interactive figure between them.
SYNCED = ["02-drie-sturingsmodellen.ipynb", "03-onderzoek-en-tabel-1.ipynb"]


def watch(tab, broken: list[str]) -> None:
    """Fail the test on an uncaught error or a broken widget in `tab` too."""
    tab.on("pageerror", lambda error: broken.append(f"uncaught page error: {error}"))
    tab.on(
        "console",
        lambda m: (
            broken.append(f"console error: {m.text}")
            if m.type == "error" and BROKEN.search(m.text)
            else None
        ),
    )


def save(page) -> None:
    page.keyboard.press("Control+s")
    page.wait_for_function(
        "() => !document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-mod-dirty')"
        " && !document.title.startsWith('*')",
        timeout=30_000,
    )


@pytest.fixture
def copy_of(workspace):
    """A fresh copy of a notebook, so saving outputs leaves the others as they are."""

    def make(name: str) -> str:
        target = f"sync-{name}"
        shutil.copy(workspace["notebooks"] / name, workspace["notebooks"] / target)
        return target

    return make


@pytest.mark.parametrize("name", SYNCED)
def test_run_all_twice_then_every_figure_follows(page, lab, copy_of, name):
    notebook = copy_of(name)
    run_all_in_lab(page, lab, notebook)
    run_all_again(page)
    assert change_every_figure(page, ".jp-NotebookPanel:not(.lm-mod-hidden)") >= 1


def run_all_again(page) -> None:
    """Run > Run All Cells once more in the same tab, and wait until the kernel is idle."""
    page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook").click(
        position={"x": 5, "y": 5}
    )
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu .lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
    page.wait_for_timeout(500)
    page.wait_for_function(
        """() => {
          const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
            .map((p) => p.textContent.trim());
          const indicator = document.querySelector('.jp-Notebook-ExecutionIndicator');
          return prompts.length && prompts.every((p) => /^\\[\\d+\\]:$/.test(p))
            && indicator && indicator.dataset.status === 'idle';
        }""",
        timeout=240_000,
    )
    page.wait_for_function(
        "() => document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) "
        ".js-plotly-plot .main-svg').length >= 1",
        timeout=60_000,
    )


def wait_for_drawn(tab, figure: str, expected: list, timeout_s: float = 30) -> None:
    """Wait until the figure draws the student's placements `expected`."""
    deadline = time.monotonic() + timeout_s
    while drawn(tab, figure, "student") != expected:
        assert time.monotonic() < deadline, (drawn(tab, figure, "student"), expected)
        tab.wait_for_timeout(200)


def test_second_tab_and_reload_follow_the_kernel(page, lab, copy_of):
    notebook = copy_of("03-onderzoek-en-tabel-1.ipynb")
    run_all_in_lab(page, lab, notebook)
    save(page)
    # a second tab on the same, running kernel
    second = page.context.new_page()
    watch(second, page.broken)
    try:
        open_in_lab(second, lab, notebook)
        scope = ".jp-NotebookPanel:not(.lm-mod-hidden)"
        second.wait_for_selector(f"{scope} .vakmanschap-roleplacer .js-plotly-plot .main-svg")
        assert change_every_figure(second, scope) >= 1
        figure = f"{scope} .vakmanschap-roleplacer .js-plotly-plot"
        latest = drawn(second, figure, "student")
        # the first tab follows what the second did
        wait_for_drawn(page, ".vakmanschap-roleplacer .js-plotly-plot", latest)
        # a reload shows the latest state, drawn from the kernel's widget state
        second.reload()
        second.wait_for_selector(f"{figure} .main-svg", timeout=120_000)
        wait_for_drawn(second, figure, latest)
        assert change_every_figure(second, scope) >= 1  # and it still follows
    finally:
        second.close()
