"""Turning user text into safe Graphviz strings: wrapped lines, escaped, never markup.

Graphviz reads labels, tooltips, ids and URLs as *escString*: a backslash starts an escape
(``\\n``, ``\\l``, ``\\N``...) and a value written ``<...>`` is an HTML-like label. The
``graphviz`` package quotes double quotes for us; everything here makes sure a backslash in a
claim stays a backslash, an ``&`` stays an ``&``, and a claim that looks like ``<b>markup</b>``
stays text. Angle brackets and quotes are then escaped by Graphviz itself when it writes SVG.

Labels are plain text, not HTML-like labels, because the WebAssembly Graphviz that argmap
falls back on is built without expat and silently drops HTML-like labels. They are only what
a DOT file shows its reader: the SVG's box text is written by ``argmap.render.svg`` from the
measured label blocks (``argmap.render.labels``), with bold titles and grey attribution lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import cast

from graphviz import nohtml as _nohtml

_QUOTE = '"'
_ESCAPED_QUOTE = '\\"'
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CLASS_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


def nohtml(text: str) -> str:
    """Mark text so the ``graphviz`` package quotes it even if it looks like ``<html>``."""
    return cast(str, _nohtml(text))


def clean(text: str) -> str:
    """Collapse whitespace and drop control characters, which are not allowed in SVG (XML)."""
    if text.isprintable() and "  " not in text and text == text.strip():
        return text  # the common case, at C speed
    return " ".join(_CONTROL.sub(" ", text).split())


def _escape(text: str) -> str:
    """Backslashes doubled (escString), ``&`` written ``&amp;``.

    Graphviz reads ``&amp;``-style entities in labels and leaves a ``&`` that starts one
    unescaped in SVG, so ``&amp;`` typed in a claim would show as ``&``, and Graphviz 2.43
    writes a bare ``&`` from a URL into the SVG, which is then not well-formed XML.
    """
    return text.replace("&", "&amp;").replace("\\", "\\\\")


def centred_lines(lines: Iterable[str]) -> str:
    """A label whose lines are centred (``\\n`` between them)."""
    return nohtml("\\n".join(_escape(line) for line in lines))


def literal(text: str) -> str:
    """One-line user text (an id, a URL) that Graphviz must copy exactly."""
    return nohtml(_escape(text if text.isprintable() else _CONTROL.sub(" ", text)))


def tooltip(paragraphs: Iterable[str]) -> str:
    """Paragraphs for an SVG tooltip, separated by blank lines, each kept whole.

    Graphviz reads a tooltip's backslashes twice (once as an escString, once when it
    turns ``\\n`` into line breaks for SVG), so a literal backslash takes four.
    """
    cleaned = (clean(paragraph) for paragraph in paragraphs)
    escaped = (_escape(paragraph).replace("\\", "\\\\") for paragraph in cleaned if paragraph)
    return nohtml("\\n\\n".join(escaped))


def css_class(*parts: str) -> str:
    """A CSS class name built from ids: anything but letters, digits, ``-`` and ``_`` → ``_``."""
    return _CLASS_UNSAFE.sub("_", "-".join(parts))


def statement(target: str, attrs: dict[str, str]) -> str:
    """One DOT node or edge statement, ``target [key="value" ...]``, attributes sorted.

    Every value is quoted, and values come from the helpers above, which double any
    backslash from user text; so a ``"`` is never already escaped and escaping it here is
    exact. This is what the ``graphviz`` package's ``node()``/``edge()`` produce, at a quarter
    of the cost on a 10,000-claim map (they test every value for HTML and bare ids).
    """
    body = " ".join(
        [f'{key}="{value.replace(_QUOTE, _ESCAPED_QUOTE)}"' for key, value in sorted(attrs.items())]
    )
    return f"\t{target} [{body}]\n"


def quoted_name(name: str) -> str:
    """A node name in double quotes (names from ``node_name`` hold no quote or backslash)."""
    return f'"{name}"'
