"""A course on a real JupyterHub: six students at once, nbgitpuller links, a re-pull.

Each student (a thread) logs in, opens the nbgitpuller link that ``vakmanschap.links`` makes
for notebook 03 (so the course is cloned from a local bare repository into their home
folder), runs the notebook's code cells in a kernel of their own server and places roles
with their own coordinates. The lecturer collects the six answer files. Then every second
student saves a changed notebook as JupyterLab's autosave does (see LOCAL_CHANGES), a new
commit changes two notebooks, and every student opens the link again: no merge conflict,
the commit's changes where the student did not change the notebook, the student's own
changes kept, and every answers file byte for byte the same and restored in a fresh kernel.

Times and peak memory per student are printed at the end (conftest).
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import nbformat
import pytest
from hub_helpers import SUMMARY, Kernel, Student, api, sha256, wait_until

from vakmanschap import links
from vakmanschap.answers import collect

pytestmark = pytest.mark.hub

ROOT = Path(__file__).resolve().parent.parent.parent
#: At least six students at once; set VAKMANSCHAP_HUB_STUDENTS to measure a larger class.
STUDENTS = max(6, int(os.environ.get("VAKMANSCHAP_HUB_STUDENTS") or 6))
NOTEBOOK = "03-onderzoek-en-tabel-1.ipynb"
CHANGED = ("03-onderzoek-en-tabel-1.ipynb", "08-tot-slot.ipynb")
NEW_LINE = "Bijgewerkt door de docent voor week 2 (hub-test)."
#: Repository folder in each home (the link's targetpath), answers file in its notebooks/.
REPO_NAME = "notebooks"
ANSWERS = Path(REPO_NAME) / "notebooks" / "mijn-antwoorden.json"

#: What a student types into the notebook after running it (set_student is what the
#: "Mijn antwoorden" panel calls when the name and number fields change).
PLACE = """\
import json
import vakmanschap as vk
from vakmanschap.answers import answer_store

answer_store().set_student(name={name!r}, number={number!r})
placer = vk.RolePlacer.get("03-tabel-1")
for role, (x, y) in {placements!r}.items():
    placer.place(role, x, y)
"""
READ_BACK = """\
import json
import vakmanschap as vk
from vakmanschap.answers import answer_store

placed = vk.RolePlacer.get("03-tabel-1").placements.dropna(subset=["x", "y"])
print(json.dumps({
    "student": answer_store().student,
    "placements": {row.role_id: [row.x, row.y] for row in placed.itertuples()},
}))
"""


#: What JupyterLab has saved in a student's copy before the re-pull, for every second student
#: (students 1, 3, 5, ... in turn): (notebook, note). Each is the autosave after *Run All*
#: (execution counts, widget outputs, the kernel's language_info); with a note, the student
#: has also typed a line at the end of the notebook's last Markdown cell, the cell the new
#: commit changes too (the lines conflict: nbgitpuller's merge -Xours keeps the student's).
LOCAL_CHANGES = (
    (NOTEBOOK, False),  # notebook 03, which the new commit changes elsewhere: both kept
    (NOTEBOOK, True),  # notebook 03, the same lines as the commit: the student's side wins
    ("05-klassiek-intern.ipynb", False),  # a notebook the commit does not change
)
NOTE = "Mijn aantekening: de vignetten nog eens bekijken."
MERGE_COMMIT = "Automatic commit by nbgitpuller"  # nbgitpuller's commit of local changes


def git(*args: str, cwd: Path) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=Docent", "-c", "user.email=docent@example.org", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, f"git {' '.join(args)}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def placements_of(index: int) -> dict[str, tuple[float, float]]:
    """Student-specific placements: three roles, different for every student (and inside
    the grid, -1 to 1, for any number of students)."""
    step = round((index * 0.07) % 0.8, 2)
    return {
        "jurist": (round(0.1 + step, 2), 0.6),
        "controller": (-0.5, round(0.5 - step, 2)),
        "boa": (round(0.9 - step, 2), round(-0.1 - step, 2)),
    }


def code_cells(path: Path) -> list[str]:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return [
        "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        for cell in notebook["cells"]
        if cell["cell_type"] == "code"
    ]


def save_as_jupyterlab(student: Student, name: str, note: bool) -> list[str]:
    """Change notebook `name` in the student's copy as JupyterLab's autosave does after *Run
    All* (and, with `note`, after a line typed at the end of the last Markdown cell): read
    and save it through the server's contents API. Returns the widget model ids of the
    outputs, which only this student's notebook has."""
    path = f"{REPO_NAME}/notebooks/{name}"
    notebook = student.contents(path)["content"]
    model_ids = []
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    for count, cell in enumerate(code, start=1):
        model_ids.append(f"{student.name}-{count}-{time.time_ns():x}")
        cell["execution_count"] = count
        cell["outputs"] = [
            {
                "output_type": "display_data",
                "metadata": {},
                "data": {
                    "text/plain": "VBox(children=(HTML(value=''),))",
                    "application/vnd.jupyter.widget-view+json": {
                        "model_id": model_ids[-1],
                        "version_major": 2,
                        "version_minor": 0,
                    },
                },
            }
        ]
    notebook["metadata"]["language_info"] = {
        "codemirror_mode": {"name": "ipython", "version": 3},
        "file_extension": ".py",
        "mimetype": "text/x-python",
        "name": "python",
        "nbconvert_exporter": "python",
        "pygments_lexer": "ipython3",
        "version": platform.python_version(),
    }
    if note:
        last = [cell for cell in notebook["cells"] if cell["cell_type"] == "markdown"][-1]
        last["source"] += f"\n\n{NOTE}"
    student.contents(path, {"type": "notebook", "format": "json", "content": notebook})
    return model_ids


def all_at_once(students: list[Student], work) -> dict[str, Any]:
    """Run ``work(student)`` for every student in its own thread, started together; the
    first error is raised (naming the student) after all have finished."""
    barrier = threading.Barrier(len(students))

    def one(student: Student):
        barrier.wait(timeout=60)
        return work(student)

    with ThreadPoolExecutor(max_workers=len(students)) as pool:
        futures = {student.name: pool.submit(one, student) for student in students}
        results, errors = {}, []
        for name, future in futures.items():
            try:
                results[name] = future.result()
            except Exception as exc:
                errors.append(f"{name}: {type(exc).__name__}: {exc}")
    if errors:
        raise AssertionError("\n\n".join(errors))
    return results


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Iterator[dict]:
    """The course repository: a bare clone of this checkout, its branch ``main`` at the
    checkout's HEAD (with the checkout's notebooks, so they match the package installed in
    the hub's environment), and the lecturer's working clone."""
    base = tmp_path_factory.mktemp("course")
    bare, work, branch = base / f"{REPO_NAME}.git", base / "docent", "main"
    git("clone", "--quiet", "--bare", str(ROOT), str(bare), cwd=base)
    git("clone", "--quiet", str(bare), str(work), cwd=base)
    git("checkout", "--quiet", "-B", branch, cwd=work)
    shutil.copytree(ROOT / "notebooks", work / "notebooks", dirs_exist_ok=True)
    git("add", "--all", "notebooks", cwd=work)
    if git("status", "--porcelain", cwd=work).strip():
        git("commit", "--quiet", "-m", "Notebooks as in the checkout", cwd=work)
    git("push", "--quiet", "--force", "origin", f"HEAD:refs/heads/{branch}", cwd=work)
    git("symbolic-ref", "HEAD", f"refs/heads/{branch}", cwd=bare)
    git("branch", "--quiet", f"--set-upstream-to=origin/{branch}", cwd=work)
    yield {"bare": bare, "work": work, "branch": branch, "url": bare.as_uri()}
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="module")
def classroom(hub, course) -> Iterator[dict]:
    """The students (six by default), all at once: server started, logged in, link opened
    (the pull), notebook 03 run in a kernel of their own, roles placed, name filled in."""
    started = time.monotonic()
    names = [f"student-{n}" for n in range(1, STUDENTS + 1)]
    api(hub.url, "POST", "/users", hub.admin_token, {"usernames": names})
    students = []
    for index, name in enumerate(names):
        student = Student(
            name,
            f"s{1000 + index}",
            hub.url,
            hub.homes / name,
            placements_of(index),
        )
        student.token = api(
            hub.url,
            "POST",
            f"/users/{name}/tokens",
            hub.admin_token,
            {"note": "hub test", "expires_in": 7200},
        )["token"]
        students.append(student)
    link = links.link(hub.url, course["url"], NOTEBOOK, branch=course["branch"])
    assert hub.sampler is not None
    hub.sampler.recording = True
    t0 = time.monotonic()

    def first_round(student: Student) -> Kernel:
        api(hub.url, "POST", f"/users/{student.name}/server", hub.admin_token)

        def ready():
            user = api(hub.url, "GET", f"/users/{student.name}", hub.admin_token)
            server = user["servers"].get("")
            return bool(server and server.get("ready"))

        wait_until(ready, 900, f"{student.name}'s server")
        student.timings["ready"] = time.monotonic() - t0
        student.login(hub.password)
        pulled = student.open_link(link)
        assert pulled["targetpath"] == REPO_NAME
        assert pulled["landed"].endswith(
            f"/user/{student.name}/lab/tree/{REPO_NAME}/notebooks/{NOTEBOOK}"
        )
        student.timings["pulled"] = time.monotonic() - t0
        kernel = student.start_kernel(f"{REPO_NAME}/notebooks/{NOTEBOOK}")
        cwd = kernel.run(["import os; print(os.getcwd())"])[0].strip()
        assert cwd == str(student.home / REPO_NAME / "notebooks")
        kernel.run(code_cells(student.home / REPO_NAME / "notebooks" / NOTEBOOK))
        kernel.run(
            [
                PLACE.format(
                    name=f"Student {student.name.rsplit('-', 1)[-1]}",
                    number=student.number,
                    placements={k: list(v) for k, v in student.placements.items()},
                )
            ]
        )
        student.timings["placed"] = time.monotonic() - t0
        return kernel

    kernels = all_at_once(students, first_round)
    SUMMARY["students"] = names
    SUMMARY["ready_all"] = max(s.timings["ready"] for s in students)
    SUMMARY["first_round_all"] = max(s.timings["placed"] for s in students)
    time.sleep(2 * hub.sampler.interval)  # at least one more sample of every running server
    assert set(hub.sampler.peaks) == set(names), "memory measured for every student"
    yield {"students": students, "kernels": kernels, "link": link, "t0": t0}
    hub.sampler.recording = False
    SUMMARY["peaks"] = {name: dict(peak) for name, peak in hub.sampler.peaks.items()}
    SUMMARY["infra"] = dict(hub.sampler.infra)
    SUMMARY["total"] = time.monotonic() - started


def test_every_student_has_their_own_copy_and_answers_file(classroom, hub):
    for student in classroom["students"]:
        repo = student.home / REPO_NAME
        assert (repo / ".git").is_dir()
        answers = student.home / ANSWERS
        assert answers.is_file(), f"{student.name}: no {ANSWERS}"
        saved = json.loads(answers.read_text(encoding="utf-8"))
        assert saved["student"]["number"] == student.number
        placed = saved["exercises"]["RolePlacer:03-tabel-1"]["placements"]
        assert {p["role_id"]: (p["x"], p["y"]) for p in placed if p.get("x") is not None} == (
            student.placements
        )
        # the answers file is untracked (ignored): git sees no change in the student's copy
        assert git("status", "--porcelain", cwd=repo) == ""
        assert "mijn-antwoorden.json" in git("status", "--porcelain", "--ignored", cwd=repo)


def test_the_lecturer_collects_every_file(classroom):
    students = classroom["students"]
    result = collect([student.home / ANSWERS for student in students])
    assert sorted(result.students["number"]) == sorted(s.number for s in students)
    assert result.report.empty, result.report.to_string()
    rows = result.answers[result.answers["widget"] == "RolePlacer"]
    for student in students:
        mine = rows[rows["number"] == student.number]
        for role, (x, y) in student.placements.items():
            got = mine[mine["item"] == role].set_index("measure")["value"]
            assert (float(got["x"]), float(got["y"])) == (x, y), (student.name, role)


def test_a_new_commit_and_a_re_pull_keep_every_answers_file(classroom, course, hub):
    students, kernels = classroom["students"], classroom["kernels"]
    before = {s.name: sha256(s.home / ANSWERS) for s in students}
    start = {s.name: git("rev-parse", "HEAD", cwd=s.home / REPO_NAME).strip() for s in students}
    # every second student's JupyterLab has saved a changed notebook (see LOCAL_CHANGES)
    changed: dict[str, tuple[str, bool, list[str], bytes]] = {}
    for index, student in enumerate(students[::2]):
        name, note = LOCAL_CHANGES[index % len(LOCAL_CHANGES)]
        model_ids = save_as_jupyterlab(student, name, note)
        saved = (student.home / REPO_NAME / "notebooks" / name).read_bytes()
        changed[student.name] = (name, note, model_ids, saved)
        status = git("status", "--porcelain", cwd=student.home / REPO_NAME)
        assert status == f" M notebooks/{name}\n", status
    assert len(changed) * 2 >= len(students)
    assert any(name in CHANGED for name, *_ in changed.values())

    work = course["work"]
    for name in CHANGED:
        path = work / "notebooks" / name
        notebook = json.loads(path.read_text(encoding="utf-8"))
        last = [cell for cell in notebook["cells"] if cell["cell_type"] == "markdown"][-1]
        source = last["source"] if isinstance(last["source"], list) else [last["source"]]
        last["source"] = [*source[:-1], source[-1] + "\n", "\n", NEW_LINE]
        path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", "utf-8")
    git("commit", "--quiet", "-am", "Week 2: a line in notebooks 03 and 08", cwd=work)
    git("push", "--quiet", "origin", course["branch"], cwd=work)
    head = git("rev-parse", "HEAD", cwd=work).strip()
    t0 = time.monotonic()

    def re_pull(student: Student) -> dict:
        # the student still has notebook 03 open (its kernel runs) and clicks the link again
        pulled = student.open_link(classroom["link"])
        student.timings["repulled"] = time.monotonic() - t0
        return pulled

    pulls = all_at_once(students, re_pull)
    SUMMARY["repull_all"] = max(s.timings["repulled"] for s in students)
    SUMMARY["repull_merges"] = len(changed)
    for student in students:
        repo = student.home / REPO_NAME
        log = pulls[student.name]["output"]
        assert "CONFLICT" not in log and "Renamed" not in log, log
        assert sha256(student.home / ANSWERS) == before[student.name], student.name
        # no merge conflict: nothing unmerged, no merge in progress, no conflict markers
        assert git("status", "--porcelain", cwd=repo) == "", "all committed, nothing unmerged"
        assert git("ls-files", "--unmerged", cwd=repo) == ""
        assert not (repo / ".git" / "MERGE_HEAD").exists()
        markers = subprocess.run(
            ["git", "grep", "-I", "-n", "-E", "^(<<<<<<<|>>>>>>>) "],
            cwd=repo,
            capture_output=True,
            text=True,
        )
        assert markers.returncode == 1, markers.stdout or markers.stderr
        for path in sorted((repo / "notebooks").rglob("*.ipynb")):
            if not any(part.startswith(".") for part in path.relative_to(repo).parts):
                nbformat.validate(nbformat.read(path, as_version=4))
        ignored = git("status", "--porcelain", "--ignored", cwd=repo).splitlines()
        assert all(
            Path(line[3:]).name.startswith((".", "mijn-antwoorden.json")) for line in ignored
        ), ignored
        # the commit's files wherever the student did not change the notebook
        differs = git("diff", "--name-only", head, cwd=repo).split()
        if student.name not in changed:
            assert git("rev-parse", "HEAD", cwd=repo).strip() == head, "a fast-forward"
            assert differs == []
            continue
        # nbgitpuller committed the student's change and merged the new commit into it
        name, note, model_ids, saved = changed[student.name]
        own, upstream = git("rev-parse", "HEAD^1", "HEAD^2", cwd=repo).split()
        assert upstream == head
        assert git("log", "-1", "--format=%s%n%P", own, cwd=repo).split("\n")[:2] == [
            MERGE_COMMIT,
            start[student.name],
        ]
        assert differs == [f"notebooks/{name}"], differs
        mine = repo / "notebooks" / name
        text = mine.read_text(encoding="utf-8")
        assert all(model_id in text for model_id in model_ids), "the student's outputs kept"
        if name in CHANGED and not note:
            assert NEW_LINE in text, "the commit's line merged into the student's notebook"
        else:  # the commit did not touch it, or the same lines: -Xours keeps the student's
            assert mine.read_bytes() == saved

    def fresh_kernel(student: Student) -> dict:
        kernels[student.name].stop()
        kernel = student.start_kernel(f"{REPO_NAME}/notebooks/{NOTEBOOK}")
        try:
            return json.loads(kernel.run([READ_BACK])[0])
        finally:
            kernel.stop()

    restored = all_at_once(students, fresh_kernel)
    for student in students:
        got = restored[student.name]
        assert got["student"]["number"] == student.number
        assert {role: tuple(xy) for role, xy in got["placements"].items()} == student.placements, (
            student.name
        )
        assert sha256(student.home / ANSWERS) == before[student.name], "reading wrote nothing"


def test_the_voila_link_opens_the_notebook_as_an_app(classroom, course, hub):
    student = classroom["students"][0]
    url = links.link(hub.url, course["url"], "00-start-hier.ipynb", course["branch"], "voila")
    hub.sampler.recording = False  # a seventh kernel: not part of the per-student numbers
    SUMMARY["peaks"] = {name: dict(peak) for name, peak in hub.sampler.peaks.items()}
    SUMMARY["infra"] = dict(hub.sampler.infra)
    pulled = student.open_link(url)
    assert pulled["landed"].endswith(
        f"/user/{student.name}/voila/render/{REPO_NAME}/notebooks/00-start-hier.ipynb"
    )
    assert "Start hier" in pulled["page"]  # rendered by Voila: the notebook's first heading
