"""Reading the data files: every check on their content.

:mod:`vakmanschap.csvread` turns a file into its header and rows (bytes, encoding, CSV
syntax); this module checks what they hold. Each function appends problems (file,
spreadsheet row, column letter and name, what is wrong) to a list instead of raising, so
that :func:`vakmanschap.framework.load_framework` can report every problem in every file
at once.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from .csvread import column_letter, read_rows, read_text
from .i18n import t
from .schema import FALSE_WORDS, LIST_SEPARATOR, TABLES_BY_STEM, TRUE_WORDS, Column, Table

_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_SECTION_RE = re.compile(r"^\d+(\.\d+)*$")
#: Largest whole number a cell may hold: the DataFrames store int columns as int64.
INT_MAX = 2**63 - 1
#: Longest cell value repeated in a message; longer ones are cut off with "…".
_SHOWN_MAX = 40


# --------------------------------------------------------------------------------------
# Reading one file
# --------------------------------------------------------------------------------------


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
    for column in table.columns:
        # an optional column may be missing (a lecturer's copy from before it was added):
        # its cells are read as empty
        if column.name not in seen and column.required:
            problems.append(t("err.missing_column", file=table.filename, column=column.name))
            ok = False
    return ok


def _shown(value: str) -> str:
    """`value` as a message repeats it: cut off after :data:`_SHOWN_MAX` characters."""
    return value if len(value) <= _SHOWN_MAX else value[:_SHOWN_MAX] + "…"


def _whole_number(raw: str, where: dict, problems: list[str]) -> int | None:
    """The whole number in cell `raw` (digits 0-9 only), or None after a problem."""
    if not re.fullmatch(r"[0-9]+", raw):
        problems.append(t("err.bad_int", value=_shown(raw), **where))
        return None
    digits = raw.lstrip("0") or "0"  # int() refuses over 4300 digits, even leading zeros
    if len(digits) > len(str(INT_MAX)) or int(digits) > INT_MAX:
        problems.append(t("err.int_too_large", value=_shown(raw), maximum=INT_MAX, **where))
        return None
    return int(digits)


def _convert(column: Column, raw: str, where: dict, problems: list[str]) -> object:
    """Convert one cell to its Python value, appending a problem when it is invalid.

    An invalid whole number becomes None, so later checks can tell it from a number.
    """
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
                    problems.append(t("err.bad_id", value=_shown(item), **where))
        return items
    shown = _shown(raw)
    if kind == "id" and not _ID_RE.match(raw):
        problems.append(t("err.bad_id", value=shown, **where))
    elif kind == "choice" and raw not in column.choices:
        allowed = ", ".join(column.choices)
        problems.append(t("err.bad_choice", value=shown, allowed=allowed, **where))
    elif kind == "section" and not _SECTION_RE.match(raw):
        problems.append(t("err.bad_section", value=shown, **where))
    elif kind == "int":
        return _whole_number(raw, where, problems)
    elif kind == "bool":
        word = raw.lower()
        if word not in TRUE_WORDS + FALSE_WORDS:
            allowed = ", ".join(TRUE_WORDS[:1] + FALSE_WORDS[:1])
            problems.append(t("err.bad_choice", value=shown, allowed=allowed, **where))
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
    text = read_text(folder / table.filename, table.filename, problems)
    if text is None:
        return None
    header, rows = read_rows(text, table.filename, problems)
    if not header or not _check_header(table, header, problems):
        return None
    if not rows:
        problems.append(t("err.empty_table", file=table.filename))
    # a missing optional column sits past the last cell, so every cell of it reads as empty
    position = {
        name: header.index(name) if name in header else len(header) + i
        for i, name in enumerate(table.column_names)
    }
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
    """Poles name models in tension; a model's reading is 'artikel' exactly when the row
    names it in ``models`` or ``reinforced_by`` (what the dilemma task counts as the
    article's answer)."""
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
        named = (*models, *record["reinforced_by"])
        for status_column in (c for c in table.columns if c.name.endswith("_status")):
            column, status = status_column.name, record[status_column.name]
            if not models or status not in status_column.choices:  # reported already
                continue
            if (status == "artikel") != (column.removesuffix("_status") in named):
                where = _where(table, record["_row"], header_index[column], column)
                problems.append(
                    t("err.reading_status", value=status, models="; ".join(named), **where)
                )


def _check_questions(records: list[dict], header_index: dict, problems: list[str]):
    """A 'keuze' question needs options in both languages, a valid answer number, an
    explanation and feedback for every option; a 'reflectie' question has no options, answer or
    feedback."""
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
            answer = record["answer"]  # None: not a number, already reported
            if answer is not None and not 1 <= answer <= max(len(nl), 1):
                where = _where(table, row, header_index["answer"], "answer")
                problems.append(t("err.bad_answer", value=answer, count=len(nl), **where))
            for column in ("explanation_nl", "explanation_en", "feedback_nl", "feedback_en"):
                where = _where(table, row, header_index[column], column)
                if not record[column]:
                    problems.append(t("err.empty_cell", **where))
                elif column.startswith("feedback") and len(nl) >= 2:
                    count = len(record[column])
                    if count != len(nl):
                        problems.append(
                            t("err.feedback_mismatch", count=count, expected=len(nl), **where)
                        )
        else:
            filled = [
                column
                for column in ("options_nl", "options_en", "answer", "feedback_nl", "feedback_en")
                if record[column]
            ]
            if filled:
                where = _where(table, row, header_index[filled[0]], filled[0])
                problems.append(t("err.reflection_has_options", **where))
