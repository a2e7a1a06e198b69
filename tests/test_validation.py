"""A lecturer's broken copy of data/ gives one message listing every problem."""

from __future__ import annotations

import csv
import errno
import os
import random
import shutil
from pathlib import Path

import pytest

import vakmanschap as vk
from vakmanschap import FrameworkDataError
from vakmanschap.i18n import t
from vakmanschap.schema import TABLES


def rewrite(path: Path, edit) -> None:
    """Apply `edit(rows)` to the CSV at `path` (rows include the header)."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    edit(rows)
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)


def problems_for(folder: Path) -> list[str]:
    with pytest.raises(FrameworkDataError) as info:
        vk.load_framework(folder)
    err = info.value
    assert str(err).count("\n  - ") == len(err.problems)
    assert str(folder) in str(err)
    return err.problems


def test_valid_copy_loads(data_copy):
    fw = vk.load_framework(data_copy)
    assert len(fw.roles) == 8
    assert fw.path == data_copy.resolve()


def test_typo_in_quadrant_id_names_file_row_and_column(data_copy):
    def edit(rows):
        rows[3][7] = "klassiek_intren"  # controller, spreadsheet row 4, column H

    rewrite(data_copy / "roles.csv", edit)
    (problem,) = problems_for(data_copy)
    assert problem.startswith("roles.csv, rij 4, kolom H (quadrant_id):")
    assert "'klassiek_intren' bestaat niet in quadrants.csv" in problem
    assert "klassiek_intern" in problem  # lists what is known


def test_deleted_column(data_copy):
    rewrite(data_copy / "quadrants.csv", lambda rows: [r.pop(2) for r in rows])
    (problem,) = problems_for(data_copy)
    assert problem == "quadrants.csv, rij 1: kolom 'focus' ontbreekt"


def test_extra_and_duplicate_column(data_copy):
    def edit(rows):
        rows[0].append("opmerking")
        rows[0].append("role_id")
        for row in rows[1:]:
            row.extend(["", ""])

    rewrite(data_copy / "roles.csv", edit)
    problems = problems_for(data_copy)
    assert any(
        p.startswith("roles.csv, rij 1, kolom I: onbekende kolom 'opmerking'") for p in problems
    )
    assert any(
        p.startswith("roles.csv, rij 1, kolom J: kolom 'role_id' staat er twee keer")
        for p in problems
    )


def test_empty_required_cell(data_copy):
    def edit(rows):
        rows[2][1] = ""  # second role's name_nl

    rewrite(data_copy / "roles.csv", edit)
    assert problems_for(data_copy) == [
        "roles.csv, rij 3, kolom B (name_nl): lege cel; dit veld is verplicht"
    ]


def test_duplicate_id(data_copy):
    def edit(rows):
        rows[5][0] = rows[2][0]

    rewrite(data_copy / "quotes.csv", edit)
    (problem,) = problems_for(data_copy)
    assert problem.startswith("quotes.csv, rij 6, kolom A (quote_id): id '")
    assert problem.endswith("komt al voor in rij 3")


def test_dilemma_naming_a_fourth_model(data_copy):
    def edit(rows):
        rows[1][10] = "klassiek; markt"  # models column K

    rewrite(data_copy / "dilemmas.csv", edit)
    problems = problems_for(data_copy)
    assert any(
        p.startswith(
            "dilemmas.csv, rij 2, kolom K (models): 'markt' bestaat niet in steering_models.csv"
        )
        for p in problems
    )


def test_pole_model_must_be_in_tension(data_copy):
    def edit(rows):
        rows[1][6] = "npm"  # pole_a_models of a klassiek-netwerk dilemma

    rewrite(data_copy / "dilemmas.csv", edit)
    (problem,) = problems_for(data_copy)
    assert "rij 2, kolom G (pole_a_models): model 'npm' staat niet in de kolom models" in problem


def test_windows_1252_save_is_explained(data_copy):
    path = data_copy / "dilemmas.csv"
    text = path.read_text(encoding="utf-8")
    assert "ë" in text  # efficiëntie: a character Excel saves as one Windows-1252 byte
    path.write_bytes(text.encode("cp1252"))
    (problem,) = problems_for(data_copy)
    assert problem.startswith("dilemmas.csv, rij ")
    assert "geen UTF-8" in problem
    assert "Windows-1252" in problem
    assert "CSV UTF-8" in problem
    # the first non-ASCII character in the file decides the row; check it is the right one
    lines = path.read_bytes().split(b"\n")
    first_bad = next(i for i, line in enumerate(lines) if any(b > 127 for b in line)) + 1
    assert f"rij {first_bad}, kolom " in problem


def test_every_problem_in_every_file_is_listed(data_copy):
    rewrite(data_copy / "roles.csv", lambda rows: rows[4].__setitem__(7, "onbekend"))
    rewrite(data_copy / "municipalities.csv", lambda rows: rows[3].__setitem__(5, "tien"))
    rewrite(data_copy / "quadrants.csv", lambda rows: rows[2].__setitem__(3, "vier"))
    (data_copy / "quotes.csv").unlink()
    problems = problems_for(data_copy)
    assert len(problems) == 4
    joined = "\n".join(problems)
    assert "roles.csv, rij 5, kolom H (quadrant_id): 'onbekend'" in joined
    assert "municipalities.csv, rij 4, kolom F (interviews): 'tien' is geen geheel getal" in joined
    assert "quadrants.csv, rij 3, kolom D (section): 'vier' is geen paragraafnummer" in joined
    assert "quotes.csv: bestand ontbreekt" in joined


def test_bad_choice_and_missing_combination(data_copy):
    rewrite(data_copy / "quadrants.csv", lambda rows: rows[1].__setitem__(2, "buiten"))
    problems = problems_for(data_copy)
    assert any(
        p.startswith("quadrants.csv, rij 2, kolom C (focus): 'buiten' is geen geldige waarde")
        for p in problems
    )
    assert (
        "quadrants.csv: er ontbreekt een rij met professionalism=klassiek, focus=extern" in problems
    )


def test_missing_steering_model_row(data_copy):
    rewrite(data_copy / "steering_models.csv", lambda rows: rows.pop(2))
    problems = problems_for(data_copy)
    assert "steering_models.csv: er ontbreekt een rij met model_id 'npm'" in problems
    assert any("'npm' bestaat niet in steering_models.csv" in p for p in problems)


def test_bad_id_and_too_many_cells(data_copy):
    def edit(rows):
        rows[1][0] = "Jurist"
        rows[2].append("extra")

    rewrite(data_copy / "roles.csv", edit)
    problems = problems_for(data_copy)
    assert any(
        p.startswith("roles.csv, rij 2, kolom A (role_id): 'Jurist' is geen geldige id")
        for p in problems
    )
    assert "roles.csv, rij 3: 9 cellen, maar de kopregel heeft er 8" in problems


def test_empty_file_and_unterminated_quote(data_copy):
    (data_copy / "research_design.csv").write_text("", encoding="utf-8")
    path = data_copy / "recommendations.csv"
    path.write_text(path.read_text(encoding="utf-8") + 'kapot,"7,x\n', encoding="utf-8")
    problems = problems_for(data_copy)
    assert "research_design.csv: bestand is leeg (geen kopregel)" in problems
    assert any(
        p.startswith("recommendations.csv, rij ") and "geen geldige CSV" in p for p in problems
    )


def test_semicolon_csv_from_dutch_excel_and_bom_are_accepted(data_copy):
    path = data_copy / "roles.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, delimiter=";").writerows(rows)
    fw = vk.load_framework(data_copy)
    assert fw.quadrant_of("jurist") == "klassiek_extern"


def test_not_a_folder(tmp_path):
    with pytest.raises(FrameworkDataError, match="deze map bestaat niet"):
        vk.load_framework(tmp_path / "bestaat-niet")


def test_messages_in_english(data_copy):
    rewrite(data_copy / "roles.csv", lambda rows: rows[1].__setitem__(7, "x"))
    vk.set_language("en")
    with pytest.raises(FrameworkDataError) as info:
        vk.load_framework(data_copy)
    assert "roles.csv, row 2, column H (quadrant_id): 'x' does not exist in quadrants.csv" in str(
        info.value
    )


def test_cache_per_path_and_refreshed_after_an_edit(data_copy):
    first = vk.load_framework(data_copy)
    assert vk.load_framework(str(data_copy)) is first
    assert vk.load_framework() is vk.load_framework()
    assert vk.load_framework() is not first
    rewrite(data_copy / "roles.csv", lambda rows: rows[1].__setitem__(1, "Juriste"))
    second = vk.load_framework(data_copy)
    assert second is not first
    assert second.role("jurist")["name_nl"] == "Juriste"


def test_original_files_untouched_after_an_error(data_copy):
    path = data_copy / "roles.csv"
    rewrite(path, lambda rows: rows[1].__setitem__(7, "x"))
    before = path.read_bytes()
    problems_for(data_copy)
    assert path.read_bytes() == before


def test_question_checks(data_copy):
    def edit(rows):
        header = rows[0]
        for row in rows[1:]:
            if row[0] == "loslaten_betekenis":
                row[header.index("answer")] = "4"
            if row[0] == "speeltuin_logica":
                row[header.index("options_en")] = "one; two"
            if row[0] == "reflectie_01":
                row[header.index("answer")] = "1"

    rewrite(data_copy / "questions.csv", edit)
    problems = problems_for(data_copy)
    joined = "\n".join(problems)
    assert "kolom H (answer): antwoord 4 bestaat niet (kies 1 tot en met 3)" in joined
    assert "kolom G (options_en): 2 opties, maar options_nl heeft er 3" in joined
    assert "een reflectievraag heeft geen opties of antwoord" in joined
    assert len(problems) == 3


def test_unusual_digits_and_separator_only_lists(data_copy):
    rewrite(data_copy / "municipalities.csv", lambda rows: rows[1].__setitem__(5, "8²"))
    rewrite(data_copy / "dilemmas.csv", lambda rows: rows[1].__setitem__(10, ";"))
    problems = problems_for(data_copy)
    assert any("kolom F (interviews): '8²' is geen geheel getal" in p for p in problems)
    assert any(p.startswith("dilemmas.csv, rij 2, kolom K (models): lege cel") for p in problems)


# --------------------------------------------------------------------------------------
# Hostile input: every problem becomes a FrameworkDataError naming file, row and column
# --------------------------------------------------------------------------------------

FILENAMES = {table.filename for table in TABLES}


def test_huge_whole_numbers_are_problems_not_crashes(data_copy):
    def edit(rows):
        rows[1][5] = "99999999999999999999999"  # beyond int64: pandas cannot store it
        rows[2][5] = "1e400"
        rows[3][5] = "9" * 5000  # beyond int()'s 4300-digit limit

    rewrite(data_copy / "municipalities.csv", edit)
    # leading zeros do not count: this is 1, a valid order
    rewrite(
        data_copy / "recommendations.csv", lambda rows: rows[1].__setitem__(1, "0" * 5000 + "1")
    )
    problems = problems_for(data_copy)
    assert len(problems) == 3, problems
    where = "municipalities.csv, rij {}, kolom F (interviews): "
    assert problems[0] == (
        where.format(2) + "'99999999999999999999999' is te groot (hoogstens 9223372036854775807)"
    )
    assert problems[1] == where.format(3) + "'1e400' is geen geheel getal van 0 of meer"
    assert problems[2].startswith(where.format(4) + "'99999")
    assert problems[2].endswith("…' is te groot (hoogstens 9223372036854775807)")
    assert len(problems[2]) < 200  # the 5000 digits are not repeated in full


def test_largest_storable_number_loads(data_copy):
    rewrite(data_copy / "municipalities.csv", lambda r: r[1].__setitem__(5, "9223372036854775807"))
    fw = vk.load_framework(data_copy)
    assert fw.municipalities["interviews"].iloc[0] == 2**63 - 1


def test_folder_in_place_of_a_file(data_copy):
    (data_copy / "roles.csv").unlink()
    (data_copy / "roles.csv").mkdir()
    assert problems_for(data_copy) == [
        "roles.csv: bestand kan niet gelezen worden: het is een map, geen bestand"
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_pipe_in_place_of_a_file_is_not_read(data_copy):
    (data_copy / "roles.csv").unlink()
    os.mkfifo(data_copy / "roles.csv")  # reading it would wait for a writer forever
    assert problems_for(data_copy) == [
        "roles.csv: bestand kan niet gelezen worden: het is geen gewoon bestand"
    ]


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (errno.EACCES, "geen toestemming om het te lezen"),
        # the system's own (English) text is not shown: a reason in the catalogue instead
        (errno.EIO, t("os.other", code="EIO")),
    ],
)
def test_file_that_cannot_be_read(data_copy, monkeypatch, error, reason):
    read_bytes = Path.read_bytes

    def failing_read_bytes(self):
        if self.name == "roles.csv":
            exc_type = PermissionError if error == errno.EACCES else OSError
            raise exc_type(error, os.strerror(error), str(self))
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", failing_read_bytes)
    (problem,) = problems_for(data_copy)
    assert problem == f"roles.csv: bestand kan niet gelezen worden: {reason}"
    assert str(data_copy) not in problem  # the folder is named once, in the header


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads all")
def test_file_without_read_permission(data_copy):
    path = data_copy / "roles.csv"
    path.chmod(0)
    try:
        assert problems_for(data_copy) == [
            "roles.csv: bestand kan niet gelezen worden: geen toestemming om het te lezen"
        ]
    finally:
        path.chmod(0o644)


def test_empty_first_row_names_the_header_row(data_copy):
    path = data_copy / "roles.csv"
    rewrite(path, lambda rows: rows[3].__setitem__(7, "klassiek_intren"))  # controller
    path.write_text("\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert problems_for(data_copy) == [
        "roles.csv, rij 1: deze rij is leeg, maar de kopregel (de kolomnamen) hoort in rij 1; "
        "rij 2 is als kopregel gelezen",
        # the rest is still checked, with the rows a spreadsheet shows (controller moved to 5)
        "roles.csv, rij 5, kolom H (quadrant_id): 'klassiek_intren' bestaat niet in quadrants.csv "
        "(bekend: klassiek_extern, klassiek_intern, organisatie_extern, organisatie_intern)",
    ]


def test_empty_first_rows_before_a_semicolon_header(data_copy):
    path = data_copy / "roles.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(";;;;;;;\r\n\r\n")
        csv.writer(f, delimiter=";").writerows(rows)
    assert problems_for(data_copy) == [
        "roles.csv, rij 1: deze rij is leeg, maar de kopregel (de kolomnamen) hoort in rij 1; "
        "rij 3 is als kopregel gelezen"
    ]


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"\n\n", b"\xef\xbb\xbf,,,\r\n \t \r\n"])
def test_files_without_any_content_are_empty(data_copy, content):
    (data_copy / "research_design.csv").write_bytes(content)
    assert problems_for(data_copy) == ["research_design.csv: bestand is leeg (geen kopregel)"]


def test_old_mac_line_endings_are_accepted(data_copy):
    path = data_copy / "roles.csv"
    path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r"))
    assert vk.load_framework(data_copy).quadrant_of("controller") == "klassiek_intern"


def multiline_rationale(rows):
    """Put a line break inside a quoted cell of row 2 (rationale_nl, column F)."""
    rows[1][5] = "Klassieke professional.\nExterne focus."


def test_value_problem_after_a_multiline_cell_names_the_spreadsheet_row(data_copy):
    def edit(rows):
        multiline_rationale(rows)
        rows[3][7] = "klassiek_intren"  # controller, spreadsheet row 4, physical line 5

    rewrite(data_copy / "roles.csv", edit)
    (problem,) = problems_for(data_copy)
    assert problem.startswith("roles.csv, rij 4, kolom H (quadrant_id): 'klassiek_intren'")


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_not_utf8_after_a_multiline_cell_names_the_spreadsheet_row_and_column(data_copy, bom):
    def edit(rows):
        multiline_rationale(rows)
        rows[1][6] = "Classic professional.\nExternal focus: BAD"  # row 2, second line, column G
        rows[3][1] = "Controller BAD"  # row 4, column B

    path = data_copy / "roles.csv"
    rewrite(path, edit)
    path.write_bytes(bom + path.read_bytes().replace(b"BAD", b"\xeb"))
    (problem,) = problems_for(data_copy)
    assert problem.startswith("roles.csv, rij 2, kolom G: het bestand is geen UTF-8 (byte 0xeb ")


def test_csv_error_after_a_multiline_cell_names_the_spreadsheet_row(data_copy):
    path = data_copy / "roles.csv"
    rewrite(path, multiline_rationale)
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[4] = lines[4].replace("controller,", 'controller,"Cont"roller,', 1)  # row 4
    path.write_text("\n".join(lines), encoding="utf-8")
    (problem,) = problems_for(data_copy)
    assert problem.startswith("roles.csv, rij 4: het bestand is geen geldige CSV")
    assert problem.endswith(f"({t('csv.msg.after_quote')})")  # the reason in Dutch, not csv's


def test_nul_bytes_and_overlong_cells(data_copy):
    path = data_copy / "roles.csv"
    rewrite(path, lambda rows: rows[2].__setitem__(2, "Building\x00engineer"))  # row 3, C
    path = data_copy / "quotes.csv"
    rewrite(path, lambda rows: rows[4].__setitem__(4, "x" * (csv.field_size_limit() + 1)))
    problems = problems_for(data_copy)
    assert len(problems) == 2, problems
    assert problems[0].startswith(
        "roles.csv, rij 3, kolom C: het bestand bevat een NUL-teken (byte 0x00)"
    )
    assert problems[1] == (
        f"quotes.csv, rij 5: een cel is langer dan {csv.field_size_limit()} tekens; controleer "
        'of elk aanhalingsteken (") weer gesloten wordt'
    )


def test_utf16_file_from_excel_unicode_text(data_copy):
    path = data_copy / "roles.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16-le"))  # no BOM
    (problem,) = problems_for(data_copy)
    assert problem.startswith("roles.csv, rij 1, kolom A: het bestand bevat een NUL-teken")
    assert "UTF-16" in problem


def _mutate(folder: Path, rng: random.Random) -> None:
    """Break one file of `folder` in a random way a careless edit or a bad disk might."""
    path = folder / rng.choice(sorted(FILENAMES))
    if path.is_dir():  # made a folder by an earlier mutation
        return
    data = path.read_bytes()
    choice = rng.randrange(9)
    if choice == 0:  # truncate
        data = data[: rng.randrange(len(data) + 1)]
    elif choice == 1:  # insert random bytes, biased to CSV syntax and encodings
        pool = [b"\x00", b'"', b",", b";", b"\n", b"\r", b"\xff", b"\xeb", b"\xef\xbb\xbf", b" "]
        noise = b"".join(
            rng.choice(pool) if rng.random() < 0.6 else bytes([rng.randrange(256)])
            for _ in range(rng.randrange(1, 12))
        )
        at = rng.randrange(len(data) + 1)
        data = data[:at] + noise + data[at:]
    elif choice in (2, 3):  # duplicate or delete a line
        lines = data.split(b"\n")
        index = rng.randrange(len(lines))
        if choice == 2:
            lines.insert(index, lines[index])
        else:
            del lines[index]
        data = b"\n".join(lines)
    elif choice == 4:  # huge numbers, in any cell
        cells = data.split(b",")
        huge = rng.choice([b"9" * 25, b"1e400", b"9" * 5000, b"-1", b"0" * 4400 + b"7"])
        cells[rng.randrange(len(cells))] = huge
        data = b",".join(cells)
    elif choice == 5:  # a cell longer than the csv module's limit
        at = rng.randrange(len(data) + 1)
        data = data[:at] + b'"' + b"y" * (csv.field_size_limit() + 10) + data[at:]
    elif choice == 6:
        data = rng.choice([b"", b"\xef\xbb\xbf", b"\n", b'"', b"\x00" * 10])
    elif choice == 7:  # a folder where the file should be
        path.unlink()
        path.mkdir()
        return
    else:  # swap two random bytes
        if len(data) > 2:
            i, j = rng.randrange(len(data)), rng.randrange(len(data))
            mutable = bytearray(data)
            mutable[i], mutable[j] = mutable[j], mutable[i]
            data = bytes(mutable)
    path.write_bytes(data)


def test_fuzz_only_framework_data_errors(data_copy, tmp_path):
    rng = random.Random(20240611)
    outcomes = {"loaded": 0, "problems": 0}
    for iteration in range(200):
        folder = tmp_path / f"fuzz{iteration}"
        shutil.copytree(data_copy, folder)
        for _ in range(rng.randrange(1, 4)):
            _mutate(folder, rng)
        try:
            vk.load_framework(folder)
        except FrameworkDataError as err:
            outcomes["problems"] += 1
            assert err.problems
            for problem in err.problems:
                assert problem.split(",")[0].split(":")[0] in FILENAMES, problem
        else:
            outcomes["loaded"] += 1
        shutil.rmtree(folder)
    assert outcomes["problems"] > 100


def test_a_copy_from_before_an_optional_column_was_added_still_loads(data_copy):
    """A lecturer's older copy of data/ lacks the newer optional columns: they read as empty."""
    import csv

    from vakmanschap.schema import TABLES

    (table,) = [t for t in TABLES if t.stem == "recommendations"]
    (column,) = [c for c in table.columns if c.name == "level_1_nl"]  # added in issue 11
    assert not column.required
    path = data_copy / table.filename
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    drop = rows[0].index(column.name)
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([r[:drop] + r[drop + 1 :] for r in rows])
    fw = vk.load_framework(data_copy)
    assert column.name in getattr(fw, table.attribute).columns
