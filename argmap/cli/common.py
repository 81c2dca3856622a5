"""What every subcommand shares: reading a debate and reporting problems the same way."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click
from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment
from rich.text import Text

from argmap.io.diagnostics import DebateLoadError, Diagnostic, Severity
from argmap.model.text import escape_controls

if TYPE_CHECKING:  # the readers import pydantic models; `argmap tui` paints before needing them
    from argmap.io.loaded import LoadedDebate
    from argmap.model.debate import Debate
    from argmap.model.room import Room

EXIT_INVALID = 1
"""Exit status for input argmap cannot accept (exit 2 is click's, for usage errors)."""


class TerminalConsole(Console):
    """A Rich console that never passes on a control character it was given as text.

    Debate text cannot hold one (the model refuses them), so this is the second line: whatever
    reaches ``print`` (a file name, a message quoting a file) has its control characters shown
    escaped. Only text segments are escaped; the colours and cursor moves Rich itself emits
    are styles and control segments, untouched.
    """

    def render(
        self, renderable: RenderableType, options: ConsoleOptions | None = None
    ) -> Iterable[Segment]:
        for segment in super().render(renderable, options):
            if segment.control or segment.text.isprintable():
                yield segment
            else:
                yield Segment(escape_controls(segment.text), segment.style)


stderr = TerminalConsole(stderr=True, highlight=False)


def print_diagnostics(diagnostics: Iterable[Diagnostic], console: Console = stderr) -> None:
    """``file:line:col: error: message`` with the hint indented below, coloured on a TTY."""
    for diagnostic in diagnostics:
        style = "bold red" if diagnostic.severity is Severity.ERROR else "yellow"
        line = Text.assemble(
            (diagnostic.where, "bold"),
            ": ",
            (str(diagnostic.severity), style),
            ": ",
            diagnostic.message,
        )
        console.print(line, soft_wrap=True)
        if diagnostic.hint:
            console.print(Text.assemble("  hint: ", (diagnostic.hint, "cyan")), soft_wrap=True)


def fail(message: str, hint: str | None = None) -> NoReturn:
    """Print one error and exit 1: for input argmap cannot use."""
    stderr.print(Text.assemble(("error", "bold red"), ": ", message), soft_wrap=True)
    if hint:
        stderr.print(Text.assemble("  hint: ", (hint, "cyan")), soft_wrap=True)
    raise SystemExit(EXIT_INVALID)


def load_or_exit(path: Path, fmt: str | None = None) -> LoadedDebate:
    """Read a debate, or print every error with its location and exit 1."""
    from argmap.formats.registry import read_debate

    try:
        return read_debate(path, fmt)
    except DebateLoadError as error:
        print_diagnostics(error.diagnostics)
        count = len(error.errors)
        stderr.print(
            Text(f"{path}: {count} error{'s' if count != 1 else ''}"),
            soft_wrap=True,
        )
        raise SystemExit(EXIT_INVALID) from None


FILE_ARGUMENT = click.argument(
    "file", type=click.Path(path_type=Path, dir_okay=True, exists=False), default="arguments.yaml"
)


ROOM_OPTION = click.option(
    "--room",
    "room_file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="A seminar's room file (default for the TUI: FILE's <stem>.room.yaml): its "
    "verdicts, notes, the claims the class raised and its ranking of the values.",
)


def room_or_exit(path: Path, debate_path: Path, debate: Debate | None = None) -> Room:
    """Read a room file given with ``--room``, or print why not and exit 1 (its ranking is
    checked against ``debate``'s values when given)."""
    from argmap.io.room import load_room

    if not path.exists():
        fail(
            f"{path}: no such room file", "a room file is written by `argmap tui FILE --room PATH`"
        )
    try:
        return load_room(path, debate_path, None if debate is None else debate.values)
    except DebateLoadError as error:
        print_diagnostics(error.diagnostics)
        raise SystemExit(EXIT_INVALID) from None


def room_verdicts(debate: Debate, room: Room) -> tuple[list[str], list[str]]:
    """The room's accepted and rejected ids that the debate has; says which it sets aside."""
    from argmap.analysis.conclusions import known_verdicts

    kept = known_verdicts(debate, room)
    for node in room.verdicts.keys() - kept.keys():
        stderr.print(f"warning: the room's verdict on `{node}` is set aside: no such claim")
    return (
        [n for n, v in kept.items() if v == "accept"],
        [n for n, v in kept.items() if v == "reject"],
    )
