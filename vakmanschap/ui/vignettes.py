"""VignettePlacer: place roles the article does not discuss in a quadrant of Tabel 1, with
one sentence why, and compare with our reading."""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets

from ..exercises import Feedback, Score, VignetteAssignment
from ..exercises.vignettes import MAX_REASON_LENGTH
from ..framework import Framework
from ..i18n import localized, t
from ..markup import Markup, html, join
from .base import ExerciseWidget, check_button, feedback_box, label, status, verdict_html

#: The mark before each verdict.
MARKS = {"vignettes.goed": "✔", "vignettes.verdedigbaar": "≈", "vignettes.anders": "✘"}


class VignettePlacer(ExerciseWidget):
    """Short descriptions of municipal roles (invented by us, and marked so), each with a
    dropdown of the four quadrants and a one-sentence field, and a "Controleer" button.
    After checking, every vignette with a quadrant shows the verdict (``goed``,
    ``verdedigbaar`` or ``anders``), the student's sentence, our reading in the terms of
    section 3 and, where the vignette is ambiguous, the argument for another quadrant.

    Every control works by keyboard: Tab to a dropdown, the arrow keys to choose, Tab to the
    sentence, type, Tab on, and Enter on "Controleer".

    Parameters
    ----------
    fw : Framework, optional
    vignette_ids : sequence of str, optional
        Vignettes of ``data/vignettes.csv`` (default: all of them).
    """

    model_class = VignetteAssignment
    model: VignetteAssignment

    def __init__(self, fw: Framework | None = None, vignette_ids: Sequence[str] | None = None):
        model = VignetteAssignment(fw, None if vignette_ids is None else tuple(vignette_ids))
        fw = model.fw
        self.vignettes = fw.vignettes.set_index("vignette_id")
        plural = localized("plural")
        self.choices = [(t("vignettes.choose"), "")] + [
            (
                f"§{q['section']} {q[localized('name')]} "
                f"({', '.join(fw.roles_in(q['quadrant_id'])[plural])})",
                q["quadrant_id"],
            )
            for _, q in fw.quadrants.sort_values("section").iterrows()
        ]
        self.dropdowns: dict[str, widgets.Dropdown] = {}
        self.reasons: dict[str, widgets.Text] = {}
        self.items = widgets.VBox()
        self._built: tuple[str, ...] = ()
        self._build(model.state["vignette_ids"])
        self.check_button = check_button(t("quiz.check"), self.check)
        self.feedback = feedback_box()
        self._hint = ""  # a message key shown while the answer is not checked
        super().__init__(
            model,
            [
                widgets.HTML(html("<p>{}</p>", t("vignettes.question"))),
                self.items,
                self.check_button,
                self.feedback,
            ],
            "vakmanschap-vignetteplacer",
        )

    def _build(self, vignette_ids: tuple[str, ...]) -> None:
        """One vignette with its dropdown and sentence field per vignette id, in order."""
        children: list[widgets.Widget] = []
        self.dropdowns, self.reasons = {}, {}
        for number, vignette_id in enumerate(vignette_ids, start=1):
            vignette = self.vignettes.loc[vignette_id]
            children.append(
                widgets.HTML(
                    html(
                        "<section class='vakmanschap-vignette'><p><b>{}</b> <i>({})</i></p>"
                        "<p>{}</p></section>",
                        t("vignettes.label", number=number, name=vignette[localized("name")]),
                        t("vignettes.invented"),
                        vignette[localized("description")],
                    )
                )
            )
            dropdown = label(
                widgets.Dropdown(options=self.choices, value=""),
                t("vignettes.dropdown", number=number),
            )
            dropdown.layout.width = "100%"
            dropdown.observe(
                self.forward(lambda value, v=vignette_id: self._assign(v, value)), names="value"
            )
            reason = label(
                widgets.Text(
                    placeholder=t("vignettes.reason_placeholder", limit=MAX_REASON_LENGTH),
                    continuous_update=False,
                ),
                t("vignettes.reason", number=number),
            )
            reason.layout.width = "100%"
            reason.layout.margin = "0 0 1em 0"
            reason.observe(
                self.forward(lambda value, v=vignette_id: self.model.explain(v, value)),
                names="value",
            )
            self.dropdowns[vignette_id] = dropdown
            self.reasons[vignette_id] = reason
            children += [dropdown, reason]
        self.items.children = tuple(children)
        self._built = tuple(vignette_ids)

    # -- events --------------------------------------------------------------------------
    def check(self) -> Score:
        """Compare every chosen quadrant with our reading; show the feedback. Returns the
        score."""
        self._hint = ""
        return self.model.check()

    def _assign(self, vignette_id: str, quadrant_id: str) -> None:
        if self.model.state["checked"]:  # a changed answer: check again
            self._hint = "quiz.check_again"
        self.model.assign(vignette_id, quadrant_id or None)

    # -- rendering -----------------------------------------------------------------------
    def render(self) -> None:
        state = self.model.state
        if state["vignette_ids"] != self._built:  # a restored answer with other vignettes
            self._build(state["vignette_ids"])
        for vignette_id, dropdown in self.dropdowns.items():
            dropdown.value = state["answers"].get(vignette_id, "")
            self.reasons[vignette_id].value = state["reasons"].get(vignette_id, "")
        if not state["checked"]:
            self.feedback.value = status(t(self._hint)) if self._hint else ""
            return
        score = self.model.score()
        items = [self._item_html(number, item) for number, item in enumerate(score.feedback, 1)]
        self.feedback.value = verdict_html(score, items)

    def _item_html(self, number: int, item: Feedback) -> Markup:
        """One vignette's feedback: the verdict and the student's choice and sentence, then
        (only once a quadrant was chosen) our reading and the defensible other quadrant."""
        vignette = self.vignettes.loc[item.item]
        name = t("vignettes.label", number=number, name=vignette[localized("name")])
        values = item.values
        head = html("<p><b>{} {}</b>: {}</p>", MARKS.get(item.key, "–"), name, t(item.key))
        if values["chosen"] is None:
            return html("<li>{}</li>", head)
        quadrant = self.fw.name("quadrant", values["chosen"])
        yours = [html("<p>{}</p>", t("vignettes.your_choice", quadrant=quadrant))]
        if values["reason"]:
            yours.append(
                html("<p>{} <q>{}</q></p>", t("vignettes.your_sentence"), values["reason"])
            )
        else:
            yours.append(html("<p><i>{}</i></p>", t("vignettes.no_sentence")))
        ours = html(
            "<p><b>{}</b> {}</p>",
            t("vignettes.ours", quadrant=self.fw.name("quadrant", values["ours"])),
            vignette[localized("reasoning")],
        )
        other = ""
        if values["defensible"]:
            other = html(
                "<p><b>{}</b> {}</p>",
                t("vignettes.defensible", quadrant=self.fw.name("quadrant", values["defensible"])),
                vignette[localized("defensible_reasoning")],
            )
        return html("<li>{}{}{}{}</li>", head, join(yours), ours, other)
