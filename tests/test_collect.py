"""Collecting a class from whatever students hand in: damaged zips, odd folders, files that
count one student many times, stamps from the future, and a report that pseudonymises exactly.
"""

from __future__ import annotations

import io
import json
import os
import random
import struct
import time
import zipfile
from pathlib import Path

import pytest

from vakmanschap import answers, classroom
from vakmanschap.answers import collect
from vakmanschap.i18n import t

OLD, NEW, FUTURE = "2026-11-01T10:00:00+00:00", "2026-11-20T10:00:00+00:00", "9999-01-01T00:00:00"


def placer(x: float = 0.5, y: float = 0.5, updated: str | None = None) -> dict:
    state = {
        "widget": "RolePlacer",
        "version": 1,
        "placements": [{"role_id": "jurist", "x": x, "y": y}],
        "checked": True,
    }
    if updated is not None:
        state["updated"] = updated
    return state


def quiz(choice: int = 1, question_id: str = "interviews_dorp") -> dict:
    return {"widget": "Quiz", "version": 1, "question_id": question_id, "choice": choice}


def document(name="Ans", number="123", updated=OLD, exercises=None) -> dict:
    return {
        "schema": answers.SCHEMA,
        "schema_version": answers.SCHEMA_VERSION,
        "student": {"name": name, "number": number},
        "updated": updated,
        "exercises": exercises
        if exercises is not None
        else {"RolePlacer:03-tabel-1": placer(), "Quiz:interviews_dorp": quiz()},
    }


def encoded(doc) -> bytes:
    return json.dumps(doc).encode("utf-8")


def reasons_of(result) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for source, reason in zip(result.report["source"], result.report["reason"], strict=True):
        found.setdefault(source, []).append(reason)
    return found


# -- 1. damaged zips ---------------------------------------------------------------------------


def make_zip(entries: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytearray:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return bytearray(buffer.getvalue())


def two_students(method: int = zipfile.ZIP_DEFLATED) -> bytearray:
    """Entry ``a.json`` (student 1) is the one damaged; ``b.json`` (student 2) follows."""
    return make_zip(
        {
            "a.json": encoded(document(name="Aap", number="1")),
            "b.json": encoded(document(name="Bas", number="2")),
        },
        method,
    )


def local(data: bytearray, index: int = 0) -> int:
    """Offset of the `index`-th local file header."""
    at = -1
    for _ in range(index + 1):
        at = data.index(b"PK\x03\x04", at + 1)
    return at


def central(data: bytearray, index: int = 0) -> int:
    at = -1
    for _ in range(index + 1):
        at = data.index(b"PK\x01\x02", at + 1)
    return at


def end(data: bytearray) -> int:
    return data.rindex(b"PK\x05\x06")


def put(data: bytearray, at: int, fmt: str, value: int) -> bytearray:
    data[at : at + struct.calcsize(fmt)] = struct.pack(fmt, value)
    return data


def truncated_half():
    data = two_students()
    return data[: len(data) // 2], False


def truncated_end():
    return two_students()[:-10], False


def empty_bytes():
    return bytearray(), False


def not_a_zip():
    return bytearray(b"PK\x03\x04 dit is geen zip"), False


def directory_offset_absurd():
    data = two_students()
    return put(data, end(data) + 16, "<I", 0xFFFFFFF0), False


def directory_size_absurd():
    data = two_students()
    return put(data, end(data) + 12, "<I", 0xFFFFFF00), False


def header_offset_absurd():
    data = two_students()
    return put(data, central(data) + 42, "<I", 0xFFFFFF00), True


def header_offset_negative():
    data = two_students()
    put(data, end(data) + 16, "<I", end(data) - 1)  # directory "starts" one byte earlier
    return data, False


def sizes_absurd():
    data = two_students()
    put(data, central(data) + 20, "<I", 0xFFFFFFFF)
    return put(data, central(data) + 24, "<I", 0xFFFFFFFF), True


def version_absurd():
    data = two_students()
    return put(data, central(data) + 6, "<H", 0xFF), False


def compression_unknown():
    data = two_students()
    return put(data, central(data) + 10, "<H", 99), True


def encrypted():
    data = two_students()
    flags = struct.unpack_from("<H", data, central(data) + 8)[0]
    return put(data, central(data) + 8, "<H", flags | 0x1), True


def name_undecodable():
    data = two_students()
    flags = struct.unpack_from("<H", data, central(data) + 8)[0]
    put(data, central(data) + 8, "<H", flags | 0x800)  # "the name is UTF-8"
    data[central(data) + 46] = 0xFF
    return data, False


def name_empty():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo(""), b"{}")
        archive.writestr("b.json", encoded(document(name="Bas", number="2")))
    return bytearray(buffer.getvalue()), True


def names_differ():
    data = two_students()
    data[local(data) + 30] = ord("x")  # local header: "x.json", directory: "a.json"
    return data, True


def local_signature():
    data = two_students()
    data[local(data) + 2] = 0
    return data, True


def crc_wrong():
    data = two_students()
    put(data, local(data) + 14, "<I", 0)
    return put(data, central(data) + 16, "<I", 0), True


def deflate_damaged():
    data = two_students()
    start = local(data) + 30 + len("a.json")
    data[start : start + 20] = b"\xff" * 20
    return data, True


def lzma_damaged():
    data = two_students(zipfile.ZIP_LZMA)
    start = local(data) + 30 + len("a.json")
    data[start + 4 : start + 30] = b"\x00" * 26
    return data, True


def bzip2_damaged():
    data = two_students(zipfile.ZIP_BZIP2)
    start = local(data) + 30 + len("a.json")
    data[start : start + 20] = b"\x00" * 20
    return data, True


def past_the_end():
    data = make_zip({"b.json": encoded(document(name="Bas", number="2")), "a.json": b"{}"}, 0)
    put(data, central(data, 1) + 20, "<I", 100_000)
    return put(data, central(data, 1) + 24, "<I", 100_000), True


def extra_field_corrupt():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        info = zipfile.ZipInfo("a.json")
        info.extra = b"\x01\x00\x18\x00" + b"\x00" * 4  # zip64 field that claims 24 bytes
        archive.writestr(info, b"{}")
    return bytearray(buffer.getvalue()), False


def only_folders():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("leeg/", b"")
    return bytearray(buffer.getvalue()), False


CORRUPTIONS = [
    truncated_half,
    truncated_end,
    empty_bytes,
    not_a_zip,
    directory_offset_absurd,
    directory_size_absurd,
    header_offset_absurd,
    header_offset_negative,
    sizes_absurd,
    version_absurd,
    compression_unknown,
    encrypted,
    name_undecodable,
    name_empty,
    names_differ,
    local_signature,
    crc_wrong,
    deflate_damaged,
    lzma_damaged,
    bzip2_damaged,
    past_the_end,
    extra_field_corrupt,
    only_folders,
]


@pytest.mark.parametrize("corrupt", CORRUPTIONS, ids=lambda f: f.__name__)
def test_a_damaged_zip_is_reported_and_the_rest_is_read(fw, tmp_path, corrupt):
    data, other_entry_readable = corrupt()
    good = encoded(document(name="Goed", number="99"))
    for source in (
        [("goed.json", good), ("kapot.zip", bytes(data))],  # uploads
        [("kapot.zip", bytes(data)), ("goed.json", good)],  # the bad one first
    ):
        result = collect(source, fw)
        assert "nr:99" in set(result.students["student"])
        bad = [s for s in result.report["source"] if s == "kapot.zip" or s.startswith("kapot.zip/")]
        assert bad, result.report
        if other_entry_readable:
            assert "nr:2" in set(result.students["student"])
        for reason in result.report["reason"]:
            assert "a.json" not in reason  # reasons name no file: pseudonyms stay exact
    folder = tmp_path / "klas"
    folder.mkdir()
    (folder / "goed.json").write_bytes(good)
    (folder / "kapot.zip").write_bytes(data)
    result = collect(folder, fw)
    assert "nr:99" in set(result.students["student"])
    assert any(s.startswith("kapot.zip") for s in result.report["source"])
    assert collect(bytes(data), fw).report.shape[0] >= 1  # the bytes of a zip on their own


# -- 2. folders ------------------------------------------------------------------------------


def test_folder_oddities_are_skipped_and_named(fw, tmp_path):
    root = tmp_path / "klas"
    sub = root / "sub"
    sub.mkdir(parents=True)
    (root / "goed.json").write_bytes(encoded(document(name="Ans", number="1")))
    (sub / "piet.json").write_bytes(encoded(document(name="Piet", number="2")))
    outside = tmp_path / "buiten.json"
    outside.write_bytes(encoded(document(name="Buiten", number="3")))
    os.mkfifo(root / "x.json")
    (root / "los.json").symlink_to(root / "nergens.json")
    (root / "a.json").symlink_to("b.json")
    (root / "b.json").symlink_to("a.json")
    (sub / "omhoog").symlink_to("..")
    (root / "ouder").symlink_to("..")
    (root / "null.json").symlink_to("/dev/null")
    (root / "buiten.json").symlink_to(outside)
    (root / "alias.json").symlink_to("goed.json")
    result = collect(root, fw)
    assert sorted(result.students["student"]) == ["nr:1", "nr:2"]
    reasons = reasons_of(result)
    skipped = {
        "x.json": "gewoon bestand",
        "los.json": "nergens",
        "a.json": "kring",
        "b.json": "kring",
        "sub/omhoog": "binnen de map",
        "ouder": "buiten de map",
        "null.json": "buiten de map",
        "buiten.json": "buiten de map",
        "alias.json": "binnen de map",
    }
    for source, words in skipped.items():
        assert source in reasons, (source, reasons)
        assert words in " ".join(reasons[source]), (source, reasons[source])
    related = dict(zip(result.report["source"], result.report["related"], strict=True))
    assert related["alias.json"] == "goed.json" and related["sub/omhoog"] == "."
    for text in [*result.report["reason"], *result.report["source"]]:
        assert str(tmp_path) not in text


def test_an_unreadable_sub_folder_is_reported_and_the_rest_read(fw, tmp_path, monkeypatch):
    root = tmp_path / "klas"
    (root / "geheim").mkdir(parents=True)
    (root / "geheim" / "x.json").write_bytes(encoded(document(name="X", number="9")))
    (root / "ans.json").write_bytes(encoded(document()))
    scandir = os.scandir

    def refusing(path="."):
        if os.fspath(path).endswith("geheim"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    result = collect(root, fw)
    assert list(result.students["student"]) == ["nr:123"]
    reasons = reasons_of(result)
    assert "geheim" in reasons
    assert f"kan niet worden gelezen ({t('os.permission')})" in reasons["geheim"][0]
    assert str(tmp_path) not in " ".join(result.report["reason"])


def test_an_unreadable_class_folder_says_so_not_empty(fw, tmp_path, monkeypatch):
    root = tmp_path / "klas"
    root.mkdir()
    (root / "ans.json").write_bytes(encoded(document()))
    scandir = os.scandir

    def refusing(path="."):
        if Path(path) == root:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    result = collect(root, fw)
    assert result.students.empty
    (reason,) = result.report["reason"]
    assert "kan niet worden gelezen" in reason and "leeg" not in reason
    assert str(tmp_path) not in reason


def test_an_unreadable_file_is_reported_without_its_path(fw, tmp_path, monkeypatch):
    root = tmp_path / "klas"
    root.mkdir()
    (root / "ans.json").write_bytes(encoded(document()))
    (root / "dicht.json").write_bytes(encoded(document(name="Dicht", number="5")))
    opener = os.open

    def refusing(path, *args, **kwargs):
        if os.fspath(path).endswith("dicht.json"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return opener(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)
    result = collect(root, fw)
    assert list(result.students["student"]) == ["nr:123"]
    assert reasons_of(result)["dicht.json"] == [
        t("answers.unreadable", reason=t("os.permission"))  # the reason in Dutch, no path
    ]


def test_a_chain_of_a_thousand_folders(fw, tmp_path):
    root = tmp_path / "klas"
    chain = [root]
    for _ in range(1000):  # Path.mkdir(parents=True) would recurse too deeply itself
        chain.append(chain[-1] / "d")
    for folder in chain:
        folder.mkdir()
    (chain[-1] / "ans.json").write_bytes(encoded(document()))
    result = collect(root, fw)
    assert list(result.students["student"]) == ["nr:123"]
    assert result.report.empty
    (chain[-1] / "ans.json").unlink()
    for folder in reversed(chain):  # and so would removing it
        folder.rmdir()


def test_a_fifo_given_directly_does_not_block(fw, tmp_path):
    os.mkfifo(tmp_path / "x.json")
    (reason,) = collect(tmp_path / "x.json", fw).report["reason"]
    assert "gewoon bestand" in reason


# -- 3. one student, many copies of an exercise -----------------------------------------------


def test_copies_of_an_exercise_count_once_per_student(fw):
    files = [
        (f"s{i}.json", encoded(document(name=f"S{i}", number=str(i), updated=OLD)))
        for i in range(3)
    ]
    copies = {f"RolePlacer:copy{i}": placer(-0.5, -0.5, updated=OLD) for i in range(1, 301)}
    copies["RolePlacer:copy150"] = placer(-0.3, -0.3, updated=NEW)  # the newest: used
    copies["RolePlacer:copy99"] = placer(-0.9, -0.9, updated=FUTURE)  # a future stamp: not
    letters = "abcdefghijklmnopqrstuvwxyz"
    copies |= {f"Quiz:{c}": quiz(choice=2 if c != "a" else 1) for c in letters}  # ties: "a"
    files.append(("kopie.json", encoded(document(name="Kopie", number="7", exercises=copies))))
    result = collect(files, fw)
    jurist = classroom.agreement(result, fw).set_index("role_id").loc["jurist"]
    assert jurist["placements"] == 4 and jurist["share_in_article_quadrant"] == 0.75
    quiz_table = classroom.quiz_results(result).set_index("question").loc["interviews_dorp"]
    assert quiz_table["answers"] == 4
    own = result.answers.loc[result.answers["student"] == "nr:7"]
    assert not own.duplicated(["widget", "item", "measure"]).any()
    x = own.loc[(own["item"] == "jurist") & (own["measure"] == "x")]
    assert x["value"].tolist() == [-0.3] and x["exercise"].tolist() == ["RolePlacer:copy150"]
    choice = own.loc[own["measure"] == "choice"]
    assert choice["value"].tolist() == [1] and choice["exercise"].tolist() == ["Quiz:a"]
    dropped = result.report.loc[result.report["source"] == "kopie.json", "reason"]
    duplicates = [r for r in dropped if "niet nog eens meegeteld" in r]
    assert len(duplicates) == 299 + 25
    for key in (*(k for k in copies if k not in ("RolePlacer:copy150", "Quiz:a")),):
        assert sum(f"'{key}'" in r for r in duplicates) == 1, key


# -- 4. a file from the future -----------------------------------------------------------------


@pytest.mark.parametrize("order", [0, 1, 2])
def test_a_file_dated_9999_does_not_beat_the_newest_genuine_file(fw, order):
    files = [
        ("oud.json", encoded(document(updated=OLD, exercises={"Quiz:q": quiz(1)}))),
        ("echt.json", encoded(document(updated=NEW, exercises={"Quiz:q": quiz(2)}))),
        ("toekomst.json", encoded(document(updated=FUTURE, exercises={"Quiz:q": quiz(3)}))),
    ]
    files = files[order:] + files[:order]
    result = collect(files, fw)
    assert list(result.students["source"]) == ["echt.json"]
    assert result.answers.loc[result.answers["measure"] == "choice", "value"].tolist() == [2]
    reasons = reasons_of(result)
    assert any("toekomst" in r for r in reasons["toekomst.json"])
    passed_over = result.report.loc[result.report["related"] != ""]
    assert sorted(passed_over["source"]) == ["oud.json", "toekomst.json"]
    assert set(passed_over["related"]) == {"echt.json"}
    assert all("echt" not in reason for reason in result.report["reason"])


# -- 5. pseudonyms ----------------------------------------------------------------------------


def test_pseudonyms_leave_reasons_exact_and_map_related_files(fw):
    files = [
        ("e", encoded(document(updated=OLD))),  # a name that occurs in every Dutch reason
        ("Jan Jansen_123_b.json", encoded(document(updated=NEW))),
        ("kapot.json", b"["),
    ]
    result = collect(files, fw)
    shown = result.pseudonymised()
    assert shown.report["reason"].tolist() == result.report["reason"].tolist()
    assert list(result.report.columns) == ["source", "reason", "related"]
    row = result.report.loc[result.report["source"] == "e"].iloc[0]
    assert row["related"] == "Jan Jansen_123_b.json" and "Jansen" not in row["reason"]
    aliases = dict(zip(result.report["source"], shown.report["source"], strict=True))
    aliases |= dict(zip(result.report["related"], shown.report["related"], strict=True))
    assert aliases[""] == ""
    named = {k: v for k, v in aliases.items() if k}
    assert len(set(named.values())) == len(named)  # one alias per file, the same everywhere
    assert all(v.startswith("bestand ") for v in named.values())
    html_text = classroom.report_html(shown) + classroom.handout_html(shown, fw)
    assert "Jansen" not in html_text and named["Jan Jansen_123_b.json"] in html_text
    assert "Jan Jansen_123_b.json" in classroom.report_html(result)


def test_pseudonymising_a_large_report_is_fast(fw):
    result = collect([(f"f{i}.json", b"[") for i in range(20_000)], fw)
    assert len(result.report) == 20_000
    start = time.perf_counter()
    shown = result.pseudonymised()
    assert time.perf_counter() - start < 2  # was 30 s: every name replaced in every reason
    assert shown.report["source"].nunique() == 20_000


# -- fuzz -------------------------------------------------------------------------------------


def _mutate_doc(rng: random.Random, doc: dict) -> bytes:
    """One valid answer file, damaged in one or more ways."""
    choice = rng.randrange(9)
    doc = json.loads(json.dumps(doc))
    exercise = next(iter(doc["exercises"].values()), {})
    if choice == 0:  # drop a key somewhere
        target = rng.choice([doc, doc["student"], exercise])
        if target:
            target.pop(rng.choice(sorted(target)), None)
    elif choice == 1:  # wrong types
        value = rng.choice([None, 1, -1.5, True, "x", [], {}, [1, [2]], "\ud83d"])
        target = rng.choice([doc, doc["student"], exercise])
        target[rng.choice(sorted(target) or ["k"])] = value
    elif choice == 2:  # huge numbers
        exercise["placements"] = [{"role_id": "jurist", "x": 10 ** rng.randint(20, 400), "y": 0}]
        doc["schema_version"] = rng.choice([10**30, -(10**20), 1e308, 1])
    elif choice == 3:  # deep nesting, written as text (json.dumps would recurse)
        depth = rng.randint(15, 3000)
        opening, closing = rng.choice([("[", "]"), ('{"a":', "}")])
        nested = opening * depth + "1" + closing * depth
        field = rng.choice(["exercises", "student", "extra"])
        doc.pop(field, None)
        return (json.dumps(doc)[:-1] + f', "{field}": {nested}}}').encode("utf-8")
    elif choice == 4:  # lone surrogates, as JSON escapes
        text = json.dumps(doc).replace('"Ans', '"\\ud83d', 1).replace('"123"', '"\\udc00"')
        return text.encode("utf-8")
    elif choice == 5:  # duplicate keys
        text = json.dumps(doc)
        key = rng.choice(['"schema"', '"student"', '"exercises"', '"widget"', '"placements"'])
        return text.replace(key + ":", f"{key}: null, {key}:", 1).encode("utf-8")
    raw = bytearray(json.dumps(doc).encode("utf-8"))
    if choice >= 6:  # random bytes
        for _ in range(rng.randint(1, 8)):
            if not raw:
                break
            at = rng.randrange(len(raw))
            action = rng.randrange(3)
            if action == 0:
                raw[at] = rng.randrange(256)
            elif action == 1:
                raw[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 5)))
            else:
                del raw[at:]
    return bytes(raw)


def _mutate_zip(rng: random.Random, entries: dict[str, bytes]) -> bytes:
    method = rng.choice([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2])
    data = make_zip(entries, method)
    for _ in range(rng.randint(1, 4)):
        if not data:
            break
        heads = [i for i in range(len(data) - 3) if data[i : i + 2] == b"PK"]
        at = rng.choice(heads) + rng.randrange(46) if heads and rng.random() < 0.7 else None
        at = rng.randrange(len(data)) if at is None or at >= len(data) - 4 else at
        action = rng.randrange(5)
        if action == 0:
            data[at] = rng.randrange(256)
        elif action == 1:
            put(data, at, "<I", rng.choice([0, 0xFFFFFFFF, 0x7FFFFFFF, rng.randrange(2**32)]))
        elif action == 2:
            put(data, at, "<H", rng.choice([0, 1, 0x800, 0x801, 0xFFFF, rng.randrange(2**16)]))
        elif action == 3:
            del data[at:]
        else:
            data[at] ^= 1 << rng.randrange(8)
    return bytes(data)


def test_fuzz_collect_never_fails_and_accounts_for_every_input(fw):
    rng = random.Random(20261201)
    base = document(exercises={"RolePlacer:03-tabel-1": placer(), "Quiz:q": quiz(2)})
    for iteration in range(300):
        inputs: list[tuple[str, bytes]] = []
        good_students = []
        for k in range(2):
            number = f"{iteration}-{k}"
            inputs.append((f"goed-{k}.json", encoded(document(name=f"G{k}", number=number))))
            good_students.append(f"nr:{number}")
        for k in range(rng.randint(1, 3)):
            if rng.random() < 0.6:
                inputs.append((f"fuzz-{k}.json", _mutate_doc(rng, base)))
            else:
                entries = {
                    f"map/{j}.json": _mutate_doc(rng, base) if rng.random() < 0.5 else encoded(base)
                    for j in range(rng.randint(1, 3))
                }
                inputs.append((f"fuzz-{k}.zip", _mutate_zip(rng, entries)))
        rng.shuffle(inputs)
        calls: list[tuple[int, int | None]] = []
        result = collect(inputs, fw, progress=lambda *told, calls=calls: calls.append(told))
        done = [d for d, _ in calls]
        assert done == sorted(done) and calls[-1][0] == calls[-1][1], (iteration, calls)
        assert all(total is None or d <= total for d, total in calls), (iteration, calls)
        assert set(good_students) <= set(result.students["student"]), iteration
        seen = set(result.students["source"]) | set(result.report["source"])
        for name, _ in inputs:
            assert name in seen or any(s.startswith(name + "/") for s in seen), (iteration, name)


# -- 7. progress ---------------------------------------------------------------------------------


def check_progress(calls: list[tuple[int, int | None]], files: int) -> None:
    """Counts that only rise, never past the total, and end at `files` of `files`."""
    assert calls[0] == (0, None), calls[:3]
    done = [d for d, _ in calls]
    assert done == sorted(done), calls
    assert all(total is None or d <= total for d, total in calls), calls
    assert calls[-1] == (files, files), calls[-3:]


def test_progress_counts_every_file_of_folders_zips_and_uploads(fw, tmp_path):
    root = tmp_path / "klas"
    (root / "sub" / "leeg").mkdir(parents=True)
    for i in range(3):
        (root / f"s{i}.json").write_bytes(encoded(document(name=f"S{i}", number=str(i))))
    (root / "sub" / "kapot.json").write_bytes(b"{")
    (root / "notities.txt").write_text("geen antwoord")
    (root / "los.json").symlink_to(root / "nergens.json")
    entries = {f"z{i}.json": encoded(document(number=f"z{i}")) for i in range(4)}
    (root / "sub" / "inlevering.zip").write_bytes(bytes(make_zip({**entries, "map/": b""})))
    (root / "sub" / "kapot.zip").write_bytes(b"PK no zip")
    calls: list[tuple[int, int | None]] = []
    result = collect(root, fw, progress=lambda done, total: calls.append((done, total)))
    # 3 + kapot.json + notities.txt + the link + 4 entries of the zip + the damaged zip
    check_progress(calls, 11)
    assert (0, 8) in calls, "the folder's 8 files are counted before any is read"
    assert len(result.students) == 7

    calls.clear()
    uploads = [("a.json", encoded(document(number="1"))), ("b.zip", bytes(make_zip(entries)))]
    collect(uploads, fw, progress=lambda done, total: calls.append((done, total)))
    check_progress(calls, 5)
    assert calls[1] == (0, 2), "both uploads are counted at once"

    for source, files in ((bytes(make_zip({})), 1), ([], 0), (root / "nergens", 0)):
        calls.clear()
        collect(source, fw, progress=lambda done, total: calls.append((done, total)))
        check_progress(calls, files)


def test_progress_is_optional_and_its_errors_are_the_callers(fw):
    files = [("a.json", encoded(document()))]
    assert len(collect(files, fw).students) == 1

    def stop(done: int, total: int | None) -> None:
        if done:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        collect(files, fw, progress=stop)
