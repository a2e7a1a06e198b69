"""Read-only HTML views of the framework for the notebooks (tables and overviews).

Each function returns an :class:`IPython.display.HTML` object: it shows as the cell's
output in JupyterLab and in Voila. Every piece of data text is escaped.
"""

from __future__ import annotations

import html

from IPython.display import HTML

from .framework import Framework, load_framework
from .i18n import localized, t

#: The article itself, as its text gives it (the year and journal are not in the text).
ARTICLE = {
    "authors": "Harmen Binnema & Karin Geuijen",
    "title": "Verbindend vakmanschap: de kunst van het loslaten",
    "rubric": "rubriek Persoonlijk meesterschap, onder redactie van A.J. Meijer, "
    "R.E. Viergever & H.W.M. Wesseling",
    "based_on": "Binnema, Geuijen & Noordegraaf (2013), rapport in opdracht van het IKPOB",
}


def _esc(text: object) -> str:
    return html.escape(str(text))


def _table(headers: list[str], rows: list[list[str]], caption: str) -> str:
    cell_style = "text-align:left;vertical-align:top;padding:4px 8px"
    head = "".join(f"<th scope='col' style='{cell_style}'>{_esc(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td style='{cell_style}'>{cell}</td>" for cell in row) + "</tr>"
        for row in rows
    )
    return (
        "<table class='vakmanschap-table' style='border-collapse:collapse;text-align:left'>"
        f"<caption style='text-align:left;font-weight:bold'>{_esc(caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _items(values) -> str:
    return "<ul>" + "".join(f"<li>{_esc(v)}</li>" for v in values) + "</ul>"


def article_reference() -> HTML:
    """The article's full reference, as far as its text gives it."""
    a = ARTICLE
    return HTML(
        f"<p>{_esc(a['authors'])}, <i>{_esc(a['title'])}</i>, {_esc(a['rubric'])}. "
        f"{_esc(t('views.based_on', source=a['based_on']))}</p>"
    )


def models_table(fw: Framework | None = None) -> HTML:
    """The three steering models of section 2: characteristics, what each asks of civil
    servants, and how the conclusion sums it up."""
    fw = fw or load_framework()
    rows = []
    for _, m in fw.steering_models.iterrows():
        rows.append(
            [
                f"<b>{_esc(m[localized('name')])}</b><br><small>"
                f"{_esc(', '.join(m['also_known_as']))}</small>",
                _items(m[localized("characteristics")]),
                _items(m[localized("asks")]),
                _items(m[localized("in_practice")]),
            ]
        )
    headers = [t(f"views.models.{h}") for h in ("model", "traits", "asks", "practice")]
    return HTML(_table(headers, rows, t("views.models.caption")))


def contrast_table(fw: Framework | None = None) -> HTML:
    """New Public Management set against network governance, point by point (section 2)."""
    fw = fw or load_framework()
    npm, network = fw.model("npm"), fw.model("netwerk")
    pairs = zip(npm[localized("asks")], network[localized("asks")], strict=False)
    rows = [[_esc(a), _esc(b)] for a, b in pairs]
    headers = [npm[localized("name")], network[localized("name")]]
    return HTML(_table(headers, rows, t("views.contrast.caption")))


def research_design_table(fw: Framework | None = None) -> HTML:
    """The three municipalities with their interviews, and how the research was done."""
    fw = fw or load_framework()
    rows = [
        [
            _esc(m[localized("description")]),
            str(int(m["interviews"])),
            _esc(m[localized("interviews_note")]),
        ]
        for _, m in fw.municipalities.iterrows()
    ]
    rows.append(
        [
            f"<b>{_esc(t('views.total'))}</b>",
            f"<b>{int(fw.municipalities['interviews'].sum())}</b>",
            "",
        ]
    )
    headers = [t("views.design.municipality"), t("views.design.interviews"), t("views.design.note")]
    design = "".join(
        f"<li><b>{_esc(row['aspect'].replace('_', ' '))}</b>: {_esc(row[localized('value')])}</li>"
        for _, row in fw.research_design.iterrows()
    )
    return HTML(_table(headers, rows, t("views.design.caption")) + f"<ul>{design}</ul>")


def quadrant_overview(
    quadrant_id: str, fw: Framework | None = None, dilemmas: bool = False
) -> HTML:
    """One quadrant's summary, roles, competencies and quotes (and, if `dilemmas`, its
    dilemmas with the models in tension: leave that off before an exercise on them)."""
    fw = fw or load_framework()
    return HTML(quadrant_html(fw, quadrant_id, dilemmas=dilemmas))


def dilemmas_table(fw: Framework | None = None) -> HTML:
    """Every dilemma of section 4 with its quadrant, poles and the models in tension."""
    fw = fw or load_framework()
    rows = []
    for number, (_, d) in enumerate(fw.dilemmas.iterrows(), start=1):
        q = fw.quadrant(d["quadrant_id"])
        models = " ↔ ".join(_esc(fw.name("model", m)) for m in d["models"])
        if len(d["reinforced_by"]):
            models += (
                "<br><small>"
                + _esc(
                    t(
                        "explorer.reinforced",
                        models=", ".join(fw.name("model", m) for m in d["reinforced_by"]),
                    )
                )
                + "</small>"
            )
        if d["models_source"] != "artikel":
            models += "<br><small>" + _esc(t("explorer.inferred")) + "</small>"
        rows.append(
            [
                f"{number}. <b>{_esc(d[localized('name')])}</b>",
                f"§{_esc(q['section'])}",
                f"{_esc(d[localized('pole_a')])} ↔ {_esc(d[localized('pole_b')])}",
                models,
            ]
        )
    headers = [t(f"views.dilemmas.{h}") for h in ("name", "section", "poles", "models")]
    return HTML(_table(headers, rows, t("views.dilemmas.caption")))


def answers_table(fw: Framework | None = None) -> HTML:
    """For lecturers: every multiple-choice question with its right answer and feedback."""
    fw = fw or load_framework()
    rows = []
    for _, q in fw.questions.loc[fw.questions["kind"] == "keuze"].iterrows():
        options = list(q[localized("options")])
        rows.append(
            [
                _esc(q["notebook"]),
                _esc(q[localized("question")]),
                f"{int(q['answer'])}. {_esc(options[int(q['answer']) - 1])}",
                _esc(q[localized("explanation")]),
            ]
        )
    headers = [t(f"views.answers.{h}") for h in ("notebook", "question", "answer", "why")]
    return HTML(_table(headers, rows, t("views.answers.caption")))


def quadrant_html(fw: Framework, quadrant_id: str, dilemmas: bool = True) -> str:
    """HTML overview of one quadrant: summary, roles, competencies, quotes and dilemmas.

    All data text is escaped. Quotes are marked as quotes and attributed (role and
    municipality type where the article gives them). With ``dilemmas=False`` the
    dilemmas (and so the models in tension) are left out.
    """
    q = fw.quadrant(quadrant_id)
    name = localized("name")
    roles = ", ".join(_esc(r) for r in fw.roles_in(quadrant_id)[localized("plural")])
    parts = [
        f"<h3>§{_esc(q['section'])} {_esc(q[name])}</h3>",
        f"<p><b>{_esc(t('explorer.meaning'))}</b> {_esc(q[localized('summary')])}</p>",
        f"<p><b>{_esc(t('explorer.roles'))}</b> {roles}</p>",
    ]
    for kind in ("genoemd", "ontbreekt"):
        comps = fw.competencies_in(quadrant_id, kind=kind)
        if comps.empty:
            continue
        items = "".join(f"<li>{_esc(c)}</li>" for c in comps[name])
        parts.append(f"<p><b>{_esc(t(f'explorer.competencies.{kind}'))}</b></p><ul>{items}</ul>")
    quotes = fw.quotes_in(quadrant_id)
    if not quotes.empty:
        items = []
        for _, quote in quotes.iterrows():
            who = [fw.name("role", quote["role_id"])] if quote["role_id"] else []
            if quote["municipality_id"]:
                municipality = fw.municipalities.set_index("municipality_id").loc[
                    quote["municipality_id"], name
                ]
                who.append(t("explorer.interview_in", municipality=municipality))
            attribution = ", ".join(who) or t("explorer.interview")
            items.append(
                "<figure class='vakmanschap-quote'>"
                f"<blockquote lang='nl'>‘{_esc(quote['text_nl'])}’</blockquote>"
                f"<figcaption>— {_esc(attribution)} "
                f"<small>({_esc(quote[localized('context')])})</small></figcaption></figure>"
            )
        parts.append(f"<p><b>{_esc(t('explorer.quotes'))}</b></p>{''.join(items)}")
    numbers = {d: i for i, d in enumerate(fw.dilemmas["dilemma_id"], start=1)}
    shown = fw.dilemmas_in(quadrant_id) if dilemmas else fw.dilemmas_in(quadrant_id).iloc[0:0]
    for _, d in shown.iterrows():
        models = " ↔ ".join(_esc(fw.name("model", m)) for m in d["models"])
        extra = ""
        if d["reinforced_by"]:
            extra = _esc(
                t(
                    "explorer.reinforced",
                    models=", ".join(fw.name("model", m) for m in d["reinforced_by"]),
                )
            )
        source = "" if d["models_source"] == "artikel" else _esc(t("explorer.inferred"))
        parts.append(
            f"<p><b>{_esc(t('explorer.dilemma', number=numbers[d['dilemma_id']]))}: "
            f"{_esc(d[name])}</b><br>{_esc(d[localized('pole_a')])} ↔ "
            f"{_esc(d[localized('pole_b')])}<br>{_esc(t('explorer.models'))} {models} {extra} "
            f"{source}</p>"
        )
    return "<div class='vakmanschap-quadrant'>" + "".join(parts) + "</div>"
