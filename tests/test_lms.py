"""Who handed in a file, from an LMS export's names: Canvas, Moodle, Brightspace and Blackboard
exports built as each LMS names them, with answer files that leave name and number empty.
"""

from __future__ import annotations

import io
import json
import time
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

import vakmanschap as vk
from vakmanschap import answers
from vakmanschap.answers import collect
from vakmanschap.answers.lms import (
    BLACKBOARD,
    BRIGHTSPACE,
    CANVAS,
    MOODLE,
    brightspace_date,
    identify,
    is_receipt,
    read_receipt,
)
from vakmanschap.classroom import table_html
from vakmanschap.classroom.export import HEADERS
from vakmanschap.i18n import t

OLD, MIDDLE, NEW = (
    "2026-11-01T10:00:00+00:00",
    "2026-11-15T10:00:00+00:00",
    "2026-11-20T10:00:00+00:00",
)
STUDENT_COLUMNS = ["student", "name", "number", "lms", "lms_name", "lms_id"]


def answer_file(choice: int, name: str = "", number: str = "", updated: str = OLD) -> bytes:
    """An answer file whose quiz choice tells which file was used."""
    doc = {
        "schema": answers.SCHEMA,
        "schema_version": answers.SCHEMA_VERSION,
        "student": {"name": name, "number": number},
        "updated": updated,
        "exercises": {
            "Quiz:interviews_dorp": {
                "widget": "Quiz",
                "version": 1,
                "question_id": "interviews_dorp",
                "choice": choice,
            }
        },
    }
    return json.dumps(doc).encode("utf-8")


def make_zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def write_tree(root: Path, entries: dict[str, bytes]) -> Path:
    for name, data in entries.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def students(result) -> dict[str, dict]:
    """The students table by LMS id (or by student id when the LMS gave none)."""
    table = result.students
    return {(row["lms_id"] or row["student"]): row for row in table.to_dict(orient="records")}


def choice_of(result, student: str) -> int:
    rows = result.answers
    (value,) = rows.loc[(rows["student"] == student) & (rows["measure"] == "choice"), "value"]
    return value


def report_rows(result, reason_key: str) -> list[tuple[str, str]]:
    """``(source, related)`` of every report row with the catalogue's `reason_key`."""
    rows = result.report.loc[result.report["reason"] == t(reason_key)]
    return list(zip(rows["source"], rows["related"], strict=True))


# -- Canvas -------------------------------------------------------------------------------------

CANVAS_EXPORT = {
    # Piet handed in, then again after the deadline: Canvas adds LATE and "-1"
    "jansenpiet_123456_7890100_mijn-antwoorden.json": answer_file(1, updated=NEW),
    "jansenpiet_LATE_123456_7890123_mijn-antwoorden-1.json": answer_file(2, updated=OLD),
    "vriesannade_234567_7890111_mijn-antwoorden.json": answer_file(3),
    # Kees filled in his name and number: they stay his
    "bakkerkees_345678_7890112_antwoorden.json": answer_file(1, "Kees Bakker", "s999"),
}


def test_canvas_export_with_a_late_resubmission(fw):
    result = collect(make_zip(CANVAS_EXPORT), fw)
    found = students(result)
    assert len(result.students) == 3
    piet = found["123456"]
    late = "upload.zip/jansenpiet_LATE_123456_7890123_mijn-antwoorden-1.json"
    assert (piet["student"], piet["name"], piet["number"]) == (
        "canvas:123456",
        "jansenpiet",
        "123456",
    )
    assert (piet["lms"], piet["lms_name"], piet["source"]) == (CANVAS, "jansenpiet", late)
    # the later attachment wins, although the earlier file's own stamp is newer
    assert choice_of(result, "canvas:123456") == 2
    early = "upload.zip/jansenpiet_123456_7890100_mijn-antwoorden.json"
    assert report_rows(result, "answers.older_attempt") == [(early, late)]
    kees = found["345678"]
    assert (kees["student"], kees["name"], kees["number"]) == ("nr:s999", "Kees Bakker", "s999")
    assert (kees["lms"], kees["lms_name"]) == (CANVAS, "bakkerkees")
    assert found["234567"]["name"] == "vriesannade"
    assert not report_rows(result, "answers.duplicate_file")


def test_canvas_names_in_detail():
    late = identify("klas/jansenpiet_LATE_123456_7890123_mijn-antwoorden-1.json")
    assert late is not None and late.late and late.attempt == 7890123
    assert late.original == "mijn-antwoorden.json"
    plain = identify("jansenpiet_123456_7890100_mijn-antwoorden-2026.json")
    assert plain is not None and not plain.late and plain.original == "mijn-antwoorden-2026.json"
    assert plain.person == late.person == "canvas:123456"


# -- Moodle -------------------------------------------------------------------------------------

MOODLE_EXPORT = {
    "Piet Jansen_1234567_assignsubmission_file/": b"",
    "Piet Jansen_1234567_assignsubmission_file/mijn-antwoorden.json": answer_file(1),
    "Anna de Vries_1234568_assignsubmission_file/mijn-antwoorden.json": answer_file(2, updated=OLD),
    # Anna handed in two files in one submission: not two attempts, her stamps decide
    "Anna de Vries_1234568_assignsubmission_file/kopie/mijn-antwoorden (1).json": answer_file(
        3, updated=NEW
    ),
    "Kees Bakker_1234569_assignsubmission_file/antwoorden.json": answer_file(1, "K. Bakker"),
    # blind marking: Moodle writes "Participant" (in the site's language) for the name
    "Participant_1234570_assignsubmission_file/mijn-antwoorden.json": answer_file(2),
}


@pytest.mark.parametrize("form", ["zip", "folder"])
def test_moodle_export_with_a_folder_per_student(fw, tmp_path, form):
    if form == "zip":
        result = collect(make_zip(MOODLE_EXPORT), fw)
        prefix = "upload.zip/"
    else:
        files = {k: v for k, v in MOODLE_EXPORT.items() if not k.endswith("/")}
        result = collect(write_tree(tmp_path / "moodle", files), fw)
        prefix = ""
    found = students(result)
    assert len(result.students) == 4
    piet = found["1234567"]
    assert (piet["student"], piet["name"], piet["number"]) == (
        "moodle:1234567",
        "Piet Jansen",
        "1234567",
    )
    assert piet["lms"] == MOODLE and piet["lms_name"] == "Piet Jansen"
    anna = "Anna de Vries_1234568_assignsubmission_file/"
    assert found["1234568"]["source"] == f"{prefix}{anna}kopie/mijn-antwoorden (1).json"
    assert choice_of(result, "moodle:1234568") == 3
    assert report_rows(result, "answers.duplicate_file") == [
        (f"{prefix}{anna}mijn-antwoorden.json", f"{prefix}{anna}kopie/mijn-antwoorden (1).json")
    ]
    kees = found["1234569"]
    assert (kees["student"], kees["name"], kees["number"]) == ("naam:k. bakker", "K. Bakker", "")
    assert kees["lms_name"] == "Kees Bakker"
    assert found["1234570"]["name"] == "Participant"
    assert not report_rows(result, "answers.older_attempt")


def test_moodle_without_folders_and_from_windows():
    flat = identify("Piet Jansen_1234567_assignsubmission_file_mijn-antwoorden.json")
    assert flat is not None and (flat.lms, flat.name, flat.user_id) == (
        MOODLE,
        "Piet Jansen",
        "1234567",
    )
    assert flat.original == "mijn-antwoorden.json"
    windows = identify("export.zip/Piet Jansen_1234567_assignsubmission_file\\mijn-antwoorden.json")
    assert windows is not None and windows.person == flat.person == "moodle:1234567"


# -- Brightspace --------------------------------------------------------------------------------

BRIGHTSPACE_FOLDERS = {
    "123456-78901 - Piet Jansen - Dec 1, 2026 232 PM/mijn-antwoorden.json": answer_file(
        1, updated=NEW
    ),
    # the second submission has other numbers: Piet is known by his name
    "123499-78950 - Piet Jansen - Dec 2, 2026 1005 AM/mijn-antwoorden.json": answer_file(
        2, updated=OLD
    ),
    "123457-78902 - Anna de Vries - 1 dec. 2026 1432/mijn-antwoorden.json": answer_file(3),
    "123457-78902 - Anna de Vries - 1 dec. 2026 1432/index.html": b"<html></html>",
}
BRIGHTSPACE_FLAT = {
    "123458-78903 - Kees Bakker - Dec 3, 2026 9:00 AM - mijn-antwoorden.json": answer_file(2),
    "123458-78904 - Kees Bakker - Dec 1, 2026 2:32 PM - mijn - antwoorden.json": answer_file(
        1, updated=NEW
    ),
    # a date in a language not read here: kept as text; the files' own stamps decide
    "123459-78905 - Lisa Smit - 1er déc. 2026 14 h 32 - mijn-antwoorden.json": answer_file(
        1, updated=OLD
    ),
    "123459-78906 - Lisa Smit - 2 déc. 2026 9 h 00 - mijn-antwoorden.json": answer_file(
        3, updated=MIDDLE
    ),
}


def test_brightspace_export_folder_and_flat_forms(fw):
    uploads = [
        ("folders.zip", make_zip(BRIGHTSPACE_FOLDERS)),
        ("flat.zip", make_zip(BRIGHTSPACE_FLAT)),
    ]
    result = collect(uploads, fw)
    by_name = {row["lms_name"]: row for row in result.students.to_dict(orient="records")}
    assert sorted(by_name) == ["Anna de Vries", "Kees Bakker", "Lisa Smit", "Piet Jansen"]
    piet = by_name["Piet Jansen"]
    newer = "folders.zip/123499-78950 - Piet Jansen - Dec 2, 2026 1005 AM/mijn-antwoorden.json"
    older = "folders.zip/123456-78901 - Piet Jansen - Dec 1, 2026 232 PM/mijn-antwoorden.json"
    assert (piet["student"], piet["name"], piet["number"]) == (
        "brightspace:piet jansen",
        "Piet Jansen",
        "123499-78950",
    )
    assert (piet["lms"], piet["lms_id"], piet["source"]) == (BRIGHTSPACE, "123499-78950", newer)
    assert choice_of(result, "brightspace:piet jansen") == 2
    kees_new = "flat.zip/123458-78903 - Kees Bakker - Dec 3, 2026 9:00 AM - mijn-antwoorden.json"
    kees_old = "flat.zip/123458-78904 - Kees Bakker - Dec 1, 2026 2:32 PM - mijn - antwoorden.json"
    assert choice_of(result, "brightspace:kees bakker") == 2
    lisa_new = "flat.zip/123459-78906 - Lisa Smit - 2 déc. 2026 9 h 00 - mijn-antwoorden.json"
    lisa_old = "flat.zip/123459-78905 - Lisa Smit - 1er déc. 2026 14 h 32 - mijn-antwoorden.json"
    assert choice_of(result, "brightspace:lisa smit") == 3
    assert sorted(report_rows(result, "answers.older_attempt")) == sorted(
        [(older, newer), (kees_old, kees_new), (lisa_old, lisa_new)]
    )
    assert by_name["Anna de Vries"]["lms_id"] == "123457-78902"
    assert not report_rows(result, "answers.duplicate_file")
    lisa = identify(lisa_new)
    assert lisa is not None and lisa.attempt is None and lisa.attempt_text == "2 déc. 2026 9 h 00"


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        ("Dec 1, 2026 2:32 PM", datetime(2026, 12, 1, 14, 32)),
        ("Dec 1, 2026 232 PM", datetime(2026, 12, 1, 14, 32)),
        ("Sept 9, 2026 1205 AM", datetime(2026, 9, 9, 0, 5)),
        ("December 1, 2026 12:00 PM", datetime(2026, 12, 1, 12, 0)),
        ("13 September 2025 310 PM", datetime(2025, 9, 13, 15, 10)),
        ("1 dec. 2026 1432", datetime(2026, 12, 1, 14, 32)),
        ("1 december 2026 14:32", datetime(2026, 12, 1, 14, 32)),
        ("3 mrt. 2026 0905", datetime(2026, 3, 3, 9, 5)),
        ("12 okt 2026 9.05", datetime(2026, 10, 12, 9, 5)),
        ("2026-12-01 14:32", datetime(2026, 12, 1, 14, 32)),
        ("1-12-2026 1432", datetime(2026, 12, 1, 14, 32)),
        ("Dec 32, 2026 1 PM", None),
        ("Dec 1, 2026 1332 PM", None),
        ("Ma 1, 2026 1200", None),
        ("gisteren", None),
        ("1er déc. 2026 14 h 32", None),
    ],
)
def test_brightspace_dates_in_english_dutch_and_iso(text, moment):
    assert brightspace_date(text) == moment


# -- Blackboard ---------------------------------------------------------------------------------

STAMP_1, STAMP_2 = "2026-12-01-14-32-05", "2026-12-02-09-00-00"


def receipt(
    name: str, user: str, stamp: str, files: list[str], prefix: str = "Opdracht 1"
) -> bytes:
    lines = [
        f"Name: {name} ({user})",
        "Assignment: Opdracht 1",
        "Date Submitted: Tuesday, December 1, 2026 2:32:05 PM CET",
        "Current Grade: Needs Grading",
        "",
        "Submission Field:",
        "There is no student submission text data for this assignment.",
        "",
        "Comments:",
        "There are no student comments for this assignment.",
        "",
        "Files:",
    ]
    for original in files:
        lines += [
            f"\tOriginal filename: {original}",
            f"\tFilename: {prefix}_{user}_attempt_{stamp}_{original}",
        ]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


BLACKBOARD_EXPORT = {
    f"Opdracht 1_pjansen_attempt_{STAMP_1}.txt": receipt(
        "Piet Jansen", "pjansen", STAMP_1, ["mijn-antwoorden.json"]
    ),
    f"Opdracht 1_pjansen_attempt_{STAMP_1}_mijn-antwoorden.json": answer_file(1, updated=NEW),
    f"Opdracht 1_pjansen_attempt_{STAMP_2}.txt": receipt(
        "Piet Jansen", "pjansen", STAMP_2, ["mijn-antwoorden.json"]
    ),
    f"Opdracht 1_pjansen_attempt_{STAMP_2}_mijn-antwoorden.json": answer_file(2, updated=OLD),
    # a username with "_": the receipt says where it starts
    f"Opdracht 1_a_devries_attempt_{STAMP_1}_mijn-antwoorden.json": answer_file(3),
    f"Opdracht 1_a_devries_attempt_{STAMP_1}.txt": receipt(
        "Anna de Vries", "a_devries", STAMP_1, ["mijn-antwoorden.json"]
    ),
    # Kees handed in a Word file only: his receipt is not needed
    f"Opdracht 1_kbakker_attempt_{STAMP_1}.txt": receipt(
        "Kees Bakker", "kbakker", STAMP_1, ["verslag.docx"]
    ),
    f"Opdracht 1_kbakker_attempt_{STAMP_1}_verslag.docx": b"PK\x03\x04 word",
    # Lisa's receipt lost its name line: her username is used
    f"Opdracht 1_lsmit_attempt_{STAMP_1}.txt": b"Assignment: Opdracht 1\r\n",
    f"Opdracht 1_lsmit_attempt_{STAMP_1}_mijn-antwoorden.json": answer_file(1),
}


@pytest.mark.parametrize("form", ["zip", "folder"])
def test_blackboard_export_with_receipts_and_two_attempts(fw, tmp_path, form):
    if form == "zip":
        result = collect([("gradebook_OPD1.zip", make_zip(BLACKBOARD_EXPORT))], fw)
        prefix = "gradebook_OPD1.zip/"
    else:
        result = collect(write_tree(tmp_path / "gradebook", BLACKBOARD_EXPORT), fw)
        prefix = ""
    found = students(result)
    assert sorted(found) == ["a_devries", "lsmit", "pjansen"]
    piet = found["pjansen"]
    assert (piet["student"], piet["name"], piet["number"]) == (
        "blackboard:pjansen",
        "Piet Jansen",
        "pjansen",
    )
    assert (piet["lms"], piet["lms_name"]) == (BLACKBOARD, "Piet Jansen")
    newer = f"{prefix}Opdracht 1_pjansen_attempt_{STAMP_2}_mijn-antwoorden.json"
    older = f"{prefix}Opdracht 1_pjansen_attempt_{STAMP_1}_mijn-antwoorden.json"
    assert piet["source"] == newer and choice_of(result, "blackboard:pjansen") == 2
    assert report_rows(result, "answers.older_attempt") == [(older, newer)]
    anna = found["a_devries"]
    assert (anna["name"], anna["number"], anna["lms_name"]) == (
        "Anna de Vries",
        "a_devries",
        "Anna de Vries",
    )
    assert found["lsmit"]["name"] == "lsmit"
    assert report_rows(result, "answers.lms_receipt_unused") == [
        (f"{prefix}Opdracht 1_kbakker_attempt_{STAMP_1}.txt", "")
    ]
    assert report_rows(result, "answers.lms_receipt_bad") == [
        (f"{prefix}Opdracht 1_lsmit_attempt_{STAMP_1}.txt", "")
    ]
    assert report_rows(result, "answers.not_json_name") == [
        (f"{prefix}Opdracht 1_kbakker_attempt_{STAMP_1}_verslag.docx", "")
    ]


def test_a_blackboard_receipt_that_names_another_user_is_not_used(fw):
    files = {
        f"Opdracht 1_pjansen_attempt_{STAMP_1}.txt": receipt(
            "Iemand Anders", "ianders", STAMP_1, []
        ),
        f"Opdracht 1_pjansen_attempt_{STAMP_1}_mijn-antwoorden.json": answer_file(1),
        f"Opdracht 1_vdberg_attempt_{STAMP_1}.txt": b"\xff\xfeN\x00a\x00" * 50_000,  # no text
        f"Opdracht 1_vdberg_attempt_{STAMP_1}_mijn-antwoorden.json": answer_file(2),
    }
    result = collect(make_zip(files), fw)
    assert sorted(result.students["name"]) == ["pjansen", "vdberg"]
    assert len(report_rows(result, "answers.lms_receipt_bad")) == 2
    assert read_receipt(b"Naam: Piet Jansen (pjansen)\n") is not None  # a Dutch Blackboard
    assert read_receipt(b"Name: Piet\x1bJansen (pjansen)\n") is None
    assert is_receipt(f"x/Opdracht 1_pjansen_attempt_{STAMP_1}.txt")
    assert not is_receipt(f"Opdracht 1_pjansen_attempt_{STAMP_1}_notities.txt")
    assert not is_receipt("notities.txt")


SMITS = {
    f"Opdracht 1_jan_smit_attempt_{STAMP_1}_mijn-antwoorden.json": answer_file(1, updated=NEW),
    f"Opdracht 1_piet_smit_attempt_{STAMP_1}_mijn-antwoorden.json": answer_file(2, updated=OLD),
    f"Opdracht 1_jan_smit_attempt_{STAMP_2}_mijn-antwoorden.json": answer_file(3, updated=OLD),
}


def test_blackboard_usernames_with_underscores_are_not_guessed_without_receipts(fw):
    # "jan_smit" and "piet_smit", or users "smit" in assignments "Opdracht 1_jan" and
    # "Opdracht 1_piet"? Without a receipt nobody knows: no identity, and no file is lost
    files = {**SMITS, f"Opdracht 1_pjansen_attempt_{STAMP_1}_mijn-antwoorden.json": answer_file(1)}
    result = collect(make_zip(files), fw)
    table = result.students
    assert sorted(table["student"]) == sorted(
        ["blackboard:pjansen", *(f"bestand:upload.zip/{name}" for name in SMITS)]
    )
    assert set(table.loc[table["student"] != "blackboard:pjansen", "lms"]) == {""}
    rows = result.answers
    assert sorted(rows.loc[rows["measure"] == "choice", "value"]) == [1, 1, 2, 3]
    assert result.report.empty


@pytest.mark.parametrize("form", ["zip", "folder"])
def test_blackboard_usernames_with_underscores_come_from_the_receipts(fw, tmp_path, form):
    files = {
        **SMITS,
        f"Opdracht 1_jan_smit_attempt_{STAMP_1}.txt": receipt(
            "Jan Smit", "jan_smit", STAMP_1, ["mijn-antwoorden.json"]
        ),
        f"Opdracht 1_piet_smit_attempt_{STAMP_1}.txt": receipt(
            "Piet Smit", "piet_smit", STAMP_1, ["mijn-antwoorden.json"]
        ),
        f"Opdracht 1_jan_smit_attempt_{STAMP_2}.txt": receipt(
            "Jan Smit", "jan_smit", STAMP_2, ["mijn-antwoorden.json"]
        ),
    }
    if form == "zip":
        result, prefix = collect(make_zip(files), fw), "upload.zip/"
    else:
        result, prefix = collect(write_tree(tmp_path / "bb", files), fw), ""
    found = students(result)
    assert sorted(found) == ["jan_smit", "piet_smit"]
    jan, piet = found["jan_smit"], found["piet_smit"]
    assert (jan["student"], jan["name"], jan["lms_name"]) == (
        "blackboard:jan_smit",
        "Jan Smit",
        "Jan Smit",
    )
    assert (piet["student"], piet["name"], piet["number"]) == (
        "blackboard:piet_smit",
        "Piet Smit",
        "piet_smit",
    )
    assert choice_of(result, "blackboard:jan_smit") == 3  # Jan's later attempt
    assert choice_of(result, "blackboard:piet_smit") == 2
    assert report_rows(result, "answers.older_attempt") == [
        (
            f"{prefix}Opdracht 1_jan_smit_attempt_{STAMP_1}_mijn-antwoorden.json",
            f"{prefix}Opdracht 1_jan_smit_attempt_{STAMP_2}_mijn-antwoorden.json",
        )
    ]
    assert len(result.report) == 1  # every receipt used


# -- one student, own names, nothing known ------------------------------------------------------


def test_a_file_that_names_itself_is_not_joined_to_its_lms_persons_other_files(fw):
    files = [
        ("jansenpiet_123456_7890100_mijn-antwoorden.json", answer_file(1, "Piet", "s1", MIDDLE)),
        ("jansenpiet_123456_7890123_mijn-antwoorden-1.json", answer_file(2, updated=NEW)),
        ("los/mijn-antwoorden.json", answer_file(3, "Piet", "s1", updated=OLD)),
    ]
    result = collect(files, fw)
    found = {row["student"]: row for row in result.students.to_dict(orient="records")}
    assert sorted(found) == ["canvas:123456", "nr:s1"]
    # the file without a name is the Canvas user's; the file with a number keeps its own
    anonymous = found["canvas:123456"]
    assert (anonymous["name"], anonymous["number"]) == ("jansenpiet", "123456")
    assert choice_of(result, "canvas:123456") == 2
    own = found["nr:s1"]
    assert (own["name"], own["number"], own["lms"], own["lms_id"]) == (
        "Piet",
        "s1",
        CANVAS,
        "123456",
    )
    assert choice_of(result, "nr:s1") == 1
    # the same number outside the export is still the same student, as always
    assert report_rows(result, "answers.duplicate_file") == [
        ("los/mijn-antwoorden.json", "jansenpiet_123456_7890100_mijn-antwoorden.json")
    ]
    assert not report_rows(result, "answers.older_attempt")


def test_two_brightspace_students_with_one_name_and_their_own_numbers_stay_two(fw):
    export = {
        "123456-78901 - Jan de Vries - Dec 1, 2026 232 PM/mijn-antwoorden.json": answer_file(
            1, "Jan de Vries", "s111", updated=NEW
        ),
        "123499-78950 - Jan de Vries - Dec 2, 2026 1005 AM/mijn-antwoorden.json": answer_file(
            2, "Jan de Vries", "s222", updated=OLD
        ),
    }
    result = collect(make_zip(export), fw)
    found = students(result)
    assert sorted(found) == ["123456-78901", "123499-78950"]
    first, second = found["123456-78901"], found["123499-78950"]
    assert (first["student"], first["number"]) == ("nr:s111", "s111")
    assert (second["student"], second["number"]) == ("nr:s222", "s222")
    assert {first["lms_name"], second["lms_name"]} == {"Jan de Vries"}
    assert (choice_of(result, "nr:s111"), choice_of(result, "nr:s222")) == (1, 2)
    assert not report_rows(result, "answers.older_attempt")
    assert not report_rows(result, "answers.duplicate_file")


def test_a_canvas_user_with_two_differently_numbered_files_is_two_students(fw):
    export = {
        "jansenpiet_123456_7890100_mijn-antwoorden.json": answer_file(1, "Piet", "s111"),
        "jansenpiet_123456_7890123_antwoorden-anna.json": answer_file(2, "Anna", "s222"),
        # a third, anonymous attempt is the Canvas user: it joins neither numbered file
        "jansenpiet_123456_7890130_mijn-antwoorden-1.json": answer_file(3),
    }
    result = collect(make_zip(export), fw)
    assert sorted(result.students["student"]) == ["canvas:123456", "nr:s111", "nr:s222"]
    assert set(result.students["lms_id"]) == {"123456"}
    assert [choice_of(result, s) for s in ("nr:s111", "nr:s222", "canvas:123456")] == [1, 2, 3]
    assert result.report.empty


@pytest.mark.parametrize(
    "path",
    [
        "mijn-antwoorden.json",
        "klas/week 1/mijn-antwoorden.json",
        "Jan Jansen_123_b.json",
        "jansen piet_123456_7890123_x.json",
        "jansenpiet_123456_x.json",
        "jansenpiet_12a456_7890123_x.json",
        "Piet Jansen_1234567_assignsubmission_onlinetext/x.json",
        "Piet Jansen_assignsubmission_file/x.json",
        "123456-78901 - Piet Jansen/x.json",
        "123456-78901 - Piet Jansen - gisteren/x.json",
        "123456 - Piet Jansen - Dec 1, 2026 232 PM/x.json",
        "123456-78901 - Piet Jansen - Dec 1, 2026 232 PM",
        "Opdracht 1_pjansen_attempt_2026-13-01-00-00-00_x.json",
        "Opdracht 1_pjansen_attempt_2026-12-01_x.json",
        "pjansen_attempt_2026-12-01-14-32-05_x.json",
        "_attempt_2026-12-01-14-32-05_x.json",
        "Opdracht 1_jan_smit_attempt_2026-12-01-14-32-05_x.json",
        "Opdracht_1_pjansen_attempt_2026-12-01-14-32-05_x.json",
    ],
)
def test_unknown_naming_gives_no_identity(path):
    assert identify(path) is None


def test_files_without_a_known_naming_keep_the_old_ways(fw):
    files = [("mijn-antwoorden.json", answer_file(1)), ("a/piet.json", answer_file(2, "Piet"))]
    result = collect(files, fw)
    assert sorted(result.students["student"]) == ["bestand:mijn-antwoorden.json", "naam:piet"]
    for column in ("lms", "lms_name", "lms_id"):
        assert set(result.students[column]) == {""}
    assert list(result.students.columns) == [
        "student",
        "name",
        "number",
        "source",
        "updated",
        "lms",
        "lms_name",
        "lms_id",
    ]


# -- hostile names ------------------------------------------------------------------------------

HOSTILE_PATHS = [
    "../../etc/Piet Jansen_1234567_assignsubmission_file/x.json",
    "klas/../Piet Jansen_1234567_assignsubmission_file/x.json",
    "/tmp/Piet Jansen_1234567_assignsubmission_file/x.json",
    "C:\\Users\\Piet Jansen_1234567_assignsubmission_file\\x.json",
    "Piet\nJansen_1234567_assignsubmission_file/x.json",
    "Piet\x1b[31mJansen_1234567_assignsubmission_file/x.json",
    "\u202enesnaJ teiP_1234567_assignsubmission_file/x.json",
    "Piet \ufffd_1234567_assignsubmission_file/x.json",
    "jansen\x07piet_123456_7890123_x.json",
    "123456-78901 - Piet\tJansen\x00 - Dec 1, 2026 232 PM/x.json",
    f"Opdracht 1_pj\x7fansen_attempt_{STAMP_1}_x.json",
    "a" * 81 + "_1234567_assignsubmission_file/x.json",
    "Piet Jansen_" + "1" * 41 + "_assignsubmission_file/x.json",
    "jansenpiet_" + "1" * 41 + "_7890123_x.json",
    "P" * 10_000 + "_1234567_assignsubmission_file/x.json",
    "jansenpiet_123456_7890123_" + "x" * 10_000 + ".json",
    "123456-78901 - Piet Jansen - Dec 1, 2026 232 PM - " + " - " * 5_000 + "x.json",
    "Opdracht_pjansen_attempt_" + "_attempt_" * 5_000 + f"{STAMP_1}_x.json",
]


@pytest.mark.parametrize("path", HOSTILE_PATHS, ids=range(len(HOSTILE_PATHS)))
def test_hostile_names_give_no_identity_and_take_no_time(path):
    start = time.perf_counter()
    assert identify(path) is None
    assert not is_receipt(path)
    assert time.perf_counter() - start < 0.5


def test_hostile_names_in_an_export_are_read_safely(fw, tmp_path):
    files = {
        "Piet\x1b[31mJansen_1234567_assignsubmission_file/x.json": answer_file(1),
        "P" * 10_000 + "_1234567_assignsubmission_file/x.json": answer_file(2),
        "<img src=x onerror=alert(1)>_1234568_assignsubmission_file/x.json": answer_file(3),
        "../Anna de Vries_1234569_assignsubmission_file/x.json": answer_file(1),
    }
    result = collect(make_zip(files), fw)
    assert len(result.students) == 3
    assert report_rows(result, "answers.unsafe_name") == [
        ("upload.zip/../Anna de Vries_1234569_assignsubmission_file/x.json", "")
    ]
    assert set(result.students.loc[result.students["lms"] == "", "student"]) == {
        f"bestand:upload.zip/{name}" for name in list(files)[:2]
    }
    page = table_html(result.students, STUDENT_COLUMNS)
    assert "<img" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    # on disk: a folder whose name holds a line break
    folder = write_tree(
        tmp_path / "klas", {"Piet\nJansen_1234567_assignsubmission_file/x.json": answer_file(1)}
    )
    (row,) = collect(folder, fw).students.to_dict(orient="records")
    assert row["lms"] == "" and row["student"].startswith("bestand:")


# -- what the lecturer sees ---------------------------------------------------------------------


def test_pseudonyms_hide_the_lms_names_and_ids(fw):
    result = collect(make_zip(CANVAS_EXPORT), fw).pseudonymised()
    assert set(result.students["lms"]) == {CANVAS}
    for column in ("name", "number", "lms_name", "lms_id"):
        assert set(result.students[column]) == {""}, column
    shown = " ".join(map(str, result.students.to_numpy().ravel()))
    shown += " ".join(map(str, result.report.to_numpy().ravel()))
    assert "jansenpiet" not in shown and "123456" not in shown


def test_the_students_table_has_headers_in_both_languages(fw):
    result = collect(make_zip(CANVAS_EXPORT), fw)
    for language in ("nl", "en"):
        vk.set_language(language)
        page = table_html(result.students, STUDENT_COLUMNS)
        for column in STUDENT_COLUMNS:
            assert f"<th scope='col'>{t(HEADERS[column])}</th>" in page
        assert "jansenpiet" in page and "Kees Bakker" in page
    assert t(HEADERS["lms_name"], language="en") != t(HEADERS["lms_name"], language="nl")


def test_progress_counts_the_receipts_as_files(fw):
    calls: list[tuple[int, int | None]] = []
    collect([("bb.zip", make_zip(BLACKBOARD_EXPORT))], fw, progress=lambda *c: calls.append(c))
    assert calls[-1] == (len(BLACKBOARD_EXPORT), len(BLACKBOARD_EXPORT))
