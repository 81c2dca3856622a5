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

FORMATS = ("apx", "tgf", "iccma23")
_SUFFIX_HINTS = {".apx": "apx", ".tgf": "tgf", ".i23": "iccma23"}
# ``p af N`` allocates N ids up front; a mistyped N must not exhaust memory.
_MAX_ICCMA23_ARGUMENTS = 10_000_000

_TOKEN = re.compile(r"\S+")
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
    """Read a framework file (UTF-8); ``OSError`` if it cannot be opened."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line_start = data.rfind(b"\n", 0, err.start) + 1
        raise FrameworkFormatError(
            path,
            data.count(b"\n", 0, err.start) + 1,
            err.start - line_start + 1,
            f"byte 0x{data[err.start]:02x} is not UTF-8 text; is this a binary file?",
        ) from None
    return parse_framework(text, name=str(path), fmt=fmt)


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
    # (attacker, target, line, attacker column, target column), checked once all
    # arguments are known, since ASPARTIX lets facts come in any order.
    attacks: list[tuple[str, str, int, int, int]] = []
    for lineno, line in lines:
        pos = 0
        while (rest := line[pos:].lstrip()) and not rest.startswith("%"):
            pos = len(line) - len(rest)
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
                    f"found {kind}({fact.group(2)})",
                )
            if kind == "arg":
                arguments.setdefault(names[0])
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
                    f"att({attacker},{target}) uses {arg!r}, which is never declared; "
                    f"add 'arg({arg}).'",
                )
    return ArgumentationFramework(arguments, [(a, t) for a, t, *_ in attacks])


def _parse_tgf(lines: _Lines, name: str) -> ArgumentationFramework:
    nodes: dict[str, None] = {}
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
        elif len(tokens) < 2:
            raise FrameworkFormatError(
                name,
                lineno,
                tokens[0].end() + 1,
                f"edge line {line.strip()!r} needs two node ids: 'ATTACKER TARGET'",
            )
        else:
            for token in tokens[:2]:
                if token.group() not in nodes:
                    raise FrameworkFormatError(
                        name,
                        lineno,
                        token.start() + 1,
                        f"edge uses node {token.group()!r}, which is not declared; "
                        f"add a line {token.group()!r} above the '#' line {separator}",
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
                    name, lineno, column, f"expected 'p af N' with N a number, found {line!r}"
                )
            count, header = int(words[2]), lineno
            if count > _MAX_ICCMA23_ARGUMENTS:
                raise FrameworkFormatError(
                    name, lineno, tokens[2].start() + 1, f"{count} arguments is too many to load"
                )
            continue
        if not header:
            raise FrameworkFormatError(
                name, lineno, column, "missing header: an ICCMA 2023 file starts with 'p af N'"
            )
        if len(words) != 2:
            raise FrameworkFormatError(
                name, lineno, column, f"expected an attack 'ATTACKER TARGET', found {line!r}"
            )
        for token in tokens:
            if not _NUMBER.fullmatch(token.group()):
                raise FrameworkFormatError(
                    name,
                    lineno,
                    token.start() + 1,
                    f"{token.group()!r} is not an argument number (1..{count})",
                )
            if not 1 <= int(token.group()) <= count:
                raise FrameworkFormatError(
                    name,
                    lineno,
                    token.start() + 1,
                    f"argument {int(token.group())} does not exist: 'p af {count}' on line "
                    f"{header} declares arguments 1..{count}; raise N or fix this attack",
                )
        attacks.append((str(int(words[0])), str(int(words[1]))))
    if not header:
        raise FrameworkFormatError(
            name, len(lines), 1, "missing header: an ICCMA 2023 file starts with 'p af N'"
        )
    return ArgumentationFramework((str(i) for i in range(1, count + 1)), attacks)
