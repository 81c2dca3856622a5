"""Safe YAML reading that remembers where every value came from.

PyYAML's ``safe_load`` forgets positions, so we compose the node tree ourselves (libyaml's C
parser when available) and build plain Python values from it. The node tree is kept: when
validation fails at ``question.pros.3.text`` we walk the same path through the nodes to find
the line and column a person needs.

Building is iterative and budgeted, so hostile files fail with a message instead of a hang or a
traceback: aliases that expand into millions of nodes ("billion laughs"), nesting thousands of
levels deep, duplicate keys that YAML would silently overwrite.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from argmap.io.diagnostics import DebateLoadError, Diagnostic, unreadable_value
from argmap.io.limits import ALIAS_GROWTH
from argmap.io.textfile import read_text as read_text  # every reader's one way to read a file
from argmap.model.text import describe_control, first_control

_Loader: type[yaml.CSafeLoader | yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's C parser when PyYAML was built with it; the pure-Python one otherwise."""

MAX_DEPTH = 200
"""Deepest YAML nesting we read. A debate this deep is better written with ids and ``ref:``."""


PathKey = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_CONTAINER_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})


@dataclass(frozen=True, slots=True)
class YamlDocument:
    """A parsed YAML document: plain data plus the node tree to locate paths in it."""

    name: str
    data: Any
    root: yaml.Node | None

    def locate(self, path: Sequence[str | int], *, key: bool = False) -> tuple[int, int]:
        """The 1-based (line, column) of the deepest node along ``path``.

        Path parts that do not name a key or an index (pydantic's union tags) are skipped.
        With ``key=True`` a final mapping key's own position is returned, which is where an
        "unknown field" error belongs.
        """
        node = self.root
        if node is None:
            return (1, 1)
        mark = node.start_mark
        for index, part in enumerate(path):
            last = index == len(path) - 1
            if isinstance(node, yaml.MappingNode) and isinstance(part, str):
                for key_node, value_node in node.value:
                    if isinstance(key_node, yaml.ScalarNode) and key_node.value == part:
                        mark = key_node.start_mark if key and last else value_node.start_mark
                        node = value_node
                        break
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if 0 <= part < len(node.value):
                    node = node.value[part]
                    mark = node.start_mark
            else:
                continue
        return (mark.line + 1, mark.column + 1)


def parse_yaml(text: str, name: str) -> YamlDocument:
    """Parse YAML text safely into plain data, raising DebateLoadError with a location."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or "invalid YAML"
        if error.context:
            problem = f"{problem} ({error.context})"
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise DebateLoadError(
            [Diagnostic(name, line, column, f"YAML syntax: {problem}", _syntax_hint(problem))]
        ) from None
    except yaml.YAMLError as error:  # reader errors: control characters and the like
        raise _fail(name, None, f"YAML syntax: {error}", None) from None
    except RecursionError:
        raise _fail(
            name,
            None,
            f"YAML is nested more than {MAX_DEPTH} levels deep",
            "write deep chains flat, with ids and `ref:`",
        ) from None
    finally:
        loader.dispose()
    # Without a `*` there can be no alias, so no alias bomb: skip counting the nodes.
    return YamlDocument(name, _build(root, name, aliases="*" in text), root)


def _build(root: yaml.Node | None, name: str, *, aliases: bool = True) -> Any:
    """Turn a node tree into dicts, lists and scalars, without recursion and within budget.

    Scalars are filled in as their container is visited; only containers go on the stack. Plain
    strings, by far the most common scalar, skip PyYAML's constructor.
    """
    if root is None:
        return None
    constructor = yaml.constructor.SafeConstructor()

    def scalar(node: yaml.Node) -> Any:
        if node.tag != _STR:
            return _scalar(constructor, node, name)
        if not node.value.isprintable():  # a "\e" escape: refused here, where it stands
            _no_controls(name, node)
        return node.value

    if not isinstance(root, yaml.MappingNode | yaml.SequenceNode):
        return scalar(root)
    # An alias repeats a node without repeating its text, so both the nodes and the characters
    # of text a document expands into are budgeted: a 1 MB string aliased 999 times is a bomb
    # made of a single node.
    budget = text_budget = float("inf")
    if aliases:
        growth = ALIAS_GROWTH.value()
        nodes, characters = _count_nodes(root)
        budget, text_budget = growth * nodes + 1000, growth * characters + 1_000_000
    top: Any = {} if isinstance(root, yaml.MappingNode) else []
    stack: list[tuple[yaml.Node, Any, int]] = [(root, top, 0)]
    while stack:
        node, value, depth = stack.pop()
        budget -= len(node.value)
        if aliases:
            text_budget -= _text_size(node)
        if budget < 0 or text_budget < 0:
            raise _at(
                name,
                node,
                "YAML aliases expand this file far beyond its size",
                "argmap refuses alias bombs: write the repeated parts out, or use `ref:`; "
                + ALIAS_GROWTH.hint(),
            )
        if depth > MAX_DEPTH:
            raise _at(
                name,
                node,
                f"YAML is nested more than {MAX_DEPTH} levels deep",
                "write deep chains flat: give claims ids and link them with `ref:` or `supports:`",
            )
        if node.tag not in _CONTAINER_TAGS:
            raise _at(
                name,
                node,
                f"unsupported YAML value: tag `{node.tag}`",
                "argmap reads plain YAML only (no !!python or custom tags)",
            )
        if isinstance(node, yaml.MappingNode):
            items = node.value
            keys = [_scalar_key(scalar, key_node, name) for key_node, _ in items]
            if len(set(keys)) != len(keys):
                _duplicate_key(name, items, keys)
            entries: Iterable[tuple[Any, yaml.Node]] = zip(
                keys, (value_node for _, value_node in items), strict=True
            )
        else:
            entries = enumerate(node.value)
            value.extend([None] * len(node.value))
        for key, child in entries:
            if isinstance(child, yaml.MappingNode):
                value[key] = {}
                stack.append((child, value[key], depth + 1))
            elif isinstance(child, yaml.SequenceNode):
                value[key] = []
                stack.append((child, value[key], depth + 1))
            else:
                value[key] = scalar(child)
    return top


def _no_controls(name: str, node: yaml.Node) -> None:
    match = first_control(node.value)
    if match is not None:
        what = describe_control(match.group())
        raise _at(
            name,
            node,
            f"this text holds {what}, which could take over a terminal",
            f"remove {what} (in YAML, look for a `\\` escape in double quotes)",
        )


def _duplicate_key(name: str, items: list[tuple[yaml.Node, yaml.Node]], keys: list[Any]) -> None:
    first: dict[Any, yaml.Node] = {}
    for key, (key_node, _) in zip(keys, items, strict=True):
        if key in first:
            line = first[key].start_mark.line + 1
            raise _at(
                name,
                key_node,
                f"key `{key}` appears twice in this mapping (first on line {line})",
                "keep one of them: YAML would silently drop the first",
            )
        first[key] = key_node


def _at(name: str, node: yaml.Node, message: str, hint: str) -> DebateLoadError:
    mark = node.start_mark
    return DebateLoadError([Diagnostic(name, mark.line + 1, mark.column + 1, message, hint)])


def _count_nodes(root: yaml.Node) -> tuple[int, int]:
    """Distinct nodes in the tree and characters in their scalars (aliases counted once)."""
    seen: set[int] = set()
    characters = 0
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                stack.append(key_node)
                stack.append(value_node)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        else:
            characters += len(node.value)
    return len(seen), characters


def _text_size(node: yaml.Node) -> int:
    """Characters in the scalars directly inside a container, as building copies them."""
    if isinstance(node, yaml.MappingNode):
        return sum(
            len(part.value)
            for pair in node.value
            for part in pair
            if isinstance(part, yaml.ScalarNode)
        )
    return sum(len(item.value) for item in node.value if isinstance(item, yaml.ScalarNode))


def _scalar(constructor: yaml.constructor.SafeConstructor, node: yaml.Node, name: str) -> Any:
    try:
        value = constructor.construct_object(node, deep=False)
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark or node.start_mark
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
        raise DebateLoadError(
            [
                Diagnostic(
                    name,
                    node.start_mark.line + 1,
                    node.start_mark.column + 1,
                    unreadable_value(str(getattr(node, "value", "")), error),
                    "quote it to keep it as text",
                )
            ]
        ) from None
    return value


def _scalar_key(scalar: Callable[[yaml.Node], Any], node: yaml.Node, name: str) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        raise _at(
            name,
            node,
            "a mapping key must be a plain word, not a list or mapping",
            "write `key: value`",
        )
    key = scalar(node)
    return key if isinstance(key, str) else str(key)


def _syntax_hint(problem: str) -> str | None:
    if "nesting depth" in problem:
        return "write deep chains flat: give claims ids and link them with `ref:` or `supports:`"
    if "tab" in problem:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return 'a value containing `: ` must be quoted, e.g. text: "Yes: really"'
    if "expected <block end>" in problem or "did not find expected" in problem:
        return "check the indentation of this line against the one above"
    if "found character" in problem:
        return "quote the value"
    return None


def _fail(name: str, line: int | None, message: str, hint: str | None) -> DebateLoadError:
    return DebateLoadError([Diagnostic(name, line, None if line is None else 1, message, hint)])
