"""One plotly figure kept in sync with every browser that shows it.

:class:`FigureView` is a small anywidget. Its synced state is the figure as it was built
(``spec``, sent once) and the current value of every property changed since (``patch``,
sent whole on each change, so it stays small). The browser draws ``spec`` merged with
``patch`` with ``Plotly.react``, so every view of the model (a re-run cell, a second tab, a
reloaded page, Voila connecting late) draws the current state and keeps following it. On
a narrow page it draws the figure's narrow variant over both (``narrow``, see
:class:`FigureView`), without plotly's toolbar anywhere (:data:`DEFAULT_CONFIG`).

plotly.js itself travels once per page in the shared, invisible :class:`PlotlyLibrary`.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import anywidget
import plotly
import plotly.graph_objects as go
import traitlets
from ipywidgets import CallbackDispatcher, widget_serialization
from plotly.utils import PlotlyJSONEncoder

from ..i18n import t

#: Plotly config of every view: the width of the page, no toolbar (docs/decisions.md,
#: "Figures (issue 12)").
DEFAULT_CONFIG = {"responsive": True, "displaylogo": False, "displayModeBar": False}

_ESM = r"""
const KEY = '__vakmanschapPlotly';  // one plotly.js per page, shared by every view

function loadPlotly(model) {
  if (!globalThis[KEY]) {
    const loading = (async () => {
      const ref = String(model.get('library') || '');
      if (!ref.startsWith('IPY_MODEL_')) { throw new Error('no plotly.js library: ' + ref); }
      const library = await model.widget_manager.get_model(ref.slice('IPY_MODEL_'.length));
      const before = globalThis.Plotly, module = {exports: {}};
      // as CommonJS, so that no AMD `define` on the page can take it
      new Function('module', 'exports', library.get('source'))(module, module.exports);
      if (before !== undefined) { globalThis.Plotly = before; }
      if (typeof module.exports.react !== 'function') { throw new Error('plotly.js not loaded'); }
      return module.exports;
    })();
    globalThis[KEY] = loading;  // forgotten when it failed, so that a later view retries
    loading.catch(() => { if (globalThis[KEY] === loading) { delete globalThis[KEY]; } });
  }
  return globalThis[KEY];
}

const clone = (value) => (typeof structuredClone === 'function'
  ? structuredClone(value) : JSON.parse(JSON.stringify(value)));

function merge(target, props) {  // as FigureView.browser_figure: null removes a property
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null) { delete target[key]; } else { target[key] = value; }
  }
  return target;
}

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

function deepMerge(target, props) {  // the narrow variant: nested objects merged
  const out = Object.assign({}, target);
  for (const [key, value] of Object.entries(props || {})) {
    out[key] = isObject(value) && isObject(out[key]) ? deepMerge(out[key], value) : value;
  }
  return out;
}

// spec, then the kernel's patch, then (on a narrow page) the narrow variant; cloned: Plotly
// mutates its input. Drawn whole each time, so no change of the kernel is ever lost.
function compose(model, narrow) {
  const spec = model.get('spec') || {}, patch = model.get('patch') || {};
  const variant = narrow ? (model.get('narrow') || {}) : {};
  const data = (spec.data || []).map((trace) => Object.assign({}, trace));
  const valid = (key) => Number.isInteger(Number(key)) && Number(key) >= 0
    && Number(key) < data.length;
  for (const [key, props] of Object.entries(patch.traces || {})) {
    if (valid(key)) { merge(data[Number(key)], props); }
  }
  for (const [key, props] of Object.entries(variant.traces || {})) {
    if (valid(key)) { data[Number(key)] = deepMerge(data[Number(key)], props); }
  }
  const layout = deepMerge(merge(Object.assign({}, spec.layout), patch.layout), variant.layout);
  return clone({data, layout});
}

const ENTITIES = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"};  // as markup.plain writes
const plainText = (text) => String(text ?? '').replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, '')
  .replace(/&(?:#(\d+)|([a-z]+));/gi, (all, code, name) => (code
    ? String.fromCodePoint(Number(code) <= 0x10FFFF ? Number(code) : 0xFFFD)
    : ENTITIES[name.toLowerCase()] ?? all)).replace(/\s+/g, ' ').trim();

// The list under a narrow figure, for the traces the narrow variant names as its key: an
// index lists the trace's drawn points ("text  hover text"), {trace, label, text} one line
// while that trace is shown. So every number on the plot can be looked up.
function fillKey(list, figure, keys) {
  list.textContent = '';
  const add = (label, text) => {
    const item = document.createElement('li'), mark = document.createElement('b');
    mark.textContent = plainText(label);
    item.append(mark, ' ' + plainText(text));
    list.appendChild(item);
  };
  for (const entry of keys || []) {
    const single = entry !== null && typeof entry === 'object';
    const trace = figure.data[single ? entry.trace : entry];
    if (!trace || trace.visible === false || trace.visible === 'legendonly') { continue; }
    if (single) { add(entry.label, entry.text); continue; }
    const coords = trace.x || trace.a || [], texts = trace.text, hovers = trace.hovertext;
    for (let i = 0; i < coords.length; i += 1) {
      const label = Array.isArray(texts) ? texts[i] : texts;
      if (coords[i] === null || coords[i] === undefined || !plainText(label)) { continue; }
      add(label, Array.isArray(hovers) ? hovers[i] : hovers);
    }
  }
  list.hidden = list.childElementCount === 0;
}

function render({model, el}) {
  const div = document.createElement('div');
  div.style.width = '100%';
  const list = document.createElement('ul');  // the key of a narrow figure's numbers
  list.className = 'vakmanschap-figure-key';
  list.hidden = true;
  list.style.cssText = 'list-style:none;margin:0.25em 0 0;padding:0;font-size:12px';
  el.append(div, list);
  el.setAttribute('role', 'figure');
  let Plotly = null, running = false, dirty = true, resize = false, disposed = false;
  let clicks = false, narrowDrawn = null;
  const label = () => {
    const text = model.get('label');
    if (text) { el.setAttribute('aria-label', text); } else { el.removeAttribute('aria-label'); }
  };
  // Narrow: a variant exists and the container is narrower than its width (an unmeasured,
  // hidden container counts as wide; the observer redraws once it has a width).
  const narrow = () => {
    const variant = model.get('narrow') || {}, width = div.clientWidth;
    const limit = Number(variant.width) || 600;
    return Boolean(variant.traces || variant.layout) && width > 0 && width < limit;
  };
  const click = (event) => {
    try {
      const point = event && event.points && event.points[0];
      if (!point) { return; }
      const message = {event: 'click', x: point.x, y: point.y, trace: point.curveNumber};
      for (const key of ['a', 'b', 'c']) { if (key in point) { message[key] = point[key]; } }
      model.send(message);
    } catch (error) { console.error('[vakmanschap figure] click', error); }
  };
  // One Plotly call at a time per view; changes meanwhile are drawn once, with the latest state.
  const draw = async () => {
    if (running || disposed) { return; }
    running = true;
    try {
      Plotly = Plotly || await loadPlotly(model);
      while (!disposed && (dirty || resize)) {
        if (dirty) {
          dirty = false;
          narrowDrawn = narrow();
          const figure = compose(model, narrowDrawn);
          if (!div._fullLayout) { div.textContent = ''; }
          await Plotly.react(div, figure.data, figure.layout, clone(model.get('config') || {}));
          fillKey(list, figure, narrowDrawn ? (model.get('narrow') || {}).key : []);
          if (!clicks && div.on) { div.on('plotly_click', click); clicks = true; }
        } else {
          resize = false;
          if (div.isConnected && div.clientWidth > 0) { await Plotly.Plots.resize(div); }
        }
      }
    } catch (error) {
      console.error('[vakmanschap figure] could not draw the figure', error);
      if (!Plotly && !disposed) { div.textContent = model.get('failed') || ''; }
    } finally {
      running = false;
      if (disposed && Plotly) { try { Plotly.purge(div); } catch (error) { console.error(error); } }
    }
  };
  const redraw = () => { dirty = true; draw(); };
  const observer = new ResizeObserver(() => {  // follow the width of the container
    const width = div.clientWidth, drawn = div._fullLayout && div._fullLayout.width;
    if (width > 0 && narrowDrawn !== null && narrow() !== narrowDrawn) { redraw(); return; }
    if (width > 0 && drawn && Math.abs(width - drawn) > 1) { resize = true; draw(); }
  });
  const names = ['change:patch', 'change:spec', 'change:config', 'change:narrow'];
  names.forEach((name) => model.on(name, redraw));
  model.on('change:label', label);
  label();
  observer.observe(div);
  draw();
  return () => {
    disposed = true;
    observer.disconnect();
    names.forEach((name) => model.off(name, redraw));
    model.off('change:label', label);
    if (Plotly && !running) { try { Plotly.purge(div); } catch (error) { console.error(error); } }
  };
}

export default { render };
"""


@cache
def _plotly_js() -> str:
    return (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").read_text("utf-8")


class PlotlyLibrary(anywidget.AnyWidget):
    """An invisible widget holding plotly.js, shared by every :class:`FigureView`; get it
    with :func:`plotly_library`, so that plotly.js (about 5 MB) crosses once per page."""

    _esm = "export default {};"
    source = traitlets.Unicode().tag(sync=True)

    def __init__(self) -> None:
        super().__init__(source=_plotly_js())


_LIBRARY: PlotlyLibrary | None = None


def plotly_library() -> PlotlyLibrary:
    """The kernel's one :class:`PlotlyLibrary`, made anew if its comm was closed."""
    global _LIBRARY
    if _LIBRARY is None or _LIBRARY.comm is None:
        _LIBRARY = PlotlyLibrary()
    return _LIBRARY


def _plain(value: Any) -> Any:
    """`value` as plain JSON data (NaN becomes None), as plotly sends it."""
    return json.loads(json.dumps(value, cls=PlotlyJSONEncoder))


def _merge(target: dict, props: dict) -> dict:
    """Merge `props` into `target` as the browser does: None removes the property."""
    for key, value in props.items():
        if value is None:
            target.pop(key, None)
        else:
            target[key] = value
    return target


def _deep_merge(target: dict, props: dict) -> dict:
    """`target` with `props` merged in as the browser merges a narrow variant: nested
    objects merged, everything else (lists too) replaced."""
    out = dict(target)
    for key, value in props.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _deep_merge(out[key], value)
        else:
            out[key] = value
    return out


def _top_key(obj: Any, name: str) -> str:
    """The top-level property of `obj` that `name` (magic underscores allowed) sets."""
    parts = name.split("_")
    return next(
        ("_".join(parts[:end]) for end in range(1, len(parts)) if "_".join(parts[:end]) in obj),
        name,
    )


def _title(fig: go.Figure) -> str:
    """The figure's title as plain text."""
    text = re.sub(r"<[^>]*>", " ", fig.layout.title.text or "")
    return " ".join(html.unescape(text).split())


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


class FigureView(anywidget.AnyWidget):
    """One plotly figure that every browser view draws as it is now.

    Parameters
    ----------
    fig : plotly.graph_objects.Figure or dict
        The figure; the view keeps a copy. Traces may carry ``meta={"role": ...}``.
    config : dict, optional
        Plotly config, merged over :data:`DEFAULT_CONFIG` (no toolbar).
    narrow : dict, optional
        The figure's variant for a narrow page (default: the one the figure carries, see
        :func:`vakmanschap.plots.style.set_narrow`): ``{"width": px, "layout": {...},
        "traces": {"<index>": {...}}, "key": [index, ...]}``.

    Notes
    -----
    Change the figure with :meth:`restyle` and :meth:`relayout` only: plotly validates the
    values and only these changes reach the browser. :attr:`data` and :attr:`layout` are
    the copy's, for reading (``layout`` is the figure's, not the widget's CSS layout).

    Where the view is narrower than ``narrow["width"]`` (600 px), the browser draws spec,
    then patch, then the narrow variant over both (nested objects merged), and lists under
    the figure the drawn points of the traces in ``narrow["key"]`` (their text, then their
    hover text). It draws the whole composition on every change and every crossing of that
    width, so a change from the kernel is never lost: a property the variant does not name
    follows the kernel at any width, one it names (labels, fonts, margins) follows the
    kernel again once the view is wide. Assigning :attr:`narrow` redraws every view.
    """

    _esm = _ESM
    library = traitlets.Instance(PlotlyLibrary).tag(sync=True, **widget_serialization)
    spec = traitlets.Dict().tag(sync=True)
    patch = traitlets.Dict().tag(sync=True)
    config = traitlets.Dict().tag(sync=True)
    #: The variant drawn on a narrow page (empty: none).
    narrow = traitlets.Dict().tag(sync=True)
    label = traitlets.Unicode().tag(sync=True)
    #: What the page says when plotly.js cannot draw (in the current language).
    failed = traitlets.Unicode().tag(sync=True)
    #: The latest valid click: ``x``, ``y`` (or ``a``, ``b``, ``c`` on a ternary) and ``trace``.
    last_click: dict | None = None

    def __init__(
        self, fig: go.Figure | dict, config: dict | None = None, narrow: dict | None = None
    ) -> None:
        figure = go.Figure(fig)
        if figure.layout.width is None:
            figure.layout.autosize = True  # take the width of the container
        meta = figure.layout.meta
        if isinstance(meta, dict) and "narrow" in meta:  # sent once, as its own trait
            carried = meta["narrow"]
            figure.layout.meta = {k: v for k, v in meta.items() if k != "narrow"}
            narrow = carried if narrow is None else narrow
        self._figure = figure
        self._changes: dict[str, dict] = {"traces": {}, "layout": {}}
        self._depth = 0
        self._dirty = self._retitle = False
        self._clicks = CallbackDispatcher()
        super().__init__(
            library=plotly_library(),
            spec=_plain(figure.to_dict()),
            patch={"traces": {}, "layout": {}},
            config={**DEFAULT_CONFIG, **(config or {})},
            narrow=_plain(narrow or {}),
            label=_title(figure),
            failed=t("fig.not_drawn"),
        )
        self.on_msg(self._handle_message)

    @property
    def figure(self) -> go.Figure:
        """The current figure (change it with :meth:`restyle` and :meth:`relayout`)."""
        return self._figure

    @property
    def data(self) -> tuple:
        """The current traces, ``figure.data``."""
        return self._figure.data

    @property
    def layout(self) -> go.Layout:
        """The current layout, ``figure.layout``."""
        return self._figure.layout

    def to_json(self, *args: Any, **kwargs: Any) -> str:
        """The current figure as JSON (:meth:`plotly.graph_objects.Figure.to_json`)."""
        return self._figure.to_json(*args, **kwargs)

    def traces(self, role: str) -> list[int]:
        """The indices of the traces whose ``meta["role"]`` is `role`."""
        return [
            index
            for index, trace in enumerate(self._figure.data)
            if isinstance(trace.meta, dict) and trace.meta.get("role") == role
        ]

    def browser_figure(self, narrow: bool = False) -> dict:
        """``{"data", "layout"}`` as a browser connecting now draws it: the synced spec
        merged with the synced patch (and, with `narrow`, the narrow variant over both),
        exactly as the JavaScript does."""
        data = [dict(trace) for trace in self.spec.get("data", [])]
        for key, props in self.patch.get("traces", {}).items():
            if key.isdigit() and int(key) < len(data):
                _merge(data[int(key)], props)
        layout = _merge(dict(self.spec.get("layout", {})), self.patch.get("layout", {}))
        variant = self.narrow if narrow and self.narrow else {}
        for key, props in variant.get("traces", {}).items():
            if key.isdigit() and int(key) < len(data):
                data[int(key)] = _deep_merge(data[int(key)], props)
        layout = _deep_merge(layout, variant.get("layout", {}))
        return json.loads(json.dumps({"data": data, "layout": layout}))

    @contextmanager
    def hold(self) -> Iterator[FigureView]:
        """Send the changes made inside as one message at the end (holds may nest)."""
        self._depth += 1
        try:
            yield self
        finally:
            self._depth -= 1
            self._flush()

    def restyle(self, selector: int | list[int] | str, **props: Any) -> None:
        """Set properties of traces, e.g. ``restyle("student", x=[0.5], marker_color="red")``.

        Parameters
        ----------
        selector : int, list of int or str
            A trace index, several, or a role: the traces whose ``meta["role"]`` it is.
        **props
            Plotly trace properties (magic underscores allowed). An ``IndexError`` (index
            out of range) or plotly's ``ValueError`` (bad value) changes nothing.
        """
        if isinstance(selector, str):
            indices = self.traces(selector)
        else:
            indices = [selector] if isinstance(selector, int) else list(selector)
        count = len(self._figure.data)
        for index in indices:
            if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < count:
                raise IndexError(f"no trace {index!r} (the figure has {count})")
        probes: dict[type, Any] = {}  # check on blank traces first: a bad value changes nothing
        for kind in {type(self._figure.data[index]) for index in indices} if props else ():
            probes[kind] = kind().update(props)
        for index in indices if props else []:
            trace = self._figure.data[index]
            trace.update(props)
            changes = self._changes["traces"].setdefault(str(index), {})
            for key in {_top_key(probes[type(trace)], name) for name in props}:
                self._record(changes, self.spec["data"][index], key, trace)
        self._flush()

    def relayout(self, **props: Any) -> None:
        """Set layout properties, e.g. ``relayout(title_text="...", xaxis_range=[0, 1])``;
        a ``ValueError`` from plotly changes nothing."""
        probe = go.Layout().update(props)
        self._figure.layout.update(props)
        for key in {_top_key(probe, name) for name in props}:
            self._record(self._changes["layout"], self.spec["layout"], key, self._figure.layout)
            self._retitle = self._retitle or key == "title"
        self._flush()

    def _record(self, changes: dict, base: dict, key: str, obj: Any) -> None:
        value = _plain(obj[key])
        value = None if value == {} else value  # an empty compound property is an unset one
        if value != (changes[key] if key in changes else base.get(key)):
            changes[key] = value
            self._dirty = True

    def _flush(self) -> None:
        if self._depth or not self._dirty:
            return
        self._dirty = False
        with self.hold_sync():  # a new dict (traitlets sees no change in a mutated one)
            self.patch = {
                "traces": {key: dict(props) for key, props in self._changes["traces"].items()},
                "layout": dict(self._changes["layout"]),
            }
            if self._retitle:
                self._retitle = False
                self.label = _title(self._figure)

    def on_click(self, callback: Callable[..., Any], remove: bool = False) -> None:
        """Call ``callback(x, y, trace_index)`` when a point is clicked in a browser
        (``remove=True`` unregisters it). A ternary point has no x and y: the callback
        gets ``(None, None, trace_index)`` and :attr:`last_click` has its a, b and c."""
        self._clicks.register_callback(callback, remove=remove)

    def _handle_message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if not isinstance(content, dict) or content.get("event") != "click":
            return
        trace = content.get("trace")
        for keys in ("xy", "abc"):
            click = {key: content.get(key) for key in keys}
            if all(map(_number, click.values())) and trace in range(len(self._figure.data)):
                if isinstance(trace, int) and not isinstance(trace, bool):
                    self.last_click = {**click, "trace": trace}
                    self._clicks(click.get("x"), click.get("y"), trace)
                return


def show(fig: go.Figure | dict, config: dict | None = None) -> None:
    """Display `fig` as a :class:`FigureView` (as ``fig.show()``, but kept in sync, without
    plotly's toolbar, and in its narrow variant on a phone)."""
    from IPython.display import display

    display(FigureView(fig, config))
