"""The student's own answer file: saved after every change, shared by every notebook.

:class:`AnswerStore` keeps the exercises of one student. Exercise models
(:mod:`vakmanschap.exercises`) are attached to it; it restores them from the file and
saves on every change. It knows no widgets: the "Mijn antwoorden" panel
(:func:`vakmanschap.ui.answers_panel.AnswersPanel`) listens to it.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from ..exercises import Exercise
from ..framework import Framework, load_framework
from ..i18n import t
from .fileformat import (
    ENV_FILE,
    MAX_NAME_LENGTH,
    MAX_NUMBER_LENGTH,
    SCHEMA,
    SCHEMA_VERSION,
    AnswerFile,
    AnswerFileError,
    _now,
    _timestamp,
    parse_answer_file,
)


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
        self._models: dict[str, Exercise] = {}
        self.rejected: dict[str, object] = {}  # unreadable exercises, written back untouched
        self._applying = False
        self.panel: object = None  # the AnswersPanel showing this store, once made
        self._listeners: list[Callable[[AnswerStore], None]] = []
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
                model = self._models.get(key)
                if model is not None:  # shown here: show the newer answer too
                    self._apply_to(model, key, state)
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
    def attach(self, model: Exercise, key: str) -> None:
        """Restore `model` from the file (if it has an answer under `key`) and save it on
        every change.

        Parameters
        ----------
        model : Exercise
            An exercise model; its kind and `key` make the key in the file.
        key : str
            Unique within the collection, e.g. ``"03-tabel-1"`` or a question id.
        """
        full = f"{model.kind}:{key}"
        self._models[full] = model
        state = self.exercises.get(full)
        if state is not None:
            self._apply_to(model, full, state)

        def save(changed: Exercise) -> None:
            self.record(full, changed.to_dict())

        model.on_change(save)

    def _apply_to(self, model: Exercise, key: str, state: dict) -> bool:
        """Show `state` in `model` without recording it again as a new change."""
        self._applying = True
        try:
            model.from_dict(state)
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
                model = self._models.get(key)
                if model is not None and not self._apply_to(model, key, state):
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
