"""`python -m vakmanschap.voila_setup`: the Dutch Voila template and setting in a prefix."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from support import ROOT

from vakmanschap import voila_setup


def test_install_copies_the_template_and_sets_it_as_default(tmp_path):
    written = voila_setup.install(tmp_path)
    template = tmp_path / "share" / "jupyter" / "voila" / "templates" / "vakmanschap"
    assert {p.name for p in template.iterdir()} == {
        "conf.json",
        "index.html.j2",
        "spinner.macro.html.j2",
        "tree.html",
    }
    assert json.loads((template / "conf.json").read_text())["base_template"] == "lab"
    config = json.loads((tmp_path / "etc" / "jupyter" / "voila.json").read_text())
    assert config["VoilaConfiguration"] == {"template": "vakmanschap", "classic_tree": True}
    assert config["VoilaExporter"] == {"language_code": "nl"}
    assert len(written) == 5


def test_install_keeps_other_settings_and_is_idempotent(tmp_path):
    config = tmp_path / "etc" / "jupyter" / "voila.json"
    config.parent.mkdir(parents=True)
    config.write_text(json.dumps({"VoilaConfiguration": {"show_tracebacks": True}, "X": 1}))
    voila_setup.install(tmp_path)
    first = config.read_text()
    voila_setup.install(tmp_path)
    assert config.read_text() == first
    settings = json.loads(first)
    assert settings["X"] == 1
    assert settings["VoilaConfiguration"]["show_tracebacks"] is True
    assert settings["VoilaConfiguration"]["template"] == "vakmanschap"


def test_install_refuses_a_voila_json_that_is_not_an_object(tmp_path):
    config = tmp_path / "etc" / "jupyter" / "voila.json"
    config.parent.mkdir(parents=True)
    config.write_text("[1, 2]")
    with pytest.raises(ValueError, match=r"voila\.json"):
        voila_setup.install(tmp_path)
    assert config.read_text() == "[1, 2]"


def test_command_line_installs_into_the_prefix(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "vakmanschap.voila_setup", "--prefix", str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert str(tmp_path / "etc" / "jupyter" / "voila.json") in out.stdout


def test_every_install_path_runs_it():
    """The README's two commands and Binder's postBuild all install the template."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in ("open-command", "test-command"):
        block = re.search(rf"<!-- {name}:start -->(.*?)<!-- {name}:end -->", readme, re.S)
        assert block and "-m vakmanschap.voila_setup" in block.group(1), name
    assert "python -m vakmanschap.voila_setup" in (ROOT / "postBuild").read_text()


def test_the_templates_are_dutch():
    folder = ROOT / "vakmanschap" / "voila_template"
    tree = (folder / "tree.html").read_text(encoding="utf-8")
    assert '<html lang="nl">' in tree
    assert "00-start-hier.ipynb" in tree  # the start page points at 00 first
    index = (folder / "index.html.j2").read_text(encoding="utf-8")
    assert "window.update_loading_text" in index and "language_code" in index
