"""Collecting a class: read many answer files (a folder, a zip from an LMS, uploads) into
tidy tables, and report every file or exercise that could not be used.

Nothing is ever written while collecting; zips are read in memory (see :mod:`.sources` for
how inputs are read). No GUI and no plotting is imported here, so a lecturer's script stays
light.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from ..exercises import kind_of
from ..framework import Framework, load_framework
from ..i18n import t
from .fileformat import AnswerFile, AnswerFileError, in_future, parse_answer_file
from .sources import MAX_ZIP_ENTRIES, MAX_ZIP_TOTAL_BYTES, ReportRow, items

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["MAX_ZIP_ENTRIES", "MAX_ZIP_TOTAL_BYTES", "ClassAnswers", "collect"]

#: The columns of :attr:`ClassAnswers.report`.
REPORT_COLUMNS = ["source", "reason", "related"]
#: The columns of :attr:`ClassAnswers.answers`.
ANSWER_COLUMNS = [
    "student",
    "name",
    "number",
    "source",
    "exercise",
    "widget",
    "item",
    "measure",
    "value",
]
_OLDEST = datetime.min.replace(tzinfo=UTC)


@dataclass
class ClassAnswers:
    """What :func:`collect` found.

    Attributes
    ----------
    answers : pandas.DataFrame
        Tidy: one row per answer, columns ``student`` (id), ``name``, ``number``,
        ``source``, ``exercise``, ``widget``, ``item``, ``measure``, ``value``. Each
        student has at most one row per (``widget``, ``item``, ``measure``).
    report : pandas.DataFrame
        Every file (or exercise) that was not used: ``source``, ``reason`` and ``related``,
        the other file the reason refers to (``""`` if none). Reasons name no file.
    students : pandas.DataFrame
        One row per student: ``student``, ``name``, ``number``, ``source``, ``updated``.
    """

    answers: pd.DataFrame
    report: pd.DataFrame
    students: pd.DataFrame

    def table(self, widget: str, measures: list[str]) -> pd.DataFrame:
        """One row per (student, exercise, item) of one widget, a column per measure."""
        import pandas as pd

        rows = self.answers.loc[self.answers["widget"] == widget]
        if rows.empty:
            return pd.DataFrame(columns=["student", "exercise", "item", *measures])
        wide = rows.pivot_table(
            index=["student", "exercise", "item"],
            columns="measure",
            values="value",
            aggfunc="first",
            observed=True,
        )
        wide = wide.reindex(columns=measures).reset_index()
        wide.columns.name = None
        return wide

    def pseudonymised(self) -> ClassAnswers:
        """The same results with each student shown as "Student 01", "Student 02", ...
        (ordered by id), without names and numbers.

        File names (LMS exports put students' names in them) become "bestand 001",
        "bestand 002", ... in the order they first appear, in the report's ``source`` and
        ``related`` columns alike; reasons are left as they are (they name no file).
        """
        ids = sorted(self.students["student"])
        width = max(2, len(str(len(ids))))
        alias = {sid: f"Student {i:0{width}d}" for i, sid in enumerate(ids, start=1)}

        def hide(frame: pd.DataFrame) -> pd.DataFrame:
            frame = frame.copy()
            if "student" in frame:
                frame["student"] = frame["student"].map(alias)
            for column in ("name", "number"):
                if column in frame:
                    frame[column] = ""
            if "source" in frame:
                frame["source"] = frame.get("student", "")
            return frame

        report = self.report.copy()
        if "related" not in report:
            report["related"] = ""
        names = dict.fromkeys([*report["source"], *report["related"], *self.students["source"]])
        names.pop("", None)
        digits = max(3, len(str(len(names))))
        label = t("answers.file")
        files = {name: f"{label} {i:0{digits}d}" for i, name in enumerate(names, start=1)}
        files[""] = ""
        report["source"] = report["source"].map(files)
        report["related"] = report["related"].map(files)
        return ClassAnswers(hide(self.answers), report, hide(self.students))


def _stamp(state: object, now: datetime) -> datetime:
    """An exercise's own ``updated`` stamp, for choosing among copies; a missing, unreadable
    or future stamp counts as the oldest."""
    value = state.get("updated") if isinstance(state, dict) else None
    if not isinstance(value, str):
        return _OLDEST
    try:
        stamp = datetime.fromisoformat(value)
    except ValueError:
        return _OLDEST
    stamp = stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)
    return _OLDEST if in_future(stamp, now) else stamp


def _rows(fw: Framework, doc: AnswerFile, report: list[ReportRow]) -> Iterator[tuple]:
    """Tidy rows (exercise, kind, item, measure, value) of one student's exercises, as each
    exercise kind yields them, in the file's order.

    Each (kind, item, measure) counts once: a (kind, item) is taken from the newest exercise
    that has it (by the exercise's ``updated``; future stamps do not count; at equal times
    the first key in sorted order). An exercise that lost answers to another is reported once.
    """
    exercises, now = doc.exercises, datetime.now(UTC)
    stamps = {key: _stamp(doc.raw.get(key), now) for key in exercises}
    newest_first = sorted(sorted(exercises), key=stamps.__getitem__, reverse=True)
    owner: dict[tuple, str] = {}
    counted: set[tuple] = set()
    taken: dict[str, list[tuple]] = {}
    beaten: dict[str, set[str]] = {}
    for key in newest_first:
        kind = str(key).split(":", 1)[0]
        cls = kind_of(kind)
        if cls is None:  # pragma: no cover - parse_answer_file keeps only known kinds
            continue
        own = taken[key] = []
        for item, measure, value in cls.rows_of(exercises[key], fw):
            first = owner.setdefault((kind, item), key)
            if first != key:
                beaten.setdefault(key, set()).add(first)
            elif (kind, item, measure) not in counted:
                counted.add((kind, item, measure))
                own.append((key, kind, item, measure, value))
    for key in exercises:
        yield from taken.get(key, ())
        if key in beaten:
            kept = sorted(beaten[key])
            shown = ", ".join(f"'{k}'" for k in kept[:3]) + (", …" if len(kept) > 3 else "")
            report.append(
                (doc.source, t("answers.duplicate_exercise", exercise=key, kept=shown), "")
            )


def collect(source, fw: Framework | None = None) -> ClassAnswers:
    """Read a class's answer files.

    Parameters
    ----------
    source : path, bytes or list
        A folder (read recursively; links are not followed), a ``.zip`` (for example
        exported from Brightspace, Canvas or Moodle; read in memory, nothing is extracted),
        one ``.json`` file, the bytes of a zip, or uploaded files (an ipywidgets
        ``FileUpload`` value, or ``(name, bytes)`` pairs; zips among them are opened too).
    fw : Framework, optional

    Returns
    -------
    ClassAnswers
        The tidy answers, and a report of every file or exercise that could not be used
        and why. When a student handed in more than one file, the newest is used (by its
        ``updated`` stamp; a stamp in the future does not count) and the others are
        reported, with the file used as ``related``. Copies of an exercise in one file
        count once.

    Notes
    -----
    Nothing a student hands in ends the collection: a damaged zip, an odd folder entry or a
    broken file becomes a report row, and the other files are still read.
    """
    import pandas as pd

    fw = fw or load_framework()
    report: list[ReportRow] = []
    chosen: dict[str, AnswerFile] = {}
    passed_over: dict[str, list[str]] = {}
    for name, data in items(source, report):
        try:
            doc = parse_answer_file(data, name, fw)
        except AnswerFileError as exc:
            report.append((name, str(exc), ""))
            continue
        report.extend((name, problem, "") for problem in doc.problems)
        key = doc.student_key
        earlier = chosen.get(key)
        if earlier is None:
            chosen[key] = doc
            continue
        newer, older = (doc, earlier) if _is_newer_file(doc, earlier) else (earlier, doc)
        chosen[key] = newer
        passed_over.setdefault(key, []).append(older.source)
    for key, sources in passed_over.items():
        used = chosen[key].source
        report.extend((older, t("answers.duplicate_file"), used) for older in sources)

    rows, students = [], []
    for student, doc in chosen.items():
        students.append(
            {
                "student": student,
                "name": doc.name,
                "number": doc.number,
                "source": doc.source,
                "updated": doc.updated,
            }
        )
        for exercise, widget, item, measure, value in _rows(fw, doc, report):
            rows.append(
                (student, doc.name, doc.number, doc.source, exercise, widget, item, measure, value)
            )
    answers = pd.DataFrame(rows, columns=ANSWER_COLUMNS)
    answers["value"] = answers["value"].astype(object)
    return ClassAnswers(
        answers=answers,
        report=pd.DataFrame(report, columns=REPORT_COLUMNS),
        students=pd.DataFrame(students, columns=["student", "name", "number", "source", "updated"]),
    )


def _is_newer_file(a: AnswerFile, b: AnswerFile) -> bool:
    """Whether `a` is to be used rather than `b`: the newer trusted stamp (a stamp in the
    future counts as none); between two files without one, the one read later."""
    a_stamp, b_stamp = a.trusted_updated, b.trusted_updated
    if a_stamp is None:
        return b_stamp is None
    return b_stamp is None or a_stamp >= b_stamp
