"""What every importer shares: a debate under construction, with positions and warnings.

The Argdown, AIF and Kialo readers each walk their own syntax and hand what they find to a
:class:`Draft`. The draft hands out unique ids, merges repeated relations the way the YAML
builder does, remembers the line and column each id came from, and finally builds the
validated :class:`~argmap.model.debate.Debate` inside a
:class:`~argmap.io.load.LoadedDebate`, so ``argmap check`` reports graph warnings of an
imported file at the right line, exactly as for YAML.

The source map of a YAML file walks key paths through the YAML node tree. A text format has
no such tree, so :class:`TextDocument` stands in for it: its paths begin with the
``(line, column)`` where the item was written.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any, cast

from pydantic import ValidationError

from argmap.formats.plain import deferred, made_debate, made_keyed, plainly_valid
from argmap.io.diagnostics import DebateLoadError, Diagnostic, Severity
from argmap.io.loaded import LoadedDebate, SourceMap
from argmap.io.yamlsource import PathKey
from argmap.model.debate import (
    Argument,
    Audience,
    Group,
    Question,
    Quote,
    Relation,
    RelationKind,
    Source,
    Speaker,
    Statement,
    Value,
    relation_id,
)

Position = tuple[int, int]
"""A 1-based (line, column) in the file being read."""

ID = re.compile(r"\S+")
"""An id as the model and argmap YAML accept it, of any length, so that every reader takes
back what every writer writes."""


@dataclass(frozen=True, slots=True)
class TextDocument:
    """A non-YAML file as the source map sees it: paths start with ``(line, column)``.

    ``argmap check`` locates an item by its path (``(*path, "quotes", 2)`` for a quote); for
    a text format the item's own position is the best there is, so anything after the first
    two parts is ignored.
    """

    name: str

    def locate(self, path: Sequence[str | int], *, key: bool = False) -> tuple[int, int]:
        if len(path) >= 2 and isinstance(path[0], int) and isinstance(path[1], int):
            return (path[0], path[1])
        return (1, 1)


class LineIndex:
    """Offsets in a text to 1-based (line, column), in logarithmic time per lookup."""

    def __init__(self, text: str, first_line: int = 1) -> None:
        self.starts = [0, *accumulate(len(line) + 1 for line in text.split("\n"))]
        self.first_line = first_line

    def at(self, offset: int) -> Position:
        index = bisect.bisect_right(self.starts, offset) - 1
        return (self.first_line + index, offset - self.starts[index] + 1)

    def at_each(self, offsets: Sequence[int]) -> list[Position]:
        """:meth:`at` of each offset, in one call: a reader places thousands at once."""
        starts, first, find = self.starts, self.first_line, bisect.bisect_right
        lines = [find(starts, offset) - 1 for offset in offsets]
        return [
            (first + line, offset - starts[line] + 1)
            for line, offset in zip(lines, offsets, strict=True)
        ]


_NON_WORD = re.compile(r"[^\w]+")


def slug(text: str, fallback: str) -> str:
    """A readable id from a title: ``Soft drugs are harmful`` → ``soft-drugs-are-harmful``."""
    if len(text) <= 60 and text.isascii() and text.isalnum() and text == text.lower():
        return text  # a title that is an id already (`c12`, `cost`), as a generator writes it
    words = _NON_WORD.sub("-", text.casefold()).strip("-")
    return words[:60].rstrip("-") or fallback


class Draft:
    """A debate being assembled by an importer; :meth:`finish` validates it.

    Statements and arguments are kept as keyword dicts until the end, because importers
    learn a node's fields in pieces (Argdown merges every occurrence of a title; AIF adds
    speakers from locutions found later in the file).
    """

    def __init__(self, name: str, *, report_duplicates: bool = False) -> None:
        self.name = name
        self.report_duplicates = report_duplicates
        self.title: str | None = None
        self.description: str | None = None
        self.question: Question | None = None
        self.sources: dict[str, Source] = {}
        self.speakers: dict[str, Speaker] = {}
        self.values: dict[str, Value] = {}
        self.audiences: dict[str, Audience] = {}
        self.groups: dict[str, Group] = {}
        self.statements: dict[str, dict[str, Any]] = {}
        self.arguments: dict[str, dict[str, Any]] = {}
        self.relations: dict[str, Relation] = {}
        self.order: list[str] = []
        self.positions: dict[str, Position] = {}
        self.diagnostics: list[Diagnostic] = []
        self._taken: set[str] = set()
        self._given: list[str] = []  # the relations a reader gave an id or a note

    # -- reporting ---------------------------------------------------------------------------

    def warn(self, where: Position | None, message: str, hint: str | None = None) -> None:
        self._add(where, message, hint, Severity.WARNING)

    def error(self, where: Position | None, message: str, hint: str | None = None) -> None:
        self._add(where, message, hint, Severity.ERROR)

    def fail(
        self, where: Position | None, message: str, hint: str | None = None
    ) -> DebateLoadError:
        """An error that stops reading at once: raise what this returns."""
        self.error(where, message, hint)
        return DebateLoadError(self.diagnostics)

    def _add(
        self, where: Position | None, message: str, hint: str | None, severity: Severity
    ) -> None:
        line, column = where if where is not None else (None, None)
        self.diagnostics.append(Diagnostic(self.name, line, column, message, hint, severity))

    # -- ids ---------------------------------------------------------------------------------

    def reserve(self, node_id: str) -> bool:
        """Claim an id the file gave explicitly; False when it is already taken."""
        if node_id in self._taken:
            return False
        self._taken.add(node_id)
        return True

    def unique_id(self, wanted: str) -> str:
        """``wanted``, or ``wanted-2``, ``wanted-3``… whichever is still free; claimed."""
        candidate, number = wanted, 1
        while candidate in self._taken:
            number += 1
            candidate = f"{wanted}-{number}"
        self._taken.add(candidate)
        return candidate

    # -- graph -------------------------------------------------------------------------------

    def relate(
        self,
        kind: RelationKind,
        source: str,
        target: str,
        where: Position | None,
        *,
        rid: str | None = None,
        note: str | None = None,
    ) -> str | None:
        """Add a relation; its id, or None when it was a repeat or could not be kept.

        As in the YAML builder: a contradiction written from both ends is one relation; the
        same relation twice is kept once (reported when the format should not repeat itself);
        a second, different relation between the same two nodes is dropped with a warning,
        since relations are keyed by ``from->to``.
        """
        given, rid = rid, rid or relation_id(source, target)
        if rid in self._taken:  # a node already has this id: relation ids must differ
            rid = self.unique_id(rid)
            self._taken.discard(rid)
            if given is not None:
                self.warn(
                    where,
                    f"relation id `{given}` is also the id of a node; argmap "
                    f"calls the relation `{rid}`",
                )
        if source == target:
            self.warn(
                where,
                f"`{source}` {kind} itself; argmap ignores this relation",
                "a claim cannot bear on itself",
            )
            return None
        if kind is RelationKind.CONTRADICTS:
            mirror = self.relations.get(relation_id(target, source))
            if mirror is not None and mirror.kind is RelationKind.CONTRADICTS:
                return None
        existing = self.relations.get(rid)
        if existing is not None:
            same = (existing.kind, existing.source, existing.target) == (kind, source, target)
            if same and self.report_duplicates:
                self.warn(where, f"`{source}` {kind} `{target}` a second time; kept once")
            elif not same:
                self.warn(
                    where,
                    f"`{source}` {kind} `{target}` is dropped: relation "
                    f"`{rid}` already says `{existing.source}` {existing.kind} "
                    f"`{existing.target}`",
                    "argmap keeps one relation per pair of nodes",
                )
            return None
        # Tested with all the others when the debate is finished (`_relations`).
        self.relations[rid] = deferred(
            Relation, id=rid, kind=kind, source=source, target=target, note=note
        )
        if where is not None:
            self.positions.setdefault(rid, where)
        if given is not None or note is not None:
            self._given.append(rid)
        return rid

    # -- the result --------------------------------------------------------------------------

    def _check_references(self, question: str) -> None:
        """Report every relation end and order entry that names nothing, at its own line."""
        nodes = {question, *self.statements, *self.arguments}
        relations = self.relations.values()
        ends = {relation.source for relation in relations}
        ends.update(relation.target for relation in relations)
        if ends <= nodes and nodes.issuperset(self.order):
            return  # the common case, in set operations rather than a test per relation end
        for relation in relations:
            # An undercut may also point at a relation (looked up, not a union per relation).
            undercut = relation.kind is RelationKind.UNDERCUTS
            for end, or_relation in ((relation.source, False), (relation.target, undercut)):
                if end not in nodes and not (or_relation and end in self.relations):
                    where = self.positions.get(relation.id)
                    self.error(
                        where,
                        f"relation `{relation.id}` names unknown `{end}`",
                        "point it at the id of a statement or argument in this file",
                    )
        for node_id in self.order:
            if node_id not in nodes:
                self.error(None, f"the teaching order names unknown `{node_id}`")

    def _relations(self) -> dict[str, Relation]:
        """The relations, validated where a value of one of them plainly needs it.

        A relation the draft named ``from->to`` itself and that has no note holds only node
        ids (every end is a node, ``_check_references`` made sure, and each node's id is
        tested with the node's) and its kind: of those, only the kinds are tested here.
        """
        relations = self.relations
        kinds = [relation.kind for relation in relations.values()]
        given = [relations[rid].__dict__ for rid in self._given]
        if set(map(type, kinds)) <= {RelationKind} and plainly_valid(Relation, given):
            return relations
        return {rid: Relation(**relation.__dict__) for rid, relation in self.relations.items()}

    def _quotes_checked(self) -> dict[str, dict[str, Any]]:
        """The statements' fields, with every quote on them validated where a value of it
        plainly needs it (a reader may hand the draft quotes it made :func:`deferred`)."""
        quotes = [
            quote.__dict__
            for fields in self.statements.values()
            for quote in fields.get("quotes", ())
            if type(quote) is Quote
        ]
        if plainly_valid(Quote, quotes):
            return self.statements
        return {
            node_id: {**fields, "quotes": tuple(_validated(q) for q in fields["quotes"])}
            if "quotes" in fields
            else fields
            for node_id, fields in self.statements.items()
        }

    def finish(self) -> LoadedDebate:
        """The validated debate, or DebateLoadError with every diagnostic gathered so far.

        A quote or relation that validation refuses raises pydantic's ValidationError, as
        when it was made, for the reader (inside ``argmap.io.untrusted.guarded``) to report at
        the value's line.
        """
        if self.question is None:
            raise self.fail(
                None,
                "the file holds no claims at all",
                "an empty map cannot be turned into a debate",
            )
        self._check_references(self.question.id)
        if any(d.severity is Severity.ERROR for d in self.diagnostics):
            raise DebateLoadError(self.diagnostics)
        # Outside the `try`: what refuses a quote or a relation is the reader's to place at
        # the value's line (`argmap.io.untrusted.guarded`), as when each was made on its own.
        fields = self._quotes_checked()
        relations = self._relations()
        try:
            debate = made_debate(
                title=self.title or self.question.text,
                question=self.question,
                description=self.description,
                sources=self.sources,
                speakers=self.speakers,
                statements=made_keyed(Statement, fields),
                arguments=made_keyed(Argument, self.arguments),
                relations=relations,
                order=tuple(self.order),
                values=self.values,
                audiences=self.audiences,
                groups=self.groups,
            )
        except ValidationError as error:
            for detail in error.errors(include_url=False):
                where = next(
                    (
                        self.positions[p]
                        for p in detail["loc"]
                        if isinstance(p, str) and p in self.positions
                    ),
                    None,
                )
                self.error(where, f"cannot build the debate: {detail['msg']}")
            raise DebateLoadError(self.diagnostics) from None
        # A (line, column) position is the path TextDocument.locate expects.
        paths = cast(dict[str, PathKey], self.positions)
        source_map = SourceMap(TextDocument(self.name), paths)
        warnings = [d for d in self.diagnostics if d.severity is Severity.WARNING]
        return LoadedDebate(debate, source_map, warnings)


def _validated(quote: Any) -> Any:
    """A quote as validation makes it (anything else is left for the statement's own)."""
    return Quote(**quote.__dict__) if type(quote) is Quote else quote
