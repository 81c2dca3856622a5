"""Plain data from libyaml's event stream, with every node's position in three flat arrays.

Composing PyYAML's node tree and then walking it costs more than everything else loading does:
a ``Node`` and two ``Mark`` objects per scalar, Python's implicit-tag resolver run on every
plain scalar, and a tree that stays in memory next to the data built from it (at 100,000
claims the tree alone holds more than 400 MiB). So we read the events libyaml's C parser
emits, build dicts, lists and scalars from them directly, and remember positions compactly:
node ``i`` in document order (keys, values, list items and aliases each count as one node)
has its 0-based line and column packed in ``marks[i]``, its kind in ``kinds[i]``, in
``shape[i]`` the node after its last descendant (containers), the interned text of a mapping
key (string keys, as an index into ``keys``), or the node an alias repeats, and in ``ends[i]``
the character offset where it ends (what the source-preserving writer, ``argmap.io.patch``,
needs to cut and insert lines without composing PyYAML's node tree at save time).

Aliases share the Python object they repeat rather than copying it, and what they expand to
is *counted* as the events arrive, so an alias bomb is refused before anything expands it.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from argmap.io.diagnostics import DebateLoadError, Diagnostic, unreadable_value
from argmap.io.limits import ALIAS_GROWTH
from argmap.model.text import describe_control, first_control

MAX_DEPTH = 200
"""Deepest YAML nesting we read. A debate this deep is better written with ids and ``ref:``."""

_SCALAR, _MAPPING, _SEQUENCE, _ALIAS = 0, 1, 2, 3
_STR = "tag:yaml.org,2002:str"
_CONTAINER_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", None, "!"})
_FIRST = frozenset(yaml.resolver.Resolver.yaml_implicit_resolvers)
"""First characters for which a plain scalar may be something other than a string."""
_FAST_RESOLVE = None not in _FIRST  # no wildcard resolver: the first char decides
_LINE = 1 << 32


class Positions:
    """Where each node of a YAML document starts, and how to find a node by its path."""

    __slots__ = ("ends", "keys", "kinds", "marks", "shape")

    def __init__(
        self,
        marks: array[int],
        kinds: bytearray,
        shape: array[int],
        keys: list[str],
        ends: array[int],
    ):
        self.marks = marks
        self.kinds = kinds
        self.shape = shape
        self.keys = keys
        self.ends = ends

    def locate(self, path: Sequence[str | int], *, key: bool = False) -> tuple[int, int]:
        """The 1-based (line, column) of the deepest node along ``path``.

        Path parts that do not name a key or an index (pydantic's union tags) are skipped.
        With ``key=True`` a final mapping key's own position is returned, which is where an
        "unknown field" error belongs. A path through an alias is reported at the alias, and
        continues inside the node it repeats.
        """
        if not self.kinds:
            return (1, 1)
        node = 0
        mark = self.marks[0]
        last = len(path) - 1
        for index, part in enumerate(path):
            inner = self._repeated(node)
            kind = self.kinds[inner]
            if kind == _MAPPING and isinstance(part, str):
                children = self._children(inner)
                for key_node in children:
                    value_node = next(children)
                    if self.kinds[key_node] == _SCALAR and self.keys[self.shape[key_node]] == part:
                        node = value_node
                        mark = self.marks[key_node if key and index == last else value_node]
                        break
            elif kind == _SEQUENCE and isinstance(part, int) and part >= 0:
                for position, item in enumerate(self._children(inner)):
                    if position == part:
                        node = item
                        mark = self.marks[item]
                        break
        return (mark // _LINE + 1, mark % _LINE + 1)

    def _repeated(self, node: int) -> int:
        while self.kinds[node] == _ALIAS:
            node = self.shape[node]
        return node

    def _end(self, node: int) -> int:
        return self.shape[node] if self.kinds[node] in (_MAPPING, _SEQUENCE) else node + 1

    def _children(self, node: int) -> Iterator[int]:
        child, end = node + 1, self.shape[node]
        while child < end:
            yield child
            child = self._end(child)


_NO_KEY: Any = object()


def read_events(loader: yaml.CSafeLoader | yaml.SafeLoader, name: str) -> tuple[Any, Positions]:
    """Build the single document ``loader`` parses, as plain data and its positions.

    Raises DebateLoadError for what argmap refuses (tags, duplicate keys, depth, alias bombs)
    and lets PyYAML's MarkedYAMLError through for syntax, as composing would. One loop with
    the container being filled in local variables: this runs once per node of the file.
    """
    marks: array[int] = array("q")
    shape: array[int] = array("I")
    ends: array[int] = array("I")
    kinds = bytearray()
    keys: list[str] = [""]
    key_codes: dict[str, int] = {}
    anchors: dict[str, tuple[int, Any, int, int]] = {}  # node, value, expanded size and chars
    constructor = yaml.constructor.SafeConstructor()
    resolve: Callable[..., str] = loader.resolve
    get: Callable[[], Any] = loader.get_event
    add_mark, add_shape, add_kind, add_end = marks.append, shape.append, kinds.append, ends.append
    # Characters of text read, and what aliases add to the nodes and text of the file.
    chars = extra = extra_chars = alias_count = 0
    crossings: list[tuple[int, int, int]] = []  # alias node, expanded size and chars so far
    too_deep: Any = None
    # The container being filled; ``stack`` keeps the ones around it.
    current: Any = None
    in_mapping = False
    key: Any = _NO_KEY
    stack: list[tuple[Any, bool, Any, int, str | None, int, int]] = []
    top: Any = None

    get()  # stream start
    start = get()
    if type(start) is StreamEndEvent:
        return None, Positions(marks, kinds, shape, keys, ends)
    while True:
        event = get()
        kind = type(event)
        node = len(kinds)
        if kind is ScalarEvent:
            text: str = event.value
            tag = event.tag
            if tag is None and (
                not event.implicit[0] or (_FAST_RESOLVE and text and text[0] not in _FIRST)
            ):
                value: Any = text
            elif tag == _STR:
                value = text
            else:
                if tag is None or tag == "!":
                    tag = resolve(yaml.ScalarNode, text, event.implicit)
                value = text if tag == _STR else _construct(constructor, event, tag, name)
            mark = event.start_mark
            if not text.isprintable():  # a "\e" escape: refused here, where it stands
                _no_controls(name, text, mark)
            add_mark(mark.line * _LINE + mark.column)
            add_kind(_SCALAR)
            add_end(event.end_mark.index)
            chars += len(text)
            if event.anchor is not None:
                _new_anchor(anchors, stack, event, marks)
                anchors[event.anchor] = (node, value, 1, len(text))
            if not in_mapping:
                add_shape(0)
                if current is None:
                    top = value
                else:
                    current.append(value)
            elif key is not _NO_KEY:
                add_shape(0)
                current[key] = value
                key = _NO_KEY
            else:
                key = value if value.__class__ is str else str(value)
                code = key_codes.get(key)
                if code is None:
                    code = key_codes[key] = len(keys)
                    keys.append(sys.intern(key))
                key = keys[code]  # one string object per distinct key
                add_shape(code)
                if key in current:
                    _duplicate_key(name, stack[-1][3], node, key, marks, kinds, shape, keys)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.tag not in _CONTAINER_TAGS:
                raise _at(
                    name,
                    event.start_mark,
                    f"unsupported YAML value: tag `{event.tag}`",
                    "argmap reads plain YAML only (no !!python or custom tags)",
                )
            if len(stack) > MAX_DEPTH and too_deep is None:
                too_deep = event.start_mark  # reported once the parser has had its say
            if event.anchor is not None:
                _new_anchor(anchors, stack, event, marks)
            mark = event.start_mark
            add_mark(mark.line * _LINE + mark.column)
            add_kind(_MAPPING if kind is MappingStartEvent else _SEQUENCE)
            add_shape(0)
            add_end(0)  # set at its end event
            value = {} if kind is MappingStartEvent else []
            if not in_mapping:
                if current is None:
                    top = value
                else:
                    current.append(value)
            elif key is not _NO_KEY:
                current[key] = value
            else:
                raise _at(
                    name,
                    mark,
                    "a mapping key must be a plain word, not a list or mapping",
                    "write `key: value`",
                )
            stack.append(
                (current, in_mapping, _NO_KEY, node, event.anchor, node - alias_count + extra,
                 chars + extra_chars)
            )  # fmt: skip
            current, in_mapping, key = value, kind is MappingStartEvent, _NO_KEY
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            value = current
            current, in_mapping, key, node, anchor, before, before_chars = stack.pop()
            shape[node] = len(kinds)
            ends[node] = event.end_mark.index
            if anchor is not None:
                size = len(kinds) - alias_count + extra - before
                anchors[anchor] = (node, value, size, chars + extra_chars - before_chars)
        elif kind is AliasEvent:
            found = anchors.get(event.anchor)
            mark = event.start_mark
            if found is None:
                if any(frame[4] == event.anchor for frame in stack):
                    raise _at(
                        name,
                        mark,
                        "this YAML alias repeats the list or mapping it is inside",
                        "an alias can only repeat something written out in full before it",
                    )
                raise yaml.composer.ComposerError(None, None, "found undefined alias", mark)
            target, value, size, text_size = found
            extra += size
            extra_chars += text_size
            alias_count += 1
            crossings.append((node, node - alias_count + extra, chars + extra_chars))
            add_mark(mark.line * _LINE + mark.column)
            add_kind(_ALIAS)
            add_shape(target)
            add_end(event.end_mark.index)
            if not in_mapping:
                if current is None:
                    top = value
                else:
                    current.append(value)
            elif key is not _NO_KEY:
                current[key] = value
                key = _NO_KEY
            elif isinstance(value, dict | list):
                raise _at(
                    name,
                    mark,
                    "a mapping key must be a plain word, not a list or mapping",
                    "write `key: value`",
                )
            else:
                key = value if isinstance(value, str) else str(value)
                if key in current:
                    _duplicate_key(name, stack[-1][3], node, key, marks, kinds, shape, keys)
        elif kind is DocumentEndEvent:
            break
    after = get()
    if type(after) is not StreamEndEvent:
        raise yaml.composer.ComposerError(
            "expected a single document in the stream",
            start.start_mark,
            "but found another document",
            after.start_mark,
        )
    if too_deep is not None:
        raise _at(
            name,
            too_deep,
            f"YAML is nested more than {MAX_DEPTH} levels deep",
            "write deep chains flat: give claims ids and link them with `ref:` or `supports:`",
        )
    positions = Positions(marks, kinds, shape, keys, ends)
    nodes = len(kinds) - alias_count
    growth = ALIAS_GROWTH.value() if crossings else 0
    for node, size, text_size in crossings:
        if size > growth * nodes + 1000 or text_size > growth * chars + 1_000_000:
            raise _at_node(
                name,
                marks[node],
                "YAML aliases expand this file far beyond its size",
                "argmap refuses alias bombs: write the repeated parts out, or use `ref:`; "
                + ALIAS_GROWTH.hint(),
            )
    return top, positions


def _no_controls(name: str, text: str, mark: Any) -> None:
    """Refuse a scalar holding a character that could take over a terminal, at the scalar."""
    match = first_control(text)
    if match is not None:
        what = describe_control(match.group())
        raise _at(
            name,
            mark,
            f"this text holds {what}, which could take over a terminal",
            f"remove {what} (in YAML, look for a `\\` escape in double quotes)",
        )


def _duplicate_key(
    name: str,
    mapping: int,
    node: int,
    key: str,
    marks: array[int],
    kinds: bytearray,
    shape: array[int],
    keys: list[str],
) -> None:
    first = _first_key(mapping, node, key, kinds, shape, keys)
    raise _at_node(
        name,
        marks[node],
        f"key `{key}` appears twice in this mapping (first on line {marks[first] // _LINE + 1})",
        "keep one of them: YAML would silently drop the first",
    )


def _first_key(
    mapping: int, before: int, key: str, kinds: bytearray, shape: array[int], keys: list[str]
) -> int:
    """The first key node of ``mapping`` (still being read) that holds ``key``."""
    child, is_key = mapping + 1, True
    while child < before:
        if is_key and kinds[child] == _SCALAR and keys[shape[child]] == key:
            return child
        child = shape[child] if kinds[child] in (_MAPPING, _SEQUENCE) else child + 1
        is_key = not is_key
    return before


def _new_anchor(
    anchors: dict[str, tuple[int, Any, int, int]],
    stack: list[tuple[Any, bool, Any, int, str | None, int, int]],
    event: Any,
    marks: array[int],
) -> None:
    """Refuse an anchor name used twice, as PyYAML's composer does."""
    first = anchors.get(event.anchor)
    if first is not None:
        first_node: int | None = first[0]
    else:
        first_node = next((frame[3] for frame in stack if frame[4] == event.anchor), None)
    if first_node is not None:
        mark = marks[first_node]
        raise yaml.composer.ComposerError(
            "found duplicate anchor; first occurrence",
            yaml.Mark("", 0, mark // _LINE, mark % _LINE, "", 0),
            "second occurrence",
            event.start_mark,
        )


def _construct(
    constructor: yaml.constructor.SafeConstructor, event: Any, tag: str, name: str
) -> Any:
    """A non-string scalar (number, date, yes/no, null) through PyYAML's safe constructor."""
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
    try:
        return constructor.construct_object(node, deep=False)
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark or event.start_mark
        raise DebateLoadError(
            [
                Diagnostic(
                    name,
                    mark.line + 1,
                    mark.column + 1,
                    f"unsupported YAML value: {error.problem}",
                    "argmap reads plain YAML only (no !!python tags); quote the value to keep it "
                    "as text",
                )
            ]
        ) from None
    except ValueError as error:  # e.g. an impossible timestamp like 2016-13-45
        raise _at(
            name,
            event.start_mark,
            unreadable_value(event.value, error),
            "quote it to keep it as text",
        ) from None


def _at(name: str, mark: Any, message: str, hint: str) -> DebateLoadError:
    return DebateLoadError([Diagnostic(name, mark.line + 1, mark.column + 1, message, hint)])


def _at_node(name: str, mark: int, message: str, hint: str) -> DebateLoadError:
    return DebateLoadError([Diagnostic(name, mark // _LINE + 1, mark % _LINE + 1, message, hint)])
