"""Accessible names for ipywidgets controls that lack them.

ipywidgets 8 renders a slider's handle as ``<div role="slider">`` without an accessible name,
so screen readers announce an unnamed slider and axe-core reports ``aria-input-field-name``
(a long-open ipywidgets problem). :class:`AccessibleNames` is an invisible widget that, once
shown on a page, names every slider handle after its visible label, also for sliders added
later, and underlines links in running text (so they do not rely on colour alone). In
JupyterLab it also keeps arrow keys in the exercises' dropdowns and sliders, which command
mode would otherwise take to move between cells. It also carries the page stylesheet
(:file:`layout.css`): the responsive layout of every widget, in JupyterLab and Voila alike.
Every exercise and panel of this package includes it, so no notebook needs to care.
"""

from __future__ import annotations

from pathlib import Path

import anywidget

#: The page stylesheet (responsive layout for every widget of this package), in one file.
LAYOUT_CSS = Path(__file__).with_name("layout.css").read_text(encoding="utf-8")

_ESM = """
function nameSliders(root) {
  root.querySelectorAll('.noUi-handle[role="slider"]').forEach((handle) => {
    if (handle.getAttribute('aria-label')) return;
    const box = handle.closest('.widget-slider');
    const label = box && box.querySelector('.widget-label');
    const text = label && (label.textContent || label.getAttribute('title') || '').trim();
    if (text) handle.setAttribute('aria-label', text);
  });
}

function underlineLinks() {
  // links inside running text must not rely on colour alone (axe: link-in-text-block)
  if (document.getElementById('vakmanschap-a11y-style')) return;
  const style = document.createElement('style');
  style.id = 'vakmanschap-a11y-style';
  style.textContent = '.jp-RenderedHTMLCommon p a, .jp-RenderedHTMLCommon li a '
    + '{ text-decoration: underline !important; }';
  document.head.appendChild(style);
}

function keepKeysInControls(root) {
  // JupyterLab's command mode takes arrow keys (select cell above/below) even when a
  // dropdown or slider has focus; Lumino skips shortcuts for marked elements.
  root.querySelectorAll(
    '[class*="vakmanschap-"] select, [class*="vakmanschap-"] .noUi-handle, '
    + '[class*="vakmanschap-"] input, [class*="vakmanschap-"] textarea'
  ).forEach((control) => control.setAttribute('data-lm-suppress-shortcuts', 'true'));
}

function improve(root) {
  nameSliders(root);
  keepKeysInControls(root);
}

export default {
  render({ el }) {
    el.style.display = 'none';
    el.setAttribute('aria-hidden', 'true');
    underlineLinks();
    improve(document);
    if (!window.__vakmanschapAccessibleNames) {
      window.__vakmanschapAccessibleNames = new MutationObserver(() => improve(document));
      window.__vakmanschapAccessibleNames.observe(document.body, {childList: true, subtree: true});
    }
  },
};
"""


class AccessibleNames(anywidget.AnyWidget):
    """Invisible widget that gives unnamed slider handles their label as accessible name."""

    _esm = _ESM
    _css = LAYOUT_CSS


_SHARED: AccessibleNames | None = None


def accessible_names() -> AccessibleNames:
    """The one :class:`AccessibleNames` widget of this kernel (shown once per exercise)."""
    global _SHARED
    if _SHARED is None:
        _SHARED = AccessibleNames()
    return _SHARED
