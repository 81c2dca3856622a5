"""``argmap convert``: move a debate between argmap YAML, Argdown, AIF JSON, Kialo and Markdown."""

from __future__ import annotations

from pathlib import Path

import click
from rich.text import Text

from argmap.cli.common import (
    ROOM_OPTION,
    fail,
    load_or_exit,
    print_diagnostics,
    room_or_exit,
    stderr,
)
from argmap.formats.registry import (
    KIALO_FORMATS,
    READERS,
    WRITERS,
    detect_format,
    output_format,
    render_debate,
)
from argmap.io.atomic import STDOUT, is_same_file, write_output
from argmap.io.diagnostics import Diagnostic, Severity
from argmap.io.save import SaveError

_NAMES = {
    "yaml": "argmap YAML",
    "argdown": "Argdown",
    "aif": "AIF JSON",
    "kialo": "Kialo text",
    "markdown": "Markdown",
}


@click.command()
@click.argument("source", metavar="IN", type=click.Path(path_type=Path, dir_okay=False))
@click.argument(
    "target", metavar="OUT", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True)
)
@click.option(
    "--from",
    "from_format",
    type=click.Choice(list(READERS)),
    help="Format of IN (default: from its extension).",
)
@click.option(
    "--to",
    "to_format",
    type=click.Choice(list(WRITERS)),
    help="Format of OUT (default: from its extension; required for `-`).",
)
@click.option(
    "--kialo-format",
    type=click.Choice(KIALO_FORMATS),
    default="current",
    show_default=True,
    help="Layout of a Kialo OUT: Kialo's current export, or the classic one-line-per-claim.",
)
@ROOM_OPTION
def convert(
    source: Path,
    target: Path,
    from_format: str | None,
    to_format: str | None,
    kialo_format: str,
    room_file: Path | None,
) -> None:
    """Convert the debate in IN and write it to OUT (`-` for standard output).

    Formats follow the extensions: .yaml/.yml argmap, .argdown/.ad Argdown, .json AIF
    (AIFdb, OVA), .txt Kialo export, .md Markdown outline (write only). What OUT's format
    cannot hold (Kialo has no speakers, AIF no tags) is listed as warnings.

    Exit status: 0 written (warnings allowed), 1 IN is invalid, 2 usage error.

    \b
    Examples:
      argmap convert arguments.yaml debate.argdown
      argmap convert map.json arguments.yaml
      argmap convert export.txt debate.yaml --from kialo
      argmap convert arguments.yaml kialo.txt --kialo-format classic
      argmap convert arguments.yaml - --to markdown > handout.md
      argmap convert arguments.yaml handout.md --room class-a.room.yaml
    """
    to_stdout = str(target) == STDOUT
    fmt = to_format or (None if to_stdout else output_format(target))
    if fmt is None:
        raise click.UsageError(
            "give --to: standard output has no extension"
            if to_stdout
            else f"cannot tell the format of {target} from `{target.suffix or 'no extension'}`; "
            f"give --to ({', '.join(WRITERS)})"
        )
    if is_same_file(source, target):
        raise click.UsageError("OUT is IN: write the converted debate to another file")
    if room_file is not None and fmt != "markdown":
        raise click.UsageError("--room adds the room's conclusions to a Markdown handout: OUT.md")
    loaded = load_or_exit(source, from_format)
    print_diagnostics(loaded.warnings)
    try:
        if room_file is not None:
            from argmap.render.handout import handout

            written = handout(loaded.debate, room_or_exit(room_file, source, loaded.debate))
        else:
            written = render_debate(loaded.debate, fmt, kialo_format=kialo_format)
    except SaveError as error:
        fail(
            f"{source}: the debate cannot be written as {_NAMES[fmt]}: " + "; ".join(error.problems)
        )
    try:
        write_output(target, written.text)
    except OSError as error:
        fail(f"cannot write {target}: {error.strerror or error}")
    print_diagnostics(
        Diagnostic(str(target), None, None, loss, severity=Severity.WARNING)
        for loss in written.dropped
    )
    debate = loaded.debate
    source_format = _NAMES[from_format or detect_format(source)]
    names = f"{source} ({source_format}) → {target} ({_NAMES[fmt]})"
    stderr.print(
        Text.assemble(
            ("✓", "bold green"),
            f" {names}: {len(debate.statements)} statements, {len(debate.arguments)} "
            f"arguments, {len(debate.relations)} relations"
            + (
                f" · {len(written.dropped)} kind(s) of information dropped"
                if written.dropped
                else ""
            ),
        ),
        soft_wrap=True,
    )
