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
    """The article's full text (from ../shared, which CI provides beside the clone)."""
    assert ARTICLE.is_file(), f"article text not found at {ARTICLE}"
    return ARTICLE.read_text(encoding="utf-8")
