"""Binder's environment.yml, pyproject.toml, README and .ci/run stay in step."""

from __future__ import annotations

import re
import tomllib

import pytest
import yaml
from packaging.requirements import Requirement
from support import ROOT

from vakmanschap.schema import TABLES, columns_markdown


def _normalise(spec: str) -> tuple[str, str]:
    req = Requirement(spec.replace(" ", ""))
    return req.name.lower(), str(req.specifier)


def conda_dependencies() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert env["channels"] == ["conda-forge"]
    deps = [d for d in env["dependencies"] if isinstance(d, str)]
    assert "python=3.11" in deps
    return dict(_normalise(d) for d in deps if not d.startswith(("python=", "pip")))


def test_environment_yml_and_pyproject_declare_the_same_dependencies():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pip_deps = dict(_normalise(d) for d in project["dependencies"])
    assert conda_dependencies() == pip_deps
    assert "anywidget" in pip_deps  # our FigureView (and AccessibleNames) are anywidgets
    assert project["requires-python"] == ">=3.11"


def test_binder_installs_the_package_without_other_dependencies():
    post_build = (ROOT / "postBuild").read_text(encoding="utf-8")
    assert "pip install --no-deps ." in post_build


def readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def block(name: str) -> str:
    match = re.search(
        rf"<!-- {name}:start -->\s*```bash\n(.*?)\n```\s*<!-- {name}:end -->", readme(), re.S
    )
    assert match, f"README has no {name} block"
    return match.group(1).strip()


def test_readme_has_the_two_set_up_commands():
    open_cmd = block("open-command")
    test_cmd = block("test-command")
    assert "\n" not in open_cmd and "\n" not in test_cmd
    assert "jupyter lab notebooks" in open_cmd
    assert "pytest" in test_cmd and "ruff check" in test_cmd


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "test-command:start" in ci  # it reads the command from the README, not a copy


def test_binder_badge_and_voila_url_point_at_main():
    text = readme()
    binder = re.findall(r"https://mybinder\.org/v2/gh/([\w.-]+/[\w.-]+)/(\w+)", text)
    assert binder and {branch for _, branch in binder} == {"main"}
    assert len({repo for repo, _ in binder}) == 1
    assert "urlpath=voila" in text


def test_readme_documents_the_public_api():
    text = readme()
    for name in (
        "load_framework",
        "Framework",
        "FrameworkDataError",
        "set_language",
        "quadrant_of",
        "roles_in",
        "dilemmas_in",
    ):
        assert re.search(rf"`[^`\n]*\b{name}\b[^`\n]*`", text), name


def test_data_readme_documents_every_column():
    text = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    for table in TABLES:
        assert f"`{table.filename}`" in text
        assert columns_markdown(table) in text, (
            f"data/README.md is out of date for {table.filename}"
        )


@pytest.mark.parametrize("required", [False, True])
def test_article_tests_skip_without_the_article_unless_required(tmp_path, required):
    """A clone without ../shared passes with the article tests skipped and saying why; in
    CI (VAKMANSCHAP_REQUIRE_ARTICLE=1) a missing article fails."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, VAKMANSCHAP_ARTICLE=str(tmp_path / "missing.txt"))
    env.pop("VAKMANSCHAP_REQUIRE_ARTICLE", None)
    if required:
        env["VAKMANSCHAP_REQUIRE_ARTICLE"] = "1"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-rs",
            "-p",
            "no:cacheprovider",
            "tests/test_content.py",
            "-k",
            "article or interview",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if required:
        assert run.returncode != 0 and "article text is not at" in run.stdout
    else:
        assert run.returncode == 0, run.stdout[-2000:]
        assert "skipped" in run.stdout and "article text is not at" in run.stdout
