"""The notebook collection: clean files, structure, and a clean run in a fresh kernel."""

from __future__ import annotations

import json
import re
import shutil

import nbformat
import pytest
from nbclient import NotebookClient
from support import ROOT

NOTEBOOKS = ROOT / "notebooks"
STUDENT = sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
#: The lecturer's notebooks, in a folder of their own: the answer key is out of the students' path.
LECTURER = sorted((NOTEBOOKS / "docent").glob("*.ipynb"))
ALL = [*STUDENT, *LECTURER]


def test_collection_is_complete():
    numbers = [path.name[:2] for path in STUDENT]
    assert numbers == [f"{n:02d}" for n in range(10)]
    assert [path.name for path in LECTURER] == [
        "docent-handleiding.ipynb",
        "docent-klasresultaten.ipynb",
    ]
    assert sorted(NOTEBOOKS.glob("*.ipynb")) == STUDENT, "only student notebooks at the top"
    for path in ALL:
        assert re.fullmatch(r"(\d\d-[a-z0-9-]+|docent-[a-z]+)\.ipynb", path.name), path.name


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_committed_without_outputs_or_widget_state(path):
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert "widgets" not in raw["metadata"]
    for cell in raw["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, path.name
        assert "TODO" not in "".join(cell["source"])


@pytest.mark.parametrize("path", STUDENT, ids=lambda p: p.stem)
def test_structure(path):
    nb = nbformat.read(path, as_version=4)
    text = "\n".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")
    assert "**Leerdoelen.**" in text and "**Tijd:**" in text
    index = STUDENT.index(path)
    if index > 0:
        assert f"({STUDENT[index - 1].name})" in text, "link to the previous notebook"
    if index + 1 < len(STUDENT):
        assert f"({STUDENT[index + 1].name})" in text, "link to the next notebook"
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert any(".get(" in cell.source for cell in code), "at least one exercise"
    assert any("vk.AnswersPanel()" in cell.source for cell in code), "a 'Mijn antwoorden' panel"


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_first_line_says_run_all_cells_in_lab_only(path):
    """A notebook reopened in JupyterLab shows no exercises until it runs: its first line
    says so (the Voila template hides the line, as Voila runs every cell itself)."""
    first = nbformat.read(path, as_version=4).cells[0]
    assert first.cell_type == "markdown"
    assert first.source.startswith('<p class="vakmanschap-lab-only">')
    assert "Voer eerst alle cellen uit" in first.source and "Run All Cells" in first.source
    template = ROOT / "vakmanschap" / "voila_template" / "index.html.j2"
    assert ".vakmanschap-lab-only { display: none; }" in template.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_one_call_per_cell_and_links_resolve(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        lines = [line for line in cell.source.splitlines() if line.strip()]
        assert lines[0] == "import vakmanschap as vk", "each cell runs on its own"
        assert len(lines) == 2, "one helper call per cell"
        assert "hide-input" in cell.metadata.get("tags", [])
    text = "\n".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")
    for link in re.findall(r"\]\(([^)]+\.ipynb)\)", text):
        assert (path.parent / link).is_file(), link


def run(path):
    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    return nb


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_runs_top_to_bottom_without_error_or_warning(path):
    nb = run(path)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for output in cell.outputs:
            assert output.output_type != "error", output
            assert not (output.output_type == "stream" and output.name == "stderr"), output.text
            text = json.dumps(output.get("data", {})) + output.get("text", "")
            assert "Warning" not in text, text[:500]
        assert cell.outputs, f"cell shows nothing: {cell.source}"


@pytest.mark.parametrize("path", LECTURER, ids=lambda p: p.stem)
def test_lecturer_notebooks_run_anywhere_and_write_no_answers_file(path, tmp_path, monkeypatch):
    """Copied to another folder and run there without ``$VAKMANSCHAP_ANSWERS``: the package and
    its data are found, and no answers file appears (the lecturer's notebooks keep none)."""
    monkeypatch.delenv("VAKMANSCHAP_ANSWERS", raising=False)
    folder = tmp_path / "elders" / "docent"
    folder.mkdir(parents=True)
    shutil.copy(path, folder / path.name)
    nb = nbformat.read(folder / path.name, as_version=4)
    NotebookClient(
        nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
    ).execute()
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            assert output.output_type != "error", output
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [path.name]
