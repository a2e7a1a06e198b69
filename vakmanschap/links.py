"""nbgitpuller links to the notebook collection, for a course on JupyterHub.

``python -m vakmanschap.links --hub URL --repo GIT_URL`` prints one link per notebook. A
student who opens one logs in to the hub, gets (or updates) their own copy of the
repository and lands in that notebook; their answers file is never touched (see
docs/jupyterhub.md). The output is plain text, or a Markdown or HTML list to paste into
Canvas, Brightspace or Moodle.

A link has the form nbgitpuller (1.x) reads::

    {hub}/hub/user-redirect/git-pull?repo=...&branch=...&targetpath=...&urlpath=...

``targetpath`` is the folder the repository is cloned into, in the student's home folder.
nbgitpuller's own default is the last part of the repository address *as given*
(``notebooks.git`` for ``https://example.org/notebooks.git``), so the link names it
explicitly: the repository's name without ``.git``, the folder ``urlpath`` points into.

Examples
--------
>>> url = link("https://hub.example.edu", "https://github.com/org/notebooks.git",
...            "03-onderzoek-en-tabel-1.ipynb")
>>> url.split("?")[0]
'https://hub.example.edu/hub/user-redirect/git-pull'
>>> url.split("?")[1].split("&")  # doctest: +NORMALIZE_WHITESPACE
['repo=https%3A%2F%2Fgithub.com%2Forg%2Fnotebooks.git', 'branch=main',
 'targetpath=notebooks',
 'urlpath=lab%2Ftree%2Fnotebooks%2Fnotebooks%2F03-onderzoek-en-tabel-1.ipynb']
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

from .markup import html, join

#: Where a notebook opens: JupyterLab, or Voila (the notebook as an app, code hidden).
APPS = {"lab": "lab/tree", "voila": "voila/render"}
FORMATS = ("text", "markdown", "html")
#: The notebooks' folder inside the repository, and the lecturer's folder inside that.
NOTEBOOKS_DIR = "notebooks"
LECTURER_DIR = "docent"

_HOST = re.compile(r"[a-z0-9]([a-z0-9.-]*[a-z0-9])?|\[[0-9a-f:.]+\]|[0-9a-f:]*:[0-9a-f:.]*")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")
_BRANCH_BAD = re.compile(r"[\x00-\x20\x7f~^:?*\[\\]|\.\.|@\{|//|^[/.-]|[/.]$|\.lock$")


@dataclass(frozen=True)
class Notebook:
    """One notebook of the collection.

    Attributes
    ----------
    path : str
        Relative to the notebooks' folder, with ``/``: ``"03-onderzoek-en-tabel-1.ipynb"``
        or ``"docent/docent-handleiding.ipynb"``.
    title : str
        The notebook's first heading (its file name if it has none).
    lecturer : bool
        Whether it is one of the lecturer's notebooks.
    """

    path: str
    title: str
    lecturer: bool = False


@dataclass(frozen=True)
class Link:
    """A notebook and the nbgitpuller link that opens it."""

    notebook: Notebook
    url: str


def default_notebooks_folder() -> Path:
    """The notebooks' folder of the checkout this package runs from."""
    return Path(__file__).resolve().parent.parent / NOTEBOOKS_DIR


def title_of(path: Path) -> str:
    """The first Markdown heading of the notebook at `path` (its file name if none).

    Raises
    ------
    ValueError
        When the file is not a notebook (not JSON, or without cells).
    """
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        cells = raw["cells"]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{path}: not a readable notebook ({exc})") from None
    for cell in cells:
        if not isinstance(cell, dict) or cell.get("cell_type") != "markdown":
            continue
        source = cell.get("source", "")
        text = "".join(source) if isinstance(source, list) else str(source)
        for line in text.splitlines():
            match = _HEADING.match(line)
            if match:
                return match.group(1)
    return path.stem


def collection(folder: str | Path | None = None, *, lecturer: bool = False) -> list[Notebook]:
    """The collection in order: the student notebooks ``00``-``09``, then (if `lecturer`)
    the lecturer's notebooks in ``docent/``.

    Parameters
    ----------
    folder : path-like, optional
        The notebooks' folder (default: :func:`default_notebooks_folder`).
    lecturer : bool, default False
        Include the lecturer's notebooks.

    Raises
    ------
    ValueError
        When the folder holds no student notebooks.
    """
    folder = Path(folder) if folder is not None else default_notebooks_folder()
    students = sorted(folder.glob("[0-9][0-9]-*.ipynb"))
    if not students:
        raise ValueError(
            f"no notebooks (00-*.ipynb ...) in {folder}; give the repository's notebooks "
            "folder with --notebooks"
        )
    found = [Notebook(path.name, title_of(path)) for path in students]
    if lecturer:
        for path in sorted((folder / LECTURER_DIR).glob("*.ipynb")):
            found.append(Notebook(f"{LECTURER_DIR}/{path.name}", title_of(path), lecturer=True))
    return found


def check_hub(hub: str) -> str:
    """The hub's address without a trailing ``/``.

    Raises
    ------
    ValueError
        Unless it is an ``http`` or ``https`` address with a host and without a query or
        fragment.
    """
    parts = urlsplit(hub.strip())
    try:
        port_ok = parts.port is None or 0 < parts.port < 65536
    except ValueError:
        port_ok = False
    host = parts.hostname or ""
    if (
        parts.scheme not in ("http", "https")
        or not _HOST.fullmatch(host)
        or not port_ok
        or parts.username is not None
    ):
        raise ValueError(
            f"--hub {hub!r}: give the hub's address starting with https:// (or http://), "
            "e.g. https://hub.example.edu"
        )
    if parts.query or parts.fragment:
        raise ValueError(f"--hub {hub!r}: the hub's address has no ?query or #fragment")
    path = quote(parts.path.rstrip("/"), safe="/%:@!$&'*+,;=-._~")
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def repo_dir(repo: str) -> str:
    """The folder a clone of `repo` goes into: its name without ``.git``.

    Works for ``https://host/org/name.git``, ``git@host:org/name.git`` and local paths.

    Raises
    ------
    ValueError
        When `repo` is empty or has no usable name.
    """
    address = repo.strip()
    if "://" in address:  # a URL: the name is in its path, never the host
        address = urlsplit(address).path
    name = re.split(r"[/:]", address.rstrip("/"))[-1]
    name = name.removesuffix(".git")
    if not repo.strip() or name in ("", ".", "..") or any(c in name for c in "\\\x00"):
        raise ValueError(
            f"--repo {repo!r}: give the repository's clone address, "
            "e.g. https://github.com/org/notebooks"
        )
    return name


def check_branch(branch: str) -> str:
    """`branch` if git accepts it as a branch name.

    Raises
    ------
    ValueError
        For an empty name or one git refuses (spaces, ``..``, ``~``, ``^``, ``:`` ...).
    """
    if not branch or _BRANCH_BAD.search(branch):
        raise ValueError(f"--branch {branch!r}: not a valid git branch name")
    return branch


def link(hub: str, repo: str, notebook: str, branch: str = "main", app: str = "lab") -> str:
    """The nbgitpuller link that opens `notebook` of the collection.

    Parameters
    ----------
    hub : str
        The hub's address, e.g. ``https://hub.example.edu``.
    repo : str
        The repository's clone address.
    notebook : str
        Relative to the notebooks' folder, e.g. ``"03-onderzoek-en-tabel-1.ipynb"``.
    branch : str, default "main"
    app : {"lab", "voila"}, default "lab"
        Open the notebook in JupyterLab, or as an app in Voila.

    Raises
    ------
    ValueError
        For an invalid hub address, repository, branch or app.
    """
    if app not in APPS:
        raise ValueError(f"--app {app!r}: choose one of {', '.join(APPS)}")
    base, folder = check_hub(hub), repo_dir(repo)
    urlpath = f"{APPS[app]}/{folder}/{NOTEBOOKS_DIR}/{notebook}"
    query = "&".join(
        f"{key}={quote(value, safe='')}"
        for key, value in (
            ("repo", repo.strip()),
            ("branch", check_branch(branch)),
            ("targetpath", folder),
            ("urlpath", urlpath),
        )
    )
    return f"{base}/hub/user-redirect/git-pull?{query}"


def links(
    hub: str,
    repo: str,
    branch: str = "main",
    app: str = "lab",
    *,
    lecturer: bool = False,
    folder: str | Path | None = None,
) -> list[Link]:
    """A :class:`Link` for every notebook of :func:`collection`, in order.

    Raises
    ------
    ValueError
        For invalid input (the message says which option and what to give).
    """
    return [
        Link(notebook, link(hub, repo, notebook.path, branch, app))
        for notebook in collection(folder, lecturer=lecturer)
    ]


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def _markdown_text(text: str) -> str:
    """`text` with the characters Markdown would read in a link's text escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def render(found: Sequence[Link], fmt: str = "text") -> str:
    """`found` as plain text, a Markdown list or an HTML list (escaped).

    Raises
    ------
    ValueError
        For an unknown format.
    """
    if fmt == "text":
        return "\n\n".join(f"{item.notebook.title}\n{item.url}" for item in found) + "\n"
    if fmt == "markdown":
        return (
            "\n".join(f"- [{_markdown_text(item.notebook.title)}]({item.url})" for item in found)
            + "\n"
        )
    if fmt == "html":
        rows = join(
            (html('  <li><a href="{}">{}</a></li>\n', item.url, item.notebook.title))
            for item in found
        )
        return str(html("<ul>\n{}</ul>\n", rows))
    raise ValueError(f"--format {fmt!r}: choose one of {', '.join(FORMATS)}")


def main(argv: Sequence[str] | None = None) -> int:
    """Command line; see ``python -m vakmanschap.links --help``."""
    parser = argparse.ArgumentParser(
        prog="python -m vakmanschap.links",
        description="Print the nbgitpuller link for every notebook of the collection.",
    )
    parser.add_argument("--hub", required=True, help="the hub's address, e.g. https://hub.uni.nl")
    parser.add_argument("--repo", required=True, help="the repository's clone address")
    parser.add_argument("--branch", default="main", help="the branch to pull (default: main)")
    parser.add_argument("--app", default="lab", help="open in JupyterLab (lab) or Voila (voila)")
    parser.add_argument(
        "--format", default="text", help="text, markdown or html (a list for an LMS page)"
    )
    parser.add_argument(
        "--docent", action="store_true", help="also the lecturer's notebooks (docent/)"
    )
    parser.add_argument(
        "--notebooks",
        type=Path,
        default=None,
        help="the notebooks' folder (default: this checkout's notebooks/)",
    )
    args = parser.parse_args(argv)
    if args.app not in APPS:
        parser.error(f"--app {args.app!r}: choose one of {', '.join(APPS)}")
    if args.format not in FORMATS:
        parser.error(f"--format {args.format!r}: choose one of {', '.join(FORMATS)}")
    try:
        found = links(
            args.hub, args.repo, args.branch, args.app, lecturer=args.docent, folder=args.notebooks
        )
    except ValueError as exc:
        parser.error(str(exc))
    sys.stdout.write(render(found, args.format))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
