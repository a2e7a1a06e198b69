"""The one way to build HTML: every value is escaped unless it is already markup.

Widgets, tables, the handout and the figures' labels all build their HTML here, with
:func:`html` (a template whose ``{}`` fields are escaped) and :func:`join`. A value passes
unescaped only when it is :class:`Markup` already, i.e. made by these functions. This is
MarkupSafe's ``Markup``, the same class Jinja2 (shipped with JupyterLab) uses for autoescape.

Examples
--------
>>> html("<p><b>{}</b> {}</p>", "Vraag:", "<script>")
Markup('<p><b>Vraag:</b> &lt;script&gt;</p>')
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from markupsafe import Markup, escape

__all__ = [
    "Markup",
    "escape",
    "html",
    "join",
    "plain",
    "repair_text",
    "unencodable",
]


def html(template: str, /, *args: object, **kwargs: object) -> Markup:
    """Fill `template` (trusted HTML with ``str.format`` fields); every value is escaped
    unless it is :class:`Markup`."""
    return Markup(template).format(*args, **kwargs)


def join(parts: Iterable[Any], separator: str = "") -> Markup:
    """Join escaped `parts` with the (trusted) `separator`."""
    return Markup(separator).join(parts)


def plain(text: object) -> str:
    """`text` escaped for a plotly label or hover text (plotly renders some HTML there),
    as a plain ``str``."""
    return str(escape(str(text)))


def repair_text(value: str) -> str:
    """`value` with every character that cannot be written as UTF-8 (a lone UTF-16
    surrogate, e.g. ``"\\ud83d"`` in JSON) replaced by U+FFFD, the replacement character."""
    if not unencodable(value):
        return value
    return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in value)


def unencodable(value: str) -> bool:
    """Whether `value` holds a character that UTF-8 cannot write (a lone surrogate)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
