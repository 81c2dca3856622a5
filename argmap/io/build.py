"""From the nested file format to the debate graph, checking every reference on the way.

Nesting is sugar: a statement under another's ``pros:`` is a ``supports`` relation from child to
parent, one under ``cons:`` an ``attacks`` relation, a ``ref:`` item the same relation from an
existing node. The builder records where each id was written so that a wrong reference is
reported at its own line, with the id it probably meant.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterator, Sequence
from typing import NamedTuple

from argmap.io.diagnostics import Diagnostic, Severity, did_you_mean
from argmap.io.loaded import SourceMap
from argmap.io.trusted import trusted
from argmap.io.values import WeighingFields
from argmap.io.yamlsource import PathKey, YamlDocument
from argmap.model.debate import (
    Argument,
    Debate,
    Group,
    Question,
    Quote,
    Relation,
    RelationKind,
    Source,
    Speaker,
    Statement,
    relation_id,
)
from argmap.model.document import (
    ArgumentDoc,
    Child,
    DebateDoc,
    QuoteDoc,
    RefDoc,
    StatementDoc,
)


class _Ref(NamedTuple):
    """A reference to check once every id is known (a tuple: there is one per reference)."""

    value: str
    path: PathKey
    kind: str  # "node", "premise", "speaker", "source", "scheme", "undercut"
    owner: str | None = None  # the relation making this reference, never its own answer


class _Builder:
    def __init__(self, doc: DebateDoc, source: YamlDocument, schemes: Collection[str]) -> None:
        self.doc = doc
        self.source = source
        self.schemes = schemes
        self.map = SourceMap(source)
        self.statements: dict[str, Statement] = {}
        self.arguments: dict[str, Argument] = {}
        self.relations: dict[str, Relation] = {}
        self.refs: list[_Ref] = []
        self.diagnostics: list[Diagnostic] = []
        self.declared: dict[str, Collection[str]] = {
            "speaker": {s.id for s in doc.speakers},
            "source": {s.id for s in doc.sources},
            "scheme": schemes,
            "group": {g.id for g in doc.groups},
        }

    def error(self, path: PathKey, message: str, hint: str | None = None) -> None:
        self.add(path, message, hint, Severity.ERROR)

    def add(self, path: PathKey, message: str, hint: str | None, severity: Severity) -> None:
        line, column = self.source.locate(path)
        self.diagnostics.append(Diagnostic(self.source.name, line, column, message, hint, severity))

    # -- walking the document ------------------------------------------------------------

    def build(self) -> Debate | None:
        doc = self.doc
        self._declare_people_and_sources()
        self._declare_groups()
        self._define(doc.question.id, ("question",))
        stack: list[tuple[StatementDoc | ArgumentDoc | RefDoc, PathKey, str | None, RelationKind]]
        stack = []
        self._push_children(
            stack, doc.question.pros, doc.question.cons, doc.question.id, ("question",)
        )
        self._walk(stack)
        for kind, items in (("statements", doc.statements), ("arguments", doc.arguments)):
            for index in reversed(range(len(items))):
                stack.append((items[index], (kind, index), None, RelationKind.SUPPORTS))
            self._walk(stack)
        for index, rel in enumerate(doc.relations):
            path = ("relations", index)
            rid = rel.id or relation_id(rel.source, rel.target)
            self._relate(rel.kind, rel.source, rel.target, path, rid=rid, note=rel.note)
            self.refs.append(_Ref(rel.source, (*path, "from"), "node"))
        for index, node_id in enumerate(doc.order):
            self.refs.append(_Ref(node_id, ("order", index), "node"))
        self._check_refs()
        weighing = WeighingFields(doc)  # values, audiences, weights: argmap.io.values
        self.diagnostics.extend(weighing.check(self.source, self.relations))
        if any(d.severity is Severity.ERROR for d in self.diagnostics):
            return None
        debate = trusted(
            Debate,
            title=doc.title,
            description=doc.description,
            question=trusted(
                Question, id=doc.question.id, text=doc.question.text, title=doc.question.title
            ),
            sources={s.id: s for s in doc.sources},
            speakers={s.id: s for s in doc.speakers},
            statements=self.statements,
            arguments=self.arguments,
            relations=self.relations,
            order=tuple(doc.order),
            groups={g.id: g for g in doc.groups},
            **weighing.declared(),
        )
        return weighing.apply(debate)

    def _declare_people_and_sources(self) -> None:
        groups: tuple[tuple[str, Sequence[Speaker | Source | Group]], ...] = (
            ("speakers", self.doc.speakers),
            ("sources", self.doc.sources),
            ("groups", self.doc.groups),
        )
        for kind, items in groups:
            seen: dict[str, int] = {}
            for index, item in enumerate(items):
                if item.id in seen:
                    line = self.source.locate((kind, seen[item.id]))[0]
                    self.error(
                        (kind, index, "id"),
                        f"{kind[:-1]} id `{item.id}` is declared twice (first on line {line})",
                        "give each one its own id",
                    )
                seen.setdefault(item.id, index)
                self.map.paths.setdefault(f"{kind}:{item.id}", (kind, index))

    def _declare_groups(self) -> None:
        """Each group's parent must be a declared group that does not contain it."""
        parents: dict[str, str | None] = {}
        for group in self.doc.groups:
            parents.setdefault(group.id, group.parent)
        for index, group in enumerate(self.doc.groups):
            if group.parent is None:
                continue
            path = ("groups", index, "parent")
            if group.parent not in parents:
                self.refs.append(_Ref(group.parent, path, "group"))
                continue
            seen: set[str] = {group.id}
            parent: str | None = group.parent
            while parent is not None and parent not in seen:
                seen.add(parent)
                parent = parents.get(parent)
            if parent == group.id:
                self.error(
                    path,
                    f"group `{group.id}` is part of itself (through `{group.parent}`)",
                    "give the outermost group no `parent:`",
                )

    def _push_children(
        self,
        stack: list[tuple[StatementDoc | ArgumentDoc | RefDoc, PathKey, str | None, RelationKind]],
        pros: list[Child],
        cons: list[Child],
        parent: str,
        path: PathKey,
    ) -> None:
        # Reversed, so that the stack pops them in the order they were written.
        for key, kind, items in (
            ("cons", RelationKind.ATTACKS, cons),
            ("pros", RelationKind.SUPPORTS, pros),
        ):
            for index in reversed(range(len(items))):
                stack.append((items[index], (*path, key, index), parent, kind))

    def _walk(
        self,
        stack: list[tuple[StatementDoc | ArgumentDoc | RefDoc, PathKey, str | None, RelationKind]],
    ) -> None:
        while stack:
            item, path, parent, kind = stack.pop()
            if isinstance(item, RefDoc):
                self.refs.append(_Ref(item.ref, (*path, "ref"), "node"))
                if parent is not None:
                    self._relate(kind, item.ref, parent, (*path, "ref"))
                continue
            if not self._define(item.id, path):
                continue
            if parent is not None:
                self._relate(kind, item.id, parent, path)
            self._cross_links(item, path)
            self._people(item.by, item.conceded_by, path)
            if item.group is not None:
                self._known(item.group, "group", path, "group")
            # Pushed last, popped first: an argument's premises come before its reasons.
            self._push_children(stack, item.pros, item.cons, item.id, path)
            if isinstance(item, ArgumentDoc):
                self._argument(item, path, stack)
            else:
                self._statement(item, path)

    def _define(self, node_id: str, path: PathKey) -> bool:
        if node_id in self.map.paths:
            first = self.source.locate(self.map.paths[node_id])[0]
            self.error(
                (*path, "id"),
                f"id `{node_id}` is already used (line {first})",
                "rename one of them, or write `ref: " + node_id + "` to place the same "
                "claim here too",
            )
            return False
        self.map.paths[node_id] = path
        return True

    def _statement(self, item: StatementDoc, path: PathKey) -> None:
        for index, quote in enumerate(item.quotes):
            if quote.by is not None:
                self._known(quote.by, "speaker", path, "quotes", index, "by")
            if quote.source is not None:
                self._known(quote.source, "source", path, "quotes", index, "source")
            elif len(self.doc.sources) > 1:
                self.add(
                    (*path, "quotes", index),
                    "this quote does not say which source it is from",
                    "add `source: <id>`: the debate has several sources",
                    Severity.WARNING,
                )
        if item.source is not None:
            self._known(item.source, "source", path, "source")
        self.statements[item.id] = trusted(
            Statement,
            id=item.id,
            text=item.text,
            title=item.title,
            speakers=tuple(item.by),
            conceded_by=tuple(item.conceded_by),
            quotes=tuple(_quote(quote) for quote in item.quotes),
            basis=item.basis,
            source=item.source,
            tags=tuple(item.tags),
            notes=item.notes,
            questions=tuple(item.questions),
            side=item.side,
            group=item.group,
        )

    def _argument(
        self,
        item: ArgumentDoc,
        path: PathKey,
        stack: list[tuple[StatementDoc | ArgumentDoc | RefDoc, PathKey, str | None, RelationKind]],
    ) -> None:
        premises: list[str] = []
        inline: list[tuple[StatementDoc, PathKey]] = []
        for index, premise in enumerate(item.premises):
            premise_path = (*path, "premises", index)
            if isinstance(premise, RefDoc):
                self.refs.append(_Ref(premise.ref, (*premise_path, "ref"), "premise"))
                premises.append(premise.ref)
            else:
                premises.append(premise.id)
                inline.append((premise, premise_path))
        for premise, premise_path in reversed(inline):
            stack.append((premise, premise_path, None, RelationKind.SUPPORTS))
        if item.scheme is not None:
            self._known(item.scheme, "scheme", path, "scheme")
        self.arguments[item.id] = trusted(
            Argument,
            id=item.id,
            title=item.argument,
            gist=item.gist,
            premises=tuple(premises),
            scheme=item.scheme,
            speakers=tuple(item.by),
            conceded_by=tuple(item.conceded_by),
            tags=tuple(item.tags),
            notes=item.notes,
            questions=tuple(item.questions),
            side=item.side,
            group=item.group,
        )

    def _known(self, value: str, kind: str, path: PathKey, *part: str | int) -> None:
        """Note a reference to a speaker, source or scheme (all known up front) that is wrong.

        Only the wrong ones are kept, to be reported in order with the rest: a debate of
        100,000 claims makes as many references to its speakers.
        """
        if value not in self.declared[kind]:
            self.refs.append(_Ref(value, (*path, *part), kind))

    def _people(self, by: list[str], conceded_by: list[str], path: PathKey) -> None:
        for key, ids in (("by", by), ("conceded_by", conceded_by)):
            for index, speaker in enumerate(ids):
                self._known(speaker, "speaker", path, key, index)

    def _cross_links(self, item: StatementDoc | ArgumentDoc, path: PathKey) -> None:
        for key, kind in (
            ("supports", RelationKind.SUPPORTS),
            ("attacks", RelationKind.ATTACKS),
            ("contradicts", RelationKind.CONTRADICTS),
            ("undercuts", RelationKind.UNDERCUTS),
        ):
            for index, target in enumerate(getattr(item, key)):
                self._relate(kind, item.id, target, (*path, key, index))

    def _relate(
        self,
        kind: RelationKind,
        source: str,
        target: str,
        path: PathKey,
        *,
        rid: str | None = None,
        note: str | None = None,
    ) -> None:
        rid = rid or relation_id(source, target)
        if source == target:
            self.error(
                path,
                f"`{source}` {kind} itself",
                "a claim cannot bear on itself: point the relation at another claim",
            )
            return
        existing = self.relations.get(rid)
        if kind is RelationKind.CONTRADICTS:
            mirror = self.relations.get(relation_id(target, source))
            if mirror is not None and mirror.kind is RelationKind.CONTRADICTS:
                return  # written on both sides; contradiction is symmetric
        if existing is not None:
            if existing.kind is kind:
                self.add(
                    path,
                    f"`{source}` {kind} `{target}` twice",
                    "remove one of them",
                    Severity.WARNING,
                )
            else:
                self.error(
                    path,
                    f"`{source}` both {existing.kind} and {kind} `{target}`",
                    "a claim cannot do both to the same target: keep one",
                )
            return
        self.relations[rid] = trusted(
            Relation, id=rid, kind=kind, source=source, target=target, note=note
        )
        self.map.paths[rid] = path
        if target == rid or not self._is_node(target):
            # Checked once every id is known; a nested claim's parent always is already.
            kind_of_ref = "undercut" if kind is RelationKind.UNDERCUTS else "node"
            self.refs.append(_Ref(target, path, kind_of_ref, owner=rid))

    def _is_node(self, node_id: str) -> bool:
        return (
            node_id in self.statements
            or node_id in self.arguments
            or node_id == self.doc.question.id
        )

    # -- checking references -------------------------------------------------------------

    def _check_refs(self) -> None:
        # Views, not copies: at 100,000 claims a set of every id is megabytes at the peak.
        nodes = _Ids((self.doc.question.id,), self.statements.keys(), self.arguments.keys())
        speakers, sources = self.declared["speaker"], self.declared["source"]
        known: dict[str, tuple[Collection[str], str]] = {
            "node": (nodes, "define it with `id: {}` somewhere in the file"),
            "premise": (self.statements.keys(), "premises are statements: define `id: {}`"),
            "undercut": (
                _Ids(*nodes.parts, self.relations.keys()),
                "undercut a relation by its id `from->to`, or an argument by its id",
            ),
            "speaker": (speakers, "declare it under `speakers:` with `- id: {}` and a `name:`"),
            "source": (sources, "declare it under `sources:` with `- id: {}` and a `title:`"),
            "scheme": (self.schemes, "see `argmap schemes` for the catalogue"),
            "group": (
                self.declared["group"],
                "declare it under `groups:` with `- id: {}` and a `title:`",
            ),
        }
        for ref in self.refs:
            choices, how = known[ref.kind]
            if ref.value in choices and ref.value != ref.owner:
                continue
            if ref.owner is not None:
                choices = [c for c in choices if c != ref.owner]
            noun = {"node": "id", "premise": "statement", "undercut": "relation or argument"}.get(
                ref.kind, ref.kind
            )
            self.error(
                ref.path,
                f"unknown {noun} `{ref.value}`",
                did_you_mean(ref.value, choices) or how.format(ref.value),
            )


class _Ids(Collection[str]):
    """Several collections of ids seen as one, without copying them into a set."""

    def __init__(self, *parts: Collection[str]) -> None:
        self.parts = parts

    def __contains__(self, value: object) -> bool:
        return any(value in part for part in self.parts)

    def __iter__(self) -> Iterator[str]:
        return itertools.chain.from_iterable(self.parts)

    def __len__(self) -> int:
        return sum(map(len, self.parts))


def _quote(quote: QuoteDoc) -> Quote:
    return trusted(Quote, text=quote.text, speaker=quote.by, source=quote.source)


def build_debate(
    doc: DebateDoc, source: YamlDocument, schemes: Collection[str]
) -> tuple[Debate | None, SourceMap, list[Diagnostic]]:
    """Build the graph; on errors the debate is None and the diagnostics say why."""
    builder = _Builder(doc, source, schemes)
    debate = builder.build()
    return debate, builder.map, builder.diagnostics
