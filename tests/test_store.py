"""The student's answer file never loses an answer: two kernels, wrong clocks, hostile text,
odd things at the path, a crash or a full disk (issue 10)."""

from __future__ import annotations

import base64
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from support import ROOT

import vakmanschap as vk
from vakmanschap.answers import AnswerStore, collect, parse_answer_file
from vakmanschap.answers import store as store_module
from vakmanschap.classroom import answers_csv, handout_html
from vakmanschap.exercises import MultipleChoice, Reflection

FUTURE = "9999-01-01T00:00:00+00:00"


def saved(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))["exercises"]


def reflection(fw, store: AnswerStore, question_id: str) -> Reflection:
    model = Reflection(fw, question_id)
    store.attach(model, question_id)
    return model


# -- two notebooks, one file -------------------------------------------------------------------

WRITER = textwrap.dedent(
    """
    import json, random, sys, time
    from vakmanschap.answers import AnswerStore
    from vakmanschap.exercises import Reflection

    path, question, seconds, seed = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
    rng = random.Random(seed)
    store = AnswerStore(path)
    model = Reflection(None, question)
    store.attach(model, question)
    end, count, last = time.monotonic() + seconds, 0, ""
    while time.monotonic() < end:
        count += 1
        last = f"{question} versie {count}"
        model.write(last)
        if not store.save():
            print("SAVE FAILED", store.message, file=sys.stderr)
        time.sleep(rng.uniform(0.02, 0.3))  # a student typing, at human speed
    print(json.dumps({"question": question, "last": last, "count": count}))
    """
)


def test_two_kernels_editing_for_20_seconds_lose_nothing(tmp_path):
    """Two processes (two notebooks' kernels) share one file and edit different exercises
    at human speed; afterwards every last value is in the file."""
    path = tmp_path / "mijn-antwoorden.json"
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    runs = [
        subprocess.Popen(
            [sys.executable, str(script), str(path), question, "20", str(seed)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for seed, question in enumerate(("reflectie_01", "reflectie_02"))
    ]
    results = []
    for run in runs:
        out, err = run.communicate(timeout=120)
        assert run.returncode == 0 and "SAVE FAILED" not in err, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    exercises = saved(path)
    for result in results:
        assert result["count"] > 20
        assert exercises[f"Reflection:{result['question']}"]["text"] == result["last"]


def test_edits_in_the_same_second_in_two_stores_are_all_kept(fw, tmp_path):
    path = tmp_path / "a.json"
    first, second = AnswerStore(path, fw), AnswerStore(path, fw)
    one, two = reflection(fw, first, "reflectie_01"), reflection(fw, second, "reflectie_02")
    for i in range(30):  # interleaved, far faster than a clock second
        one.write(f"een {i}")
        two.write(f"twee {i}")
    exercises = saved(path)
    assert exercises["Reflection:reflectie_01"]["text"] == "een 29"
    assert exercises["Reflection:reflectie_02"]["text"] == "twee 29"
    # and each notebook shows what the other saved
    first.save()
    assert first.exercises["Reflection:reflectie_02"]["text"] == "twee 29"


# -- clocks -------------------------------------------------------------------------------------


def future_file(path: Path) -> None:
    doc = {
        "schema": "vakmanschap-answers",
        "schema_version": 1,
        "student": {"name": "Ans", "number": "1", "updated": FUTURE},
        "updated": FUTURE,
        "exercises": {
            "Reflection:reflectie_01": {
                "widget": "Reflection",
                "version": 1,
                "question_id": "reflectie_01",
                "text": "oud, maar met een datum in de toekomst",
                "updated": FUTURE,
            }
        },
    }
    path.write_text(json.dumps(doc), encoding="utf-8")


def test_a_future_stamp_never_beats_a_local_edit(fw, tmp_path):
    path = tmp_path / "a.json"
    future_file(path)
    store = AnswerStore(path, fw)
    model = reflection(fw, store, "reflectie_01")
    assert model.state["text"].startswith("oud")
    model.write("nieuw")
    assert model.state["text"] == "nieuw"  # no snap back
    assert saved(path)["Reflection:reflectie_01"]["text"] == "nieuw"
    store.set_student(name="Bea")
    assert json.loads(path.read_text(encoding="utf-8"))["student"]["name"] == "Bea"


def test_an_upload_with_a_future_stamp_does_not_win(fw, tmp_path):
    store = AnswerStore(tmp_path / "a.json", fw)
    model = reflection(fw, store, "reflectie_01")
    model.write("van vandaag")
    upload = tmp_path / "upload.json"
    future_file(upload)
    store.load_upload(upload.read_bytes(), "upload.json")
    assert model.state["text"] == "van vandaag"


def test_collect_flags_future_stamps_and_prefers_the_genuine_newest(fw, tmp_path):
    future_file(tmp_path / "a.json")
    genuine = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    genuine["updated"] = "2026-11-30T10:00:00+00:00"
    genuine["exercises"]["Reflection:reflectie_01"]["updated"] = "2026-11-30T10:00:00+00:00"
    genuine["exercises"]["Reflection:reflectie_01"]["text"] = "echt het nieuwste"
    (tmp_path / "b.json").write_text(json.dumps(genuine), encoding="utf-8")
    result = collect(tmp_path, fw)
    assert result.students["source"].tolist() == ["b.json"]
    assert "toekomst" in " ".join(result.report["reason"])


# -- text ---------------------------------------------------------------------------------------


def test_a_lone_surrogate_is_repaired_once_and_nothing_later_fails(fw, tmp_path):
    path = tmp_path / "a.json"
    text = (
        '{"schema": "vakmanschap-answers", "schema_version": 1,'
        ' "student": {"name": "Ans \\ud83d", "number": "7"}, "exercises": {'
        '"Reflection:reflectie_01": {"widget": "Reflection", "version": 1,'
        ' "question_id": "reflectie_01", "text": "kapot \\ud83d teken"}}}'
    )
    path.write_text(text, encoding="ascii")
    parsed = parse_answer_file(path.read_bytes(), "a.json", fw)
    assert parsed.name == "Ans \ufffd"
    assert any("surrogaten" in problem for problem in parsed.problems)
    store = AnswerStore(path, fw)
    model = reflection(fw, store, "reflectie_02")
    model.write("later antwoord")
    assert store.save() and saved(path)["Reflection:reflectie_02"]["text"] == "later antwoord"
    result = collect(tmp_path, fw)
    handout_html(result.pseudonymised(), fw).encode("utf-8")  # the whole class still works
    answers_csv(result).encode("utf-8")
    typed = reflection(fw, store, "reflectie_03")
    typed.write("uit de browser \ud800")  # the widget boundary repairs as well
    assert typed.state["text"].endswith("\ufffd") and store.save()


# -- what sits at the path -----------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["folder", "link to a device", "link to another file", "fifo"])
def test_something_else_at_the_path_is_never_touched(fw, tmp_path, kind):
    path = tmp_path / "mijn-antwoorden.json"
    other = tmp_path / "notities.txt"
    other.write_text("niet van ons", encoding="utf-8")
    if kind == "folder":
        path.mkdir()
    elif kind == "link to a device":
        path.symlink_to("/dev/null")
    elif kind == "link to another file":
        path.symlink_to(other)
    else:
        os.mkfifo(path)
    before = sorted(p.name for p in tmp_path.iterdir())
    store = AnswerStore(path, fw)
    assert "geen gewoon bestand" in store.message
    model = reflection(fw, store, "reflectie_01")
    model.write("blijft in het geheugen")
    assert not store.save() and "geen gewoon bestand" in store.message
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == [
        n for n in before if not n.startswith(".")
    ]
    assert other.read_text(encoding="utf-8") == "niet van ons"
    assert store.exercises["Reflection:reflectie_01"]["text"] == "blijft in het geheugen"


def test_a_failed_set_aside_is_reported_and_nothing_is_overwritten(fw, tmp_path, monkeypatch):
    path = tmp_path / "a.json"
    path.write_text("{ geen json", encoding="utf-8")

    def refuse(self, target):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "rename", refuse)
    store = AnswerStore(path, fw)
    assert "ook niet opzij gezet" in store.message
    model = reflection(fw, store, "reflectie_01")
    model.write("veilig in het geheugen")
    assert not store.save()
    assert path.read_text(encoding="utf-8") == "{ geen json"
    monkeypatch.undo()
    assert store.save()  # once it can be set aside, everything is written
    assert saved(path)["Reflection:reflectie_01"]["text"] == "veilig in het geheugen"
    assert list(tmp_path.glob("a.onleesbaar-*.json"))


# -- crashes, full disks, file mode ------------------------------------------------------------


def test_a_full_disk_loses_nothing(fw, tmp_path, monkeypatch):
    path = tmp_path / "a.json"
    store = AnswerStore(path, fw)
    model = reflection(fw, store, "reflectie_01")

    def full(path, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store_module, "_write_atomic", full)
    model.write("tijdens een volle schijf")
    assert "mislukt" in store.message and not path.exists()
    monkeypatch.undo()
    quiz = MultipleChoice(fw, "interviews_dorp")
    store.attach(quiz, "interviews_dorp")
    quiz.choose(2)  # the next change writes everything
    exercises = saved(path)
    assert exercises["Reflection:reflectie_01"]["text"] == "tijdens een volle schijf"
    assert store.message == ""


def test_kill_9_while_saving_leaves_a_whole_file(tmp_path):
    path = tmp_path / "a.json"
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    for seed in range(3):
        run = subprocess.Popen(
            [sys.executable, str(script), str(path), "reflectie_01", "30", str(seed)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(2.5 + seed * 0.37)
        run.send_signal(signal.SIGKILL)
        run.wait()
        parsed = parse_answer_file(path.read_bytes(), "a.json")  # whole and valid
        assert parsed.exercises["Reflection:reflectie_01"]["text"].startswith("reflectie_01")
    # a write killed midway may leave a temp file behind: a dotfile, out of sight and harmless


def test_the_file_is_readable_as_any_file_the_user_makes(fw, tmp_path):
    umask = os.umask(0o022)
    try:
        store = AnswerStore(tmp_path / "a.json", fw)
        reflection(fw, store, "reflectie_01").write("x")
    finally:
        os.umask(umask)
    assert (tmp_path / "a.json").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / ".a.json.lock").exists()  # the lock is a dotfile, out of sight


def test_housekeeping_files_stay_out_of_the_file_browser(fw, tmp_path):
    """JupyterLab's file browser (jupyter_server's contents manager) lists the answer file
    beside the notebooks, but not the lock or a temp file."""
    from jupyter_server.services.contents.filemanager import FileContentsManager

    store = AnswerStore(tmp_path / "mijn-antwoorden.json", fw)
    reflection(fw, store, "reflectie_01").write("x")
    (tmp_path / ".mijn-antwoorden.json.abc.tmp").write_text("{}")  # as a killed write leaves
    assert (tmp_path / ".mijn-antwoorden.json.lock").exists()
    listing = FileContentsManager(root_dir=str(tmp_path)).get("")["content"]
    assert [item["name"] for item in listing] == ["mijn-antwoorden.json"]


# -- the download ----------------------------------------------------------------------------------


def test_the_download_holds_the_file_on_disk_with_a_true_count(fw, tmp_path):
    path = tmp_path / "a.json"
    here = AnswerStore(path, fw)
    panel = vk.AnswersPanel(here)
    reflection(fw, here, "reflectie_01").write("hier")
    other = AnswerStore(path, fw)  # another notebook, saving 5 more exercises later
    for question in ("reflectie_02", "reflectie_03", "reflectie_04", "reflectie_05"):
        reflection(fw, other, question).write("daar")
    link = panel.children[3].children[0]
    sent = []
    link.send = sent.append
    link._handle_custom_msg({"event": "download"}, [])
    content = base64.b64decode(sent[0]["content"])
    assert content == path.read_bytes()
    assert len(json.loads(content)["exercises"]) == 5
    assert "(5 oefeningen)" in panel.children[4].value
