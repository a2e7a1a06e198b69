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
import stat
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from ..exercises import Exercise
from ..framework import Framework, load_framework
from ..i18n import os_reason, t
from ..markup import repair_text
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
    in_future,
    parse_answer_file,
)


def default_answers_path() -> Path:
    """The student's answer file: ``$VAKMANSCHAP_ANSWERS``, else ``mijn-antwoorden.json``
    in the current folder (the notebooks' folder)."""
    return _absolute(os.environ.get(ENV_FILE) or "mijn-antwoorden.json")


def _absolute(path: str | Path) -> Path:
    """`path` made absolute without following links: a link is never written through."""
    return Path(os.path.abspath(path))


def _lock_path(path: Path) -> Path:
    """The lock file beside `path`: a dotfile, so it stays out of sight in file browsers."""
    return path.with_name(f".{path.name}.lock")


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock beside `path` (several notebooks may write at once)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: atomic rename still protects the file
        yield
        return
    with open(_lock_path(path), "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _file_mode() -> int:
    """What ``open()`` would give a new file: 0o666 less the umask (usually 0o644)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, then rename it over `path`.

    A crash at any moment leaves either the old or the new file, never half of one. The file
    gets the mode any new file of the user gets (see docs/decisions.md), not mkstemp's 0600.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), _file_mode())
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # make the rename itself survive a power cut
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def _what_is_there(path: Path) -> str:
    """``"missing"``, ``"file"`` (a regular file) or ``"other"`` (a folder, device, FIFO,
    socket or link: never read, renamed or written through)."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return "missing"
    except OSError:
        return "other"
    return "file" if stat.S_ISREG(mode) else "other"


class AnswerStore:
    """The student's answers in one JSON file, saved after every change.

    Several notebooks (several kernels) may share the file. Each save takes the lock, reads
    the file, keeps what other notebooks saved meanwhile and writes only what changed here
    (see :meth:`save`), so no clock decides between notebooks and no answer is lost.

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
        self.path = _absolute(path) if path is not None else default_answers_path()
        self.fw = fw or load_framework()
        self.message = ""
        self.student = {"name": "", "number": ""}
        self.exercises: dict[str, dict] = {}
        self._models: dict[str, Exercise] = {}
        self.rejected: dict[str, object] = {}  # unreadable exercises, written back untouched
        self._dirty: set[str] = set()  # exercises changed here since the last save
        self._student_dirty = False
        self._failing = False  # the last save failed
        self._applying = False
        self.panel: object = None  # the AnswersPanel showing this store, once made
        self._listeners: list[Callable[[AnswerStore], None]] = []
        self._read()

    # -- file ----------------------------------------------------------------------------
    def _read(self) -> None:
        """Load the file if there is one; set an unreadable file aside, never delete it."""
        if not self._usable():
            return
        if _what_is_there(self.path) == "missing":
            return
        try:
            parsed = parse_answer_file(self.path.read_bytes(), self.path.name, self.fw)
        except (AnswerFileError, OSError) as exc:
            self._set_aside(exc)
            return
        self.student = {"name": parsed.name, "number": parsed.number}
        if parsed.student_updated is not None:
            self.student["updated"] = parsed.student_updated.isoformat()
        self.exercises = dict(parsed.raw)
        self.rejected = dict(parsed.rejected)
        if parsed.problems:
            self.message = t("answers.some_skipped", problems="; ".join(parsed.problems))

    def _usable(self) -> bool:
        """Whether the path is a regular file or free; otherwise say so and touch nothing."""
        if _what_is_there(self.path) == "other":
            self.message = t("answers.not_a_file", file=self.path)
            return False
        return True

    def _set_aside(self, reason: Exception) -> bool:
        """Rename an unreadable answer file (never delete it) and say so; only a regular
        file is ever renamed. Returns whether it was set aside."""
        if not self._usable():
            return False
        stamp = f"{datetime.now(UTC):%Y%m%dT%H%M%S%f}"
        aside = self.path.with_name(f"{self.path.stem}.onleesbaar-{stamp}{self.path.suffix}")
        why = os_reason(reason) if isinstance(reason, OSError) else reason
        try:
            self.path.rename(aside)
        except OSError as exc:
            self.message = t(
                "answers.set_aside_failed", file=self.path.name, reason=why, error=os_reason(exc)
            )
            return False
        self.message = t("answers.set_aside", file=self.path.name, aside=aside.name, reason=why)
        return True

    def document(self) -> dict:
        """The whole file as a dict (what is written)."""
        return {
            "schema": SCHEMA,
            "schema_version": SCHEMA_VERSION,
            "student": dict(self.student),
            "updated": _now(),
            "exercises": {**self.rejected, **self.exercises},
        }

    def to_bytes(self) -> bytes:
        """The file's content as this notebook would write it now."""
        return json.dumps(self.document(), ensure_ascii=False, indent=1).encode("utf-8")

    def on_disk(self) -> tuple[bytes, int]:
        """What the file holds now, with every notebook's answers: its bytes and its number
        of exercises (what the student downloads). Falls back on this notebook's answers
        when the file cannot be read."""
        try:
            with _locked(self.path):
                if _what_is_there(self.path) == "file":
                    data = self.path.read_bytes()
                    parsed = parse_answer_file(data, self.path.name, self.fw)
                    return data, len(parsed.raw) + len(parsed.rejected)
        except (AnswerFileError, OSError):
            pass
        return self.to_bytes(), len(self.exercises) + len(self.rejected)

    def save(self) -> bool:
        """Write the file atomically under the lock, keeping what other notebooks saved.

        What this notebook changed since its last save wins (whatever the clocks say);
        every other exercise is taken from the file, and shown here if this notebook shows
        it. Returns False (and sets :attr:`message`) if writing failed; nothing is lost
        from memory then, and the next change tries again.
        """
        try:
            with _locked(self.path):
                there = _what_is_there(self.path)
                if there == "other":
                    return self._fail(t("answers.not_a_file", file=self.path))
                if there == "file":
                    try:
                        other = parse_answer_file(self.path.read_bytes(), self.path.name, self.fw)
                    except (AnswerFileError, OSError) as exc:
                        if not self._set_aside(exc):  # never overwrite what we cannot read
                            return self._fail(self.message)
                    else:
                        self._merge(other)
                _write_atomic(self.path, self.to_bytes())
        except OSError as exc:
            return self._fail(t("answers.write_failed", file=self.path, reason=os_reason(exc)))
        self._dirty.clear()
        self._student_dirty = False
        if self._failing:  # the problem is over: say nothing any more
            self.message, self._failing = "", False
        self._changed()
        return True

    def _fail(self, message: str) -> bool:
        """Saving failed: say why, keep everything in memory (the next change retries)."""
        self.message, self._failing = message, True
        self._changed()
        return False

    def _merge(self, other: AnswerFile) -> None:
        """Take over what other notebooks saved, except what this notebook changed."""
        for key, state in other.raw.items():
            if key in self._dirty or self.exercises.get(key) == state:
                continue
            self.exercises[key] = state
            self.rejected.pop(key, None)
            model = self._models.get(key)
            if model is not None:  # shown here: show their answer too
                self._apply_to(model, key, state)
        for key, state in other.rejected.items():
            if key not in self._dirty and key not in self.exercises:
                self.rejected[key] = state
        if not self._student_dirty:
            self.student = {"name": other.name, "number": other.number}
            if other.student_updated is not None:
                self.student["updated"] = other.student_updated.isoformat()

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
        """Store the state of exercise `key` as changed here and save the file."""
        if self._applying:
            return
        self.exercises[key] = {**state, "updated": _now()}
        self.rejected.pop(key, None)
        self._dirty.add(key)
        self.save()

    def set_student(self, name: str | None = None, number: str | None = None) -> None:
        """Set the student's name and/or number (trimmed, length-limited) and save."""
        if name is not None:
            self.student["name"] = repair_text(str(name)).strip()[:MAX_NAME_LENGTH]
        if number is not None:
            self.student["number"] = repair_text(str(number)).strip()[:MAX_NUMBER_LENGTH]
        self.student["updated"] = _now()
        self._student_dirty = True
        self.save()

    def load_upload(self, data: bytes, source: str) -> list[str]:
        """Resume from an uploaded answer file: keep the newer answer per exercise and
        restore the exercises shown in this notebook.

        An uploaded answer replaces this notebook's unless this one is newer; a stamp in
        the future (a fast clock, an edited file) makes no answer newer.

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
                self.rejected.pop(key, None)
                self._dirty.add(key)
                model = self._models.get(key)
                if model is not None and not self._apply_to(model, key, state):
                    problems.append(self.message)
        if parsed.name and not self.student["name"]:
            self.student["name"] = parsed.name
        if parsed.number and not self.student["number"]:
            self.student["number"] = parsed.number
        self.student["updated"] = _now()
        self._student_dirty = True
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
    """Whether exercise state `a` was updated after `b`; unknown and future times count as
    older (a future time wins nothing)."""
    stamp_a, stamp_b = _timestamp(a.get("updated")), _timestamp(b.get("updated"))
    if stamp_a is None or in_future(stamp_a):
        return False
    return stamp_b is None or in_future(stamp_b) or stamp_a > stamp_b


_STORES: dict[Path, AnswerStore] = {}


def answer_store(path: str | Path | None = None) -> AnswerStore:
    """The answer store for `path` (default: :func:`default_answers_path`), one per file
    per kernel."""
    resolved = _absolute(path) if path is not None else default_answers_path()
    store = _STORES.get(resolved)
    if store is None:
        store = _STORES[resolved] = AnswerStore(resolved)
    return store
