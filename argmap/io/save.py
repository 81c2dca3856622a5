"""Writing a debate back to argmap's YAML format: the inverse of ``argmap.io.build``.

The file should look like one a person wrote, so the graph is folded back into the nested form
instead of listing every relation:

- Each statement or argument is *nested* under one node: the target of its first ``supports``
  relation, or of its first ``attacks`` relation when it supports nothing, in the debate's
  relation order (``pros:`` or ``cons:``). A node's place depends only on its own relations, so
  an edit elsewhere does not move it in a diff.
- The tree is written depth-first from the question. What is not under the question is written
  at the top level (``statements:`` / ``arguments:``): claims with no target, one member of
  each support cycle, and anything nested deeper than :data:`MAX_NESTING` levels, so that any
  debate can be re-read (the reader refuses YAML nested more than ``MAX_DEPTH`` levels).
- Every other relation is written once, as a cross-link list on its source (``supports:``,
  ``attacks:``, ``contradicts:``, ``undercuts:``), or under top-level ``relations:`` when the
  nested form cannot say it: a custom id, a note, or the question as the source.
- A premise that supports nothing is defined inside the first argument that uses it, in reading
  order; every later use is a ``ref:``.

Loading what :func:`dump_debate` writes gives an equal :class:`Debate`, and dumping that again
gives the same text: both are tested over generated debates. Comments in a hand-written file are
not part of the debate, so saving drops them.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from argmap.io.atomic import atomic_write
from argmap.io.schemes import scheme_catalogue
from argmap.model.debate import (
    Argument,
    Audience,
    Debate,
    Ranking,
    Relation,
    RelationKind,
    Speaker,
    Statement,
    relation_id,
)

_LIBYAML = hasattr(yaml, "CSafeDumper")
if TYPE_CHECKING:
    _BaseDumper = yaml.SafeDumper
else:  # libyaml's emitter when PyYAML was built with it: three times faster
    _BaseDumper = yaml.CSafeDumper if _LIBYAML else yaml.SafeDumper

MAX_NESTING = 40
"""Deepest debate level written nested; deeper nodes move to the top level with a cross-link.

Each level is two YAML levels (a list item inside a ``pros:`` list), so 40 stays far below the
reader's limit of 200 YAML levels, and still deeper than any debate a person writes by hand.
"""

SCHEMA = "argmap.schema.json"
"""Where the ``yaml-language-server`` comment on the first line points (``argmap schema -o``)."""

WIDTH = 88
"""Where the emitter folds long text; a word may run past it, so lines stay near 100."""

_FOLD_AT = 80
"""Single-line prose longer than this is written as a folded block (``>-``), as authors do."""

_CROSS_LINKS = (
    ("supports", RelationKind.SUPPORTS),
    ("attacks", RelationKind.ATTACKS),
    ("contradicts", RelationKind.CONTRADICTS),
    ("undercuts", RelationKind.UNDERCUTS),
)


class SaveError(ValueError):
    """The debate holds something argmap's file format cannot say; ``problems`` says what."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("cannot save this debate: " + "; ".join(self.problems))


def dump_debate(debate: Debate, *, schema: str | None = SCHEMA) -> str:
    """The debate as argmap YAML text, nested the way a person writes it.

    ``schema`` is the JSON Schema path put in a ``# yaml-language-server`` comment on the first
    line, as in the seed debate, so editors complete and check the file; ``None`` leaves it out.
    Raises :class:`SaveError` when the debate cannot be written so that it reads back equal.
    """
    problems = list(unsavable(debate))
    if problems:
        raise SaveError(problems)
    sections = _Layout(debate).document()
    chunks = [_emit(section) for section in sections]
    header = f"# yaml-language-server: $schema={schema}\n" if schema is not None else ""
    # A blank line between top-level sections, as in a hand-written file. This is safe: no
    # string is written with keep-chomping (`|+`), which would take the blank line as content.
    return header + "\n".join(chunks)


def save_debate(debate: Debate, path: Path, *, schema: str | None = SCHEMA) -> None:
    """Write the debate to ``path`` atomically: a failed save leaves the old file intact."""
    atomic_write(path, dump_debate(debate, schema=schema))


def unsavable(debate: Debate) -> Iterator[str]:
    """Why the file format cannot hold this debate, as sentences; nothing when it can.

    The model allows a few things the reader refuses or merges, so saving them would change the
    debate: a relation from a node to itself, a contradiction written in both directions (the
    reader keeps one: contradiction is symmetric), a scheme missing from the catalogue.
    """
    relations = debate.relations
    reported: set[str] = set()
    for relation in relations.values():
        if relation.source == relation.target:
            yield f"relation `{relation.id}`: `{relation.source}` {relation.kind} itself"
        if relation.kind is RelationKind.CONTRADICTS and relation.id not in reported:
            mirror = relations.get(relation_id(relation.target, relation.source))
            if mirror is not None and mirror is not relation and mirror.kind is relation.kind:
                reported.add(mirror.id)
                yield (
                    f"`{relation.source}` and `{relation.target}` contradict each other twice "
                    f"(`{relation.id}` and `{mirror.id}`); keep one"
                )
    schemes = scheme_catalogue()
    for argument in debate.arguments.values():
        if argument.scheme is not None and argument.scheme not in schemes:
            yield f"argument `{argument.id}` uses scheme `{argument.scheme}`, not in the catalogue"


class _Layout:
    """Decides where each node is written, and builds the plain data to emit.

    Built once per dump: every list and dict it returns is fresh, so the emitter never writes
    YAML anchors.
    """

    def __init__(self, debate: Debate) -> None:
        self.debate = debate
        question = debate.question.id
        self.outgoing: dict[str, list[Relation]] = {}
        self.loose: list[Relation] = []  # written under top-level `relations:`
        for relation in debate.relations.values():
            nestable = (
                relation.id == relation_id(relation.source, relation.target)
                and relation.note is None
                and relation.source != question
            )
            if nestable:
                self.outgoing.setdefault(relation.source, []).append(relation)
            else:
                self.loose.append(relation)
        self.parent = self._parents()
        self.children: dict[str, list[Relation]] = {}
        for relations in self.outgoing.values():
            for relation in relations:
                if self.parent.get(relation.source) is relation:
                    self.children.setdefault(relation.target, []).append(relation)
        # Children are listed in the debate's relation order, not their source's.
        order = {rid: index for index, rid in enumerate(debate.relations)}
        for relations in self.children.values():
            relations.sort(key=lambda relation: order[relation.id])
        self.premises = {p for argument in debate.arguments.values() for p in argument.premises}
        self.rank = {node: i for i, node in enumerate([*debate.statements, *debate.arguments])}
        self.top = self._tops()
        self.placed: set[str] = {question}
        self.nested: set[str] = set()  # nodes written under their parent
        self.deferred: deque[str] = deque()
        self.statements: list[dict[str, Any]] = []
        self.arguments: list[dict[str, Any]] = []

    # -- where each node goes --------------------------------------------------------------

    def _parents(self) -> dict[str, Relation]:
        """Each node's first ``supports`` relation, else its first ``attacks`` relation.

        Supports come first because the file lists cross-links by kind: a node written at the
        top level must pick the same parent when its file is read back.
        """
        parent: dict[str, Relation] = {}
        for kind in (RelationKind.SUPPORTS, RelationKind.ATTACKS):
            for source, relations in self.outgoing.items():
                if source not in parent:
                    first = next((r for r in relations if r.kind is kind), None)
                    if first is not None:
                        parent[source] = first
        return parent

    def _tops(self) -> dict[str, str]:
        """The node at the head of each node's parent chain: the tree it is written in.

        A chain ends at the question, at a node with no parent, or in a cycle; a cycle is
        headed by its member listed first (statements before arguments), which is also the
        one read first when the file is loaded again.
        """
        top: dict[str, str] = {}
        for start in self.rank:
            path: list[str] = []
            on_path: dict[str, int] = {}
            node = start
            while node not in top:
                if node in on_path:
                    cycle = path[on_path[node] :]
                    head = min(cycle, key=self.rank.__getitem__)
                    top.update(dict.fromkeys(cycle, head))
                    break
                relation = self.parent.get(node)
                if relation is None or relation.target not in self.rank:
                    top[node] = node if relation is None else relation.target
                    break
                on_path[node] = len(path)
                path.append(node)
                node = relation.target
            for walked in path:
                top.setdefault(walked, top[node])
        return top

    def _awaits_argument(self, node: str) -> bool:
        """A premise that supports nothing is written inside its argument, not at the top."""
        return node in self.premises and node not in self.parent

    # -- building the document ---------------------------------------------------------------

    def document(self) -> list[dict[str, Any]]:
        """The top-level sections, in the order of the file-format model."""
        debate = self.debate
        question = debate.question
        question_doc: dict[str, Any] = {"id": question.id}
        _put(question_doc, "title", question.title)
        question_doc["text"] = question.text
        question_doc.update(self._children(question.id, 0))
        self._drain()
        self._place_the_rest()
        header: dict[str, Any] = {"argmap": 1, "title": debate.title}
        _put(header, "description", debate.description)
        sections = [
            header,
            {"sources": [s.model_dump(exclude_none=True) for s in debate.sources.values()]},
            {"speakers": [_speaker(s) for s in debate.speakers.values()]},
            {"groups": [g.model_dump(exclude_none=True) for g in debate.groups.values()]},
            {"values": [v.model_dump(exclude_none=True) for v in debate.values.values()]},
            {"audiences": [_audience(a) for a in debate.audiences.values()]},
            {"question": question_doc},
            {"statements": self.statements},
            {"arguments": self.arguments},
            {"relations": [_relation(r) for r in self.loose]},
            {"order": list(debate.order)},
        ]
        return [section for section in sections if any(section.values())]

    def _place_the_rest(self) -> None:
        """Top-level trees: statements first, then arguments, then premise deadlocks.

        A premise waits for its argument; only when the argument itself hangs below the premise
        (so neither can come first) is the premise written at the top level.
        """
        for node in self.debate.statements:
            head = self.top[node]
            if (
                node not in self.placed
                and head in self.debate.statements
                and not self._awaits_argument(head)
            ):
                self._root(head)
        # Each tree is rooted in the order of its head, not of its first member: a statement
        # cut off at the nesting limit is written (with the arguments below it) in the
        # statements section, ahead of the arguments section, so a re-read file lists those
        # arguments first; their heads are still read in the order written.
        for node in self.debate.arguments:
            if node not in self.placed and self.top[node] == node:
                self._root(node)
        for node in self.rank:
            if node not in self.placed:
                self._root(self.top[node])

    def _root(self, node: str) -> None:
        self.placed.add(node)
        self._write_top_level(node)
        self._drain()

    def _drain(self) -> None:
        """Write the nodes cut off at the nesting limit, each as a new top-level tree."""
        while self.deferred:
            self._write_top_level(self.deferred.popleft())

    def _write_top_level(self, node: str) -> None:
        item = self._node(node, 0)
        (self.statements if node in self.debate.statements else self.arguments).append(item)

    def _enter(self, node: str, depth: int) -> bool:
        """Claim ``node`` for the current place; False when it must go to the top level."""
        self.placed.add(node)
        if depth > MAX_NESTING:
            self.deferred.append(node)
            return False
        return True

    def _children(self, node: str, depth: int) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {}
        children = self.children.get(node, [])
        if depth + 1 > MAX_NESTING:
            # They all go to the top level, where the reader meets statements before arguments:
            # queue them in that order so that a saved file saves again the same.
            children = sorted(
                children, key=lambda relation: relation.source in self.debate.arguments
            )
        for key, kind in (("pros", RelationKind.SUPPORTS), ("cons", RelationKind.ATTACKS)):
            items = []
            for relation in children:
                child = relation.source
                if (
                    relation.kind is kind
                    and child not in self.placed
                    and self._enter(child, depth + 1)
                ):
                    self.nested.add(child)
                    items.append(self._node(child, depth + 1))
            if items:
                out[key] = items
        return out

    def _node(self, node: str, depth: int) -> dict[str, Any]:
        debate = self.debate
        if node in debate.statements:
            out = _statement_head(debate.statements[node])
        else:
            out = _argument_head(debate.arguments[node])
        for key, kind in _CROSS_LINKS:
            targets = [
                r.target
                for r in self.outgoing.get(node, ())
                if r.kind is kind and not (node in self.nested and self.parent[node] is r)
            ]
            if targets:
                out[key] = _Flow(targets)
        if node in debate.statements:
            _statement_tail(out, debate.statements[node])
        else:
            _argument_tail(out, debate.arguments[node])
            premises = [self._premise(p, depth) for p in debate.arguments[node].premises]
            if premises:
                out["premises"] = premises
        out.update(self._children(node, depth))
        return out

    def _premise(self, premise: str, depth: int) -> dict[str, Any]:
        if (
            premise not in self.placed
            and self._awaits_argument(premise)
            and self._enter(premise, depth + 1)
        ):
            return self._node(premise, depth + 1)
        return {"ref": premise}


# -- one node's own fields, in the order authors write them ------------------------------------


def _statement_head(statement: Statement) -> dict[str, Any]:
    out: dict[str, Any] = {"id": statement.id}
    _put(out, "title", statement.title)
    out["text"] = statement.text
    _people(out, statement.speakers, statement.conceded_by)
    _put(out, "source", statement.source)
    _put(out, "basis", statement.basis.value if statement.basis else None)
    _put(out, "side", statement.side.value if statement.side else None)
    _put(out, "group", statement.group)
    if statement.tags:
        out["tags"] = _Flow(statement.tags)
    _weighing(out, statement)
    return out


def _statement_tail(out: dict[str, Any], statement: Statement) -> None:
    if statement.quotes:
        out["quotes"] = [
            {
                key: value
                for key, value in (("text", q.text), ("by", q.speaker), ("source", q.source))
                if value is not None
            }
            for q in statement.quotes
        ]
    if statement.questions:
        out["questions"] = list(statement.questions)
    _put(out, "notes", statement.notes)


def _argument_head(argument: Argument) -> dict[str, Any]:
    out: dict[str, Any] = {"argument": argument.title, "id": argument.id}
    _put(out, "gist", argument.gist)
    _put(out, "scheme", argument.scheme)
    _people(out, argument.speakers, argument.conceded_by)
    _put(out, "side", argument.side.value if argument.side else None)
    _put(out, "group", argument.group)
    if argument.tags:
        out["tags"] = _Flow(argument.tags)
    _weighing(out, argument)
    return out


def _argument_tail(out: dict[str, Any], argument: Argument) -> None:
    if argument.questions:
        out["questions"] = list(argument.questions)
    _put(out, "notes", argument.notes)


def _people(out: dict[str, Any], speakers: Sequence[str], conceded_by: Sequence[str]) -> None:
    """``by: lankov`` for one speaker, ``by: [go, choi]`` for several."""
    for key, ids in (("by", speakers), ("conceded_by", conceded_by)):
        if len(ids) == 1:
            out[key] = ids[0]
        elif ids:
            out[key] = _Flow(ids)


def _weighing(out: dict[str, Any], node: Statement | Argument) -> None:
    """``promotes:``, ``demotes:``, ``weight:`` and ``at-issue:``, when a node has them."""
    for key, ids in (("promotes", node.promotes), ("demotes", node.demotes)):
        if ids:
            out[key] = _Flow(ids)
    _put(out, "weight", node.weight)
    if node.at_issue:
        out["at-issue"] = True


def _ranking(ranking: Ranking) -> _Flow:
    """``[security, [exposure, rights]]``: a tie is written as a list inside the ranking."""
    return _Flow(group[0] if len(group) == 1 else _Flow(group) for group in ranking)


def _speaker(speaker: Speaker) -> dict[str, Any]:
    out = speaker.model_dump(exclude_none=True, exclude={"ranks"})
    if speaker.ranks:
        out["ranks"] = _ranking(speaker.ranks)
    return out


def _audience(audience: Audience) -> dict[str, Any]:
    out = audience.model_dump(exclude_none=True, exclude={"ranking"})
    out["ranking"] = _ranking(audience.ranking)
    return out


def _relation(relation: Relation) -> dict[str, Any]:
    out: dict[str, Any] = {"from": relation.source, "to": relation.target}
    out["kind"] = relation.kind.value
    if relation.id != relation_id(relation.source, relation.target):
        out["id"] = relation.id
    if relation.note is None:
        return _FlowMap(out)
    out["note"] = relation.note
    return out


def _put(out: dict[str, Any], key: str, value: object) -> None:
    if value is not None:
        out[key] = value


# -- YAML emitting -----------------------------------------------------------------------------


class _Flow(list[Any]):
    """A short list written inline: ``tags: [economy, china]``."""


class _FlowMap(dict[str, Any]):
    """A short mapping written inline: ``- {from: a, to: b, kind: attacks}``."""


class _Dumper(_BaseDumper):
    """A safe dumper with argmap's string styles, inline lists, and no anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


class _PyDumper(yaml.SafeDumper):
    """The same in pure Python, whose emitter writes emoji as they are (see :func:`_emit`)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


_STR = "tag:yaml.org,2002:str"


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    """Choose how a string is written; the emitter quotes anything that needs it.

    Multi-line text goes in a literal block (``|``), long prose in a folded one (``>-``).
    Strings with the rarer YAML line breaks are double-quoted: the pure-Python emitter writes
    them raw in blocks and single quotes, where the reader turns them into ``\\n``.
    """
    style: str | None = None
    if any(ch in value for ch in "\r\x85\u2028\u2029") or _keeps_breaks(value):
        style = '"'
    elif "\n" in value:
        style = "|"
    elif len(value) > _FOLD_AT and " " in value and value == value.strip() and "  " not in value:
        style = ">"
    return dumper.represent_scalar(_STR, value, style=style)


def _keeps_breaks(value: str) -> bool:
    """Would a block keep its trailing line breaks (``|+``)? Then it takes in the blank line
    written after it between sections, so such strings are double-quoted instead."""
    return value.endswith("\n") and (len(value) == 1 or value[-2] == "\n")


def _represent_flow(dumper: yaml.SafeDumper, value: _Flow) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


def _represent_flow_map(dumper: yaml.SafeDumper, value: _FlowMap) -> yaml.MappingNode:
    return dumper.represent_mapping("tag:yaml.org,2002:map", value, flow_style=True)


def _configure(dumper: type[yaml.SafeDumper]) -> None:
    dumper.add_representer(str, _represent_str)
    dumper.add_representer(_Flow, _represent_flow)
    dumper.add_representer(_FlowMap, _represent_flow_map)
    # Text that YAML 1.2 tools read as a number (`1e3`, `0o17`) is quoted, although PyYAML's
    # YAML 1.1 rules would leave it plain: the file should mean the same in every tool.
    dumper.add_implicit_resolver(
        "tag:yaml.org,2002:float",
        re.compile(r"^[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)[eE][-+]?[0-9]+$"),
        list("-+.0123456789"),
    )
    dumper.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^0o[0-7]+$"), ["0"])


_configure(_Dumper)
_configure(_PyDumper)


def _emit(data: dict[str, Any]) -> str:
    """One top-level section as YAML text.

    libyaml escapes every character beyond U+FFFF (``\\U0001F642`` for an emoji) even with
    ``allow_unicode``; when it did, the section is written again by PyYAML's own emitter, which
    keeps them as they are. Both emitters write the same text otherwise, so a file saves the
    same on every run.
    """
    options: dict[str, Any] = {
        "sort_keys": False,
        "allow_unicode": True,
        "width": WIDTH,
        "indent": 2,
        "default_flow_style": False,
    }
    text: str = yaml.dump(data, Dumper=_Dumper, **options)
    if _LIBYAML and "\\U" in text:
        text = yaml.dump(data, Dumper=_PyDumper, **options)
    return text
