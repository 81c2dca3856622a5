"""``argmap schemes``: the argumentation-scheme catalogue, for authors and seminars."""

from __future__ import annotations

import click
from rich.console import Console
from rich.text import Text

from argmap.cli.common import fail
from argmap.io.diagnostics import did_you_mean
from argmap.io.schemes import scheme_catalogue


@click.command()
@click.argument("scheme_id", required=False)
def schemes(scheme_id: str | None) -> None:
    """List argumentation schemes, or show one with its critical questions.

    Use a scheme's id in a debate file as `scheme: <id>` on an argument.

    \b
    Examples:
      argmap schemes
      argmap schemes expert-opinion
    """
    catalogue = scheme_catalogue()
    console = Console(highlight=False)
    if scheme_id is None:
        for entry in catalogue.values():
            console.print(Text.assemble((f"{entry.id:24}", "bold cyan"), entry.name))
        return
    scheme = catalogue.get(scheme_id)
    if scheme is None:
        fail(
            f"no scheme `{scheme_id}`",
            did_you_mean(scheme_id, catalogue) or "run `argmap schemes` for the list",
        )
    console.print(Text(scheme.name, style="bold"))
    for premise in scheme.premises:
        console.print(f"  premise:    {premise}")
    console.print(f"  conclusion: {scheme.conclusion}")
    console.print(Text("Critical questions", style="bold"))
    for number, question in enumerate(scheme.critical_questions, 1):
        console.print(f"  {number}. {question}")
    if scheme.reference:
        console.print(Text(scheme.reference, style="dim"))
