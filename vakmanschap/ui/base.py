"""What every exercise widget shares: one model, rendering from it, and ``get(key)``.

A widget is a view: it builds controls, forwards their events to its model
(:mod:`vakmanschap.exercises`) and re-renders when the model changes, whoever changed it
(the student, a restore from the answer file, an upload). It holds no rule of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, ClassVar, Self

import ipywidgets as widgets

from ..exercises import Exercise, Score
from ..i18n import t
from ..markup import Markup, html, join
from .a11y import accessible_names

#: Every widget made by ``get``, by (kind, key): a re-run cell shows the same one.
_INSTANCES: dict[tuple[str, str], ExerciseWidget] = {}


def align(*controls: widgets.Widget) -> None:
    """Give `controls` one label width, so their sliders and fields line up."""
    width = max(len(control.description) for control in controls)
    for control in controls:
        control.style.description_width = f"{width + 1}ch"


def label(control: widgets.Widget, text: str) -> Any:
    """Give `control` its visible, screen-reader label and a tooltip with the same text."""
    control.description = text
    control.tooltip = text
    control.style.description_width = "initial"
    if isinstance(
        control, widgets.FloatSlider | widgets.IntSlider | widgets.Text | widgets.Dropdown
    ):
        control.layout.width = "min(640px, 100%)"
    return control


def check_button(text: str, on_click: Callable[[], object]) -> widgets.Button:
    """The primary "Controleer" button of an exercise."""
    button = widgets.Button(description=text, button_style="primary", icon="check", tooltip=text)
    button.on_click(lambda _: on_click())
    return button


def feedback_box() -> widgets.HTML:
    """An HTML output for feedback, announced to screen readers when it changes."""
    box = widgets.HTML()
    box.add_class("vakmanschap-feedback")
    return box


def status(message: str) -> Markup:
    """A short status line for a screen reader to announce."""
    return html("<p role='status'>{}</p>", message)


def verdict_html(score: Score, items: list[Markup], after: Markup | str = "") -> Markup:
    """A checked exercise's feedback: the verdict with its mark, items as a list, and text
    after it."""
    mark = "✔" if score.correct else "✘"
    head = t(score.verdict, correct=score.points, total=score.total)
    listing = html("<ul>{}</ul>", join(items)) if items else ""
    return html(
        "<div role='status' aria-live='polite'><p><b>{} {}</b></p>{}{}</div>",
        mark,
        head,
        listing,
        after,
    )


class ExerciseWidget(widgets.VBox):
    """A displayable exercise: a view over one :class:`~vakmanschap.exercises.Exercise`.

    Subclasses set :attr:`model_class`, build their controls, and implement
    :meth:`render` (show the model's state) and event handlers that call the model.
    """

    model_class: ClassVar[type[Exercise]]
    #: Name of the constructor argument that :meth:`get` fills with its key, if any.
    key_argument: ClassVar[str | None] = None
    #: The key this instance is registered under by :meth:`get` (None if made directly).
    key: str | None = None

    def __init__(self, model: Exercise, children: list[widgets.Widget], css: str):
        self.model = model
        self.fw = model.fw
        self._rendering = False
        super().__init__([*children, accessible_names()])
        self.add_class(css)
        model.on_change(lambda _model: self._render())
        self._render()

    # -- the exercise API, as before: state lives in the model -----------------------------
    @classmethod
    def get(cls, key: str, /, **kwargs: Any) -> Self:
        """Return the exercise registered under `key`, creating it on first use.

        Notebooks call this instead of the constructor, so that re-running a cell shows
        the same widget with the student's answers instead of a fresh one; the model is
        attached to the student's answer file (restored from it, saved on every change).

        Parameters
        ----------
        key : str
            A name unique within the collection, e.g. ``"03-tabel-1"``. For ``Quiz`` and
            ``Reflection`` it is the question id, for ``TensionQuiz`` the dilemma id.
        **kwargs
            Passed to the constructor the first time.
        """
        found = _INSTANCES.get((cls.model_class.kind, key))
        if not isinstance(found, cls):
            if cls.key_argument and cls.key_argument not in kwargs:
                kwargs[cls.key_argument] = key
            found = cls(**kwargs)
            found.key = key
            _INSTANCES[(cls.model_class.kind, key)] = found
            from ..answers import answer_store

            answer_store().attach(found.model, key)
        return found

    def to_dict(self) -> dict:
        """The state as plain, JSON-serialisable data (see the model's ``to_dict``)."""
        return self.model.to_dict()

    def from_dict(self, state: Mapping) -> None:
        """Restore a state made by :meth:`to_dict`; an invalid one raises a ``ValueError``
        naming the field and changes nothing."""
        self.model.from_dict(state)

    @classmethod
    def validate_state(cls, state: object, fw: Any, ident: str | None = None) -> dict:
        """Check a saved state without a widget (the model's ``validate``)."""
        return cls.model_class.validate(state, fw, ident)

    def score(self) -> Score:
        """The model's score of the current state."""
        return self.model.score()

    # -- rendering ------------------------------------------------------------------------------
    @contextmanager
    def quietly(self) -> Iterator[None]:
        """Set controls from the model without their events reaching the model again."""
        self._rendering = True
        try:
            yield
        finally:
            self._rendering = False

    def _render(self) -> None:
        with self.quietly():
            self.render()

    def render(self) -> None:  # pragma: no cover - every subclass overrides
        """Show the model's state in the controls, the figure and the feedback."""
        raise NotImplementedError

    def forward(self, action: Callable[..., object]) -> Callable[[dict], None]:
        """An observer that calls ``action(new value)`` unless the change came from
        :meth:`render`."""

        def observer(change: dict) -> None:
            if not self._rendering:
                action(change["new"])

        return observer
