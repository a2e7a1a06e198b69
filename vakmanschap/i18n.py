"""Language setting and the message catalogue.

Every string a user reads (error messages, widget labels, figure titles) comes from
:data:`MESSAGES`, in Dutch and English. Dutch is the default; call
:func:`set_language` to switch. Data files keep their own ``*_nl`` / ``*_en`` columns;
:func:`localized` names the column for the current language.
"""

from __future__ import annotations

import string

LANGUAGES = ("nl", "en")

#: Message catalogue: key -> {"nl": ..., "en": ...}. Placeholders use ``str.format``.
MESSAGES: dict[str, dict[str, str]] = {
    # --- data validation -----------------------------------------------------------
    "err.header": {
        "nl": "Problemen in de gegevens in {path} ({count}):",
        "en": "Problems in the data in {path} ({count}):",
    },
    "err.not_a_folder": {
        "nl": "{path}: deze map bestaat niet (verwacht: een map met de CSV-bestanden van data/)",
        "en": "{path}: this folder does not exist (expected: a folder with the CSV files of data/)",
    },
    "err.missing_file": {
        "nl": "{file}: bestand ontbreekt",
        "en": "{file}: file is missing",
    },
    "err.empty_file": {
        "nl": "{file}: bestand is leeg (geen kopregel)",
        "en": "{file}: file is empty (no header row)",
    },
    "err.not_utf8": {
        "nl": (
            "{file}, rij {row}{column}: het bestand is geen UTF-8 (byte 0x{byte} kan niet "
            "gelezen worden; {guess}). Waarschijnlijk is het in Excel opgeslagen als 'CSV "
            "(gescheiden door lijstscheidingsteken)', dus als Windows-1252. Sla het opnieuw op "
            "als 'CSV UTF-8 (door komma's gescheiden)', of kies in LibreOffice de tekenset "
            "'Unicode (UTF-8)'."
        ),
        "en": (
            "{file}, row {row}{column}: the file is not UTF-8 (byte 0x{byte} cannot be read; "
            "{guess}). It was probably saved from Excel as 'CSV (delimited)', i.e. as "
            "Windows-1252. Save it again as 'CSV UTF-8 (comma delimited)', or choose the "
            "character set 'Unicode (UTF-8)' in LibreOffice."
        ),
    },
    "err.not_utf8_guess": {
        "nl": "in Windows-1252 zou dit '{char}' zijn",
        "en": "in Windows-1252 this would be '{char}'",
    },
    "err.column_suffix": {"nl": ", kolom {letter}", "en": ", column {letter}"},
    "err.csv_syntax": {
        "nl": "{file}, rij {row}: het bestand is geen geldige CSV ({detail})",
        "en": "{file}, row {row}: the file is not valid CSV ({detail})",
    },
    "err.missing_column": {
        "nl": "{file}, rij 1: kolom '{column}' ontbreekt",
        "en": "{file}, row 1: column '{column}' is missing",
    },
    "err.extra_column": {
        "nl": "{file}, rij 1, kolom {letter}: onbekende kolom '{column}' (toegestaan: {allowed})",
        "en": "{file}, row 1, column {letter}: unknown column '{column}' (allowed: {allowed})",
    },
    "err.duplicate_column": {
        "nl": "{file}, rij 1, kolom {letter}: kolom '{column}' staat er twee keer in",
        "en": "{file}, row 1, column {letter}: column '{column}' appears twice",
    },
    "err.too_many_cells": {
        "nl": "{file}, rij {row}: {count} cellen, maar de kopregel heeft er {expected}",
        "en": "{file}, row {row}: {count} cells, but the header row has {expected}",
    },
    "err.empty_cell": {
        "nl": "{file}, rij {row}, kolom {letter} ({column}): lege cel; dit veld is verplicht",
        "en": "{file}, row {row}, column {letter} ({column}): empty cell; this field is required",
    },
    "err.bad_id": {
        "nl": (
            "{file}, rij {row}, kolom {letter} ({column}): '{value}' is geen geldige id "
            "(gebruik kleine letters, cijfers en _, beginnend met een letter)"
        ),
        "en": (
            "{file}, row {row}, column {letter} ({column}): '{value}' is not a valid id "
            "(use lower-case letters, digits and _, starting with a letter)"
        ),
    },
    "err.duplicate_id": {
        "nl": (
            "{file}, rij {row}, kolom {letter} ({column}): id '{value}' komt al voor in rij {first}"
        ),
        "en": (
            "{file}, row {row}, column {letter} ({column}): id '{value}' already occurs in row "
            "{first}"
        ),
    },
    "err.bad_choice": {
        "nl": (
            "{file}, rij {row}, kolom {letter} ({column}): '{value}' is geen geldige waarde "
            "(kies uit: {allowed})"
        ),
        "en": (
            "{file}, row {row}, column {letter} ({column}): '{value}' is not a valid value "
            "(choose from: {allowed})"
        ),
    },
    "err.bad_int": {
        "nl": (
            "{file}, rij {row}, kolom {letter} ({column}): '{value}' is geen geheel getal van "
            "0 of meer"
        ),
        "en": (
            "{file}, row {row}, column {letter} ({column}): '{value}' is not a whole number of "
            "0 or more"
        ),
    },
    "err.bad_section": {
        "nl": (
            "{file}, rij {row}, kolom {letter} ({column}): '{value}' is geen paragraafnummer "
            "(zoals 4.1)"
        ),
        "en": (
            "{file}, row {row}, column {letter} ({column}): '{value}' is not a section number "
            "(such as 4.1)"
        ),
    },
    "err.unknown_ref": {
        "nl": (
            "{file}, rij {row}, kolom {letter} ({column}): '{value}' bestaat niet in "
            "{ref_file} (bekend: {known})"
        ),
        "en": (
            "{file}, row {row}, column {letter} ({column}): '{value}' does not exist in "
            "{ref_file} (known: {known})"
        ),
    },
    "err.duplicate_cell": {
        "nl": (
            "{file}, rij {row}, kolom {letter} ({column}): de combinatie {value} komt al voor "
            "in rij {first}"
        ),
        "en": (
            "{file}, row {row}, column {letter} ({column}): the combination {value} already "
            "occurs in row {first}"
        ),
    },
    "err.pole_model_not_in_models": {
        "nl": (
            "{file}, rij {row}, kolom {letter} ({column}): model '{value}' staat niet in de "
            "kolom models van deze rij"
        ),
        "en": (
            "{file}, row {row}, column {letter} ({column}): model '{value}' is not in this "
            "row's models column"
        ),
    },
    "err.too_few_models": {
        "nl": (
            "{file}, rij {row}, kolom {letter} ({column}): een dilemma heeft minstens twee "
            "sturingsmodellen in spanning nodig"
        ),
        "en": (
            "{file}, row {row}, column {letter} ({column}): a dilemma needs at least two "
            "steering models in tension"
        ),
    },
    "err.missing_row": {
        "nl": "{file}: er ontbreekt een rij met {column} '{value}'",
        "en": "{file}: a row with {column} '{value}' is missing",
    },
    "err.missing_combination": {
        "nl": "{file}: er ontbreekt een rij met {combination}",
        "en": "{file}: a row with {combination} is missing",
    },
    "err.empty_table": {
        "nl": "{file}: het bestand heeft geen gegevensrijen",
        "en": "{file}: the file has no data rows",
    },
    # --- lookups ---------------------------------------------------------------------
    "err.unknown_id": {
        "nl": "Onbekende {kind} '{value}'. Bekend: {known}",
        "en": "Unknown {kind} '{value}'. Known: {known}",
    },
    "err.unknown_language": {
        "nl": "Onbekende taal '{value}'. Kies uit: {known}",
        "en": "Unknown language '{value}'. Choose from: {known}",
    },
    "kind.role": {"nl": "functie", "en": "role"},
    "kind.quadrant": {"nl": "kwadrant", "en": "quadrant"},
    "kind.model": {"nl": "sturingsmodel", "en": "steering model"},
    "kind.dilemma": {"nl": "dilemma", "en": "dilemma"},
}

_state = {"language": "nl"}


def set_language(language: str) -> None:
    """Set the language of every user-facing string.

    Parameters
    ----------
    language : {"nl", "en"}
        ``"nl"`` (Dutch, the default) or ``"en"`` (English).

    Raises
    ------
    ValueError
        If `language` is not one of :data:`LANGUAGES`.
    """
    if language not in LANGUAGES:
        raise ValueError(t("err.unknown_language", value=language, known=", ".join(LANGUAGES)))
    _state["language"] = language


def get_language() -> str:
    """Return the current language code (``"nl"`` or ``"en"``)."""
    return _state["language"]


def t(key: str, language: str | None = None, **values: object) -> str:
    """Return message `key` in the current (or given) language, formatted with `values`.

    Parameters
    ----------
    key : str
        A key of :data:`MESSAGES`.
    language : str, optional
        Override the current language for this one message.
    **values
        Values for the message's ``{placeholders}``.

    Returns
    -------
    str
        The formatted message.
    """
    entry = MESSAGES[key]
    return entry[language or _state["language"]].format(**values)


def localized(field: str, language: str | None = None) -> str:
    """Return the data column holding `field` in the current language, e.g. ``"name_nl"``."""
    return f"{field}_{language or _state['language']}"


def placeholders(text: str) -> set[str]:
    """Return the names of the ``{placeholders}`` in `text` (used to check the catalogue)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}
