"""The inputs of :func:`~vakmanschap.answers.collect`: a folder, a zip, bytes or uploads,
turned into ``(name, bytes)`` pairs, with every input that cannot be read named in a report.

Whatever students hand in is read without trust:

- a folder is walked without recursion (any depth), reading only regular files; a link is
  never followed (a link to something inside the folder is read there, under its own name; a
  link outside it, dangling or in a loop is reported), so nothing loops or leaves the folder;
- a zip is read in memory and every way it can be damaged becomes a report row for the zip
  or its entry, never an exception;
- a report row's reason holds no path and no file name (the ``source`` and ``related``
  columns do), so pseudonyms replace names exactly.

Nothing is written and nothing is extracted. A :class:`Progress` counts the files found and
read, for a progress bar (no GUI here: it only calls a function).
"""

from __future__ import annotations

import errno
import io
import os
import re
import stat
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import PurePosixPath
from typing import BinaryIO

from ..i18n import os_reason, t
from .fileformat import MAX_FILE_BYTES
from .lms import is_receipt

#: One report row: ``(source, reason, related)``; ``related`` names another input the reason
#: refers to (or is ``""``).
ReportRow = tuple[str, str, str]
#: ``progress(done, total)``: the files read or reported so far, and the files found in all
#: (``None`` while the sources are still being counted).
ProgressCallback = Callable[[int, int | None], None]

MAX_ZIP_ENTRIES = 50_000
#: Most bytes read from one zip in all (a zip bomb stops there).
MAX_ZIP_TOTAL_BYTES = 500_000_000
#: Suffixes that are read; every other file (but a Blackboard receipt) is reported as not an
#: answer file.
READ_SUFFIXES = (".json", ".zip")
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO swapped in after the check must not block
    | getattr(os, "O_NOFOLLOW", 0)  # nor a link swapped in
)
_QUOTED = re.compile(r"""b?'(?:[^'\\]|\\.)*'|b?"(?:[^"\\]|\\.)*\"""")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _shown(name: str) -> str:
    """`name` as it can be shown and written as UTF-8 (undecodable bytes become U+FFFD)."""
    return _SURROGATE.sub("\ufffd", name)


def _strerror(exc: OSError) -> str:
    """The system's reason in the user's language, without the path (``str(exc)`` holds
    the absolute path): :func:`~vakmanschap.i18n.os_reason`."""
    return os_reason(exc)


def _row(source: str, reason: str, related: str = "") -> ReportRow:
    return (_shown(source), reason, _shown(related))


class Progress:
    """The files of a collection: how many are done and how many were found, told to a
    callback on every change.

    A source :meth:`expect` s the files it finds before reading them (a folder once walked,
    the uploads at once, the entries of a zip once it is opened, in place of the one file
    the zip counted for) and marks each one :meth:`done` when it is read or reported.
    Folders, and the report rows about folders, are not files. The callback decides how
    often to show anything (it is called for every file).

    Parameters
    ----------
    callback : callable, optional
        ``callback(done, total)``, see :data:`ProgressCallback`. ``done`` never decreases
        and never exceeds ``total``; the last call has ``done == total``.
    """

    def __init__(self, callback: ProgressCallback | None = None) -> None:
        self.callback = callback
        self.done_count = 0
        self.total = 0
        self._told: tuple[int, int | None] | None = None

    def start(self) -> None:
        """Tell that reading began; the total is not known yet."""
        self._tell(None)

    def expect(self, count: int) -> None:
        """`count` more files were found."""
        if count > 0:
            self.total += count
            self._tell(self.total)

    def done(self) -> None:
        """One more file was read or reported."""
        self.done_count += 1
        self.total = max(self.total, self.done_count)
        self._tell(self.total)

    def finish(self) -> None:
        """Everything was read: the total is what was done."""
        self.total = self.done_count
        self._tell(self.total)

    def _tell(self, total: int | None) -> None:
        now = (self.done_count, total)
        if self.callback is not None and now != self._told:
            self._told = now
            self.callback(*now)


# -- zips ------------------------------------------------------------------------------------


def _zip_problem(exc: Exception) -> str:
    """Why a zip or its entry cannot be read, without the file names that zipfile's
    messages quote."""
    detail = str(exc)
    if isinstance(exc, RuntimeError) and ("encrypted" in detail or "password" in detail):
        return t("answers.zip_encrypted")
    if isinstance(exc, NotImplementedError):
        return t("answers.zip_unsupported")
    detail = _QUOTED.sub("…", detail)[:160]
    return t("answers.zip_damaged", detail=f"{type(exc).__name__}: {detail}".rstrip(": "))


def _safe_member(name: str) -> bool:
    """A zip entry name that is relative and stays inside the archive."""
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return False
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return ".." not in parts


def from_zip(
    handle: BinaryIO, label: str, report: list[ReportRow], progress: Progress | None = None
) -> Iterator[tuple[str, bytes]]:
    """The ``.json`` entries of a zip.

    zipfile raises many kinds of exceptions on a damaged zip (``BadZipFile``, ``OSError``,
    ``EOFError``, ``zlib.error``, ``RuntimeError`` for encrypted entries,
    ``NotImplementedError`` for compression methods and versions, ``ValueError`` for
    negative seeks, ``UnicodeDecodeError`` on names, ``struct.error``, ``LZMAError``...): each
    one becomes a report row for the zip or the entry, and the other entries are still read.

    Parameters
    ----------
    handle : binary file
        The zip, opened for reading (it is not closed here).
    label : str
        The zip's name in the report.
    report : list
        Gets a :data:`ReportRow` for every entry (or the whole zip) that cannot be used.
    progress : Progress, optional
        Counts the zip's files (the zip itself was expected as one file by the caller).

    Yields
    ------
    tuple of (str, bytes)
        ``("label/entry", content)`` for every readable ``.json`` entry.
    """
    progress = progress or Progress()

    def skip(where: str, reason: str) -> None:
        report.append(_row(where, reason))
        progress.done()

    try:
        archive = zipfile.ZipFile(handle)
        infos = archive.infolist()
    except Exception as exc:  # any damage: see the docstring
        skip(label, t("answers.bad_zip", reason=_zip_problem(exc)))
        return
    with archive:
        if len(infos) > MAX_ZIP_ENTRIES:
            skip(label, t("answers.zip_too_many", limit=MAX_ZIP_ENTRIES))
            return
        # a folder entry ends in "/" (info.is_dir() fails on an empty name)
        files = sum(1 for info in infos if not info.filename.endswith("/"))
        progress.expect(files - 1)
        total = 0
        for info in infos:
            name = info.filename
            if name.endswith("/"):
                continue
            where = f"{label}/{name}"
            if total > MAX_ZIP_TOTAL_BYTES:
                skip(where, t("answers.zip_too_large", limit=MAX_ZIP_TOTAL_BYTES))
                continue
            if not _safe_member(name):
                skip(where, t("answers.unsafe_name"))
                continue
            if not name.lower().endswith(".json") and not is_receipt(name):
                skip(where, t("answers.not_json_name"))
                continue
            if info.file_size > MAX_FILE_BYTES:
                skip(where, t("answers.too_large", size=info.file_size, limit=MAX_FILE_BYTES))
                continue
            try:
                with archive.open(info) as member:
                    data = member.read(MAX_FILE_BYTES + 1)
            except Exception as exc:  # any damage of this entry: see the docstring
                skip(where, t("answers.zip_bad_entry", reason=_zip_problem(exc)))
                continue
            total += len(data)
            if len(data) > MAX_FILE_BYTES:  # the entry lied about its size
                skip(where, t("answers.too_large", size=len(data), limit=MAX_FILE_BYTES))
                continue
            progress.done()
            yield _shown(where), data
        if not files:
            skip(label, t("answers.zip_empty"))


# -- files and folders -------------------------------------------------------------------------


def _read_file(
    path: str,
    label: str,
    report: list[ReportRow],
    seen: dict[tuple[int, int], str],
    progress: Progress,
) -> Iterator[tuple[str, bytes]]:
    """A regular ``.json`` or ``.zip`` file, expected as one file; `seen` maps each file
    read to its label, so a hard link is read once."""

    def skip(reason: str, related: str = "") -> None:
        report.append(_row(label, reason, related))
        progress.done()

    suffix = os.path.splitext(path)[1].lower()
    if suffix not in READ_SUFFIXES and not is_receipt(label):
        skip(t("answers.not_json_name"))
        return
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        reason = t("answers.link_loop") if exc.errno == errno.ELOOP else None
        skip(reason or t("answers.unreadable", reason=_strerror(exc)))
        return
    with open(fd, "rb", closefd=True) as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            skip(t("answers.not_regular"))
            return
        identity = (info.st_dev, info.st_ino)
        if identity in seen:
            skip(t("answers.same_file"), seen[identity])
            return
        seen[identity] = label
        if suffix == ".zip":
            yield from from_zip(handle, label, report, progress)
            return
        if info.st_size > MAX_FILE_BYTES:
            skip(t("answers.too_large", size=info.st_size, limit=MAX_FILE_BYTES))
            return
        try:
            data = handle.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            skip(t("answers.unreadable", reason=_strerror(exc)))
            return
    if len(data) > MAX_FILE_BYTES:  # it grew while being read
        skip(t("answers.too_large", size=len(data), limit=MAX_FILE_BYTES))
        return
    progress.done()
    yield _shown(label), data


def _listing(path: str, label: str, report: list[ReportRow]) -> list[os.DirEntry] | None:
    """A folder's entries by name, or None (reported) when it cannot be read."""
    try:
        with os.scandir(path) as entries:
            return sorted(entries, key=lambda entry: entry.name)
    except OSError as exc:
        report.append(_row(label, t("answers.folder_unreadable", reason=_strerror(exc))))
        return None


def _link(path: str, label: str, root: str) -> ReportRow:
    """Why the link at `path` is skipped: it is never followed (see the module's docstring)."""
    try:
        target = os.path.realpath(path, strict=True)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return _row(label, t("answers.link_loop"))
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            return _row(label, t("answers.link_dangling"))
        return _row(label, t("answers.unreadable", reason=_strerror(exc)))
    try:
        inside = os.path.commonpath([root, target]) == root
    except ValueError:  # another drive (Windows)
        inside = False
    if not inside:
        return _row(label, t("answers.link_outside"))
    related = PurePosixPath(*os.path.relpath(target, root).split(os.sep)).as_posix()
    return _row(label, t("answers.link_inside"), related)


def _walk(path: str, top: list[os.DirEntry]) -> list[tuple[str, tuple[str, ...]]]:
    """The steps of reading a folder (see :func:`from_folder`) in order, without reading a
    file: ``("read", (path, name))``, ``("skip", row)`` for a file skipped, or
    ``("note", row)`` about a folder (not a file)."""
    root = os.path.realpath(path)
    seen_folders: set[tuple[int, int]] = set()
    try:
        info = os.stat(path)
        seen_folders.add((info.st_dev, info.st_ino))
    except OSError:  # pragma: no cover - it was just listed
        pass
    steps: list[tuple[str, tuple[str, ...]]] = []
    stack: list[tuple[str, Iterator[os.DirEntry]]] = [("", iter(top))]
    while stack:
        prefix, entries = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        name = prefix + entry.name
        try:
            if entry.is_symlink():
                steps.append(("skip", _link(entry.path, name, root)))
                continue
            info = entry.stat(follow_symlinks=False)
        except OSError as exc:
            steps.append(("skip", _row(name, t("answers.unreadable", reason=_strerror(exc)))))
            continue
        if stat.S_ISDIR(info.st_mode):
            identity = (info.st_dev, info.st_ino)
            if identity in seen_folders:  # a bind mount or the like
                steps.append(("note", _row(name, t("answers.folder_seen"))))
                continue
            seen_folders.add(identity)
            notes: list[ReportRow] = []
            listing = _listing(entry.path, name, notes)
            steps.extend(("note", row) for row in notes)
            if listing is not None:
                stack.append((name + "/", iter(listing)))
        elif stat.S_ISREG(info.st_mode):
            steps.append(("read", (entry.path, name)))
        else:
            steps.append(("skip", _row(name, t("answers.not_regular"))))
    return steps


def from_folder(
    path: str, label: str, report: list[ReportRow], progress: Progress | None = None
) -> Iterator[tuple[str, bytes]]:
    """Every answer file below a folder.

    The folder is walked first (with its own stack, so a chain of folders of any depth is
    fine; the entries of each folder by name; no link followed and no folder read twice),
    which counts its files for `progress`; then the regular files are read, and everything
    skipped is reported with the reason, in the walk's order.

    Parameters
    ----------
    path : str
        The folder.
    label : str
        Its name in the report (for an unreadable or empty folder).
    report : list
        Gets a :data:`ReportRow` for everything skipped.
    progress : Progress, optional
        Counts the folder's files (every entry but folders; a zip as its entries).

    Yields
    ------
    tuple of (str, bytes)
        ``(path relative to the folder with "/", content)`` for every ``.json`` file and
        every ``.json`` entry of a ``.zip`` file.
    """
    progress = progress or Progress()
    top = _listing(path, label, report)
    if top is None:
        return
    steps = _walk(path, top)
    if not steps:
        report.append(_row(label, t("answers.empty_folder")))
        return
    progress.expect(sum(kind != "note" for kind, _ in steps))
    seen_files: dict[tuple[int, int], str] = {}
    for kind, step in steps:
        if kind == "read":
            yield from _read_file(step[0], step[1], report, seen_files, progress)
            continue
        report.append(_row(*step))
        if kind == "skip":
            progress.done()


def from_path(
    source: str | os.PathLike, report: list[ReportRow], progress: Progress | None = None
) -> Iterator[tuple[str, bytes]]:
    """A folder, or one ``.json`` or ``.zip`` file; reported under its own name."""
    progress = progress or Progress()
    path = os.fspath(source)
    label = os.path.basename(os.path.normpath(path)) or path
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        report.append(_row(label, t("answers.no_such_source")))
        return
    except OSError as exc:
        reason = t("answers.link_loop") if exc.errno == errno.ELOOP else None
        report.append(_row(label, reason or t("answers.unreadable", reason=_strerror(exc))))
        return
    if stat.S_ISDIR(info.st_mode):
        yield from from_folder(path, label, report, progress)
        return
    progress.expect(1)
    if stat.S_ISREG(info.st_mode):
        yield from _read_file(os.path.realpath(path), label, report, {}, progress)
    else:
        report.append(_row(label, t("answers.not_regular")))
        progress.done()


# -- everything ------------------------------------------------------------------------------

_NESTED = (str, os.PathLike, bytes, bytearray, memoryview)


def items(
    source: object, report: list[ReportRow], progress: Progress | None = None
) -> Iterator[tuple[str, bytes]]:
    """Every answer file to read from `source`.

    Parameters
    ----------
    source : path, bytes or list
        As :func:`~vakmanschap.answers.collect` takes it.
    report : list
        Gets a :data:`ReportRow` for every input (or part of one) that cannot be read.
    progress : Progress, optional
        Counts the files found and marks each one done when it is yielded or reported.

    Yields
    ------
    tuple of (str, bytes)
        ``(name, content)``; a name is a file's path relative to the folder given, an
        upload's name, or ``zip name/entry``.
    """
    progress = progress or Progress()
    if isinstance(source, bytes | bytearray | memoryview):
        progress.expect(1)
        yield from from_zip(io.BytesIO(bytes(source)), "upload.zip", report, progress)
        return
    if isinstance(source, str | os.PathLike):
        yield from from_path(source, report, progress)
        return
    if isinstance(source, Mapping):  # ipywidgets 7: {name: {"content": ..., ...}}
        uploads: list = [
            {**value, "name": name} if isinstance(value, Mapping) else (name, value)
            for name, value in source.items()
        ]
    else:
        uploads = list(source) if isinstance(source, Iterable) else []
    if not uploads:
        report.append(_row("upload", t("answers.nothing_uploaded")))
    progress.expect(sum(not isinstance(item, _NESTED) for item in uploads))
    for item in uploads:
        if isinstance(item, _NESTED):
            yield from items(item, report, progress)
            continue
        if isinstance(item, Mapping):  # ipywidgets 8 FileUpload value
            name, data = str(item.get("name") or "upload"), item.get("content", b"")
        elif isinstance(item, tuple) and len(item) == 2:
            name, data = str(item[0]), item[1]
        else:
            report.append(_row("upload", t("answers.bad_upload", type=type(item).__name__)))
            progress.done()
            continue
        if not isinstance(data, bytes | bytearray | memoryview):
            report.append(_row(name, t("answers.bad_upload", type=type(data).__name__)))
            progress.done()
        elif name.lower().endswith(".zip"):
            yield from from_zip(io.BytesIO(bytes(data)), _shown(name), report, progress)
        else:
            progress.done()
            yield _shown(name), bytes(data)
