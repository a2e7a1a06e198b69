"""Weighing the three steering models for a role, a dilemma or one's own case (the
``TensionTriangle`` exercise)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import pandas as pd

from ..framework import Framework
from ..geometry import MODEL_IDS, normalise_weights
from ..i18n import t
from ..markup import repair_text
from .base import MAX_NAME_LENGTH, Exercise, Feedback, Row, Score, StateError, register, short

#: The subject key of the student's own case.
CASE_KEY = "case:eigen"


def subject_keys(fw: Framework) -> list[str]:
    """Every subject that can be weighed: ``role:<id>``, ``dilemma:<id>`` and the own case."""
    return [
        *(f"role:{role_id}" for role_id in fw.ids("role")),
        *(f"dilemma:{dilemma_id}" for dilemma_id in fw.ids("dilemma")),
        CASE_KEY,
    ]


def article_dilemmas(fw: Framework, subject: str) -> list[str]:
    """The dilemmas the article gives for `subject`: a role's are those of its quadrant,
    a dilemma is its own; the own case has none."""
    kind, _, item_id = subject.partition(":")
    if kind == "role":
        return fw.dilemmas_in(fw.quadrant_of(item_id))["dilemma_id"].tolist()
    if kind == "dilemma":
        return [item_id]
    return []


@register
class TensionWeights(Exercise):
    """Three weights (0-100) per subject; the point on the triangle is their shares.

    State: ``weights`` (``{subject: {model_id: int}}``, only weighed subjects),
    ``selected`` (the subject the controls show), ``case_name`` and ``show_article``.
    """

    kind = "TensionTriangle"

    def __init__(
        self, fw: Framework | None = None, subject: str | None = None, case_name: str = ""
    ):
        super().__init__(fw)
        if subject is not None:
            if subject not in subject_keys(self.fw):
                raise KeyError(t("state.unknown_id", field="subject", value=short(subject)))
            self.state["selected"] = subject
        self.state["case_name"] = str(case_name)[:MAX_NAME_LENGTH]

    def initial(self) -> dict:
        return {
            "weights": {},
            "selected": subject_keys(self.fw)[0],
            "case_name": "",
            "show_article": False,
        }

    # -- actions ---------------------------------------------------------------------------
    def select(self, subject: str) -> None:
        """Show `subject` in the controls."""
        if subject not in subject_keys(self.fw):
            raise KeyError(t("state.unknown_id", field="subject", value=short(subject)))
        self.state["selected"] = subject
        self.changed()

    def set_weights(
        self, klassiek: float, npm: float, netwerk: float, subject: str | None = None
    ) -> None:
        """Set the three weights (0-100) of `subject` (default: the selected one).

        All zero clears the subject's weighing. Out-of-range values raise a
        ``ValueError`` naming the model; nothing changes then.
        """
        values = {"klassiek": klassiek, "npm": npm, "netwerk": netwerk}
        clean = {m: round(self.number(v, f"weights.{m}", 0, 100)) for m, v in values.items()}
        if subject is not None:
            if subject not in subject_keys(self.fw):
                raise KeyError(t("state.unknown_id", field="subject", value=short(subject)))
            self.state["selected"] = subject
        key = self.state["selected"]
        if sum(clean.values()) == 0:
            self.state["weights"].pop(key, None)
        else:
            self.state["weights"][key] = clean
        self.changed()

    def set_case_name(self, name: str) -> None:
        """Name the own case (cut to the longest name allowed)."""
        self.state["case_name"] = repair_text(str(name))[:MAX_NAME_LENGTH]
        self.changed()

    def show_article(self, show: bool) -> None:
        """Show or hide the article's reading (the dilemma edges) for the subject."""
        self.state["show_article"] = bool(show)
        self.changed()

    # -- reading -------------------------------------------------------------------------------
    def label(self, subject: str) -> str:
        """The name of `subject` in the current language (the case: its own name)."""
        kind, _, item_id = subject.partition(":")
        if kind == "case":
            return self.state["case_name"].strip() or t("tri.option_case")
        return self.fw.name(kind, item_id)

    def weights(self) -> pd.DataFrame:
        """One row per weighed subject: ``subject``, ``label``, the raw weights
        (``klassiek``, ``npm``, ``netwerk``, 0-100) and the shares (``*_share``, sum 1)."""
        rows = []
        for key, raw in self.state["weights"].items():
            shares = normalise_weights(raw)
            rows.append(
                {
                    "subject": key,
                    "label": self.label(key),
                    **raw,
                    **{f"{m}_share": shares[m] for m in MODEL_IDS},
                }
            )
        columns = ["subject", "label", *MODEL_IDS, *(f"{m}_share" for m in MODEL_IDS)]
        return pd.DataFrame(rows, columns=columns)

    # -- rules -------------------------------------------------------------------------------------
    @classmethod
    def score_state(cls, clean: dict, fw: Framework) -> Score:
        """Ungraded: the article gives no weights. Per weighed subject, the dilemmas the
        article names for it (``tri.article_reading``) or that it names none."""
        items = []
        for subject in clean["weights"]:
            dilemmas = article_dilemmas(fw, subject)
            key = "tri.article_reading" if dilemmas else "tri.no_article_reading"
            items.append(Feedback(subject, key, {"dilemmas": dilemmas}))
        return Score(feedback=tuple(items))

    @classmethod
    def rows_of(cls, clean: dict, fw: Framework) -> Iterator[Row]:
        for subject, weights in clean["weights"].items():
            for model_id, share in normalise_weights(weights).items():
                yield subject, model_id, share
        if clean["case_name"]:
            yield CASE_KEY, "name", clean["case_name"]

    @classmethod
    def sample(cls, fw: Framework) -> dict:
        role, dilemma = subject_keys(fw)[0], f"dilemma:{fw.ids('dilemma')[0]}"
        return {
            "widget": cls.kind,
            "version": cls.version,
            "selected": CASE_KEY,
            "case_name": "De speeltuin",
            "show_article": True,
            "weights": {
                role: {"klassiek": 60, "npm": 20, "netwerk": 20},
                dilemma: {"klassiek": 50, "npm": 0, "netwerk": 50},
                CASE_KEY: {"klassiek": 10, "npm": 30, "netwerk": 60},
            },
        }

    @classmethod
    def dump(cls, clean: dict) -> dict:
        return {
            "selected": clean["selected"],
            "case_name": clean["case_name"],
            "show_article": clean["show_article"],
            "weights": {key: dict(values) for key, values in clean["weights"].items()},
        }

    @classmethod
    def _validate(cls, fw: Framework, state: Mapping, ident: str | None) -> dict:
        keys = subject_keys(fw)
        weights = cls.require(state, "weights", Mapping)
        clean: dict[str, dict[str, int]] = {}
        for key, values in weights.items():
            if key not in keys:
                raise StateError(
                    t("state.unknown_id", field=cls.field("weights"), value=short(key))
                )
            path = f"weights[{key!r}]"
            if not isinstance(values, Mapping):
                raise StateError(t("state.bad_type", field=cls.field(path), value=short(values)))
            clean[key] = {}
            for model_id in MODEL_IDS:
                value = cls.require(values, model_id, (int, float), f"{path}.{model_id}")
                clean[key][model_id] = round(cls.number(value, f"{path}.{model_id}", 0, 100))
            if sum(clean[key].values()) == 0:
                raise StateError(t("state.all_zero", field=cls.field(path)))
        selected = state.get("selected")
        if selected is not None and (not isinstance(selected, str) or selected not in keys):
            raise StateError(
                t("state.unknown_id", field=cls.field("selected"), value=short(selected))
            )
        case_name = state.get("case_name", "")
        if not isinstance(case_name, str):
            raise StateError(
                t("state.bad_type", field=cls.field("case_name"), value=short(case_name))
            )
        if len(case_name) > MAX_NAME_LENGTH:
            raise StateError(
                t("state.too_long", field=cls.field("case_name"), limit=MAX_NAME_LENGTH)
            )
        return {
            "weights": clean,
            "selected": selected or keys[0],
            "case_name": case_name,
            "show_article": cls.flag(state, "show_article"),
        }
