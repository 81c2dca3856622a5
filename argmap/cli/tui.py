"""``argmap tui``: open a debate in the terminal UI."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.cli.common import (
    EXIT_INVALID,
    FILE_ARGUMENT,
    ROOM_OPTION,
    fail,
    print_diagnostics,
    stderr,
)


@click.command()
@FILE_ARGUMENT
@click.option("--no-watch", is_flag=True, help="Do not reload the file when it changes on disk.")
@ROOM_OPTION
def tui(file: Path, no_watch: bool, room_file: Path | None) -> None:
    """Open FILE (default: arguments.yaml) in the terminal UI.

    Browse the argument tree, read each claim with its speakers and quotes, search, list the
    speakers, step through the debate in seminar mode, and export maps. Add claims while the
    class talks (+ a reason, - an objection, F2 edit, Ctrl+Z undo, Ctrl+S save into the file,
    keeping its comments). The room's verdicts (a), notes (t) and the claims it raised are kept
    in FILE's <stem>.room.yaml, or the --room file. Press ? inside for every key. The file is
    reloaded whenever it is saved elsewhere. Inline Markdown in titles and texts (**bold**,
    *italic*, `code`, [links](https://…)) is shown in its styles.

    \b
    Examples:
      argmap
      argmap tui debates/nuclear.yaml
      argmap tui arguments.yaml --room class-4b.room.yaml
    """
    if not file.exists():
        fail(
            f"{file}: no such file",
            "give the path of a debate file, or run argmap in the folder that holds arguments.yaml",
        )
    if file.is_dir():
        fail(f"{file} is a folder, not a debate file", "give the path of a .yaml file inside it")
    from argmap.io.room import room_path
    from argmap.tui import create_app  # Textual loads only when the TUI really starts.

    app = create_app(file, watch=not no_watch, room_file=room_file or room_path(file))
    app.run()
    if app.startup_problems:
        print_diagnostics(app.startup_problems)
        stderr.print(f"{file}: could not open it in the TUI; fix the errors above.")
        raise SystemExit(EXIT_INVALID)
    if app.return_code:
        raise SystemExit(app.return_code)
