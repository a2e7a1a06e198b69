"""Reading one data file: from bytes on disk to a header and rows of cells.

Nothing here raises on what a file holds. Every way reading can fail (a folder or an
unreadable file, text that is not UTF-8, NUL bytes, broken CSV, a header that is not in
row 1) is appended to ``problems`` as one line naming the file, the spreadsheet row (the
header is row 1; a cell with line breaks inside quotes is still one row) and, where known,
the column, and the caller gets ``None`` or nothing to check.
"""

from __future__ import annotations

import csv
import io
import stat
from collections.abc import Iterator
from pathlib import Path

from .i18n import os_reason, t


def _csv_reason(exc: csv.Error) -> str:
    """Why the csv reader stopped, in the user's language (its own messages are English)."""
    message = str(exc)
    if message.startswith("unexpected end of data"):
        return t("csv.msg.unexpected_end")
    if "expected after" in message:
        return t("csv.msg.after_quote")
    return t("csv.msg.other")


def column_letter(index: int) -> str:
    """Spreadsheet letter of the 0-based column `index` (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def sniff_delimiter(header_line: str) -> str:
    """Comma by default; semicolon or tab when the header uses those (Dutch Excel does)."""
    counts = {sep: header_line.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] and counts[","] == 0 else ","


def _first_filled_line(text: str) -> str:
    """The first line holding more than separators and spaces: normally the header."""
    return next((line for line in text.splitlines() if line.strip(" \t,;")), "")


def _records(text: str, delimiter: str, strict: bool = False) -> Iterator[list[str]]:
    # newline="" lets the csv module see every line ending (also a lone \r, as old Mac
    # Excel writes) and keep the ones inside quoted cells, as open(newline="") would
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=strict)


def locate(before: str) -> tuple[int, int | None]:
    """Spreadsheet row and 0-based column of the character that follows `before`.

    Parameters
    ----------
    before : str
        The start of a file, up to (not including) the character to locate.

    Returns
    -------
    tuple
        ``(row, column)``: row counts records as a spreadsheet does (the header is row 1,
        a quoted cell with line breaks stays in one row); column is None when the start
        of the file is not readable as CSV, and then row counts lines.
    """
    before = before.removeprefix("\ufeff")
    delimiter = sniff_delimiter(_first_filled_line(before))
    try:  # the "x" stands in for the character, so that it always has a record
        records = list(_records(before + "x", delimiter))
    except csv.Error:  # e.g. a cell over the csv module's size limit before it
        return before.count("\n") + 1, None
    return len(records), len(records[-1]) - 1


def _problem_at(key: str, filename: str, before: bytes, **values: str) -> str:
    """Message `key` for the byte that follows `before`, with its row and column."""
    row, index = locate(before.decode("utf-8", errors="replace"))
    column = "" if index is None else t("err.column_suffix", letter=column_letter(index))
    return t(key, file=filename, row=row, column=column, **values)


def _read_bytes(path: Path, filename: str, problems: list[str]) -> bytes | None:
    """The file's bytes, or None after saying why it is missing or cannot be read."""
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            reason = t("err.reason_folder")
        elif not stat.S_ISREG(mode):  # a device or pipe: reading it could block or never end
            reason = t("err.reason_not_a_file")
        else:
            return path.read_bytes()
    except FileNotFoundError:
        problems.append(t("err.missing_file", file=filename))
        return None
    except IsADirectoryError:
        reason = t("err.reason_folder")
    except PermissionError:
        reason = t("err.reason_permission")
    except OSError as exc:  # the reason only: str(exc) would repeat the full path
        reason = os_reason(exc)
    problems.append(t("err.unreadable", file=filename, reason=reason))
    return None


def _decode(raw: bytes, filename: str, problems: list[str]) -> str | None:
    """Decode `raw` as UTF-8 (with or without BOM); on failure explain where and why."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        data = bytes(exc.object)  # after the BOM, if any: exc.start counts from there
        bad = data[exc.start]
        guess = t("err.not_utf8_guess", char=bytes([bad]).decode("cp1252", errors="replace"))
        problems.append(
            _problem_at("err.not_utf8", filename, data[: exc.start], byte=f"{bad:02x}", guess=guess)
        )
        return None


def read_text(path: Path, filename: str, problems: list[str]) -> str | None:
    """Read the file at `path` as UTF-8 text (a BOM is dropped).

    Parameters
    ----------
    path : pathlib.Path
        The file.
    filename : str
        Its name as messages show it.
    problems : list of str
        Where to append what is wrong.

    Returns
    -------
    str or None
        The text, or None when the file is missing, unreadable, holds NUL bytes (UTF-16
        or not a CSV file at all) or is not UTF-8; `problems` then says which.
    """
    raw = _read_bytes(path, filename, problems)
    if raw is None:
        return None
    nul = raw.find(b"\x00")
    if nul >= 0:
        problems.append(_problem_at("err.nul_byte", filename, raw[:nul]))
        return None
    return _decode(raw, filename, problems)


def read_rows(
    text: str, filename: str, problems: list[str]
) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Parse CSV `text` into its header and its rows.

    Parameters
    ----------
    text : str
        The file's text.
    filename : str
        Its name as messages show it.
    problems : list of str
        Where to append what is wrong.

    Returns
    -------
    tuple
        ``(header, [(spreadsheet_row, cells), ...])`` with every cell stripped and blank
        rows left out; ``([], [])`` when the file is empty or not valid CSV. The header is
        the first row that is not blank: if that is not row 1, `problems` says so and the
        rest is read all the same.
    """
    reader = _records(text, sniff_delimiter(_first_filled_line(text)), strict=True)
    rows: list[tuple[int, list[str]]] = []
    row = 0  # the last record read, numbered as a spreadsheet numbers its rows
    try:
        for row, cells in enumerate(reader, start=1):
            if any(cell.strip() for cell in cells):
                rows.append((row, [cell.strip() for cell in cells]))
    except csv.Error as exc:  # the record after the last one read is broken
        if "field limit" in str(exc):
            limit = csv.field_size_limit()
            problems.append(t("err.cell_too_long", file=filename, row=row + 1, limit=limit))
        else:
            detail = _csv_reason(exc)
            problems.append(t("err.csv_syntax", file=filename, row=row + 1, detail=detail))
        return [], []
    if not rows:
        problems.append(t("err.empty_file", file=filename))
        return [], []
    (header_row, header), *data = rows
    if header_row != 1:
        problems.append(t("err.header_not_in_row_1", file=filename, found=header_row))
    return header, data
