"""Label blocks: the lines a box shows, each with its style, wrapped and measured in points.

A block is laid out here, not by Graphviz: lines are wrapped by their width in the shipped
font (``argmap.render.fonts``), and the box gets exactly the size the lines need. Graphviz is
told that size (``fixedsize``) and the SVG's text is then written from the block, so what was
measured is what is drawn.

Wrapping is linear in the text: a word longer than a line is split by a running sum of glyph
widths, never by re-measuring what is left (a 10 MB word wraps in seconds, not minutes).

Titles and texts may hold inline Markdown (:mod:`argmap.model.inline`). Such a line is a
sequence of :class:`Run` s, each measured with its own face (bold runs with the bold face)
and placed at its own offset, so the SVG can position every run exactly, whatever a
renderer does with ``text-anchor`` across ``<tspan>`` s (CairoSVG centres each one on its
own). The font ships no italic: an italic run is the upright face slanted by argmap (see
:data:`~argmap.render.fonts.SLANT`), which keeps the upright advances and leans the tops of
the glyphs right, so an italic run at the end of a line, or touching upright letters, is given
that much more room. A `` `code` `` run gets a little room on each side for its tint. Text
without a mark character takes the plain path unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

from argmap.model.inline import Span, has_markup, joined, spans
from argmap.render.fonts import ASCENT, DESCENT, LINE_HEIGHT, SLANT, Face, face
from argmap.render.text import clean

Role = Literal["title", "text", "meta", "badge"]

PAD_X = 8.0
PAD_Y = 5.0
"""Space between a box's border and its text, in pt."""
_BALANCE_STEPS = 7
_EVEN_ENOUGH = 0.6
"""A wrapped title whose last line is at least this share of its widest is left as it is."""
_BALANCE_LIMIT = 2_000
"""Titles longer than this many characters are wrapped greedily: evening out a novel-length
title is not worth seven more passes over it."""


@dataclass(frozen=True)
class Style:
    size: float
    bold: bool = False
    role: Role = "text"


@dataclass(frozen=True)
class Run:
    """Part of a line in one style, ``x`` pt from the line's start (no space at either end)."""

    text: str
    x: float
    width: float
    bold: bool
    italic: bool = False
    code: bool = False
    href: str | None = None


@dataclass(frozen=True)
class Line:
    text: str
    style: Style
    width: float
    runs: tuple[Run, ...] = ()
    """Set when the line mixes styles (inline Markdown); else all of it is in ``style``."""


@dataclass(frozen=True)
class Block:
    """Lines and the box they need (text plus padding), in pt."""

    lines: tuple[Line, ...]
    width: float
    height: float
    pad_x: float = PAD_X
    pad_y: float = PAD_Y

    @property
    def plain(self) -> list[str]:
        return [line.text for line in self.lines]


def block(parts: Iterable[tuple[str, Style, float]], min_width: float = 0.0) -> Block:
    """A block from ``(text, style, wrap width)`` parts; titles are wrapped evenly."""
    lines: list[Line] = []
    for text, style, width in parts:
        lines += lines_of(text, width, style)
    return sized(lines, min_width)


def lines_of(text: str, width: float, style: Style) -> list[Line]:
    """``text`` wrapped to ``width`` in ``style`` (titles evenly), in runs where it has
    inline Markdown that styles something."""
    if style.role in _PROSE and has_markup(text):
        parts = spans(clean(text))
        if any(_flags(p) != _PLAIN for p in parts):
            return _styled(parts, text, width, style)
        text = joined(parts)  # marks that style nothing, such as ``\*``
    wrapped = balanced(text, width, style) if style.role == "title" else wrap(text, width, style)
    return [Line(t, style, face(style.bold).width(t, style.size)) for t in wrapped if t]


_PROSE = ("title", "text")
"""Roles whose text is the debate's prose, drawn with its inline Markdown."""


def sized(lines: Sequence[Line], min_width: float = 0.0) -> Block:
    text_width = max((line.width for line in lines), default=0.0)
    height = text_height(lines)
    return Block(tuple(lines), max(min_width, text_width + 2 * PAD_X), height + 2 * PAD_Y)


def text_height(lines: Sequence[Line]) -> float:
    """From the first line's ascender to the last line's descender."""
    if not lines:
        return 0.0
    first, last = lines[0].style.size, lines[-1].style.size
    gaps = sum(line.style.size * LINE_HEIGHT for line in lines[1:])
    return first * ASCENT + gaps + last * DESCENT


def wrap(text: str, width: float, style: Style) -> list[str]:
    """Greedy lines of at most ``width`` pt; a word wider than that is split, never cut."""
    return _greedy(_measured(text, style), width, style)


def _measured(text: str, style: Style) -> list[tuple[str, float]]:
    """Each word with its width: measured once, however many widths a title is tried at."""
    measure = face(style.bold)
    return [(word, measure.width(word, style.size)) for word in clean(text).split(" ") if word]


def _greedy(words: list[tuple[str, float]], width: float, style: Style) -> list[str]:
    measure = face(style.bold)
    size = style.size
    space = measure.width(" ", size)
    lines: list[str] = []
    line: list[str] = []
    used = 0.0
    for word, word_width in words:
        if line and used + space + word_width <= width:
            line.append(word)
            used += space + word_width
            continue
        if line:
            lines.append(" ".join(line))
        if word_width > width:
            *whole, word = _split(word, width, measure, size)
            lines += whole
            word_width = measure.width(word, size)
        line, used = [word], word_width
    if line:
        lines.append(" ".join(line))
    return lines


def _split(word: str, width: float, measure: Face, size: float) -> list[str]:
    """A long word in pieces of at most ``width`` pt, in one pass over its characters."""
    pieces: list[str] = []
    start, used = 0, 0.0
    advance = measure.advance
    for position, char in enumerate(word):
        em = advance.get(char)
        step = em * size if em is not None else measure.width(char, size)
        if used + step > width and position > start:
            pieces.append(word[start:position])
            start, used = position, 0.0
        used += step
    pieces.append(word[start:])
    return pieces


def balanced(text: str, width: float, style: Style) -> list[str]:
    """As few lines as :func:`wrap` gives at ``width``, but as even as possible: the
    narrowest width giving that many lines, so no title ends in one lone word."""
    words = _measured(text, style)
    lines = _greedy(words, width, style)
    if len(lines) < 2 or len(text) > _BALANCE_LIMIT:
        return lines
    measure = face(style.bold)
    widths = [measure.width(line, style.size) for line in lines]
    if " " in lines[-1] and widths[-1] >= _EVEN_ENOUGH * max(widths):
        return lines  # already even: no lone word, no stub of a last line
    return _narrowest(lines, width, lambda narrower: _greedy(words, narrower, style))


_L = TypeVar("_L")


def _narrowest(lines: list[_L], width: float, wrapped: Callable[[float], list[_L]]) -> list[_L]:
    """The lines ``wrapped`` gives at the narrowest width (halving the range each step)
    that needs no more lines than ``lines`` at ``width``."""
    low, high = width / 2, width
    best = lines
    for _ in range(_BALANCE_STEPS):
        middle = (low + high) / 2
        attempt = wrapped(middle)
        if len(attempt) <= len(lines):
            best, high = attempt, middle
        else:
            low = middle
    return best


# -- lines in several styles (inline Markdown) --------------------------------------------

_Piece = tuple[Span, float]
"""Part of a word in one style, with its width in pt."""
_Word = tuple[tuple[_Piece, ...], float]


def _styled(parts: tuple[Span, ...], text: str, width: float, style: Style) -> list[Line]:
    words = _styled_words(parts, style)
    lines = _styled_greedy(words, width, style)
    if style.role == "title" and len(lines) >= 2 and len(text) <= _BALANCE_LIMIT:
        lines = _narrowest(lines, width, lambda narrower: _styled_greedy(words, narrower, style))
    return [_line(line, style) for line in lines if line]


CODE_PAD = 1.5
"""Room on each side of a `` `code` `` run, in pt, for the tint drawn behind it."""


_X_HEIGHT = 0.5
"""Where the lean of an italic run meets upright letters that follow it: about the x-height
(in ascents), as a comma or a lower-case letter is that high."""


_OPTICAL = 0.3
"""The height (in ems) whose lean the eye reads as an italic word's left edge: near the
middle of lower-case letters."""


def _piece_width(span: Span, style: Style, *, lean: float = 1.0) -> float:
    """The width a piece takes, with room for ``lean`` of an italic piece's slant after it
    (all of it at a line's end, where the box edge is near)."""
    measured = face(style.bold or span.bold).width(span.text, style.size)
    if span.code:
        measured += 2 * CODE_PAD
    return measured + (lean * SLANT * ASCENT * style.size if span.italic else 0.0)


def _styled_words(parts: Iterable[Span], style: Style) -> list[_Word]:
    """The words of the spans; a word may be made of pieces in different styles (``**a**,``)."""
    words: list[_Word] = []
    current: list[_Piece] = []

    def end_word() -> None:
        if current:
            words.append((tuple(current), sum(w for _, w in current)))
            current.clear()

    for part in parts:
        for number, chunk in enumerate(part.text.split(" ")):
            if number:
                end_word()
            if chunk:
                piece = Span(chunk, part.bold, part.italic, part.code, part.href)
                current.append((piece, _piece_width(piece, style)))
    end_word()
    return words


def _styled_greedy(words: list[_Word], width: float, style: Style) -> list[list[_Word]]:
    space = face(style.bold).width(" ", style.size)
    lines: list[list[_Word]] = []
    line: list[_Word] = []
    used = 0.0
    for word in words:
        if line and used + space + word[1] <= width:
            line.append(word)
            used += space + word[1]
            continue
        if line:
            lines.append(line)
        if word[1] > width:
            *whole, word = _split_word(word, width, style)
            lines += [[piece] for piece in whole]
        line, used = [word], word[1]
    if line:
        lines.append(line)
    return lines


def _split_word(word: _Word, width: float, style: Style) -> list[_Word]:
    """A word too long for a line, in pieces of at most ``width`` pt (one pass, as
    :func:`_split`), each piece keeping the styles of its characters."""
    out: list[_Word] = []
    pieces: list[_Piece] = []
    closed = 0.0  # the width of the pieces of the word being filled
    for span, _ in word[0]:
        measure = face(style.bold or span.bold)
        slant = SLANT * ASCENT * style.size if span.italic else 0.0
        start, run = 0, 0.0
        for position, char in enumerate(span.text):
            step = measure.width(char, style.size)
            if closed + run + step + slant > width and (position > start or pieces):
                if position > start:
                    pieces.append(_piece(span, start, position, style))
                out.append((tuple(pieces), sum(w for _, w in pieces)))
                pieces, closed, start, run = [], 0.0, position, 0.0
            run += step
        if len(span.text) > start:
            pieces.append(_piece(span, start, len(span.text), style))
            closed += pieces[-1][1]
    if pieces:
        out.append((tuple(pieces), closed))
    return out


def _piece(span: Span, start: int, end: int, style: Style) -> _Piece:
    chunk = Span(span.text[start:end], *_flags(span))
    return chunk, _piece_width(chunk, style)


def _flags(span: Span) -> tuple[bool, bool, bool, str | None]:
    return span.bold, span.italic, span.code, span.href


_PLAIN = (False, False, False, None)


def _line(words: list[_Word], style: Style) -> Line:
    """The words as runs: pieces of one style merged (across the spaces between words too),
    each run measured as a whole in its face, then placed one after another."""
    merged: list[tuple[Span, bool]] = []  # a run so far, and whether a space comes before it
    for number, (pieces, _) in enumerate(words):
        for index, (span, _) in enumerate(pieces):
            spaced = number > 0 and index == 0
            if merged and _flags(merged[-1][0]) == _flags(span):
                last, before = merged[-1]
                joined = last.text + (" " if spaced else "") + span.text
                merged[-1] = (Span(joined, *_flags(span)), before)
            else:
                merged.append((span, spaced))
    space = face(style.bold).width(" ", style.size)
    runs: list[Run] = []
    x = 0.0
    for number, (span, spaced) in enumerate(merged):
        if spaced:
            x += space
        # A slanted run leans into a following space; it needs room at the line's end, and
        # a little where upright letters follow directly (``*word*,``).
        at_end = number + 1 == len(merged)
        lean = 1.0 if at_end else 0.0 if merged[number + 1][1] else _X_HEIGHT
        run_width = _piece_width(span, style, lean=lean)
        bold = style.bold or span.bold
        # Slanted letters lean away from a space before them; drawn that much to the left,
        # the gap before an italic word looks like any other.
        shift = _OPTICAL * SLANT * style.size if span.italic and spaced else 0.0
        runs.append(Run(span.text, x - shift, run_width, bold, span.italic, span.code, span.href))
        x += run_width
    text = " ".join("".join(span.text for span, _ in pieces) for pieces, _ in words)
    return Line(text, style, x, tuple(runs))
