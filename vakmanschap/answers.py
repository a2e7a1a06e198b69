"""Student answers as plain JSON files: keep, save, resume, hand in, and collect a class.

A student's answers live in one JSON file (:class:`AnswerStore`), written atomically
(temporary file, then rename) after every change and read again when a notebook is
re-run, so a kernel restart loses nothing. The "Mijn antwoorden" panel
(:class:`AnswersPanel`) downloads that file and uploads it again in a new Binder session.

Lecturers read many such files with :func:`collect`: a folder, a zip exported from an
LMS, or uploaded files. Nothing is ever written while collecting, zips are read in
memory, and every file that cannot be used is reported with the reason.

File format (``schema_version`` 1)::

    {"schema": "vakmanschap-answers", "schema_version": 1,
     "student": {"name": "...", "number": "..."},
     "updated": "2026-12-01T10:00:00+00:00",
     "exercises": {"RolePlacer:03-tabel-1": {"widget": "RolePlacer", "version": 1,
                                             "updated": "...", ...}, ...}}
"""

from __future__ import annotations

import base64
import contextlib
import html
import io
import json
import os
import re
import tempfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from .framework import Framework, load_framework
from .i18n import t

if TYPE_CHECKING:
    import pandas as pd

SCHEMA = "vakmanschap-answers"
SCHEMA_VERSION = 1
MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 20
MAX_ZIP_ENTRIES = 50_000
#: Most bytes read from one zip in all (a zip bomb stops there).
MAX_ZIP_TOTAL_BYTES = 500_000_000
MAX_NAME_LENGTH = 80
MAX_NUMBER_LENGTH = 40
#: Environment variable naming the student's answer file (default: ``mijn-antwoorden.json``
#: in the folder the notebook runs in).
ENV_FILE = "VAKMANSCHAP_ANSWERS"


class AnswerFileError(ValueError):
    """An answer file that cannot be used; the message says why."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _widget_classes() -> dict:
    from . import widgets

    classes = (
        widgets.RolePlacer,
        widgets.TensionTriangle,
        widgets.DilemmaExplorer,
        widgets.CompetencyProfile,
        widgets.Quiz,
        widgets.TensionQuiz,
        widgets.Reflection,
    )
    return {cls.WIDGET: cls for cls in classes}


# --------------------------------------------------------------------------------------
# Reading one answer file
# --------------------------------------------------------------------------------------


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


def _text(value: object, field: str, limit: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise AnswerFileError(t("answers.bad_field", field=field))
    value = value.strip()
    if len(value) > limit:
        raise AnswerFileError(t("state.too_long", field=field, limit=limit))
    return value


def _timestamp(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        stamp = datetime.fromisoformat(value)
    except ValueError:
        return None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)


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
            t("answers.bad_json", detail=exc.msg, line=exc.lineno, column=exc.colno)
        ) from None
    except ValueError as exc:  # e.g. an integer literal longer than Python allows
        raise AnswerFileError(t("answers.bad_json", detail=exc, line="?", column="?")) from None
    if not isinstance(doc, dict):
        raise AnswerFileError(t("answers.not_object", type=t(f"json.type.{type(doc).__name__}")))
    if _depth(doc) > MAX_DEPTH:
        raise AnswerFileError(t("answers.too_deep", limit=MAX_DEPTH))
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
        name=_text(student.get("name"), "student.name", MAX_NAME_LENGTH),
        number=_text(student.get("number"), "student.number", MAX_NUMBER_LENGTH),
        updated=_timestamp(doc.get("updated")),
        student_updated=_timestamp(student.get("updated")),
    )
    classes = _widget_classes()
    for key, state in exercises.items():
        widget_name = key.split(":", 1)[0]
        cls = classes.get(widget_name)
        if cls is None:
            result.problems.append(t("answers.unknown_exercise", exercise=key))
            result.rejected[key] = state
            continue
        try:
            result.exercises[key] = cls.validate_state(state, fw)
            result.raw[key] = state
        except (ValueError, TypeError, OverflowError) as exc:
            result.problems.append(t("answers.bad_exercise", exercise=key, reason=exc))
            result.rejected[key] = state
    return result


# --------------------------------------------------------------------------------------
# The student's own file
# --------------------------------------------------------------------------------------


def default_answers_path() -> Path:
    """The student's answer file: ``$VAKMANSCHAP_ANSWERS``, else ``mijn-antwoorden.json``
    in the current folder (the notebooks' folder)."""
    return Path(os.environ.get(ENV_FILE) or "mijn-antwoorden.json").resolve()


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock next to `path` (several notebooks may write at once)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: atomic rename still protects the file
        yield
        return
    with open(path.with_name(path.name + ".lock"), "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, then rename it over `path`."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class AnswerStore:
    """The student's answers in one JSON file, saved after every change.

    Parameters
    ----------
    path : path-like, optional
        Default: :func:`default_answers_path`.
    fw : Framework, optional

    Attributes
    ----------
    message : str
        The last problem (a file that could not be read and was set aside, or a write
        that failed), for the answers panel; empty when all is well.
    """

    def __init__(self, path: str | Path | None = None, fw: Framework | None = None):
        self.path = Path(path).resolve() if path is not None else default_answers_path()
        self.fw = fw or load_framework()
        self.message = ""
        self.student = {"name": "", "number": ""}
        self.exercises: dict[str, dict] = {}
        self._widgets: dict[str, object] = {}
        self.rejected: dict[str, object] = {}  # unreadable exercises, written back untouched
        self._applying = False
        self.panel = None  # the AnswersPanel showing this store, once made
        self._listeners: list = []
        self._read()

    # -- file ----------------------------------------------------------------------------
    def _read(self) -> None:
        """Load the file if there is one; set an unreadable file aside, never delete it."""
        if not self.path.exists():
            return
        try:
            parsed = parse_answer_file(self.path.read_bytes(), self.path.name, self.fw)
        except (AnswerFileError, OSError) as exc:
            self._set_aside(exc)
            return
        self.student = {"name": parsed.name, "number": parsed.number}
        if parsed.student_updated is not None:
            self.student["updated"] = parsed.student_updated.isoformat(timespec="seconds")
        self.exercises = dict(parsed.raw)
        self.rejected = dict(parsed.rejected)
        if parsed.problems:
            self.message = t("answers.some_skipped", problems="; ".join(parsed.problems))

    def _set_aside(self, reason: Exception) -> None:
        """Rename an unreadable answer file (never delete it) and say so."""
        stamp = f"{datetime.now(UTC):%Y%m%dT%H%M%S%f}"
        aside = self.path.with_name(f"{self.path.stem}.onleesbaar-{stamp}{self.path.suffix}")
        with contextlib.suppress(OSError):
            self.path.replace(aside)
        self.message = t("answers.set_aside", file=self.path.name, aside=aside.name, reason=reason)

    def document(self) -> dict:
        """The whole file as a dict (what is written and downloaded)."""
        return {
            "schema": SCHEMA,
            "schema_version": SCHEMA_VERSION,
            "student": dict(self.student),
            "updated": _now(),
            "exercises": {**self.rejected, **self.exercises},
        }

    def to_bytes(self) -> bytes:
        """The file's content, as downloaded by the student."""
        return json.dumps(self.document(), ensure_ascii=False, indent=1).encode("utf-8")

    def save(self) -> bool:
        """Write the file atomically, merging what other notebooks wrote meanwhile.

        Returns False (and sets :attr:`message`) if writing failed; nothing is lost
        from memory then.
        """
        try:
            with _locked(self.path):
                if self.path.exists():
                    try:
                        other = parse_answer_file(self.path.read_bytes(), self.path.name, self.fw)
                    except AnswerFileError as exc:
                        self._set_aside(exc)  # never overwrite what we cannot read
                    else:
                        self._merge(other)
                _write_atomic(self.path, self.to_bytes())
        except OSError as exc:
            self.message = t("answers.write_failed", file=self.path, reason=exc)
            self._changed()
            return False
        self._changed()
        return True

    def _merge(self, other: AnswerFile) -> None:
        """Take over what another notebook (another kernel) saved since we read the file:
        exercises not shown here if theirs is newer, and newer name and number."""
        for key, state in other.raw.items():
            mine = self.exercises.get(key)
            if mine is None or _newer(state, mine):
                self.exercises[key] = state
                widget = self._widgets.get(key)
                if widget is not None:  # shown here: show the newer answer too
                    self._apply_to(widget, key, state)
        for key, state in other.rejected.items():
            self.rejected.setdefault(key, state)
        theirs = other.student_updated
        ours = _timestamp(self.student.get("updated"))
        if theirs is not None and (ours is None or theirs > ours):
            self.student = {
                "name": other.name,
                "number": other.number,
                "updated": theirs.isoformat(timespec="seconds"),
            }

    # -- exercises -----------------------------------------------------------------------
    def attach(self, widget) -> None:
        """Restore `widget` from the file (if it has an answer) and save on every change."""
        key = f"{widget.WIDGET}:{widget.key}"
        self._widgets[key] = widget
        state = self.exercises.get(key)
        if state is not None:
            self._apply_to(widget, key, state)
        widget.add_listener(lambda w, key=key: self.record(key, w.to_dict()))

    def _apply_to(self, widget, key: str, state: dict) -> bool:
        """Show `state` in `widget` without recording it again as a new change."""
        self._applying = True
        try:
            widget.from_dict(state)
        except ValueError as exc:
            self.message = t("answers.bad_exercise", exercise=key, reason=exc)
            return False
        finally:
            self._applying = False
        return True

    def record(self, key: str, state: dict) -> None:
        """Store the state of exercise `key` and save the file."""
        if self._applying:
            return
        self.exercises[key] = {**state, "updated": _now()}
        self.save()

    def set_student(self, name: str | None = None, number: str | None = None) -> None:
        """Set the student's name and/or number (trimmed, length-limited) and save."""
        if name is not None:
            self.student["name"] = str(name).strip()[:MAX_NAME_LENGTH]
        if number is not None:
            self.student["number"] = str(number).strip()[:MAX_NUMBER_LENGTH]
        self.student["updated"] = _now()
        self.save()

    def load_upload(self, data: bytes, source: str) -> list[str]:
        """Resume from an uploaded answer file: keep the newer answer per exercise and
        restore the exercises shown in this notebook.

        Returns
        -------
        list of str
            What could not be used (empty when everything was taken over).

        Raises
        ------
        AnswerFileError
            When the file as a whole cannot be used; nothing changes then.
        """
        parsed = parse_answer_file(data, source, self.fw)
        problems = list(parsed.problems)
        for key, state in parsed.raw.items():
            mine = self.exercises.get(key)
            if mine is None or not _newer(mine, state):
                self.exercises[key] = state
                widget = self._widgets.get(key)
                if widget is not None and not self._apply_to(widget, key, state):
                    problems.append(self.message)
        if parsed.name and not self.student["name"]:
            self.student["name"] = parsed.name
        if parsed.number and not self.student["number"]:
            self.student["number"] = parsed.number
        self.student["updated"] = _now()
        self.save()
        return problems

    def add_listener(self, listener) -> None:
        """Call ``listener(store)`` after every save."""
        self._listeners.append(listener)

    def _changed(self) -> None:
        for listener in self._listeners:
            listener(self)

    def download_name(self) -> str:
        """A file name for the download, from the student number or name."""
        label = self.student["number"] or self.student["name"] or "student"
        slug = re.sub(r"[^a-z0-9]+", "-", label.casefold()).strip("-") or "student"
        return f"antwoorden-{slug[:40]}.json"


def _newer(a: dict, b: dict) -> bool:
    """Whether exercise state `a` was updated after `b` (unknown times count as older)."""
    stamp_a, stamp_b = _timestamp(a.get("updated")), _timestamp(b.get("updated"))
    if stamp_a is None:
        return False
    return stamp_b is None or stamp_a > stamp_b


_STORES: dict[Path, AnswerStore] = {}


def answer_store(path: str | Path | None = None) -> AnswerStore:
    """The answer store for `path` (default: :func:`default_answers_path`), one per file
    per kernel."""
    resolved = Path(path).resolve() if path is not None else default_answers_path()
    store = _STORES.get(resolved)
    if store is None:
        store = _STORES[resolved] = AnswerStore(resolved)
    return store


# --------------------------------------------------------------------------------------
# The "Mijn antwoorden" panel
# --------------------------------------------------------------------------------------


def download_link(data: bytes, filename: str, label: str, mime: str = "application/json") -> str:
    """An HTML link that downloads `data` as `filename`, in JupyterLab and in Voila alike
    (a ``data:`` URL: nothing has to be served by the notebook server)."""
    encoded = base64.b64encode(data).decode("ascii")
    return (
        f"<a download='{html.escape(filename)}' href='data:{mime};base64,{encoded}' "
        f"class='vakmanschap-download'>⬇ {html.escape(label)}</a>"
    )


def AnswersPanel(store: AnswerStore | None = None):
    """The "Mijn antwoorden" panel: name and student number, download and upload.

    Parameters
    ----------
    store : AnswerStore, optional
        Default: :func:`answer_store`.

    Returns
    -------
    ipywidgets.VBox
    """
    import ipywidgets as widgets

    store = store or answer_store()
    if store.panel is not None:  # a re-run cell shows the same panel (no second listener)
        return store.panel
    name = widgets.Text(
        value=store.student["name"],
        continuous_update=False,
        placeholder=t("panel.name_placeholder"),
    )
    number = widgets.Text(
        value=store.student["number"],
        continuous_update=False,
        placeholder=t("panel.number_placeholder"),
    )
    for control, label in ((name, t("panel.name")), (number, t("panel.number"))):
        control.description = label
        control.tooltip = label
        control.style.description_width = "14ch"
        control.layout.width = "min(480px, 100%)"
    upload = widgets.FileUpload(
        accept=".json", multiple=False, description=t("panel.upload"), tooltip=t("panel.upload")
    )
    link = widgets.HTML()
    status = widgets.HTML()

    def refresh(_store=None) -> None:
        link.value = download_link(store.to_bytes(), store.download_name(), t("panel.download"))
        text = store.message or t("panel.saved", file=store.path.name, count=len(store.exercises))
        status.value = f"<p role='status'><small>{html.escape(text)}</small></p>"

    def on_name(change) -> None:
        store.set_student(name=change["new"])

    def on_number(change) -> None:
        store.set_student(number=change["new"])

    def on_upload(change) -> None:
        files = change["new"]
        if not files:
            return
        item = files[0]
        try:
            problems = store.load_upload(bytes(item["content"]), str(item["name"]))
        except AnswerFileError as exc:
            store.message = t("panel.upload_failed", file=item["name"], reason=exc)
        else:
            store.message = (
                t("panel.upload_partly", problems="; ".join(problems))
                if problems
                else t("panel.upload_ok", file=item["name"])
            )
            name.value, number.value = store.student["name"], store.student["number"]
        refresh()

    name.observe(on_name, names="value")
    number.observe(on_number, names="value")
    upload.observe(on_upload, names="value")
    store.add_listener(refresh)
    refresh()
    panel = widgets.VBox(
        [
            widgets.HTML(
                f"<p><strong>{html.escape(t('panel.title'))}</strong></p>"
                f"<p><small>{html.escape(t('panel.explain'))}</small></p>"
            ),
            name,
            number,
            widgets.HBox([link, upload]),
            status,
        ]
    )
    from .a11y import accessible_names

    panel.children = (*panel.children, accessible_names())
    panel.add_class("vakmanschap-answers")
    store.panel = panel
    return panel


# --------------------------------------------------------------------------------------
# Collecting a class
# --------------------------------------------------------------------------------------


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
    """Tidy rows (exercise, widget, item, measure, value) of one student's exercises."""
    for key, clean in doc.exercises.items():
        widget = key.split(":", 1)[0]
        if widget == "RolePlacer":
            for role_id, role in clean["roles"].items():
                if role["x"] is None:
                    continue
                yield key, widget, role_id, "x", role["x"]
                yield key, widget, role_id, "y", role["y"]
                if role["custom"]:
                    yield key, widget, role_id, "name", role["name"]
        elif widget == "TensionTriangle":
            for subject, weights in clean["weights"].items():
                total = sum(weights.values())
                for model_id, value in weights.items():
                    yield key, widget, subject, model_id, value / total
            if clean["case_name"]:
                yield key, widget, "case:eigen", "name", clean["case_name"]
        elif widget == "CompetencyProfile":
            for rec_id, score in clean["scores"].items():
                yield key, widget, rec_id, "score", score
        elif widget == "Quiz" and clean["choice"] is not None:
            answer = int(fw._lookup("question", "answer")[clean["question_id"]])
            yield key, widget, clean["question_id"], "choice", clean["choice"]
            yield key, widget, clean["question_id"], "correct", clean["choice"] == answer
        elif widget == "TensionQuiz" and clean["checked"]:
            dilemma_id = clean["dilemma_id"]
            models = set(fw._lookup("dilemma", "models")[dilemma_id])
            extra = set(fw._lookup("dilemma", "reinforced_by")[dilemma_id])
            chosen = clean["chosen"]
            yield key, widget, dilemma_id, "chosen", "; ".join(sorted(chosen))
            yield key, widget, dilemma_id, "correct", models <= chosen <= models | extra
        elif widget == "Reflection" and clean["text"].strip():
            yield key, widget, clean["question_id"], "text", clean["text"]


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
