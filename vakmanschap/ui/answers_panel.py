"""The "Mijn antwoorden" panel: name and student number, download and upload of the
student's answer file (:class:`~vakmanschap.answers.AnswerStore`)."""

from __future__ import annotations

import ipywidgets as widgets

from ..answers import AnswerFileError, AnswerStore, answer_store
from ..i18n import t
from ..markup import download_link, html
from .a11y import accessible_names


def AnswersPanel(store: AnswerStore | None = None):
    """The "Mijn antwoorden" panel: name and student number, download and upload.

    Parameters
    ----------
    store : AnswerStore, optional
        Default: :func:`answer_store`.

    Returns
    -------
    ipywidgets.VBox
    """
    store = store or answer_store()
    if store.panel is not None:  # a re-run cell shows the same panel (no second listener)
        return store.panel
    name = widgets.Text(
        value=store.student["name"],
        continuous_update=False,
        placeholder=t("panel.name_placeholder"),
    )
    number = widgets.Text(
        value=store.student["number"],
        continuous_update=False,
        placeholder=t("panel.number_placeholder"),
    )
    for control, label in ((name, t("panel.name")), (number, t("panel.number"))):
        control.description = label
        control.tooltip = label
        control.style.description_width = "14ch"
        control.layout.width = "min(480px, 100%)"
    upload = widgets.FileUpload(
        accept=".json", multiple=False, description=t("panel.upload"), tooltip=t("panel.upload")
    )
    link = widgets.HTML()
    status = widgets.HTML()

    def refresh(_store=None) -> None:
        link.value = download_link(store.to_bytes(), store.download_name(), t("panel.download"))
        text = store.message or t("panel.saved", file=store.path.name, count=len(store.exercises))
        status.value = html("<p role='status'><small>{}</small></p>", text)

    def on_name(change) -> None:
        store.set_student(name=change["new"])

    def on_number(change) -> None:
        store.set_student(number=change["new"])

    def on_upload(change) -> None:
        files = change["new"]
        if not files:
            return
        item = files[0]
        try:
            problems = store.load_upload(bytes(item["content"]), str(item["name"]))
        except AnswerFileError as exc:
            store.message = t("panel.upload_failed", file=item["name"], reason=exc)
        else:
            store.message = (
                t("panel.upload_partly", problems="; ".join(problems))
                if problems
                else t("panel.upload_ok", file=item["name"])
            )
            name.value, number.value = store.student["name"], store.student["number"]
        refresh()

    name.observe(on_name, names="value")
    number.observe(on_number, names="value")
    upload.observe(on_upload, names="value")
    store.add_listener(refresh)
    refresh()
    panel = widgets.VBox(
        [
            widgets.HTML(
                html(
                    "<p><strong>{}</strong></p><p><small>{}</small></p>",
                    t("panel.title"),
                    t("panel.explain"),
                )
            ),
            name,
            number,
            widgets.HBox([link, upload]),
            status,
        ]
    )
    panel.children = (*panel.children, accessible_names())
    panel.add_class("vakmanschap-answers")
    store.panel = panel
    return panel
