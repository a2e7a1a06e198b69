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

import uuid
import weakref
from collections.abc import Callable
from pathlib import Path

import anywidget
import ipywidgets as widgets

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

// Enter in a field marked "vakmanschap-enter-<token>" goes to the kernel WITH the text typed:
// ipywidgets sends Enter's own "submit" message at once but may hold back the last key
// presses until the kernel answered the one before, so the kernel could read half a name.
// The message goes through the helper of the field's own notebook (JupyterLab may show
// several notebooks, each with its kernel).
const helpers = window.__vakmanschapHelpers || (window.__vakmanschapHelpers = []);

function helperFor(field) {
  const notebook = field.closest('.jp-Notebook');
  const alive = helpers.filter((h) => h.el.isConnected);
  return alive.find((h) => h.el.closest('.jp-Notebook') === notebook) || alive[alive.length - 1];
}

function onEnter(event) {
  if (event.key !== 'Enter' || event.isComposing) return;
  const field = event.target;
  if (!(field instanceof HTMLInputElement)) return;
  const box = field.closest('[class*="vakmanschap-enter-"]');
  const token = box && [...box.classList].find((c) => c.startsWith('vakmanschap-enter-'));
  const helper = token && helperFor(field);
  if (!helper) return;
  helper.model.send({event: 'enter', token, value: field.value});
  field.value = '';  // the kernel puts the text back if it cannot use it
}

export default {
  render({ model, el }) {
    el.style.display = 'none';
    el.setAttribute('aria-hidden', 'true');
    underlineLinks();
    improve(document);
    if (!window.__vakmanschapAccessibleNames) {
      window.__vakmanschapAccessibleNames = new MutationObserver(() => improve(document));
      window.__vakmanschapAccessibleNames.observe(document.body, {childList: true, subtree: true});
      document.addEventListener('keydown', onEnter, true);
    }
    const helper = {el, model};
    helpers.push(helper);
    return () => { helpers.splice(helpers.indexOf(helper), 1); };
  },
};
"""


class AccessibleNames(anywidget.AnyWidget):
    """Invisible widget that gives unnamed slider handles their label as accessible name,
    carries the page stylesheet, and brings Enter in a text field to the kernel together
    with the text typed (see :meth:`on_enter`)."""

    _esm = _ESM
    _css = LAYOUT_CSS

    def __init__(self) -> None:
        super().__init__()
        self._on_enter: dict[str, weakref.WeakMethod] = {}
        self.on_msg(self._handle)

    def on_enter(self, field: widgets.DOMWidget, callback: Callable[[str], object]) -> None:
        """Call ``callback(text)`` when Enter is pressed in `field`, with the text the
        browser shows at that moment (never a value still on its way). The browser empties
        the field; the callback puts the text back if it cannot use it. `callback` is a
        bound method, held weakly: a widget that is gone is not kept alive by it."""
        token = f"vakmanschap-enter-{uuid.uuid4().hex[:12]}"
        field.add_class(token)
        self._on_enter[token] = weakref.WeakMethod(callback)

    def _handle(self, _widget: object, content: object, _buffers: object) -> None:
        if not isinstance(content, dict) or content.get("event") != "enter":
            return
        method = self._on_enter.get(str(content.get("token")))
        callback = method() if method is not None else None
        text = content.get("value")
        if callback is not None and isinstance(text, str):
            callback(text)


_SHARED: AccessibleNames | None = None


def accessible_names() -> AccessibleNames:
    """The one :class:`AccessibleNames` widget of this kernel (shown once per exercise)."""
    global _SHARED
    if _SHARED is None:
        _SHARED = AccessibleNames()
    return _SHARED
