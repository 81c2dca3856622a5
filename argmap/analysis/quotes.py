"""Verbatim checking: does every quote stand, word for word, in its source text?

Typography is forgiven (runs of white space, curly versus straight quote marks, dashes);
words are not. For a miss we show the passage of the source that comes closest, so the
author can see which word they changed.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from argmap.model.debate import Debate

_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Fold the typographic differences that do not change a quote's words."""
    return _SPACE.sub(" ", text.translate(_TYPOGRAPHY)).strip()


@dataclass(frozen=True, slots=True)
class QuoteMiss:
    """A quote not found verbatim; ``closest`` is the nearest passage of the source."""

    statement: str
    index: int
    quote: str
    closest: str


def missing_quotes(debate: Debate, source_text: str) -> Iterator[QuoteMiss]:
    """Every quote of the debate that does not appear in ``source_text``."""
    haystack = normalise(source_text)
    for statement in debate.statements.values():
        for index, quote in enumerate(statement.quotes):
            needle = normalise(quote.text)
            if needle not in haystack:
                yield QuoteMiss(statement.id, index, quote.text, closest_passage(needle, haystack))


def closest_passage(needle: str, haystack: str) -> str:
    """The window of ``haystack``, as long as ``needle``, around their longest shared run."""
    matcher = difflib.SequenceMatcher(None, haystack, needle, autojunk=False)
    match = matcher.find_longest_match(0, len(haystack), 0, len(needle))
    start = max(0, match.a - match.b)
    end = min(len(haystack), start + len(needle))
    # Widen to word boundaries so the passage reads as text.
    while start > 0 and haystack[start - 1] != " ":
        start -= 1
    while end < len(haystack) and haystack[end] != " ":
        end += 1
    return haystack[start:end].strip(" \"'")
