"""`python -m vakmanschap.links`: nbgitpuller links to every notebook, for an LMS page.

The links are followed on a real hub in tests/hub/; here: their form, the order and titles,
the three output formats (escaped), and the messages for bad input.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from support import ROOT

from vakmanschap import links

HUB = "https://hub.example.edu"
REPO = "https://github.com/verbindend-vakmanschap/notebooks.git"
TITLES = [
    "Start hier",
    "Inleiding: de speeltuin",
    "Drie sturingsmodellen",
    "Het onderzoek en Tabel 1",
    "§4.1 Klassieke professionals, externe focus",
    "§4.2 Klassieke professionals, interne focus",
    "§4.3 Organisatieprofessionals, externe focus",
    "§4.4 Organisatieprofessionals, interne focus",
    "Tot slot: de kwadranten vergeleken",
    "Kritisch lezen: wat kan dit onderzoek dragen?",
]


def query(url: str) -> dict[str, str]:
    parsed = parse_qs(urlsplit(url).query, strict_parsing=True)
    assert all(len(values) == 1 for values in parsed.values()), url
    return {key: values[0] for key, values in parsed.items()}


def write_notebook(path, *markdown: str) -> None:
    cells = [{"cell_type": "markdown", "metadata": {}, "source": text} for text in markdown]
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4}), "utf-8")


def test_a_link_has_nbgitpullers_form():
    url = links.link(HUB, REPO, "03-onderzoek-en-tabel-1.ipynb")
    assert url.startswith(f"{HUB}/hub/user-redirect/git-pull?repo=")
    assert query(url) == {
        "repo": REPO,
        "branch": "main",
        # nbgitpuller would clone into "notebooks.git" (the last part of the address as
        # given); the link names the folder that urlpath points into
        "targetpath": "notebooks",
        "urlpath": "lab/tree/notebooks/notebooks/03-onderzoek-en-tabel-1.ipynb",
    }
    # every value quoted with safe='': no raw '/', ':' or '&' inside a parameter
    assert [part.split("=")[0] for part in urlsplit(url).query.split("&")] == [
        "repo",
        "branch",
        "targetpath",
        "urlpath",
    ]
    assert "/" not in urlsplit(url).query and ":" not in urlsplit(url).query


def test_voila_and_branch_and_a_hub_below_a_path():
    url = links.link(
        "https://jupyter.uni.nl/cursus/", "git@github.com:org/vak.git", "00-x.ipynb", "v2", "voila"
    )
    assert url.startswith("https://jupyter.uni.nl/cursus/hub/user-redirect/git-pull?")
    assert query(url) == {
        "repo": "git@github.com:org/vak.git",
        "branch": "v2",
        "targetpath": "vak",
        "urlpath": "voila/render/vak/notebooks/00-x.ipynb",
    }


def test_values_that_need_quoting_survive_the_round_trip():
    repo = "https://git.example.org/a b/notebooks?x=1&y=2#frag"
    url = links.link(HUB, repo, "docent/docent-handleiding.ipynb", branch="feature/week-2")
    assert query(url)["repo"] == repo
    assert query(url)["branch"] == "feature/week-2"
    assert query(url)["urlpath"].endswith("/notebooks/docent/docent-handleiding.ipynb")
    assert " " not in url and "#" not in url


@pytest.mark.parametrize(
    ("repo", "folder"),
    [
        ("https://github.com/org/notebooks", "notebooks"),
        ("https://github.com/org/notebooks/", "notebooks"),
        ("https://github.com/org/notebooks.git", "notebooks"),
        ("git@github.com:org/notebooks.git", "notebooks"),
        ("file:///srv/course/notebooks.git", "notebooks"),
        ("/srv/course/vak.git", "vak"),
    ],
)
def test_repo_dir_is_the_name_without_git(repo, folder):
    assert links.repo_dir(repo) == folder


def test_the_collection_in_order_with_titles_from_the_first_heading():
    found = links.collection()
    assert [nb.path[:2] for nb in found] == [f"{n:02d}" for n in range(10)]
    assert [nb.title for nb in found] == TITLES
    assert not any(nb.lecturer for nb in found)


def test_lecturer_notebooks_only_with_the_flag():
    found = links.collection(lecturer=True)
    assert [nb.path for nb in found[10:]] == [
        "docent/docent-handleiding.ipynb",
        "docent/docent-klasresultaten.ipynb",
    ]
    assert [nb.title for nb in found[10:]] == [
        "Docentenhandleiding",
        "Klasresultaten (voor docenten)",
    ]
    assert all(nb.lecturer for nb in found[10:])


def test_title_is_the_first_heading_of_any_level(tmp_path):
    first = tmp_path / "00-a.ipynb"
    write_notebook(first, "<p>Voer eerst alle cellen uit</p>", "Tekst\n\n## Kop twee ##\n# Later")
    assert links.title_of(first) == "Kop twee"
    bare = tmp_path / "01-b.ipynb"
    write_notebook(bare, "geen kop")
    assert links.title_of(bare) == "01-b"
    broken = tmp_path / "02-c.ipynb"
    broken.write_text("{nope", encoding="utf-8")
    with pytest.raises(ValueError, match="not a readable notebook"):
        links.title_of(broken)


def test_text_output_lists_every_title_and_link():
    found = links.links(HUB, REPO)
    text = links.render(found, "text")
    blocks = text.strip().split("\n\n")
    assert [block.split("\n") for block in blocks] == [[lk.notebook.title, lk.url] for lk in found]


def test_markdown_output_escapes_titles(tmp_path):
    write_notebook(tmp_path / "00-a.ipynb", "# A [b] *c* _d_ <e> `f`")
    found = links.links(HUB, REPO, folder=tmp_path)
    markdown = links.render(found, "markdown")
    assert markdown == (r"- [A \[b\] \*c\* \_d\_ \<e\> \`f\`]" + f"({found[0].url})\n")
    full = links.render(links.links(HUB, REPO), "markdown").splitlines()
    assert full[3].startswith("- [Het onderzoek en Tabel 1](https://hub.example.edu/hub/")


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []
        self._href: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._href = dict(attrs)["href"]

    def handle_data(self, data):
        if self._href is not None:
            self.found.append((self._href, data))
            self._href = None


def test_html_output_is_an_escaped_list(tmp_path):
    write_notebook(tmp_path / "00-a.ipynb", '# <script>alert("x")</script> & co')
    found = links.links(HUB, REPO, folder=tmp_path)
    page = links.render(found, "html")
    assert "<script>" not in page
    assert "&lt;script&gt;" in page and "&amp; co" in page
    assert "&amp;branch=main&amp;targetpath=" in page  # the & in href written as &amp;
    parser = _Anchors()
    parser.feed(page)
    assert parser.found == [(found[0].url, '<script>alert("x")</script> & co')]
    assert page.startswith("<ul>\n  <li><a href=") and page.endswith("</ul>\n")


def test_html_output_of_the_collection():
    found = links.links(HUB, REPO, app="voila", lecturer=True)
    parser = _Anchors()
    parser.feed(links.render(found, "html"))
    assert [title for _, title in parser.found] == [lk.notebook.title for lk in found]
    assert [href for href, _ in parser.found] == [lk.url for lk in found]
    assert len(found) == 12


@pytest.mark.parametrize(
    ("hub", "message"),
    [
        ("hub.example.edu", "starting with https://"),
        ("ftp://hub.example.edu", "starting with https://"),
        ("https://", "starting with https://"),
        ("https://hub example.edu", "starting with https://"),
        ("https://hub.example.edu:99999", "starting with https://"),
        ("https://user@hub.example.edu", "starting with https://"),
        ("https://hub.example.edu/?next=x", "no ?query"),
    ],
)
def test_a_bad_hub_address_is_refused(hub, message):
    with pytest.raises(ValueError, match=message.replace("?", r"\?")):
        links.link(hub, REPO, "00-start-hier.ipynb")


def test_hub_addresses_that_are_fine():
    assert links.check_hub(" http://127.0.0.1:8000/ ") == "http://127.0.0.1:8000"
    assert links.check_hub("https://[::1]:8000") == "https://[::1]:8000"
    assert links.check_hub("https://Hub.Example.edu/a b") == "https://Hub.Example.edu/a%20b"


@pytest.mark.parametrize("branch", ["", "a b", "a..b", "-x", "x.lock", "a:b", "a~1", "x/"])
def test_a_bad_branch_is_refused(branch):
    with pytest.raises(ValueError, match="not a valid git branch name"):
        links.link(HUB, REPO, "00-start-hier.ipynb", branch=branch)


@pytest.mark.parametrize("repo", ["", "  ", "https://github.com/", "..", "git@host:"])
def test_a_repo_without_a_name_is_refused(repo):
    with pytest.raises(ValueError, match="--repo"):
        links.repo_dir(repo)


def test_bad_app_and_format():
    with pytest.raises(ValueError, match="--app 'jupyter': choose one of lab, voila"):
        links.link(HUB, REPO, "00-start-hier.ipynb", app="jupyter")
    with pytest.raises(ValueError, match="--format 'pdf'"):
        links.render([], "pdf")


def test_a_folder_without_notebooks_says_to_give_one(tmp_path):
    with pytest.raises(ValueError, match="--notebooks"):
        links.collection(tmp_path)


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "vakmanschap.links", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_command_line_prints_the_links():
    done = run("--hub", HUB, "--repo", REPO, "--format", "markdown", "--docent")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 12 and all(line.startswith("- [") for line in lines)
    assert "urlpath=lab%2Ftree%2Fnotebooks%2Fnotebooks%2F00-start-hier.ipynb" in lines[0]
    html_out = run("--hub", HUB, "--repo", REPO, "--format", "html", "--app", "voila")
    assert html_out.returncode == 0 and html_out.stdout.count("<li>") == 10
    assert "voila%2Frender%2Fnotebooks" in html_out.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--hub", "hub.example.edu", "--repo", REPO], "--hub 'hub.example.edu'"),
        (["--hub", HUB, "--repo", REPO, "--app", "notebook"], "--app 'notebook'"),
        (["--hub", HUB, "--repo", REPO, "--format", "pdf"], "--format 'pdf'"),
        (["--hub", HUB, "--repo", REPO, "--branch", "a b"], "--branch 'a b'"),
        (["--hub", HUB, "--repo", REPO, "--notebooks", "/nonexistent"], "--notebooks"),
        (["--repo", REPO], "--hub"),
    ],
)
def test_command_line_refuses_bad_input_with_a_message(args, message):
    done = run(*args)
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr
    assert done.stdout == ""


# -- the documented commands are the ones that work and that the hub test uses -------------


def _bash_blocks(path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)\n```", text, re.S)
    return [line for block in blocks for line in block.replace("\\\n", " ").splitlines()]


def _commands(path, program: str) -> list[list[str]]:
    return [
        shlex.split(line.split("#")[0])
        for line in _bash_blocks(path)
        if re.search(rf"(^|\s|/){re.escape(program)}(\s|$)", line)
    ]


@pytest.mark.parametrize("doc", ["README.md", "docs/jupyterhub.md"])
def test_documented_link_commands_work(doc, capsys):
    found = _commands(ROOT / doc, "vakmanschap.links")
    assert found, f"{doc} shows no link command"
    for command in found:
        args = command[command.index("vakmanschap.links") + 1 :]
        assert links.main(args) == 0
        assert "hub/user-redirect/git-pull?repo=" in capsys.readouterr().out


def test_readme_and_doc_build_the_same_image():
    readme = [" ".join(c) for c in _commands(ROOT / "README.md", "repo2docker")]
    doc = [" ".join(c) for c in _commands(ROOT / "docs" / "jupyterhub.md", "repo2docker")]
    assert len(readme) == 1 and readme[0] in doc
    assert "--appendix" in readme[0] and "nbgitpuller" in readme[0]


def test_the_doc_installs_the_user_environment_as_the_hub_test_does():
    prepare = (ROOT / "tests" / "hub" / "prepare.sh").read_text(encoding="utf-8")
    doc = "\n".join(_bash_blocks(ROOT / "docs" / "jupyterhub.md"))
    pattern = r'python"? -m pip install (?:--\S+ )*"[^"]+" jupyterhub nbgitpuller'
    assert re.search(pattern, prepare), "prepare.sh installs <repo> jupyterhub nbgitpuller"
    assert re.search(pattern, doc), "the doc installs <repo> jupyterhub nbgitpuller"
    assert "-m vakmanschap.voila_setup" in prepare and "-m vakmanschap.voila_setup" in doc
    assert "configurable-http-proxy" in prepare
    assert "tests/hub/prepare.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
