"""Class results for lecturers: figures and tables from collected answer files, a
standalone HTML handout, a CSV export and the dashboard widget of the lecturer notebook.

Every view takes a :class:`~vakmanschap.answers.ClassAnswers` (from
:func:`~vakmanschap.answers.collect`); call ``.pseudonymised()`` on it first to show
"Student 01" instead of names in every view and export. All student text is escaped.
"""

from __future__ import annotations

import html
import json
import math
from datetime import UTC, datetime

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from . import figures
from .answers import SCHEMA, SCHEMA_VERSION, ClassAnswers, collect, download_link
from .framework import Framework, load_framework
from .i18n import localized, t

_esc = html.escape


# --------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------


def placements(result: ClassAnswers, fw: Framework | None = None) -> pd.DataFrame:
    """Every placement of an article role: ``student``, ``exercise``, ``role_id``, ``x``,
    ``y``, ``in_article_quadrant``."""
    fw = fw or load_framework()
    table = result.table("RolePlacer", ["x", "y"]).rename(columns={"item": "role_id"})
    table = table.loc[table["role_id"].isin(fw.ids("role"))].copy()
    table["x"] = table["x"].astype(float)
    table["y"] = table["y"].astype(float)
    signs = {r: figures.quadrant_signs(fw.quadrant(fw.quadrant_of(r))) for r in fw.ids("role")}
    sign_x = {r: sx for r, (sx, _) in signs.items()}
    sign_y = {r: sy for r, (_, sy) in signs.items()}
    table["in_article_quadrant"] = (table["x"] * table["role_id"].map(sign_x) > 0) & (
        table["y"] * table["role_id"].map(sign_y) > 0
    )
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
    table = result.table("TensionTriangle", list(figures.MODEL_IDS))
    table = table.rename(columns={"item": "subject"}).dropna(subset=list(figures.MODEL_IDS))
    for model_id in figures.MODEL_IDS:
        table[model_id] = table[model_id].astype(float)
    return table.reset_index(drop=True)


def scores(result: ClassAnswers) -> pd.DataFrame:
    """Every self-assessment score: ``student``, ``recommendation_id``, ``score``."""
    table = result.table("CompetencyProfile", ["score"])
    table = table.rename(columns={"item": "recommendation_id"})
    table["score"] = table["score"].astype(float)
    return table[["student", "recommendation_id", "score"]]


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


# --------------------------------------------------------------------------------------
# Figures
# --------------------------------------------------------------------------------------


def placements_figure(result: ClassAnswers, fw: Framework | None = None) -> go.Figure:
    """Small multiples: per role, the class's placements as a density on the grid, the
    article's quadrant outlined, and the share placed there in the title."""
    fw = fw or load_framework()
    table = placements(result, fw)
    roles = list(fw.ids("role"))
    shares = agreement(result, fw, table).set_index("role_id")
    titles = []
    for role_id in roles:
        share = shares.loc[role_id, "share_in_article_quadrant"]
        n = int(shares.loc[role_id, "placements"])
        share_text = "–" if math.isnan(share) else f"{share:.0%}"
        titles.append(f"{_esc(fw.name('role', role_id))}<br>n={n}, {share_text}")
    fig = make_subplots(
        rows=math.ceil(len(roles) / 4),
        cols=4,
        subplot_titles=titles,
        horizontal_spacing=0.05,
        vertical_spacing=0.14,
    )
    lines = [t("class.placements_describe")]
    for index, role_id in enumerate(roles):
        row, col = divmod(index, 4)
        own = table.loc[table["role_id"] == role_id]
        quadrant = fw.quadrant(fw.quadrant_of(role_id))
        sx, sy = figures.quadrant_signs(quadrant)
        fig.add_shape(
            type="rect",
            x0=0,
            x1=sx,
            y0=0,
            y1=sy,
            row=row + 1,
            col=col + 1,
            line={"color": figures.OKABE_ITO["black"], "width": 2, "dash": "dash"},
            fillcolor="rgba(230,159,0,0.15)",
            layer="below",
        )
        if len(own):
            fig.add_trace(
                figures.density_trace(own["x"], own["y"], "rgba(0,114,178,0.8)", role_id=role_id),
                row=row + 1,
                col=col + 1,
            )
            fig.add_trace(
                go.Scatter(
                    x=[own["x"].mean()],
                    y=[own["y"].mean()],
                    mode="markers",
                    marker={"symbol": "x", "size": 10, "color": figures.OKABE_ITO["vermillion"]},
                    hovertext=[_esc(t("class.mean"))],
                    hoverinfo="text",
                    meta={"role": "class_mean", "role_id": role_id},
                ),
                row=row + 1,
                col=col + 1,
            )
        share = shares.loc[role_id, "share_in_article_quadrant"]
        lines.append(
            t(
                "class.placements_role",
                role=fw.name("role", role_id),
                n=len(own),
                share="–" if math.isnan(share) else f"{share:.0%}",
                quadrant=quadrant[localized("name")],
            )
        )
    axis = {
        "range": [-1, 1],
        "zeroline": True,
        "zerolinecolor": "#555",
        "showticklabels": False,
        "showgrid": False,
        "fixedrange": True,
    }
    fig.update_xaxes(**axis)
    fig.update_yaxes(**axis)
    fig.update_layout(showlegend=False)
    figures._base_layout(fig, t("class.placements_title"), "\n".join(lines), 560)
    fig.update_layout(margin={"l": 20, "r": 20, "t": 110, "b": 40})
    return fig


def agreement_figure(result: ClassAnswers, fw: Framework | None = None) -> go.Figure:
    """Bar chart: per role, the share of the class that placed it in Tabel 1's quadrant."""
    fw = fw or load_framework()
    table = agreement(result, fw)
    values = table["share_in_article_quadrant"].fillna(0) * 100
    fig = go.Figure(
        go.Bar(
            x=values,
            y=[_esc(r) for r in table["role"]],
            orientation="h",
            marker={"color": figures.OKABE_ITO["blue"]},
            text=[f"{v:.0f}% (n={n})" for v, n in zip(values, table["placements"], strict=True)],
            textposition="outside",
            hoverinfo="text",
            hovertext=[f"{_esc(r)}: {v:.0f}%" for r, v in zip(table["role"], values, strict=True)],
        )
    )
    fig.update_xaxes(range=[0, 115], title={"text": t("class.agreement_axis")})
    fig.update_yaxes(autorange="reversed")
    lines = [
        f"{r}: {v:.0f}% (n={n})"
        for r, v, n in zip(table["role"], values, table["placements"], strict=True)
    ]
    figures._base_layout(fig, t("class.agreement_title"), "\n".join(lines), 420)
    fig.update_layout(margin={"l": 200, "r": 30, "t": 70, "b": 60})
    return fig


def triangle_figure(
    result: ClassAnswers, fw: Framework | None = None, subject: str | None = None
) -> go.Figure:
    """The class's weighings in the tension triangle: every student as a small point and
    the class mean per subject as a labelled marker (optionally one `subject` only)."""
    fw = fw or load_framework()
    table = weights(result)
    if subject is not None:
        table = table.loc[table["subject"] == subject]
    means = []
    for key, group in table.groupby("subject", sort=True):
        kind, _, item_id = str(key).partition(":")
        label = fw.name(kind, item_id) if kind in ("role", "dilemma") else t("tri.option_case")
        means.append(
            {
                "label": f"{label} (n={len(group)})",
                "kind": kind if kind != "case" else "case",
                "highlight": True,
                **{m: float(group[m].mean()) for m in figures.MODEL_IDS},
            }
        )
    dilemma_ids = (
        [subject.partition(":")[2]] if subject and subject.startswith("dilemma:") else None
    )
    fig = figures.tension_triangle(fw, dilemma_ids=dilemma_ids, points=means)
    fig.add_trace(
        go.Scatterternary(
            a=table["klassiek"],
            b=table["npm"],
            c=table["netwerk"],
            mode="markers",
            marker={"size": 6, "color": "rgba(86,180,233,0.45)", "symbol": "circle"},
            hoverinfo="skip",
            name=_esc(t("class.individual")),
            meta={"role": "class_points"},
        )
    )
    fig.update_layout(title={"text": _esc(t("class.triangle_title"))})
    return fig


def scores_figure(result: ClassAnswers, fw: Framework | None = None) -> go.Figure:
    """Box plots: the spread of the class's self-assessment on each of 't Hart's points."""
    fw = fw or load_framework()
    table = scores(result)
    fig = go.Figure()
    lines = [t("radar.describe_scale", low=figures.SCALE_MIN, high=figures.SCALE_MAX)]
    for _, rec in fw.recommendations.sort_values("order").iterrows():
        values = table.loc[table["recommendation_id"] == rec["recommendation_id"], "score"]
        name = _esc(rec[localized("name")])
        fig.add_trace(
            go.Box(
                y=values,
                name=name,
                boxmean=True,
                boxpoints="outliers",
                marker={"color": figures.OKABE_ITO["blue"]},
                line={"color": figures.OKABE_ITO["blue"]},
            )
        )
        if len(values):
            lines.append(
                f"{rec[localized('name')]}: {t('class.mean')} {values.mean():.1f}, n={len(values)}"
            )
    fig.update_yaxes(range=[0.5, 5.5], tickvals=[1, 2, 3, 4, 5])
    fig.update_layout(showlegend=False)
    figures._base_layout(fig, t("class.scores_title"), "\n".join(lines), 460)
    return fig


def reflections_html(result: ClassAnswers, fw: Framework | None = None) -> str:
    """All reflections as an HTML table (escaped), grouped by question."""
    fw = fw or load_framework()
    table = reflections(result)
    prompts = fw._lookup("question", localized("question"))
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


def class_figures(result: ClassAnswers, fw: Framework | None = None) -> dict[str, go.Figure]:
    """Every class figure, by name: placements, agreement, triangle, scores."""
    fw = fw or load_framework()
    return {
        "placements": placements_figure(result, fw),
        "agreement": agreement_figure(result, fw),
        "triangle": triangle_figure(result, fw),
        "scores": scores_figure(result, fw),
    }


def handout_html(
    result: ClassAnswers,
    fw: Framework | None = None,
    title: str | None = None,
    figs: dict[str, go.Figure] | None = None,
) -> str:
    """One standalone HTML file with every class figure and table; it opens without
    internet (plotly.js is included once). Pass ``result.pseudonymised()`` to leave
    names out, and `figs` (from :func:`class_figures`) if they are built already."""
    fw = fw or load_framework()
    title = title or t("class.handout_title")
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
            f"<pre>{_esc(figures.describe(fig))}</pre></details></section>"
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
# Example data
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
        q for q in fw.ids("question") if fw._lookup("question", "kind")[q] == "keuze"
    ]
    files = []
    for i in range(n):
        placements_ = []
        for role_id in roles:
            x0, y0 = figures.article_position(fw, role_id)
            if rng.random() < 0.25:
                x0 = -x0
            x = max(-1.0, min(1.0, round(x0 + rng.gauss(0, 0.25), 2)))
            y = max(-1.0, min(1.0, round(y0 + rng.gauss(0, 0.25), 2)))
            placements_.append({"role_id": role_id, "x": x, "y": y})
        triangle = {
            s: {m: rng.randint(0, 19) * 5 + 5 for m in figures.MODEL_IDS}
            for s in rng.sample(subjects, 3)
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
            count = len(fw._lookup("question", "options_nl")[question_id])
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


# --------------------------------------------------------------------------------------
# The dashboard of the lecturer notebook
# --------------------------------------------------------------------------------------


def ClassDashboard(fw: Framework | None = None):
    """Upload answer files or a zip (or give a folder), then see and export the class.

    Returns
    -------
    ipywidgets.VBox
        With attributes ``upload``, ``folder``, ``pseudonyms``, ``example``, ``run``,
        ``output``, ``downloads`` and ``result`` (the last :class:`ClassAnswers` shown).
    """
    import ipywidgets as widgets
    from IPython.display import HTML, display

    fw = fw or load_framework()
    upload = widgets.FileUpload(
        accept=".json,.zip", multiple=True, description=t("class.upload"), tooltip=t("class.upload")
    )
    folder = widgets.Text(placeholder=t("class.folder_placeholder"), continuous_update=False)
    folder.description = t("class.folder")
    folder.tooltip = t("class.folder")
    folder.style.description_width = "initial"
    folder.layout.width = "min(560px, 100%)"
    pseudonyms = widgets.Checkbox(value=True, indent=False, description=t("class.pseudonyms"))
    example = widgets.Checkbox(value=False, indent=False, description=t("class.example"))
    run = widgets.Button(
        description=t("class.run"), button_style="primary", icon="play", tooltip=t("class.run")
    )
    status = widgets.HTML()
    downloads = widgets.HTML()
    output = widgets.Output()
    panel = widgets.VBox(
        [
            widgets.HTML(f"<p>{_esc(t('class.hint'))}</p>"),
            upload,
            folder,
            pseudonyms,
            example,
            run,
            status,
            downloads,
            output,
        ]
    )
    from .a11y import accessible_names

    panel.children = (*panel.children, accessible_names())
    panel.add_class("vakmanschap-classdashboard")
    panel.upload, panel.folder, panel.pseudonyms = upload, folder, pseudonyms
    panel.example, panel.run, panel.output, panel.downloads = example, run, output, downloads
    panel.status, panel.result = status, None

    def sources():
        if example.value:
            return synthetic_class(30, fw=fw)
        if upload.value:
            return list(upload.value)
        if folder.value.strip():
            return folder.value.strip()
        return []

    def show(_=None) -> None:
        try:
            render()
        except Exception as exc:
            status.value = f"<p role='alert'>{_esc(t('class.failed', reason=exc))}</p>"

    def render() -> None:
        result = collect(sources(), fw)
        shown = result.pseudonymised() if pseudonyms.value else result
        panel.result = shown
        summary = t("class.summary", students=len(shown.students), rejected=len(shown.report))
        status.value = f"<p role='status'>{_esc(summary)}</p>"
        figs = class_figures(shown, fw)
        handout = handout_html(shown, fw, figs=figs).encode("utf-8")
        downloads.value = (
            download_link(handout, "klasresultaten.html", t("class.download_handout"), "text/html")
            + " &nbsp; "
            + download_link(
                answers_csv(shown).encode("utf-8"),
                "klasresultaten.csv",
                t("class.download_csv"),
                "text/csv",
            )
        )
        output.clear_output()
        with output:
            display(HTML(f"<h3>{_esc(t('class.report_title'))}</h3>{report_html(shown)}"))
            for fig in figs.values():
                display(fig)
            display(
                HTML(
                    f"<h3>{_esc(t('class.agreement_title'))}</h3>"
                    + agreement(shown, fw).to_html(index=False, float_format="{:.0%}".format)
                )
            )
            display(
                HTML(f"<h3>{_esc(t('class.reflections_title'))}</h3>{reflections_html(shown, fw)}")
            )

    run.on_click(show)
    return panel
