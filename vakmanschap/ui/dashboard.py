"""The dashboard of the lecturer notebook: read a class's answer files, show and export.

While the files are read a progress bar counts them ("Bezig: 12 van 30 bestanden"), redrawn
at most every :data:`PROGRESS_INTERVAL` seconds; the kernel sends each widget change at once,
also while the button's handler runs. The files that could not be used are named, with the
reason, right under the summary.
"""

from __future__ import annotations

import math
import time

import ipywidgets as widgets
from IPython.display import HTML, display

from ..answers import ClassAnswers, collect
from ..classroom.export import (
    agreement_html,
    answers_csv,
    handout_html,
    reflections_html,
    report_html,
    synthetic_class,
)
from ..classroom.figures import class_figures
from ..framework import Framework, load_framework
from ..i18n import t
from ..markup import Markup, html
from .a11y import accessible_names
from .answers_panel import DownloadLink
from .figure_view import FigureView

#: Seconds between two redraws of the progress bar while files are read.
PROGRESS_INTERVAL = 0.2
#: The clock of those redraws (a test replaces it).
_clock = time.monotonic
#: Read by screen readers, not shown (the progress bar shows the same text).
_SCREEN_READER_ONLY = (
    "position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap"
)


def failed_html(result: ClassAnswers, private: bool) -> Markup:
    """The files (and parts of files) that were not used, with the reason.

    Parameters
    ----------
    result : ClassAnswers
        As collected, with the real file names.
    private : bool
        Whether pseudonyms are shown: then the table (file names often hold students'
        names) is folded away in a ``<details>`` the lecturer opens.

    Returns
    -------
    Markup
        The table (every name escaped), or a paragraph saying every file was used.
    """
    table = report_html(result)
    if result.report.empty or not private:
        return table
    summary = t("class.failed_names", count=len(result.report))
    return html("<details><summary>{}</summary>{}</details>", summary, table)


def ClassDashboard(fw: Framework | None = None) -> widgets.VBox:
    """Upload answer files or a zip (or give a folder), then see and export the class.

    Returns
    -------
    ipywidgets.VBox
        With attributes ``upload``, ``folder``, ``pseudonyms``, ``example``, ``run``,
        ``progress`` (the bar), ``status``, ``failed`` (the files not used), ``output``,
        ``downloads`` and ``result`` (the last :class:`ClassAnswers` shown, or None).
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
    bar = widgets.IntProgress(value=0, min=0, max=1, bar_style="info")
    bar.description = t("class.progress_start")
    bar.style.description_width = "initial"
    bar.layout.display = "none"
    status = widgets.HTML()
    failed = widgets.HTML()
    downloads = widgets.HBox()  # the handout and the CSV, made when a link is clicked
    downloads.layout.flex_flow = "row wrap"
    downloads.layout.gap = "0 1.5em"
    output = widgets.Output()
    panel = widgets.VBox(
        [
            widgets.HTML(html("<p>{}</p>", t("class.hint"))),
            upload,
            folder,
            pseudonyms,
            example,
            run,
            bar,
            status,
            failed,
            downloads,
            output,
            accessible_names(),
        ]
    )
    panel.add_class("vakmanschap-classdashboard")
    panel.upload, panel.folder, panel.pseudonyms = upload, folder, pseudonyms
    panel.example, panel.run, panel.output, panel.downloads = example, run, output, downloads
    panel.progress, panel.status, panel.failed, panel.result = bar, status, failed, None
    drawn_at, drawn_total = -math.inf, None  # the bar's last redraw: time, total shown

    def sources():
        """What to read, or None when nothing is chosen."""
        if example.value:
            return synthetic_class(30, fw=fw)
        if upload.value:
            return list(upload.value)
        if folder.value.strip():
            return folder.value.strip()
        return None

    def working(text: str) -> None:
        """Show `text` beside the bar; screen readers hear it from the status line."""
        bar.description = text
        status.value = html("<p role='status' style='{}'>{}</p>", _SCREEN_READER_ONLY, text)

    def on_progress(done: int, total: int | None) -> None:
        """Redraw the bar when the total changes, at the end, or after PROGRESS_INTERVAL."""
        nonlocal drawn_at, drawn_total
        now = _clock()
        if total == drawn_total and done != total and now - drawn_at < PROGRESS_INTERVAL:
            return
        drawn_at, drawn_total = now, total
        with bar.hold_sync():  # one message for the bar
            bar.max = max(total or 0, done, 1)
            bar.value = done
            if total is None:
                working(t("class.progress_start"))
            else:
                working(t("class.progress", done=done, total=total))

    def show(_=None) -> None:
        run.disabled = True
        try:
            render()
        except Exception as exc:
            status.value = html("<p role='alert'>{}</p>", t("class.failed", reason=exc))
        finally:
            bar.layout.display = "none"
            run.disabled = False

    def render() -> None:
        nonlocal drawn_at, drawn_total
        panel.result = None
        failed.value = ""
        downloads.children = ()
        output.clear_output()
        given = sources()
        if given is None:
            status.value = html("<p role='status'>{}</p>", t("class.nothing_given"))
            return
        drawn_at, drawn_total = -math.inf, None
        bar.value = 0
        working(t("class.progress_start"))
        bar.layout.display = None
        result = collect(given, fw, progress=on_progress)
        working(t("class.progress_building", total=bar.value))
        shown = result.pseudonymised() if pseudonyms.value else result
        panel.result = shown
        # the real file names: the lecturer has to find these files (folded if private)
        failed.value = failed_html(result, private=pseudonyms.value)
        summary = html(
            "<p>{}</p>",
            t("class.summary", students=len(shown.students), rejected=len(shown.report)),
        )
        if shown.students.empty:
            status.value = html(
                "<div role='status'>{}<p>{}</p></div>", summary, t("class.none_usable")
            )
            return
        figs = class_figures(shown, fw)
        downloads.children = (
            DownloadLink(
                lambda: (handout_html(shown, fw, figs=figs).encode("utf-8"), 0),
                lambda: "klasresultaten.html",
                t("class.download_handout"),
                "text/html",
            ),
            DownloadLink(
                lambda: (answers_csv(shown).encode("utf-8"), 0),
                lambda: "klasresultaten.csv",
                t("class.download_csv"),
                "text/csv",
            ),
        )
        with output:
            for fig in figs.values():
                display(FigureView(fig))
            title = t("class.agreement_title")
            display(HTML(html("<h3>{}</h3>{}", title, agreement_html(shown, fw))))
            title = t("class.reflections_title")
            display(HTML(html("<h3>{}</h3>{}", title, reflections_html(shown, fw))))
        # last: the browser shows the summary once everything before it has arrived
        status.value = html("<div role='status'>{}</div>", summary)

    run.on_click(show)
    return panel
