"""Safe YAML reading that remembers where every value came from.

PyYAML's ``safe_load`` forgets positions, so we read libyaml's event stream ourselves
(``argmap.io.yamlevents``) and build plain Python values from it, keeping each node's line and
column in compact arrays: when validation fails at ``question.pros.3.text`` we walk the same
path through them to find the line and column a person needs.

Building is iterative and budgeted, so hostile files fail with a message instead of a hang or a
traceback: aliases that expand into millions of nodes ("billion laughs"), nesting thousands of
levels deep, duplicate keys that YAML would silently overwrite.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from argmap.io.diagnostics import DebateLoadError, Diagnostic
from argmap.io.textfile import read_text as read_text  # every reader's one way to read a file
from argmap.io.yamlevents import MAX_DEPTH as MAX_DEPTH
from argmap.io.yamlevents import Positions, read_events

_Loader: type[yaml.CSafeLoader | yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's C parser when PyYAML was built with it; the pure-Python one otherwise."""

PathKey = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class YamlDocument:
    """A parsed YAML document: plain data, and where each of its nodes was written."""

    name: str
    data: Any
    positions: Positions | None

    def locate(self, path: Sequence[str | int], *, key: bool = False) -> tuple[int, int]:
        """The 1-based (line, column) of the deepest node along ``path`` (see Positions)."""
        return (1, 1) if self.positions is None else self.positions.locate(path, key=key)

    def without_data(self) -> YamlDocument:
        """The same locations without the data, which a loaded debate no longer needs."""
        return YamlDocument(self.name, None, self.positions)


def parse_yaml(text: str, name: str) -> YamlDocument:
    """Parse YAML text safely into plain data, raising DebateLoadError with a location."""
    loader = _Loader(text)
    try:
        data, positions = read_events(loader, name)
    except yaml.MarkedYAMLError as error:
        unclosed = _unclosed(error, text, name)
        if unclosed is not None:
            raise unclosed from None
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
    finally:
        loader.dispose()
    return YamlDocument(name, data, positions)


_OPENED = {
    "while parsing a flow sequence": ("list", "]"),
    "while parsing a flow mapping": ("mapping", "}"),
    "while scanning a quoted scalar": ("quoted text", None),
}
"""PyYAML's contexts for a bracket or quote left open, which it reports where it gave up."""


def _unclosed(error: yaml.MarkedYAMLError, text: str, name: str) -> DebateLoadError | None:
    """An unclosed ``[``, ``{`` or quote, reported where it was opened.

    PyYAML notices only lines later, where the next key breaks the flow or the file ends, so
    its own position (and an indentation hint) points at the wrong line; the opening mark is
    where the author must look.
    """
    opened = _OPENED.get(error.context or "")
    mark, seen = error.context_mark, error.problem_mark
    if opened is None or mark is None or (seen is not None and seen.line == mark.line):
        return None  # a fault inside a bracket closed on its own line: PyYAML's words fit
    what, closer = opened
    opener = text[mark.index] if 0 <= mark.index < len(text) else "?"
    closer = closer or opener
    until = f" (argmap read on to line {seen.line + 1})" if seen is not None else ""
    return DebateLoadError(
        [
            Diagnostic(
                name,
                mark.line + 1,
                mark.column + 1,
                f"YAML syntax: the {what} opened here with `{opener}` is never closed{until}",
                f"close it with `{closer}` on this line, or write the value without `{opener}`",
            )
        ]
    )


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
