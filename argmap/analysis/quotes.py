"""Verbatim checking: does every quote stand, word for word, in its source text?

Typography is forgiven (runs of white space, curly versus straight quote marks, dashes);
words are not. For a miss we show the passage of the source that comes closest, so the
author can see which word they changed.

Finding that passage is budgeted. ``difflib``'s longest-match search does, for every
character of the source, one step per occurrence of that character in the quote, so its work
is known before it starts: the sum over characters of (count in source times count in quote).
Ordinary quotes in ordinary articles cost a few million steps; a hostile source and quote made
of one repeated character cost billions. Over the budget the search runs on words instead of
characters (far fewer, far more varied), and when even that is over budget the miss is
reported without a closest passage, saying how to raise the budget.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass

from argmap.io.limits import QUOTE_SEARCH
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
_WIDEN = 30
"""How far a closest passage may grow to reach a word boundary on either side."""


def normalise(text: str) -> str:
    """Fold the typographic differences that do not change a quote's words."""
    return _SPACE.sub(" ", text.translate(_TYPOGRAPHY)).strip()


@dataclass(frozen=True, slots=True)
class QuoteMiss:
    """A quote not found verbatim; ``closest`` is the nearest passage of the source.

    ``closest`` is None when finding it would have cost more than the budget allowed.
    """

    statement: str
    index: int
    quote: str
    closest: str | None


def missing_quotes(
    debate: Debate, source_text: str, budget: int | None = None
) -> Iterator[QuoteMiss]:
    """Every quote of the debate that does not appear in ``source_text``.

    ``budget`` is the search work allowed per miss (default: ``ARGMAP_QUOTE_SEARCH``).
    """
    haystack = normalise(source_text)
    steps = QUOTE_SEARCH.value() if budget is None else budget
    for statement in debate.statements.values():
        for index, quote in enumerate(statement.quotes):
            needle = normalise(quote.text)
            if needle not in haystack:
                closest = closest_passage(needle, haystack, steps)
                yield QuoteMiss(statement.id, index, quote.text, closest)


def closest_passage(needle: str, haystack: str, budget: int) -> str | None:
    """The window of ``haystack``, as long as ``needle``, around their longest shared run.

    The run is found among characters when that fits ``budget``, else among words; None
    when neither does.
    """
    if _search_cost(needle, haystack) <= budget:
        in_haystack, in_needle = _longest_shared_run(haystack, needle)
    else:
        haystack_words, needle_words = haystack.split(" "), needle.split(" ")
        if _search_cost(needle_words, haystack_words) > budget:
            return None
        word_a, word_b = _longest_shared_run(haystack_words, needle_words)
        in_haystack = _offset_of_word(haystack_words, word_a)
        in_needle = _offset_of_word(needle_words, word_b)
    start = max(0, in_haystack - in_needle)
    end = min(len(haystack), start + len(needle))
    # Widen to word boundaries so the passage reads as text (a little: a "word" may be huge).
    floor, ceiling = max(0, start - _WIDEN), min(len(haystack), end + _WIDEN)
    while start > floor and haystack[start - 1] != " ":
        start -= 1
    while end < ceiling and haystack[end] != " ":
        end += 1
    return haystack[start:end].strip(" \"'")


def _search_cost(needle: Sequence[Hashable], haystack: Sequence[Hashable]) -> int:
    """The inner-loop steps of difflib's longest match (see the module docstring)."""
    in_needle = Counter(needle)
    return sum(count * in_needle[item] for item, count in Counter(haystack).items())


def _longest_shared_run(
    haystack: Sequence[Hashable], needle: Sequence[Hashable]
) -> tuple[int, int]:
    """Where the longest run both share starts, in ``haystack`` and in ``needle``."""
    matcher = difflib.SequenceMatcher(None, haystack, needle, autojunk=False)
    match = matcher.find_longest_match(0, len(haystack), 0, len(needle))
    return match.a, match.b


def _offset_of_word(words: list[str], index: int) -> int:
    """The character offset of ``words[index]`` in ``" ".join(words)``."""
    return sum(len(word) + 1 for word in words[:index])
