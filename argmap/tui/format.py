"""Turning parts of a debate into styled text, shared by the detail pane and seminar mode.

Only presentation lives here: what a speaker card, a quote or a side badge looks like. Side
styles are the app's theme-derived variables (``$argmap-pro`` and so on, see
:mod:`argmap.tui.palette`), so every theme keeps pro and con apart and readable,
and every side is also spelled out with a symbol and a word for readers who cannot rely on
colour.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from textual.content import Content
from textual.style import Style

from argmap.model.inline import Span, has_markup, one_line

if TYPE_CHECKING:  # the model loads in the worker that reads the file, not before first paint
    from argmap.analysis.seminar import SchemeQuestions
    from argmap.model.debate import Debate, Quote, Side
    from argmap.tui.view import DebateView

SYMBOLS: Mapping[str, str] = {"pro": "✚", "con": "✖", "neutral": "●"}
"""Side symbols, keyed by side (``Side`` is a string enum): ✚ always means pro."""
SIDE_STYLES: Mapping[str, str] = {
    "pro": "bold $argmap-pro",
    "con": "bold $argmap-con",
    "neutral": "bold $argmap-neutral",
}

NO_LABELS: Mapping[str, str] = MappingProxyType({})
"""No badges: the default of every ``labels`` attribute (claim id → short badge such as ``in``)."""

HEADING = "bold $argmap-question"
MUTED = "dim"

_SHORT_TITLE = 40

_MIN_WRAP = 20
"""Narrower than this, hanging indents waste more than they help."""

_INDENT = "\u00a0\u00a0"
"""Two no-break spaces: wrapping keeps them, so a card's second line stays indented."""


_CODE = "$text-accent"
"""A `` `code` `` span: the accent colour, so an id or a command stands out from the words."""


def prose(text: str, style: str = "", *, upper: bool = False) -> Content:
    """A title or text of the debate on one line, its inline Markdown drawn as styles.

    ``**bold**`` is bold, ``*italic*`` italic, `` `code` `` in the accent colour, and a link
    is underlined, a terminal hyperlink to its (http, https or mailto) address, which follows
    it in brackets so it can be read where a terminal cannot open links. The words are data:
    they never pass through a markup parser (``[b]`` and ``$x`` show as typed). ``upper``
    capitalises the words (a seminar card's title), never a link's address.
    """
    flat = " ".join(text.split())
    if not has_markup(flat):
        shown = flat.upper() if upper else flat
        return Content.assemble((shown, style)) if style else Content(shown)
    runs = _runs(one_line(flat), upper)
    return _styled("".join(words for words, _ in runs), runs, style)


def prose_hanging(prefix: str, text: str, width: int | None, style: str = "") -> Content:
    """:func:`hanging` for prose: wrapped with its hanging indent, and styled as :func:`prose`."""
    runs = _runs(one_line(text), False)
    shown = hanging(prefix, "".join(words for words, _ in runs), width)
    return _styled(shown, runs, style, start=len(prefix))


_Run = tuple[str, Style | str | None]


def _runs(parts: tuple[Span, ...], upper: bool) -> list[_Run]:
    """Each span's words and style; a link's address follows its words, unless they are the
    same, in muted brackets."""
    runs: list[_Run] = []
    for number, part in enumerate(parts):
        runs.append((part.text.upper() if upper else part.text, _span_style(part)))
        following = parts[number + 1].href if number + 1 < len(parts) else None
        if part.href is not None and following != part.href and part.text != part.href:
            runs.append((f" ({part.href})", MUTED))
    return runs


def _styled(shown: str, runs: list[_Run], style: str, start: int = 0) -> Content:
    """``shown`` (the runs' words, perhaps re-wrapped after ``start``) with the runs' styles.

    Wrapping only turns white space into line breaks and indents, so the n-th character
    that is not white space is the same in the words and in ``shown``: styles are carried
    over by counting those.
    """
    content = Content(shown)
    if style:
        content = content.stylize(style)
    places = [i for i in range(start, len(shown)) if not shown[i].isspace()]
    counted = 0
    for words, run_style in runs:
        visible = sum(1 for char in words if not char.isspace())
        if visible and run_style is not None and counted + visible <= len(places):
            end = places[counted + visible - 1] + 1
            content = content.stylize(run_style, places[counted], end)
        counted += visible
    return content


def _span_style(part: Span) -> Style | str | None:
    """The span's style; a link's is a ``Style`` object, so its address is never parsed."""
    if part.href is not None:
        return Style(
            bold=part.bold or None, italic=part.italic or None, underline=True, link=part.href
        )
    words = [
        name
        for name, present in (("bold", part.bold), ("italic", part.italic), (_CODE, part.code))
        if present
    ]
    return " ".join(words) or None


def side_badge(side: Side) -> Content:
    """``✚ pro`` in the side's colour."""
    return Content.assemble((f"{SYMBOLS[side]} {side}", SIDE_STYLES[side]))


def heading(text: str) -> Content:
    return Content.assemble((text, HEADING))


def speaker_card(
    debate: Debate, speaker_id: str, *, conceded: bool = False, width: int | None = None
) -> Content:
    """Name in bold, then role and affiliation: who this person is, at a glance."""
    speaker = debate.speakers[speaker_id]
    parts: list[str | tuple[str, str]] = [(speaker.name, "bold")]
    if conceded:
        parts.append((" (concedes this point)", "italic"))
    details = [d for d in (speaker.role, speaker.affiliation) if d]
    if details:
        parts.append(("\n" + hanging(_INDENT, " · ".join(details), width), MUTED))
    if speaker.description:
        parts.append(("\n" + hanging(_INDENT, speaker.description, width), MUTED))
    return Content.assemble(*parts)


def quote_block(
    debate: Debate, quote: Quote, *, hide_speaker: bool = False, width: int | None = None
) -> Content:
    """The words in quotation marks, then who said them, in which source, and when."""
    who = "the source's own words"
    if quote.speaker is not None:
        who = "hidden" if hide_speaker else debate.speakers[quote.speaker].name
    # The title is cut only as far as the line needs: a wide pane shows it whole.
    room = max(_SHORT_TITLE, (width or 0) - len(who) - 20)
    source = source_line(debate, quote.source, short=True, title_width=room)
    attribution = hanging(f"{_INDENT}— ", who + (f" · {source}" if source else ""), width)
    return Content.assemble(
        ("“" + " ".join(quote.text.split()) + "”", "italic"), "\n", (attribution, MUTED)
    )


def source_line(
    debate: Debate, source_id: str | None, *, short: bool = False, title_width: int = _SHORT_TITLE
) -> str:
    """``Title (Publisher, 2016-09-11)``; the debate's only source when none is named.

    ``short`` leaves out the publisher and cuts a long title: for a quote's attribution line.
    """
    if source_id is None:
        if len(debate.sources) != 1:
            return ""
        source_id = next(iter(debate.sources))
    source = debate.sources[source_id]
    title = source.title
    if short and len(title) > title_width:
        title = title[: title_width - 1].rstrip() + "…"
    details = [
        d
        for d in (
            None if short else source.publisher,
            source.date.isoformat() if source.date else None,
        )
        if d
    ]
    return title + (f" ({', '.join(details)})" if details else "")


def join_blocks(blocks: list[Content]) -> Content:
    """Blocks separated by one blank line."""
    return Content("\n\n").join(blocks)


QUESTION_MARK = ("◆", "bold $argmap-question")


def side_mark(view: DebateView, node_id: str) -> tuple[str, str]:
    """The symbol and style for a node: ``◆`` for the question, else its side's symbol."""
    if node_id == view.debate.question.id:
        return QUESTION_MARK
    side = view.side_of(node_id)
    return (SYMBOLS[side], SIDE_STYLES[side])


def numbered(title: str, items: tuple[str, ...], width: int | None = None) -> Content:
    """A heading and a numbered list of prose (discussion questions, premises)."""
    lines = [heading(title)]
    lines += [prose_hanging(f"{i}. ", item, width) for i, item in enumerate(items, 1)]
    return Content("\n").join(lines)


def critical_questions(
    title: str,
    found: SchemeQuestions,
    width: int | None,
    say: Callable[[str], str] = str,
) -> Content:
    """A scheme's questions as put to a room: the pattern they test, the questions with the
    argument's own words in place of letters, and what each remaining letter stands for."""
    parts = [
        heading(title),
        Content.assemble((hanging("The scheme: ", say(found.pattern), width), MUTED)),
    ]
    if found.legend:
        legend = tuple(say(line) for line in found.legend)
        parts.append(Content.assemble((hanging("Where ", " · ".join(legend), width), MUTED)))
    parts += [Content(hanging(f"{i}. ", say(q), width)) for i, q in enumerate(found.questions, 1)]
    return Content("\n").join(parts)


def hanging(prefix: str, text: str, width: int | None) -> str:
    """``prefix`` + ``text`` wrapped to ``width`` with every later line indented under the
    text, as lists are printed. Without a width the text is left for the widget to wrap.

    The indent is made of no-break spaces, which the widget keeps at the start of a line.
    """
    text = " ".join(text.split())
    if width is None or width <= len(prefix) + _MIN_WRAP:
        return prefix + text
    indent = "\u00a0" * len(prefix)
    return "\n".join(textwrap.wrap(text, width, initial_indent=prefix, subsequent_indent=indent))
