"""Inline Markdown in a debate's prose: the styled spans a title or a text is drawn as.

Argdown files are Markdown, and people writing YAML by hand write ``**must**`` and
``*not*`` too; shown as asterisks, the emphasis is lost and the words are cluttered. So the
prose fields (titles, texts, gists, notes, descriptions, discussion questions; see
:data:`PROSE_FIELDS`) are *presented* with their inline Markdown: ``**bold**``, ``*italic*``
(or ``_italic_``), `` `code` ``, ``[links](https://…)`` and ``<https://…>``, and a
backslash escape (``\\*``) for a literal mark. The stored text is never changed: the file
keeps its asterisks, and every writer writes them back.

Nothing else is Markdown here: no raw HTML (``<b>`` stays the four characters), no entities
(``&amp;`` stays five), no headings or lists (a title is one line), and an image is its
alt words (nothing is fetched, nothing linked). A link keeps its
address only for ``http``, ``https`` and ``mailto``; any other (``javascript:``, a relative
path) is shown as its words alone. Names, ids, tags, sources and quotes are verbatim: a quote
is checked word for word against its source, so its asterisks are shown as written.

The parsing is markdown-it-py's CommonMark inline parser (the one Rich uses), not regular
expressions: emphasis rules (``5 * 3 * 2`` is not italic, ``snake_case`` is not either)
are subtle, and a hand-written pattern gets them wrong or backtracks on hostile input. Text
without any mark character skips the parser entirely, so a plain title costs one scan.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

PROSE_FIELDS = (
    "title",
    "text",
    "gist",
    "notes",
    "description",
    "questions",
)
"""The model fields whose inline Markdown is rendered (on statements, arguments, the question
and the debate); every other text is shown exactly as stored."""

_SAFE_SCHEMES = ("http://", "https://", "mailto:")


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text in one style. ``href`` is set only for a safe (http/https/mailto) link."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str | None = None


@functools.cache
def _parser() -> MarkdownIt:
    """CommonMark's inline rules that :mod:`argmap.model.inline` honours, and no others.

    Imported on first use: a debate without marks (and the TUI's first paint) never pays for it.
    """
    from markdown_it import MarkdownIt

    return MarkdownIt("zero").enable(
        ["emphasis", "backticks", "link", "image", "escape", "autolink", "newline"]
    )


def has_markup(text: str) -> bool:
    """Whether ``text`` could hold inline Markdown (a mark character is in it).

    Six substring tests, each a C scan of the text: four times faster than a set or a regular
    expression, and every label and detail pane of a 10,000-claim debate asks."""
    return "*" in text or "_" in text or "`" in text or "[" in text or "<" in text or "\\" in text


def spans(text: str) -> tuple[Span, ...]:
    """``text`` as styled spans; a text without markup is one plain span of itself.

    Adjacent spans of the same style are merged, and empty spans dropped. A line break in
    the text (a soft or hard break) is kept as ``\\n`` in a span's text.
    """
    if not has_markup(text):
        return (Span(text),) if text else ()
    tokens = _parser().parseInline(text)
    children = tokens[0].children if tokens else None
    out: list[Span] = []
    bold = italic = 0
    links: list[str | None] = []
    for token in children or ():
        kind = token.type
        if kind == "text":
            _add(out, token.content, bold > 0, italic > 0, False, links)
        elif kind == "code_inline":
            _add(out, token.content, bold > 0, italic > 0, True, links)
        elif kind in ("softbreak", "hardbreak"):
            _add(out, "\n", bold > 0, italic > 0, False, links)
        elif kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "link_open":
            href = str(token.attrs.get("href", ""))
            links.append(href if href.lower().startswith(_SAFE_SCHEMES) else None)
        elif kind == "link_close":
            if links:
                links.pop()
        else:  # an image: its alt words (no rule enabled above makes any other token)
            _add(out, token.content, bold > 0, italic > 0, False, links)
    return tuple(out)


def _add(
    out: list[Span], text: str, bold: bool, italic: bool, code: bool, links: list[str | None]
) -> None:
    if not text:
        return
    href = links[-1] if links else None
    if out:
        last = out[-1]
        if (last.bold, last.italic, last.code, last.href) == (bold, italic, code, href):
            out[-1] = Span(last.text + text, bold, italic, code, href)
            return
    out.append(Span(text, bold, italic, code, href))


def plain(text: str) -> str:
    """``text`` as a reader sees it, without the marks: for tooltips, search and sorting."""
    if not has_markup(text):
        return text
    return joined(spans(text))


def one_line(text: str) -> tuple[Span, ...]:
    """The spans of ``text`` on one line, white space collapsed as titles and labels show it."""
    return spans(" ".join(text.split()))


def joined(parts: Iterable[Span]) -> str:
    """The words of some spans, without their styles."""
    return "".join(span.text for span in parts)
