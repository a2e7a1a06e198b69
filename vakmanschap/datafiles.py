"""Reading the data files: CSV decoding and parsing, and every check on their content.

Each function appends problems (file, spreadsheet row, column letter and name, what is
wrong) to a list instead of raising, so that :func:`vakmanschap.framework.load_framework`
can report every problem in every file at once.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from pathlib import Path

from .i18n import t
from .schema import FALSE_WORDS, LIST_SEPARATOR, TABLES_BY_STEM, TRUE_WORDS, Column, Table

_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_SECTION_RE = re.compile(r"^\d+(\.\d+)*$")


def column_letter(index: int) -> str:
    """Spreadsheet letter of the 0-based column `index` (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


# --------------------------------------------------------------------------------------
# Reading one file
# --------------------------------------------------------------------------------------


def _decode(raw: bytes, filename: str, problems: list[str]) -> str | None:
    """Decode `raw` as UTF-8 (with or without BOM); on failure explain where and why."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = raw[exc.start]
        row = raw.count(b"\n", 0, exc.start) + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        line_end = raw.find(b"\n", exc.start)
        line = raw[line_start : None if line_end < 0 else line_end]
        column = ""
        guess = t("err.not_utf8_guess", char=bytes([bad]).decode("cp1252", errors="replace"))
        try:  # find the cell by reading the start of the line as Windows-1252
            before = line[: exc.start - line_start].decode("cp1252", errors="replace")
            cells = next(csv.reader([before], delimiter=_sniff_delimiter(before)), [""])
            column = t("err.column_suffix", letter=column_letter(max(len(cells) - 1, 0)))
        except csv.Error:
            column = ""
        problems.append(
            t(
                "err.not_utf8",
                file=filename,
                row=row,
                column=column,
                byte=f"{bad:02x}",
                guess=guess,
            )
        )
        return None


def _sniff_delimiter(header_line: str) -> str:
    """Comma by default; semicolon or tab when the header uses those (Dutch Excel does)."""
    counts = {sep: header_line.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] and counts[","] == 0 else ","


def _read_rows(text: str, filename: str, problems: list[str]) -> tuple[list[str], list[tuple]]:
    """Parse CSV `text` into (header, [(spreadsheet_row, cells), ...]); skip blank rows."""
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text), delimiter=_sniff_delimiter(first_line), strict=True)
    rows: list[tuple[int, list[str]]] = []
    try:
        for index, cells in enumerate(reader):
            if any(cell.strip() for cell in cells):
                rows.append((index + 1, [cell.strip() for cell in cells]))
    except csv.Error as exc:
        problems.append(t("err.csv_syntax", file=filename, row=reader.line_num, detail=exc))
        return [], []
    if not rows or rows[0][0] != 1:
        problems.append(t("err.empty_file", file=filename))
        return [], []
    return rows[0][1], rows[1:]


def _check_header(table: Table, header: list[str], problems: list[str]) -> bool:
    ok = True
    allowed = table.column_names
    seen: set[str] = set()
    for index, name in enumerate(header):
        letter = column_letter(index)
        if name in seen:
            problems.append(
                t("err.duplicate_column", file=table.filename, letter=letter, column=name)
            )
            ok = False
        elif name not in allowed:
            problems.append(
                t(
                    "err.extra_column",
                    file=table.filename,
                    letter=letter,
                    column=name,
                    allowed=", ".join(allowed),
                )
            )
        seen.add(name)
    for name in allowed:
        if name not in seen:
            problems.append(t("err.missing_column", file=table.filename, column=name))
            ok = False
    return ok


def _convert(column: Column, raw: str, where: dict, problems: list[str]) -> object:
    """Convert one cell to its Python value, appending a problem when it is invalid."""
    if raw == "":
        if column.required:
            problems.append(t("err.empty_cell", **where))
        return () if column.kind in ("ids", "texts") else ("" if column.kind != "int" else 0)
    kind = column.kind
    if kind in ("ids", "texts"):
        items = tuple(item.strip() for item in raw.split(LIST_SEPARATOR) if item.strip())
        if not items and column.required:  # only separators
            problems.append(t("err.empty_cell", **where))
        if kind == "ids":
            for item in items:
                if not _ID_RE.match(item):
                    problems.append(t("err.bad_id", value=item, **where))
        return items
    if kind == "id" and not _ID_RE.match(raw):
        problems.append(t("err.bad_id", value=raw, **where))
    elif kind == "choice" and raw not in column.choices:
        problems.append(t("err.bad_choice", value=raw, allowed=", ".join(column.choices), **where))
    elif kind == "section" and not _SECTION_RE.match(raw):
        problems.append(t("err.bad_section", value=raw, **where))
    elif kind == "int":
        if not re.fullmatch(r"[0-9]+", raw):
            problems.append(t("err.bad_int", value=raw, **where))
            return 0
        return int(raw)
    elif kind == "bool":
        word = raw.lower()
        if word not in TRUE_WORDS + FALSE_WORDS:
            allowed = ", ".join(TRUE_WORDS[:1] + FALSE_WORDS[:1])
            problems.append(t("err.bad_choice", value=raw, allowed=allowed, **where))
            return False
        return word in TRUE_WORDS
    return raw


def _read_table(
    folder: Path, table: Table, problems: list[str]
) -> tuple[list[dict], dict[str, int]] | None:
    """Read and type-check one file.

    Returns its records (each with its spreadsheet row in ``_row``) and each column's
    position in the file, or None when the file cannot be read at all.
    """
    path = folder / table.filename
    if not path.is_file():
        problems.append(t("err.missing_file", file=table.filename))
        return None
    text = _decode(path.read_bytes(), table.filename, problems)
    if text is None:
        return None
    header, rows = _read_rows(text, table.filename, problems)
    if not header or not _check_header(table, header, problems):
        return None
    if not rows:
        problems.append(t("err.empty_table", file=table.filename))
    position = {name: header.index(name) for name in table.column_names}
    records = []
    for row_number, cells in rows:
        if len(cells) > len(header):
            problems.append(
                t(
                    "err.too_many_cells",
                    file=table.filename,
                    row=row_number,
                    count=len(cells),
                    expected=len(header),
                )
            )
        record: dict = {"_row": row_number}
        for column in table.columns:
            index = position[column.name]
            raw = cells[index] if index < len(cells) else ""
            where = _where(table, row_number, index, column.name)
            record[column.name] = _convert(column, raw, where, problems)
        records.append(record)
    return records, position


def _where(table: Table, row: int, index: int, column: str) -> dict:
    return {"file": table.filename, "row": row, "letter": column_letter(index), "column": column}


# --------------------------------------------------------------------------------------
# Checks across rows and files
# --------------------------------------------------------------------------------------


def _check_keys(table: Table, records: list[dict], header_index: dict, problems: list[str]):
    if table.key is None:
        return
    first: dict[str, int] = {}
    for record in records:
        value = record[table.key]
        if value == "":
            continue
        if value in first:
            where = _where(table, record["_row"], header_index[table.key], table.key)
            problems.append(t("err.duplicate_id", value=value, first=first[value], **where))
        else:
            first[value] = record["_row"]
    key_column = next(c for c in table.columns if c.name == table.key)
    if key_column.kind == "choice":
        for choice in key_column.choices:
            if choice not in first:
                problems.append(
                    t("err.missing_row", file=table.filename, column=table.key, value=choice)
                )


def _check_unique_together(
    table: Table, records: list[dict], header_index: dict, problems: list[str]
):
    if not table.unique_together:
        return
    columns = [c for c in table.columns if c.name in table.unique_together]
    first: dict[tuple, int] = {}
    for record in records:
        combo = tuple(record[c.name] for c in columns)
        if "" in combo:
            continue
        if combo in first:
            label = ", ".join(f"{c.name}={v}" for c, v in zip(columns, combo, strict=True))
            first_column = table.unique_together[0]
            where = _where(table, record["_row"], header_index[first_column], first_column)
            where["column"] = ", ".join(table.unique_together)
            problems.append(t("err.duplicate_cell", value=label, first=first[combo], **where))
        else:
            first[combo] = record["_row"]
    for combo in itertools.product(*(c.choices for c in columns)):
        if combo not in first:
            label = ", ".join(f"{c.name}={v}" for c, v in zip(columns, combo, strict=True))
            problems.append(t("err.missing_combination", file=table.filename, combination=label))


def _check_references(tables: dict[str, list[dict]], headers: dict[str, dict], problems: list[str]):
    keys = {
        stem: {r[TABLES_BY_STEM[stem].key] for r in records}
        for stem, records in tables.items()
        if TABLES_BY_STEM[stem].key
    }
    for stem, records in tables.items():
        table = TABLES_BY_STEM[stem]
        for column in table.columns:
            if column.ref is None or column.ref not in keys:
                continue
            known = keys[column.ref]
            for record in records:
                value = record[column.name]
                items = value if isinstance(value, tuple) else ((value,) if value else ())
                for item in items:
                    if item not in known:
                        where = _where(
                            table, record["_row"], headers[stem][column.name], column.name
                        )
                        problems.append(
                            t(
                                "err.unknown_ref",
                                value=item,
                                ref_file=TABLES_BY_STEM[column.ref].filename,
                                known=", ".join(sorted(known)),
                                **where,
                            )
                        )


def _check_dilemmas(records: list[dict], header_index: dict, problems: list[str]):
    table = TABLES_BY_STEM["dilemmas"]
    for record in records:
        models = record["models"]
        if 0 < len(models) < 2:
            where = _where(table, record["_row"], header_index["models"], "models")
            problems.append(t("err.too_few_models", **where))
        for column in ("pole_a_models", "pole_b_models"):
            for model in record[column]:
                if models and model not in models:
                    where = _where(table, record["_row"], header_index[column], column)
                    problems.append(t("err.pole_model_not_in_models", value=model, **where))


def _check_questions(records: list[dict], header_index: dict, problems: list[str]):
    """A 'keuze' question needs options in both languages and a valid answer number."""
    table = TABLES_BY_STEM["questions"]
    for record in records:
        row = record["_row"]
        nl, en = record["options_nl"], record["options_en"]
        if record["kind"] == "keuze":
            if len(nl) < 2:
                where = _where(table, row, header_index["options_nl"], "options_nl")
                problems.append(t("err.too_few_options", **where))
            elif len(en) != len(nl):
                where = _where(table, row, header_index["options_en"], "options_en")
                problems.append(t("err.options_mismatch", count=len(en), expected=len(nl), **where))
            if not 1 <= record["answer"] <= max(len(nl), 1):
                where = _where(table, row, header_index["answer"], "answer")
                problems.append(t("err.bad_answer", value=record["answer"], count=len(nl), **where))
            for column in ("explanation_nl", "explanation_en"):
                if not record[column]:
                    where = _where(table, row, header_index[column], column)
                    problems.append(t("err.empty_cell", **where))
        elif nl or en or record["answer"]:
            column = "options_nl" if nl else ("options_en" if en else "answer")
            where = _where(table, row, header_index[column], column)
            problems.append(t("err.reflection_has_options", **where))
