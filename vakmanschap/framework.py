"""Read and validate the article's framework from the CSV files in ``data/``.

The entry point is :func:`load_framework`. Validation collects *every* problem in every
file before raising one :class:`FrameworkDataError`, so a lecturer who edited a file sees
all that is wrong at once, each problem with file, row (as a spreadsheet numbers it: the
header is row 1), column and what is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from .datafiles import (
    _check_dilemmas,
    _check_keys,
    _check_questions,
    _check_references,
    _check_unique_together,
    _read_table,
    _where,
)
from .i18n import localized, t
from .schema import TABLES, TABLES_BY_STEM, Table

if TYPE_CHECKING:  # pandas is imported lazily, on the first load
    import pandas as pd

_CACHE: dict[tuple, Framework] = {}


class FrameworkDataError(ValueError):
    """The data files are missing, malformed or inconsistent.

    Attributes
    ----------
    problems : list of str
        One line per problem, each naming file, row, column and what is wrong.
    path : pathlib.Path
        The data folder that was read.
    """

    def __init__(self, path: Path, problems: list[str]):
        self.path = path
        self.problems = list(problems)
        header = t("err.header", path=path, count=len(self.problems))
        super().__init__("\n".join([header, *(f"  - {p}" for p in self.problems)]))


def default_data_path() -> Path:
    """Return the folder holding the shipped data files.

    In an installed package the files live in ``vakmanschap/data``; in a source checkout
    they are the repository's ``data/`` folder next to the package.
    """
    here = Path(__file__).resolve().parent
    installed = here / "data"
    return installed if (installed / "roles.csv").exists() else here.parent / "data"


# --------------------------------------------------------------------------------------
# The Framework
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Framework:
    """The article's framework: one pandas DataFrame per data file, plus lookups.

    Treat the DataFrames as read-only: :func:`load_framework` caches and shares them.

    Attributes
    ----------
    quadrants, roles, steering_models, dilemmas, competencies, quotes, municipalities, \
research_design, recommendations, questions, references, model_answers, vignettes : \
pandas.DataFrame
        One row per CSV row, columns as documented in ``data/README.md``. List cells
        (such as ``dilemmas.models``) are tuples of str; ``interviews`` and ``order`` are
        integers; ``references.in_reference_list`` and ``model_answers.show_students`` are
        bool.
    path : pathlib.Path
        The folder the data was read from.
    """

    path: Path
    quadrants: pd.DataFrame
    roles: pd.DataFrame
    steering_models: pd.DataFrame
    dilemmas: pd.DataFrame
    competencies: pd.DataFrame
    quotes: pd.DataFrame
    municipalities: pd.DataFrame
    research_design: pd.DataFrame
    recommendations: pd.DataFrame
    questions: pd.DataFrame
    references: pd.DataFrame
    model_answers: pd.DataFrame
    vignettes: pd.DataFrame

    def __post_init__(self) -> None:
        # plain-dict lookups, so per-answer checks (thousands of files) avoid pandas
        object.__setattr__(self, "_lookup_cache", {})

    _KINDS: ClassVar[dict[str, tuple[str, str]]] = {
        "role": ("roles", "role_id"),
        "quadrant": ("quadrants", "quadrant_id"),
        "model": ("steering_models", "model_id"),
        "dilemma": ("dilemmas", "dilemma_id"),
        "recommendation": ("recommendations", "recommendation_id"),
        "question": ("questions", "question_id"),
        "municipality": ("municipalities", "municipality_id"),
        "model_answer": ("model_answers", "question_id"),
        "vignette": ("vignettes", "vignette_id"),
    }

    def lookup(self, kind: str, column: str) -> dict[str, Any]:
        """``{id: value of column}`` for every item of `kind` (``"question"``, ``"role"``
        ...), cached."""
        key = (kind, column)
        cache: dict = self.__dict__["_lookup_cache"]
        if key not in cache:
            attribute, id_column = self._KINDS[kind]
            frame = getattr(self, attribute)
            cache[key] = dict(zip(frame[id_column], frame[column], strict=True))
        return cache[key]

    def ids(self, kind: str) -> tuple[str, ...]:
        """Return the ids of one kind in file order.

        Parameters
        ----------
        kind : str
            One of ``role``, ``quadrant``, ``model``, ``dilemma``, ``recommendation``,
            ``question``, ``municipality``, ``model_answer``, ``vignette``.
        """
        return tuple(self.lookup(kind, self._KINDS[kind][1]))

    def __repr__(self) -> str:
        sizes = ", ".join(
            f"{len(getattr(self, table.attribute))} {table.attribute}" for table in TABLES
        )
        return f"Framework(path={str(self.path)!r}: {sizes})"

    def _row(self, frame: pd.DataFrame, key: str, value: str, kind: str) -> pd.Series:
        match = frame.loc[frame[key] == value]
        if match.empty:
            known = ", ".join(frame[key])
            raise KeyError(t("err.unknown_id", kind=t(f"kind.{kind}"), value=value, known=known))
        return match.iloc[0]

    def quadrant(self, quadrant_id: str) -> pd.Series:
        """Return the row of `quadrant_id` from :attr:`quadrants`.

        Raises
        ------
        KeyError
            If there is no such quadrant; the message lists the known ids.
        """
        return self._row(self.quadrants, "quadrant_id", quadrant_id, "quadrant")

    def role(self, role_id: str) -> pd.Series:
        """Return the row of `role_id` from :attr:`roles` (``KeyError`` if unknown)."""
        return self._row(self.roles, "role_id", role_id, "role")

    def model(self, model_id: str) -> pd.Series:
        """Return the row of `model_id` from :attr:`steering_models` (``KeyError`` if unknown)."""
        return self._row(self.steering_models, "model_id", model_id, "model")

    def dilemma(self, dilemma_id: str) -> pd.Series:
        """Return the row of `dilemma_id` from :attr:`dilemmas` (``KeyError`` if unknown)."""
        return self._row(self.dilemmas, "dilemma_id", dilemma_id, "dilemma")

    def model_answer(self, question_id: str) -> pd.Series:
        """Return the model answer and rubric of a reflection or discussion question (a row
        of :attr:`model_answers`; ``KeyError`` listing the known ids if there is none)."""
        return self._row(self.model_answers, "question_id", question_id, "model_answer")

    def vignette(self, vignette_id: str) -> pd.Series:
        """Return the row of `vignette_id` from :attr:`vignettes` (``KeyError`` listing the
        known ids if unknown)."""
        return self._row(self.vignettes, "vignette_id", vignette_id, "vignette")

    def quadrant_of(self, role_id: str) -> str:
        """Return the id of the quadrant Tabel 1 places `role_id` in.

        Examples
        --------
        >>> load_framework().quadrant_of("controller")
        'klassiek_intern'
        """
        found = self.lookup("role", "quadrant_id").get(role_id)
        if found is None:
            self.role(role_id)  # raises the KeyError that lists the known ids
        return str(found)

    def quadrant_at(self, professionalism: str, focus: str) -> str:
        """Return the id of the quadrant with this `professionalism` and `focus`."""
        cells = self.__dict__["_lookup_cache"].get("cells")
        if cells is None:  # {(professionalism, focus): quadrant_id}, built once
            sides = zip(self.quadrants["professionalism"], self.quadrants["focus"], strict=True)
            cells = dict(zip(sides, self.quadrants["quadrant_id"], strict=True))
            self.__dict__["_lookup_cache"]["cells"] = cells
        found = cells.get((professionalism, focus))
        if found is None:
            value = f"{professionalism}/{focus}"
            known = ", ".join(f"{p}/{f}" for p, f in cells)
            raise KeyError(t("err.unknown_id", kind=t("kind.quadrant"), value=value, known=known))
        return str(found)

    def _in(self, frame: pd.DataFrame, quadrant_id: str) -> pd.DataFrame:
        self.quadrant(quadrant_id)  # raises a clear KeyError for an unknown id
        return frame.loc[frame["quadrant_id"] == quadrant_id].reset_index(drop=True)

    def roles_in(self, quadrant_id: str) -> pd.DataFrame:
        """Return the roles of `quadrant_id` (rows of :attr:`roles`)."""
        return self._in(self.roles, quadrant_id)

    def dilemmas_in(self, quadrant_id: str) -> pd.DataFrame:
        """Return the dilemmas of `quadrant_id` (rows of :attr:`dilemmas`)."""
        return self._in(self.dilemmas, quadrant_id)

    def competencies_in(self, quadrant_id: str, kind: str | None = None) -> pd.DataFrame:
        """Return the competencies of `quadrant_id`, optionally only ``kind`` ('genoemd'
        or 'ontbreekt')."""
        frame = self._in(self.competencies, quadrant_id)
        return frame if kind is None else frame.loc[frame["kind"] == kind].reset_index(drop=True)

    def quotes_in(self, quadrant_id: str) -> pd.DataFrame:
        """Return the interview quotes of `quadrant_id` (rows of :attr:`quotes`)."""
        return self._in(self.quotes, quadrant_id)

    def name(self, kind: str, item_id: str) -> str:
        """Return the display name of a role, quadrant, model or dilemma in the current
        language.

        Parameters
        ----------
        kind : {"role", "quadrant", "model", "dilemma"}
        item_id : str
        """
        found = self.lookup(kind, localized("name")).get(item_id)
        if found is None:
            lookup = {
                "role": self.role,
                "quadrant": self.quadrant,
                "model": self.model,
                "dilemma": self.dilemma,
            }[kind]
            lookup(item_id)  # raises the KeyError that lists the known ids
        return str(found)


def _check_model_answers(
    records: list[dict], header_index: dict, questions: list[dict], problems: list[str]
) -> None:
    """A 'reflectie' row answers a reflection of questions.csv and leaves the question empty
    (questions.csv holds it); a 'discussie' row has its own id and the question in both
    languages."""
    table = TABLES_BY_STEM["model_answers"]
    kinds = {q["question_id"]: q["kind"] for q in questions}
    reflections = ", ".join(q for q, kind in kinds.items() if kind == "reflectie")

    def where(record: dict, column: str) -> dict:
        return _where(table, record["_row"], header_index[column], column)

    for record in records:
        question_id, kind = record["question_id"], record["kind"]
        if not question_id or kind not in ("reflectie", "discussie"):  # already reported
            continue
        if kind == "reflectie":
            if kinds.get(question_id) != "reflectie":
                problems.append(
                    t(
                        "err.model_answer_not_reflection",
                        value=question_id,
                        known=reflections,
                        **where(record, "question_id"),
                    )
                )
            for column in ("question_nl", "question_en"):
                if record[column]:
                    problems.append(t("err.model_answer_has_question", **where(record, column)))
        else:
            if question_id in kinds:
                problems.append(
                    t(
                        "err.model_answer_id_taken",
                        value=question_id,
                        **where(record, "question_id"),
                    )
                )
            for column in ("question_nl", "question_en"):
                if not record[column]:
                    problems.append(t("err.empty_cell", **where(record, column)))


def _check_vignettes(records: list[dict], header_index: dict, problems: list[str]) -> None:
    """A vignette's defensible quadrant differs from ours and comes with its argument in both
    languages: the three columns are filled together or left empty together."""
    table = TABLES_BY_STEM["vignettes"]
    together = ("defensible_quadrant_id", "defensible_reasoning_nl", "defensible_reasoning_en")
    for record in records:
        ours, other = record["quadrant_id"], record["defensible_quadrant_id"]
        if other and other == ours:
            where = _where(table, record["_row"], header_index[together[0]], together[0])
            problems.append(t("err.vignette_same_quadrant", value=other, **where))
        if any(record[column] for column in together):
            for column in together:
                if not record[column]:
                    where = _where(table, record["_row"], header_index[column], column)
                    problems.append(t("err.vignette_defensible_incomplete", **where))


def _frame(table: Table, records: list[dict]) -> pd.DataFrame:
    import pandas as pd

    frame = pd.DataFrame.from_records(
        [{name: r[name] for name in table.column_names} for r in records],
        columns=table.column_names,
    )
    for column in table.columns:
        if column.kind == "int":
            frame[column.name] = frame[column.name].astype("int64")
        elif column.kind == "bool":
            frame[column.name] = frame[column.name].astype(bool)
    return frame


def _signature(folder: Path) -> tuple:
    """What the cache key depends on: each file's size and modification time."""
    parts: list[tuple] = []
    for table in TABLES:
        try:
            stat = (folder / table.filename).stat()
            parts.append((table.stem, stat.st_mtime_ns, stat.st_size))
        except OSError:
            parts.append((table.stem, None, None))
    return tuple(parts)


def load_framework(path: str | Path | None = None) -> Framework:
    """Read and validate the framework's CSV files.

    Parameters
    ----------
    path : str or pathlib.Path, optional
        A folder with the thirteen CSV files (for example a lecturer's edited copy of
        ``data/``). Default: the data shipped with the package.

    Returns
    -------
    Framework
        The validated tables. The result is cached per folder and reused until one of
        its files changes (size or modification time).

    Raises
    ------
    FrameworkDataError
        If anything is wrong; the message lists every problem found in every file, each
        with file, row, column and what is wrong.

    Examples
    --------
    >>> import vakmanschap as vk
    >>> fw = vk.load_framework()
    >>> fw.roles_in("organisatie_extern")["role_id"].tolist()
    ['reactiveringsambtenaar', 'boa']
    """
    folder = Path(path).expanduser().resolve() if path is not None else default_data_path()
    if not folder.is_dir():
        raise FrameworkDataError(folder, [t("err.not_a_folder", path=folder)])
    key = (str(folder), _signature(folder))
    cached = _CACHE.get(key)
    if cached is not None:
        return cached

    problems: list[str] = []
    tables: dict[str, list[dict]] = {}
    headers: dict[str, dict[str, int]] = {}
    for table in TABLES:
        read = _read_table(folder, table, problems)
        if read is None:
            continue
        records, headers[table.stem] = read
        tables[table.stem] = records
        _check_keys(table, records, headers[table.stem], problems)
        _check_unique_together(table, records, headers[table.stem], problems)
    _check_references(tables, headers, problems)
    if "dilemmas" in tables:
        _check_dilemmas(tables["dilemmas"], headers["dilemmas"], problems)
    if "questions" in tables:
        _check_questions(tables["questions"], headers["questions"], problems)
        if "model_answers" in tables:
            _check_model_answers(
                tables["model_answers"], headers["model_answers"], tables["questions"], problems
            )
    if "vignettes" in tables:
        _check_vignettes(tables["vignettes"], headers["vignettes"], problems)
    if problems:
        raise FrameworkDataError(folder, problems)

    frames = {TABLES_BY_STEM[s].attribute: _frame(TABLES_BY_STEM[s], r) for s, r in tables.items()}
    framework = Framework(path=folder, **frames)
    if len(_CACHE) >= 16:  # a lecturer trying many edited copies: keep memory bounded
        _CACHE.clear()
    _CACHE[key] = framework
    return framework
