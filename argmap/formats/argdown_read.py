"""Reading Argdown files natively, without Node.js.

An Argdown document is a sequence of blocks separated by empty lines: headings, statements
(``[Title]: text``), arguments (``<Title>: text``), each with relations indented below it,
premise-conclusion structures (``(1)`` … ``----`` … ``(3)``), and lists. The reader follows
Argdown's own parser (christianvoigt/argdown, ``lexer.ts`` and ``ModelPlugin.ts``) where the
two formats meet:

* Statements with the same title are one statement (an "equivalence class"); its text is the
  last definition's, as in Argdown, and a differing earlier text is reported as lost.
* A reconstruction belongs to the argument written in the block just above it. Its premises
  become the argument's premises and its conclusion a statement the argument supports. A
  reconstruction of several inference steps becomes one argument per step: the earlier
  steps are arguments ``<Title> (step 1)`` … supporting their intermediate conclusions.
* Headings are sections, and sections are groups (boxes on a map), as in Argdown: a statement
  is in the group of the section where it is first defined, a reconstructed argument in the
  one holding its premise-conclusion structure; a heading with ``{isGroup: false}`` groups
  nothing, and Argdown's ``groupDepth`` keeps only the deepest levels (see ``argdown_build``).
* Untitled paragraphs and list items that relate to nothing are prose, not claims: they
  become the debate's description (Argdown leaves them out of its maps too).
* ``{…}`` data carries argmap's own fields (``{id: lankov-1, by: lankov}``); keys argmap does
  not know are kept in the node's notes, and Argdown's display settings are reported.
* argmap has a central question; Argdown has none. The statement marked ``{question: true}``
  is the question; without one, the statement heading the largest tree of relations is,
  with a warning naming it.

Everything else unusual is reported with its line; malformed input raises
:class:`~argmap.io.diagnostics.DebateLoadError`, never another exception.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, cast

from argmap.formats.argdown import (
    RELATION_START,
    RELATIONS,
    TAG,
    YAML_WORDS,
    Direction,
)
from argmap.formats.argdown_build import (
    Kind,
    Link,
    Occurrence,
    Parsed,
    Section,
    Step,
    build,
    inference_key,
)
from argmap.formats.draft import Draft, LineIndex, Position
from argmap.io.diagnostics import DebateLoadError, Diagnostic
from argmap.io.loaded import LoadedDebate, collector_paused, leftover
from argmap.io.untrusted import guarded
from argmap.io.yamlsource import YamlDocument, parse_yaml, read_text
from argmap.model.debate import RelationKind


def read_argdown(path: Path) -> LoadedDebate:
    """Read an Argdown file; DebateLoadError with located diagnostics when it is malformed.

    ``@include(other.argdown)`` lines are replaced by the files they name, read relative to
    the including file as the Argdown CLI reads them; a diagnostic in an included file names
    that file and its line, and ``check`` places its claims at the ``@include`` line.
    """
    text = read_text(path)  # refuses control characters: every included file's too
    if "@include" not in text:
        return parse_argdown(text, str(path), checked=True)
    origins: list[tuple[str, int, int]] = []
    lines = _included(path, text, (path.resolve(),), origins, None)
    try:
        loaded = parse_argdown("\n".join(lines), str(path), checked=True)
    except DebateLoadError as error:
        raise DebateLoadError([_origin(d, origins) for d in error.diagnostics]) from None
    loaded.warnings[:] = [_origin(d, origins) for d in loaded.warnings]
    paths = cast(dict[str, tuple[int, int]], loaded.source_map.paths)
    for item, (line, column) in paths.items():
        if 1 <= line <= len(origins):
            file, number, outer = origins[line - 1]
            paths[item] = (number, column) if file == str(path) else (outer, 1)
    return loaded


_INCLUDE = re.compile(r"[ \t]*@include\(([^)\n]*)\)[ \t]*")
_MAX_INCLUDES = 200
"""Files one document may pull in: far more than any real one, few enough to stop a loop."""


def _included(
    path: Path,
    text: str,
    chain: tuple[Path, ...],
    origins: list[tuple[str, int, int]],
    outer: int | None,
) -> list[str]:
    """The lines of ``text`` with every ``@include(…)`` replaced by the files it names;
    ``origins`` receives the file and line each line comes from, and the line of the
    top-level file that brought it in (``outer``, None while reading that file)."""
    lines: list[str] = []
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        match = _INCLUDE.fullmatch(line)
        if match is None:
            lines.append(line)
            origins.append((str(path), number, outer or number))
            continue
        for name in (n.strip() for n in match.group(1).split(",") if n.strip()):
            target = (path.parent / name).resolve()
            at = (number, line.find(name) + 1)
            problem: tuple[str, str | None] | None = None
            if target in chain:
                circle = " → ".join(p.name for p in (*chain, target))
                problem = (f"`{name}` includes itself ({circle})", "remove the @include")
            elif len({file for file, _, _ in origins}) > _MAX_INCLUDES:
                problem = (f"more than {_MAX_INCLUDES} files included", "include fewer files")
            else:
                try:
                    included = read_text(target)
                except DebateLoadError as error:
                    first = error.diagnostics[0]
                    problem = (f"cannot include `{name}`: {first.message}", first.hint)
            if problem is not None:
                message, hint = problem
                raise DebateLoadError([Diagnostic(str(path), *at, message, hint)])
            lines += _included(target, included, (*chain, target), origins, outer or number)
            lines.append("")
            origins.append((str(path), number, outer or number))
    return lines


def _origin(diagnostic: Diagnostic, origins: list[tuple[str, int, int]]) -> Diagnostic:
    """A diagnostic of the combined text, placed in the file and line it came from."""
    line = diagnostic.line
    if line is None or not 1 <= line <= len(origins):
        return diagnostic
    file, number, _ = origins[line - 1]
    return replace(diagnostic, file=file, line=number)


def parse_argdown(text: str, name: str = "<argdown>", *, checked: bool = False) -> LoadedDebate:
    """Parse Argdown text; ``name`` labels diagnostics (its stem is the title of last resort).
    ``checked``: ``read_text`` has refused control characters in it already."""
    with collector_paused(), guarded(text, name, checked=checked):
        parsed = _Reader(text, name).read()
        loaded = build(parsed)
        leftover(parsed)  # every occurrence and relation line, and the draft
        return loaded


# -- scanning: comments, data and lines ----------------------------------------------------------


def _plain_data(plain: str) -> str:
    """What follows the ``{`` of a data block with no quote inside, and no deeper than a list
    of flat blocks, as in ``{by: lankov, quotes: [{text: …, by: lankov}]}``, its text made of
    ``plain``: brackets in it nest properly, so it closes where this matches. Each bracket
    starts a different branch, so matching is linear."""
    return rf"{plain}(?:(?:\[{plain}(?:\{{{plain}\}}{plain})*\]|\{{{plain}\}}){plain})*\}}"


_PLAIN = r"[^{}\[\]'\"]*"  # no bracket, no quote
_PLAIN_ON_ONE_LINE = r"[^{}\[\]'\"\n]*"  # nor a line end
_PLAIN_DATA = re.compile(r"\{" + _plain_data(_PLAIN))
_SCAN = re.compile(
    rf"\\[^\n]|/\*|<!--|//|\[(?![^\]\n]{{0,200}}\](?!\())|\{{(?=({_plain_data(_PLAIN_ON_ONE_LINE)}))?"
)
"""What the scan stops at: an escape, a comment's start, a ``[`` that may open a link, and
data. A ``[`` whose ``]`` closes it on its line, within 200 characters, with no ``(`` after
it opens no link (``[Title]: …``, the commonest), so the scan does not stop there at all;
the lookahead reads at most 200 characters, so the scan stays linear on any text. Plain data
on one line (the commonest, ``{by: lankov}``) is matched whole, as :func:`_data_ends`
would close it; any other ``{`` is closed there."""
_DATA_TOKEN = re.compile(r"[{}\[\]'\"]")
_DOUBLE_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BLANK_LINE = re.compile(r"\n[ \t]*(?=\n)")
_FENCE = re.compile(r"={3,}[ \t]*")
_WORD = r"[A-Za-z_][A-Za-z0-9_-]*"
_SIMPLE_DATA = re.compile(
    rf"\{{\s*{_WORD}\s*:\s+(?:{_WORD}|\[\s*{_WORD}(?:\s*,\s*{_WORD})*\s*\])"
    rf"(?:\s*,\s*{_WORD}\s*:\s+(?:{_WORD}|\[\s*{_WORD}(?:\s*,\s*{_WORD})*\s*\]))*\s*\}}"
)
_SIMPLE_ITEM = re.compile(rf"({_WORD})\s*:\s*({_WORD}|\[[^\]]*\])")


@dataclass(slots=True)
class _Line:
    number: int
    start: int  # offset of the line in the body
    indent: int
    content: str  # without indentation or trailing spaces; comments blanked out
    in_data: bool  # begins inside a `{…}` data block that spans lines

    def column(self, offset: int = 0) -> int:
        return self.indent + offset + 1


@dataclass(slots=True)
class _Scan:
    text: str  # the body with comments replaced by spaces (same length, same lines)
    data: list[tuple[int, int]]  # `{…}` spans, in order
    unmatched: list[int]  # offsets of `{` that open no data block
    starts: list[int]  # where each span starts, to bisect


def _scan(text: str, first_line: int, draft: Draft) -> _Scan:
    """Blank out comments and find data blocks in one pass, as Argdown's lexer does.

    Escapes, links and data are skipped whole, so that ``\\//``, ``(https://…)`` and a
    ``{notes: "a // b"}`` are not taken for comments. Every step looks ahead only through
    :class:`_Ahead`, so hostile text (thousands of unclosed ``{`` or ``[a](b``) costs time in
    proportion to its length.
    """
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    unmatched: list[int] = []
    blank_lines = [m.start() for m in _BLANK_LINE.finditer(text)]
    ahead = _Ahead(text)
    closers: dict[int, int | None] = {}
    done = pos = 0
    while (match := _SCAN.search(text, pos)) is not None:
        token, start, end = match.group(), match.start(), match.end()
        if match.lastindex == 1:  # plain data on one line: it ends where the match looked
            spans.append((start, match.end(1)))
            pos = match.end(1)
            continue
        if token == "{":
            if start not in closers:
                after = bisect.bisect_right(blank_lines, start)
                limit = blank_lines[after] if after < len(blank_lines) else len(text)
                closers.update(_data_ends(text, start, limit))
            data_end = closers.get(start)
            if data_end is not None:
                spans.append((start, data_end))
                end = data_end
            else:
                unmatched.append(start)
            pos = end
            continue
        if token == "[":
            pos = ahead.link_end(start) or end
            continue
        if token in ("/*", "<!--"):
            close = "*/" if token == "/*" else "-->"
            found = text.find(close, end)
            if found < 0:
                raise draft.fail(
                    LineIndex(text, first_line).at(start),
                    f"the comment opened with `{token}` is never closed",
                    f"end it with `{close}`",
                )
            end = found + len(close)
        elif token == "//":
            newline = text.find("\n", start)
            end = len(text) if newline < 0 else newline
        else:  # an escape
            pos = end
            continue
        pieces.append(text[done:start])
        pieces.append(re.sub(r"[^\n]", " ", text[start:end]))
        done = pos = end
    pieces.append(text[done:])
    return _Scan("".join(pieces), spans, unmatched, [start for start, _ in spans])


class _Ahead:
    """The next ``]``, ``)`` and line end after a position, remembered while the scan moves
    forward, so that each is searched for once however many ``[`` are tried."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: dict[str, int] = {}

    def next(self, char: str, after: int) -> int:
        """The offset of the first ``char`` at or after ``after`` (the text's length if none)."""
        known = self.found.get(char, -1)
        if known < after:
            known = self.text.find(char, after)
            known = len(self.text) if known < 0 else known
            self.found[char] = known
        return known

    def link_end(self, start: int) -> int | None:
        """The end of a Markdown link ``[text](target)`` opening at ``start``, or None."""
        text = self.text
        bracket = self.next("]", start + 1)
        if not text.startswith("(", bracket + 1):  # `[Title]: …`, the commonest, at once
            return None
        line_end = self.next("\n", start)
        if not start + 1 < bracket < line_end:
            return None
        paren = self.next(")", bracket + 2)
        return paren + 1 if bracket + 2 < paren < line_end else None


def _data_ends(text: str, start: int, limit: int) -> dict[int, int | None]:
    """Where each ``{`` between ``start`` and ``limit`` closes (None where it never does).

    A ``{…}`` block closes at the first ``}`` that brings its depth back to zero, counting
    ``[`` and ``]`` too (a ``]`` that closes it means it is no data); quoted strings hide
    braces. One pass with a stack answers this for every brace of the paragraph at once.
    """
    ends: dict[int, int | None] = {}
    stack: list[tuple[int, str]] = []  # (offset, opening character)
    braces: list[int] = []  # the offsets of the `{` in the stack
    pos = start
    while True:
        if stack:
            match = _DATA_TOKEN.search(text, pos, limit)
            if match is None:
                break
            char, at = match.group(), match.start()
        else:  # between data blocks: only the next `{` matters
            at = text.find("{", pos, limit)
            if at < 0:
                break
            plain = _PLAIN_DATA.match(text, at, limit)
            if plain is not None:  # the commonest blocks, `{by: lankov}`, at once
                pos = ends[at] = plain.end()
                continue
            char = "{"
        pos = at + 1
        if char in "{[":
            stack.append((at, char))
            if char == "{":
                braces.append(at)
        elif char in "}]":
            if not stack:
                continue
            opened, kind = stack.pop()
            if kind == "{":
                braces.pop()
                ends[opened] = pos if char == "}" else None
        elif braces and _quote_opens(text, at, braces[0]):
            close = _quote_close(text, at, limit)
            if close is not None:
                pos = close
    for opened, kind in stack:
        if kind == "{":
            ends[opened] = None
    return ends


def _quote_opens(text: str, at: int, start: int) -> bool:
    """A YAML quote opens a scalar only where a scalar can begin (not in ``it's`` or ``-'``):
    after ``{``, ``[`` or ``,``; after ``: ``; after a line's ``- ``."""
    before = text[max(start, at - 80) : at]
    trimmed = before.rstrip()
    if not trimmed:
        return False
    last, spaced = trimmed[-1], len(trimmed) < len(before)
    if last in "{[,":
        return True
    if last == ":":
        return spaced or trimmed[:-1].endswith(("'", '"'))
    if last == "-":
        return spaced and trimmed[:-1].rstrip(" \t").endswith(("\n", "{", "[", ","))
    return False


def _quote_close(text: str, at: int, limit: int) -> int | None:
    if text[at] == '"':
        match = _DOUBLE_QUOTED.match(text, at, limit)
        return match.end() if match else None
    pos = at + 1
    while (found := text.find("'", pos, limit)) >= 0:
        if text.startswith("''", found):
            pos = found + 2
            continue
        return found + 1
    return None


def _lines(original: str, scan: _Scan, first_line: int) -> list[_Line]:
    """Every line that holds something, and blank lines; comment-only lines vanish."""
    lines: list[_Line] = []
    spanning = [(start, end) for start, end in scan.data if "\n" in original[start:end]]
    starts = [start for start, _ in spanning]
    offset = 0
    for number, kept in enumerate(scan.text.split("\n"), start=first_line):
        in_data = False
        if spanning:  # only a block that spans lines can hold a line's start
            index = bisect.bisect_left(starts, offset) - 1
            in_data = index >= 0 and spanning[index][0] < offset < spanning[index][1]
        content = kept.strip(" \t")
        # The scan keeps every line's length, so the original line is at the same offsets.
        if content or in_data or not original[offset : offset + len(kept)].strip(" \t"):
            indent = len(kept) - len(kept.lstrip(" \t"))
            lines.append(_Line(number, offset, indent, content, in_data))
        offset += len(kept) + 1
    return lines


def _blocks(lines: list[_Line]) -> Iterator[list[_Line]]:
    """Runs of lines between empty lines: Argdown's top-level elements."""
    block: list[_Line] = []
    for line in lines:
        if line.content or line.in_data:
            block.append(line)
        elif block:
            yield block
            block = []
    if block:
        yield block


@dataclass(slots=True)
class _Heading:
    level: int
    name: str
    is_group: bool
    key: str


_PCS_NUMBER = re.compile(r"\((\d+)\)")
_LIST_ITEM = re.compile(r"(?:\*|\d+\.)(?=\s)")
_HEADING = re.compile(r"(#+) ")
_ELEMENT_START = re.compile(r"[\[<(]")
_INFERENCE_END = re.compile(r"-{2,}")
_MENTION = re.compile(r"@([\[<])(.+?)[\]>]")
_TEXT_TOKEN = re.compile(TAG.pattern + r"|\\(.)")
_DEFINITION = re.compile(r"\[[^\]\n]+\]:|<[^>\n]+>:")
"""A line that defines a statement or argument: it begins a new block in Argdown."""
_PLAIN_DEFINITION = re.compile(r"[ \t]*(?:\[([^\]\n]+)\]:|<([^>\n]+)>:)([^#\\{}\n]*)")
"""A definition whose text holds no tag, escape or brace (see ``_Reader._plain_definition``)."""
_HEADS: tuple[tuple[re.Pattern[str], Kind, bool], ...] = (
    (re.compile(r"\[(.+?)\]:"), "statement", True),
    (re.compile(r"<(.+?)>:"), "argument", True),
    (re.compile(r"\[([^-\]][^\]]*)\]"), "statement", False),
    (re.compile(r"<([^->][^>]*)>"), "argument", False),
)
"""Definitions ``[T]: …`` and ``<T>: …``, then references ``[T]`` and ``<T>``."""


class _Reader:
    """Reads the text into occurrences, links and reconstructions, keyed by titles."""

    def __init__(self, text: str, name: str) -> None:
        self.draft = Draft(name)
        self.text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.name = name
        self.occurrences: dict[str, list[Occurrence]] = {}
        self.links: list[Link] = []
        self.reconstructions: dict[str, list[Step]] = {}
        self.reconstruction_at: dict[str, Position] = {}
        self.prose: list[str] = []
        self.headings: list[_Heading] = []
        self.group: str | None = None  # the innermost heading above that is a group (its key)
        self.sections: list[Section] = []
        self.reconstruction_groups: dict[str, str | None] = {}
        self.first_heading: str | None = None
        self.untitled = 0
        self.untitled_arguments = 0
        self.front: dict[str, Any] = {}
        self.front_doc: YamlDocument | None = None
        self.front_line = 0
        self.scan = _Scan("", [], [], [])
        self.where = LineIndex("")
        self.data: dict[int, tuple[dict[str, Any], Position]] = {}  # by where each block starts
        self.data_ends: dict[int, int] = {}  # where each block ends, by where it starts

    def read(self) -> Parsed:
        body, first_line = self._front_matter()
        self.scan = _scan(body, first_line, self.draft)
        self.where = LineIndex(body, first_line)
        for offset in self.scan.unmatched[:20]:
            self.draft.warn(
                self.where.at(offset),
                "this `{` opens no `{…}` data (no matching `}` before an empty line); "
                "argmap keeps it as text",
                "write `\\{` for a brace that is part of the text",
            )
        self._parse_all_data(body, first_line)
        self.data_ends = dict(self.scan.data)
        owner: str | None = None  # the argument a reconstruction in the next block belongs to
        for block in _blocks(_lines(body, self.scan, first_line)):
            owner = self._block(block, owner)
        return Parsed(
            self.draft,
            self.name,
            self.occurrences,
            self.links,
            self.reconstructions,
            self.prose,
            self.front,
            self.front_doc,
            self.front_line,
            self.first_heading,
            sections=self.sections,
            reconstruction_groups=self.reconstruction_groups,
        )

    # -- YAML: the front matter and `{…}` data -----------------------------------------------

    def _front_matter(self) -> tuple[str, int]:
        """Split off the ``===`` YAML front matter; the body and its first line number."""
        lines = self.text.split("\n")
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is None or not _FENCE.fullmatch(lines[first].rstrip()):
            return self.text, 1
        close = next(
            (i for i in range(first + 1, len(lines)) if _FENCE.fullmatch(lines[i].rstrip())), None
        )
        if close is None:
            raise self.draft.fail(
                (first + 1, 1),
                "the front matter opened here with `===` is never closed",
                "end it with a line `===`",
            )
        self.front_line = first + 2
        document = self._yaml(
            "\n".join(lines[first + 1 : close]), (self.front_line, 1), "front matter"
        )
        if document.data is not None and not isinstance(document.data, dict):
            raise self.draft.fail(
                (self.front_line, 1),
                "the front matter must be `key: value` lines",
                "e.g. `title: My debate`",
            )
        self.front = document.data or {}
        self.front_doc = document
        return "\n".join(lines[close + 1 :]), close + 2

    def _yaml(self, text: str, at: Position, what: str) -> YamlDocument:
        """Parse YAML written at ``at`` in the file, moving any error to the file's lines."""
        try:
            return parse_yaml(text, self.name)
        except DebateLoadError as error:
            raise DebateLoadError(
                [
                    *self.draft.diagnostics,
                    *(
                        Diagnostic(
                            d.file, *_shift(d.line, d.column, at), f"{what}: {d.message}", d.hint
                        )
                        for d in error.diagnostics
                    ),
                ]
            ) from None

    def _parse_all_data(self, body: str, first_line: int) -> None:
        """Parse every ``{…}`` block: in one YAML call, since one call per block is slow.

        The commonest data, a flat ``{by: lankov, id: cost}`` of plain words, is read
        directly; the result is what YAML would give, and a file of 10,000 claims reads in
        well under a second.
        """
        flow: list[tuple[int, str, Position]] = []
        words: dict[str, dict[str, Any]] = {}  # `{by: lankov}` → its data, read once
        plans: dict[tuple[str | None, ...], Any] = {}  # the shapes of larger blocks
        places = self.where.at_each(self.scan.starts)
        for (start, end), at in zip(self.scan.data, places, strict=True):
            raw = body[start:end]
            simple = words.get(raw)  # shared: `_text_of` copies what it takes from here
            if simple is None:
                simple = _simple_data(raw)
                if simple is not None and all(type(v) is str for v in simple.values()):
                    words[raw] = simple
            if simple is None and "\n" not in raw:
                simple = _plain_flow(raw, plans)
            if simple is not None:
                self.data[start] = (simple, at)
            elif re.match(r"\{[ \t]*\n", raw):  # Argdown's block format: YAML inside the braces
                self.data[start] = (_as_mapping(self._yaml(raw[1:-1], at, "data").data), at)
            else:
                flow.append((start, raw, at))
        if not flow:
            return
        batch = "\n".join("- " + raw.replace("\n", "\n  ") for _, raw, _ in flow)
        try:
            values = parse_yaml(batch, self.name).data
        except DebateLoadError:
            values = None
        if not (isinstance(values, list) and len(values) == len(flow)):
            # Something in there is wrong: parse them one by one to say where.
            values = [self._yaml(raw, at, "data").data for _, raw, at in flow]
        for (start, _, at), value in zip(flow, values, strict=True):
            self.data[start] = (_as_mapping(value), at)

    # -- blocks ------------------------------------------------------------------------------

    def _block(self, block: list[_Line], owner: str | None) -> str | None:
        """Read one block; return the argument a reconstruction right below would belong to."""
        first = block[0]
        content = first.content
        where = (first.number, first.column())
        if first.in_data:
            raise self.draft.fail(where, "`{…}` data with no statement or argument before it")
        heading = _HEADING.match(content)
        if heading and first.indent == 0:
            rest = self._heading(block, len(heading.group(1)))
            return self._block(rest, None) if rest else None
        if _PCS_NUMBER.match(content):
            self._reconstruction(block, 0, owner)
            return None
        if content.startswith("--"):
            raise self.draft.fail(
                where,
                "an inference line `--` outside an argument reconstruction",
                "inference lines go between numbered premises `(1)` and the conclusion",
            )
        if RELATION_START.match(content):
            raise self.draft.fail(
                where,
                "this relation is not indented under a statement or argument",
                "write the claim it relates to on the line above, and indent the relation below it",
            )
        if _LIST_ITEM.match(content):
            for item in self._items(block):
                _, end = self._element(item, _LIST_ITEM.match(item[0].content), "- ")
                if end < len(item):
                    self._unexpected(item[end])
            return None
        root, index = self._element(block, None, "")
        if index < len(block) and _DEFINITION.match(block[index].content):
            self._unexpected(block[index])
        if index < len(block):  # a reconstruction right below, without an empty line
            self._reconstruction(block, index, root.key if root.kind == "argument" else None)
            return None
        return root.key if root.kind == "argument" else None

    def _unexpected(self, line: _Line) -> None:
        """A line that starts something new where Argdown expects an empty line first."""
        if _DEFINITION.match(line.content):
            raise self.draft.fail(
                (line.number, line.column()),
                "a new statement or argument starts here without an empty line before it; "
                "Argdown reads this as a syntax error",
                "put an empty line between two definitions (argmap would otherwise read "
                "this line as part of the text above)",
            )
        raise self.draft.fail(
            (line.number, line.column()),
            "this line cannot follow the list item above",
            "end the list with an empty line",
        )

    def _items(self, block: list[_Line]) -> Iterator[list[_Line]]:
        item: list[_Line] = []
        for line in block:
            if item and not line.in_data and _LIST_ITEM.match(line.content):
                yield item
                item = []
            item.append(line)
        yield item

    def _heading(self, block: list[_Line], level: int) -> list[_Line]:
        """Record a heading (it may wrap over lines); return the lines after it, if any."""
        end = 1
        while (
            end < len(block)
            and self._continues(block[end])
            and not _ELEMENT_START.match(block[end].content)
        ):
            end += 1
        text, data, _tags, _at = self._text_of(block[:end], level + 1)
        name = _MENTION.sub(lambda m: m.group(2), text).strip()
        if self.first_heading is None and name:
            self.first_heading = name
        while self.headings and self.headings[-1].level >= level:
            self.headings.pop()
        is_group = bool(name) and data.get("isGroup") is not False
        key = f"h{len(self.sections) + 1}"
        parent = self.headings[-1].key if self.headings else None
        at = (block[0].number, block[0].column())
        given = data.get("id")  # argmap's writer keeps a group's own id here
        own_id = given.strip() if isinstance(given, str) and given.strip() else None
        exact = data.get("title")  # and its exact title, where a heading line cannot hold it
        if isinstance(exact, str) and exact.strip():
            name = exact.strip()
        self.sections.append(Section(key, name, level, parent, is_group, at, own_id))
        self.headings.append(_Heading(level, name, is_group, key))
        self.group = next((h.key for h in reversed(self.headings) if h.is_group), None)
        return block[end:]

    def _continues(self, line: _Line) -> bool:
        """Whether a line carries on the text above rather than starting something new."""
        content = line.content
        return line.in_data or not (
            RELATION_START.match(content)
            or content.startswith("--")
            or _PCS_NUMBER.match(content)
            or _DEFINITION.match(content)
        )

    def _element(
        self, block: list[_Line], marker: re.Match[str] | None, bullet: str
    ) -> tuple[Occurrence, int]:
        """A statement or argument with the relations indented below it; the next line."""
        end = 1
        while end < len(block) and self._continues(block[end]):
            end += 1
        root = self._occurrence(block[:end], marker.end() if marker else 0)
        index = self._tree(root.key, block[0].indent, block, end)
        if (
            root.title is None
            and index == end == len(block)
            and not root.data
            and root.text is not None
        ):
            # An untitled paragraph that relates to nothing is prose, not a claim.
            del self.occurrences[root.key]
            tags = " ".join(f"#({t})" if " " in t else f"#{t}" for t in root.tags)
            self.prose.append(f"{bullet}{root.text} {tags}".rstrip())
        return root, index

    def _tree(self, root: str, indent: int, block: list[_Line], index: int) -> int:
        """Relations indented under ``root``; the index of the first line after them.

        Indentation works as in Argdown's lexer: a deeper line opens the relations of the
        claim above it; a shallower one closes lists until it is no longer shallower, and then
        belongs to the list it lands in, even if it is indented a little more than that list.
        """
        levels: list[tuple[int, str]] = [(indent, "")]  # (indent, whose relations these are)
        last = root
        size = len(block)
        following = self._relation_start(block, index)
        while following is not None:
            line, symbol = block[index], following
            if line.content.startswith("--"):
                break
            if line.indent > levels[-1][0]:
                levels.append((line.indent, last))
            while len(levels) > 1 and line.indent < levels[-1][0]:
                levels.pop()
            if len(levels) == 1:
                raise self.draft.fail(
                    (line.number, line.column()),
                    "this relation is not indented under a statement or argument",
                    "indent it further than the claim it relates to",
                )
            end = index + 1
            # The next relation ends this one's lines; matched once, for both.
            while (following := self._relation_start(block, end)) is None and end < size:
                if not self._continues(block[end]):
                    break
                end += 1
            child = self._occurrence(block[index:end], symbol.end())
            self._link(symbol.group(), levels[-1][1], child, (line.number, line.column()))
            last = child.key
            index = end
        return index

    @staticmethod
    def _relation_start(block: list[_Line], index: int) -> re.Match[str] | None:
        """The relation symbol the line at ``index`` starts with, if it is such a line."""
        if index >= len(block) or block[index].in_data:
            return None
        return RELATION_START.match(block[index].content)

    def _link(self, symbol: str, parent: str, child: Occurrence, at: Position) -> None:
        kind, direction = RELATIONS[symbol]
        if parent.startswith("inference\x00") and kind is not RelationKind.UNDERCUTS:
            self.draft.warn(
                at,
                f"only undercuts (`<_`) hang under an inference line; argmap "
                f"reads this `{symbol}` as relating to the argument",
            )
        if direction is Direction.INCOMING:
            self.links.append(Link(kind, child.key, parent, at))
        else:
            self.links.append(Link(kind, parent, child.key, at))

    # -- one statement or argument -----------------------------------------------------------

    def _occurrence(self, lines: list[_Line], skip: int) -> Occurrence:
        """The statement or argument written on ``lines``, after their first ``skip`` characters."""
        if len(lines) == 1 and (plain := self._plain_definition(lines[0], skip)) is not None:
            return plain
        first = lines[0]
        head = first.content[skip:].lstrip()
        offset = len(first.content) - len(head)  # the content has no space at its end
        at = (first.number, first.column(offset))
        kind: Kind = "statement"
        title: str | None = None
        parsed: tuple[str, dict[str, Any], list[str], Position | None] | None = None
        body: str | None = None
        for pattern, found_kind, is_definition in _HEADS:
            match = pattern.match(head)
            if match is None:
                continue
            candidate = self._text_of(lines, offset + match.end())
            if not is_definition and candidate[0]:
                continue  # `[sic] says who`: text that happens to start with brackets
            title = match.group(1).strip() or None
            kind, parsed = found_kind, candidate
            body = candidate[0] if is_definition else None
            break
        if parsed is None or title is None:
            parsed = self._text_of(lines, offset)
            kind, title, body = "statement", None, parsed[0]
        _text, data, tags, data_at = parsed
        if title is None and not body:
            if data:
                raise self.draft.fail(at, "`{…}` data with no statement or argument before it")
            raise self.draft.fail(at, "an empty statement", "write its text, or remove the line")
        if title is not None:
            key = f"{kind[0]}:{title}"
        else:
            self.untitled += 1
            key = f"s#{self.untitled}"
        return self._record(
            Occurrence(kind, key, title, body or None, data, data_at, tags, at, self.group)
        )

    def _plain_definition(self, line: _Line, skip: int) -> Occurrence | None:
        """``[Title]: text`` or ``<Title>: text`` on one line, its text without a tag, an
        escape or a brace, and perhaps one data block after it: most lines of a large file,
        read here in one match rather than through :meth:`_text_of`. None for anything else,
        which :meth:`_occurrence` reads in full, to the same result."""
        content = line.content
        match = _PLAIN_DEFINITION.match(content, skip)
        if match is None:
            return None
        statement, argument, text = match.groups()
        title = (argument if statement is None else statement).strip()
        if not title:
            return None
        data: dict[str, Any] = {}
        data_at: Position | None = None
        if match.end() < len(content):  # what stopped the text must be data ending the line
            start = line.start + line.indent + match.end()
            if self.data_ends.get(start) != line.start + line.indent + len(content):
                return None
            value, data_at = self.data[start]
            data.update(value)  # a copy: blocks written alike share their value
        kind: Kind = "statement" if statement is not None else "argument"
        at = (line.number, line.column(match.start(1 if argument is None else 2) - 1))
        text = text.strip(" \t")
        return self._record(
            Occurrence(
                kind, f"{kind[0]}:{title}", title, text or None, data, data_at, [], at, self.group
            )
        )

    def _record(self, occurrence: Occurrence) -> Occurrence:
        self.occurrences.setdefault(occurrence.key, []).append(occurrence)
        return occurrence

    def _text_of(
        self, lines: list[_Line], skip: int
    ) -> tuple[str, dict[str, Any], list[str], Position | None]:
        """Text (escapes undone, tags taken out), merged data, tags, and where the data was."""
        start = lines[0].start + lines[0].indent + skip
        last = lines[-1]
        end = last.start + last.indent + len(last.content)
        data: dict[str, Any] = {}
        data_at: Position | None = None
        scan = self.scan
        spans, scanned = scan.data, scan.text
        raw = ""
        cursor = start
        index = bisect.bisect_left(scan.starts, start)
        while index < len(spans) and spans[index][0] < end:
            span_start, span_end = spans[index]
            raw += scanned[cursor:span_start]
            value, at = self.data[span_start]
            data.update(value)
            if data_at is None:
                data_at = at
            if span_end > cursor:
                cursor = span_end
            index += 1
        if end > cursor:
            raw += scanned[cursor:end]
        if "\n" in raw:
            raw = " ".join(part.strip() for part in raw.split("\n") if part.strip())
        text, tags = _untag(raw.strip(" \t"))
        return text, data, tags, data_at

    # -- reconstructions ---------------------------------------------------------------------

    def _reconstruction(self, block: list[_Line], index: int, owner: str | None) -> None:
        """Numbered premises, inference lines and conclusions, with their relations."""
        start = block[index]
        at = (start.number, start.column())
        if owner is None:
            self.untitled_arguments += 1
            title = f"Untitled argument {self.untitled_arguments}"
            owner = f"a:{title}"
            self.occurrences.setdefault(owner, []).append(
                Occurrence("argument", owner, title, None, {}, None, [], at, self.group)
            )
        if owner in self.reconstructions:
            first = self.reconstruction_at[owner]
            raise self.draft.fail(
                at,
                f"a second reconstruction of <{owner[2:]}> (the first is on line {first[0]})",
                "an argument has one premise-"
                "conclusion structure: merge them, or give this one its own "
                "<title> in the block above",
            )
        numbered: list[tuple[str, int]] = []  # (key, number)
        steps: list[Step] = []
        since: list[str] = []
        inference: tuple[str, dict[str, Any], Position] | None = None
        while index < len(block):
            line = block[index]
            where = (line.number, line.column())
            number = _PCS_NUMBER.match(line.content)
            if number and not line.in_data:
                end = index + 1
                while end < len(block) and self._continues(block[end]):
                    end += 1
                occurrence = self._occurrence(block[index:end], number.end())
                numbered.append((occurrence.key, int(number.group(1))))
                if inference is not None:
                    rules, data, inference_at = inference
                    if "uses" in occurrence.data and "uses" not in data:
                        # `{uses: [1, 3]}` may stand on the conclusion as well as the inference.
                        data = {**data, "uses": occurrence.data.pop("uses")}
                    premises = self._premises(numbered, steps, since, data, inference_at)
                    steps.append(Step(premises, occurrence.key, rules, data, inference_at))
                    since, inference = [], None
                else:
                    since.append(occurrence.key)
                index = self._tree(occurrence.key, line.indent, block, end)
            elif line.content.startswith("--") and not line.in_data:
                if inference is not None:
                    raise self.draft.fail(
                        where,
                        "two inference lines in a row",
                        "write the conclusion `(n) …` between them",
                    )
                if not numbered:
                    raise self.draft.fail(
                        where,
                        "an inference line before any premise",
                        "number the premises (1), (2)… above it",
                    )
                rules, data, index = self._inference(block, index)
                inference = (rules, data, where)
                index = self._tree(inference_key(owner, len(steps)), line.indent, block, index)
            else:
                raise self.draft.fail(
                    where,
                    "expected a numbered statement `(n)` or an inference line `----` here",
                    "an empty line ends a reconstruction",
                )
        if inference is not None or not steps or since:
            last = block[-1]
            raise self.draft.fail(
                (last.number, last.column()),
                f"the reconstruction of <{owner[2:]}> does not end with a conclusion",
                "end it with an inference line `----` and the conclusion `(n) …`",
            )
        self.reconstructions[owner] = steps
        self.reconstruction_at[owner] = at
        self.reconstruction_groups[owner] = self.group

    def _premises(
        self,
        numbered: list[tuple[str, int]],
        steps: list[Step],
        since: list[str],
        data: dict[str, Any],
        at: Position,
    ) -> list[str]:
        """What one inference starts from: ``{uses: [1, 2]}`` when given; otherwise what came
        since the previous conclusion, and that conclusion."""
        uses = data.pop("uses", None)
        if uses is not None:
            above = {number: key for key, number in numbered[:-1]}
            if isinstance(uses, list) and all(isinstance(u, int) and u in above for u in uses):
                return [above[u] for u in uses]
            self.draft.warn(
                at,
                f"`uses: {uses}` does not list statement numbers above this "
                "line; argmap takes every premise since the previous conclusion",
            )
        return [steps[-1].conclusion, *since] if steps else since

    def _inference(self, block: list[_Line], index: int) -> tuple[str, dict[str, Any], int]:
        """``----``, ``-- rule --``, or ``--`` / rule lines / ``--``: rules, data, next index."""
        line = block[index]
        end = index
        if _INFERENCE_END.search(line.content, 2) is None:
            end = index + 1
            while end < len(block) and not _INFERENCE_END.search(block[end].content):
                end += 1
            if end == len(block):
                raise self.draft.fail(
                    (line.number, line.column()),
                    "this inference is never closed",
                    "end the inference rules with a line `--`",
                )
        text, data, _tags, _at = self._text_of(block[index : end + 1], 2)
        rules = text.strip("- ").strip()
        return rules, data, end + 1


_FLOW_TOKEN = re.compile(
    r"[ \n]*(?:([{}\[\],])|([A-Za-z_][A-Za-z0-9_-]*)[ ]*:(?= )"
    r"|([A-Za-z][^,\[\]{}#:\"'&*!|>%@`\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]*))"
)
"""A token of plain flow data: a bracket or comma, a ``key:``, or a plain scalar that starts
with a letter and holds nothing YAML would read as syntax (no colon, quote, anchor, tag)."""


def _plain_flow(raw: str, plans: dict[tuple[str | None, ...], Any]) -> dict[str, Any] | None:
    """``{by: s1, quotes: [{text: Words of a quote., by: s1}]}`` read without YAML.

    Only flow mappings and lists of plain text, as argmap's writer emits them for ordinary
    texts; the result is what YAML gives. None for anything else (YAML then reads it, and
    reports what is wrong, such as a key written twice).

    Blocks that differ only in their words (a file's thousands of quotes) have one shape of
    brackets and keys: its structure is worked out once, kept in ``plans``, and each block
    only puts its words in.
    """
    parts = _FLOW_TOKEN.split(raw)  # the text between tokens, then each token's three groups
    shape = (*parts[0::4], *parts[1::4], *parts[2::4])
    plan = plans.get(shape, _UNSEEN)
    if plan is _UNSEEN:
        plan = plans[shape] = _flow_plan(parts)
    if plan is None:
        return None
    words = [scalar.strip() for scalar in parts[3::4] if scalar is not None]
    if not YAML_WORDS.isdisjoint(words):
        return None  # a word YAML reads as something else: `yes` is True
    data: dict[str, Any] = _filled(plan, words)
    return data


_UNSEEN = object()


def _flow_plan(parts: list[str | None]) -> dict[str, Any] | None:
    """The structure of a block split into tokens (:func:`_plain_flow`), each plain scalar
    standing as its position among them; None if it is not plain flow data."""
    if any(parts[0::4]):
        return None  # something between the tokens, or after them
    stack: list[Any] = []
    keys: list[str | None] = []
    result: Any = None
    expect_value = False
    after_item = False  # a comma may follow an entry, not open a container or repeat
    words = 0
    for bracket, key, scalar in zip(parts[1::4], parts[2::4], parts[3::4], strict=True):
        if result is not None and not stack:
            return None  # something after the closing brace
        top = stack[-1] if stack else None
        if key:
            if not isinstance(top, dict) or expect_value or after_item or key in top:
                return None
            if key in YAML_WORDS:
                return None  # a key YAML reads as something else: `yes:` is True
            keys[-1], expect_value = key, True
            continue
        if bracket in ("{", "["):
            value: Any = {} if bracket == "{" else []
            if after_item or (stack and not _place(top, keys, value, expect_value)):
                return None
            stack.append(value)
            keys.append(None)
            expect_value = False
            continue
        if bracket in ("}", "]"):
            if not stack or isinstance(stack[-1], dict) != (bracket == "}") or expect_value:
                return None
            result = stack.pop()
            keys.pop()
            after_item = True
            continue
        if bracket == ",":
            if expect_value or not after_item:
                return None
            after_item = False
            continue
        if after_item or scalar is None or not _place(top, keys, words, expect_value):
            return None
        words += 1
        expect_value, after_item = False, True
    if stack or not isinstance(result, dict):
        return None
    return result


def _filled(plan: Any, words: list[str]) -> Any:
    """A block's data: its plan with each scalar's position replaced by the block's word."""
    if type(plan) is dict:
        return {k: words[v] if type(v) is int else _filled(v, words) for k, v in plan.items()}
    return [words[v] if type(v) is int else _filled(v, words) for v in plan]


def _place(container: Any, keys: list[str | None], value: Any, expect_value: bool) -> bool:
    """Put ``value`` into the open mapping (under the key just read) or list."""
    if isinstance(container, dict):
        key = keys[-1]
        if not expect_value or key is None:
            return False
        container[key] = value
        return True
    if isinstance(container, list) and not expect_value:
        container.append(value)
        return True
    return False


def _simple_data(raw: str) -> dict[str, Any] | None:
    """``{key: word, key: [word, word]}`` read without YAML; None for anything else."""
    if not _SIMPLE_DATA.fullmatch(raw):
        return None
    data: dict[str, Any] = {}
    for key, value in _SIMPLE_ITEM.findall(raw):
        words = [w.strip() for w in value.strip("[]").split(",")] if value[0] == "[" else [value]
        if key in data or key in YAML_WORDS or any(w in YAML_WORDS for w in words):
            return None  # let YAML say what it means, or report the duplicate
        data[key] = words if value[0] == "[" else value
    return data


def _as_mapping(value: Any) -> dict[str, Any]:
    """Data as a mapping; anything else is kept under ``data`` (and so in the notes)."""
    if value is None:
        return {}
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return value
    return {"data": value}


def _shift(line: int | None, column: int | None, at: Position) -> tuple[int | None, int | None]:
    """A position inside an embedded YAML text, as a position in the file."""
    if line is None:
        return at
    if line == 1:
        return (at[0], at[1] + (column or 1) - 1)
    return (at[0] + line - 1, column)


def _untag(text: str) -> tuple[str, list[str]]:
    """Take ``#tags`` out of a text and undo ``\\`` escapes.

    Tags at the end are removed; a tag inside a sentence keeps its word, so that
    ``a #tag in a sentence`` still reads as one (``a tag in a sentence``).
    """
    if "#" not in text and "\\" not in text:
        return text, []
    pieces: list[tuple[bool, str]] = []  # (is_tag, text)
    tags: list[str] = []
    pos = 0
    for match in _TEXT_TOKEN.finditer(text):
        pieces.append((False, text[pos : match.start()]))
        escaped = match.group(3)
        if escaped is not None:
            pieces.append((False, escaped))
        else:
            tag = match.group(2) if match.group(1) is None else match.group(1).strip()
            if tag not in tags:
                tags.append(tag)
            pieces.append((True, tag))
        pos = match.end()
    pieces.append((False, text[pos:]))
    last_text = max(
        (i for i, (is_tag, part) in enumerate(pieces) if not is_tag and part.strip()), default=-1
    )
    kept = [part for i, (is_tag, part) in enumerate(pieces) if not is_tag or i < last_text]
    return re.sub(r"[ \t]+$", "", "".join(kept)).strip(), tags
