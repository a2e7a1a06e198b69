"""Class results as tables, from the tidy rows each exercise kind yields (pandas only).

Every function takes a :class:`~vakmanschap.answers.ClassAnswers` (from
:func:`~vakmanschap.answers.collect`); call ``.pseudonymised()`` on it first to show
"Student 01" instead of names.
"""

from __future__ import annotations

import math

import pandas as pd

from ..answers import ClassAnswers
from ..framework import Framework, load_framework
from ..geometry import MODEL_IDS


def placements(result: ClassAnswers, fw: Framework | None = None) -> pd.DataFrame:
    """Every placement of an article role: ``student``, ``exercise``, ``role_id``, ``x``,
    ``y``, ``in_article_quadrant``."""
    fw = fw or load_framework()
    measures = ["x", "y", "in_article_quadrant"]
    table = result.table("RolePlacer", measures).rename(columns={"item": "role_id"})
    table = table.loc[table["role_id"].isin(fw.ids("role"))].copy()
    table["x"] = table["x"].astype(float)
    table["y"] = table["y"].astype(float)
    # the rule is the exercise's own (exercises.placement.in_article_quadrant), read from
    # the rows it yields
    table["in_article_quadrant"] = table["in_article_quadrant"].astype(bool)
    return table.reset_index(drop=True)


def agreement(
    result: ClassAnswers, fw: Framework | None = None, table: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Per role: number of placements and the share in the article's quadrant.

    `table` is :func:`placements` of `result`, when the caller has it already."""
    fw = fw or load_framework()
    table = placements(result, fw) if table is None else table
    rows = []
    for role_id in fw.ids("role"):
        own = table.loc[table["role_id"] == role_id, "in_article_quadrant"]
        rows.append(
            {
                "role_id": role_id,
                "role": fw.name("role", role_id),
                "quadrant": fw.name("quadrant", fw.quadrant_of(role_id)),
                "placements": len(own),
                "share_in_article_quadrant": float(own.mean()) if len(own) else math.nan,
            }
        )
    return pd.DataFrame(rows)


def weights(result: ClassAnswers) -> pd.DataFrame:
    """Every weighing in the tension triangle: ``student``, ``exercise``, ``subject`` and
    the shares ``klassiek``, ``npm``, ``netwerk`` (sum 1)."""
    table = result.table("TensionTriangle", list(MODEL_IDS))
    table = table.rename(columns={"item": "subject"}).dropna(subset=list(MODEL_IDS))
    for model_id in MODEL_IDS:
        table[model_id] = table[model_id].astype(float)
    return table.reset_index(drop=True)


def scores(result: ClassAnswers) -> pd.DataFrame:
    """Every self-assessment score a student set: ``student``, ``recommendation_id``,
    ``score``. A point not filled in has no row (the exercise yields none), so it never
    counts as a score."""
    table = result.table("CompetencyProfile", ["score"])
    table = table.rename(columns={"item": "recommendation_id"}).dropna(subset=["score"])
    table["score"] = table["score"].astype(float)
    return table[["student", "recommendation_id", "score"]].reset_index(drop=True)


def quiz_results(result: ClassAnswers) -> pd.DataFrame:
    """Per question (multiple choice and dilemma exercises): answers and share right."""
    rows = result.answers.loc[(result.answers["measure"] == "correct")]
    summary = rows.groupby(["widget", "item"], sort=True)["value"].agg(
        answers="count", share_right=lambda v: float(pd.Series(v, dtype=bool).mean())
    )
    return summary.reset_index().rename(columns={"item": "question"})


def reflections(result: ClassAnswers) -> pd.DataFrame:
    """Every reflection: ``student``, ``question_id``, ``text``."""
    table = result.table("Reflection", ["text"]).rename(columns={"item": "question_id"})
    return table[["student", "question_id", "text"]]
