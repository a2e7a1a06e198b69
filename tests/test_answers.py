"""Student answer files and class collection: round trips, autosave, and bad input."""

from __future__ import annotations

import base64
import io
import json
import zipfile
from pathlib import Path

import pytest
from support import by_role

import vakmanschap as vk
from vakmanschap import answers, classroom, widgets
from vakmanschap.answers import AnswerStore, collect, parse_answer_file
from vakmanschap.i18n import t

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(1)>"


def document(name="Ans", number="123", updated="2026-11-30T10:00:00+00:00", exercises=None):
    return {
        "schema": answers.SCHEMA,
        "schema_version": answers.SCHEMA_VERSION,
        "student": {"name": name, "number": number},
        "updated": updated,
        "exercises": exercises
        if exercises is not None
        else {
            "RolePlacer:03-tabel-1": {
                "widget": "RolePlacer",
                "version": 2,
                "placements": [{"role_id": "jurist", "x": 0.5, "y": 0.5}],
                "checked": True,
            },
            "Reflection:reflectie_03": {
                "widget": "Reflection",
                "version": 1,
                "question_id": "reflectie_03",
                "text": "De boa was lastig.",
            },
        },
    }


def uploaded(name: str, data: bytes) -> dict:
    """One file as ipywidgets' FileUpload holds it after a browser upload."""
    from datetime import UTC, datetime

    return {
        "name": name,
        "type": "application/json",
        "size": len(data),
        "last_modified": datetime.now(UTC),
        "content": memoryview(data),
    }


def encoded(doc) -> bytes:
    return json.dumps(doc).encode("utf-8")


@pytest.fixture
def fresh_registry(monkeypatch, tmp_path):
    """Widgets made with .get() in this test use their own answer file."""
    from vakmanschap.answers import store
    from vakmanschap.ui import base

    monkeypatch.setattr(base, "_INSTANCES", {})
    monkeypatch.setattr(store, "_STORES", {})
    path = tmp_path / "mijn-antwoorden.json"
    monkeypatch.setenv(answers.ENV_FILE, str(path))
    return path


# -- the student's own file -----------------------------------------------------------


def test_every_change_is_saved_and_restored_after_a_restart(fresh_registry, monkeypatch):
    path = fresh_registry
    placer = vk.RolePlacer.get("03-tabel-1")
    placer.place("jurist", 0.5, 0.5)
    reflection = vk.Reflection.get("reflectie_03")
    reflection.text.value = "Mijn antwoord"
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["schema"] == "vakmanschap-answers" and saved["schema_version"] == 1
    assert saved["exercises"]["RolePlacer:03-tabel-1"]["placements"][0]["x"] == 0.5
    assert saved["exercises"]["Reflection:reflectie_03"]["text"] == "Mijn antwoord"
    assert not list(path.parent.glob("*.tmp"))  # the temporary file was renamed
    # a kernel restart: new registry, new store, same file
    from vakmanschap.answers import store
    from vakmanschap.ui import base

    monkeypatch.setattr(base, "_INSTANCES", {})
    monkeypatch.setattr(store, "_STORES", {})
    again = vk.RolePlacer.get("03-tabel-1")
    assert again is not placer
    assert again.placements.set_index("role_id").loc["jurist", "x"] == 0.5
    assert vk.Reflection.get("reflectie_03").text.value == "Mijn antwoord"


def test_two_notebooks_share_the_file_without_losing_answers(fresh_registry):
    path = fresh_registry
    first = AnswerStore(path)
    second = AnswerStore(path)  # another notebook's kernel
    a = widgets.Quiz(question_id="interviews_dorp")
    first.attach(a.model, "interviews_dorp")
    b = widgets.Reflection(question_id="reflectie_01")
    second.attach(b.model, "reflectie_01")
    a.choice.value = 2
    a.check()
    b.text.value = "tekst"
    saved = json.loads(path.read_text(encoding="utf-8"))["exercises"]
    assert saved["Quiz:interviews_dorp"]["choice"] == 2
    assert saved["Reflection:reflectie_01"]["text"] == "tekst"


def test_unreadable_own_file_is_set_aside_not_lost(fresh_registry):
    path = fresh_registry
    path.write_text("{ dit is geen json", encoding="utf-8")
    store = AnswerStore(path)
    assert "kon niet worden gelezen" in store.message
    (aside,) = path.parent.glob("mijn-antwoorden.onleesbaar-*.json")
    assert aside.read_text(encoding="utf-8") == "{ dit is geen json"
    store.set_student(name="Ans")
    assert json.loads(path.read_text(encoding="utf-8"))["student"]["name"] == "Ans"


def test_download_and_upload_resume_in_a_new_session(fresh_registry, tmp_path, monkeypatch):
    store = answers.answer_store()
    placer = vk.RolePlacer.get("03-tabel-1")
    placer.place("boa", 0.5, -0.5)
    store.set_student(name="Ans", number="12 34")
    downloaded = store.to_bytes()
    assert store.download_name() == "antwoorden-12-34.json"
    # a new Binder session: empty folder, new kernel
    monkeypatch.setenv(answers.ENV_FILE, str(tmp_path / "nieuw" / "mijn-antwoorden.json"))
    (tmp_path / "nieuw").mkdir()
    from vakmanschap.answers import store
    from vakmanschap.ui import base

    monkeypatch.setattr(base, "_INSTANCES", {})
    monkeypatch.setattr(store, "_STORES", {})
    fresh = vk.RolePlacer.get("03-tabel-1")
    assert fresh.placements["x"].isna().all()
    new_store = answers.answer_store()
    assert new_store.load_upload(downloaded, "antwoorden-12-34.json") == []
    assert fresh.placements.set_index("role_id").loc["boa", "y"] == -0.5
    assert new_store.student["name"] == "Ans"


def test_answers_panel_links_and_uploads(fresh_registry):
    store = answers.answer_store()
    panel = vk.AnswersPanel(store)
    name = panel.children[1]
    link, upload = panel.children[3].children
    name.value = HOSTILE
    sent = []
    link.send = sent.append
    link._handle_custom_msg({"event": "download"}, [])  # what a click in the browser sends
    (message,) = sent
    assert message["name"].startswith("antwoorden-") and message["name"].endswith(".json")
    assert "<" not in message["name"]
    assert base64.b64decode(message["content"]) == store.path.read_bytes()
    upload.value = (uploaded("kapot.json", b"[1, 2]"),)
    status = panel.children[4].value
    assert "kapot.json kon niet worden gebruikt" in status and "lijst" in status
    upload.value = (uploaded("goed.json", encoded(document())),)
    assert "zijn overgenomen" in panel.children[4].value
    assert vk.AnswersPanel(store) is panel  # re-running the cell shows the same panel


def test_upload_with_a_bad_file_changes_nothing(fresh_registry):
    store = answers.answer_store()
    placer = vk.RolePlacer.get("03-tabel-1")
    placer.place("jurist", 0.5, 0.5)
    before = placer.to_dict()
    with pytest.raises(answers.AnswerFileError):
        store.load_upload(b"\xff\xfe", "raar.json")
    assert placer.to_dict() == before


# -- parsing: bad input -----------------------------------------------------------------


def deep(levels: int) -> bytes:
    return ("[" * levels + "]" * levels).encode()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"{ geen json", "geen geldige JSON"),
        (b"", "leeg"),
        (b"   \n", "leeg"),
        (b"[1, 2, 3]", "geen object maar een lijst"),
        (encoded({**document(), "schema_version": 2}), "nieuwer"),
        (encoded({**document(), "schema_version": "1"}), "ongeldige schema_version"),
        (encoded({**document(), "schema": "iets anders"}), "geen antwoordbestand"),
        (encoded({k: v for k, v in document().items() if k != "exercises"}), "'exercises'"),
        (b'{"schema": "vakmanschap-answers", "schema_version": 1, "x": NaN}', "NaN"),
        (deep(100_000), "te diep genest"),
        (b'{"a":' * 30 + b"1" + b"}" * 30, "te diep genest"),
        (b" " * 1_000_001, "te groot"),
        ("é".encode("cp1252"), "geen UTF-8"),
    ],
)
def test_bad_files_are_rejected_with_a_reason(fw, data, reason):
    with pytest.raises(answers.AnswerFileError, match=reason):
        parse_answer_file(data, "x.json", fw)


def test_bad_exercises_are_skipped_and_the_rest_kept(fw):
    doc = document()
    doc["exercises"]["RolePlacer:03-tabel-1"]["placements"][0]["x"] = 7
    doc["exercises"]["Onbekend:x"] = {}
    doc["exercises"]["Quiz:interviews_dorp"] = {
        "widget": "Quiz",
        "version": 1,
        "choice": 9,
        "question_id": "interviews_dorp",
    }
    parsed = parse_answer_file(encoded(doc), "x.json", fw)
    assert list(parsed.exercises) == ["Reflection:reflectie_03"]
    joined = " | ".join(parsed.problems)
    assert (
        "RolePlacer.placements[0].x: 7.0 ligt niet tussen -1 en 1" in joined
        or "placements[0].x" in joined
    )
    assert "onbekende oefening 'Onbekend:x'" in joined
    assert "Quiz.choice" in joined


# -- collecting a class ---------------------------------------------------------------------


def test_collect_a_folder_with_every_kind_of_bad_file(fw, tmp_path):
    folder = tmp_path / "inleveringen"
    folder.mkdir()
    (folder / "ans.json").write_bytes(encoded(document()))
    (folder / "piet.json").write_bytes(encoded(document(name="Piet", number="456")))
    (folder / "leeg.json").write_bytes(b"")
    (folder / "lijst.json").write_bytes(b"[]")
    (folder / "nan.json").write_bytes(b'{"schema": "vakmanschap-answers", "v": NaN}')
    (folder / "toekomst.json").write_bytes(encoded({**document(), "schema_version": 9}))
    (folder / "groot.json").write_bytes(b" " * 1_100_000)
    (folder / "latin1.json").write_bytes('{"naam": "é"}'.encode("latin-1"))
    (folder / "diep.json").write_bytes(deep(5000))
    (folder / "notities.txt").write_text("geen json", encoding="utf-8")
    result = collect(folder, fw)
    assert sorted(result.students["name"]) == ["Ans", "Piet"]
    reasons = dict(zip(result.report["source"], result.report["reason"], strict=True))
    assert set(reasons) == {
        "leeg.json",
        "lijst.json",
        "nan.json",
        "toekomst.json",
        "groot.json",
        "latin1.json",
        "diep.json",
        "notities.txt",
    }
    assert "leeg" in reasons["leeg.json"] and "nieuwer" in reasons["toekomst.json"]
    assert "geen .json" in reasons["notities.txt"]
    placements = classroom.placements(result, fw)
    assert len(placements) == 2 and placements["in_article_quadrant"].all()


def test_collect_keeps_the_newest_file_of_a_student(fw):
    old = document(updated="2026-11-01T10:00:00+00:00")
    new = document(updated="2026-11-20T10:00:00+00:00")
    new["exercises"]["RolePlacer:03-tabel-1"]["placements"][0]["x"] = -0.5
    result = collect([("oud.json", encoded(old)), ("nieuw.json", encoded(new))], fw)
    assert list(result.students["source"]) == ["nieuw.json"]
    assert list(result.report["source"]) == ["oud.json"]
    assert "nieuwere bestand is gebruikt" in result.report["reason"].iloc[0]
    assert classroom.placements(result, fw)["x"].tolist() == [-0.5]


def lms_zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_collect_an_lms_zip_in_memory_and_refuse_unsafe_names(fw, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = lms_zip(
        {
            "Ans Jansen_123_assignsubmission_file_/antwoorden-123.json": encoded(document()),
            "../ontsnapt.json": encoded(document(name="X", number="9")),
            "/etc/absoluut.json": encoded(document(name="Y", number="8")),
            "C:/windows.json": encoded(document(name="Z", number="7")),
            "index.html": b"<html></html>",
        }
    )
    before = set(Path(tmp_path).rglob("*"))
    result = collect(data, fw)
    assert list(result.students["number"]) == ["123"]
    reasons = dict(zip(result.report["source"], result.report["reason"], strict=True))
    for name in ("../ontsnapt.json", "/etc/absoluut.json", "C:/windows.json"):
        assert "onveilige bestandsnaam" in reasons[f"upload.zip/{name}"]
    assert set(Path(tmp_path).rglob("*")) == before  # nothing was written anywhere
    zipped = tmp_path / "export.zip"
    zipped.write_bytes(data)
    assert list(collect(zipped, fw).students["number"]) == ["123"]
    uploaded = collect([{"name": "export.zip", "content": memoryview(data)}], fw)
    assert list(uploaded.students["number"]) == ["123"]


def test_collect_empty_sources(fw, tmp_path):
    assert "leeg" in collect(tmp_path, fw).report["reason"].iloc[0]
    assert "geen bestanden" in collect([], fw).report["reason"].iloc[0]
    assert "bestaat niet" in collect(tmp_path / "nergens", fw).report["reason"].iloc[0]
    assert "zip" in collect(b"geen zip", fw).report["reason"].iloc[0]


def test_hostile_names_are_escaped_in_every_view_and_the_handout(fw):
    doc = document(name=HOSTILE, number="")
    doc["exercises"]["Reflection:reflectie_03"]["text"] = HOSTILE
    doc["exercises"]["RolePlacer:03-tabel-1"]["placements"].append(
        {"role_id": "eigen_1", "custom": True, "name": HOSTILE, "x": 0.1, "y": 0.1}
    )
    result = collect([(f"{HOSTILE}.json", encoded(doc)), ("kapot.json", b"[")], fw)
    for shown in (result, result.pseudonymised()):
        handout = classroom.handout_html(shown, fw)
        assert "<script>alert" not in handout and "<img src=x" not in handout
        assert "<script>alert" not in classroom.reflections_html(shown, fw)
        assert "<script>alert" not in classroom.report_html(shown)
        for fig in classroom.class_figures(shown, fw).values():
            assert "<script>alert" not in fig.to_json()
    assert "&lt;script&gt;" in classroom.reflections_html(result, fw)


def test_pseudonyms_hide_names_everywhere(fw):
    files = [(f"s{i}.json", encoded(document(name=f"Naam{i}", number=str(i)))) for i in range(3)]
    shown = collect(files, fw).pseudonymised()
    assert list(shown.students["student"]) == ["Student 01", "Student 02", "Student 03"]
    handout = classroom.handout_html(shown, fw)
    csv_text = classroom.answers_csv(shown)
    for i in range(3):
        assert f"Naam{i}" not in handout and f"Naam{i}" not in csv_text
    assert "Student 01" in classroom.reflections_html(shown, fw)


def test_class_views_from_a_synthetic_class(fw):
    result = collect(classroom.synthetic_class(40, fw=fw), fw)
    assert len(result.students) == 40 and result.report.empty
    table = classroom.agreement(result, fw)
    assert (table["placements"] == 40).all()
    assert table["share_in_article_quadrant"].between(0, 1).all()
    figs = classroom.class_figures(result, fw)
    assert len([tr for tr in figs["placements"].data if tr.meta["role"] == "class_density"]) == 8
    assert len(classroom.scores(result)) == 40 * 6
    assert set(classroom.quiz_results(result)["widget"]) == {"Quiz"}
    handout = classroom.handout_html(result, fw)
    # opens without internet: plotly.js is inside the file, nothing is loaded from elsewhere
    assert "plotly.js v" in handout
    assert "<script src=" not in handout and "<link" not in handout
    csv_text = classroom.answers_csv(result)
    assert (
        csv_text.splitlines()[0] == "student,name,number,source,exercise,widget,item,measure,value"
    )


def test_dashboard_with_the_example_class(fw):
    board = vk.ClassDashboard(fw)
    board.example.value = True
    board.run.click()
    assert board.result is not None and len(board.result.students) == 30
    handout, table = board.downloads.children  # made when clicked, not on every run
    assert handout._name() == "klasresultaten.html" and table._name() == "klasresultaten.csv"
    assert handout.mime == "text/html" and table.mime == "text/csv"
    assert "Voorbeeldstudent" not in handout._read()[0].decode("utf-8")  # pseudonyms
    assert "Voorbeeldstudent" not in table._read()[0].decode("utf-8")


# -- found in review --------------------------------------------------------------------------


def test_an_upload_in_one_notebook_survives_a_save_in_another(fresh_registry):
    path = fresh_registry
    other_notebook = AnswerStore(path)  # notebook 03, showing the RolePlacer, unchanged
    placer = widgets.RolePlacer()
    other_notebook.attach(placer.model, "03-tabel-1")
    this_notebook = AnswerStore(path)  # notebook 00, where the student uploads
    this_notebook.load_upload(encoded(document(updated="2026-11-30T10:00:00+00:00")), "oud.json")
    quiz = widgets.Quiz(question_id="interviews_dorp")
    other_notebook.attach(quiz.model, "interviews_dorp")
    quiz.choice.value = 2  # a save in notebook 03
    saved = json.loads(path.read_text(encoding="utf-8"))["exercises"]
    assert saved["RolePlacer:03-tabel-1"]["placements"][0]["role_id"] == "jurist"
    assert placer.placements.set_index("role_id").loc["jurist", "x"] == 0.5  # shown there too


def test_exercises_that_fail_validation_are_kept_in_the_file(fresh_registry):
    path = fresh_registry
    doc = document()
    doc["exercises"]["Nieuw:iets"] = {"widget": "Nieuw", "data": [1, 2]}
    doc["exercises"]["TensionTriangle:02-speeltuin"] = {
        "widget": "TensionTriangle",
        "version": 1,
        "weights": {},
        "case_name": "x" * 200,
    }
    path.write_bytes(encoded(doc))
    store = AnswerStore(path)
    store.set_student(name="Ans")
    saved = json.loads(path.read_text(encoding="utf-8"))["exercises"]
    assert saved["Nieuw:iets"] == {"widget": "Nieuw", "data": [1, 2]}
    assert saved["TensionTriangle:02-speeltuin"]["case_name"] == "x" * 200


def test_long_case_names_are_cut_so_they_can_be_restored(fw):
    tri = vk.TensionTriangle(fw, subject="case:eigen")
    tri.case_name.value = "y" * 200
    assert len(tri.case_name.value) == widgets.MAX_NAME_LENGTH
    widgets.TensionTriangle.validate_state(json.loads(json.dumps(tri.to_dict())), fw)


@pytest.mark.parametrize(
    "state",
    [
        {"widget": "RolePlacer", "version": 1, "placements": [], "selected": []},
        {
            "widget": "RolePlacer",
            "version": 1,
            "placements": [{"role_id": "jurist", "x": 10**400, "y": 0}],
        },
        {"widget": "TensionTriangle", "version": 1, "weights": {}, "selected": {}},
        {"widget": "Quiz", "version": 1, "question_id": "interviews_dorp", "choice": 1.5},
    ],
)
def test_odd_but_valid_json_never_crashes(fw, state):
    doc = document(exercises={f"{state['widget']}:x": state})
    parsed = parse_answer_file(encoded(doc), "x.json", fw)
    assert parsed.exercises == {} and len(parsed.problems) == 1
    assert (
        collect([("x.json", encoded(doc))], fw).report["reason"].str.contains("overgeslagen").all()
    )


def test_huge_integer_literal_and_corrupt_zip_are_reported(fw):
    huge = b'{"schema": "vakmanschap-answers", "schema_version": 1, "n": ' + b"9" * 5000 + b"}"
    with pytest.raises(answers.AnswerFileError, match="geen geldige JSON"):
        parse_answer_file(huge, "x.json", fw)
    data = bytearray(lms_zip({"a.json": encoded(document()) * 3}))
    start = data.find(b"PK\x03\x04") + 40
    data[start : start + 20] = b"\x00" * 20  # damage the compressed stream
    result = collect(bytes(data), fw)
    assert len(result.report) == 1 and result.students.empty


def test_pseudonyms_hide_file_names_in_the_report_too(fw):
    files = [
        ("Jan Jansen_123_file_a.json", encoded(document(updated="2026-11-01T10:00:00+00:00"))),
        ("Jan Jansen_123_file_b.json", encoded(document(updated="2026-11-20T10:00:00+00:00"))),
        ("Piet Pieters_9_kapot.json", b"["),
    ]
    shown = collect(files, fw).pseudonymised()
    text = shown.report.to_string() + classroom.handout_html(shown, fw)
    assert "Jansen" not in text and "Pieters" not in text
    assert set(shown.report["source"]) <= {f"bestand {i:03d}" for i in range(1, 4)}


def test_csv_export_defuses_spreadsheet_formulas(fw):
    doc = document()
    doc["exercises"]["Reflection:reflectie_03"]["text"] = '=HYPERLINK("http://x")'
    csv_text = classroom.answers_csv(collect([("a.json", encoded(doc))], fw))
    assert "'=HYPERLINK" in csv_text
    assert ",0.5\n" in csv_text  # numbers are left alone


def test_tension_quiz_state_without_check_hides_the_answer(fw):
    quiz = widgets.TensionQuiz(dilemma_id="vangrail_of_vangnet", fw=fw)
    quiz.boxes["klassiek"].value = quiz.boxes["netwerk"].value = True
    quiz.check()
    quiz.from_dict({"dilemma_id": "vangrail_of_vangnet", "chosen": ["npm"], "checked": False})
    assert quiz.to_dict()["checked"] is False and quiz.feedback.value == ""
    assert all(tr.visible is False for tr in by_role(quiz.figure, "dilemma"))
    quiz.check()
    quiz.boxes["klassiek"].value = True  # changing the answer after checking
    assert quiz.checked is False and "opnieuw" in quiz.feedback.value


# -- issue 10: answers are never lost ---------------------------------------------------------


def test_a_too_long_name_drops_the_name_not_the_file(fw):
    doc = document(name="x" * 81)
    parsed = parse_answer_file(encoded(doc), "lang.json", fw)
    assert parsed.name == "" and parsed.number == "123"
    assert set(parsed.exercises) == set(doc["exercises"])  # every valid exercise kept
    assert any("student.name" in problem for problem in parsed.problems)
    result = collect([("lang.json", encoded(doc))], fw)
    assert len(result.students) == 1 and "student.name" in " ".join(result.report["reason"])


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"{ geen json", "json.msg.expecting_name"),
        (b'{"schema": ', "json.msg.expecting_value"),
        (b'{"a": 1 "b": 2}', "json.msg.expecting_delimiter"),
        (b'{"a" 1}', "json.msg.expecting_colon"),
        (b'{"a": "open', "json.msg.unterminated_string"),
        (b"{} {}", "json.msg.extra_data"),
    ],
)
def test_json_errors_are_explained_in_the_students_language(fw, data, key):
    """json's own English messages never reach a student: each has a catalogue reason."""
    with pytest.raises(answers.AnswerFileError) as caught:
        parse_answer_file(data, "x.json", fw)
    assert t(key) in str(caught.value)
    assert "Expecting" not in str(caught.value) and "Unterminated" not in str(caught.value)


def test_system_errors_are_explained_without_the_path():
    import errno

    from vakmanschap.i18n import os_reason

    denied = PermissionError(errno.EACCES, "Permission denied", "/home/student/secret.json")
    assert os_reason(denied) == t("os.permission")
    assert os_reason(OSError(errno.ENOSPC, "No space left on device")) == t("os.no_space")
    odd = os_reason(OSError(errno.EXDEV, "Invalid cross-device link"))
    assert "EXDEV" in odd and "secret" not in odd
