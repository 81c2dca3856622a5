"""The nodes of a YAML file as read, with where each starts and ends in its text.

The source-preserving writer (:mod:`argmap.io.patch`) cuts and inserts whole lines, so it must
know where a claim's mapping, each of its keys and values, and each list item start and end.
Composing PyYAML's node tree for that at save time took longer than the rest of a save
together (a second on a 10,000-claim debate): the loader already recorded every node's start,
end and extent (:class:`~argmap.io.yamlevents.Positions`), so these light nodes are made from
those arrays on demand, only along the paths a save walks.

The nodes have the shape of PyYAML's (``start_mark`` / ``end_mark`` with line, column and
character index; ``value``: pairs, items or the scalar's text; ``flow_style``), so the writer
reads as it would over a composed tree.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

import yaml

from argmap.io.yamlevents import _LINE, _MAPPING, _SCALAR, _SEQUENCE, Positions

_NOT_BREAKS_FOR_YAML = "\x0b\x0c\x1c\x1d\x1e"
"""Line breaks for Python's ``splitlines`` that YAML does not count: line numbers would differ."""


@dataclass(frozen=True, slots=True)
class Mark:
    """A place in the text: 0-based line and column, and the character offset."""

    line: int
    column: int
    index: int


class SpanError(ValueError):
    """The text is not the one the positions were recorded from, or cannot be walked."""


class FileNodes:
    """The text of a YAML file and its recorded positions, as walkable nodes."""

    def __init__(self, text: str, lines: Sequence[str], positions: Positions) -> None:
        """``lines`` is ``text`` split with ``splitlines(keepends=True)``."""
        if text.startswith("\ufeff") or any(c in text for c in _NOT_BREAKS_FOR_YAML):
            raise SpanError("the file has characters that make YAML count lines differently")
        if not positions.kinds or len(positions.ends) != len(positions.kinds):
            raise SpanError("the file's positions were not recorded")
        if positions.ends[0] > len(text):
            raise SpanError("the positions were recorded from another text")
        self.text = text
        self.positions = positions
        self.starts = [0, *accumulate(map(len, lines))]
        """The character offset where each line starts."""

    def root(self) -> Node:
        return self.node(0)

    def node(self, i: int) -> Node:
        kind = self.positions.kinds[i]
        if kind == _MAPPING:
            return MappingSpan(self, i)
        if kind == _SEQUENCE:
            return SequenceSpan(self, i)
        if kind == _SCALAR:
            return ScalarSpan(self, i)
        return AliasSpan(self, i)

    def start(self, i: int) -> Mark:
        packed = self.positions.marks[i]
        line, column = packed // _LINE, packed % _LINE
        return Mark(line, column, self.starts[line] + column)

    def end(self, i: int) -> Mark:
        index = self.positions.ends[i]
        line = bisect_right(self.starts, index) - 1
        return Mark(line, index - self.starts[line], index)

    def children(self, i: int) -> list[int]:
        """The direct children of container ``i`` (keys and values alternate in a mapping)."""
        shape, kinds = self.positions.shape, self.positions.kinds
        out = []
        child, end = i + 1, shape[i]
        while child < end:
            out.append(child)
            child = shape[child] if kinds[child] in (_MAPPING, _SEQUENCE) else child + 1
        return out


class Node:
    """One node of the file: where it starts and ends."""

    __slots__ = ("_file", "_i")

    def __init__(self, file: FileNodes, i: int) -> None:
        self._file = file
        self._i = i

    @property
    def start_mark(self) -> Mark:
        return self._file.start(self._i)

    @property
    def end_mark(self) -> Mark:
        return self._file.end(self._i)

    @property
    def flow_style(self) -> bool:
        """Written inline (``[a, b]``, ``{k: v}``): the text at its start is the bracket."""
        return self._file.text[self.start_mark.index : self.start_mark.index + 1] in ("[", "{")


class MappingSpan(Node):
    __slots__ = ()

    @property
    def value(self) -> list[tuple[ScalarSpan, Node]]:
        file = self._file
        children = file.children(self._i)
        pairs = []
        for index in range(0, len(children) - 1, 2):
            key = file.node(children[index])
            if not isinstance(key, ScalarSpan):
                raise SpanError("a mapping key that is not plain text")
            key.is_key = True
            pairs.append((key, file.node(children[index + 1])))
        return pairs


class SequenceSpan(Node):
    __slots__ = ()

    @property
    def value(self) -> list[Node]:
        file = self._file
        return [file.node(child) for child in file.children(self._i)]


class ScalarSpan(Node):
    __slots__ = ("is_key",)

    def __init__(self, file: FileNodes, i: int) -> None:
        super().__init__(file, i)
        self.is_key = False

    @property
    def value(self) -> str:
        """The scalar's text: a key as the loader interned it, a value read from the file."""
        file = self._file
        if self.is_key:
            return file.positions.keys[file.positions.shape[self._i]]
        source = file.text[self.start_mark.index : self.end_mark.index]
        if "\n" not in source and source[:1] not in ("'", '"', "|", ">"):
            return source
        text = yaml.load(source, Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader))
        return text if isinstance(text, str) else ""


class AliasSpan(Node):
    """``*name``: a leaf here (the writer does not patch through aliases)."""

    __slots__ = ()
    value = ""


def node_at(root: Node | None, path: Sequence[str | int]) -> Node | None:
    """The node at ``path`` (keys and list indexes), or None."""
    node = root
    for part in path:
        if isinstance(node, MappingSpan) and isinstance(part, str):
            node = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, SequenceSpan) and isinstance(part, int):
            items = node.value
            node = items[part] if 0 <= part < len(items) else None
        else:
            return None
    return node
