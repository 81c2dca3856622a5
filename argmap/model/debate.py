"""The debate graph: what every layer of argmap reads.

A debate is a directed graph. Its nodes are the central question, statements (claims) and
arguments; its edges are relations. The YAML file format (see ``document.py``) is a friendlier,
nested way of writing the same graph; loading turns it into a :class:`Debate`.

Collections are dicts keyed by id: lookup is what every layer does most, and dict equality
ignores insertion order, so a debate saved and loaded again compares equal even when the
writer nests it differently from the hand-written file. Insertion order is still kept and is
the order a person wrote things in, which the tree view and the writers follow.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from enum import StrEnum
from itertools import chain
from typing import Annotated, Any, Self

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from argmap.model.text import reject_controls

Id = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, pattern=r"^[^\s]+$"),
]
"""An id is any run of non-space characters: ``lankov``, ``go-wmd``, ``1.2.3`` all work."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Side(StrEnum):
    """A claim's side on the central question, derived from the graph."""

    PRO = "pro"
    CON = "con"
    NEUTRAL = "neutral"


class RelationKind(StrEnum):
    """How one node bears on another.

    ``undercuts`` targets the *link* of a relation or an argument's inference rather than a
    conclusion; ``contradicts`` is symmetric: both ends attack each other.
    """

    SUPPORTS = "supports"
    ATTACKS = "attacks"
    UNDERCUTS = "undercuts"
    CONTRADICTS = "contradicts"


class Basis(StrEnum):
    """What kind of evidence stands behind a claim (Rationale calls this a claim's basis)."""

    STATISTIC = "statistic"
    EXPERT_OPINION = "expert-opinion"
    REPORT = "report"
    EXAMPLE = "example"
    TESTIMONY = "testimony"
    OFFICIAL_STATEMENT = "official-statement"
    NEWS_REPORT = "news-report"
    COMMON_KNOWLEDGE = "common-knowledge"
    PERSONAL_EXPERIENCE = "personal-experience"
    DATA = "data"
    LAW = "law"
    ASSUMPTION = "assumption"


class _Strict(BaseModel):
    # defer_build: loading makes these without validating (argmap.io.build.trusted), so
    # most commands never need their validators; building them costs a sixth of start-up.
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False, defer_build=True)

    @model_validator(mode="after")
    def _no_controls(self) -> Self:
        """Every text field, so a field added later is covered too: see argmap.model.text."""
        reject_controls(self.__dict__)
        return self


class Source(_Strict):
    """A document the debate draws on: an article, a report, a transcript."""

    id: Id
    title: Text
    publisher: str | None = None
    author: str | None = None
    date: dt.date | None = None
    url: str | None = None


def _tie_groups(value: Any) -> Any:
    """``[security, [exposure, rights]]``: a bare id is a group of one; a list is a tie."""
    if isinstance(value, list | tuple):
        return [(item,) if isinstance(item, str) else item for item in value]
    return value


Ranking = Annotated[tuple[tuple[Id, ...], ...], BeforeValidator(_tie_groups)]
"""Value ids from most to least important; the values of one inner list rank level."""


class Value(_Strict):
    """Something a reason serves (Bench-Capon's values): security, the workers' welfare.

    An audience ranks values; an attack then defeats its target for that audience only if
    the attacker's value is not ranked below the target's (``argmap.analysis.weighing``).
    """

    id: Id
    name: Text
    description: str | None = None


class Audience(_Strict):
    """A ranking of values held by a group rather than one speaker ("the room")."""

    id: Id
    name: Text
    ranking: Ranking = Field(
        default=(),
        description="Value ids, most important first; a list inside ranks its values level.",
    )


class Speaker(_Strict):
    """A person or body whose words or positions appear in the debate."""

    id: Id
    name: Text
    role: str | None = None
    affiliation: str | None = None
    description: str | None = None
    ranks: Ranking = Field(
        default=(),
        description="How this speaker weighs the debate's values, most important first.",
    )


class Group(_Strict):
    """A section of the debate (an Argdown heading): a map draws its claims in one box.

    Groups nest through ``parent``, as headings do (``# Sanctions`` / ``## Labour exports``);
    a claim names the innermost group it is in.
    """

    id: Id
    title: Text
    parent: Id | None = Field(default=None, description="The group this one is part of.")


class Quote(_Strict):
    """Words exactly as they stand in a source.

    ``speaker`` is who said them. ``None`` means the source's own words (a journalist's
    sentence, a report's text), which must never be put in an analyst's mouth.
    """

    text: Text
    speaker: Id | None = Field(
        default=None, description="Who said these words; omit for the source's own words."
    )
    source: Id | None = Field(
        default=None, description="Source id; may be omitted when the debate has one source."
    )


class _Node(_Strict):
    """What statements and arguments share: who holds them and how a seminar uses them."""

    id: Id
    speakers: tuple[Id, ...] = ()
    conceded_by: tuple[Id, ...] = Field(
        default=(),
        description="Speakers who grant this point although it helps the side they argue against.",
    )
    tags: tuple[str, ...] = ()
    notes: str | None = None
    questions: tuple[str, ...] = Field(
        default=(), description="Discussion questions for a seminar."
    )
    side: Side | None = Field(
        default=None,
        description="The side the author expects; `argmap check` compares the derived side.",
    )
    promotes: tuple[Id, ...] = Field(default=(), description="Value ids this reason serves.")
    demotes: tuple[Id, ...] = Field(default=(), description="Value ids this reason sets back.")
    weight: float | None = Field(
        default=None, ge=0, le=1, description="How strong a reason this is, 0 to 1."
    )
    at_issue: bool = Field(
        default=False,
        description="Decided by weighing its pro and con reasons under a proof standard.",
    )
    group: Id | None = Field(default=None, description="The group (section) this claim is in.")


class Statement(_Node):
    """A claim: something that can be true or false, asserted by someone or reported by a source."""

    text: Text
    title: str | None = Field(default=None, description="A short label for maps and the tree.")
    quotes: tuple[Quote, ...] = ()
    basis: Basis | None = None
    source: Id | None = Field(default=None, description="The source that reports this claim.")


class Argument(_Node):
    """An inference from premises to the nodes it supports or attacks.

    With ``premises`` it is reconstructed: the premises support its target only together
    (linked, like Argdown's premise-conclusion structures or Rationale's co-premises). Without
    them it is sketched: a title and a gist, related to other nodes before anyone has spelled
    out its premises.
    """

    title: Text
    gist: str | None = None
    premises: tuple[Id, ...] = ()
    scheme: Id | None = Field(
        default=None, description="Argumentation scheme id from the catalogue."
    )

    @property
    def sketched(self) -> bool:
        return not self.premises


class Relation(_Strict):
    """A directed edge. For ``undercuts`` the target may be a relation id or an argument id."""

    id: Id
    kind: RelationKind
    source: Id
    target: Id
    note: str | None = None


class Question(_Strict):
    """The central question every position answers; the root of the debate."""

    id: Id
    text: Text
    title: str | None = None


class Debate(_Strict):
    """A whole debate, with every reference checked.

    The validator guarantees that ids are unique across node kinds and that every reference
    resolves, so analysis, rendering and the TUI never meet a dangling id. Loading a file
    reports the same faults earlier, with line and column.
    """

    title: Text
    question: Question
    description: str | None = None
    sources: dict[Id, Source] = Field(default_factory=dict)
    speakers: dict[Id, Speaker] = Field(default_factory=dict)
    statements: dict[Id, Statement] = Field(default_factory=dict)
    arguments: dict[Id, Argument] = Field(default_factory=dict)
    relations: dict[Id, Relation] = Field(default_factory=dict)
    order: tuple[Id, ...] = Field(default=(), description="Teaching order for seminar mode.")
    values: dict[Id, Value] = Field(default_factory=dict)
    audiences: dict[Id, Audience] = Field(default_factory=dict)
    groups: dict[Id, Group] = Field(
        default_factory=dict, description="Sections of the debate; maps draw each as a box."
    )

    @model_validator(mode="after")
    def _references_resolve(self) -> Self:
        problems = list(reference_problems(self))
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def node_ids(self) -> Iterator[str]:
        """The question, every statement and every argument, in that order."""
        yield self.question.id
        yield from self.statements
        yield from self.arguments

    def claim(self, node_id: str) -> Statement | Argument | None:
        """The statement or argument with this id; None for the question or an unknown id."""
        return self.statements.get(node_id) or self.arguments.get(node_id)

    def text_of(self, node_id: str) -> str:
        """The readable text of any node or relation id."""
        if node_id == self.question.id:
            return self.question.text
        if node_id in self.statements:
            return self.statements[node_id].text
        if node_id in self.arguments:
            argument = self.arguments[node_id]
            return argument.gist or argument.title
        relation = self.relations[node_id]
        return f"{relation.source} {relation.kind} {relation.target}"

    def label_of(self, node_id: str) -> str:
        """A short label: a statement's or question's title, an argument's title, else the text."""
        if node_id == self.question.id:
            return self.question.title or self.question.text
        if node_id in self.statements:
            statement = self.statements[node_id]
            return statement.title or statement.text
        if node_id in self.arguments:
            return self.arguments[node_id].title
        return self.text_of(node_id)

    def group_path(self, group_id: str | None) -> tuple[Group, ...]:
        """The group and the groups it is part of, outermost first (empty for no group)."""
        path: list[Group] = []
        while group_id is not None and group_id in self.groups and len(path) <= len(self.groups):
            group = self.groups[group_id]
            path.append(group)
            group_id = group.parent
        return tuple(reversed(path))


def _all_referenced(debate: Debate) -> bool:
    """Whether :func:`_problems` would find nothing, worked out with set operations (the
    common case, in half the time of the sentences). False when anything might be wrong,
    even what turns out to be right, such as an undercut of a relation."""
    statements, arguments, relations = debate.statements, debate.arguments, debate.relations
    nodes = statements.keys() | arguments.keys()
    if len(nodes) != len(statements) + len(arguments) or debate.question.id in nodes:
        return False
    nodes.add(debate.question.id)
    claims = [*statements.values(), *arguments.values()]
    quotes = [quote for statement in statements.values() for quote in statement.quotes]
    speakers: set[str | None] = {speaker for claim in claims for speaker in claim.speakers}
    speakers.update(speaker for claim in claims for speaker in claim.conceded_by)
    speakers.update(quote.speaker for quote in quotes)
    sources: set[str | None] = {statement.source for statement in statements.values()}
    sources.update(quote.source for quote in quotes)
    return (
        relations.keys().isdisjoint(nodes)
        and all(
            [item.id for item in mapping.values()] == list(mapping)
            for mapping in (debate.sources, debate.speakers, statements, arguments, relations)
        )
        and {relation.source for relation in relations.values()} <= nodes
        and {relation.target for relation in relations.values()} <= nodes
        and speakers - {None} <= debate.speakers.keys()
        and sources - {None} <= debate.sources.keys()
    )


def relation_id(source: str, target: str) -> str:
    """The id a relation gets when the author gives none: ``from->to``."""
    return f"{source}->{target}"


def reference_problems(debate: Debate) -> Iterator[str]:
    """Every dangling or duplicated reference, as plain sentences (no locations)."""
    if not _all_referenced(debate):
        yield from _problems(debate)
    for argument in debate.arguments.values():
        for premise in argument.premises:
            if premise not in debate.statements:
                yield f"argument {argument.id!r} has unknown premise {premise!r}"
    for node_id in debate.order:
        if debate.claim(node_id) is None and node_id != debate.question.id:
            yield f"order names unknown node {node_id!r}"
    yield from group_problems(debate)
    yield from value_problems(debate)


def _problems(debate: Debate) -> Iterator[str]:
    """What :func:`_all_referenced` vouches for, as sentences: ids, relations, speakers,
    quotes and sources."""
    nodes: dict[str, str] = {debate.question.id: "question"}
    for kind, ids in (("statement", debate.statements), ("argument", debate.arguments)):
        for node_id in ids:
            if node_id in nodes:
                yield f"id {node_id!r} is used by a {nodes[node_id]} and a {kind}"
            nodes[node_id] = kind
    for key, mapping in (
        ("source", debate.sources),
        ("speaker", debate.speakers),
        ("statement", debate.statements),
        ("argument", debate.arguments),
        ("relation", debate.relations),
    ):
        for map_key, item in mapping.items():
            if map_key != item.id:
                yield f"{key} stored under {map_key!r} has id {item.id!r}"
    for relation in debate.relations.values():
        if relation.id in nodes:
            yield f"relation id {relation.id!r} is also a {nodes[relation.id]} id"
        if relation.source not in nodes:
            yield f"relation {relation.id!r} starts at unknown node {relation.source!r}"
        # An undercut may also point at a relation (looked up, not a union per relation).
        if relation.target not in nodes and not (
            relation.kind is RelationKind.UNDERCUTS and relation.target in debate.relations
        ):
            yield f"relation {relation.id!r} points at unknown {relation.target!r}"
    for node in chain(debate.statements.values(), debate.arguments.values()):
        if node.speakers or node.conceded_by:
            for speaker in (*node.speakers, *node.conceded_by):
                if speaker not in debate.speakers:
                    yield f"{node.id!r} names unknown speaker {speaker!r}"
    for statement in debate.statements.values():
        for quote in statement.quotes:
            if quote.speaker is not None and quote.speaker not in debate.speakers:
                yield f"a quote on {statement.id!r} names unknown speaker {quote.speaker!r}"
            if quote.source is not None and quote.source not in debate.sources:
                yield f"a quote on {statement.id!r} names unknown source {quote.source!r}"
        if statement.source is not None and statement.source not in debate.sources:
            yield f"{statement.id!r} names unknown source {statement.source!r}"


def group_problems(debate: Debate) -> Iterator[str]:
    """Groups and claims that name unknown groups, and groups that contain themselves."""
    groups = debate.groups
    for map_key, group in groups.items():
        if map_key != group.id:
            yield f"group stored under {map_key!r} has id {group.id!r}"
        if group.parent is not None and group.parent not in groups:
            yield f"group {group.id!r} has unknown parent {group.parent!r}"
    for start in groups:
        seen = {start}
        parent = groups[start].parent
        while parent is not None and parent in groups:
            if parent == start:
                yield f"group {start!r} is part of itself"
                break
            if parent in seen:
                break
            seen.add(parent)
            parent = groups[parent].parent
    for node in (*debate.statements.values(), *debate.arguments.values()):
        if node.group is not None and node.group not in groups:
            yield f"{node.id!r} names unknown group {node.group!r}"


def value_problems(debate: Debate) -> Iterator[str]:
    """Values and rankings that name unknown values, or ids that clash."""
    for key, mapping in (("value", debate.values), ("audience", debate.audiences)):
        for map_key, item in mapping.items():
            if map_key != item.id:
                yield f"{key} stored under {map_key!r} has id {item.id!r}"
    for node in chain(debate.statements.values(), debate.arguments.values()):
        if node.promotes or node.demotes:
            for value in (*node.promotes, *node.demotes):
                if value not in debate.values:
                    yield f"{node.id!r} names unknown value {value!r}"
    rankings = [(f"speaker {s.id!r}", s.ranks) for s in debate.speakers.values()]
    rankings += [(f"audience {a.id!r}", a.ranking) for a in debate.audiences.values()]
    for who, ranking in rankings:
        named = [value for group in ranking for value in group]
        for value in named:
            if value not in debate.values:
                yield f"{who} ranks unknown value {value!r}"
        if len(set(named)) != len(named):
            yield f"{who} ranks a value twice"
    for audience in debate.audiences:
        if audience in debate.speakers:
            yield f"audience id {audience!r} is also a speaker id"
