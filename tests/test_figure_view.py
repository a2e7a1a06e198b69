"""FigureView keeps Python's figure and what a browser draws in step, with small messages.

Headless: the widgets talk to the dummy comm that ``comm`` creates outside a kernel, and
these tests record what would go over it.
"""

from __future__ import annotations

import json
import math
import shutil
import subprocess

import plotly.graph_objects as go
import pytest

from vakmanschap.ui.figure_view import _ESM, FigureView, PlotlyLibrary, plotly_library


def figure() -> go.Figure:
    return go.Figure(
        [
            go.Scatter(x=[0.0], y=[0.0], mode="markers", meta={"role": "student"}),
            go.Scatter(x=[1, 2], y=[3, 4], meta={"role": "article"}, visible=False),
            go.Scatter(x=[5], y=[6], meta={"role": "article"}, visible=False),
            go.Scatterternary(a=[0.2], b=[0.3], c=[0.5], meta={"role": "triangle"}),
        ],
        layout={"title": {"text": "<b>Rollen</b> &amp; taken"}, "height": 400},
    )


class Wire:
    """What a widget sends to the browser: ``(msg_type, data, buffers)`` per message."""

    def __init__(self, widget, monkeypatch):
        self.messages: list[tuple[str, dict, list]] = []

        def publish_msg(msg_type, data=None, metadata=None, buffers=None, **keys):
            self.messages.append((msg_type, data, list(buffers or [])))

        monkeypatch.setattr(widget.comm, "publish_msg", publish_msg)

    def updates(self) -> list[dict]:
        """The state updates sent, as ``{trait: value}``."""
        return [data["state"] for kind, data, _ in self.messages if kind == "comm_msg"]

    def size(self) -> int:
        return sum(len(json.dumps(data)) + sum(map(len, b)) for _, data, b in self.messages)


@pytest.fixture
def view() -> FigureView:
    return FigureView(figure())


def trace_of(view: FigureView, role: str) -> dict:
    (trace,) = [t for t in view.browser_figure()["data"] if t["meta"]["role"] == role]
    return trace


def test_starts_as_the_figure_with_its_title_as_label(view):
    assert view.browser_figure()["data"] == json.loads(figure().to_json())["data"]
    assert view.label == "Rollen & taken"
    assert view.config == {"responsive": True, "displaylogo": False, "displayModeBar": False}
    assert view.layout.autosize is True  # takes the width of its container
    assert FigureView(figure(), config={"displaylogo": True}).config["displaylogo"] is True


def test_restyle_by_role_and_index_updates_python_and_browser(view):
    view.restyle("student", x=[0.5], y=[-0.25], marker_color="red")
    assert view.data[0].x == (0.5,)
    assert view.figure.data[0].marker.color == "red"
    student = trace_of(view, "student")
    assert (student["x"], student["y"], student["marker"]) == ([0.5], [-0.25], {"color": "red"})
    assert view.traces("article") == [1, 2]
    view.restyle("article", visible=True)
    assert [t["visible"] for t in view.browser_figure()["data"][1:3]] == [True, True]
    view.restyle([1, 2], visible=False)
    view.restyle(3, a=[0.6])
    assert view.browser_figure()["data"][3]["a"] == [0.6]
    assert view.patch["traces"]["3"] == {"a": [0.6]}
    assert json.loads(view.to_json())["data"][3]["a"] == [0.6]


def test_relayout_and_unset_properties(view):
    view.relayout(xaxis_range=[-1, 1], paper_bgcolor="#eeeeee", title_text="<i>Nieuw</i>")
    layout = view.browser_figure()["layout"]
    assert layout["xaxis"] == {"range": [-1, 1]}
    assert layout["paper_bgcolor"] == "#eeeeee"
    assert view.layout.title.text == "<i>Nieuw</i>"
    assert view.label == "Nieuw"
    view.restyle(0, marker_color="red")
    view.restyle(0, marker=None)  # unset again: the browser drops it too
    assert "marker" not in trace_of(view, "student")
    assert view.patch["traces"]["0"] == {"marker": None}


def test_hold_sends_one_message_and_nothing_when_nothing_changed(view, monkeypatch):
    wire = Wire(view, monkeypatch)
    with view.hold():
        view.restyle("student", x=[0.1])
        with view.hold():
            view.restyle("article", visible=True)
        view.relayout(height=500)
        assert wire.messages == []
    assert len(wire.updates()) == 1
    patch = wire.updates()[0]["patch"]
    assert patch["traces"] == {"0": {"x": [0.1]}, "1": {"visible": True}, "2": {"visible": True}}
    assert patch["layout"] == {"height": 500}
    sent = view.patch
    view.restyle("student", x=[0.1])  # the same value again
    view.restyle(1, visible=True)
    view.restyle("nobody", x=[1])  # no trace has this role
    with view.hold():
        pass
    assert len(wire.messages) == 1
    assert view.patch is sent
    view.restyle(0, x=[0.0])  # back to the value it started with: still sent
    assert len(wire.updates()) == 2
    assert trace_of(view, "student")["x"] == [0.0]


def test_one_restyle_of_a_small_trace_sends_little(view, monkeypatch):
    wire = Wire(view, monkeypatch)
    view.restyle("student", x=[0.35], y=[-0.6])
    assert len(wire.messages) == 1
    assert wire.size() < 300, wire.messages
    assert len(json.dumps(view.spec)) > 5 * wire.size()  # the figure itself is not re-sent


def test_bad_values_raise_and_change_nothing(view, monkeypatch):
    wire = Wire(view, monkeypatch)
    view.restyle(0, x=[0.5])
    before, figure_before = view.patch, view.to_json()
    with pytest.raises(ValueError):
        view.restyle(0, x=[0.9], marker_color="geen-kleur")
    with pytest.raises(ValueError):
        view.restyle("student", bogus=1)
    with pytest.raises(ValueError):
        view.relayout(xaxis_range=[0, 1], height="hoog")
    with pytest.raises(IndexError):
        view.restyle([0, 9], x=[0.9])
    assert view.patch == before
    assert view.to_json() == figure_before
    assert len(wire.messages) == 1


def test_clicks_reach_callbacks_and_malformed_ones_are_ignored(view):
    clicks = []
    view.on_click(lambda x, y, trace: clicks.append((x, y, trace)))
    view._handle_message(view, {"event": "click", "x": 0.25, "y": -0.5, "trace": 0}, [])
    assert clicks == [(0.25, -0.5, 0)]
    assert view.last_click == {"x": 0.25, "y": -0.5, "trace": 0}
    for bad in (
        "click",
        None,
        {"event": "click", "x": 0.25, "trace": 0},
        {"event": "click", "x": math.nan, "y": 0.1, "trace": 0},
        {"event": "click", "x": "0.2", "y": 0.1, "trace": 0},
        {"event": "click", "x": True, "y": 0.1, "trace": 0},
        {"event": "click", "x": 0.2, "y": 0.1, "trace": 7},
        {"event": "click", "x": 0.2, "y": 0.1, "trace": "0"},
        {"event": "click", "x": 0.2, "y": 0.1, "trace": [0]},
        {"event": "click", "x": 0.2, "y": 0.1},
        {"event": "hover", "x": 0.2, "y": 0.1, "trace": 0},
    ):
        view._handle_message(view, bad, [])
    assert clicks == [(0.25, -0.5, 0)]
    # a ternary point has a, b and c instead of x and y
    view._handle_message(view, {"event": "click", "a": 0.2, "b": 0.3, "c": 0.5, "trace": 3}, [])
    assert clicks[-1] == (None, None, 3)
    assert view.last_click == {"a": 0.2, "b": 0.3, "c": 0.5, "trace": 3}


def test_a_click_message_from_the_browser_arrives(view):
    clicks = []
    view.on_click(lambda *args: clicks.append(args))
    content = {"event": "click", "x": 1, "y": 2, "trace": 0}
    message = {"content": {"data": {"method": "custom", "content": content}}, "buffers": []}
    view.comm.handle_msg(message)
    assert clicks == [(1, 2, 0)]


def test_plotly_js_is_one_shared_library():
    library = plotly_library()
    assert isinstance(library, PlotlyLibrary)
    assert library.source.startswith("/**\n* plotly.js v")
    assert FigureView(figure()).library is library is plotly_library()
    assert "source" not in FigureView(figure()).get_state()  # not once per figure
    library.close()
    assert plotly_library() is not library  # a closed one is replaced


# -- issue 12: no toolbar, a narrow variant --------------------------------------------------------

NARROW = {
    "width": 600,
    "traces": {"0": {"text": ["1"], "textfont": {"size": 9}}},
    "layout": {"margin": {"l": 10}, "showlegend": False},
    "key": [0, {"trace": 3, "label": "4", "text": "Vangrail &amp; vangnet"}],
}


def test_no_toolbar_by_default_nor_in_show(monkeypatch):
    import IPython.display

    from vakmanschap.ui import figure_view

    assert figure_view.DEFAULT_CONFIG["displayModeBar"] is False
    shown: list = []
    monkeypatch.setattr(IPython.display, "display", shown.append)
    figure_view.show(figure())
    figure_view.show(figure(), config={"displayModeBar": True})  # a caller may still ask
    assert [view.config["displayModeBar"] for view in shown] == [False, True]


def test_the_narrow_variant_is_drawn_over_later_changes_from_the_kernel():
    view = FigureView(figure(), narrow=NARROW)
    assert view.narrow == NARROW
    assert view.browser_figure() == view.browser_figure(narrow=False)  # wide: spec + patch
    view.restyle("student", x=[0.5], text=["Mijn rol"], textfont_color="red")
    view.relayout(margin_r=5)
    narrow, wide = view.browser_figure(narrow=True), view.browser_figure()
    student = narrow["data"][0]
    assert student["x"] == [0.5]  # what the variant does not name follows the kernel
    assert student["text"] == ["1"]  # what it names is the variant's on a narrow page
    assert student["textfont"] == {"color": "red", "size": 9}  # nested objects merged
    assert narrow["layout"]["margin"] == {"r": 5, "l": 10}
    assert narrow["layout"]["showlegend"] is False
    assert wide["data"][0]["text"] == ["Mijn rol"]  # and the kernel's again once wide
    assert wide["layout"]["margin"] == {"r": 5} and "showlegend" not in wide["layout"]
    view.restyle("student", x=[-0.5])  # a later change is drawn at both widths
    assert view.browser_figure(narrow=True)["data"][0]["x"] == [-0.5]
    assert view.browser_figure()["data"][0]["x"] == [-0.5]


def test_the_narrow_variant_travels_with_the_figure_and_once(monkeypatch):
    from vakmanschap.plots.style import describe, narrow_patch, set_narrow

    fig = set_narrow(figure(), {k: v for k, v in NARROW.items() if k != "width"})
    fig.layout.meta = {**fig.layout.meta, "description": "Een figuur."}
    assert narrow_patch(fig) == NARROW
    view = FigureView(fig)
    assert view.narrow == NARROW
    assert "narrow" not in view.spec["layout"]["meta"]
    assert describe(view.figure) == "Een figuur."
    assert FigureView(figure()).narrow == {}  # a figure without one is drawn as it is
    wire = Wire(view, monkeypatch)
    view.narrow = {**NARROW, "width": 500}  # a new variant reaches every view
    assert wire.updates() == [{"narrow": {**NARROW, "width": 500}}]


NODE_SCRIPT = r"""
const source = require('fs').readFileSync(0, 'utf8');
const {esm, state, narrow} = JSON.parse(source);
globalThis.document = {createElement: (tag) => ({
  tag, children: [], text: '',
  append(...items) { this.children.push(...items); },
  appendChild(item) { this.children.push(item); },
  get childElementCount() { return this.children.length; },
  set textContent(value) { this.children = []; this.text = value; },
  get textContent() {
    const parts = this.children.map((c) => (typeof c === 'string' ? c : c.textContent));
    return this.text + parts.join('');
  },
})};
const url = 'data:text/javascript;base64,'
  + Buffer.from(esm + '\nexport { compose, fillKey };').toString('base64');
import(url).then(({compose, fillKey}) => {
  const model = {get: (name) => state[name]};
  const figure = compose(model, narrow);
  const list = document.createElement('ul');
  fillKey(list, figure, narrow ? state.narrow.key : []);
  process.stdout.write(JSON.stringify({figure, key: list.children.map((li) => li.textContent)}));
});
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js to run the view's code")
@pytest.mark.parametrize("narrow", [False, True])
def test_the_browser_code_composes_as_browser_figure_says(narrow):
    view = FigureView(figure(), narrow=NARROW)
    view.restyle("student", x=[0.5], text=["Mijn rol"], hovertext=["Mijn <b>rol</b> &amp; ik"])
    view.restyle(2, x=[None])  # a point the kernel hides is not listed
    view.restyle(3, visible=True)
    state = {key: getattr(view, key) for key in ("spec", "patch", "narrow")}
    payload = json.dumps({"esm": _ESM, "state": state, "narrow": narrow})
    done = subprocess.run(
        ["node", "-e", NODE_SCRIPT], input=payload, capture_output=True, text=True, check=True
    )
    result = json.loads(done.stdout)
    assert result["figure"] == view.browser_figure(narrow=narrow)
    assert result["key"] == (["1 Mijn rol & ik", "4 Vangrail & vangnet"] if narrow else [])
