"""Readers for the abstract-framework formats of the ICCMA solver competitions.

* ``apx`` (ASPARTIX; ICCMA up to 2021, files ``.apx`` or ``.af``): facts ``arg(a).``
  and ``att(a,b).``, any number per line, ``%`` starts a comment.
* ``tgf`` (Trivial Graph Format, ``.tgf``): one node per line (its first word is the
  argument id, the rest is a label and is ignored), a line ``#``, then one edge per line
  ``attacker target``.
* ``iccma23`` (ICCMA 2023, ``.af`` or ``.i23``): a header ``p af N`` declaring the
  arguments ``1`` … ``N`` (kept as the string ids ``"1"`` … ``"N"``), then lines
  ``attacker target``; lines starting with ``#`` are comments.

The format is recognised from the content, because ``.af`` is used by two of them; the
file extension only decides when the content cannot (an empty file, or a TGF file with
no ``#`` line).  Any defect in the input is reported as :class:`FrameworkFormatError`
with a 1-based line and column and a hint at the fix; no other exception escapes for
bad content.  Declaring an argument twice is harmless and accepted.
"""

from __future__ import annotations

import re
from pathlib import Path

from argmap.analysis.framework import ArgumentationFramework
from argmap.io.limits import MAX_ARGUMENTS
from argmap.io.textfile import read_text

FORMATS = ("apx", "tgf", "iccma23")
_SUFFIX_HINTS = {".apx": "apx", ".tgf": "tgf", ".i23": "iccma23"}
_MAX_DIGITS = 18
"""Longer numbers are refused before ``int()``: no framework has 10**18 arguments, and
Python refuses to convert strings of more than 4,300 digits at all."""
_EXCERPT = 60
"""How much of a faulty line an error message quotes: a line may be megabytes long."""

_TOKEN = re.compile(r"\S+")
_SPACE = re.compile(r"\s*")
_NUMBER = re.compile(r"[0-9]+")
_APX_FACT = re.compile(r"(arg|att)\s*\(([^()]*)\)\s*\.")
_APX_NAME = re.compile(r"[^\s(),]+")
_APX_START = re.compile(r"(arg|att)\s*\(")

_Lines = list[tuple[int, str]]


class FrameworkFormatError(ValueError):
    """A framework file that cannot be read, located as ``path:line:column``."""

    def __init__(self, path: str | Path, line: int, column: int, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.column = column
        self.message = message
        super().__init__(f"{self.path}:{line}:{column}: {message}")


def read_framework(path: Path, *, fmt: str | None = None) -> ArgumentationFramework:
    """Read a framework file (UTF-8).

    The file is read as every debate file is (:func:`argmap.io.textfile.read_text`: regular
    files only, within the size limit, no control characters), so ``DebateLoadError`` says
    why a file cannot be read at all; ``FrameworkFormatError`` what is wrong inside it.
    """
    return parse_framework(read_text(path), name=str(path), fmt=fmt)


def parse_framework(
    text: str, *, name: str = "<text>", fmt: str | None = None
) -> ArgumentationFramework:
    """Parse framework text; ``fmt`` (one of :data:`FORMATS`) skips format detection.

    ``name`` labels error messages, and its extension is the detection tie-breaker.
    """
    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    lines = [(n, line.removesuffix("\r")) for n, line in enumerate(text.split("\n"), 1)]
    for lineno, line in lines:
        if "\x00" in line:
            raise FrameworkFormatError(
                name, lineno, line.index("\x00") + 1, "NUL character: this looks like a binary file"
            )
    fmt = fmt or _detect(lines, name)
    if fmt == "apx":
        return _parse_apx(lines, name)
    if fmt == "tgf":
        return _parse_tgf(lines, name)
    return _parse_iccma23(lines, name)


def _detect(lines: _Lines, name: str) -> str:
    """Recognise the format from the first meaningful line, else by the extension."""
    for lineno, line in lines:
        stripped = line.strip()
        if stripped == "#":
            return "tgf"
        if not stripped or stripped.startswith(("%", "#")):
            continue
        if stripped.split()[:2] == ["p", "af"]:
            return "iccma23"
        if _APX_START.match(stripped):
            return "apx"
        if any(other.strip() == "#" for _, other in lines):
            return "tgf"
        if hint := _SUFFIX_HINTS.get(Path(name).suffix.lower()):
            return hint
        raise FrameworkFormatError(
            name,
            lineno,
            len(line) - len(line.lstrip()) + 1,
            "cannot tell the format: expected 'arg(...).'/'att(...).' facts (ASPARTIX), "
            "a 'p af N' header (ICCMA 2023), or a TGF node list with a '#' line before the "
            "edges",
        )
    # Nothing but blanks and comments: an empty framework in whichever format applies.
    return _SUFFIX_HINTS.get(Path(name).suffix.lower(), "apx")


def _parse_apx(lines: _Lines, name: str) -> ArgumentationFramework:
    arguments: dict[str, None] = {}
    limit = MAX_ARGUMENTS.value()
    # (attacker, target, line, attacker column, target column), checked once all
    # arguments are known, since ASPARTIX lets facts come in any order.
    attacks: list[tuple[str, str, int, int, int]] = []
    for lineno, line in lines:
        pos = 0
        # Matching from a position, never slicing the rest of the line: a file with every
        # fact on one line stays linear.
        while (pos := _match_end(_SPACE, line, pos)) < len(line) and line[pos] != "%":
            fact = _APX_FACT.match(line, pos)
            if fact is None:
                raise FrameworkFormatError(
                    name,
                    lineno,
                    pos + 1,
                    f"cannot read {line[pos : pos + 40]!r}: "
                    "expected 'arg(NAME).' or 'att(ATTACKER,TARGET).' (with the final '.')",
                )
            kind, offset = fact.group(1), fact.start(2)
            names: list[str] = []
            columns: list[int] = []
            for part in fact.group(2).split(","):
                names.append(part.strip())
                columns.append(offset + len(part) - len(part.lstrip()) + 1)
                offset += len(part) + 1
            wanted = 1 if kind == "arg" else 2
            if len(names) != wanted or not all(_APX_NAME.fullmatch(n) for n in names):
                shape = "arg(NAME)" if kind == "arg" else "att(ATTACKER,TARGET)"
                raise FrameworkFormatError(
                    name,
                    lineno,
                    fact.start(2) + 1,
                    f"expected {shape} with names free of spaces, commas and parentheses; "
                    f"found {_excerpt(f'{kind}({fact.group(2)})')}",
                )
            if kind == "arg":
                arguments.setdefault(names[0])
                if len(arguments) > limit:
                    raise _too_many(name, lineno, pos + 1, "the file", limit)
            else:
                attacks.append((names[0], names[1], lineno, columns[0], columns[1]))
            pos = fact.end()
    for attacker, target, lineno, *columns in attacks:
        for arg, column in zip((attacker, target), columns, strict=True):
            if arg not in arguments:
                raise FrameworkFormatError(
                    name,
                    lineno,
                    column,
                    f"{_short(f'att({attacker},{target})')} uses {_excerpt(arg)}, which is "
                    f"never declared; add 'arg({_short(arg)}).'",
                )
    return ArgumentationFramework(arguments, [(a, t) for a, t, *_ in attacks])


def _parse_tgf(lines: _Lines, name: str) -> ArgumentationFramework:
    nodes: dict[str, None] = {}
    limit = MAX_ARGUMENTS.value()
    edges: list[tuple[str, str]] = []
    separator = 0  # line of the '#' between nodes and edges, once seen
    for lineno, line in lines:
        tokens = list(_TOKEN.finditer(line))
        if not tokens:
            continue
        if line.strip() == "#":
            if separator:
                raise FrameworkFormatError(
                    name, lineno, tokens[0].start() + 1, f"second '#' line (first: {separator})"
                )
            separator = lineno
        elif not separator:
            nodes.setdefault(tokens[0].group())
            if len(nodes) > limit:
                raise _too_many(name, lineno, tokens[0].start() + 1, "the file", limit)
        elif len(tokens) < 2:
            raise FrameworkFormatError(
                name,
                lineno,
                tokens[0].end() + 1,
                f"edge line {_excerpt(line.strip())} needs two node ids: 'ATTACKER TARGET'",
            )
        else:
            for token in tokens[:2]:
                if token.group() not in nodes:
                    raise FrameworkFormatError(
                        name,
                        lineno,
                        token.start() + 1,
                        f"edge uses node {_excerpt(token.group())}, which is not declared; "
                        f"add a line {_excerpt(token.group())} above the '#' line {separator}",
                    )
            edges.append((tokens[0].group(), tokens[1].group()))
    return ArgumentationFramework(nodes, edges)


def _parse_iccma23(lines: _Lines, name: str) -> ArgumentationFramework:
    count = -1  # until the 'p af N' header is read
    header = 0
    attacks: list[tuple[str, str]] = []
    for lineno, line in lines:
        tokens = list(_TOKEN.finditer(line))
        if not tokens or tokens[0].group().startswith("#"):
            continue
        words = [t.group() for t in tokens]
        column = tokens[0].start() + 1
        if words[0] == "p":
            if header:
                raise FrameworkFormatError(
                    name, lineno, column, f"second 'p' header (first on line {header})"
                )
            if len(words) != 3 or words[1] != "af" or not _NUMBER.fullmatch(words[2]):
                raise FrameworkFormatError(
                    name,
                    lineno,
                    column,
                    f"expected 'p af N' with N a number, found {_excerpt(line)}",
                )
            count, header = _count(words[2], name, lineno, tokens[2].start() + 1), lineno
            continue
        if not header:
            raise FrameworkFormatError(
                name, lineno, column, "missing header: an ICCMA 2023 file starts with 'p af N'"
            )
        if len(words) != 2:
            raise FrameworkFormatError(
                name,
                lineno,
                column,
                f"expected an attack 'ATTACKER TARGET', found {_excerpt(line)}",
            )
        for token in tokens:
            if not _NUMBER.fullmatch(token.group()):
                raise FrameworkFormatError(
                    name,
                    lineno,
                    token.start() + 1,
                    f"{_excerpt(token.group())} is not an argument number (1..{count})",
                )
            digits = token.group().lstrip("0")
            if len(digits) > _MAX_DIGITS or not 1 <= int(digits or "0") <= count:
                raise FrameworkFormatError(
                    name,
                    lineno,
                    token.start() + 1,
                    f"argument {_number(digits)} does not exist: 'p af {count}' on "
                    f"line {header} declares arguments 1..{count}; raise N or fix this attack",
                )
        attacks.append((words[0].lstrip("0"), words[1].lstrip("0")))
    if not header:
        raise FrameworkFormatError(
            name, len(lines), 1, "missing header: an ICCMA 2023 file starts with 'p af N'"
        )
    return ArgumentationFramework((str(i) for i in range(1, count + 1)), attacks)


def _count(number: str, name: str, line: int, column: int) -> int:
    """The N of ``p af N``, within the budget: N ids are made up front, whatever follows."""
    digits = number.lstrip("0")
    limit = MAX_ARGUMENTS.value()
    if len(digits) > _MAX_DIGITS or int(digits or "0") > limit:
        raise _too_many(name, line, column, f"'p af {_number(digits)}'", limit)
    return int(digits or "0")


def _too_many(name: str, line: int, column: int, what: str, limit: int) -> FrameworkFormatError:
    return FrameworkFormatError(
        name,
        line,
        column,
        f"{what} declares too many arguments: argmap evaluates at most {limit:,}; "
        f"{MAX_ARGUMENTS.hint()}",
    )


def _match_end(pattern: re.Pattern[str], text: str, pos: int) -> int:
    """Where a match of ``pattern`` (one that always matches, like ``\\s*``) at ``pos`` ends."""
    match = pattern.match(text, pos)
    return match.end() if match else pos


def _number(digits: str) -> str:
    """A number for a message: as written, or its first digits and its length when long."""
    if len(digits) <= _MAX_DIGITS:
        return digits or "0"
    return f"{digits[:8]}… ({len(digits):,} digits)"


def _excerpt(text: str) -> str:
    """``text`` quoted for a message, cut short when it is long."""
    return repr(_short(text))


def _short(text: str) -> str:
    """``text`` for a message, cut short when it is long."""
    return text if len(text) <= _EXCERPT else text[:_EXCERPT] + "…"
