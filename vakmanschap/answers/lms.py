"""Who handed in a file, read from the names a learning environment (LMS) gives its export.

Students who leave the name fields empty hand in files that say nothing about who they are,
but the export of Canvas, Moodle, Brightspace and Blackboard names each file (or its folder)
after the student. :func:`identify` reads that name from an entry's path, as
:func:`~vakmanschap.answers.collect` gets it (``zip name/entry`` or a path relative to the
folder given, ``/`` between folders)::

    Canvas       jansenpiet_LATE_123456_7890123_mijn-antwoorden.json
    Moodle       Piet Jansen_1234567_assignsubmission_file/mijn-antwoorden.json
    Brightspace  123456-78901 - Piet Jansen - Dec 1, 2026 232 PM/mijn-antwoorden.json
                 123456-78901 - Piet Jansen - Dec 1, 2026 232 PM - mijn-antwoorden.json
    Blackboard   Opdracht 1_pjansen_attempt_2026-12-01-14-32-05_mijn-antwoorden.json
                 Opdracht 1_pjansen_attempt_2026-12-01-14-32-05.txt   ("Name: Piet Jansen
                                                                      (pjansen)": a receipt)

Only a confident match counts: an unknown naming, a plain ``mijn-antwoorden.json``, a name
with control or direction characters, an absolute path or ``..`` gives no identity. Nothing
here touches a file: names are only read. ``docs/lms-exports.md`` describes the formats.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import datetime

from .fileformat import MAX_NAME_LENGTH, MAX_NUMBER_LENGTH

CANVAS, MOODLE, BRIGHTSPACE, BLACKBOARD = "Canvas", "Moodle", "Brightspace", "Blackboard"
#: Longest folder or file name read (file systems allow 255 bytes; no LMS writes more).
MAX_COMPONENT = 255
#: Most characters of a receipt read (a Blackboard receipt is a few hundred).
MAX_RECEIPT_CHARS = 65_536

_BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_CANVAS = re.compile(
    r"(?P<name>[^\W_]+)_(?:(?P<late>[Ll][Aa][Tt][Ee])_)?(?P<user>[0-9]+)_(?P<attachment>[0-9]+)"
    r"_(?P<file>.+)",
    re.S,
)
_CANVAS_COPY = re.compile(r"(?P<stem>.+)-[0-9]{1,2}(?P<ext>\.[^.]+)", re.S)
_MOODLE = re.compile(r"(?P<name>.+)_(?P<user>[0-9]+)_assignsubmission_file(?:_(?P<file>.+))?", re.S)
_BRIGHTSPACE_IDS = re.compile(r"[0-9]+-[0-9]+")
_YEAR = re.compile(r"(?<![0-9])[0-9]{4}(?![0-9])")
_BLACKBOARD = re.compile(
    r"(?P<prefix>[^_].*)_attempt_(?P<stamp>[0-9]{4}(?:-[0-9]{2}){5})(?:_(?P<file>.+)|\.txt)", re.S
)
_USERNAME = re.compile(r"[^\s/\\()]+")
_RECEIPT_NAME = re.compile(
    r"^[ \t]*(?:Name|Naam)[ \t]*:[ \t]*(?P<name>[^\n]*?)[ \t]*\((?P<user>[^()\n]+)\)[ \t]*$", re.M
)
_RECEIPT_FILES = re.compile(
    r"^[ \t]*Original filename[ \t]*:[ \t]*(?P<original>[^\n]+?)[ \t]*\n"
    r"[ \t]*Filename[ \t]*:[ \t]*(?P<file>[^\n]+?)[ \t]*$",
    re.M,
)


def _fold(text: str) -> str:
    """`text` for comparing: one space between words, case folded."""
    return " ".join(text.casefold().split())


def _clean(text: str, limit: int) -> str | None:
    """A name or id as an LMS writes it, or None when no LMS would write it: empty, longer
    than `limit`, or holding control or direction characters or U+FFFD (undecodable)."""
    if any(unicodedata.category(char) == "Cc" or char in _BIDI for char in text):
        return None
    text = " ".join(unicodedata.normalize("NFC", text).split())
    if not text or len(text) > limit or "\ufffd" in text:
        return None
    return text


@dataclass(frozen=True)
class LmsIdentity:
    """Who handed in a file, as the LMS's export names it.

    Attributes
    ----------
    lms : str
        ``"Canvas"``, ``"Moodle"``, ``"Brightspace"`` or ``"Blackboard"``.
    name : str
        The student's name as the LMS writes it (Canvas: the sortable name without spaces,
        e.g. ``"jansenpiet"``; Blackboard: the name in the attempt's receipt, else the
        username).
    user_id : str
        Canvas user id, Moodle participant id, Brightspace's ``<n>-<n>``, Blackboard username.
    attempt : datetime, int or None
        Orders one student's attempts, the later the larger: Canvas's attachment id,
        Brightspace's date, Blackboard's attempt time (both as the LMS wrote them, without a
        time zone); None when the name has none (Moodle) or it cannot be read.
    attempt_text : str
        The attempt as the name writes it (``""`` when it has none); two files with a
        different text are different attempts, even when neither can be ordered.
    original : str
        The file's name as the student handed it in.
    late : bool
        Canvas marked the submission late (``LATE``).
    receipt_key : tuple
        Blackboard: ``(folder, prefix, stamp)`` of the attempt, to find its receipt.
    """

    lms: str
    name: str
    user_id: str
    attempt: datetime | int | None = None
    attempt_text: str = ""
    original: str = ""
    late: bool = False
    receipt_key: tuple[str, ...] = field(default=(), repr=False)

    @property
    def person(self) -> str:
        """Who this is in the LMS: files with the same ``person`` are one student's.

        Brightspace by name: its ``<n>-<n>`` is not documented as a user id and may be one
        per submission, so two attempts of one student may not share it."""
        if self.lms == BRIGHTSPACE:
            return f"brightspace:{_fold(self.name)}"
        return f"{self.lms.lower()}:{self.user_id.casefold()}"


def _components(path: str) -> list[str] | None:
    """The folders and file name of `path` (``/`` or ``\\`` between them), or None for an
    absolute path or one with ``..``: such a name was not written by an LMS."""
    text = path.replace("\\", "/")
    if text.startswith("/") or re.match(r"[A-Za-z]:", text):
        return None
    parts = [part for part in text.split("/") if part not in ("", ".")]
    if not parts or ".." in parts:
        return None
    return parts


def identify(path: str) -> LmsIdentity | None:
    """The LMS identity in an entry's path, if its naming is one of the four known.

    Parameters
    ----------
    path : str
        As :func:`~vakmanschap.answers.collect` names a file: a path relative to the folder
        given, ``zip name/entry``, or an upload's name.

    Returns
    -------
    LmsIdentity or None
        None unless the name matches one LMS's naming in full, with a usable name and id.
        A Moodle folder counts wherever it is above the file; a Brightspace folder only
        right above it; else the file's own name is read (Blackboard, Moodle, Brightspace,
        Canvas, in that order). A Blackboard name counts only when ``<assignment>_<username>``
        holds one ``_`` (else only its receipt tells the username: :meth:`Receipts.identify`).
    """
    found = _read(path)
    return None if found is None or _needs_receipt(found) else found


def _read(path: str) -> LmsIdentity | None:
    """:func:`identify`, also for a Blackboard name that :func:`_needs_receipt`."""
    parts = _components(path)
    if parts is None:
        return None
    *folders, file = parts
    for folder in reversed(folders):  # Moodle keeps a student's own sub-folders
        found = _moodle(folder, file)
        if found is not None:
            return found
    if folders:
        found = _brightspace_folder(folders[-1], file)
        if found is not None:
            return found
    folder = "/".join(folders)
    for read in (_blackboard, _moodle_flat, _brightspace_flat, _canvas):
        found = read(file, folder)
        if found is not None:
            return found
    return None


# -- the four namings ----------------------------------------------------------------------------


def _canvas(file: str, folder: str) -> LmsIdentity | None:
    """``<sortable name>_[LATE_]<user id>_<attachment id>_<file>``."""
    match = _CANVAS.fullmatch(file) if len(file) <= MAX_COMPONENT else None
    if match is None:
        return None
    name = _clean(match["name"], MAX_NAME_LENGTH)
    user = _clean(match["user"], MAX_NUMBER_LENGTH)
    attachment = match["attachment"]
    if name is None or user is None or len(attachment) > MAX_NUMBER_LENGTH:
        return None
    original = match["file"]
    copy = _CANVAS_COPY.fullmatch(original)  # Canvas adds -1, -2... to a name handed in again
    return LmsIdentity(
        lms=CANVAS,
        name=name,
        user_id=user,
        attempt=int(attachment),
        attempt_text=attachment,
        original=copy["stem"] + copy["ext"] if copy else original,
        late=match["late"] is not None,
    )


def _moodle(folder: str, file: str) -> LmsIdentity | None:
    """A folder ``<Full Name>_<participant id>_assignsubmission_file`` (files keep their
    names inside it)."""
    match = _MOODLE.fullmatch(folder) if len(folder) <= MAX_COMPONENT else None
    if match is None or match["file"] is not None:
        return None
    return _moodle_identity(match, file)


def _moodle_flat(file: str, folder: str) -> LmsIdentity | None:
    """``<Full Name>_<participant id>_assignsubmission_file_<file>`` (without folders)."""
    match = _MOODLE.fullmatch(file) if len(file) <= MAX_COMPONENT else None
    if match is None or match["file"] is None:
        return None
    return _moodle_identity(match, match["file"])


def _moodle_identity(match: re.Match[str], original: str) -> LmsIdentity | None:
    name = _clean(match["name"], MAX_NAME_LENGTH)
    user = _clean(match["user"], MAX_NUMBER_LENGTH)
    if name is None or user is None:
        return None
    return LmsIdentity(lms=MOODLE, name=name, user_id=user, original=original)


def _brightspace_folder(folder: str, file: str) -> LmsIdentity | None:
    """A folder ``<n>-<n> - <First Last> - <date>``."""
    parts = folder.split(" - ") if len(folder) <= MAX_COMPONENT else []
    if len(parts) < 3 or not _YEAR.search(parts[-1]):
        return None
    return _brightspace_identity(parts[0], " - ".join(parts[1:-1]), parts[-1], file)


def _brightspace_flat(file: str, folder: str) -> LmsIdentity | None:
    """``<n>-<n> - <First Last> - <date> - <file>``; the date is the first part after the
    name that reads as one (a file name may hold `` - `` too)."""
    parts = file.split(" - ") if len(file) <= MAX_COMPONENT else []
    if len(parts) < 4:
        return None
    at = next((i for i in range(2, len(parts) - 1) if brightspace_date(parts[i])), None)
    if at is None and _YEAR.search(parts[2]):
        at = 2  # a date in a format not known here: kept as text
    if at is None:
        return None
    return _brightspace_identity(
        parts[0], " - ".join(parts[1:at]), parts[at], " - ".join(parts[at + 1 :])
    )


def _brightspace_identity(ids: str, name: str, date: str, original: str) -> LmsIdentity | None:
    if not _BRIGHTSPACE_IDS.fullmatch(ids) or not original:
        return None
    clean_name = _clean(name, MAX_NAME_LENGTH)
    clean_ids = _clean(ids, MAX_NUMBER_LENGTH)
    text = _clean(date, MAX_NAME_LENGTH)
    if clean_name is None or clean_ids is None or text is None:
        return None
    return LmsIdentity(
        lms=BRIGHTSPACE,
        name=clean_name,
        user_id=clean_ids,
        attempt=brightspace_date(text),
        attempt_text=text,
        original=original,
    )


def _blackboard(file: str, folder: str) -> LmsIdentity | None:
    """``<assignment>_<username>_attempt_<YYYY-MM-DD-HH-MM-SS>_<file>``, the username after
    the last ``_``; the name (and the username's start) from the receipt later."""
    match = _BLACKBOARD.fullmatch(file) if len(file) <= MAX_COMPONENT else None
    if match is None or match["file"] is None:
        return None
    prefix, stamp = match["prefix"], match["stamp"]
    assignment, _, user = prefix.rpartition("_")
    attempt = _blackboard_stamp(stamp)
    if not assignment or not _USERNAME.fullmatch(user) or attempt is None:
        return None
    clean_user = _clean(user, MAX_NUMBER_LENGTH)
    if clean_user is None:
        return None
    return LmsIdentity(
        lms=BLACKBOARD,
        name=clean_user,
        user_id=clean_user,
        attempt=attempt,
        attempt_text=stamp,
        original=match["file"],
        receipt_key=(folder, prefix.casefold(), stamp),
    )


def _needs_receipt(identity: LmsIdentity) -> bool:
    """Whether only a receipt tells the username: ``A_jan_smit`` (``jan_smit``? ``smit``?)."""
    return identity.lms == BLACKBOARD and identity.receipt_key[1].count("_") != 1


def _blackboard_stamp(stamp: str) -> datetime | None:
    try:
        return datetime.strptime(stamp, "%Y-%m-%d-%H-%M-%S")
    except ValueError:
        return None


# -- Brightspace's dates -------------------------------------------------------------------------

_MONTH_NAMES = (
    "january february march april may june july august september october november december",
    "januari februari maart april mei juni juli augustus september oktober november december",
)
_MONTHS = {name: i % 12 + 1 for i, name in enumerate(" ".join(_MONTH_NAMES).split())}
_TIME = r"(?P<hour>[0-9]{1,2})[:.h]?(?P<minute>[0-9]{2})(?:[ \t]*(?P<half>[AaPp])\.?[ \t]?[Mm]\.?)?"
_DATES = [
    re.compile(
        r"(?P<month>[^\W\d_]+)\.?[ \t]+(?P<day>[0-9]{1,2}),?[ \t]+(?P<year>[0-9]{4}),?[ \t]+"
        + _TIME
    ),
    re.compile(
        r"(?P<day>[0-9]{1,2})\.?[ \t]+(?P<month>[^\W\d_]+)\.?,?[ \t]+(?P<year>[0-9]{4}),?[ \t]+"
        + _TIME
    ),
    re.compile(r"(?P<year>[0-9]{4})-(?P<mon>[0-9]{1,2})-(?P<day>[0-9]{1,2})[ \tT_]+" + _TIME),
    re.compile(r"(?P<day>[0-9]{1,2})-(?P<mon>[0-9]{1,2})-(?P<year>[0-9]{4})[ \t_]+" + _TIME),
]


def _month(word: str) -> int | None:
    """A month's number from its English or Dutch name or abbreviation (at least three
    letters, or ``mrt``)."""
    word = word.casefold()
    if word == "mrt":
        return 3
    found = {n for name, n in _MONTHS.items() if len(word) >= 3 and name.startswith(word)}
    return found.pop() if len(found) == 1 else None


def brightspace_date(text: str) -> datetime | None:
    """The moment in a Brightspace name, or None when it is in no format known here.

    Brightspace writes the date in the user's language, without ``:`` (not allowed in a file
    name on Windows): ``Dec 1, 2026 232 PM``, ``1 December 2026 232 PM``,
    ``1 dec. 2026 1432``; ``2026-12-01 14:32`` and ``1-12-2026 14.32`` are read too.

    Parameters
    ----------
    text : str

    Returns
    -------
    datetime or None
        Without a time zone (as Brightspace wrote it).
    """
    text = " ".join(text.split())
    for pattern in _DATES:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        groups = match.groupdict()
        month = _month(groups["month"]) if groups.get("month") else int(groups["mon"])
        hour, half = int(match["hour"]), (match["half"] or "").upper()
        if half:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if half == "P" else 0)
        if month is None:
            return None
        try:
            year, day, minute = int(match["year"]), int(match["day"]), int(match["minute"])
            return datetime(year, month, day, hour, minute)
        except ValueError:
            return None
    return None


# -- attempts ------------------------------------------------------------------------------------


def newer_attempt(a: LmsIdentity | None, b: LmsIdentity | None) -> bool | None:
    """Whether `a` is a later attempt than `b` by the LMS's own order.

    Returns
    -------
    bool or None
        None when the LMS cannot tell: not the same person, the same attempt, or an attempt
        without an order (Moodle, a Brightspace date not read); then the files' own
        ``updated`` stamps decide.
    """
    if a is None or b is None or a.person != b.person:
        return None
    if a.attempt is None or b.attempt is None or type(a.attempt) is not type(b.attempt):
        return None
    if a.attempt == b.attempt:
        return None
    return a.attempt > b.attempt  # type: ignore[operator]


def distinct_attempts(a: LmsIdentity | None, b: LmsIdentity | None) -> bool:
    """Whether `a` and `b` are two attempts of one person (not two files of one attempt)."""
    if a is None or b is None or a.person != b.person:
        return False
    return _fold(a.attempt_text) != _fold(b.attempt_text)


# -- Blackboard's receipts -----------------------------------------------------------------------


def is_receipt(path: str) -> bool:
    """Whether `path` names a Blackboard attempt's receipt
    (``<assignment>_<username>_attempt_<YYYY-MM-DD-HH-MM-SS>.txt``)."""
    file = path.replace("\\", "/").rpartition("/")[2]
    if len(file) > MAX_COMPONENT:
        return False
    match = _BLACKBOARD.fullmatch(file)
    return match is not None and match["file"] is None


def _receipt_key(path: str) -> tuple[str, str, str] | None:
    parts = _components(path)
    match = _BLACKBOARD.fullmatch(parts[-1]) if parts and is_receipt(path) else None
    if parts is None or match is None:
        return None
    return ("/".join(parts[:-1]), match["prefix"].casefold(), match["stamp"])


@dataclass(frozen=True)
class Receipt:
    """What a Blackboard receipt says: the student's name and username, and the original
    name of each file of the attempt (``{"exported name": "original name"}``)."""

    name: str
    user: str
    files: dict[str, str]


def read_receipt(data: bytes) -> Receipt | None:
    """A Blackboard receipt's ``Name: Full Name (username)`` line (``Naam:`` too) and its
    ``Original filename:`` / ``Filename:`` pairs; None without a usable name line."""
    text = data[: MAX_RECEIPT_CHARS * 4].decode("utf-8-sig", errors="replace")
    text = text[:MAX_RECEIPT_CHARS].replace("\r\n", "\n").replace("\r", "\n")
    match = _RECEIPT_NAME.search(text)
    if match is None:
        return None
    name = _clean(match["name"], MAX_NAME_LENGTH)
    user = _clean(match["user"], MAX_NUMBER_LENGTH)
    if name is None or user is None or not _USERNAME.fullmatch(user):
        return None
    files = {m["file"]: m["original"] for m in _RECEIPT_FILES.finditer(text)}
    return Receipt(name=name, user=user, files=files)


class Receipts:
    """The Blackboard receipts of one collection, each found by its attempt."""

    def __init__(self) -> None:
        self._found: dict[tuple[str, str, str], tuple[str, Receipt | None]] = {}
        self._state: dict[str, str] = {}

    def add(self, path: str, data: bytes) -> None:
        """Read the receipt at `path` (see :func:`is_receipt`)."""
        key = _receipt_key(path)
        if key is None:
            self._state[path] = "bad"
            return
        receipt = read_receipt(data)
        self._found[key] = (path, receipt)
        self._state[path] = "unused" if receipt is not None else "bad"

    def identify(self, path: str) -> LmsIdentity | None:
        """:func:`identify` for the file at `path`; for a Blackboard file, with the name,
        username and original file name of its attempt's receipt when that names a username
        the file's name ends with (a username may hold ``_``: the receipt says where)."""
        identity = _read(path)
        if identity is None or identity.lms != BLACKBOARD:
            return identity
        guess = None if _needs_receipt(identity) else identity
        found, receipt = self._found.get(identity.receipt_key, ("", None))  # type: ignore[arg-type]
        if receipt is None:
            return guess
        prefix, user = identity.receipt_key[1], "_" + receipt.user.casefold()
        if not prefix.endswith(user) or len(prefix) == len(user):
            self._state[found] = "bad"
            return guess
        self._state[found] = "used"
        exported = f"{prefix}_attempt_{identity.attempt_text}_{identity.original}".casefold()
        originals = {k.casefold(): v for k, v in receipt.files.items()}
        original = _clean(originals.get(exported, ""), MAX_COMPONENT) or identity.original
        return replace(identity, name=receipt.name, user_id=receipt.user, original=original)

    def unused(self) -> list[tuple[str, str]]:
        """``(path, "unused" or "bad")`` for every receipt not used: no answer file of its
        attempt, or no usable ``Name:`` line (or one naming another username)."""
        return [(path, state) for path, state in self._state.items() if state != "used"]
