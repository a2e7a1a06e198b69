"""Attributing interview quotes to the quadrant of Tabel 1 they come from (the
``QuoteAttribution`` exercise).

The quotes are rows of ``data/quotes.csv``, shown without their role, municipality or
section; the student chooses a quadrant per quote. The article's quadrant is the quote's
``quadrant_id`` (the section it appears in); after checking, each quote's feedback names
the role and municipality type as far as the article gives them (``role_id``,
``municipality_id``, ``context``) and why it fits that quadrant's dilemmas (``fit``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..framework import Framework
from ..i18n import t
from .base import (
    Exercise,
    Feedback,
    Row,
    Score,
    StateError,
    assign_quadrant,
    register,
    short,
)

#: The quotes of notebook 08, two per quadrant, in an order that does not give the quadrants
#: away. Among them the quotes that are easy to misplace on their words alone: a strategist
#: who speaks of "buiten", and someone in the grote stad (§4.3; the article does not say
#: which role) who needs to know the law in detail.
DEFAULT_QUOTES = (
    "meer_op_buiten",
    "jullie_weten_het_beter",
    "minder_ambtenaar",
    "cijfers_betekenis",
    "gaat_nu_toch_goed",
    "drank_en_horecawet",
    "van_bovenaf_bedacht",
    "doelstellingen_middelen",
)


def article_quadrants(fw: Framework) -> dict[str, str]:
    """``{quote id: the quadrant of the section the article quotes it in}``."""
    return dict(zip(fw.quotes["quote_id"], fw.quotes["quadrant_id"], strict=True))


@register
class QuoteAssignment(Exercise):
    """Give each quote a quadrant.

    State: ``quote_ids`` (the quotes of this exercise, in the order shown), ``answers``
    (quote id -> the chosen quadrant id; a quote without an answer is left out) and
    ``checked``.

    Parameters
    ----------
    fw : Framework, optional
    quote_ids : sequence of str, optional
        Ids from ``quotes.csv``; default :data:`DEFAULT_QUOTES` (those the data still has).
    """

    kind = "QuoteAttribution"

    def __init__(self, fw: Framework | None = None, quote_ids: tuple[str, ...] | None = None):
        self._quote_ids = None if quote_ids is None else tuple(quote_ids)
        super().__init__(fw)

    def initial(self) -> dict:
        known = article_quadrants(self.fw)
        if self._quote_ids is None:
            quote_ids = tuple(q for q in DEFAULT_QUOTES if q in known)
        else:
            quote_ids = self._quote_ids
            for quote_id in quote_ids:
                if quote_id not in known:
                    raise KeyError(
                        t(
                            "err.unknown_id",
                            kind=t("kind.quote"),
                            value=quote_id,
                            known=", ".join(known),
                        )
                    )
        return {"quote_ids": quote_ids, "answers": {}, "checked": False}

    # -- what the student does ---------------------------------------------------------
    def assign(self, quote_id: str, quadrant_id: str | None) -> None:
        """Put `quote_id` in `quadrant_id` (None: no answer); a changed answer must be
        checked again."""
        if quote_id not in self.state["quote_ids"]:
            raise KeyError(t("state.unknown_id", field="answers", value=short(quote_id)))
        assign_quadrant(self, quote_id, quadrant_id)

    def check(self) -> Score:
        """Compare every answer with the article."""
        self.state["checked"] = True
        self.changed()
        return self.score()

    # -- the rule ------------------------------------------------------------------------
    @classmethod
    def score_state(cls, clean: dict, fw: Framework) -> Score:
        """One point per quote in the article's quadrant. Per quote a :class:`Feedback`
        (``quotes.right``, ``quotes.wrong`` or ``quotes.unanswered``) with the values
        ``chosen`` (a quadrant id or None) and ``article`` (the article's quadrant id)."""
        article = article_quadrants(fw)
        items = []
        for quote_id in clean["quote_ids"]:
            chosen = clean["answers"].get(quote_id)
            if chosen is None:
                key = "quotes.unanswered"
            else:
                key = "quotes.right" if chosen == article[quote_id] else "quotes.wrong"
            items.append(Feedback(quote_id, key, {"chosen": chosen, "article": article[quote_id]}))
        points = sum(item.key == "quotes.right" for item in items)
        return Score(points, len(items), "quotes.verdict", tuple(items))

    @classmethod
    def rows_of(cls, clean: dict, fw: Framework) -> Iterator[Row]:
        """Per quote (item: the quote id) the chosen quadrant (``choice``) and, once
        checked, ``correct``."""
        article = article_quadrants(fw)
        for quote_id in clean["quote_ids"]:
            chosen = clean["answers"].get(quote_id)
            if chosen is not None:
                yield quote_id, "choice", chosen
            if clean["checked"]:
                yield quote_id, "correct", chosen == article[quote_id]

    # -- the saved state -------------------------------------------------------------------
    @classmethod
    def sample(cls, fw: Framework) -> dict:
        article = article_quadrants(fw)
        quote_ids = [q for q in DEFAULT_QUOTES if q in article]
        first, second = quote_ids[:2]
        wrong = next(q for q in fw.ids("quadrant") if q != article[second])
        return {
            "widget": cls.kind,
            "version": cls.version,
            "quote_ids": quote_ids,
            "answers": {first: article[first], second: wrong},
            "checked": True,
        }

    @classmethod
    def dump(cls, clean: dict) -> dict:
        return {
            "quote_ids": list(clean["quote_ids"]),
            "answers": {
                q: clean["answers"][q] for q in clean["quote_ids"] if q in clean["answers"]
            },
            "checked": clean["checked"],
        }

    @classmethod
    def _validate(cls, fw: Framework, state: Mapping, ident: str | None) -> dict:
        known = article_quadrants(fw)
        quote_ids = cls.id_list(state, "quote_ids", known)
        raw = cls.require(state, "answers", Mapping)
        for quote_id in raw:
            if quote_id not in quote_ids:
                raise StateError(
                    t("state.unknown_id", field=cls.field("answers"), value=short(quote_id))
                )
        answers = cls.quadrant_answers(fw, raw.items())
        return {
            "quote_ids": tuple(quote_ids),
            "answers": answers,
            "checked": cls.flag(state, "checked"),
        }
