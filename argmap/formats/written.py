"""What a writer returns: the text, and what the target format could not hold.

No exchange format holds everything an argmap debate does: Kialo has no speakers, AIF no
tags, Markdown no ids. A writer never drops information silently; it lists each kind of
loss as a sentence, and ``argmap convert`` prints them as warnings. :func:`count_fields`
counts the common cases so that every writer words them the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from argmap.model.debate import Argument, Debate, Quote, RelationKind, Statement, relation_id


@dataclass(frozen=True)
class Written:
    """A debate in another format, and one sentence per kind of information left out."""

    text: str
    dropped: list[str] = field(default_factory=list)


def count_fields(debate: Debate, kinds: Iterable[str]) -> dict[str, int]:
    """How many items of each kind the debate holds (only kinds it holds at all).

    The kinds are those of :data:`KINDS`; a count is of items (three tags on one claim count
    three), so that "40 tags" means forty tags.
    """
    counts = {kind: KINDS[kind](debate) for kind in kinds}
    return {kind: count for kind, count in counts.items() if count}


def describe(counts: dict[str, int], fmt: str) -> list[str]:
    """One sentence per counted loss: ``40 tags not written: AIF has no place for them``."""
    return [
        f"the {kind} is not written: {fmt} has no place for it"
        if kind in _SINGLE
        else f"1 {_ONE.get(kind, kind)} not written: {fmt} has no place for it"
        if count == 1
        else f"{count} {kind} not written: {fmt} has no place for them"
        for kind, count in counts.items()
    ]


def repeated_pairs(debate: Debate, kinds: Iterable[RelationKind]) -> str | None:
    """The loss sentence for relations that repeat a pair of nodes already related.

    argmap keys a relation read from another format by ``from->to``, so of two relations
    between the same two nodes (possible with custom ids) only one comes back.
    """
    wanted = set(kinds)
    seen: set[tuple[str, str]] = set()
    repeats = 0
    for relation in debate.relations.values():
        if relation.kind in wanted:
            pair = (relation.source, relation.target)
            repeats += pair in seen
            seen.add(pair)
    if not repeats:
        return None
    return (
        f"{repeats} relation(s) repeat a pair of nodes already related; only one relation "
        "per pair is read back"
    )


def _quotes(debate: Debate) -> list[Quote]:
    return [q for s in debate.statements.values() for q in s.quotes]


def _nodes(debate: Debate) -> list[Statement | Argument]:
    return [*debate.statements.values(), *debate.arguments.values()]


KINDS: dict[str, Callable[[Debate], int]] = {
    "description": lambda d: int(d.description is not None),
    "teaching order": lambda d: int(bool(d.order)),
    "sources": lambda d: len(d.sources),
    "speakers": lambda d: len(d.speakers),
    "speaker roles and affiliations": lambda d: sum(
        1 for s in d.speakers.values() if s.role or s.affiliation or s.description
    ),
    "statement titles": lambda d: (
        sum(1 for s in d.statements.values() if s.title) + int(d.question.title is not None)
    ),
    "argument titles": lambda d: len(d.arguments),
    "argument gists": lambda d: sum(1 for a in d.arguments.values() if a.gist),
    "schemes": lambda d: sum(1 for a in d.arguments.values() if a.scheme),
    "speaker attributions": lambda d: sum(len(n.speakers) for n in _nodes(d)),
    "concessions": lambda d: sum(len(n.conceded_by) for n in _nodes(d)),
    "quotes": lambda d: len(_quotes(d)),
    "quotes without a speaker": lambda d: sum(1 for q in _quotes(d) if q.speaker is None),
    "quote sources": lambda d: sum(1 for q in _quotes(d) if q.source is not None),
    "tags": lambda d: sum(len(n.tags) for n in _nodes(d)),
    "notes": lambda d: sum(1 for n in _nodes(d) if n.notes),
    "discussion questions": lambda d: sum(len(n.questions) for n in _nodes(d)),
    "bases": lambda d: sum(1 for s in d.statements.values() if s.basis),
    "statement sources": lambda d: sum(1 for s in d.statements.values() if s.source),
    "declared sides": lambda d: sum(1 for n in _nodes(d) if n.side),
    "relation notes": lambda d: sum(1 for r in d.relations.values() if r.note),
    "custom relation ids": lambda d: sum(
        1 for r in d.relations.values() if r.id != relation_id(r.source, r.target)
    ),
    "values": lambda d: len(d.values),
    "value rankings": lambda d: len(d.audiences) + sum(1 for s in d.speakers.values() if s.ranks),
    "promoted and demoted values": lambda d: sum(
        len(n.promotes) + len(n.demotes) for n in _nodes(d)
    ),
    "weights": lambda d: sum(1 for n in _nodes(d) if n.weight is not None),
    "at-issue marks": lambda d: sum(1 for n in _nodes(d) if n.at_issue),
    "groups": lambda d: len(d.groups),
}

WEIGHING_KINDS = (
    "values",
    "value rankings",
    "promoted and demoted values",
    "weights",
    "at-issue marks",
)
"""The weighing fields (``argmap.analysis.weighing``), which only argmap's formats hold."""
"""The kinds of information :func:`count_fields` counts, each with its counter."""

_SINGLE = {"description", "teaching order"}

_ONE = {
    "values": "value",
    "value rankings": "value ranking",
    "promoted and demoted values": "promoted or demoted value",
    "weights": "weight",
    "at-issue marks": "at-issue mark",
    "groups": "group",
    "sources": "source",
    "speakers": "speaker",
    "speaker roles and affiliations": "speaker's role or affiliation",
    "statement titles": "statement title",
    "argument titles": "argument title",
    "argument gists": "argument gist",
    "schemes": "scheme",
    "speaker attributions": "speaker attribution",
    "concessions": "concession",
    "quotes": "quote",
    "quotes without a speaker": "quote without a speaker",
    "quote sources": "quote source",
    "tags": "tag",
    "notes": "note",
    "discussion questions": "discussion question",
    "bases": "basis",
    "statement sources": "statement source",
    "declared sides": "declared side",
    "relation notes": "relation note",
    "custom relation ids": "custom relation id",
    "speaker attributions and concessions of arguments": (
        "speaker attribution or concession of an argument"
    ),
}
"""Each kind's singular, for a count of one."""
