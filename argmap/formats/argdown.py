"""The Argdown syntax (argdown.org) that argmap's reader and writer share.

Argdown writes a debate as text: ``[Title]: text`` statements, ``<Title>: text`` arguments,
relations as indented lines under a statement (``+ [B]``: B supports the claim above), and
premise-conclusion structures (``(1)`` premises, a ``----`` inference line, a conclusion).
The reader (:mod:`argmap.formats.argdown_read`) and the writer
(:mod:`argmap.formats.argdown_write`) must agree on the symbols, on how text is escaped, and
on which ``{…}`` data keys carry argmap's own fields; that agreement lives here.
"""

from __future__ import annotations

import re
from enum import Enum

from argmap.model.debate import RelationKind


class Direction(Enum):
    """Which end of an indented relation line is the source."""

    INCOMING = "incoming"  # the indented child bears on the line above: `+ [B]`
    OUTGOING = "outgoing"  # the line above bears on the indented child: `+> [B]`


RELATIONS: dict[str, tuple[RelationKind, Direction]] = {
    "<+": (RelationKind.SUPPORTS, Direction.INCOMING),
    "<-": (RelationKind.ATTACKS, Direction.INCOMING),
    "<_": (RelationKind.UNDERCUTS, Direction.INCOMING),
    "+>": (RelationKind.SUPPORTS, Direction.OUTGOING),
    "->": (RelationKind.ATTACKS, Direction.OUTGOING),
    "_>": (RelationKind.UNDERCUTS, Direction.OUTGOING),
    "><": (RelationKind.CONTRADICTS, Direction.OUTGOING),
    "+": (RelationKind.SUPPORTS, Direction.INCOMING),
    "-": (RelationKind.ATTACKS, Direction.INCOMING),
    "_": (RelationKind.UNDERCUTS, Direction.INCOMING),
}
"""Relation symbols at the start of an indented line, as Argdown's lexer reads them."""

RELATION_START = re.compile(r"(<\+|<-|<_|\+>|->|_>|><|\+|-|_(?=\s))")
"""A relation symbol at the start of a line's content (longest symbols first)."""

_TAG_CHARACTER = r"[^\x00-\x2c./:-@\[-^`{-\x9f\ud800-\uf8ff\ufdd0-\ufdef\ufff0-\U0010ffff]"
"""Argdown's tag character class, ``[A-Za-z0-9_\\-\\u00A0-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFEF]``,
written as what it leaves out: the same characters (every code point was compared), but
compiled in a quarter of the time, since Python's regex compiler visits each code point of a
range inside the Basic Multilingual Plane, and this form has far fewer of them."""

TAG = re.compile(rf"#(?:\(([^)\n]+)\)|({_TAG_CHARACTER}+))")
"""``#tag`` or ``#(several words)``."""

_PLAIN_TAG = re.compile(rf"{_TAG_CHARACTER}+")

_SPECIAL = re.compile(r"[\\#{}]|/(?=[/*])|<(?=!--)")
"""What the reader would take for syntax inside a text: escapes, tags, data, comments."""

_UNSAFE_TITLE = re.compile(r"[\[\]<>\\{}\n\r]|//|/\*|^[-+_]|^\s|\s$")
"""Titles that would not read back: brackets, data, comments, and starts that make ``<+…``
look like a relation."""

# -- the `{…}` data keys argmap reads and writes ---------------------------------------------

STATEMENT_KEYS = (
    "id",
    "title",
    "by",
    "conceded_by",
    "source",
    "basis",
    "side",
    "tags",
    "quotes",
    "questions",
    "notes",
)
ARGUMENT_KEYS = ("id", "title", "scheme", "by", "conceded_by", "side", "tags", "questions", "notes")
QUESTION_MARK = "question"
"""``{question: true}`` marks the statement that is the debate's central question."""
CONCLUSION_MARK = ("argmap", "conclusion")
"""``{argmap: conclusion}`` marks a conclusion the writer had to invent (see the writer)."""

DISPLAY_KEYS = frozenset(
    {
        "isInMap",
        "isInGroup",
        "isCanonical",
        "isGroup",
        "isClosed",
        "color",
        "images",
        "image",
        "fontColor",
        "labelTitle",
        "labelText",
    }
)
"""Argdown's rendering settings in ``{…}`` data: meaningful to its map, not to a debate."""

FRONT_MATTER_KEYS = ("title", "subTitle", "author", "date", "description", "argmap")
"""Front matter keys that hold content; the rest configure Argdown's rendering."""


_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
YAML_WORDS = frozenset(
    word
    for base in ("y", "yes", "n", "no", "true", "false", "on", "off", "null")
    for word in (base, base.capitalize(), base.upper())
)
"""Plain words YAML 1.1 reads as something other than a string."""


def plain_word(value: object) -> bool:
    """A string YAML reads back as itself when written bare: ``lankov``, ``c-12``."""
    return isinstance(value, str) and bool(_WORD.fullmatch(value)) and value not in YAML_WORDS


def escape(text: str) -> str:
    r"""Text written so that the reader gives it back unchanged (``#1`` → ``\#1``)."""
    return _SPECIAL.sub(lambda match: "\\" + match.group(), text)


def tag_syntax(tag: str) -> str | None:
    """``#tag`` or ``#(two words)``; None when Argdown cannot write the tag at all."""
    if _PLAIN_TAG.fullmatch(tag):
        return f"#{tag}"
    if not (re.search(r"[)\n\r]", tag) or _SPECIAL.search(tag)) and tag == tag.strip() and tag:
        return f"#({tag})"
    return None


def implied_title(argdown_title: str | None, node_id: str, text: str) -> str | None:
    """The argmap title a ``[Title]`` implies when no ``{title: …}`` overrides it.

    A title that only repeats the node's id or its text adds nothing, so it is not kept: a
    statement the writer had to call by its id reads back untitled. The writer calls this
    too, and adds ``title`` to the data whenever the implied title would be wrong.
    """
    if argdown_title is None or argdown_title in (node_id, text):
        return None
    return argdown_title


def safe_title(title: str) -> bool:
    """Whether ``[title]`` / ``<title>`` reads back as exactly this title."""
    return bool(title) and not _UNSAFE_TITLE.search(title) and "<!--" not in title
