"""``argmap check``: is this debate file valid, and what would a careful reader trip over?"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import click
from rich.text import Text

from argmap.analysis.checks import graph_findings
from argmap.analysis.graph import DebateIndex
from argmap.cli.common import EXIT_INVALID, FILE_ARGUMENT, TerminalConsole, print_diagnostics
from argmap.cli.main import leave_to_exit
from argmap.formats.registry import read_debate
from argmap.io.diagnostics import DebateLoadError, Diagnostic, Severity
from argmap.io.limits import QUOTE_SEARCH
from argmap.io.loaded import LoadedDebate, collector_paused, leftovers_kept
from argmap.io.textfile import read_text
from argmap.model.debate import Debate
from argmap.model.text import escape_controls

QUOTED = 400
"""Longest quote or passage a message shows in full."""


@click.command()
@FILE_ARGUMENT
@click.option(
    "--source",
    "source_file",
    type=click.Path(path_type=Path),
    help="The source text: every quote must appear in it verbatim.",
)
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json: one object for scripts and editors.",
)
def check(file: Path, source_file: Path | None, output: Literal["text", "json"]) -> None:
    """Validate FILE: syntax, fields, ids and references, graph and quotes.

    Exit status: 0 valid (warnings allowed), 1 invalid, 2 usage error.

    \b
    Examples:
      argmap check arguments.yaml
      argmap check arguments.yaml --source article.txt
      argmap check arguments.yaml --format json
    """
    # Paused until the debate is freed: the collector would scan every object made while
    # reading three times over as soon as it ran again, a tenth of checking a large file.
    with collector_paused():
        _check(file, source_file, output)


def _check(file: Path, source_file: Path | None, output: Literal["text", "json"]) -> None:
    loaded: LoadedDebate | None = None
    try:
        with leftovers_kept(leave_to_exit):
            loaded = read_debate(file)
        leave_to_exit(loaded)
        diagnostics = [*loaded.warnings, *_graph_warnings(loaded)]
        if source_file is not None:
            diagnostics += _quote_errors(loaded, source_file)
    except DebateLoadError as error:
        diagnostics = list(error.diagnostics)
    diagnostics.sort(key=Diagnostic.sort_key)
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    warnings = [d for d in diagnostics if d.severity is Severity.WARNING]
    valid = not errors
    if output == "json":
        import json  # for scripts and editors only

        click.echo(
            json.dumps(
                {
                    "file": escape_controls(str(file)),
                    "valid": valid,
                    "errors": [d.as_json() for d in errors],
                    "warnings": [d.as_json() for d in warnings],
                    "counts": counts(loaded.debate) if loaded else None,
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        print_diagnostics(diagnostics)
        _summary(file, loaded, errors, warnings)
    if not valid:
        raise SystemExit(EXIT_INVALID)


def counts(debate: Debate) -> dict[str, int]:
    """What the debate holds; each statement counted once however often it is referenced."""
    return {
        "statements": len(debate.statements),
        "arguments": len(debate.arguments),
        "relations": len(debate.relations),
        "speakers": len(debate.speakers),
        "quotes": sum(len(s.quotes) for s in debate.statements.values()),
    }


def _graph_warnings(loaded: LoadedDebate) -> list[Diagnostic]:
    findings = graph_findings(DebateIndex(loaded.debate))
    return [loaded.source_map.diagnostic(f.subject, f.message, f.hint) for f in findings]


def _quote_errors(loaded: LoadedDebate, source_file: Path) -> list[Diagnostic]:
    from argmap.analysis.quotes import missing_quotes  # only with --source (difflib is slow)

    text = read_text(source_file, controls=True)  # searched, never shown raw
    return [
        Diagnostic(
            loaded.name,
            *loaded.source_map.document.locate(
                (*loaded.source_map.paths.get(miss.statement, ()), "quotes", miss.index)
            ),
            f'quote not found verbatim in {source_file}: "{_shorten(miss.quote)}"',
            f'closest passage: "{_shorten(miss.closest)}"'
            if miss.closest is not None
            else "the closest passage was not searched for: the source and quote are too "
            f"repetitive to compare quickly; {QUOTE_SEARCH.hint()}",
        )
        for miss in missing_quotes(loaded.debate, text)
    ]


def _shorten(text: str) -> str:
    """A quote or passage for a message: whole when short, else its start and end."""
    if len(text) <= QUOTED:
        return text
    half = QUOTED // 2
    return f"{text[:half]} … {text[-half:]}"


def _summary(
    file: Path, loaded: LoadedDebate | None, errors: list[Diagnostic], warnings: list[Diagnostic]
) -> None:
    console = TerminalConsole(stderr=True, highlight=False)
    name = str(file)
    if loaded is None or errors:
        console.print(
            Text.assemble(
                ("✗", "bold red"), f" {name}: {len(errors)} error(s), {len(warnings)} warning(s)"
            ),
            soft_wrap=True,
        )
        return
    c = counts(loaded.debate)
    console.print(
        Text.assemble(
            ("✓", "bold green"),
            f" {name}: valid · {c['statements']} statements, {c['arguments']} "
            f"arguments, {c['relations']} relations, {c['speakers']} speakers, {c['quotes']} "
            "quotes" + (f" · {len(warnings)} warning(s)" if warnings else ""),
        ),
        soft_wrap=True,
    )
