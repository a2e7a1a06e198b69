"""Class results to take away: the handout (one standalone HTML file), the CSV export, the
HTML tables of reflections and unused files, and a synthetic class to try things on."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from ..answers import SCHEMA, SCHEMA_VERSION, ClassAnswers
from ..framework import Framework, load_framework
from ..geometry import MODEL_IDS, article_position
from ..i18n import localized, t
from ..markup import escape as _esc
from .tables import quiz_results, reflections


def reflections_html(result: ClassAnswers, fw: Framework | None = None) -> str:
    """All reflections as an HTML table (escaped), grouped by question."""
    fw = fw or load_framework()
    table = reflections(result)
    prompts = fw.lookup("question", localized("question"))
    parts = []
    for question_id, group in table.groupby("question_id", sort=True):
        rows = "".join(
            f"<tr><td style='vertical-align:top;padding:4px 8px'>{_esc(str(s))}</td>"
            f"<td style='white-space:pre-wrap;padding:4px 8px'>{_esc(str(x))}</td></tr>"
            for s, x in zip(group["student"], group["text"], strict=True)
        )
        parts.append(
            f"<h4>{_esc(str(prompts.get(question_id, question_id)))}</h4>"
            f"<table><thead><tr><th scope='col'>{_esc(t('class.student'))}</th>"
            f"<th scope='col'>{_esc(t('class.reflection'))}</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
        )
    return "".join(parts) or f"<p>{_esc(t('class.no_reflections'))}</p>"


def report_html(result: ClassAnswers) -> str:
    """The files that were not used, with the reason (escaped)."""
    if result.report.empty:
        return f"<p>{_esc(t('class.all_used'))}</p>"
    rows = "".join(
        f"<tr><td style='padding:2px 8px'>{_esc(str(s))}</td>"
        f"<td style='padding:2px 8px'>{_esc(str(r))}</td></tr>"
        for s, r in zip(result.report["source"], result.report["reason"], strict=True)
    )
    return (
        f"<table><caption>{_esc(t('class.report_caption', count=len(result.report)))}"
        f"</caption><thead><tr><th scope='col'>{_esc(t('class.file'))}</th>"
        f"<th scope='col'>{_esc(t('class.reason'))}</th></tr></thead><tbody>{rows}</tbody>"
        "</table>"
    )


def handout_html(
    result: ClassAnswers,
    fw: Framework | None = None,
    title: str | None = None,
    figs: dict[str, Any] | None = None,
) -> str:
    """One standalone HTML file with every class figure and table; it opens without
    internet (plotly.js is included once). Pass ``result.pseudonymised()`` to leave
    names out, and `figs` (from :func:`class_figures`) if they are built already."""
    fw = fw or load_framework()
    title = title or t("class.handout_title")
    from ..plots.style import describe
    from .figures import class_figures

    figs = class_figures(result, fw) if figs is None else figs
    body = []
    for index, (name, fig) in enumerate(figs.items()):
        body.append(f"<section aria-label='{_esc(name)}'>")
        body.append(
            fig.to_html(
                full_html=False,
                include_plotlyjs=index == 0,
                default_width="100%",
                div_id=f"fig-{name}",
            )
        )
        body.append(
            f"<details><summary>{_esc(t('class.text_version'))}</summary>"
            f"<pre>{_esc(describe(fig))}</pre></details></section>"
        )
    quiz = quiz_results(result)
    quiz_rows = "".join(
        f"<tr><td>{_esc(str(w))}</td><td>{_esc(str(q))}</td><td>{n}</td><td>{s:.0%}</td></tr>"
        for w, q, n, s in zip(
            quiz["widget"], quiz["question"], quiz["answers"], quiz["share_right"], strict=True
        )
    )
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        "<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'>"
        f"<title>{_esc(title)}</title><style>body{{font-family:Arial,sans-serif;"
        "max-width:960px;margin:2em auto;padding:0 1em}table{border-collapse:collapse}"
        "td,th{border-bottom:1px solid #ddd;text-align:left;padding:4px 8px}</style></head>"
        f"<body><h1>{_esc(title)}</h1>"
        f"<p>{_esc(t('class.handout_meta', students=len(result.students), stamp=stamp))}</p>"
        + "".join(body)
        + f"<h2>{_esc(t('class.quiz_title'))}</h2><table><thead><tr><th>widget</th>"
        f"<th>{_esc(t('class.question'))}</th><th>n</th><th>{_esc(t('class.right'))}</th>"
        f"</tr></thead><tbody>{quiz_rows}</tbody></table>"
        f"<h2>{_esc(t('class.reflections_title'))}</h2>{reflections_html(result, fw)}"
        f"<h2>{_esc(t('class.report_title'))}</h2>{report_html(result)}"
        "</body></html>"
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
    return frame.to_csv(index=False)


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
                "version": 1,
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
