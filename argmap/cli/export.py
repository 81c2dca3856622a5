"""``argmap export``: draw a debate as SVG, PNG, PDF or DOT."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from pathlib import Path

import click

from argmap.analysis.evaluation import evaluate
from argmap.analysis.semantics import Semantics
from argmap.cli.common import (
    FILE_ARGUMENT,
    ROOM_OPTION,
    fail,
    load_or_exit,
    room_or_exit,
    room_verdicts,
    stderr,
)
from argmap.model.debate import Debate
from argmap.render.export import FORMATS, RenderError, export_map
from argmap.render.options import DIRECTIONS, GROUP_BY, THEMES, MapOptions
from argmap.render.renderers import RENDERERS, choose_renderer

DEFAULT_FOLDER = Path("exports")


@click.command("export")
@FILE_ARGUMENT
@click.option(
    "-f",
    "--format",
    "formats",
    metavar="FORMATS",
    help="svg, png, pdf or dot; several with commas (svg,pdf). "
    "Default: the extension of -o, else svg.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    metavar="PATH_OR_DIR",
    help="File to write, or a folder for <file stem>.<format>. Default: exports/.",
)
@click.option("--focus", metavar="ID", help="Only the neighbourhood of this claim.")
@click.option(
    "--depth",
    type=click.IntRange(min=0),
    metavar="N",
    help="Steps from --focus (or from the question) to include.",
)
@click.option(
    "--speaker",
    "speakers",
    multiple=True,
    metavar="ID",
    help="Only this speaker's claims, linked to the question (repeatable).",
)
@click.option(
    "--group-by",
    type=click.Choice(GROUP_BY),
    default="none",
    show_default=True,
    help="One box per speaker.",
)
@click.option(
    "--direction",
    type=click.Choice(DIRECTIONS, case_sensitive=False),
    default="TB",
    show_default=True,
    help="Where the question sits: TB puts it at the top.",
)
@click.option(
    "--theme",
    type=click.Choice(THEMES),
    default="light",
    show_default=True,
    help="light; dark for projectors; print for grayscale handouts.",
)
@click.option(
    "--evaluate",
    "semantics",
    type=click.Choice([s.value for s in Semantics]),
    metavar="SEMANTICS",
    help="Mark claims IN/OUT/UNDECIDED under grounded, complete, preferred or stable "
    "semantics (as `argmap evaluate`).",
)
@click.option(
    "--renderer",
    type=click.Choice(RENDERERS),
    default="auto",
    show_default=True,
    help="auto: Graphviz's dot if on PATH, else the built-in WebAssembly Graphviz.",
)
@ROOM_OPTION
def export(
    file: Path,
    formats: str | None,
    output: str | None,
    focus: str | None,
    depth: int | None,
    speakers: tuple[str, ...],
    group_by: str,
    direction: str,
    theme: str,
    semantics: str | None,
    renderer: str,
    room_file: Path | None,
) -> None:
    """Draw FILE (default arguments.yaml) as a debate map.

    \b
    Examples:
      argmap export arguments.yaml                  # exports/arguments.svg
      argmap export arguments.yaml -f svg,pdf --theme print
      argmap export arguments.yaml --speaker lankov -o lankov.png
      argmap export arguments.yaml --focus cut-revenue --depth 2
      argmap export arguments.yaml --evaluate grounded -f pdf
      argmap export arguments.yaml --room class-a.room.yaml   # the room's verdicts
    """
    chosen = _formats(formats, output)
    loaded = load_or_exit(file)
    verdicts: tuple[list[str], list[str]] = ([], [])
    if room_file is not None:
        verdicts = room_verdicts(loaded.debate, room_or_exit(room_file, file))
        semantics = semantics or "grounded"
    options = MapOptions(
        focus=focus,
        depth=depth,
        speakers=tuple(s for value in speakers for s in value.split(",") if s),
        group_by=group_by,  # type: ignore[arg-type]  # click.Choice checked it
        direction=direction.upper(),  # type: ignore[arg-type]
        theme=theme,  # type: ignore[arg-type]
        labels=_labels(loaded.debate, semantics, *verdicts) if semantics else None,
    )
    for fmt, path in _targets(file, chosen, output):
        started = time.perf_counter()
        try:
            used = "" if fmt == "dot" else f" with {choose_renderer(renderer).name}"
            with _progress(f"Drawing {path}{used}…"):
                export_map(loaded.debate, path, fmt, options, renderer)
        except RenderError as error:
            fail(error.message, error.hint)
        click.echo(f"wrote {path}{used} in {time.perf_counter() - started:.1f} s")


def _labels(debate: Debate, semantics: str, accept: list[str], reject: list[str]) -> dict[str, str]:
    """Each node's (and each undercut link's) label under ``semantics`` and the room's verdicts."""
    evaluation = evaluate(debate, semantics, accept=accept, reject=reject)
    return {node: label.value for node, label in evaluation.labels.items()}


def _formats(value: str | None, output: str | None) -> list[str]:
    """The formats asked for; unknown ones exit 1 with the list of valid ones."""
    if value is None:
        suffix = Path(output).suffix.lower().lstrip(".") if output is not None else ""
        return [suffix if suffix in FORMATS and not _is_folder(output) else "svg"]
    chosen = list(dict.fromkeys(f.strip().lower().lstrip(".") for f in value.split(",")))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        fail(
            f"unknown format {', '.join(map(repr, unknown)) or '(none)'}",
            f"choose from: {', '.join(FORMATS)}; several with commas, e.g. svg,pdf",
        )
    return chosen


def _is_folder(output: str | None) -> bool:
    """-o names a folder when it exists as one or ends with a slash (pathlib drops that)."""
    return output is not None and (Path(output).is_dir() or output.endswith(("/", "\\")))


def _targets(file: Path, formats: list[str], output: str | None) -> Iterator[tuple[str, Path]]:
    """Where each format goes: -o's file, -o's folder, or exports/<stem>.<format>."""
    if output is None or _is_folder(output):
        folder = Path(output) if output else DEFAULT_FOLDER
        for fmt in formats:
            yield fmt, folder / f"{file.stem}.{fmt}"
    elif len(formats) == 1:
        yield formats[0], Path(output)
    else:
        for fmt in formats:
            yield fmt, Path(output).with_suffix(f".{fmt}")


def _progress(message: str) -> contextlib.AbstractContextManager[object]:
    """A spinner on a terminal; nothing when output is piped or captured."""
    if stderr.is_terminal:
        return stderr.status(message)
    return contextlib.nullcontext()
