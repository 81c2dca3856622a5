"""Label blocks: the lines a box shows, each with its style, wrapped and measured in points.

A block is laid out here, not by Graphviz: lines are wrapped by their width in the shipped
font (``argmap.render.fonts``), and the box gets exactly the size the lines need. Graphviz is
told that size (``fixedsize``) and the SVG's text is then written from the block, so what was
measured is what is drawn.

Wrapping is linear in the text: a word longer than a line is split by a running sum of glyph
widths, never by re-measuring what is left (a 10 MB word wraps in seconds, not minutes).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from argmap.render.fonts import ASCENT, DESCENT, LINE_HEIGHT, Face, face
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
class Line:
    text: str
    style: Style
    width: float


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
        wrapped = (
            balanced(text, width, style) if style.role == "title" else wrap(text, width, style)
        )
        lines += [Line(t, style, face(style.bold).width(t, style.size)) for t in wrapped if t]
    return sized(lines, min_width)


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
    low, high = width / 2, width
    best = lines
    for _ in range(_BALANCE_STEPS):
        middle = (low + high) / 2
        attempt = _greedy(words, middle, style)
        if len(attempt) <= len(lines):
            best, high = attempt, middle
        else:
            low = middle
    return best
