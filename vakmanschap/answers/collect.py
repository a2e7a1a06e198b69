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
from .lms import LmsIdentity, Receipts, distinct_attempts, is_receipt, newer_attempt
from .sources import (
    MAX_ZIP_ENTRIES,
    MAX_ZIP_TOTAL_BYTES,
    Progress,
    ProgressCallback,
    ReportRow,
    items,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "MAX_ZIP_ENTRIES",
    "MAX_ZIP_TOTAL_BYTES",
    "ClassAnswers",
    "ProgressCallback",
    "collect",
]

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
#: The columns of :attr:`ClassAnswers.students`.
STUDENT_COLUMNS = ["student", "name", "number", "source", "updated", "lms", "lms_name", "lms_id"]
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
        One row per student: ``student``, ``name``, ``number``, ``source`` (the file used),
        ``updated``, and what the LMS export's names say (``""`` when nothing): ``lms``
        (``"Canvas"``, ``"Moodle"``, ``"Brightspace"``, ``"Blackboard"``), ``lms_name``,
        ``lms_id``.
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
        (ordered by id), without names and numbers (the LMS's neither).

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
            for column in ("name", "number", "lms_name", "lms_id"):
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


def collect(
    source, fw: Framework | None = None, *, progress: ProgressCallback | None = None
) -> ClassAnswers:
    """Read a class's answer files.

    Parameters
    ----------
    source : path, bytes or list
        A folder (read recursively; links are not followed), a ``.zip`` (for example
        exported from Brightspace, Canvas or Moodle; read in memory, nothing is extracted),
        one ``.json`` file, the bytes of a zip, or uploaded files (an ipywidgets
        ``FileUpload`` value, or ``(name, bytes)`` pairs; zips among them are opened too).
    fw : Framework, optional
    progress : callable, optional
        ``progress(done, total)`` is called while the files are read: first with
        ``(0, None)``, then whenever a file is read or reported (``done``) or more files
        are found (``total``: a folder's files once it is walked, a zip's entries once it
        is opened, so it can grow). ``done`` never decreases and never exceeds ``total``;
        the last call has ``done == total``. It is called for every file: a GUI decides
        how often to redraw.

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

    A file in an LMS export (Canvas, Moodle, Brightspace, Blackboard; see
    :mod:`.lms` and ``docs/lms-exports.md``) is also known by the name the LMS gave it.
    A file without a student name and number takes the LMS's name and id, and such files of
    one person in the LMS are one student; a file with a name or number stays known by it
    (see :attr:`_Entry.student`). Of two attempts of one student the later one (by the LMS's
    order, else by ``updated``) is used, the other reported as an older attempt.
    """
    import pandas as pd

    fw = fw or load_framework()
    report: list[ReportRow] = []
    entries: list[_Entry] = []
    receipts = Receipts()
    tracker = Progress(progress)
    tracker.start()
    for name, data in items(source, report, tracker):
        if is_receipt(name):  # who a Blackboard attempt is; read before the files are sorted
            receipts.add(name, data)
            continue
        try:
            doc = parse_answer_file(data, name, fw)
        except AnswerFileError as exc:
            report.append((name, str(exc), ""))
            continue
        report.extend((name, problem, "") for problem in doc.problems)
        entries.append(_Entry(doc, None, own=bool(doc.name or doc.number)))
    tracker.finish()
    for entry in entries:  # now that every receipt is read
        entry.lms = receipts.identify(entry.doc.source)
        if entry.lms is not None and not entry.own:  # a file with a name keeps its own
            entry.doc.name, entry.doc.number = entry.lms.name, entry.lms.user_id
    report.extend((path, t(f"answers.lms_receipt_{why}"), "") for path, why in receipts.unused())
    chosen, passed_over = _one_per_student(entries)
    for key, older_entries in passed_over.items():
        used = chosen[key]
        for older in older_entries:
            again = distinct_attempts(older.lms, used.lms)
            reason = t("answers.older_attempt" if again else "answers.duplicate_file")
            report.append((older.doc.source, reason, used.doc.source))

    rows, students = [], []
    for entry in chosen.values():
        doc, student, lms = entry.doc, entry.student, entry.lms
        students.append(
            {
                "student": student,
                "name": doc.name,
                "number": doc.number,
                "source": doc.source,
                "updated": doc.updated,
                "lms": lms.lms if lms else "",
                "lms_name": lms.name if lms else "",
                "lms_id": lms.user_id if lms else "",
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
        students=pd.DataFrame(students, columns=STUDENT_COLUMNS),
    )


@dataclass
class _Entry:
    """One answer file read, with the LMS identity its name gives (if any) and whether the
    file names its student itself (a name or a number)."""

    doc: AnswerFile
    lms: LmsIdentity | None
    own: bool

    @property
    def student(self) -> str:
        """The student id; files with the same id are one student's.

        A file with its own name or number is that number (else that name), wherever it
        lies: the LMS person never joins it to other files, so files with different numbers
        stay different students also under one LMS person (two Brightspace students with one
        name; a Canvas user whose files carry different numbers). A file without a name and
        without a number is the LMS person, so it joins that person's other such files only;
        without an LMS identity either, it is its file (``bestand:...``)."""
        if self.own or self.lms is None:
            return self.doc.student_key
        return self.lms.person


def _one_per_student(
    entries: list[_Entry],
) -> tuple[dict[str, _Entry], dict[str, list[_Entry]]]:
    """The file used per student, and the files passed over for it, by student id
    (:attr:`_Entry.student`). Of two files of one student the newer is kept
    (:func:`_is_newer`)."""
    chosen: dict[str, _Entry] = {}
    passed_over: dict[str, list[_Entry]] = {}
    for entry in entries:
        key = entry.student
        best = chosen.setdefault(key, entry)
        if best is entry:
            continue
        newer, older = (entry, best) if _is_newer(entry, best) else (best, entry)
        chosen[key] = newer
        passed_over.setdefault(key, []).append(older)
    return chosen, passed_over


def _is_newer(a: _Entry, b: _Entry) -> bool:
    """Whether `a` is to be used rather than `b`: the later attempt where the LMS orders
    them (:func:`.lms.newer_attempt`), else :func:`_is_newer_file`."""
    order = newer_attempt(a.lms, b.lms)
    return _is_newer_file(a.doc, b.doc) if order is None else order


def _is_newer_file(a: AnswerFile, b: AnswerFile) -> bool:
    """Whether `a` is to be used rather than `b`: the newer trusted stamp (a stamp in the
    future counts as none); between two files without one, the one read later."""
    a_stamp, b_stamp = a.trusted_updated, b.trusted_updated
    if a_stamp is None:
        return b_stamp is None
    return b_stamp is None or a_stamp >= b_stamp
