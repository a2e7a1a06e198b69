"""Class results to take away: the handout (one standalone HTML file), the CSV export, the
HTML tables shown (reflections, unused files, agreement, questions) and a synthetic class to
try things on.

Every table shown reads its headers from the message catalogue (:data:`HEADERS`); the
DataFrames keep their English column names for code. Empty cells are blank, never "NaN".
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import pandas as pd

from ..answers import SCHEMA, SCHEMA_VERSION, ClassAnswers
from ..exercises import Placement
from ..framework import Framework, load_framework
from ..geometry import MODEL_IDS, article_position
from ..i18n import MESSAGES, localized, t
from ..markup import Markup, html, join
from .tables import agreement, quiz_results, reflections

#: The handout's style sheet (trusted CSS, no data).
_HANDOUT_CSS = Markup(
    "body{font-family:Arial,sans-serif;max-width:960px;margin:2em auto;padding:0 1em}"
    "table{border-collapse:collapse}"
    "td,th{border-bottom:1px solid #ddd;text-align:left;padding:4px 8px}"
)

#: The message key of the header of each column shown (the columns stay English in code).
HEADERS = {
    "source": "class.file",
    "reason": "class.reason",
    "related": "answers.related",
    "student": "class.student",
    "text": "class.reflection",
    "role": "class.col_role",
    "quadrant": "class.col_quadrant",
    "placements": "class.col_placements",
    "share_in_article_quadrant": "class.col_share_in_quadrant",
    "widget": "class.col_widget",
    "question": "class.question",
    "answers": "class.col_answers",
    "share_right": "class.col_share_right",
    # the students table of a collection (ClassAnswers.students)
    "name": "class.col_name",
    "number": "class.col_number",
    "lms": "class.col_lms",
    "lms_name": "class.col_lms_name",
    "lms_id": "class.col_lms_id",
}
_CELL = "padding:2px 8px;vertical-align:top"


def exercise_name(kind: str) -> str:
    """An exercise kind (``"TensionQuiz"``) as the lecturer reads it (``"dilemma-opdracht"``)."""
    key = f"exercise.{kind}"
    return t(key) if key in MESSAGES else kind


def percent(value: float) -> str:
    """A share as a whole percentage, e.g. ``"75%"``."""
    return f"{value:.0%}"


def blank(value: object) -> bool:
    """Whether `value` is an empty cell: ``None``, ``NaN``, ``pd.NA`` or ``NaT``."""
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def table_html(
    frame: pd.DataFrame,
    columns: Sequence[str],
    formats: Mapping[str, Callable[[Any], str]] | None = None,
    caption: str | None = None,
    styles: Mapping[str, str] | None = None,
) -> Markup:
    """`columns` of `frame` as an HTML table, headers from the catalogue.

    Parameters
    ----------
    frame : pandas.DataFrame
    columns : sequence of str
        Columns shown, each a key of :data:`HEADERS`; the header is its message.
    formats : mapping, optional
        Column -> function giving a cell's text (for cells that are not empty).
    caption : str, optional
    styles : mapping, optional
        Column -> extra CSS for its cells.

    Returns
    -------
    Markup
        Every header and cell escaped; an empty cell (see :func:`blank`) is blank.
    """
    formats, styles = formats or {}, styles or {}
    head = join(html("<th scope='col'>{}</th>", t(HEADERS[column])) for column in columns)
    looks = [f"{_CELL};{styles[c]}" if c in styles else _CELL for c in columns]
    shows = [formats.get(column, str) for column in columns]
    rows = join(
        html(
            "<tr>{}</tr>",
            join(
                html("<td style='{}'>{}</td>", look, "" if blank(value) else show(value))
                for look, show, value in zip(looks, shows, values, strict=True)
            ),
        )
        for values in frame[list(columns)].itertuples(index=False, name=None)
    )
    title = html("<caption>{}</caption>", caption) if caption else Markup("")
    return html("<table>{}<thead><tr>{}</tr></thead><tbody>{}</tbody></table>", title, head, rows)


def reflections_html(result: ClassAnswers, fw: Framework | None = None) -> Markup:
    """All reflections as HTML tables (escaped), one per question.

    Returns
    -------
    Markup
        A heading and a table for each question, or a paragraph saying there are no
        reflections.
    """
    fw = fw or load_framework()
    table = reflections(result)
    prompts = fw.lookup("question", localized("question"))
    parts = [
        html(
            "<h4>{}</h4>{}",
            prompts.get(question_id, question_id),
            table_html(group, ["student", "text"], styles={"text": "white-space:pre-wrap"}),
        )
        for question_id, group in table.groupby("question_id", sort=True)
    ]
    return join(parts) or html("<p>{}</p>", t("class.no_reflections"))


def report_html(result: ClassAnswers) -> Markup:
    """The files that were not used, with the reason (escaped), and the related file where
    a reason refers to one (the file used instead, the target of a link).

    Returns
    -------
    Markup
        A table of the unused files, or a paragraph saying every file was used.
    """
    report = result.report
    if report.empty:
        return html("<p>{}</p>", t("class.all_used"))
    columns = ["source", "reason"]
    related = report.get("related")
    if related is not None and any(not blank(other) and other != "" for other in related):
        columns.append("related")
    caption = t("class.report_caption", count=len(report))
    return table_html(report, columns, caption=caption)


def agreement_html(
    result: ClassAnswers, fw: Framework | None = None, table: pd.DataFrame | None = None
) -> Markup:
    """Per role the placements and the share in Tabel 1's quadrant, as an HTML table
    (`table` is :func:`~vakmanschap.classroom.tables.agreement` of `result`, if made)."""
    table = agreement(result, fw) if table is None else table
    columns = ["role", "quadrant", "placements", "share_in_article_quadrant"]
    return table_html(table, columns, formats={"share_in_article_quadrant": percent})


def quiz_html(result: ClassAnswers) -> Markup:
    """Per question the answers and the share right, as an HTML table."""
    columns = ["widget", "question", "answers", "share_right"]
    formats: dict[str, Callable[[Any], str]] = {"share_right": percent, "widget": exercise_name}
    return table_html(quiz_results(result), columns, formats=formats)


def handout_html(
    result: ClassAnswers,
    fw: Framework | None = None,
    title: str | None = None,
    figs: dict[str, Any] | None = None,
) -> Markup:
    """One standalone HTML file with every class figure and table; it opens without
    internet (plotly.js is included once). Pass ``result.pseudonymised()`` to leave
    names out, and `figs` (from :func:`class_figures`) if they are built already.

    Returns
    -------
    Markup
        The whole HTML document (``str`` subclass: ``.encode("utf-8")`` to save it).
    """
    fw = fw or load_framework()
    title = title or t("class.handout_title")
    from ..plots.style import describe
    from .figures import class_figures

    figs = class_figures(result, fw) if figs is None else figs
    sections = []
    for index, (name, fig) in enumerate(figs.items()):
        # Plotly's own HTML and script for the figure: trusted markup, kept unescaped.
        figure = Markup(
            fig.to_html(
                full_html=False,
                include_plotlyjs=index == 0,
                default_width="100%",
                div_id=f"fig-{name}",
            )
        )
        sections.append(
            html(
                "<section aria-label='{}'>{}<details><summary>{}</summary>"
                "<pre>{}</pre></details></section>",
                name,
                figure,
                t("class.text_version"),
                describe(fig),
            )
        )
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return html(
        "<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'>"
        "<title>{title}</title><style>{css}</style></head>"
        "<body><h1>{title}</h1><p>{meta}</p>{sections}"
        "<h2>{quiz_title}</h2>{quiz}"
        "<h2>{reflections_title}</h2>{reflections}"
        "<h2>{report_title}</h2>{report}"
        "</body></html>",
        title=title,
        css=_HANDOUT_CSS,
        meta=t("class.handout_meta", students=len(result.students), stamp=stamp),
        sections=join(sections),
        quiz_title=t("class.quiz_title"),
        quiz=quiz_html(result),
        reflections_title=t("class.reflections_title"),
        reflections=reflections_html(result, fw),
        report_title=t("class.report_title"),
        report=report_html(result),
    )


def _spreadsheet_safe(value: object) -> object:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def answers_csv(result: ClassAnswers) -> str:
    """The tidy answers as CSV text (UTF-8; open in a spreadsheet). Student text that
    starts like a formula (``=``, ``+``, ``-``, ``@``) is prefixed with ``'``."""
    frame = result.answers.copy()
    for column in ("name", "number", "source", "item", "value"):
        frame[column] = frame[column].map(_spreadsheet_safe).astype(object)
    return frame.to_csv(index=False, na_rep="")


# --------------------------------------------------------------------------------------


def synthetic_class(n: int, seed: int = 0, fw: Framework | None = None) -> list[tuple[str, bytes]]:
    """`n` made-up answer files, as ``(name, bytes)`` pairs, to try the lecturer notebook
    and for benchmarks: most students place most roles near Tabel 1, some not."""
    import random

    fw = fw or load_framework()
    rng = random.Random(seed)
    roles = list(fw.ids("role"))
    subjects = [f"role:{r}" for r in roles] + [f"dilemma:{d}" for d in fw.ids("dilemma")]
    recs = list(fw.ids("recommendation"))
    choice_questions = [
        q for q in fw.ids("question") if fw.lookup("question", "kind")[q] == "keuze"
    ]
    files = []
    for i in range(n):
        placements_ = []
        for role_id in roles:
            x0, y0 = article_position(fw, role_id)
            if rng.random() < 0.25:
                x0 = -x0
            x = max(-1.0, min(1.0, round(x0 + rng.gauss(0, 0.25), 2)))
            y = max(-1.0, min(1.0, round(y0 + rng.gauss(0, 0.25), 2)))
            placements_.append({"role_id": role_id, "x": x, "y": y})
        triangle = {
            s: {m: rng.randint(0, 19) * 5 + 5 for m in MODEL_IDS} for s in rng.sample(subjects, 3)
        }
        exercises = {
            "RolePlacer:03-tabel-1": {
                "widget": "RolePlacer",
                "version": Placement.version,  # x, y as the grid draws them now
                "placements": placements_,
                "checked": True,
            },
            "TensionTriangle:02-speeltuin": {
                "widget": "TensionTriangle",
                "version": 1,
                "weights": triangle,
                "case_name": "",
                "show_article": False,
            },
            "CompetencyProfile:02-profiel": {
                "widget": "CompetencyProfile",
                "version": 1,
                "scores": {r: rng.randint(1, 5) for r in recs},
            },
        }
        for question_id in choice_questions:
            count = len(fw.lookup("question", "options_nl")[question_id])
            exercises[f"Quiz:{question_id}"] = {
                "widget": "Quiz",
                "version": 1,
                "question_id": question_id,
                "choice": rng.randint(1, count),
                "checked": True,
            }
        exercises["Reflection:reflectie_03"] = {
            "widget": "Reflection",
            "version": 1,
            "question_id": "reflectie_03",
            "text": rng.choice(
                [
                    "De boa: is dat nu extern of ook intern?",
                    "HRM vond ik lastig, want het is geen beschermd beroep.",
                    "De strateeg, omdat die ook veel met externen praat.",
                ]
            ),
        }
        doc = {
            "schema": SCHEMA,
            "schema_version": SCHEMA_VERSION,
            "student": {"name": f"Voorbeeldstudent {i + 1}", "number": f"{1000000 + i}"},
            "updated": "2026-11-30T12:00:00+00:00",
            "exercises": exercises,
        }
        files.append((f"student-{i + 1:05d}.json", json.dumps(doc).encode("utf-8")))
    return files
