"""Helpers shared by the test modules (import from here, not from conftest: the e2e folder
has a conftest of its own, and two modules named ``conftest`` cannot both be imported)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The article's text: ../shared beside the clone, or $VAKMANSCHAP_ARTICLE.
ARTICLE = Path(
    os.environ.get("VAKMANSCHAP_ARTICLE")
    or ROOT.parent / "shared" / "article" / "binnema-geuijen-verbindend-vakmanschap.txt"
)


def by_role(fig, role: str) -> list:
    """The traces of `fig` whose ``meta["role"]`` is `role`."""
    return [trace for trace in fig.data if (trace.meta or {}).get("role") == role]
