"""The "Mijn antwoorden" panel: name and student number, download and upload of the
student's answer file (:class:`~vakmanschap.answers.AnswerStore`)."""

from __future__ import annotations

import base64
from collections.abc import Callable

import anywidget
import ipywidgets as widgets
import traitlets

from ..answers import AnswerFileError, AnswerStore, answer_store
from ..i18n import t
from ..markup import html
from .a11y import accessible_names

_DOWNLOAD_ESM = r"""
function render({model, el}) {
  const link = document.createElement('a');
  link.href = '#';
  link.className = 'vakmanschap-download';
  const label = () => { link.textContent = '\u2b07 ' + model.get('label'); };
  label();
  link.addEventListener('click', (event) => {
    event.preventDefault();
    model.send({event: 'download'});  // the kernel answers with the file as it is now
  });
  const onMessage = (message) => {
    if (!message || message.event !== 'file') { return; }
    const bytes = Uint8Array.from(atob(message.content), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], {type: model.get('mime')}));
    const save = document.createElement('a');
    save.href = url;
    save.download = message.name;
    document.body.appendChild(save);
    save.click();
    save.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  };
  model.on('msg:custom', onMessage);
  model.on('change:label', label);
  el.appendChild(link);
  return () => { model.off('msg:custom', onMessage); model.off('change:label', label); };
}
export default { render };
"""


class DownloadLink(anywidget.AnyWidget):
    """A link that downloads a file made at the moment of the click: the answer file as it
    is on disk, with every notebook's answers (a ``data:`` link would hold what this kernel
    knew when it was made), or the lecturer's handout, built only when asked for (a
    ``data:`` link of several MB would travel to the page on every "Verwerk"). Works in
    JupyterLab and in Voila: the file travels as a widget message.

    Parameters
    ----------
    read : callable
        Returns ``(bytes, count)``: the file's content and, for the answer file, its number
        of exercises now (passed to :attr:`on_download`).
    name : callable
        Returns the file name for the download.
    label : str
        The link's text.
    mime : str, default ``"application/json"``
        The file's media type.
    """

    _esm = _DOWNLOAD_ESM
    label = traitlets.Unicode().tag(sync=True)
    mime = traitlets.Unicode("application/json").tag(sync=True)

    def __init__(
        self,
        read: Callable[[], tuple[bytes, int]],
        name: Callable[[], str],
        label: str,
        mime: str = "application/json",
    ):
        super().__init__(label=label, mime=mime)
        self._read, self._name = read, name
        self.on_download: list[Callable[[int], None]] = []
        self.on_msg(self._handle)

    def _handle(self, _widget, content, _buffers) -> None:
        if not isinstance(content, dict) or content.get("event") != "download":
            return
        data, count = self._read()
        for callback in self.on_download:
            callback(count)
        encoded = base64.b64encode(data).decode("ascii")
        self.send({"event": "file", "name": self._name(), "content": encoded})


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
    link = DownloadLink(store.on_disk, store.download_name, t("panel.download"))
    status = widgets.HTML()

    def show_count(count: int) -> None:
        text = store.message or t("panel.saved", file=store.path.name, count=count)
        status.value = html("<p role='status'><small>{}</small></p>", text)

    def refresh(_store=None) -> None:
        # right after a save, what this notebook holds is what the file holds
        show_count(len(store.exercises) + len(store.rejected))

    link.on_download.append(show_count)  # a click reads the file: the count is true again

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
