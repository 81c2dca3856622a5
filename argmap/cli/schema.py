"""``argmap schema``: the JSON Schema of the debate file, for editors."""

from __future__ import annotations

import json
from pathlib import Path

import click

from argmap.cli.common import fail
from argmap.io.atomic import STDOUT, write_output
from argmap.model.document import DebateDoc


def debate_schema() -> dict[str, object]:
    """The JSON Schema generated from the file-format models, titled for editors."""
    schema = DebateDoc.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "argmap debate"
    return schema


@click.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    help="Write the schema to this file instead of standard output (`-`: standard output).",
)
def schema(output: Path | None) -> None:
    """Print the JSON Schema of argmap's YAML debate format.

    Point the YAML language server at it for completion and inline errors: put
    `# yaml-language-server: $schema=argmap.schema.json` on the first line of a debate.

    \b
    Example:
      argmap schema -o argmap.schema.json
    """
    text = json.dumps(debate_schema(), indent=2, ensure_ascii=False) + "\n"
    try:
        write_output(output or STDOUT, text)
    except OSError as error:
        fail(
            f"cannot write {output}: {error.strerror or error}", "choose a folder you can write to"
        )
    if output is not None and str(output) != STDOUT:
        click.echo(f"wrote {output}", err=True)
