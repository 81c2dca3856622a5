"""Finding claims: over their text, verbatim quotes, speakers, tags and sections.

A query is split into words; a claim matches when every word occurs, case-insensitively, in
some searchable field of it (not necessarily the same field), so ``lankov markets`` finds
Lankov's claim about markets. A word starting with ``#`` only matches a tag (``#china``). A
claim's section is the title of its group and of each group around it (``evidence lankov``
finds Lankov's claims under an "Evidence" heading).
Results come in the order the caller gives (the TUI passes the tree's display order), so
"next match" moves down the screen.

The lower-cased fields are prepared once per debate (:class:`SearchIndex`), which keeps a
search as you type under a few milliseconds on a 10,000-claim debate.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from argmap.model.debate import Debate
from argmap.model.inline import plain


class Field(StrEnum):
    """Where a match was found, in the order a result names it."""

    TEXT = "text"
    QUOTE = "quote"
    SPEAKER = "speaker"
    TAG = "tag"
    SECTION = "section"


@dataclass(frozen=True, slots=True)
class Match:
    """A claim that matches, the fields the words were found in, and a snippet to show."""

    node_id: str
    fields: tuple[Field, ...]
    snippet: str


_PROSE = (Field.TEXT, Field.QUOTE)

_SNIPPET = 70
"""Characters of context a snippet shows around the first word found."""


class SearchIndex:
    """Each node's searchable fields, lower-cased once (prose without its inline Markdown marks,
    so a search for two words finds them when one is in bold)."""

    def __init__(self, debate: Debate) -> None:
        self.debate = debate
        self._fields: dict[str, list[tuple[Field, str, str]]] = {}
        names = {s.id: s.name for s in debate.speakers.values()}
        sections = {
            group: tuple((Field.SECTION, g.title) for g in debate.group_path(group))
            for group in debate.groups
        }
        question = debate.question
        self._fields[question.id] = _prepare(
            [(Field.TEXT, plain(question.title or "")), (Field.TEXT, plain(question.text))]
        )
        for statement in debate.statements.values():
            people = (
                *statement.speakers,
                *statement.conceded_by,
                *(q.speaker for q in statement.quotes if q.speaker is not None),
            )
            self._fields[statement.id] = _prepare(
                [
                    (Field.TEXT, plain(statement.title or "")),
                    (Field.TEXT, plain(statement.text)),
                    *((Field.QUOTE, quote.text) for quote in statement.quotes),
                    *_speaker_fields(people, names),
                    *((Field.TAG, tag) for tag in statement.tags),
                    *sections.get(statement.group or "", ()),
                ]
            )
        for argument in debate.arguments.values():
            self._fields[argument.id] = _prepare(
                [
                    (Field.TEXT, plain(argument.title)),
                    (Field.TEXT, plain(argument.gist or "")),
                    *_speaker_fields((*argument.speakers, *argument.conceded_by), names),
                    *((Field.TAG, tag) for tag in argument.tags),
                    *sections.get(argument.group or "", ()),
                ]
            )

    def search(self, query: str, order: Iterable[str] | None = None) -> list[Match]:
        """Every node matching all words of ``query``, in ``order`` (default: file order)."""
        words = query.lower().split()
        if not words:
            return []
        results = []
        for node_id in self.debate.node_ids() if order is None else order:
            match = self._match(node_id, words)
            if match is not None:
                results.append(match)
        return results

    def _match(self, node_id: str, words: list[str]) -> Match | None:
        fields = self._fields.get(node_id, ())
        found: dict[Field, None] = {}
        snippet: str | None = None
        for word in words:
            tag_only = word.startswith("#") and len(word) > 1
            needle = word[1:] if tag_only else word
            hit = False
            for field, lowered, original in fields:
                if tag_only and field is not Field.TAG:
                    continue
                at = lowered.find(needle)
                if at >= 0:
                    hit = True
                    found.setdefault(field)
                    if snippet is None and field in _PROSE:
                        snippet = _snippet(original, at, len(needle))
            if not hit:
                return None
        if snippet is None:  # found only in speakers, tags or sections: the claim's own words
            texts = [original for field, _, original in fields if field is Field.TEXT]
            snippet = _snippet(texts[-1] if texts else "", 0, 0)
        return Match(node_id, tuple(sorted(found, key=list(Field).index)), snippet)


def _speaker_fields(people: Iterable[str], names: dict[str, str]) -> Iterable[tuple[Field, str]]:
    for person in dict.fromkeys(people):
        yield (Field.SPEAKER, names.get(person, person))
        yield (Field.SPEAKER, person)


def _prepare(fields: Iterable[tuple[Field, str]]) -> list[tuple[Field, str, str]]:
    return [
        (field, " ".join(text.split()).lower(), " ".join(text.split()))
        for field, text in fields
        if text
    ]


def _snippet(text: str, at: int, length: int) -> str:
    """About ``_SNIPPET`` characters of ``text`` around position ``at``, on word boundaries."""
    if len(text) <= _SNIPPET:
        return text
    start = max(0, at - (_SNIPPET - length) // 2)
    end = min(len(text), start + _SNIPPET)
    start = max(0, end - _SNIPPET)
    while 0 < start < at and text[start - 1] != " ":
        start += 1
    while at + length < end < len(text) and text[end] != " ":
        end -= 1
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return f"{prefix}{text[start:end].strip()}{suffix}"
