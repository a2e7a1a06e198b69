"""Student answers as plain JSON files: keep, save, resume, hand in, and collect a class.

- :mod:`.fileformat`: one answer file, its format and every check on reading it.
- :mod:`.store`: the student's own file (:class:`AnswerStore`), written atomically after
  every change and shared by every notebook.
- :mod:`.sources`: reading a class's inputs (a folder, an LMS zip, uploads), never raising.
- :mod:`.collect`: those files into tidy tables (each answer counts once per student) and a
  report (``source``, ``reason``, ``related``) of everything not used.

Nothing here imports a GUI or plotting library; the "Mijn antwoorden" panel is
:func:`vakmanschap.ui.answers_panel.AnswersPanel` (also importable from here, lazily).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .collect import ClassAnswers, collect
from .fileformat import (
    ENV_FILE,
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_NAME_LENGTH,
    MAX_NUMBER_LENGTH,
    SCHEMA,
    SCHEMA_VERSION,
    AnswerFile,
    AnswerFileError,
    parse_answer_file,
)
from .store import AnswerStore, answer_store, default_answers_path

if TYPE_CHECKING:
    from ..ui.answers_panel import AnswersPanel

__all__ = [
    "ENV_FILE",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_NAME_LENGTH",
    "MAX_NUMBER_LENGTH",
    "SCHEMA",
    "SCHEMA_VERSION",
    "AnswerFile",
    "AnswerFileError",
    "AnswerStore",
    "AnswersPanel",
    "ClassAnswers",
    "answer_store",
    "collect",
    "default_answers_path",
    "parse_answer_file",
]


def __getattr__(name: str) -> Any:
    """``AnswersPanel`` is a widget: import ipywidgets only when it is asked for."""
    if name == "AnswersPanel":
        from ..ui.answers_panel import AnswersPanel

        return AnswersPanel
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
