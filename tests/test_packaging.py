"""A non-editable install carries the data files and loads them."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from support import ROOT

from vakmanschap.schema import TABLES


def test_wheel_ships_data_and_loads_it(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path / "dist"), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = (tmp_path / "dist").glob("vakmanschap-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for table in TABLES:
        assert f"vakmanschap/data/{table.filename}" in names
    # every module of the source tree, so a non-editable install (Binder, a hub image) is whole
    for module in (ROOT / "vakmanschap").rglob("*.py"):
        assert module.relative_to(ROOT).as_posix() in names
    for template in (ROOT / "vakmanschap" / "voila_template").iterdir():
        assert template.relative_to(ROOT).as_posix() in names
    assert "vakmanschap/ui/layout.css" in names
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--quiet",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    code = (
        "import vakmanschap as vk; fw = vk.load_framework(); "
        "placer = vk.RolePlacer(fw=fw); "
        "print(fw.path.relative_to(vk.default_data_path().parent.parent), len(fw.roles))"
    )
    out = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(target)!r}); {code}"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert out.stdout.split() == ["vakmanschap/data", "8"]
