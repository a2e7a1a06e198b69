"""One plotly figure kept in sync with every browser that shows it.

:class:`FigureView` is a small anywidget. Its synced state is the figure as it was built
(``spec``, sent once) and the current value of every property changed since (``patch``,
sent whole on each change, so it stays small). The browser draws ``spec`` merged with
``patch`` with ``Plotly.react``, so every view of the model (a re-run cell, a second tab, a
reloaded page, Voila connecting late) draws the current state and keeps following it.

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

DEFAULT_CONFIG = {"responsive": True, "displaylogo": False}

_ESM = r"""
const KEY = '__vakmanschapPlotly';

function loadPlotly(model) {
  if (!globalThis[KEY]) {
    const loading = (async () => {
      const ref = model.get('library');
      if (typeof ref !== 'string' || !ref.startsWith('IPY_MODEL_')) {
        throw new Error('no plotly.js library model: ' + ref);
      }
      const library = await model.widget_manager.get_model(ref.slice('IPY_MODEL_'.length));
      const source = library.get('source');
      if (!source) { throw new Error('the plotly.js library model has no source'); }
      const before = globalThis.Plotly;
      const module = {exports: {}};
      new Function('module', 'exports', source)(module, module.exports);
      if (before !== undefined) { globalThis.Plotly = before; }
      if (typeof module.exports.react !== 'function') { throw new Error('plotly.js not loaded'); }
      return module.exports;
    })();
    globalThis[KEY] = loading;
    loading.catch(() => { if (globalThis[KEY] === loading) { delete globalThis[KEY]; } });
  }
  return globalThis[KEY];
}

const clone = (value) => (typeof structuredClone === 'function'
  ? structuredClone(value) : JSON.parse(JSON.stringify(value)));

function merge(target, props) {
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null) { delete target[key]; } else { target[key] = value; }
  }
  return target;
}

function compose(model) {
  const spec = model.get('spec') || {};
  const patch = model.get('patch') || {};
  const data = (spec.data || []).map((trace) => Object.assign({}, trace));
  for (const [key, props] of Object.entries(patch.traces || {})) {
    const index = Number(key);
    if (Number.isInteger(index) && index >= 0 && index < data.length) { merge(data[index], props); }
  }
  const layout = merge(Object.assign({}, spec.layout || {}), patch.layout);
  return clone({data, layout});
}

function render({model, el}) {
  const div = document.createElement('div');
  div.style.width = '100%';
  el.appendChild(div);
  el.setAttribute('role', 'figure');
  let Plotly = null, running = false, dirty = true, resize = false, disposed = false;
  let listening = false;

  const label = () => {
    const text = model.get('label');
    if (text) { el.setAttribute('aria-label', text); } else { el.removeAttribute('aria-label'); }
  };
  const click = (event) => {
    try {
      const point = event && event.points && event.points[0];
      if (!point) { return; }
      const message = {event: 'click', x: point.x, y: point.y, trace: point.curveNumber};
      for (const key of ['a', 'b', 'c']) {
        if (point[key] !== undefined) { message[key] = point[key]; }
      }
      model.send(message);
    } catch (error) { console.error('[vakmanschap figure] click', error); }
  };
  const draw = async () => {
    if (running || disposed) { return; }
    running = true;
    try {
      Plotly = Plotly || await loadPlotly(model);
      while (!disposed && (dirty || resize)) {
        if (dirty) {
          dirty = false;
          const figure = compose(model);
          if (!div._fullLayout) { div.textContent = ''; }
          await Plotly.react(div, figure.data, figure.layout, clone(model.get('config') || {}));
          if (!listening && div.on) { div.on('plotly_click', click); listening = true; }
        } else {
          resize = false;
          if (div.isConnected && div.clientWidth > 0) { await Plotly.Plots.resize(div); }
        }
      }
    } catch (error) {
      console.error('[vakmanschap figure] could not draw the figure', error);
      if (!Plotly && !disposed) { div.textContent = 'The figure could not be drawn.'; }
    } finally {
      running = false;
      if (disposed && Plotly) { Plotly.purge(div); }
    }
  };
  const redraw = () => { dirty = true; draw(); };
  const observer = new ResizeObserver(() => {
    const width = div.clientWidth, drawn = div._fullLayout && div._fullLayout.width;
    if (width > 0 && drawn && Math.abs(width - drawn) > 1) { resize = true; draw(); }
  });

  model.on('change:patch', redraw);
  model.on('change:spec', redraw);
  model.on('change:config', redraw);
  model.on('change:label', label);
  label();
  observer.observe(div);
  draw();
  return () => {
    disposed = true;
    observer.disconnect();
    for (const name of ['patch', 'spec', 'config']) { model.off('change:' + name, redraw); }
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
    """An invisible widget holding plotly.js, shared by every :class:`FigureView`.

    Use :func:`plotly_library` rather than creating one: the browser then receives
    plotly.js (about 5 MB) once per page, not once per figure.
    """

    _esm = "export default { render() {} };"
    source = traitlets.Unicode().tag(sync=True)

    def __init__(self) -> None:
        super().__init__(source=_plotly_js())


_LIBRARY: PlotlyLibrary | None = None


def plotly_library() -> PlotlyLibrary:
    """The kernel's one :class:`PlotlyLibrary`, created anew if its comm was closed."""
    global _LIBRARY
    if _LIBRARY is None or _LIBRARY.comm is None:
        _LIBRARY = PlotlyLibrary()
    return _LIBRARY


def _plain(value: Any) -> Any:
    """`value` as plain JSON data (lists, dicts, numbers, strings, None; NaN as None)."""
    return json.loads(json.dumps(value, cls=PlotlyJSONEncoder))


def _merge(target: dict, props: dict) -> dict:
    """Merge `props` into `target` as the browser does: None removes the property."""
    for key, value in props.items():
        if value is None:
            target.pop(key, None)
        else:
            target[key] = value
    return target


def _top_key(obj: Any, name: str) -> str:
    """The top-level property of `obj` that the (magic underscore) `name` sets."""
    parts = name.split("_")
    for end in range(1, len(parts) + 1):
        if "_".join(parts[:end]) in obj:
            return "_".join(parts[:end])
    return name


def _title(fig: go.Figure) -> str:
    """The figure's title as plain text, tags and entities removed."""
    text = re.sub(r"<[^>]*>", " ", fig.layout.title.text or "")
    return " ".join(html.unescape(text).split())


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


class FigureView(anywidget.AnyWidget):
    """Shows one plotly figure and keeps every browser view of it up to date.

    Parameters
    ----------
    fig : plotly.graph_objects.Figure or dict
        The figure; the view keeps its own copy. Traces may carry ``meta={"role": ...}``.
    config : dict, optional
        Plotly config, merged over ``{"responsive": True, "displaylogo": False}``.

    Notes
    -----
    Change the figure with :meth:`restyle` and :meth:`relayout` only: plotly validates the
    values, and only those changes reach the browser. :attr:`data` and :attr:`layout` are
    for reading.
    """

    _esm = _ESM
    library = traitlets.Instance(PlotlyLibrary).tag(sync=True, **widget_serialization)
    spec = traitlets.Dict().tag(sync=True)
    patch = traitlets.Dict().tag(sync=True)
    config = traitlets.Dict().tag(sync=True)
    label = traitlets.Unicode().tag(sync=True)

    def __init__(self, fig: go.Figure | dict, config: dict | None = None) -> None:
        figure = go.Figure(fig)
        if figure.layout.width is None:
            figure.layout.autosize = True
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
            label=_title(figure),
        )
        self.on_msg(self._handle_message)

    # -- reading ---------------------------------------------------------------------------
    @property
    def figure(self) -> go.Figure:
        """The current figure (Python's copy; change it with restyle/relayout)."""
        return self._figure

    @property
    def data(self) -> tuple:
        """The figure's traces, as ``figure.data``."""
        return self._figure.data

    @property
    def layout(self) -> go.Layout:
        """The figure's layout, as ``figure.layout`` (this replaces the widget's CSS layout)."""
        return self._figure.layout

    def to_json(self, *args: Any, **kwargs: Any) -> str:
        """The current figure as JSON, see :meth:`plotly.graph_objects.Figure.to_json`."""
        return self._figure.to_json(*args, **kwargs)

    def traces(self, role: str) -> list[int]:
        """Indices of the traces whose ``meta["role"]`` is `role`."""
        return [
            index
            for index, trace in enumerate(self._figure.data)
            if isinstance(trace.meta, dict) and trace.meta.get("role") == role
        ]

    def browser_figure(self) -> dict:
        """``{"data", "layout"}`` as a browser connecting now draws it (spec merged with
        patch, exactly as the JavaScript does)."""
        spec, patch = self.spec, self.patch
        data = [dict(trace) for trace in spec.get("data", [])]
        for key, props in patch.get("traces", {}).items():
            if key.isdigit() and int(key) < len(data):
                _merge(data[int(key)], props)
        layout = _merge(dict(spec.get("layout", {})), patch.get("layout", {}))
        return json.loads(json.dumps({"data": data, "layout": layout}))

    # -- changing ----------------------------------------------------------------------------
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
        """Set trace properties (plotly names, magic underscores allowed).

        Parameters
        ----------
        selector : int, list of int or str
            A trace index, several, or a role: every trace with that ``meta["role"]``
            (none is fine).
        **props
            The properties, e.g. ``x=[0.5], marker_color="red"``.

        Raises
        ------
        IndexError
            If an index is out of range; nothing changes.
        ValueError
            If plotly rejects a value; nothing changes.
        """
        if isinstance(selector, str):
            indices = self.traces(selector)
        else:
            indices = [selector] if isinstance(selector, int) else list(selector)
        count = len(self._figure.data)
        for index in indices:
            if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < count:
                raise IndexError(f"no trace {index!r} (the figure has {count})")
        if not indices or not props:
            return
        probes = {}
        for index in indices:  # validate on a blank trace first, so a bad value changes nothing
            kind = type(self._figure.data[index])
            if kind not in probes:
                probes[kind] = kind().update(props)
        spec_data = self.spec["data"]
        for index in indices:
            trace = self._figure.data[index]
            trace.update(props)
            keys = {_top_key(probes[type(trace)], name) for name in props}
            base = spec_data[index]
            for key in keys:
                self._record(self._changes["traces"].setdefault(str(index), {}), base, key, trace)
        self._flush()

    def relayout(self, **props: Any) -> None:
        """Set layout properties (plotly names, magic underscores allowed), e.g.
        ``title_text="..."`` or ``xaxis_range=[0, 1]``; raises ``ValueError`` (changing
        nothing) if plotly rejects a value."""
        if not props:
            return
        probe = go.Layout().update(props)
        self._figure.layout.update(props)
        for key in {_top_key(probe, name) for name in props}:
            self._record(self._changes["layout"], self.spec["layout"], key, self._figure.layout)
            self._retitle = self._retitle or key == "title"
        self._flush()

    def _record(self, changes: dict, base: dict, key: str, obj: Any) -> None:
        value = _plain(obj[key])
        if value == {}:
            value = None  # an empty compound property is an unset one
        if value != (changes[key] if key in changes else base.get(key)):
            changes[key] = value
            self._dirty = True

    def _flush(self) -> None:
        if self._depth == 0 and self._dirty:
            self._dirty = False
            changes = self._changes
            with self.hold_sync():
                self.patch = {
                    "traces": {key: dict(props) for key, props in changes["traces"].items()},
                    "layout": dict(changes["layout"]),
                }
                if self._retitle:
                    self._retitle = False
                    self.label = _title(self._figure)

    # -- clicks ------------------------------------------------------------------------------
    def on_click(self, callback: Callable[[float, float, int], Any], remove: bool = False) -> None:
        """Call ``callback(x, y, trace_index)`` when a point is clicked in the browser.

        The latest click, with ``a``, ``b`` and ``c`` for ternary points, is in
        :attr:`last_click`. Pass ``remove=True`` to unregister `callback`.
        """
        self._clicks.register_callback(callback, remove=remove)

    last_click: dict | None = None

    def _handle_message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if not isinstance(content, dict) or content.get("event") != "click":
            return
        x, y, trace = content.get("x"), content.get("y"), content.get("trace")
        if not (_number(x) and _number(y)) or isinstance(trace, bool):
            return
        if not isinstance(trace, int) or not 0 <= trace < len(self._figure.data):
            return
        click = {"x": x, "y": y, "trace": trace}
        click.update({k: content[k] for k in "abc" if _number(content.get(k))})
        self.last_click = click
        self._clicks(x, y, trace)


def show(fig: go.Figure | dict, config: dict | None = None) -> None:
    """Display `fig` as a :class:`FigureView` (like ``fig.show()``, but kept in sync)."""
    from IPython.display import display

    display(FigureView(fig, config))
