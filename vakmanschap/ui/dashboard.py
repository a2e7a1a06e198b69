"""The dashboard of the lecturer notebook: read a class's answer files, show and export."""

from __future__ import annotations

import ipywidgets as widgets
from IPython.display import HTML, display

from ..answers import collect
from ..classroom.export import (
    answers_csv,
    handout_html,
    reflections_html,
    report_html,
    synthetic_class,
)
from ..classroom.figures import class_figures
from ..classroom.tables import agreement
from ..framework import Framework, load_framework
from ..i18n import t
from ..markup import Markup, download_link, html
from .a11y import accessible_names
from .figure_view import FigureView

# --------------------------------------------------------------------------------------


def ClassDashboard(fw: Framework | None = None):
    """Upload answer files or a zip (or give a folder), then see and export the class.

    Returns
    -------
    ipywidgets.VBox
        With attributes ``upload``, ``folder``, ``pseudonyms``, ``example``, ``run``,
        ``output``, ``downloads`` and ``result`` (the last :class:`ClassAnswers` shown).
    """
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
            widgets.HTML(html("<p>{}</p>", t("class.hint"))),
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
            status.value = html("<p role='alert'>{}</p>", t("class.failed", reason=exc))

    def render() -> None:
        result = collect(sources(), fw)
        shown = result.pseudonymised() if pseudonyms.value else result
        panel.result = shown
        summary = t("class.summary", students=len(shown.students), rejected=len(shown.report))
        status.value = html("<p role='status'>{}</p>", summary)
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
            display(HTML(html("<h3>{}</h3>{}", t("class.report_title"), report_html(shown))))
            for fig in figs.values():
                display(FigureView(fig))
            display(
                HTML(
                    html(
                        "<h3>{}</h3>{}",
                        t("class.agreement_title"),
                        # pandas escapes every cell of to_html itself
                        Markup(
                            agreement(shown, fw).to_html(index=False, float_format="{:.0%}".format)
                        ),
                    )
                )
            )
            display(
                HTML(
                    html("<h3>{}</h3>{}", t("class.reflections_title"), reflections_html(shown, fw))
                )
            )

    run.on_click(show)
    return panel
