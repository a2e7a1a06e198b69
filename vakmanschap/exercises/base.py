"""The base of every exercise model, the registry of kinds, and shared validators.

An exercise model holds one exercise's state and its rules: the state schema
(:meth:`Exercise.validate`, ``to_dict`` / ``from_dict``), scoring with feedback keys
(:meth:`Exercise.score`) and the tidy rows the class views read (:meth:`Exercise.rows`).
It imports no GUI: widgets (``vakmanschap.ui``) render a model and forward events to it, the
answer store saves it, and :func:`vakmanschap.answers.collect` uses the same class methods
on a class's files.

A kind registers itself with :func:`register`; :func:`kinds` is the one list of kinds that
widgets, the answer store, ``collect`` and the class views use.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar

from ..framework import Framework, load_framework
from ..i18n import t
from ..markup import repair_text

#: Longest own name (a role or a case) an exercise accepts.
MAX_NAME_LENGTH = 80

#: One tidy row of a student's exercise: (item, measure, value).
Row = tuple[str, str, Any]


class StateError(ValueError):
    """Invalid exercise state; the message names the field (``Kind.path``)."""


@dataclass(frozen=True)
class Feedback:
    """Feedback on one item of an exercise, as a message key and its values.

    Attributes
    ----------
    item : str
        What it is about: a role id, a model id, an option number, a subject.
    key : str
        A key of the message catalogue (``vakmanschap.i18n``), e.g. ``"feedback.right"``.
    values : dict
        The placeholders of that message.
    """

    item: str
    key: str
    values: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Score:
    """The result of checking an exercise.

    Attributes
    ----------
    points, total : int or None
        How many items are right out of how many; both None for ungraded work.
    verdict : str
        A message key for the whole exercise (empty when there is nothing to say).
    feedback : tuple of Feedback
        Per item, in the order to show them.
    """

    points: int | None = None
    total: int | None = None
    verdict: str = ""
    feedback: tuple[Feedback, ...] = ()

    @property
    def correct(self) -> bool | None:
        """True when every item is right, None for ungraded work."""
        if self.total is None or self.points is None:
            return None
        return self.points == self.total


E = TypeVar("E", bound="type[Exercise]")
_KINDS: dict[str, type[Exercise]] = {}


def register(cls: E) -> E:
    """Class decorator: make `cls` a known exercise kind under ``cls.kind``."""
    if not cls.kind:
        raise TypeError(f"{cls.__name__} has no kind")
    _KINDS[cls.kind] = cls
    return cls


def kinds() -> dict[str, type[Exercise]]:
    """Every registered exercise kind, by name (the ``widget`` field of a saved state)."""
    return dict(_KINDS)


def kind_of(name: str) -> type[Exercise] | None:
    """The exercise kind registered as `name`, or None."""
    return _KINDS.get(name)


class Exercise:
    """One exercise's state and rules.

    Subclasses set :attr:`kind` and implement :meth:`initial`, :meth:`_validate`,
    :meth:`dump`, :meth:`score_state` and :meth:`rows_of`.

    Parameters
    ----------
    fw : Framework, optional
        Default: :func:`~vakmanschap.load_framework`.
    ident : str, optional
        The question or dilemma the exercise is about, for kinds with :attr:`ident_field`.

    Attributes
    ----------
    state : dict
        The current state, always valid (as :meth:`validate` returns it).
    """

    #: The kind's name, stored as ``widget`` in answer files (keep it stable).
    kind: ClassVar[str] = ""
    #: Version of the saved state; a newer one in a file is refused, an older one is read
    #: through :meth:`migrate`.
    version: ClassVar[int] = 1
    #: The state field naming the question or dilemma (None: the kind has none).
    ident_field: ClassVar[str | None] = None

    def __init__(self, fw: Framework | None = None, ident: str | None = None):
        self.fw = fw or load_framework()
        if self.ident_field is not None and ident is None:
            raise TypeError(f"{type(self).__name__} needs {self.ident_field}")
        self.ident = ident
        self.state: dict = self.initial()
        self._listeners: list[Callable[[Exercise], None]] = []

    # -- to implement ----------------------------------------------------------------------
    def initial(self) -> dict:  # pragma: no cover - every kind overrides
        """The state of an untouched exercise."""
        raise NotImplementedError

    @classmethod
    def _validate(
        cls, fw: Framework, state: Mapping, ident: str | None
    ) -> dict:  # pragma: no cover
        raise NotImplementedError

    @classmethod
    def dump(cls, clean: dict) -> dict:  # pragma: no cover
        """The JSON form of a valid state (without ``widget`` and ``version``)."""
        raise NotImplementedError

    @classmethod
    def score_state(cls, clean: dict, fw: Framework) -> Score:  # pragma: no cover
        """Check a valid state: points and feedback keys (see :class:`Score`)."""
        raise NotImplementedError

    @classmethod
    def rows_of(cls, clean: dict, fw: Framework) -> Iterator[Row]:  # pragma: no cover
        """The tidy rows ``(item, measure, value)`` of a valid state, for class views."""
        raise NotImplementedError

    @classmethod
    def migrate(cls, state: dict, version: int) -> dict:
        """Bring a valid state saved as an older `version` to the meaning of :attr:`version`.

        :meth:`validate` calls it for older versions only, after checking the state with
        :meth:`_validate` (so a message names a field as the file has it). The default keeps
        the state: override it when a new version changes what a saved value means.

        Parameters
        ----------
        state : dict
            The state as :meth:`_validate` returns it.
        version : int
            The version it was saved as, from 1 to ``cls.version - 1``.

        Returns
        -------
        dict
            The state in the current version's meaning.
        """
        return state

    @classmethod
    def sample(cls, fw: Framework) -> dict:  # pragma: no cover
        """A typical, valid saved state (as ``to_dict`` makes it): for documentation,
        examples and the tests that every kind must pass."""
        raise NotImplementedError

    # -- state -------------------------------------------------------------------------------
    @classmethod
    def validate(cls, state: object, fw: Framework, ident: str | None = None) -> dict:
        """Check a saved state without an instance.

        Parameters
        ----------
        state : object
            The state to check, e.g. from an answer file.
        fw : Framework
        ident : str, optional
            The question or dilemma the state must belong to.

        Returns
        -------
        dict
            The valid state, as :attr:`state` holds it; a state of an older version is
            brought to the current one by :meth:`migrate`.

        Raises
        ------
        StateError
            A ``ValueError`` whose message names the field that is wrong.
        """
        if not isinstance(state, Mapping):
            raise StateError(t("state.not_a_dict", widget=cls.kind, type=type(state).__name__))
        if state.get("widget", cls.kind) != cls.kind:
            raise StateError(
                t("state.wrong_widget", widget=cls.kind, value=short(state.get("widget")))
            )
        version = state.get("version", cls.version)
        if (
            isinstance(version, bool)
            or not isinstance(version, int)
            or not 1 <= version <= cls.version
        ):
            raise StateError(
                t(
                    "state.bad_version",
                    field=cls.field("version"),
                    value=short(version),
                    expected=cls.version,
                )
            )
        clean = cls._validate(fw, state, ident)
        return clean if version == cls.version else cls.migrate(clean, version)

    def to_dict(self) -> dict:
        """The state as plain, JSON-serialisable data."""
        return {"widget": self.kind, "version": self.version, **self.dump(self.state)}

    def from_dict(self, state: Mapping) -> None:
        """Restore a state made by :meth:`to_dict`; invalid state changes nothing.

        Raises
        ------
        ValueError
            Naming the field, if `state` is not valid for this kind.
        """
        self.replace(self.validate(state, self.fw, self.ident))

    def replace(self, clean: dict) -> None:
        """Take a valid state and tell the listeners."""
        self.state = clean
        self.changed()

    def score(self) -> Score:
        """Check the current state (see :meth:`score_state`)."""
        return self.score_state(self.state, self.fw)

    def rows(self) -> list[Row]:
        """The tidy rows of the current state (see :meth:`rows_of`)."""
        return list(self.rows_of(self.state, self.fw))

    # -- change notification -------------------------------------------------------------
    def on_change(self, listener: Callable[[Exercise], None]) -> None:
        """Call ``listener(model)`` after every change of the state."""
        self._listeners.append(listener)

    def changed(self) -> None:
        """Tell the listeners (views, the answer store) that the state changed."""
        for listener in list(self._listeners):
            listener(self)

    # -- validators for subclasses -----------------------------------------------------------
    @classmethod
    def field(cls, path: str) -> str:
        """A field's name in messages: ``Kind.path``."""
        return f"{cls.kind}.{path}"

    @classmethod
    def require(cls, state: Mapping, key: str, kind: type | tuple, path: str | None = None):
        """``state[key]``, which must exist and be of type `kind` (bool is no number)."""
        if key not in state:
            raise StateError(t("state.missing", field=cls.field(path or key)))
        value = state[key]
        if (isinstance(value, bool) and kind is not bool) or not isinstance(value, kind):
            raise StateError(t("state.bad_type", field=cls.field(path or key), value=short(value)))
        return value

    @classmethod
    def number(cls, value: object, path: str, low: float, high: float) -> float:
        """`value` as a float in [`low`, `high`]; refuses bools, NaN and huge integers."""
        try:
            valid = (
                not isinstance(value, bool)
                and isinstance(value, int | float)
                and math.isfinite(value)
            )
        except OverflowError:  # an integer too large for a float
            valid = False
        if not valid:
            raise StateError(t("state.bad_number", field=cls.field(path), value=short(value)))
        assert isinstance(value, int | float)
        if not low <= value <= high:
            raise StateError(
                t(
                    "state.out_of_range",
                    field=cls.field(path),
                    value=short(value),
                    low=low,
                    high=high,
                )
            )
        return float(value)

    @classmethod
    def whole(cls, value: object, path: str, low: int, high: int) -> int:
        """`value` as a whole number in [`low`, `high`] (``2.0`` counts, ``2.5`` not)."""
        number = cls.number(value, path, low, high)
        if number != int(number):
            raise StateError(t("state.bad_number", field=cls.field(path), value=short(value)))
        return int(number)

    @classmethod
    def name(cls, value: object, path: str) -> str:
        """A non-empty own name of at most :data:`MAX_NAME_LENGTH` characters, trimmed."""
        if not isinstance(value, str):
            raise StateError(t("state.bad_type", field=cls.field(path), value=short(value)))
        text = repair_text(value).strip()
        if not text:
            raise StateError(t("state.empty", field=cls.field(path)))
        if len(text) > MAX_NAME_LENGTH:
            raise StateError(t("state.too_long", field=cls.field(path), limit=MAX_NAME_LENGTH))
        return text

    @classmethod
    def flag(cls, state: Mapping, key: str) -> bool:
        """An optional true/false field (default False)."""
        value = state.get(key, False)
        if not isinstance(value, bool):
            raise StateError(t("state.bad_type", field=cls.field(key), value=short(value)))
        return value

    @classmethod
    def id_list(cls, state: Mapping, key: str, known: Iterable[str]) -> list[str]:
        """``state[key]``: a non-empty list of ids from `known`, none twice (the items of a
        sorting exercise, in the order shown); a wrong one is refused naming ``key[i]``."""
        ids = cls.require(state, key, list)
        if not ids:
            raise StateError(t("state.empty", field=cls.field(key)))
        allowed = set(known)
        for index, item_id in enumerate(ids):
            path = cls.field(f"{key}[{index}]")
            if not isinstance(item_id, str) or item_id not in allowed:
                raise StateError(t("state.unknown_id", field=path, value=short(item_id)))
            if item_id in ids[:index]:
                raise StateError(t("state.duplicate", field=path, value=short(item_id)))
        return ids

    @classmethod
    def quadrant_answers(cls, fw: Framework, pairs: Iterable[tuple[str, object]]) -> dict:
        """``{item_id: quadrant_id}`` from saved ``(item_id, quadrant_id)`` pairs of a sorting
        exercise (quotes, vignettes); ``None`` is no answer, an unknown quadrant is refused
        naming ``answers.<item_id>``. The caller checks the item ids."""
        quadrants = fw.ids("quadrant")
        answers = {}
        for item_id, quadrant_id in pairs:
            if quadrant_id is None:  # no answer
                continue
            if quadrant_id not in quadrants:
                field_name = cls.field(f"answers.{item_id}")
                raise StateError(t("state.unknown_id", field=field_name, value=short(quadrant_id)))
            answers[item_id] = quadrant_id
        return answers

    @classmethod
    def own_id(cls, state: Mapping, ident: str | None, known: Callable[[str], bool]) -> str:
        """The question or dilemma id of a state: `ident` when given (the state must
        agree), else the state's own; `known` says whether an id exists."""
        assert cls.ident_field is not None
        value = state.get(cls.ident_field, ident)
        if not isinstance(value, str) or (ident is not None and value != ident) or not known(value):
            raise StateError(
                t("state.unknown_id", field=cls.field(cls.ident_field), value=short(value))
            )
        return value


def assign_quadrant(model: Exercise, item_id: str, quadrant_id: str | None) -> None:
    """Put `item_id` (a quote, a vignette) in `quadrant_id` in ``model.state["answers"]``
    (None: no answer); a changed answer must be checked again. Shared by the sorting
    exercises; the caller checks that `item_id` belongs to the exercise."""
    if quadrant_id is not None and quadrant_id not in model.fw.ids("quadrant"):
        raise KeyError(t("state.unknown_id", field=item_id, value=short(quadrant_id)))
    answers = dict(model.state["answers"])
    if quadrant_id is None:
        answers.pop(item_id, None)
    else:
        answers[item_id] = quadrant_id
    if answers == model.state["answers"]:
        return
    model.state.update(answers=answers, checked=False)
    model.changed()


def short(value: object, limit: int = 40) -> str:
    """``repr(value)``, cut to `limit` characters for messages."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
