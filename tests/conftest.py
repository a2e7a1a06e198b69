"""Shared fixtures: the repository layout and a throw-away copy of data/."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from support import ARTICLE, ROOT

import vakmanschap as vk

# Answers written by widgets (and by notebooks run in tests) go to a throw-away file, never
# into the repository; set before any widget exists, and inherited by notebook kernels.
os.environ["VAKMANSCHAP_ANSWERS"] = str(
    Path(tempfile.mkdtemp(prefix="vakmanschap-test-")) / "mijn-antwoorden.json"
)


@pytest.fixture(autouse=True)
def _dutch():
    """Every test starts in Dutch and leaves the language as it found it."""
    vk.set_language("nl")
    yield
    vk.set_language("nl")


@pytest.fixture(scope="session")
def fw() -> vk.Framework:
    """The shipped framework."""
    return vk.load_framework()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A fresh, valid copy of data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


@pytest.fixture(scope="session")
def article_text() -> str:
    """The article's full text, from ../shared beside the clone.

    Without it (a clone outside the project's workspace) the tests that read it are skipped,
    saying why; CI sets ``VAKMANSCHAP_REQUIRE_ARTICLE=1``, which makes its absence a failure.
    """
    if not ARTICLE.is_file():
        message = f"the article text is not at {ARTICLE} (../shared/article beside the clone)"
        if os.environ.get("VAKMANSCHAP_REQUIRE_ARTICLE") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return ARTICLE.read_text(encoding="utf-8")
