"""Verbindend vakmanschap: the framework of Binnema & Geuijen as data, figures and widgets.

Importing the package is cheap: it loads no data and imports neither pandas nor plotly.
The data is read on the first call to :func:`load_framework`.

Public API
----------
load_framework(path=None) -> Framework
    Read and validate ``data/`` (or a lecturer's edited copy at `path`).
Framework
    One pandas DataFrame per data file plus lookups (``quadrant_of``, ``roles_in`` ...).
FrameworkDataError
    Raised for invalid data; lists every problem with file, row and column.
set_language(language), get_language()
    Switch every user-facing string between Dutch ("nl", default) and English ("en").
"""

from .framework import Framework, FrameworkDataError, default_data_path, load_framework
from .i18n import get_language, set_language, t

__version__ = "0.1.0"

__all__ = [
    "Framework",
    "FrameworkDataError",
    "default_data_path",
    "get_language",
    "load_framework",
    "set_language",
    "t",
]
