"""Values, audiences and weights in the file: checked with locations, then put on the graph.

Kept apart from :mod:`argmap.io.build` (which walks the nested tree for relations) so that the
weighing fields have one home: this module walks the document once more for the few nodes that
carry ``promotes:``, ``demotes:``, ``weight:`` or ``at-issue:``, reports every unknown value or
ranking at its own line with a did-you-mean, and copies the fields onto the built debate.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from argmap.io.diagnostics import Diagnostic, Severity, did_you_mean
from argmap.io.yamlsource import PathKey, YamlDocument
from argmap.model.debate import Audience, Debate, Ranking, Relation, RelationKind, Value
from argmap.model.document import ArgumentDoc, Child, DebateDoc, RefDoc, StatementDoc

_Report = Callable[..., None]
"""``report(path, message, hint, error=True)``: add one located diagnostic."""

_HOW = "declare it under `values:` with `- id: {}` and a `name:`"


@dataclass(frozen=True, slots=True)
class _Weighed:
    """One node's weighing fields, and where the node was written."""

    path: PathKey
    promotes: tuple[str, ...]
    demotes: tuple[str, ...]
    weight: float | None
    at_issue: bool

    def update(self) -> dict[str, Any]:
        return {
            "promotes": self.promotes,
            "demotes": self.demotes,
            "weight": self.weight,
            "at_issue": self.at_issue,
        }


class WeighingFields:
    """The weighing fields of a document, found by one walk over its nodes."""

    def __init__(self, doc: DebateDoc) -> None:
        self.doc = doc
        self.nodes: dict[str, _Weighed] = {}
        for item, path in _nodes(doc):
            if item.promotes or item.demotes or item.weight is not None or item.at_issue:
                self.nodes.setdefault(
                    item.id,
                    _Weighed(
                        path,
                        tuple(item.promotes),
                        tuple(item.demotes),
                        item.weight,
                        item.at_issue,
                    ),
                )

    def check(self, source: YamlDocument, relations: Mapping[str, Relation]) -> list[Diagnostic]:
        """Every unknown or repeated value, ranking or audience, located in ``source``."""
        found: list[Diagnostic] = []

        def report(path: PathKey, message: str, hint: str | None, error: bool = True) -> None:
            line, column = source.locate(path)
            severity = Severity.ERROR if error else Severity.WARNING
            found.append(Diagnostic(source.name, line, column, message, hint, severity))

        values = self._declared(report)
        for fields in self.nodes.values():
            for key, ids in (("promotes", fields.promotes), ("demotes", fields.demotes)):
                for index, value in enumerate(ids):
                    if value not in values:
                        hint = did_you_mean(value, values) or _HOW.format(value)
                        report((*fields.path, key, index), f"unknown value `{value}`", hint)
        for path, ranking in self._rankings():
            self._check_ranking(path, ranking, values, report)
        reasons = {relation.target for relation in relations.values()}
        reasons |= {r.source for r in relations.values() if r.kind is RelationKind.CONTRADICTS}
        for node_id, fields in self.nodes.items():
            if fields.at_issue and node_id not in reasons:
                report(
                    (*fields.path, "at-issue"),
                    f"`{node_id}` is at issue but has no pros or cons to weigh",
                    "add reasons under `pros:` / `cons:`, or remove `at-issue: true`",
                    error=False,
                )
        return found

    def declared(self) -> dict[str, Any]:
        """The debate's ``values`` and ``audiences``, as :class:`Debate` fields."""
        return {
            "values": {value.id: value for value in self.doc.values},
            "audiences": {audience.id: audience for audience in self.doc.audiences},
        }

    def apply(self, debate: Debate) -> Debate:
        """``debate`` with the weighing fields on its nodes."""
        statements = dict(debate.statements)
        arguments = dict(debate.arguments)
        for node_id, fields in self.nodes.items():
            if node_id in statements:
                statements[node_id] = statements[node_id].model_copy(update=fields.update())
            elif node_id in arguments:
                arguments[node_id] = arguments[node_id].model_copy(update=fields.update())
        if not self.nodes:
            return debate
        return debate.model_copy(update={"statements": statements, "arguments": arguments})

    def _declared(self, report: _Report) -> list[str]:
        values: dict[str, int] = {}
        speakers = {speaker.id for speaker in self.doc.speakers}
        groups: tuple[tuple[str, Sequence[Value | Audience]], ...] = (
            ("values", self.doc.values),
            ("audiences", self.doc.audiences),
        )
        for kind, items in groups:
            seen: dict[str, int] = {}
            for index, item in enumerate(items):
                if item.id in seen:
                    report(
                        (kind, index, "id"),
                        f"{kind[:-1]} id `{item.id}` is declared twice",
                        "give each one its own id",
                    )
                seen.setdefault(item.id, index)
                if kind == "audiences" and item.id in speakers:
                    report(
                        (kind, index, "id"),
                        f"audience id `{item.id}` is also a speaker's id",
                        "give the speaker `ranks:` instead, or rename the audience",
                    )
            if kind == "values":
                values = seen
        return list(values)

    def _rankings(self) -> Iterator[tuple[PathKey, Ranking]]:
        for index, speaker in enumerate(self.doc.speakers):
            if speaker.ranks:
                yield ("speakers", index, "ranks"), speaker.ranks
        for index, audience in enumerate(self.doc.audiences):
            yield ("audiences", index, "ranking"), audience.ranking

    @staticmethod
    def _check_ranking(
        path: PathKey, ranking: Ranking, values: Collection[str], report: _Report
    ) -> None:
        seen: set[str] = set()
        for index, group in enumerate(ranking):
            for place, value in enumerate(group):
                where = (*path, index, place) if len(group) > 1 else (*path, index)
                if value not in values:
                    hint = did_you_mean(value, values) or _HOW.format(value)
                    report(where, f"unknown value `{value}` in this ranking", hint)
                elif value in seen:
                    report(where, f"`{value}` is ranked twice", "keep it in one place")
                seen.add(value)


def _nodes(doc: DebateDoc) -> Iterator[tuple[StatementDoc | ArgumentDoc, PathKey]]:
    """Every statement and argument written in ``doc``, with its path, premises included."""
    stack: list[tuple[Child, PathKey]] = []

    def push(children: Sequence[Child], path: PathKey) -> None:
        stack.extend((child, (*path, index)) for index, child in enumerate(children))

    push(doc.question.pros, ("question", "pros"))
    push(doc.question.cons, ("question", "cons"))
    push(doc.statements, ("statements",))
    push(doc.arguments, ("arguments",))
    while stack:
        item, path = stack.pop()
        if isinstance(item, RefDoc):
            continue
        yield item, path
        push(item.pros, (*path, "pros"))
        push(item.cons, (*path, "cons"))
        if isinstance(item, ArgumentDoc):
            push(item.premises, (*path, "premises"))
