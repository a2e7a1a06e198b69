"""The shape of every file in ``data/``: columns, kinds of value and references.

This is the single description of the data that the loader validates against and that
``data/README.md`` documents (a test keeps the two in step).
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Separator between the items of a list cell, e.g. ``klassiek; netwerk``.
LIST_SEPARATOR = ";"

#: Values accepted as yes / no in a ``bool`` column.
TRUE_WORDS = ("ja", "yes", "true", "1")
FALSE_WORDS = ("nee", "no", "false", "0")


@dataclass(frozen=True)
class Column:
    """One column of a data file.

    Parameters
    ----------
    name : str
        Header of the column.
    kind : str
        ``"id"`` (snake_case identifier), ``"text"``, ``"choice"`` (one of `choices`),
        ``"int"`` (whole number >= 0), ``"section"`` (like ``4.1``), ``"bool"``
        (ja/nee), ``"ids"`` or ``"texts"`` (a ``;``-separated list, a tuple per row).
    required : bool
        Whether an empty cell is an error.
    choices : tuple of str
        Allowed values for ``"choice"`` (and for each item of ``"ids"`` if `ref` is unset).
    ref : str, optional
        File stem whose key column every value (or list item) must appear in.
    doc : str
        One-line description, for ``data/README.md``.
    """

    name: str
    kind: str = "text"
    required: bool = True
    choices: tuple[str, ...] = ()
    ref: str | None = None
    doc: str = ""


@dataclass(frozen=True)
class Table:
    """One data file: ``data/<stem>.csv``, exposed as ``Framework.<attribute>``."""

    stem: str
    attribute: str
    key: str | None
    columns: tuple[Column, ...]
    doc: str = ""
    unique_together: tuple[str, ...] = field(default=())

    @property
    def filename(self) -> str:
        return f"{self.stem}.csv"

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def _bilingual(name: str, doc: str, required: bool = True, kind: str = "text") -> tuple:
    return (
        Column(f"{name}_nl", kind, required, doc=f"{doc} (Nederlands)"),
        Column(f"{name}_en", kind, required, doc=f"{doc} (English)"),
    )


TABLES: tuple[Table, ...] = (
    Table(
        "quadrants",
        "quadrants",
        "quadrant_id",
        (
            Column("quadrant_id", "id", doc="id of the professional practice"),
            Column(
                "professionalism",
                "choice",
                choices=("klassiek", "organisatie"),
                doc="'klassiek' (classic professional) or 'organisatie' (organisational)",
            ),
            Column("focus", "choice", choices=("extern", "intern"), doc="'extern' or 'intern'"),
            Column("section", "section", doc="section of the article that discusses it"),
            *_bilingual("name", "name of the quadrant"),
            *_bilingual("summary", "what connective professionalism means there, in one line"),
        ),
        doc="The four professional practices of Tabel 1 (sections 4.1-4.4).",
        unique_together=("professionalism", "focus"),
    ),
    Table(
        "roles",
        "roles",
        "role_id",
        (
            Column("role_id", "id", doc="id of the role"),
            *_bilingual("name", "name of the role (singular)"),
            *_bilingual("plural", "name of the role (plural, as in the article)"),
            *_bilingual("rationale", "why the article places it there (section-3 terms)"),
            # last, so that print(fw.roles) in a narrow terminal shows id and quadrant
            Column("quadrant_id", "id", ref="quadrants", doc="the quadrant Tabel 1 puts it in"),
        ),
        doc="The eight roles (functies) of Tabel 1.",
    ),
    Table(
        "steering_models",
        "steering_models",
        "model_id",
        (
            Column(
                "model_id",
                "choice",
                choices=("klassiek", "npm", "netwerk"),
                doc="'klassiek', 'npm' or 'netwerk'",
            ),
            *_bilingual("name", "name of the steering model"),
            Column("also_known_as", "texts", doc="the English terms the article adds"),
            *_bilingual("characteristics", "characteristics listed in section 2", kind="texts"),
            *_bilingual("asks", "what the model asks of civil servants", kind="texts"),
            *_bilingual("in_practice", "how section 5 sums it up", kind="texts"),
        ),
        doc=(
            "The three steering models of section 2 (the authors' summary, "
            "‘zie o.a. Stoker, 2006’)."
        ),
    ),
    Table(
        "dilemmas",
        "dilemmas",
        "dilemma_id",
        (
            Column("dilemma_id", "id", doc="id of the dilemma"),
            Column("quadrant_id", "id", ref="quadrants", doc="the quadrant it belongs to"),
            *_bilingual("name", "short name"),
            *_bilingual("pole_a", "first pole"),
            Column("pole_a_models", "ids", ref="steering_models", doc="model(s) behind pole a"),
            *_bilingual("pole_b", "second pole"),
            Column("pole_b_models", "ids", ref="steering_models", doc="model(s) behind pole b"),
            Column("models", "ids", ref="steering_models", doc="the models in tension"),
            Column(
                "reinforced_by",
                "ids",
                required=False,
                ref="steering_models",
                doc="a model that sharpens the tension, where the article says so",
            ),
            Column(
                "models_source",
                "choice",
                choices=("artikel", "afgeleid"),
                doc="'artikel' (the article names the models) or 'afgeleid' (inferred)",
            ),
            *_bilingual(
                "explanation",
                "the tension as the article explains it (for an 'afgeleid' dilemma, marked as our "
                "reading)",
            ),
            # per steering model: what the dilemma task (TensionQuiz) says about it
            *(
                column
                for model in ("klassiek", "npm", "netwerk")
                for column in (
                    Column(
                        f"{model}_status",
                        "choice",
                        choices=("artikel", "verdedigbaar", "niet"),
                        doc=(
                            f"is '{model}' at stake here? 'artikel' (the article says so: exactly "
                            "the models in `models` and `reinforced_by`; for an 'afgeleid' "
                            "dilemma our reading), 'verdedigbaar' (defensible) or 'niet'"
                        ),
                    ),
                    *_bilingual(
                        f"{model}_reading",
                        f"why the article does or does not see '{model}' here; for "
                        "'verdedigbaar' the argument for and against (article words in ‘ ’)",
                    ),
                    Column(
                        f"{model}_quote",
                        doc=f"a short quote from the article on '{model}' here, verbatim",
                    ),
                    Column(f"{model}_section", "section", doc="the section the quote is from"),
                )
            ),
        ),
        doc=(
            "Every dilemma of section 4, with, per steering model, what the dilemma task "
            "(TensionQuiz) tells a student who did or did not tick it."
        ),
    ),
    Table(
        "competencies",
        "competencies",
        "competency_id",
        (
            Column("competency_id", "id", doc="id of the competency"),
            Column("quadrant_id", "id", ref="quadrants", doc="the quadrant"),
            *_bilingual("name", "the competency"),
            Column(
                "kind",
                "choice",
                choices=("genoemd", "ontbreekt"),
                doc=(
                    "'genoemd' (named as needed) or 'ontbreekt' (the article says it is "
                    "(sometimes) lacking)"
                ),
            ),
            Column("role_ids", "ids", required=False, ref="roles", doc="roles it is tied to"),
            *_bilingual("note", "context from the article", required=False),
        ),
        doc=(
            "Per quadrant, the competencies the article names and those it says are "
            "(sometimes) lacking."
        ),
    ),
    Table(
        "quotes",
        "quotes",
        "quote_id",
        (
            Column("quote_id", "id", doc="id of the quote"),
            Column("quadrant_id", "id", ref="quadrants", doc="the section's quadrant"),
            Column("role_id", "id", required=False, ref="roles", doc="role, where given"),
            Column(
                "municipality_id",
                "id",
                required=False,
                ref="municipalities",
                doc="municipality type, where given",
            ),
            Column("text_nl", doc="the quote, verbatim (Nederlands)"),
            Column("text_en", doc="our translation (English)"),
            *_bilingual("context", "what the quote is about"),
            *_bilingual(
                "fit",
                "why it belongs with its quadrant's dilemmas (our explanation, shown after the "
                "quote exercise)",
            ),
        ),
        doc="Short interview quotes from section 4.",
    ),
    Table(
        "municipalities",
        "municipalities",
        "municipality_id",
        (
            Column(
                "municipality_id",
                "choice",
                choices=("grote_stad", "provinciestad", "dorp"),
                doc="'grote_stad', 'provinciestad' or 'dorp'",
            ),
            *_bilingual("name", "short name"),
            *_bilingual("description", "as the article describes it"),
            Column(
                "interviews",
                "int",
                doc="number of interviews held there (the article gives 26 in total and two extra "
                "in the village; the split per municipality is our arithmetic)",
            ),
            *_bilingual("interviews_note", "how that number comes about"),
        ),
        doc="The three municipalities of the research (section 3).",
    ),
    Table(
        "research_design",
        "research_design",
        "aspect",
        (
            Column("aspect", "id", doc="which aspect of the research design"),
            *_bilingual("value", "the article's answer"),
        ),
        doc="When and how the interviews were done (section 3).",
    ),
    Table(
        "recommendations",
        "recommendations",
        "recommendation_id",
        (
            Column("recommendation_id", "id", doc="id of the recommendation"),
            Column("order", "int", doc="order in the article"),
            *_bilingual("name", "short name"),
            *_bilingual("description", "the recommendation in one sentence"),
            *(
                column
                for level in (1, 3, 5)
                for column in _bilingual(
                    f"level_{level}",
                    f"the project's own anchor for a self-assessed {level}, a paraphrase of"
                    " the point (not from the article or 't Hart)",
                    required=False,
                )
            ),
            Column("source", doc="where it comes from"),
        ),
        doc=(
            "'t Hart's (2014) recommendations for new civil-service craftsmanship, in particular "
            "of public managers, as the article summarises them (section 2); the split into six "
            "points is ours."
        ),
    ),
    Table(
        "questions",
        "questions",
        "question_id",
        (
            Column("question_id", "id", doc="id of the question (used by Quiz and Reflection)"),
            Column("notebook", "section", doc="the notebook it belongs to, e.g. 01"),
            Column(
                "kind",
                "choice",
                choices=("keuze", "reflectie"),
                doc="'keuze' (multiple choice with feedback) or 'reflectie' (open question)",
            ),
            *_bilingual("question", "the question"),
            *_bilingual(
                "options", "the options of a 'keuze' question", required=False, kind="texts"
            ),
            Column(
                "answer",
                "int",
                required=False,
                doc="number of the right option (1 = first) of a 'keuze' question",
            ),
            *_bilingual(
                "feedback",
                "per option of a 'keuze' question, in the same order and separated by ; like "
                "the options: why it is right, or the misconception it stands for",
                required=False,
                kind="texts",
            ),
            *_bilingual("explanation", "feedback shown after answering", required=False),
            Column("source", required=False, doc="source outside the article, where used"),
        ),
        doc="The notebooks' questions: multiple choice with feedback, and reflection prompts.",
    ),
    Table(
        "references",
        "references",
        "reference_id",
        (
            Column("reference_id", "id", doc="id of the source"),
            Column("authors", doc="author(s) or organisation"),
            Column("year", doc="year of publication"),
            Column("title", required=False, doc="title, where the article gives it"),
            Column("published_in", required=False, doc="journal or publisher"),
            Column(
                "in_reference_list",
                "bool",
                doc="'ja' if in the article's literature list, 'nee' if only named in the text",
            ),
            Column("cited_in", "texts", doc="sections that cite it"),
            *_bilingual("note", "remark", required=False),
        ),
        doc="The literature list plus the sources named only in the text.",
    ),
    Table(
        "model_answers",
        "model_answers",
        "question_id",
        (
            Column(
                "question_id",
                "id",
                doc="a 'reflectie' question of questions.csv, or a discussion question's own id",
            ),
            Column(
                "kind",
                "choice",
                choices=("reflectie", "discussie"),
                doc="'reflectie' (a notebook's reflection) or 'discussie' (lecturer's guide)",
            ),
            *_bilingual(
                "question",
                "the discussion question; empty for 'reflectie' (questions.csv has it)",
                required=False,
            ),
            *_bilingual("model_answer", "the model answer"),
            *_bilingual("rubric_onvoldoende", "rubric, level 'onvoldoende' (insufficient)"),
            *_bilingual("rubric_voldoende", "rubric, level 'voldoende' (sufficient)"),
            *_bilingual("rubric_goed", "rubric, level 'goed' (good)"),
            *_bilingual("based_on", "the article's sections the answer rests on"),
            Column(
                "show_students",
                "bool",
                doc="'ja': students see answer and rubric after 'Lever in'; 'nee': lecturer only",
            ),
        ),
        doc=(
            "A model answer and a rubric with three levels for every reflection (notebooks) "
            "and every discussion question (docent-handleiding); our reading of the article. "
            "Students see a reflection's model answer and rubric only after pressing 'Lever "
            "in', and only where `show_students` is 'ja' in the data their notebooks load (the "
            "repository they open, e.g. in Binder); 'nee' keeps them for the lecturer. "
            "Discussion questions ('discussie') are shown only in the lecturer's guide."
        ),
    ),
    Table(
        "vignettes",
        "vignettes",
        "vignette_id",
        (
            Column("vignette_id", "id", doc="id of the vignette"),
            *_bilingual("name", "the role the vignette describes (not one of the article's)"),
            *_bilingual("description", "the vignette: a few sentences on the work (invented)"),
            Column("quadrant_id", "id", ref="quadrants", doc="the quadrant we would choose"),
            *_bilingual("reasoning", "why, in the terms of section 3 (professionalism and focus)"),
            Column(
                "defensible_quadrant_id",
                "id",
                required=False,
                ref="quadrants",
                doc="where the vignette is ambiguous: another quadrant that is defensible",
            ),
            *_bilingual(
                "defensible_reasoning",
                "the argument for that other quadrant (filled exactly when it is)",
                required=False,
            ),
        ),
        doc=(
            "Short descriptions of municipal roles the article does not discuss, invented by "
            "us, for the vignette exercise of notebook 03 (VignettePlacer): the student "
            "chooses a quadrant and writes one sentence why, then sees our reading. A new "
            "file: a lecturer's older copy of data/ needs it copied in."
        ),
    ),
)

TABLES_BY_STEM = {table.stem: table for table in TABLES}


def columns_markdown(table: Table) -> str:
    """Return the Markdown table documenting `table`'s columns (as in ``data/README.md``)."""
    lines = ["| column | kind | required | meaning |", "|---|---|---|---|"]
    for c in table.columns:
        kind = c.kind
        if c.choices:
            kind += f" ({', '.join(c.choices)})"
        if c.ref:
            kind += f" → `{c.ref}`"
        lines.append(f"| `{c.name}` | {kind} | {'yes' if c.required else 'optional'} | {c.doc} |")
    return "\n".join(lines)


def update_data_readme(path) -> None:
    """Rewrite the column tables of ``data/README.md`` from :data:`TABLES`.

    Everything before the first table section (the lecturer's guide) is kept. Run
    ``python -c "import vakmanschap.schema as s; s.update_data_readme('data/README.md')"``
    after changing the schema (``tests/test_environment.py`` fails until you do).
    """
    from pathlib import Path

    path = Path(path)
    text = path.read_text(encoding="utf-8")
    head = text.split("\n## `", 1)[0].rstrip("\n")
    sections = [
        f"## `{table.filename}` → `Framework.{table.attribute}`\n\n{table.doc}\n\n"
        f"{columns_markdown(table)}"
        for table in TABLES
    ]
    path.write_text(head + "\n\n" + "\n\n".join(sections) + "\n", encoding="utf-8")
