"""One answer file: its format, and reading it with every check (no GUI, no plotting).

File format (``schema_version`` 1)::

    {"schema": "vakmanschap-answers", "schema_version": 1,
     "student": {"name": "...", "number": "..."},
     "updated": "2026-12-01T10:00:00+00:00",
     "exercises": {"RolePlacer:03-tabel-1": {"widget": "RolePlacer", "version": 1,
                                             "updated": "...", ...}, ...}}

The part of a key before ``:`` names the exercise kind; :func:`vakmanschap.exercises.kinds`
says which kinds there are and validates each exercise.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from ..exercises import kind_of
from ..framework import Framework, load_framework
from ..i18n import t
from ..markup import repair_text, unencodable

SCHEMA = "vakmanschap-answers"
SCHEMA_VERSION = 1
MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 20
MAX_NAME_LENGTH = 80
MAX_NUMBER_LENGTH = 40
#: Environment variable naming the student's answer file (default: ``mijn-antwoorden.json``
#: in the folder the notebook runs in).
ENV_FILE = "VAKMANSCHAP_ANSWERS"


class AnswerFileError(ValueError):
    """An answer file that cannot be used; the message says why."""


def _now() -> str:
    """This moment, to the microsecond (two saves in one second stay in order)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


# --------------------------------------------------------------------------------------
# Reading one answer file
# --------------------------------------------------------------------------------------


#: json's (English) messages, by their start, to the catalogue's reasons.
_JSON_REASONS = (
    ("Expecting value", "json.msg.expecting_value"),
    ("Expecting ',' delimiter", "json.msg.expecting_delimiter"),
    ("Expecting ':' delimiter", "json.msg.expecting_colon"),
    ("Expecting property name", "json.msg.expecting_name"),
    ("Unterminated string", "json.msg.unterminated_string"),
    ("Extra data", "json.msg.extra_data"),
    ("Invalid control character", "json.msg.control_character"),
    ("Invalid \\escape", "json.msg.bad_escape"),
    ("Invalid \\uXXXX escape", "json.msg.bad_escape"),
)


def json_reason(message: str) -> str:
    """Why json stopped, in the user's language (`message` is ``JSONDecodeError.msg``)."""
    for start, key in _JSON_REASONS:
        if message.startswith(start):
            return t(key)
    return t("json.msg.other")


def _reject_constant(name: str):
    raise AnswerFileError(t("answers.nan", value=name))


def _depth(value: object) -> int:
    """Nesting depth of parsed JSON, without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if level > MAX_DEPTH:
            return level
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
    return deepest


def _text(value: object, field: str, limit: int, problems: list[str]) -> str:
    """A name or number: a problem drops this field (``""``), never the file."""
    if value is None:
        return ""
    if not isinstance(value, str):
        problems.append(t("answers.field_dropped", field=field, reason=t("answers.not_text")))
        return ""
    value = value.strip()
    if len(value) > limit:
        reason = t("state.too_long", field=field, limit=limit)
        problems.append(t("answers.field_dropped", field=field, reason=reason))
        return ""
    return value


def _repaired(doc: object, problems: list[str]) -> object:
    """`doc` with every unencodable string (keys too) repaired, each repair named in
    `problems` by its path; without recursion (the depth is checked before)."""

    def fix(text: str, path: str) -> str:
        if unencodable(text):
            problems.append(t("answers.text_repaired", field=path))
            return repair_text(text)
        return text

    root: list = [doc]
    stack: list[tuple[object, object, str]] = [(root, 0, "")]
    while stack:
        parent, key, path = stack.pop()
        value = parent[key]  # type: ignore[index]
        if isinstance(value, str):
            parent[key] = fix(value, path or "/")  # type: ignore[index]
        elif isinstance(value, dict):
            fixed = {fix(k, f"{path}/{k!r}"): v for k, v in value.items()}
            parent[key] = fixed  # type: ignore[index]
            stack.extend((fixed, k, f"{path}/{k}") for k in fixed)
        elif isinstance(value, list):
            stack.extend((value, i, f"{path}[{i}]") for i in range(len(value)))
    return root[0]


#: How far ahead of this computer's clock a stamp may be before it is not trusted.
CLOCK_TOLERANCE = timedelta(minutes=10)


def _timestamp(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        stamp = datetime.fromisoformat(value)
    except ValueError:
        return None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)


def in_future(stamp: datetime | None, now: datetime | None = None) -> bool:
    """Whether `stamp` lies further ahead than :data:`CLOCK_TOLERANCE` (a fast clock on the
    computer that wrote it, or an edited file): such a stamp wins no comparison."""
    return stamp is not None and stamp > (now or datetime.now(UTC)) + CLOCK_TOLERANCE


@dataclass
class AnswerFile:
    """One parsed answer file: who, when, and the exercises that passed validation.

    Attributes
    ----------
    source : str
        Where it came from (file name, or ``zip name/entry``).
    name, number : str
        The student's name and student number (either may be empty).
    updated : datetime or None
        When the file was last written.
    exercises : dict
        ``{"Widget:key": cleaned state}`` for every valid exercise.
    raw : dict
        ``{"Widget:key": state as in the file}`` for the same exercises.
    rejected : dict
        The exercises that did not pass validation, as in the file (kept, not lost).
    problems : list of str
        Exercises that were skipped, each with the reason.
    """

    source: str
    name: str
    number: str
    updated: datetime | None
    student_updated: datetime | None = None
    exercises: dict = field(default_factory=dict)
    raw: dict = field(default_factory=dict)
    rejected: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)

    @property
    def trusted_updated(self) -> datetime | None:
        """:attr:`updated`, or None when it lies in the future (see :func:`in_future`)."""
        return None if in_future(self.updated) else self.updated

    @property
    def student_key(self) -> str:
        """Who this is: the student number, else the name, else the source."""
        if self.number:
            return f"nr:{self.number.casefold()}"
        if self.name:
            return f"naam:{' '.join(self.name.casefold().split())}"
        return f"bestand:{self.source}"


def parse_answer_file(data: bytes, source: str, fw: Framework | None = None) -> AnswerFile:
    """Parse and validate one answer file.

    Parameters
    ----------
    data : bytes
        The file's content.
    source : str
        Its name, used in messages.
    fw : Framework, optional

    Returns
    -------
    AnswerFile
        Exercises that fail validation are left out and listed in ``problems``; the
        rest is kept.

    Raises
    ------
    AnswerFileError
        When the file as a whole cannot be used: too large, empty, not UTF-8, not JSON,
        not an object, too deeply nested, not a vakmanschap answer file, or a newer
        schema version.
    """
    fw = fw or load_framework()
    if len(data) > MAX_FILE_BYTES:
        raise AnswerFileError(t("answers.too_large", size=len(data), limit=MAX_FILE_BYTES))
    if not data.strip():
        raise AnswerFileError(t("answers.empty"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AnswerFileError(t("answers.not_utf8", position=exc.start)) from None
    try:
        doc = json.loads(text, parse_constant=_reject_constant)
    except RecursionError:
        raise AnswerFileError(t("answers.too_deep", limit=MAX_DEPTH)) from None
    except json.JSONDecodeError as exc:
        raise AnswerFileError(
            t("answers.bad_json", detail=json_reason(exc.msg), line=exc.lineno, column=exc.colno)
        ) from None
    except AnswerFileError:  # NaN or Infinity (see _reject_constant), said as it is
        raise
    except ValueError:  # e.g. an integer literal longer than Python allows
        raise AnswerFileError(
            t("answers.bad_json", detail=t("json.msg.other"), line="?", column="?")
        ) from None
    if not isinstance(doc, dict):
        raise AnswerFileError(t("answers.not_object", type=t(f"json.type.{type(doc).__name__}")))
    if _depth(doc) > MAX_DEPTH:
        raise AnswerFileError(t("answers.too_deep", limit=MAX_DEPTH))
    problems: list[str] = []
    doc = _repaired(doc, problems)  # text is valid from here on: nothing later fails on it
    assert isinstance(doc, dict)
    if doc.get("schema") != SCHEMA:
        raise AnswerFileError(t("answers.not_ours"))
    version = doc.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise AnswerFileError(t("answers.bad_version", value=repr(version)[:20]))
    if version > SCHEMA_VERSION:
        raise AnswerFileError(t("answers.future_version", value=version, ours=SCHEMA_VERSION))
    student = doc.get("student", {})
    if not isinstance(student, dict):
        raise AnswerFileError(t("answers.bad_field", field="student"))
    exercises = doc.get("exercises")
    if not isinstance(exercises, dict):
        raise AnswerFileError(t("answers.bad_field", field="exercises"))
    result = AnswerFile(
        source=source,
        name=_text(student.get("name"), "student.name", MAX_NAME_LENGTH, problems),
        number=_text(student.get("number"), "student.number", MAX_NUMBER_LENGTH, problems),
        updated=_timestamp(doc.get("updated")),
        student_updated=_timestamp(student.get("updated")),
        problems=problems,
    )
    if in_future(result.updated):
        problems.append(t("answers.future_stamp", field="updated", stamp=doc.get("updated")))
    for key, state in exercises.items():
        cls = kind_of(str(key).split(":", 1)[0])
        if cls is None:
            result.problems.append(t("answers.unknown_exercise", exercise=key))
            result.rejected[key] = state
            continue
        try:
            result.exercises[key] = cls.validate(state, fw)
            result.raw[key] = state
            stamp = state.get("updated") if isinstance(state, dict) else None
            if in_future(_timestamp(stamp)):
                field_name = f"exercises/{key}/updated"
                problems.append(t("answers.future_stamp", field=field_name, stamp=stamp))
        except (ValueError, TypeError, OverflowError) as exc:
            result.problems.append(t("answers.bad_exercise", exercise=key, reason=exc))
            result.rejected[key] = state
    return result
