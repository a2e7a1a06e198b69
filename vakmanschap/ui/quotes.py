"""QuoteAttribution: give each interview quote the quadrant of Tabel 1 it comes from."""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets

from ..exercises import Feedback, QuoteAssignment, Score
from ..framework import Framework
from ..i18n import get_language, localized, t
from ..markup import Markup, html, join
from .base import ExerciseWidget, check_button, feedback_box, label, status, verdict_html


class QuoteAttribution(ExerciseWidget):
    """Quotes from the interviews without their source, each with a dropdown of the four
    quadrants, and a "Controleer" button. After checking, every quote shows whether it is
    in the article's quadrant, who says it as far as the article tells, and why it fits
    that quadrant's dilemmas.

    Every control works by keyboard: Tab to a dropdown, the arrow keys to choose, Tab to
    "Controleer" and Enter.

    Parameters
    ----------
    fw : Framework, optional
    quote_ids : sequence of str, optional
        Quotes of ``data/quotes.csv`` (default: the exercise's selection, two per quadrant).
    """

    model_class = QuoteAssignment
    model: QuoteAssignment

    def __init__(self, fw: Framework | None = None, quote_ids: Sequence[str] | None = None):
        model = QuoteAssignment(fw, None if quote_ids is None else tuple(quote_ids))
        fw = model.fw
        self.quotes = fw.quotes.set_index("quote_id")
        name = localized("name")
        plural = localized("plural")
        self.choices = [(t("quotes.choose"), "")] + [
            (
                f"§{q['section']} {q[name]} ({', '.join(fw.roles_in(q['quadrant_id'])[plural])})",
                q["quadrant_id"],
            )
            for _, q in fw.quadrants.sort_values("section").iterrows()
        ]
        self.dropdowns: dict[str, widgets.Dropdown] = {}
        self.items = widgets.VBox()
        self._built: tuple[str, ...] = ()
        self._build(fw, model.state["quote_ids"])
        self.check_button = check_button(t("quiz.check"), self.check)
        self.feedback = feedback_box()
        self._hint = ""  # a message key shown while the answer is not checked
        super().__init__(
            model,
            [
                widgets.HTML(html("<p>{}</p>", t("quotes.question"))),
                self.items,
                self.check_button,
                self.feedback,
            ],
            "vakmanschap-quoteattribution",
        )

    def _build(self, fw: Framework, quote_ids: tuple[str, ...]) -> None:
        """One quote and its dropdown per quote id, in order."""
        children: list[widgets.Widget] = []
        self.dropdowns = {}
        for number, quote_id in enumerate(quote_ids, start=1):
            quote = self.quotes.loc[quote_id]
            translation = (
                html("<br><small>{}</small>", t("quotes.translation", text=quote["text_en"]))
                if get_language() == "en"
                else ""
            )
            children.append(
                widgets.HTML(
                    html(
                        "<figure class='vakmanschap-quote'><figcaption><b>{}</b></figcaption>"
                        "<blockquote lang='nl'>‘{}’{}</blockquote></figure>",
                        t("quotes.label", number=number),
                        quote["text_nl"],
                        translation,
                    )
                )
            )
            dropdown = label(
                widgets.Dropdown(options=self.choices, value=""),
                t("quotes.dropdown", number=number),
            )
            dropdown.layout.width = "100%"
            dropdown.observe(
                self.forward(lambda value, q=quote_id: self._assign(q, value)), names="value"
            )
            self.dropdowns[quote_id] = dropdown
            children.append(dropdown)
        self.items.children = tuple(children)
        self._built = tuple(quote_ids)

    # -- events --------------------------------------------------------------------------
    def check(self) -> Score:
        """Compare every answer with the article; show the feedback. Returns the score."""
        self._hint = ""
        return self.model.check()

    def _assign(self, quote_id: str, quadrant_id: str) -> None:
        if self.model.state["checked"]:  # a changed answer: check again
            self._hint = "quiz.check_again"
        self.model.assign(quote_id, quadrant_id or None)

    # -- rendering -----------------------------------------------------------------------
    def render(self) -> None:
        state = self.model.state
        if state["quote_ids"] != self._built:  # a restored answer with other quotes
            self._build(self.fw, state["quote_ids"])
        for quote_id, dropdown in self.dropdowns.items():
            dropdown.value = state["answers"].get(quote_id, "")
        if not state["checked"]:
            self.feedback.value = status(t(self._hint)) if self._hint else ""
            return
        score = self.model.score()
        items = [self._quote_html(number, item) for number, item in enumerate(score.feedback, 1)]
        self.feedback.value = verdict_html(score, items)

    def _quote_html(self, number: int, item: Feedback) -> Markup:
        """One quote's feedback: right or wrong, the article's quadrant, the source as far
        as the article gives it, and why it fits there."""
        quote = self.quotes.loc[item.item]
        fw = self.fw
        chosen, article = item.values["chosen"], item.values["article"]
        mark = "✔" if item.key == "quotes.right" else "✘"
        who = [fw.name("role", quote["role_id"])] if quote["role_id"] else []
        if quote["municipality_id"]:
            municipality = fw.lookup("municipality", localized("name"))[quote["municipality_id"]]
            who.append(t("explorer.interview_in", municipality=municipality))
        parts = [
            html(
                "<b>{} {}</b> ‘{}’: {}",
                mark,
                t("quotes.label", number=number),
                _short(quote["text_nl"]),
                t(item.key),
            ),
        ]
        if chosen is not None and item.key == "quotes.wrong":
            parts.append(html(" {}", t("quotes.your_choice", quadrant=fw.name("quadrant", chosen))))
        section = fw.quadrant(article)["section"]
        parts.append(
            html(" {}", t("quotes.article", section=section, quadrant=fw.name("quadrant", article)))
        )
        source = t(
            "quotes.who",
            who=", ".join(who) or t("quotes.not_named"),
            context=quote[localized("context")],
        )
        return html(
            "<li><p>{}</p><p>{}</p><p><i>{}</i> {}</p></li>",
            join(parts),
            source,
            t("quotes.why"),
            quote[localized("fit")],
        )


def _short(text: str, words: int = 8) -> str:
    """The first `words` words of a quote, with "…" when cut."""
    parts = text.split()
    return text if len(parts) <= words else " ".join(parts[:words]) + " …"
