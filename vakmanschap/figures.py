"""Old import path of the figures: everything now lives in :mod:`vakmanschap.plots`."""

from .plots import *  # noqa: F403
from .plots import __all__ as __all__
