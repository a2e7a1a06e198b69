"""Read-only HTML views of the framework for the notebooks (tables and overviews).

Each public table function returns an :class:`IPython.display.HTML` object: it shows as the
cell's output in JupyterLab and in Voila. All HTML is built with :func:`..markup.html` and
:func:`..markup.join`, so every piece of data text is escaped; the fragments
(:func:`quadrant_html` and the private helpers) are :class:`~markupsafe.Markup`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence

from IPython.display import HTML

from .framework import Framework, load_framework
from .i18n import localized, t
from .markup import Markup, html, join

#: The article itself, as its text gives it (the year and journal are not in the text).
ARTICLE = {
    "authors": "Harmen Binnema & Karin Geuijen",
    "title": "Verbindend vakmanschap: de kunst van het loslaten",
    "rubric": "rubriek Persoonlijk meesterschap, onder redactie van A.J. Meijer, "
    "R.E. Viergever & H.W.M. Wesseling",
    "based_on": "Binnema, Geuijen & Noordegraaf (2013), rapport in opdracht van het IKPOB",
}

#: Style of every header and data cell of :func:`_table`.
_CELL_STYLE = "text-align:left;vertical-align:top;padding:4px 8px"


def _table(headers: Sequence[object], rows: Iterable[Sequence[object]], caption: str) -> Markup:
    """An HTML table with a caption and one header row.

    Parameters
    ----------
    headers : sequence
        The column headers (text, escaped).
    rows : iterable of sequences
        The cells of each row: text (escaped) or :class:`Markup` (kept as it is).
    caption : str
        The table's caption (escaped).

    Returns
    -------
    Markup
        The table.
    """
    head = join(html("<th scope='col' style='{}'>{}</th>", _CELL_STYLE, h) for h in headers)
    body = join(
        html("<tr>{}</tr>", join(html("<td style='{}'>{}</td>", _CELL_STYLE, c) for c in row))
        for row in rows
    )
    # a wide table scrolls inside its own box (a named, focusable region, so a keyboard can
    # scroll it too), never the page
    caption_id = f"vakmanschap-caption-{uuid.uuid4().hex[:12]}"
    return html(
        "<div class='vakmanschap-scroll' role='region' tabindex='0' aria-labelledby='{}'>"
        "<table class='vakmanschap-table' style='border-collapse:collapse;text-align:left'>"
        "<caption id='{}' style='text-align:left;font-weight:bold'>{}</caption>"
        "<thead><tr>{}</tr></thead><tbody>{}</tbody></table></div>",
        caption_id,
        caption_id,
        caption,
        head,
        body,
    )


def _items(values: Iterable[object]) -> Markup:
    """`values` as an HTML bullet list (``<ul>``), each value escaped."""
    return html("<ul>{}</ul>", join(html("<li>{}</li>", v) for v in values))


def article_reference() -> HTML:
    """The article's full reference, as far as its text gives it."""
    a = ARTICLE
    markup = html(
        "<p>{}, <i>{}</i>, {}. {}</p>",
        a["authors"],
        a["title"],
        a["rubric"],
        t("views.based_on", source=a["based_on"]),
    )
    return HTML(str(markup))


def models_table(fw: Framework | None = None) -> HTML:
    """The three steering models of section 2: characteristics, what each asks of civil
    servants, and how the conclusion sums it up."""
    fw = fw or load_framework()
    rows = []
    for _, m in fw.steering_models.iterrows():
        rows.append(
            [
                html(
                    "<b>{}</b><br><small>{}</small>",
                    m[localized("name")],
                    ", ".join(m["also_known_as"]),
                ),
                _items(m[localized("characteristics")]),
                _items(m[localized("asks")]),
                _items(m[localized("in_practice")]),
            ]
        )
    headers = [t(f"views.models.{h}") for h in ("model", "traits", "asks", "practice")]
    return HTML(str(_table(headers, rows, t("views.models.caption"))))


def contrast_table(fw: Framework | None = None) -> HTML:
    """New Public Management set against network governance, point by point (section 2)."""
    fw = fw or load_framework()
    npm, network = fw.model("npm"), fw.model("netwerk")
    rows = zip(npm[localized("asks")], network[localized("asks")], strict=False)
    headers = [npm[localized("name")], network[localized("name")]]
    return HTML(str(_table(headers, rows, t("views.contrast.caption"))))


def research_design_table(fw: Framework | None = None) -> HTML:
    """The three municipalities with their interviews, and how the research was done."""
    fw = fw or load_framework()
    rows: list[list[object]] = [
        [m[localized("description")], int(m["interviews"]), m[localized("interviews_note")]]
        for _, m in fw.municipalities.iterrows()
    ]
    rows.append(
        [
            html("<b>{}</b>", t("views.total")),
            html("<b>{}</b>", int(fw.municipalities["interviews"].sum())),
            "",
        ]
    )
    headers = [t("views.design.municipality"), t("views.design.interviews"), t("views.design.note")]
    design = join(
        html("<li><b>{}</b>: {}</li>", row["aspect"].replace("_", " "), row[localized("value")])
        for _, row in fw.research_design.iterrows()
    )
    table = _table(headers, rows, t("views.design.caption"))
    return HTML(str(html("{}<ul>{}</ul>", table, design)))


def quadrant_overview(
    quadrant_id: str, fw: Framework | None = None, dilemmas: bool = False
) -> HTML:
    """One quadrant's summary, roles, competencies and quotes (and, if `dilemmas`, its
    dilemmas with the models in tension: leave that off before an exercise on them)."""
    fw = fw or load_framework()
    return HTML(str(quadrant_html(fw, quadrant_id, dilemmas=dilemmas)))


def dilemmas_table(fw: Framework | None = None) -> HTML:
    """Every dilemma of section 4 with its quadrant, poles and the models in tension."""
    fw = fw or load_framework()
    rows = []
    for number, (_, d) in enumerate(fw.dilemmas.iterrows(), start=1):
        q = fw.quadrant(d["quadrant_id"])
        notes = []
        if len(d["reinforced_by"]):
            reinforced = ", ".join(fw.name("model", m) for m in d["reinforced_by"])
            notes.append(t("explorer.reinforced", models=reinforced))
        if d["models_source"] != "artikel":
            notes.append(t("explorer.inferred"))
        models = html(
            "{}{}",
            join((fw.name("model", m) for m in d["models"]), " ↔ "),
            join(html("<br><small>{}</small>", note) for note in notes),
        )
        rows.append(
            [
                html("{}. <b>{}</b>", number, d[localized("name")]),
                html("§{}", q["section"]),
                html("{} ↔ {}", d[localized("pole_a")], d[localized("pole_b")]),
                models,
            ]
        )
    headers = [t(f"views.dilemmas.{h}") for h in ("name", "section", "poles", "models")]
    return HTML(str(_table(headers, rows, t("views.dilemmas.caption"))))


def answers_table(fw: Framework | None = None) -> HTML:
    """For lecturers: every multiple-choice question with its right answer and feedback."""
    fw = fw or load_framework()
    rows = []
    for _, q in fw.questions.loc[fw.questions["kind"] == "keuze"].iterrows():
        options = list(q[localized("options")])
        answer = int(q["answer"])
        rows.append(
            [
                q["notebook"],
                q[localized("question")],
                html("{}. {}", answer, options[answer - 1]),
                q[localized("explanation")],
            ]
        )
    headers = [t(f"views.answers.{h}") for h in ("notebook", "question", "answer", "why")]
    return HTML(str(_table(headers, rows, t("views.answers.caption"))))


def quadrant_html(fw: Framework, quadrant_id: str, dilemmas: bool = True) -> Markup:
    """HTML overview of one quadrant: summary, roles, competencies, quotes and dilemmas.

    All data text is escaped. Quotes are marked as quotes and attributed (role and
    municipality type where the article gives them). With ``dilemmas=False`` the
    dilemmas (and so the models in tension) are left out.

    Returns
    -------
    Markup
        A ``<div class='vakmanschap-quadrant'>``, to embed with ``html("{}", ...)`` or to
        show as ``HTML(str(...))``.
    """
    q = fw.quadrant(quadrant_id)
    name = localized("name")
    roles = join(fw.roles_in(quadrant_id)[localized("plural")], ", ")
    parts = [
        html("<h3>§{} {}</h3>", q["section"], q[name]),
        html("<p><b>{}</b> {}</p>", t("explorer.meaning"), q[localized("summary")]),
        html("<p><b>{}</b> {}</p>", t("explorer.roles"), roles),
    ]
    for kind in ("genoemd", "ontbreekt"):
        comps = fw.competencies_in(quadrant_id, kind=kind)
        if comps.empty:
            continue
        items = join(html("<li>{}</li>", c) for c in comps[name])
        parts.append(html("<p><b>{}</b></p><ul>{}</ul>", t(f"explorer.competencies.{kind}"), items))
    quotes = fw.quotes_in(quadrant_id)
    if not quotes.empty:
        figures = []
        for _, quote in quotes.iterrows():
            who = [fw.name("role", quote["role_id"])] if quote["role_id"] else []
            if quote["municipality_id"]:
                municipality = fw.municipalities.set_index("municipality_id").loc[
                    quote["municipality_id"], name
                ]
                who.append(t("explorer.interview_in", municipality=municipality))
            attribution = ", ".join(who) or t("explorer.interview")
            figures.append(
                html(
                    "<figure class='vakmanschap-quote'>"
                    "<blockquote lang='nl'>‘{}’</blockquote>"
                    "<figcaption>— {} <small>({})</small></figcaption></figure>",
                    quote["text_nl"],
                    attribution,
                    quote[localized("context")],
                )
            )
        parts.append(html("<p><b>{}</b></p>{}", t("explorer.quotes"), join(figures)))
    numbers = {d: i for i, d in enumerate(fw.dilemmas["dilemma_id"], start=1)}
    shown = fw.dilemmas_in(quadrant_id) if dilemmas else fw.dilemmas_in(quadrant_id).iloc[0:0]
    for _, d in shown.iterrows():
        models = join((fw.name("model", m) for m in d["models"]), " ↔ ")
        extra = ""
        if d["reinforced_by"]:
            extra = t(
                "explorer.reinforced",
                models=", ".join(fw.name("model", m) for m in d["reinforced_by"]),
            )
        source = "" if d["models_source"] == "artikel" else t("explorer.inferred")
        parts.append(
            html(
                "<p><b>{}: {}</b><br>{} ↔ {}<br>{} {} {} {}</p>",
                t("explorer.dilemma", number=numbers[d["dilemma_id"]]),
                d[name],
                d[localized("pole_a")],
                d[localized("pole_b")],
                t("explorer.models"),
                models,
                extra,
                source,
            )
        )
    return html("<div class='vakmanschap-quadrant'>{}</div>", join(parts))
