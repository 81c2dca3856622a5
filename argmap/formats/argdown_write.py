"""Writing a debate as Argdown that Argdown's own tools can draw and argmap reads back equal.

The layout is the one Argdown's examples use:

* YAML front matter with the title and description, and under ``argmap:`` what Argdown has
  no syntax for: speakers, sources, the teaching order, and relations with a custom id, a
  note, or ends Argdown cannot relate (an undercut of a relation, a contradiction with an
  argument).
* The question, marked ``{question: true}``, with every reason and objection indented below
  it (``+ [Title]: text`` / ``- <Title>: gist``), recursively; a node written a second time
  is a reference (``+ [Title]``). Claims nested deeper than :data:`MAX_DEPTH` start a new
  block, so no line is indented absurdly far.
* After each tree, one premise-conclusion structure per argument with premises that supports
  a statement: its conclusion is that statement, and an undercut of that support stands under
  its inference line (``<_ [U]``). Argdown reads any other relation drawn from a
  reconstructed argument as its conclusion's, so those go to the front matter. An argument
  with premises that supports no statement (it only attacks) keeps them in
  ``{premises: [ids]}``: Argdown's tools see a sketched argument, argmap its premises.
* argmap's fields go in ``{…}`` data (``{id: funds-wmd, by: [go, choi]}``), tags as ``#tags``.
* Groups are headings (``# Sanctions``, ``## Enforcement`` for a group inside it), after the
  claims in no group. Argdown puts a claim in the section where it is first *defined*, so
  each claim is defined under its group's heading; a tree elsewhere only refers to it.

An Argdown statement is one line of text; a text with line breaks (or spaces Argdown would not
keep) is written on one line for Argdown's tools, and exactly in ``{text: …}`` for argmap. So
the written file holds the whole debate, and reading it back gives an equal one.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from argmap.formats.argdown import (
    QUESTION_MARK,
    escape,
    implied_title,
    plain_word,
    safe_title,
    tag_syntax,
)
from argmap.formats.draft import slug
from argmap.formats.written import Written
from argmap.io.schemes import scheme_catalogue
from argmap.model.debate import Argument, Debate, Relation, RelationKind, Statement, relation_id

MAX_DEPTH = 40
"""Deepest nesting written; deeper claims are referenced there and defined in a new block."""

_INDENT = "  "


def write_argdown(debate: Debate) -> Written:
    """The debate as Argdown text, with what Argdown could not hold."""
    return _Writer(debate).write()


@dataclass
class _Layout:
    """Which relations are written as indented lines, under which node."""

    under: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # node → (symbol, id)
    loose: list[Relation] = field(default_factory=list)
    conclusion: dict[str, str] = field(default_factory=dict)  # argument → statement it supports
    inference: dict[str, list[str]] = field(default_factory=dict)  # argument → undercut ids


class _Writer:
    def __init__(self, debate: Debate) -> None:
        self.debate = debate
        self.lines: list[str] = []
        self.defined: set[str] = set()
        self.pending_pcs: deque[str] = deque()
        self.deferred: deque[str] = deque()
        self.schemes = scheme_catalogue()
        self.titles = self._titles()
        self.layout = self._layout()
        self.section: str | None = None  # the group whose heading the text is under
        self.group_of = {
            node.id: node.group
            for node in (*debate.statements.values(), *debate.arguments.values())
        }

    # -- names -------------------------------------------------------------------------------

    def _titles(self) -> dict[str, str]:
        """A unique Argdown title for every node: its own title where it can be written."""
        debate = self.debate
        titles: dict[str, str] = {}
        for namespace in ("statement", "argument"):
            used: set[str] = set()
            nodes: list[tuple[str, str | None]]
            if namespace == "statement":
                nodes = [(debate.question.id, debate.question.title)]
                nodes += [(s.id, s.title) for s in debate.statements.values()]
            else:
                nodes = [(a.id, a.title) for a in debate.arguments.values()]
            for number, (node_id, title) in enumerate(nodes, start=1):
                choices = [c for c in (title, node_id) if c is not None and safe_title(c)]
                choices.append(f"{namespace} {number}")
                chosen = next((c for c in choices if c not in used), None)
                counter = 2
                while chosen is None:
                    candidate = f"{choices[0]} {counter}"
                    chosen = candidate if candidate not in used else None
                    counter += 1
                used.add(chosen)
                titles[node_id] = chosen
        return titles

    # -- where each relation goes ----------------------------------------------------------------

    def _layout(self) -> _Layout:
        """Indented lines where Argdown reads them as argmap means them; the front matter
        for the rest.

        Argdown moves a relation drawn from a reconstructed argument to the argument's
        conclusion, so an argument with premises supports its first supported statement in
        its reconstruction, and any other relation it draws goes to the front matter. An
        undercut of that support is written under the reconstruction's inference line.
        """
        debate = self.debate
        layout = _Layout()
        claims = {debate.question.id, *debate.statements}
        for relation in debate.relations.values():
            source, kind = relation.source, relation.kind
            argument = debate.arguments.get(source)
            if (
                kind is RelationKind.SUPPORTS
                and argument is not None
                and argument.premises
                and relation.target in claims
                and relation.target not in argument.premises
                and source not in layout.conclusion
                and relation.id == relation_id(source, relation.target)
                and relation.note is None
            ):
                layout.conclusion[source] = relation.target
        for relation in debate.relations.values():
            source, target = relation.source, relation.target
            plain = relation.id == relation_id(source, target) and relation.note is None
            kind = relation.kind
            reconstructed = source in layout.conclusion
            if reconstructed and kind is not RelationKind.UNDERCUTS:
                said = plain and kind is RelationKind.SUPPORTS
                if not (said and layout.conclusion[source] == target):
                    layout.loose.append(relation)
                continue  # else the reconstruction's conclusion line says it
            aimed = debate.relations.get(target)
            if (
                plain
                and kind is RelationKind.UNDERCUTS
                and aimed is not None
                and layout.conclusion.get(aimed.source) == aimed.target
            ):
                layout.inference.setdefault(aimed.source, []).append(relation.id)
                continue
            if plain and kind in (RelationKind.SUPPORTS, RelationKind.ATTACKS):
                symbol, anchor = ("+" if kind is RelationKind.SUPPORTS else "-"), target
            elif plain and kind is RelationKind.UNDERCUTS and target in debate.arguments:
                symbol, anchor = "<_", target
            elif plain and kind is RelationKind.CONTRADICTS and {source, target} <= claims:
                symbol, anchor = "><", source
            else:
                layout.loose.append(relation)
                continue
            layout.under.setdefault(anchor, []).append((symbol, relation.id))
        return layout

    # -- the document ------------------------------------------------------------------------

    def write(self) -> Written:
        sections = self._sections()
        self._front_matter(max((level for _, level in sections), default=0))
        self._root(self.debate.question.id)
        self._claims_of(None)
        for group_id, level in sections:
            self.section = group_id
            group = self.debate.groups[group_id]
            data: dict[str, Any] = {}
            if slug(group.title, "section") != group_id:
                data["id"] = group_id
            heading = _heading(group.title)
            if _HEADING_UNSAFE.search(group.title) or " ".join(group.title.split()) != group.title:
                data["title"] = group.title  # exact, for argmap; the line is for Argdown
            flow = f" {_flow(data)}" if data else ""
            self.lines += [f"{'#' * level} {heading or escape(group_id)}{flow}", ""]
            self._claims_of(group_id)
        dropped = []
        empty = len(self.debate.groups) - len(sections)
        if empty:
            dropped.append(f"{empty} groups that hold no claim are left out")
        unknown = [
            a.id
            for a in self.debate.arguments.values()
            if a.scheme is not None and a.scheme not in self.schemes
        ]
        if unknown:
            dropped.append(
                f"{len(unknown)} schemes outside the catalogue are kept only as the inference "
                "line's text"
            )
        return Written("\n".join(self.lines).rstrip("\n") + "\n", dropped)

    def _claims_of(self, group: str | None) -> None:
        """Define the claims of one group (or of none), each tree from its head."""
        nodes = [n for n in (*self.debate.statements, *self.debate.arguments)]
        nodes = [n for n in nodes if self.group_of[n] == group]
        # A premise is best defined inside its argument's reconstruction, so the claims
        # that wait for an argument not written yet come last.
        arguments = self.debate.arguments.values()
        for node in nodes:
            waiting = any(node in a.premises and a.id not in self.defined for a in arguments)
            if node not in self.defined and not waiting:
                self._root(node)
        for node in nodes:
            if node not in self.defined:
                self._root(node)

    def _sections(self) -> list[tuple[str, int]]:
        """The groups that hold claims, each before the groups inside it, with its level."""
        groups = self.debate.groups
        used: set[str] = set()
        for group_id in self.group_of.values():
            while group_id is not None and group_id in groups and group_id not in used:
                used.add(group_id)
                group_id = groups[group_id].parent
        inside: dict[str | None, list[str]] = {}
        for group_id, group in groups.items():
            if group_id in used:
                inside.setdefault(group.parent if group.parent in used else None, []).append(
                    group_id
                )
        out: list[tuple[str, int]] = []
        stack = [(group_id, 1) for group_id in reversed(inside.get(None, []))]
        while stack:
            group_id, level = stack.pop()
            out.append((group_id, level))
            stack += [(child, level + 1) for child in reversed(inside.get(group_id, []))]
        return out

    def _front_matter(self, levels: int) -> None:
        debate = self.debate
        front: dict[str, Any] = {"title": debate.title}
        if debate.description is not None:
            front["description"] = debate.description
        own: dict[str, Any] = {}
        if debate.speakers:
            own["speakers"] = [
                s.model_dump(mode="json", exclude_defaults=True) for s in debate.speakers.values()
            ]
        if debate.sources:
            own["sources"] = [s.model_dump(exclude_none=True) for s in debate.sources.values()]
        for key, items in (("values", debate.values), ("audiences", debate.audiences)):
            if items:
                own[key] = [
                    item.model_dump(mode="json", exclude_none=True) for item in items.values()
                ]
        if debate.order:
            own["order"] = list(debate.order)
        if self.layout.loose:
            own["relations"] = [_relation(r) for r in self.layout.loose]
        if own:
            front["argmap"] = own
        if levels > 2:  # Argdown's maps keep only the two deepest heading levels by default
            front["group"] = {"groupDepth": levels}
        dumped = yaml.dump(front, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=88)
        self.lines += ["===", dumped.rstrip("\n"), "===", ""]

    def _root(self, node: str) -> None:
        """A tree starting at ``node``, then the reconstructions it brought up."""
        self.deferred.append(node)
        while self.deferred:
            top = self.deferred.popleft()
            if top in self.defined:
                continue
            self._tree(top, "", 0)
            self.lines.append("")
            while self.pending_pcs:
                self._reconstruction(self.pending_pcs.popleft())

    def _tree(self, root: str, head: str, indent: int) -> None:
        """``root``'s definition on a line starting with ``head``, its relations below."""
        stack: list[tuple[str, str, int]] = [(root, head, indent)]
        while stack:
            node, prefix, depth = stack.pop()
            pad = _INDENT * depth
            if node in self.defined or self.group_of.get(node) != self.section:
                # Defined under its own group's heading: Argdown groups by definition.
                self.lines.append(f"{pad}{prefix}{self._reference(node)}")
                continue
            if depth > MAX_DEPTH:
                self.lines.append(f"{pad}{prefix}{self._reference(node)}")
                self.deferred.append(node)
                continue
            self.defined.add(node)
            self.lines.append(f"{pad}{prefix}{self._definition(node)}")
            if node in self.layout.conclusion:
                self.pending_pcs.append(node)
            children = list(self._children(node))
            for child, symbol in reversed(children):
                stack.append((child, f"{symbol} ", depth + 1))

    def _children(self, node: str) -> Iterator[tuple[str, str]]:
        relations = self.debate.relations
        for symbol, rid in self.layout.under.get(node, ()):
            relation = relations[rid]
            yield (relation.target if symbol == "><" else relation.source), symbol

    def _reconstruction(self, argument_id: str) -> None:
        argument = self.debate.arguments[argument_id]
        self.lines += [self._reference(argument_id), ""]
        for number, premise in enumerate(argument.premises, start=1):
            self._tree(premise, f"({number}) ", 0)
        scheme = argument.scheme
        if scheme is None:
            self.lines.append("----")
        else:
            name = self.schemes[scheme].name if scheme in self.schemes else scheme
            self.lines.append(f"-- {escape(name)} --")
        for undercut in self.layout.inference.get(argument_id, ()):
            self._tree(self.debate.relations[undercut].source, "<_ ", 1)
        number = len(argument.premises) + 1
        self.lines.append(f"({number}) {self._reference(self.layout.conclusion[argument_id])}")
        self.lines.append("")

    # -- one node ----------------------------------------------------------------------------

    def _reference(self, node: str) -> str:
        title = self.titles[node]
        return f"<{title}>" if node in self.debate.arguments else f"[{title}]"

    def _definition(self, node: str) -> str:
        debate = self.debate
        if node == debate.question.id:
            question = debate.question
            data: dict[str, Any] = {QUESTION_MARK: True}
            self._names(data, node, question.text, question.title)
            text = self._text(question.text, data, "text")
            return f"[{self.titles[node]}]: {text} {_flow(data)}"
        if node in debate.statements:
            statement = debate.statements[node]
            data = {}
            self._names(data, node, statement.text, statement.title)
            text = self._text(statement.text, data, "text")
            tags = self._tags(statement.tags, data)
            data.update(_statement_data(statement))
            line = f"[{self.titles[node]}]: {text}{tags}"
        else:
            argument = debate.arguments[node]
            data = {}
            argdown_title = self.titles[node]
            if slug(argdown_title, "argument") != node:
                data["id"] = node
            if argdown_title != argument.title:
                data["title"] = argument.title
            tags = self._tags(argument.tags, data)
            reconstructed = node in self.layout.conclusion
            data.update(
                _argument_data(
                    argument, scheme_in_line=reconstructed and argument.scheme in self.schemes
                )
            )
            if argument.premises and not reconstructed:
                # Argdown reconstructs only an argument with a conclusion; argmap's own
                # field keeps the linked premises of one that supports no statement.
                data["premises"] = list(argument.premises)
            gist = ""
            if argument.gist is not None:
                flat = self._text(argument.gist, data, "gist")
                gist = f": {flat}" if flat else ""
            if not gist and argument.group is not None and not reconstructed:
                # `<Title>` alone only refers to the argument; Argdown's flag puts it in
                # the section it is written in all the same.
                data["isInGroup"] = True
            line = f"<{argdown_title}>{gist}{tags}"
        return f"{line} {_flow(data)}" if data else line

    def _names(self, data: dict[str, Any], node: str, text: str, title: str | None) -> None:
        """``id`` and ``title`` in the data wherever the Argdown title would imply others."""
        argdown_title = self.titles[node]
        if slug(argdown_title, "statement") != node:
            data["id"] = node
        if implied_title(argdown_title, node, text) != title:
            data["title"] = title

    def _tags(self, tags: tuple[str, ...], data: dict[str, Any]) -> str:
        """`` #a #(b c)`` after the text, or every tag in the data if one cannot be written so."""
        written = [tag_syntax(t) for t in tags]
        if all(written) and len(set(tags)) == len(tags):
            return "".join(f" {w}" for w in written)
        data["tags"] = list(tags)
        return ""

    def _text(self, text: str, data: dict[str, Any], key: str) -> str:
        """The text on one line; the exact text goes in the data when one line cannot hold it."""
        flat = " ".join(line.strip() for line in text.splitlines() if line.strip())
        if flat != text or not flat:
            data[key] = text
        return escape(flat)


_HEADING_UNSAFE = re.compile(r"[@\\/#{}*`]")
"""What a heading line may not give back as written (mentions, escapes, comments, data): a
title holding any of it is also written exactly in the heading's ``{title: …}``."""


def _heading(title: str) -> str:
    """A group's title as heading text: on one line, brackets escaped (Argdown would read
    ``<x>`` or ``[x]`` in a heading as an argument or a statement)."""
    return re.sub(r"[\[\]<>]", lambda m: "\\" + m.group(), escape(" ".join(title.split())))


def _statement_data(statement: Statement) -> dict[str, Any]:
    data: dict[str, Any] = {}
    _people(data, statement.speakers, statement.conceded_by)
    for key, value in (
        ("source", statement.source),
        ("basis", statement.basis.value if statement.basis else None),
        ("side", statement.side.value if statement.side else None),
    ):
        if value is not None:
            data[key] = value
    if statement.quotes:
        data["quotes"] = [
            {
                k: v
                for k, v in (("text", q.text), ("by", q.speaker), ("source", q.source))
                if v is not None
            }
            for q in statement.quotes
        ]
    if statement.questions:
        data["questions"] = list(statement.questions)
    _weighing(data, statement)
    if statement.notes is not None:
        data["notes"] = statement.notes
    return data


def _argument_data(argument: Argument, *, scheme_in_line: bool) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if argument.scheme is not None and not scheme_in_line:
        data["scheme"] = argument.scheme
    _people(data, argument.speakers, argument.conceded_by)
    if argument.side is not None:
        data["side"] = argument.side.value
    if argument.questions:
        data["questions"] = list(argument.questions)
    _weighing(data, argument)
    if argument.notes is not None:
        data["notes"] = argument.notes
    return data


def _weighing(data: dict[str, Any], node: Statement | Argument) -> None:
    """The value-based argumentation fields (``argmap.analysis.weighing``), when set."""
    for key, ids in (("promotes", node.promotes), ("demotes", node.demotes)):
        if ids:
            data[key] = list(ids)
    if node.weight is not None:
        data["weight"] = node.weight
    if node.at_issue:
        data["at-issue"] = True


def _people(data: dict[str, Any], speakers: tuple[str, ...], conceded: tuple[str, ...]) -> None:
    for key, ids in (("by", speakers), ("conceded_by", conceded)):
        if ids:
            data[key] = ids[0] if len(ids) == 1 else list(ids)


def _relation(relation: Relation) -> dict[str, Any]:
    out: dict[str, Any] = {
        "from": relation.source,
        "to": relation.target,
        "kind": relation.kind.value,
    }
    if relation.id != relation_id(relation.source, relation.target):
        out["id"] = relation.id
    if relation.note is not None:
        out["note"] = relation.note
    return out


class _Dumper(yaml.SafeDumper):
    """Strings written so that they read back exactly, and inline data stays on one line."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    """Double quotes (with escapes) for any line break or control character.

    PyYAML writes the rarer line breaks raw, which its reader turns into ``\n``, and a quoted
    string with a line break over several lines, which would break ``{…}`` data apart.
    """
    printable = value.replace("\n", "").isprintable()
    style = '"' if "\n" in value or not printable else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def _flow(data: dict[str, Any]) -> str:
    """``{key: value, …}`` on one line, as Argdown's inline data is written.

    Data of plain words (``{by: lankov}``, the usual case) is written directly: emitting YAML
    takes a tenth of a millisecond a call, too slow for ten thousand claims.
    """
    if all(
        plain_word(value) or (isinstance(value, list) and value and all(map(plain_word, value)))
        for value in data.values()
    ):
        items = (
            f"{key}: [{', '.join(value)}]" if isinstance(value, list) else f"{key}: {value}"
            for key, value in data.items()
        )
        return "{" + ", ".join(items) + "}"
    return yaml.dump(
        data,
        Dumper=_Dumper,
        default_flow_style=True,
        sort_keys=False,
        allow_unicode=True,
        width=10**9,
    ).strip()
