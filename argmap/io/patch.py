"""Saving edits into a hand-written debate file without rewriting it.

:func:`argmap.io.save.dump_debate` writes a whole debate in argmap's own layout, which is right
for a new file and wrong for one a person wrote: it would drop their comments and reflow their
text. :func:`patch_text` instead compares the debate as it was read with the edited one and
changes only the lines the differences concern: where each claim stands comes from the id
paths the loader recorded (:class:`~argmap.io.build.SourceMap`), and where each of its keys and
values starts and ends from the positions it recorded too (:mod:`argmap.io.yamlspans` walks
them along the paths a save needs; composing PyYAML's node tree of the whole file for that
took a second on 10,000 claims). Claims an edit did not touch are the same objects in both
versions, so they are passed over by identity. Everything else (comments, blank lines, key
order, quoting, folding, the author's nesting) is copied byte for byte.

How each difference is written:

* a new claim goes in the nested form under the claim it answers (``pros:`` / ``cons:``),
  indented like its siblings; an undercut, which answers no claim, goes under ``statements:``;
* a changed field of a claim replaces that key's value (on a one-line value, only the value:
  a comment after it stays); a new field is inserted after the fields that come before it;
* a new cross-link extends the source's ``supports:`` / ``attacks:`` / ``contradicts:`` /
  ``undercuts:`` list; a relation from the question, or with a note, goes under ``relations:``;
* a deleted claim's lines go; a moved claim's lines (with its comments and everything nested
  in it) are cut out and re-indented under the new parent;
* new speakers are appended under ``speakers:``;
* an argument's new premises are ``- ref:`` items; a premise defined inside the argument that
  is taken out moves to ``statements:``; premises in another order move with their lines.

Lists inside what is written (a new claim's nested claims and quotes) are indented as the file
indents its lists.

Measured against ruamel.yaml's round trip (see the authoring note): ruamel re-indents every
list of the seed (1,142 changed lines with no edit at all) and needs 27 s for the
10,000-claim debate; patching changes nothing it was not asked to and costs milliseconds
(tens of them at 10,000 claims).

:func:`save_edits` patches, checks that the result reads back as exactly the edited debate,
and writes it atomically. What it cannot write faithfully raises :class:`PatchError`; the
caller may then write the debate whole with :func:`~argmap.io.save.dump_debate`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from argmap.io.atomic import atomic_write
from argmap.io.diagnostics import DebateLoadError
from argmap.io.load import parse_debate
from argmap.io.loaded import LoadedDebate, SourceMap, collector_paused
from argmap.io.save import (
    _argument_head,
    _argument_tail,
    _emit,
    _Flow,
    _relation,
    _statement_head,
    _statement_tail,
)
from argmap.io.yamlsource import PathKey, YamlDocument
from argmap.io.yamlspans import (
    FileNodes,
    MappingSpan,
    Node,
    ScalarSpan,
    SequenceSpan,
    SpanError,
    node_at,
)
from argmap.model.debate import (
    Argument,
    Debate,
    Relation,
    RelationKind,
    Speaker,
    Statement,
    relation_id,
)

CROSS_KEYS: dict[RelationKind, str] = {
    RelationKind.SUPPORTS: "supports",
    RelationKind.ATTACKS: "attacks",
    RelationKind.CONTRADICTS: "contradicts",
    RelationKind.UNDERCUTS: "undercuts",
}
_NEST_KEY = {RelationKind.SUPPORTS: "pros", RelationKind.ATTACKS: "cons"}

FIELD_ORDER = [
    "argument",
    "id",
    "title",
    "text",
    "gist",
    "scheme",
    "by",
    "conceded_by",
    "source",
    "basis",
    "side",
    "group",
    "tags",
    "supports",
    "attacks",
    "contradicts",
    "undercuts",
    "quotes",
    "questions",
    "notes",
    "premises",
    "pros",
    "cons",
]
"""Where a new field goes among the existing ones: the order ``dump_debate`` writes."""

_STATEMENT_FIELDS = {
    "title": "title",
    "text": "text",
    "speakers": "by",
    "conceded_by": "conceded_by",
    "source": "source",
    "basis": "basis",
    "side": "side",
    "group": "group",
    "tags": "tags",
    "quotes": "quotes",
    "questions": "questions",
    "notes": "notes",
}
_ARGUMENT_FIELDS = {
    "title": "argument",
    "gist": "gist",
    "scheme": "scheme",
    "speakers": "by",
    "conceded_by": "conceded_by",
    "side": "side",
    "group": "group",
    "tags": "tags",
    "questions": "questions",
    "notes": "notes",
}


class PatchError(ValueError):
    """The edits cannot be written into the file's own text; the message says why."""


# -- where things are in the file ---------------------------------------------------------------


def _value_of(mapping: MappingSpan, key: str) -> tuple[ScalarSpan, Node] | None:
    return next(((k, v) for k, v in mapping.value if k.value == key), None)


class _Text:
    """The file's lines, with the line spans of nodes (0-based, end exclusive)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.splitlines(keepends=True)
        if self.lines and not self.lines[-1].endswith(("\n", "\r")):
            self.lines[-1] += "\n"
        self.newline = "\r\n" if "\r\n" in text[:10_000] else "\n"

    def end(self, node: Node) -> int:
        """The line after the node's last character of content (comments after it excluded)."""
        last = node
        while isinstance(last, MappingSpan | SequenceSpan):
            if last.flow_style:
                break
            items = last.value
            if not items:
                break
            item = items[-1]
            last = item[1] if isinstance(item, tuple) else item
        mark = last.end_mark
        end = mark.line + (1 if mark.column > 0 else 0)
        while end - 1 > last.start_mark.line and not self.lines[end - 1].strip():
            end -= 1
        return max(end, last.start_mark.line + 1)

    def item_start(self, node: Node) -> tuple[int, int]:
        """The line and column of the ``-`` that starts the list item ``node``."""
        index = node.start_mark.index - 1
        text = self.text
        while index >= 0 and text[index] in " \t\r\n":
            index -= 1
        if index < 0 or text[index] != "-":
            raise PatchError("a list item without its `-`")
        line = text.count("\n", 0, index)
        return line, index - (text.rfind("\n", 0, index) + 1)


# -- what to write where ------------------------------------------------------------------------


@dataclass
class _Insert:
    """Lines to write after an original line; ``owner`` is the span whose structure they extend."""

    owner: tuple[int, int]
    column: float
    lines: list[str] = field(default_factory=list)
    block: tuple[int, int, int] | None = None
    """A moved block instead of lines: its span and how far to shift it right (or left)."""


@dataclass
class _Plan:
    """The edits, by original line: spans cut (or replaced), spans moved, lines inserted."""

    text: _Text
    cuts: dict[int, tuple[int, list[str]]] = field(default_factory=dict)
    moves: dict[int, int] = field(default_factory=dict)
    inserts: dict[int, list[_Insert]] = field(default_factory=lambda: defaultdict(list))
    _marked: list[int] = field(default_factory=list)
    """The lines with a cut, a move or an insert, in order (made by ``render``)."""

    def replace(self, start: int, end: int, lines: list[str]) -> None:
        """Write ``lines`` instead of lines ``start`` to ``end`` (none: delete them)."""
        if start in self.cuts:
            other_end, other_lines = self.cuts[start]
            if lines or other_lines:
                raise PatchError("two edits touch the same lines")
            end = max(end, other_end)
        self.cuts[start] = (end, lines)

    def move(self, start: int, end: int) -> None:
        self.moves[start] = end

    def gone(self, line: int) -> bool:
        """Is the list item starting at ``line`` deleted or moved away?"""
        return line in self.moves or (line in self.cuts and not self.cuts[line][1])

    def insert_after(self, line: int, insert: _Insert) -> None:
        self.inserts[line].append(insert)

    def render(self) -> str:
        whole = (0, len(self.text.lines))
        self._marked = sorted({*self.cuts, *self.moves, *(n for n, i in self.inserts.items() if i)})
        return "".join(self._render(whole, 0, 0))

    def _render(self, scope: tuple[int, int], shift: int, depth: int) -> Iterator[str]:
        if depth > 200:
            raise PatchError("moved claims nest inside each other")
        lines = self.text.lines
        marked = self._marked
        line = scope[0]
        while line < scope[1]:
            # The lines up to the next one an edit concerns are copied as one run.
            upto = bisect_left(marked, line)
            until = min(marked[upto] if upto < len(marked) else scope[1], scope[1])
            if until > line:
                run = lines[line:until]
                yield "".join(run) if shift == 0 else "".join(_shift(r, shift) for r in run)
                line = until
                continue
            moved_end = self.moves.get(line) if depth == 0 or line != scope[0] else None
            cut = (moved_end, []) if moved_end is not None else self.cuts.get(line)
            if cut is not None:
                end, replacement = cut
                yield from (_shift(r, shift) for r in replacement)
                for inner in range(line, end):
                    for insert in self._ordered(inner):
                        inside_cut = line <= insert.owner[0] and insert.owner[1] <= end
                        in_scope = scope[0] <= insert.owner[0] and insert.owner[1] <= scope[1]
                        if in_scope and not inside_cut:
                            yield from self._emit(insert, shift, depth)
                line = end
                continue
            yield _shift(lines[line], shift)
            for insert in self._ordered(line):
                if scope[0] <= insert.owner[0] and insert.owner[1] <= scope[1]:
                    yield from self._emit(insert, shift, depth)
            line += 1

    def _ordered(self, line: int) -> list[_Insert]:
        # Deeper structure first: a new item of a list comes before a new key after that list.
        return sorted(self.inserts.get(line, ()), key=lambda i: -i.column)

    def _emit(self, insert: _Insert, shift: int, depth: int) -> Iterator[str]:
        if insert.block is None:
            yield from (_shift(line, shift) for line in insert.lines)
        else:
            start, end, moved = insert.block
            yield from self._render((start, end), shift + moved, depth + 1)


def _shift(line: str, by: int) -> str:
    if by == 0 or not line.strip():
        return line
    if by > 0:
        return " " * by + line
    if line[:-by].strip():
        if line.lstrip().startswith("#"):  # a comment may sit left of the claim it is in
            return line.lstrip(" ")
        raise PatchError("a moved claim's text is indented less than the claim")
    return line[-by:]


def _yaml_lines(data: Any, column: int, newline: str, offset: int = 0) -> list[str]:
    """``data`` emitted in dump_debate's style, indented to ``column``.

    ``offset`` is how far the file indents a list's items past its key: PyYAML writes them
    at the key's column (0), so with 2 every list in ``data`` is moved right, as the author
    writes them.
    """
    lines = _emit(data).splitlines()
    if offset > 0:
        lines = _indent_lists(lines, offset)
    pad = " " * column
    return [(pad + line if line else line) + newline for line in lines]


def _indent_lists(lines: list[str], offset: int) -> list[str]:
    """PyYAML's lines with every block list's items ``offset`` further right than its key.

    A list PyYAML writes under ``key:`` starts on the next line at the key's own column with
    ``-``; the list goes on while lines are deeper, or at that column and start with ``-``.
    Lists inside it are found as the scan reaches them, already moved; the text of a block
    scalar (``|``, ``>``) is passed over. The result must read as the same data, else
    PyYAML's own lines are kept.
    """
    out = list(lines)
    at = 0
    while at < len(out) - 1:
        line = out[at]
        body = line.lstrip(" ")
        while body.startswith("- "):
            body = body[2:].lstrip(" ")
        key_column = len(line) - len(body)
        at += 1
        if _BLOCK_SCALAR.search(body):
            while at < len(out) and (not out[at].strip() or _depth(out[at]) > key_column):
                at += 1
            continue
        following = out[at]
        if not body.endswith(":") or _depth(following) != key_column:
            continue
        if not following[key_column:].startswith("-"):
            continue
        end = at
        while end < len(out):
            item = out[end]
            depth = _depth(item)
            inside = depth > key_column or (depth == key_column and item[depth:].startswith("-"))
            if item.strip() and not inside:
                break
            end += 1
        out[at:end] = [" " * offset + item if item.strip() else item for item in out[at:end]]
    if out != lines:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        if yaml.load("\n".join(out), Loader=loader) != yaml.load("\n".join(lines), Loader=loader):
            return lines
    return out


_BLOCK_SCALAR = re.compile(r"(^|: )[|>][-+0-9]*$")
"""A line that starts a block scalar: the deeper lines after it are its text."""


def _depth(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _scalar_text(key: str, value: Any) -> str | None:
    """The one-line YAML for a value, or None when it takes several lines."""
    lines = _emit({key: value}).splitlines()
    if len(lines) != 1:
        return None
    return lines[0][len(key) + 2 :]


# -- the patcher --------------------------------------------------------------------------------


class _Patcher:
    def __init__(self, text: str, source_map: SourceMap, old: Debate) -> None:
        self.text = _Text(text)
        document = source_map.document
        positions = document.positions if isinstance(document, YamlDocument) else None
        if positions is None:
            raise PatchError("where the file's parts are was not recorded")
        try:
            root = FileNodes(text, self.text.lines, positions).root()
        except SpanError as error:
            raise PatchError(str(error)) from None
        if not isinstance(root, MappingSpan):
            raise PatchError("the file is not a YAML mapping")
        self.root: MappingSpan = root
        self.plan = _Plan(self.text)
        self.paths = source_map.paths
        self._relation_ids = old.relations.keys()
        self.emptied: set[PathKey] = set()
        """Lists that lost items: a list left with none must lose its key too."""
        self.appended: set[PathKey] = set()
        self.new_lists: dict[PathKey, tuple[int, int, float]] = {}
        """Lists this patch creates: where they go, their items' column, their sort place."""

    @cached_property
    def declared(self) -> dict[PathKey, str]:
        """Which node is written at each path (made when first needed: most saves do not)."""
        relations = self._relation_ids
        return {path: item for item, path in self.paths.items() if item not in relations}

    @cached_property
    def nesting(self) -> dict[PathKey, str]:
        """Which relation each path declares (a nested claim's path: the one nesting it)."""
        relations = self._relation_ids
        return {path: item for item, path in self.paths.items() if item in relations}

    # spans

    def item_span(self, path: PathKey) -> tuple[int, int, int]:
        """The lines of the list item at ``path`` and the column of its ``-``."""
        node = node_at(self.root, path)
        if node is None:
            raise PatchError(f"nothing at {'.'.join(map(str, path))}")
        line, column = self.text.item_start(node)
        return line, self.text.end(node), column

    def span_of(self, node_id: str) -> tuple[int, int]:
        path = self.paths[node_id]
        if path == ("question",):
            node = node_at(self.root, path)
            assert node is not None
            return node.start_mark.line, self.text.end(node)
        start, end, _ = self.item_span(path)
        return start, end

    def mapping(self, node_id: str) -> MappingSpan:
        node = node_at(self.root, self.paths[node_id])
        if not isinstance(node, MappingSpan) or node.flow_style:
            raise PatchError(f"`{node_id}` is not written as a block mapping")
        return node

    def whole(self) -> tuple[int, int]:
        return (0, len(self.text.lines))

    # edits of one mapping's keys

    def set_key(self, node_id: str | None, key: str, value: Any, *, keep: bool = False) -> None:
        """Give ``key`` a new value (None or empty: remove the key) in a node's mapping."""
        mapping = self.root if node_id is None else self.mapping(node_id)
        owner = self.whole() if node_id is None else self.span_of(node_id)
        found = _value_of(mapping, key)
        empty = value is None or (isinstance(value, list | tuple) and not value)
        column = mapping.value[0][0].start_mark.column if mapping.value else 0
        if found is None:
            if empty:
                return
            after = self._insertion_line(mapping, key)
            self.plan.insert_after(
                after, _Insert(owner, column, self.yaml_lines({key: value}, column))
            )
            return
        key_node, value_node = found
        start, end = key_node.start_mark.line, self.text.end(value_node)
        if empty:
            self.plan.replace(start, end, [])
            return
        one_line = _scalar_text(key, value)
        if one_line is not None and end == start + 1 and value_node.end_mark.line == start:
            line = self.text.lines[start]
            before = line[: value_node.start_mark.column]
            rest = line[value_node.end_mark.column :]
            self.plan.replace(start, end, [before + one_line + rest])
        elif not keep or one_line is None:
            self.plan.replace(start, end, self.yaml_lines({key: value}, key_node.start_mark.column))

    def _insertion_line(self, mapping: MappingSpan, key: str) -> int:
        rank = FIELD_ORDER.index(key) if key in FIELD_ORDER else len(FIELD_ORDER)
        after: tuple[Node, Node] | None = None
        for key_node, value_node in mapping.value:
            other = key_node.value
            if (FIELD_ORDER.index(other) if other in FIELD_ORDER else rank) < rank or after is None:
                after = (key_node, value_node)
        assert after is not None
        return self.text.end(after[1]) - 1

    def drop_item(self, path: PathKey) -> None:
        start, end, _ = self.item_span(path)
        self.plan.replace(start, end, [])
        self.emptied.add(path[:-1])

    def drop_empty_lists(self) -> None:
        """Remove the key of every list whose items all went (``cons:`` alone is not a list)."""
        for path in self.emptied - self.appended:
            seq = node_at(self.root, path)
            owner = node_at(self.root, path[:-1])
            if not isinstance(seq, SequenceSpan) or not isinstance(owner, MappingSpan):
                continue
            if all(self.plan.gone(self.text.item_start(item)[0]) for item in seq.value):
                found = _value_of(owner, str(path[-1]))
                assert found is not None
                # Only the key: its items are cut or moved already, and comments stay.
                key_line = found[0].start_mark.line
                if key_line in self.plan.cuts or key_line == seq.value[0].start_mark.line:
                    self.plan.replace(key_line, self.text.end(seq), [])
                else:
                    self.plan.replace(key_line, key_line + 1, [])

    # new list items

    def append_item(
        self,
        node_id: str | None,
        key: str,
        *,
        lines_for: Any = None,
        block: tuple[int, int, int] | None = None,
    ) -> None:
        """Add an item (YAML data, or a moved block) at the end of a node's list ``key``.

        The item is indented like the list's items; a list that does not exist yet is added
        after the node's other keys, indented as the file indents its lists.
        """
        mapping = self.root if node_id is None else self.mapping(node_id)
        owner = self.whole() if node_id is None else self.span_of(node_id)
        seq_path = (*self.paths[node_id], key) if node_id is not None else (key,)
        self.appended.add(seq_path)
        found = _value_of(mapping, key)
        newline = self.text.newline
        column: float
        if seq_path in self.new_lists:
            anchor, dash, column = self.new_lists[seq_path]
        elif found is not None and isinstance(found[1], SequenceSpan) and found[1].value:
            if found[1].flow_style:
                raise PatchError(f"`{key}:` is an inline list")
            dash = self.text.item_start(found[1].value[0])[1]
            anchor = self.text.end(found[1]) - 1
            column = dash + 1
        else:
            key_column = mapping.value[0][0].start_mark.column if mapping.value else 0
            dash = key_column + self.list_offset
            if found is not None:  # `pros: []`
                self.plan.replace(found[0].start_mark.line, self.text.end(found[1]), [])
                anchor = found[0].start_mark.line
            else:
                anchor = self._insertion_line(mapping, key)
            # After anything deeper that ends on the same line, before anything shallower.
            column = key_column + 0.5
            self.new_lists[seq_path] = (anchor, dash, column)
            lead = [" " * key_column + f"{key}:" + newline]
            if node_id is None:
                lead = [newline, *lead]
            self.plan.insert_after(anchor, _Insert(owner, column, lead))
        if block is not None:
            start, end, item_column = block
            self.plan.insert_after(
                anchor, _Insert(owner, column, block=(start, end, dash - item_column))
            )
        if lines_for is not None:
            lines = self.yaml_lines([lines_for], dash)
            self.plan.insert_after(anchor, _Insert(owner, column, lines))

    @cached_property
    def list_offset(self) -> int:
        """How far this file indents list items past their key (0 or 2, as the author does).

        The first block list at the top level tells, else the first under the question.
        """
        question = _value_of(self.root, "question")
        nested = question[1].value if question and isinstance(question[1], MappingSpan) else []
        for key, value in (*self.root.value, *nested):
            if isinstance(value, SequenceSpan) and value.value and not value.flow_style:
                offset: int = self.text.item_start(value.value[0])[1] - key.start_mark.column
                return max(offset, 0)
        return 2

    def yaml_lines(self, data: Any, column: int) -> list[str]:
        """``data`` as YAML lines at ``column``, its lists indented as the file's are."""
        return _yaml_lines(data, column, self.text.newline, self.list_offset)


# -- the diff -----------------------------------------------------------------------------------


def patch_text(text: str, loaded: LoadedDebate, new: Debate) -> str:
    """The file ``text`` (read as ``loaded``) with the changes from ``loaded.debate`` to ``new``.

    Raises :class:`PatchError` for a change this layer cannot write into the author's text.
    """
    old = loaded.debate
    if old == new:
        return text
    document = loaded.source_map.document
    if not isinstance(document, YamlDocument):
        raise PatchError("the debate was not read from argmap YAML")
    with collector_paused():  # a save allocates little garbage, but next to a large debate
        patcher = _Patcher(text, loaded.source_map, old)
        _Diff(patcher, old, new).apply()
        return patcher.plan.render()


class _Diff:
    def __init__(self, patcher: _Patcher, old: Debate, new: Debate) -> None:
        self.p = patcher
        self.old = old
        self.new = new
        self.relations_changed = _changed(old.relations, new.relations)
        """The relations read from the file that the edits removed or changed."""
        self.cross: dict[tuple[str, str], list[str]] = {}
        """Final cross-link lists of old nodes, by (node, key), where they change."""

    def apply(self) -> None:
        old, new = self.old, self.new
        for part in ("title", "description", "question", "sources"):
            if not _same(getattr(old, part), getattr(new, part)):
                raise PatchError(f"the debate's {part} changed")
        self._speakers()
        self._nodes_removed_or_moved()
        self._fields()
        self._relations()
        for (node, key), targets in self.cross.items():
            if node not in self.gone:
                self.p.set_key(node, key, _Flow(targets))
        self._new_claims()
        self._order()
        self.p.drop_empty_lists()

    # speakers

    def _speakers(self) -> None:
        old, new = self.old.speakers, self.new.speakers
        if any(not _same(old[s], new.get(s)) for s in old):
            raise PatchError("a speaker was changed or removed")
        for speaker_id in new.keys() - old.keys():
            self.p.append_item(None, "speakers", lines_for=_speaker(new[speaker_id]))

    # claims that leave their place

    def _nodes_removed_or_moved(self) -> None:
        p, old, new = self.p, self.old, self.new
        everything = [*old.statements, *old.arguments]
        nodes_now = new.statements.keys() | new.arguments.keys()
        removed = bool(old.statements.keys() - nodes_now or old.arguments.keys() - nodes_now)
        if not removed:  # only claims whose nesting relation changed can leave their place
            changed = set()
            for rid in self.relations_changed:
                source = old.relations[rid].source
                if rid in p.paths and p.paths[rid] == p.paths.get(source):
                    changed.add(source)  # the relation nesting ``source`` where it is written
            everything = [n for n in everything if n in changed]
        by_depth = sorted((n for n in everything if n in p.paths), key=lambda n: len(p.paths[n]))
        nodes_at = {p.paths[n]: n for n in by_depth} if removed else {}
        self.gone: set[str] = set()
        self.moved: dict[str, Relation | None] = {}
        for node in by_depth:
            path = p.paths[node]
            if node not in new.statements and node not in new.arguments:
                self.gone.add(node)
                p.drop_item(path)
                continue
            nesting = p.nesting.get(path)
            if nesting is not None and not _same(
                new.relations.get(nesting), old.relations[nesting]
            ):
                self.moved[node] = None
            elif self.gone:  # a claim nested in a deleted one stays: it must move out
                parent = next(
                    (
                        nodes_at[path[:i]]
                        for i in range(len(path) - 1, 0, -1)
                        if path[:i] in nodes_at
                    ),
                    None,
                )
                if parent is not None and parent in self.gone:
                    self.moved[node] = None
        for node in self.moved:
            self._relocate(node)

    def _relocate(self, node: str) -> None:
        p, new = self.p, self.new
        path = p.paths[node]
        start, end, column = p.item_span(path)
        home = self._home(node, start, end)
        self.moved[node] = home
        block = (start, end, column)
        p.plan.move(start, end)
        p.emptied.add(path[:-1])
        if home is not None and home.id in self.old.relations:
            key = CROSS_KEYS[home.kind]
            if home.target in self._cross_values(node, key):
                self._cross_list_edit(node, key, remove=home.target)
        if home is None:
            key = "statements" if node in new.statements else "arguments"
            p.append_item(None, key, block=block)
        else:
            p.append_item(home.target, _NEST_KEY[home.kind], block=block)

    def _home(self, node: str, start: int, end: int) -> Relation | None:
        """The relation a moved claim is nested by: one added in this session first."""
        new, old, p = self.new, self.old, self.p
        candidates = [
            r
            for r in new.relations.values()
            if r.source == node
            and r.kind in _NEST_KEY
            and r.note is None
            and r.id == relation_id(r.source, r.target)
        ]
        candidates.sort(key=lambda r: (r.id in old.relations, r.kind is not RelationKind.SUPPORTS))
        for relation in candidates:
            target = relation.target
            if target == new.question.id:
                return relation
            if (
                target not in p.paths
                or target in self.gone
                or target not in old.statements | old.arguments
            ):
                continue
            t_start, t_end = p.span_of(target)
            if start <= t_start and t_end <= end:
                continue  # under itself
            return relation
        return None

    # fields of claims that stay

    def _fields(self) -> None:
        old, new = self.old, self.new
        for node in _changed(new.statements, old.statements):
            if node in old.statements:
                before, statement = old.statements[node], new.statements[node]
                self._set_fields(node, before, statement, _STATEMENT_FIELDS)
        for node in _changed(new.arguments, old.arguments):
            if node in old.arguments:
                was, argument = old.arguments[node], new.arguments[node]
                self._premises(node, was, argument)
                self._set_fields(node, was, argument, _ARGUMENT_FIELDS)

    def _set_fields(
        self,
        node: str,
        before: Statement | Argument,
        after: Statement | Argument,
        fields: dict[str, str],
    ) -> None:
        head: dict[str, Any]
        if isinstance(after, Statement):
            head = _statement_head(after)
            _statement_tail(head, after)
        else:
            head = _argument_head(after)
            _argument_tail(head, after)
        for name, key in fields.items():
            if getattr(before, name) != getattr(after, name):
                self.p.set_key(node, key, head.get(key))

    def _premises(self, node: str, before: Argument, after: Argument) -> None:
        """Premises taken out, added (``- ref:`` items at the end) or put in another order.

        A premise defined inside the argument (``- id: …`` with its text) that is taken out
        keeps its definition: its lines move to ``statements:``. In another order, the items
        (with what is written inside them) are moved to the end of the list in that order.
        """
        if before.premises == after.premises:
            return
        p = self.p
        path = p.paths[node]
        kept = [premise for premise in before.premises if premise in after.premises]
        added = [premise for premise in after.premises if premise not in before.premises]
        items = {premise: (*path, "premises", i) for i, premise in enumerate(before.premises)}
        refs = {
            premise: isinstance(item, MappingSpan) and _value_of(item, "ref") is not None
            for premise, item_path in items.items()
            if (item := node_at(p.root, item_path)) is not None
        }
        if len(refs) != len(items):
            raise PatchError(f"the premises of `{node}` are not written as a list")
        for premise, item_path in items.items():
            if premise in after.premises:
                continue
            if refs[premise]:
                p.drop_item(item_path)
            elif premise not in self.gone and premise not in self.moved:
                start, end, column = p.item_span(item_path)
                p.plan.move(start, end)
                p.emptied.add(item_path[:-1])
                p.append_item(None, "statements", block=(start, end, column))
        reordered = kept + added != list(after.premises)
        for premise in after.premises:
            if premise not in items:
                p.append_item(node, "premises", lines_for={"ref": premise})
            elif reordered:  # every kept item moves to the end of the list, in the new order
                start, end, column = p.item_span(items[premise])
                p.plan.move(start, end)
                p.append_item(node, "premises", block=(start, end, column))
        if not after.premises:
            p.set_key(node, "premises", None)

    # relations

    def _relations(self) -> None:
        old, new, p = self.old, self.new, self.p
        consumed = {r.id for r in self.moved.values() if r is not None}
        for rid in self.relations_changed:
            relation = old.relations[rid]
            path = p.paths.get(rid)
            if path is None:
                raise PatchError(f"where `{rid}` is written is not known")
            nesting = path == p.paths.get(relation.source)
            if nesting and (relation.source in self.gone or relation.source in self.moved):
                continue  # written as the nesting of a claim that went or moved
            if self._inside_gone(path):
                continue
            self._remove_declaration(relation, path)
        for rid in _changed(new.relations, old.relations):
            if rid in consumed:
                continue
            relation = new.relations[rid]
            source = relation.source
            written = source in old.statements or source in old.arguments
            if not written and source != old.question.id:
                continue  # a new claim's relation: written with the claim
            moved_home = self.moved.get(relation.source)
            if moved_home is not None and moved_home.id == rid:
                continue
            self._declare(relation)

    def _inside_gone(self, path: PathKey) -> bool:
        return any(path[: len(self.p.paths[g])] == self.p.paths[g] for g in self.gone)

    def _remove_declaration(self, relation: Relation, path: PathKey) -> None:
        p = self.p
        last = path[-1]
        if path[0] == "relations" and len(path) == 2:
            p.drop_item(path)
            self._empty_top("relations")
        elif last == "ref":
            p.drop_item(path[:-1])
        elif isinstance(last, int) and path[-2] in CROSS_KEYS.values():
            owner = self.p.declared.get(path[:-2])
            if owner is None:
                raise PatchError(f"cannot find the claim that writes `{relation.id}`")
            self._cross_list_edit(owner, str(path[-2]), remove=relation.target)
        else:
            raise PatchError(f"`{relation.id}` is written in a way this writer cannot change")
        if relation.kind is RelationKind.CONTRADICTS:
            mirror = self._cross_values(relation.target, "contradicts")
            if relation.source in mirror:
                self._cross_list_edit(relation.target, "contradicts", remove=relation.source)

    def _cross_values(self, node: str, key: str) -> list[str]:
        if (node, key) in self.cross:
            return self.cross[(node, key)]
        if node not in self.p.paths or node == self.old.question.id:
            return []
        found = _value_of(self.p.mapping(node), key)
        if found is None:
            return []
        value = found[1]
        if isinstance(value, ScalarSpan):
            return [value.value]
        if isinstance(value, SequenceSpan):
            return [item.value for item in value.value if isinstance(item, ScalarSpan)]
        raise PatchError(f"`{key}:` of `{node}` is not a list of ids")

    def _cross_list_edit(
        self, node: str, key: str, *, remove: str | None = None, add: str | None = None
    ) -> None:
        values = list(self._cross_values(node, key))
        if remove is not None and remove in values:
            values.remove(remove)
        if add is not None:
            values.append(add)
        self.cross[(node, key)] = values

    def _declare(self, relation: Relation) -> None:
        source = relation.source
        plain = relation.note is None and relation.id == relation_id(source, relation.target)
        if plain and source != self.old.question.id and source not in self.gone:
            self._cross_list_edit(source, CROSS_KEYS[relation.kind], add=relation.target)
        else:
            self.p.append_item(None, "relations", lines_for=_relation(relation))

    def _empty_top(self, key: str) -> None:
        found = _value_of(self.p.root, key)
        if found is None or not isinstance(found[1], SequenceSpan):
            return
        if all(self.p.plan.gone(self.p.text.item_start(i)[0]) for i in found[1].value):
            self.p.plan.replace(found[0].start_mark.line, self.p.text.end(found[1]), [])

    # new claims

    def _new_claims(self) -> None:
        old, new = self.old, self.new
        fresh = [n for n in new.statements if n not in old.statements]
        if new.arguments.keys() - old.arguments.keys():
            fresh += [n for n in new.arguments if n not in old.arguments]
        if not fresh:
            return
        # The new claims' own relations, in the debate's order (one pass over all relations).
        chosen = set(fresh)
        self.outgoing: dict[str, list[Relation]] = defaultdict(list)
        for relation in new.relations.values():
            if relation.source in chosen:
                self.outgoing[relation.source].append(relation)
        homes: dict[str, Relation | None] = {}
        children: dict[str, list[str]] = defaultdict(list)
        for node in fresh:
            home = next(
                (
                    r
                    for kind in (RelationKind.SUPPORTS, RelationKind.ATTACKS)
                    for r in self.outgoing[node]
                    if r.kind is kind
                    and r.note is None
                    and r.id == relation_id(node, r.target)
                    and self._can_hold(r.target, homes)
                ),
                None,
            )
            homes[node] = home
            if home is not None and home.target in homes:
                children[home.target].append(node)
        for node in fresh:
            home = homes[node]
            if home is not None and home.target in homes:
                continue
            data = self._claim_data(node, homes, children)
            if home is None:
                key = "statements" if node in new.statements else "arguments"
                self.p.append_item(None, key, lines_for=data)
            else:
                self.p.append_item(home.target, _NEST_KEY[home.kind], lines_for=data)

    def _can_hold(self, target: str, fresh: dict[str, Relation | None]) -> bool:
        """Can a new claim be nested under ``target``: it has a mapping in the file, or is new."""
        if target == self.new.question.id or target in fresh:
            return True
        return (
            (target in self.old.statements or target in self.old.arguments)
            and target in self.p.paths
            and target not in self.gone
        )

    def _claim_data(
        self, node: str, homes: dict[str, Relation | None], children: dict[str, list[str]]
    ) -> dict[str, Any]:
        new = self.new
        home = homes[node]
        out: dict[str, Any]
        if node in new.statements:
            statement = new.statements[node]
            out = _statement_head(statement)
        else:
            argument = new.arguments[node]
            out = _argument_head(argument)
        for kind, key in CROSS_KEYS.items():
            targets = [
                r.target
                for r in self.outgoing[node]
                if r.kind is kind
                and r is not home
                and r.note is None
                and r.id == relation_id(node, r.target)
            ]
            if targets:
                out[key] = _Flow(targets)
        extra = [
            r
            for r in self.outgoing[node]
            if r.note is not None or r.id != relation_id(node, r.target)
        ]
        for relation in extra:
            self.p.append_item(None, "relations", lines_for=_relation(relation))
        if node in new.statements:
            _statement_tail(out, new.statements[node])
        else:
            _argument_tail(out, new.arguments[node])
            if new.arguments[node].premises:
                raise PatchError("a new argument with premises")
        for kind, key in _NEST_KEY.items():
            items = [
                self._claim_data(child, homes, children)
                for child in children.get(node, [])
                if (h := homes[child]) is not None and h.kind is kind
            ]
            if items:
                out[key] = items
        return out

    # the teaching order

    def _order(self) -> None:
        """Claims deleted leave the teaching order; claims added join it where they were put."""
        before, after = self.old.order, self.new.order
        if before == after:
            return
        kept = [n for n in before if n in after]
        if kept != [n for n in after if n in before]:
            raise PatchError("the teaching order was reordered")
        found = _value_of(self.p.root, "order")
        if found is None:
            raise PatchError("the teaching order is not written as `order:`")
        value = found[1]
        if not (isinstance(value, SequenceSpan) and not value.flow_style and kept):
            flow = isinstance(value, SequenceSpan) and value.flow_style
            self.p.set_key(
                None, "order", (_Flow(after) if flow else list(after)) if after else None
            )
            return
        for index, node in enumerate(before):
            if node not in after:
                self.p.drop_item(("order", index))
        items = {node: value.value[i] for i, node in enumerate(before)}
        dash = self.p.text.item_start(value.value[0])[1]
        anchor_node: str | None = None
        for node in after:
            if node in items:
                anchor_node = node
                continue
            line = (
                self.p.text.end(items[anchor_node]) - 1
                if anchor_node is not None
                else found[0].start_mark.line
            )
            self.p.plan.insert_after(
                line, _Insert(self.p.whole(), dash + 1, self.p.yaml_lines([node], dash))
            )


def _same(before: object, after: object) -> bool:
    """Equal, asking the object itself only when it is not the same one."""
    return before is after or before == after


def _changed(before: Mapping[str, object], after: Mapping[str, object]) -> list[str]:
    """The keys of ``before`` whose value ``after`` lacks or holds differently.

    Versions share every object an edit did not touch, so identity settles all but the edited
    claims without pydantic's field-by-field comparison (a tenth of a save on 10,000 claims).
    """
    missing = object()
    return [
        key
        for key, value in before.items()
        if after.get(key, missing) is not value and not _same(value, after.get(key, missing))
    ]


def _speaker(speaker: Speaker) -> dict[str, Any]:
    return speaker.model_dump(exclude_none=True)


# -- saving -------------------------------------------------------------------------------------


def save_edits(path: Path, text: str, loaded: LoadedDebate, new: Debate) -> str:
    """Write ``new`` into ``path`` keeping the author's text; returns the text written.

    The patched text is read back first: if it does not give exactly ``new``, nothing is
    written and :class:`PatchError` says so.
    """
    patched = patch_text(text, loaded, new)
    check_patched(patched, str(path), new)
    atomic_write(path, patched)
    return patched


def check_patched(patched: str, name: str, new: Debate) -> LoadedDebate:
    """Read the patched text back; it must be the edited debate, or PatchError."""
    try:
        reread = parse_debate(patched, name)
    except DebateLoadError as error:
        first = error.diagnostics[0] if error.diagnostics else None
        raise PatchError(
            f"the patched file would not load ({first.message if first else 'unknown error'})"
        ) from None
    if reread.debate != new:
        raise PatchError("the patched file would read differently from the edited debate")
    return reread
