"""Collecting a class: read many answer files (a folder, a zip from an LMS, uploads) into
tidy tables, and report every file or exercise that could not be used.

Nothing is ever written while collecting; zips are read in memory. No GUI and no plotting
is imported here, so a lecturer's script stays light.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from ..exercises import kind_of
from ..framework import Framework, load_framework
from ..i18n import t
from .fileformat import MAX_FILE_BYTES, AnswerFile, AnswerFileError, parse_answer_file

if TYPE_CHECKING:
    import pandas as pd

MAX_ZIP_ENTRIES = 50_000
#: Most bytes read from one zip in all (a zip bomb stops there).
MAX_ZIP_TOTAL_BYTES = 500_000_000


def _safe_member(name: str) -> bool:
    """A zip entry name that is relative and stays inside the archive."""
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return False
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return ".." not in parts


def _from_zip(data_or_path, label: str, report: list) -> Iterator[tuple[str, bytes]]:
    try:
        archive = zipfile.ZipFile(data_or_path)
    except (zipfile.BadZipFile, OSError) as exc:
        report.append((label, t("answers.bad_zip", reason=exc)))
        return
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_ENTRIES:
            report.append((label, t("answers.zip_too_many", limit=MAX_ZIP_ENTRIES)))
            return
        total = 0
        for info in infos:
            if info.is_dir():
                continue
            where = f"{label}/{info.filename}"
            if total > MAX_ZIP_TOTAL_BYTES:
                report.append((where, t("answers.zip_too_large", limit=MAX_ZIP_TOTAL_BYTES)))
                continue
            if not _safe_member(info.filename):
                report.append((where, t("answers.unsafe_name")))
                continue
            if not info.filename.lower().endswith(".json"):
                report.append((where, t("answers.not_json_name")))
                continue
            if info.file_size > MAX_FILE_BYTES:
                report.append(
                    (where, t("answers.too_large", size=info.file_size, limit=MAX_FILE_BYTES))
                )
                continue
            try:
                with archive.open(info) as member:
                    data = member.read(MAX_FILE_BYTES + 1)
            except (zipfile.BadZipFile, OSError, RuntimeError, EOFError, zlib.error) as exc:
                report.append((where, t("answers.bad_zip", reason=exc)))
                continue
            total += len(data)
            if len(data) > MAX_FILE_BYTES:  # the entry lied about its size
                report.append((where, t("answers.too_large", size=len(data), limit=MAX_FILE_BYTES)))
                continue
            yield where, data


def _items(source, report: list) -> Iterator[tuple[str, bytes]]:
    """Every (name, content) to read from `source`; unusable ones go to `report`."""
    if isinstance(source, bytes | bytearray | memoryview):
        yield from _from_zip(io.BytesIO(bytes(source)), "upload.zip", report)
        return
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file())
            if not files:
                report.append((str(path), t("answers.empty_folder")))
            for file in files:
                yield from _items_of_file(file, str(file.relative_to(path)), report)
            return
        if path.is_file():
            yield from _items_of_file(path, path.name, report)
            return
        report.append((str(path), t("answers.no_such_source")))
        return
    items = list(source) if isinstance(source, Iterable) else []
    if not items:
        report.append(("upload", t("answers.nothing_uploaded")))
    for item in items:
        if isinstance(item, dict):  # ipywidgets FileUpload value
            name, data = str(item.get("name", "upload")), bytes(item.get("content", b""))
        elif isinstance(item, tuple) and len(item) == 2:
            name, data = str(item[0]), bytes(item[1])
        else:
            yield from _items(item, report)
            continue
        if name.lower().endswith(".zip"):
            yield from _from_zip(io.BytesIO(data), name, report)
        else:
            yield name, data


def _items_of_file(path: Path, label: str, report: list) -> Iterator[tuple[str, bytes]]:
    if path.suffix.lower() == ".zip":
        yield from _from_zip(path, label, report)
    elif path.suffix.lower() == ".json":
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            report.append((label, t("answers.unreadable", reason=exc)))
            return
        if len(data) > MAX_FILE_BYTES:
            report.append((label, t("answers.too_large", size=len(data), limit=MAX_FILE_BYTES)))
        else:
            yield label, data
    else:
        report.append((label, t("answers.not_json_name")))


@dataclass
class ClassAnswers:
    """What :func:`collect` found.

    Attributes
    ----------
    answers : pandas.DataFrame
        Tidy: one row per answer, columns ``student`` (id), ``name``, ``number``,
        ``source``, ``exercise``, ``widget``, ``item``, ``measure``, ``value``.
    report : pandas.DataFrame
        Every file (or exercise) that was not used: ``source`` and ``reason``.
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
        (ordered by id), without names and numbers."""
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

        # file names (LMS exports put students' names in them) become "bestand 001", also
        # where a reason mentions another file
        names = sorted(
            set(self.report["source"]) | set(self.students["source"]), key=len, reverse=True
        )
        files = {name: f"{t('answers.file')} {i:03d}" for i, name in enumerate(names, start=1)}
        report = self.report.copy()
        report["source"] = report["source"].map(files)
        reasons = []
        for reason in report["reason"]:
            for name, label in files.items():
                reason = reason.replace(name, label)
            reasons.append(reason)
        report["reason"] = reasons
        return ClassAnswers(hide(self.answers), report, hide(self.students))


def _rows(fw: Framework, doc: AnswerFile) -> Iterator[tuple]:
    """Tidy rows (exercise, kind, item, measure, value) of one student's exercises, as
    each exercise kind yields them."""
    for key, clean in doc.exercises.items():
        kind = str(key).split(":", 1)[0]
        cls = kind_of(kind)
        if cls is None:  # pragma: no cover - parse_answer_file keeps only known kinds
            continue
        for item, measure, value in cls.rows_of(clean, fw):
            yield key, kind, item, measure, value


def collect(source, fw: Framework | None = None) -> ClassAnswers:
    """Read a class's answer files.

    Parameters
    ----------
    source : path, bytes or list
        A folder (read recursively), a ``.zip`` (for example exported from Brightspace,
        Canvas or Moodle; read in memory, nothing is extracted), one ``.json`` file, the
        bytes of a zip, or uploaded files (an ipywidgets ``FileUpload`` value, or
        ``(name, bytes)`` pairs; zips among them are opened too).
    fw : Framework, optional

    Returns
    -------
    ClassAnswers
        The tidy answers, and a report of every file or exercise that could not be used
        and why. When a student handed in more than one file, the newest is used and
        the others are reported.
    """
    import pandas as pd

    fw = fw or load_framework()
    report: list[tuple[str, str]] = []
    chosen: dict[str, AnswerFile] = {}
    for name, data in _items(source, report):
        try:
            doc = parse_answer_file(data, name, fw)
        except AnswerFileError as exc:
            report.append((name, str(exc)))
            continue
        report.extend((name, problem) for problem in doc.problems)
        key = doc.student_key
        earlier = chosen.get(key)
        if earlier is None:
            chosen[key] = doc
            continue
        newer, older = (doc, earlier) if _is_newer_file(doc, earlier) else (earlier, doc)
        chosen[key] = newer
        report.append((older.source, t("answers.duplicate", newer=newer.source)))

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
        for exercise, widget, item, measure, value in _rows(fw, doc):
            rows.append(
                (student, doc.name, doc.number, doc.source, exercise, widget, item, measure, value)
            )
    columns = [
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
    answers = pd.DataFrame(rows, columns=columns)
    answers["value"] = answers["value"].astype(object)
    return ClassAnswers(
        answers=answers,
        report=pd.DataFrame(report, columns=["source", "reason"]),
        students=pd.DataFrame(students, columns=["student", "name", "number", "source", "updated"]),
    )


def _is_newer_file(a: AnswerFile, b: AnswerFile) -> bool:
    if a.updated is None:
        return b.updated is None  # neither dated: the later one read wins
    return b.updated is None or a.updated >= b.updated
