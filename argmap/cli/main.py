"""The command group. Subcommands load lazily, so ``argmap check`` never imports Textual."""

from __future__ import annotations

import atexit
import gc
import importlib
import os
import sys
import threading
from pathlib import Path

import click

from argmap import __version__
from argmap.io.limits import LIMITS

DEFAULT_FILE = Path("arguments.yaml")

_COMMANDS = {
    "check": (
        "argmap.cli.check",
        "check",
        "Validate a debate file; report errors with file:line:col.",
    ),
    "outline": ("argmap.cli.outline", "outline", "Print the debate as a tree."),
    "schema": ("argmap.cli.schema", "schema", "Print the JSON Schema of the debate file format."),
    "schemes": (
        "argmap.cli.schemes",
        "schemes",
        "List the argumentation schemes and their critical questions.",
    ),
    "tui": ("argmap.cli.tui", "tui", "Open a debate in the terminal UI."),
    "export": ("argmap.cli.export", "export", "Draw maps: SVG, PNG, PDF, DOT, slides, HTML."),
    "evaluate": (
        "argmap.cli.evaluate",
        "evaluate",
        "Which claims stand, under argumentation semantics.",
    ),
    "convert": (
        "argmap.cli.convert",
        "convert",
        "Convert between argmap YAML, Argdown, AIF JSON, Kialo, Markdown.",
    ),
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported only when one of them runs."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(_COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in _COMMANDS:
            return None
        module_name, attribute, _ = _COMMANDS[cmd_name]
        command = getattr(importlib.import_module(module_name), attribute)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Short help from the table, so `argmap --help` imports no subcommand module.
        with formatter.section("Commands"):
            formatter.write_dl([(name, help_) for name, (_, _, help_) in _COMMANDS.items()])


@click.group(
    cls=LazyGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="With no command, argmap opens arguments.yaml from the current folder in the TUI. "
    "Budgets for hostile files, raised with environment variables: "
    + ", ".join(f"{limit.env} ({limit.default:,})" for limit in LIMITS)
    + "; see README, Limits.",
)
@click.version_option(__version__, prog_name="argmap")
@click.pass_context
def main(ctx: click.Context) -> None:
    """argmap: map, check, evaluate and draw policy debates written in YAML."""
    if ctx.invoked_subcommand is None:
        tui = LazyGroup().get_command(ctx, "tui")
        assert tui is not None
        ctx.invoke(tui, file=DEFAULT_FILE)


_ending_quickly = False  # set by `run`: nothing is freed when the command is over
_left_to_exit: list[object] = []


def leave_to_exit(value: object) -> None:
    """Leave what a command read to go with the process, rather than be freed object by
    object when the command is done: 30 ms for a 20,000-statement debate.

    Only in the ``argmap`` program (:func:`run`), which frees nothing when it ends; there the
    collector is also told that everything made so far stays (``gc.freeze``), so that it
    never scans it again. Commands run any other way (tests, scripts) free as usual.
    """
    if _ending_quickly:
        _left_to_exit.append(value)
        gc.freeze()


def run() -> None:
    """The ``argmap`` program (its console script and ``python -m argmap``): :func:`main`,
    ended without Python's interpreter shutdown.

    That shutdown tears down every imported module and frees what is left object by object:
    50 ms of ``argmap check`` on any file, spent giving back memory the operating system
    takes back at once from an exiting process. So once the command is over and only the
    main thread is left (nothing can be cut short), the exit hooks run as they would, the
    output is flushed, and the process ends with the command's status. A status that is not
    a number (a message) and a still-running thread take Python's ordinary way out.
    """
    global _ending_quickly
    _ending_quickly = True
    status: int | None = 0
    try:
        main()
    except SystemExit as stop:
        if not (stop.code is None or isinstance(stop.code, int)) or threading.active_count() > 1:
            raise
        status = stop.code
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        if stream is None or stream.closed:
            continue  # closed by the shell (`>&-`) or by the command: nothing to flush
        try:
            stream.flush()
        except (OSError, ValueError):
            status = status or 120  # output was lost: the status Python's own shutdown gives
    os._exit(status or 0)
