"""The lecturer's dashboard, headless: set the widgets' values, press "Verwerk" through its
click handler, and check the state and the HTML shown (not the Dutch prose: texts are
compared with the catalogue's messages)."""

from __future__ import annotations

import json
import math
import re
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pytest
from IPython.display import HTML
from markupsafe import escape

import vakmanschap as vk
from vakmanschap import answers, classroom
from vakmanschap.classroom.export import HEADERS
from vakmanschap.i18n import t
from vakmanschap.ui import dashboard

HOSTILE = [
    "<img src=x onerror=alert(1)>.json",
    "\"'><b onmouseover='x'>&amp;.json",
]
#: Words that must never stand in a cell of a table shown.
MISSING = ("NaN", "nan%", "<NA>", "&lt;NA&gt;", "None", "NaT")


def document(number: str) -> bytes:
    placer = {
        "widget": "RolePlacer",
        "version": 1,
        "placements": [{"role_id": "jurist", "x": 0.5, "y": 0.5}],
        "checked": True,
    }
    doc = {
        "schema": answers.SCHEMA,
        "schema_version": answers.SCHEMA_VERSION,
        "student": {"name": f"Naam {number}", "number": number},
        "updated": "2026-11-20T10:00:00+00:00",
        "exercises": {"RolePlacer:03-tabel-1": placer},
    }
    return json.dumps(doc).encode("utf-8")


@pytest.fixture
def class_folder(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """Three good files (the students placed only the jurist, so most roles have no share),
    broken ones and hostile names; with the reason expected for each broken file."""
    root = tmp_path / "inleveringen"
    root.mkdir()
    for i in range(3):
        (root / f"student-{i}.json").write_bytes(document(str(i)))
    broken = {
        "kapot.json": (b"\xff{", t("answers.not_utf8", position=0)),
        "leeg.json": (b"", t("answers.empty")),
        "lijst.json": (b"[]", t("answers.not_object", type=t("json.type.list"))),
        "notities.txt": (b"geen antwoord", t("answers.not_json_name")),
        HOSTILE[0]: (b'{"a": \xff', t("answers.not_utf8", position=6)),
        HOSTILE[1]: (b"[1]", t("answers.not_object", type=t("json.type.list"))),
    }
    for name, (data, _) in broken.items():
        (root / name).write_bytes(data)
    return root, {name: reason for name, (_, reason) in broken.items()}


@pytest.fixture
def shown(monkeypatch) -> list:
    """What the dashboard displays in its output area (headless, nothing is captured)."""
    displayed: list = []
    monkeypatch.setattr(dashboard, "display", displayed.append)
    return displayed


def board_for(fw, folder: Path | None = None, pseudonyms: bool = False):
    board = vk.ClassDashboard(fw)
    board.pseudonyms.value = pseudonyms
    if folder is not None:
        board.folder.value = str(folder)
    return board


def press(board) -> None:
    """Run the "Verwerk" button's click handlers, as a click in the browser does."""
    board.run.click()


#: Where html_of puts the handout (after everything the page shows).
HANDOUT = "\n<!-- the handout -->\n"


def downloaded(board, name: str) -> str:
    """The file the dashboard's link `name` gives when clicked (made at that moment)."""
    (link,) = [link for link in board.downloads.children if link._name() == name]
    return link._read()[0].decode("utf-8")


def html_of(board, displayed: list) -> str:
    """Every piece of HTML the dashboard shows, and the handout without its scripts."""
    parts = [board.status.value, board.failed.value]
    parts += [item.data for item in displayed if isinstance(item, HTML)]
    page = "\n".join(parts)
    if board.downloads.children:
        handout = downloaded(board, "klasresultaten.html")
        page += HANDOUT + re.sub(r"<script.*?</script>", "", handout, flags=re.S)
    return page


def cells(markup: str) -> list[str]:
    return re.findall(r"<t[dh](?:\s[^>]*)?>(.*?)</t[dh]>", markup, flags=re.S)


# -- progress and the button ---------------------------------------------------------------------


def test_progress_rises_to_the_total_and_the_button_is_off_while_running(
    fw, class_folder, shown, monkeypatch
):
    root, broken = class_folder
    board = board_for(fw, root)
    real_collect = dashboard.collect
    calls: list[tuple[int, int | None, bool]] = []
    said: list[str] = []

    def spy(source, fw, *, progress):
        def told(done, total):
            calls.append((done, total, board.run.disabled))
            progress(done, total)
            said.append(board.status.value)

        return real_collect(source, fw, progress=told)

    monkeypatch.setattr(dashboard, "collect", spy)
    switched: list[bool] = []
    board.run.observe(lambda change: switched.append(change.new), "disabled")
    press(board)
    files = 3 + len(broken)
    counts = [done for done, _, _ in calls]
    assert counts == sorted(counts) and counts[-1] == files
    assert calls[-1][:2] == (files, files)
    assert all(disabled for _, _, disabled in calls), "off while the files are read"
    final = str(escape(t("class.progress", done=files, total=files)))
    assert "role='status'" in said[-1] and final in said[-1], "screen readers hear it too"
    assert board.progress.description != final, "the bar moves on to the figures"
    assert switched == [True, False] and not board.run.disabled
    assert board.progress.value == files and board.progress.max == files
    assert board.progress.layout.display == "none", "hidden once done"
    assert len(board.result.students) == 3


def test_the_bar_is_redrawn_at_a_sensible_rate(fw, monkeypatch, shown):
    files = [(f"s{i}.json", document(str(i))) for i in range(150)]
    board = board_for(fw)
    board.upload.value = tuple(
        {
            "name": name,
            "type": "application/json",
            "size": len(data),
            "content": memoryview(data),
            "last_modified": datetime.now(UTC),
        }
        for name, data in files
    )
    for step, most in ((0.0, 3), (0.05, 150 * 0.05 / dashboard.PROGRESS_INTERVAL + 3)):
        clock = iter(i * step for i in range(10_000))
        monkeypatch.setattr(dashboard, "_clock", lambda clock=clock: next(clock))
        values: list[int] = []
        labels: list[str] = []
        board.progress.observe(lambda change, values=values: values.append(change.new), "value")
        board.progress.observe(lambda change, seen=labels: seen.append(change.new), "description")
        press(board)
        board.progress.unobserve_all()
        assert len(board.result.students) == 150
        assert 1 <= len(values) <= most, (step, values)
        assert values[-1] == 150, "the last count is always drawn"
        assert t("class.progress", done=150, total=150) in labels


def test_the_button_comes_back_when_collect_fails(fw, tmp_path, shown, monkeypatch):
    board = board_for(fw, tmp_path)
    during: list[bool] = []

    def broken(source, fw, *, progress):
        progress(0, None)
        during.append(board.run.disabled)
        raise RuntimeError("<b>kapot</b>")

    monkeypatch.setattr(dashboard, "collect", broken)
    press(board)
    assert during == [True] and not board.run.disabled
    assert board.result is None and board.progress.layout.display == "none"
    assert "role='alert'" in board.status.value
    assert str(escape(t("class.failed", reason="<b>kapot</b>"))) in board.status.value
    assert "<b>kapot" not in board.status.value


# -- files that were not used -------------------------------------------------------------------


def test_every_failed_file_is_named_escaped_with_its_reason(fw, class_folder, shown):
    root, broken = class_folder
    board = board_for(fw, root)
    press(board)
    report = board.result.report
    assert dict(zip(report["source"], report["reason"], strict=True)) == broken
    page = board.failed.value
    for name, reason in broken.items():
        assert str(escape(name)) in page and str(escape(reason)) in page
    for name in HOSTILE:
        assert name not in page and name not in html_of(board, shown)
    assert "<img" not in page and "<b " not in page
    # right under the summary, with the catalogue's headers
    headers = cells(page)[:2]
    assert headers == [str(escape(t(HEADERS["source"]))), str(escape(t(HEADERS["reason"])))]
    children = list(board.children)
    assert children.index(board.failed) == children.index(board.status) + 1


def test_with_pseudonyms_the_names_are_folded_away_and_not_exported(fw, class_folder, shown):
    root, broken = class_folder
    board = board_for(fw, root, pseudonyms=True)
    press(board)
    page = board.failed.value
    assert page.startswith("<details>") and "<details open" not in page
    for name in broken:
        assert str(escape(name)) in page
    assert set(board.result.report["source"]) == {f"bestand {i:03d}" for i in range(1, 7)}
    handout = html_of(board, shown).split(board.failed.value)[-1]
    for name in [*broken, "student-0.json"]:
        assert str(escape(name)) not in handout and name not in handout


def test_when_every_file_fails_the_table_and_what_to_do_are_shown(fw, shown):
    board = board_for(fw)
    uploads = {HOSTILE[0]: b"{", "leeg.zip": b"PK\x05\x06" + bytes(18)}
    board.upload.value = tuple(
        {
            "name": name,
            "type": "",
            "size": len(data),
            "content": memoryview(data),
            "last_modified": datetime.now(UTC),
        }
        for name, data in uploads.items()
    )
    press(board)
    assert board.result.students.empty
    assert list(board.result.report["source"]) == list(uploads)
    assert board.result.report["reason"].iloc[1] == t("answers.zip_empty")
    assert str(escape(t("class.none_usable"))) in board.status.value
    assert str(escape(HOSTILE[0])) in board.failed.value
    assert board.downloads.children == () and shown == [], "no empty figures, no handout"
    assert not board.run.disabled


def test_nothing_chosen_says_what_to_do(fw, shown, monkeypatch):
    board = board_for(fw)
    board.folder.value = "   "
    called: list = []
    monkeypatch.setattr(dashboard, "collect", lambda *args, **kwargs: called.append(args))
    press(board)
    assert called == [] and board.result is None and not board.run.disabled
    assert str(escape(t("class.nothing_given"))) in board.status.value
    assert board.failed.value == "" and board.downloads.children == ()


# -- tables: headers from the catalogue, empty cells blank -----------------------------------------


@pytest.mark.parametrize("language", ["nl", "en"])
def test_tables_have_catalogue_headers_and_blank_empty_cells(fw, class_folder, shown, language):
    vk.set_language(language)
    root, _ = class_folder
    board = board_for(fw, root)
    press(board)
    page = html_of(board, shown)
    for word in MISSING:
        assert word not in cells(page) and f">{word}<" not in page, word
    agreement = next(
        item.data
        for item in shown
        if isinstance(item, HTML) and t(HEADERS["placements"]) in item.data
    )
    headers = [
        str(escape(t(HEADERS[c])))
        for c in ("role", "quadrant", "placements", "share_in_article_quadrant")
    ]
    assert cells(agreement)[:4] == headers
    for internal in ("role_id", "share_in_article_quadrant", "placements", "widget", "source"):
        assert f">{internal}<" not in page, internal
    handout = page.split(HANDOUT)[-1]
    for column in ("widget", "question", "answers", "share_right", "source", "reason"):
        assert f"<th scope='col'>{escape(t(HEADERS[column]))}</th>" in handout, column
    table = classroom.agreement(board.result, fw)
    unplaced = table.loc[table["placements"] == 0, "role"]
    assert len(unplaced) and table["share_in_article_quadrant"].isna().any()
    rows = re.findall(r"<tr>(.*?)</tr>", agreement, flags=re.S)
    for role in unplaced:
        row = next(r for r in rows if str(escape(role)) in r)
        assert cells(row)[-1] == "", "no share: a blank cell"


def test_table_html_blanks_every_kind_of_missing_value():
    frame = pd.DataFrame(
        {
            "source": ["<a>", None, pd.NA, "x"],
            "reason": [math.nan, "r", "", pd.NaT],
            "share_right": [0.5, math.nan, None, pd.NA],
        }
    )
    markup = classroom.table_html(
        frame, ["source", "reason", "share_right"], formats={"share_right": "{:.0%}".format}
    )
    found = cells(markup)
    assert found[:3] == [str(escape(t(HEADERS[c]))) for c in ("source", "reason", "share_right")]
    assert found[3:] == ["&lt;a&gt;", "", "50%", "", "r", "", "", "", "", "x", "", ""]


def test_the_csv_leaves_empty_cells_empty(fw):
    result = vk.collect([("a.json", document("1"))], fw)
    result.answers.loc[0, "value"] = None
    result.answers.loc[1, "name"] = math.nan
    text = classroom.answers_csv(result)
    for word in ("nan", "NaN", "None", "<NA>"):
        assert word not in text


def test_every_exercise_kind_has_a_name_for_the_lecturer():
    from vakmanschap.classroom.export import exercise_name
    from vakmanschap.exercises import kind_of, kinds
    from vakmanschap.i18n import MESSAGES

    ours = [k for k in kinds() if kind_of(k).__module__.startswith("vakmanschap.")]
    assert len(ours) >= 9  # not the toy kind other tests register
    for kind in ours:
        assert f"exercise.{kind}" in MESSAGES, kind
        assert exercise_name(kind) == t(f"exercise.{kind}")
    assert exercise_name("SomethingNew") == "SomethingNew"  # an unknown kind as it is
