"""A lecturer's broken copy of data/ gives one message listing every problem."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import vakmanschap as vk
from vakmanschap import FrameworkDataError


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
