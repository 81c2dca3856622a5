"""What every subcommand shares: reading a debate and reporting problems the same way."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click
from rich.console import Console
from rich.text import Text

from argmap.io.diagnostics import DebateLoadError, Diagnostic, Severity
from argmap.model.text import escape_controls

if TYPE_CHECKING:  # the readers import pydantic models; `argmap tui` paints before needing them
    from argmap.io.load import LoadedDebate

EXIT_INVALID = 1
"""Exit status for input argmap cannot accept (exit 2 is click's, for usage errors)."""

stderr = Console(stderr=True, highlight=False)


def print_diagnostics(diagnostics: Iterable[Diagnostic], console: Console = stderr) -> None:
    """``file:line:col: error: message`` with the hint indented below, coloured on a TTY."""
    for diagnostic in diagnostics:
        style = "bold red" if diagnostic.severity is Severity.ERROR else "yellow"
        line = Text.assemble(
            (escape_controls(diagnostic.where), "bold"),
            ": ",
            (str(diagnostic.severity), style),
            ": ",
            escape_controls(diagnostic.message),
        )
        console.print(line, soft_wrap=True)
        if diagnostic.hint:
            hint = escape_controls(diagnostic.hint)
            console.print(Text.assemble("  hint: ", (hint, "cyan")), soft_wrap=True)


def fail(message: str, hint: str | None = None) -> NoReturn:
    """Print one error and exit 1: for input argmap cannot use."""
    stderr.print(
        Text.assemble(("error", "bold red"), ": ", escape_controls(message)), soft_wrap=True
    )
    if hint:
        stderr.print(Text.assemble("  hint: ", (escape_controls(hint), "cyan")), soft_wrap=True)
    raise SystemExit(EXIT_INVALID)


def load_or_exit(path: Path, fmt: str | None = None) -> LoadedDebate:
    """Read a debate, or print every error with its location and exit 1."""
    from argmap.io.readers import read_debate

    try:
        return read_debate(path, fmt)
    except DebateLoadError as error:
        print_diagnostics(error.diagnostics)
        count = len(error.errors)
        stderr.print(
            Text(f"{escape_controls(str(path))}: {count} error{'s' if count != 1 else ''}"),
            soft_wrap=True,
        )
        raise SystemExit(EXIT_INVALID) from None


FILE_ARGUMENT = click.argument(
    "file", type=click.Path(path_type=Path, dir_okay=True, exists=False), default="arguments.yaml"
)
