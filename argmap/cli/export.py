"""``argmap export``: draw a debate as SVG, PNG, PDF or DOT."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from pathlib import Path

import click

from argmap.analysis.audiences import room_weighs
from argmap.analysis.evaluation import evaluate
from argmap.analysis.semantics import BudgetExceeded, Semantics
from argmap.analysis.weighing import (
    NO_AUDIENCE,
    Preference,
    Standard,
    UnknownAudienceError,
    audience,
)
from argmap.cli.common import (
    FILE_ARGUMENT,
    ROOM_OPTION,
    fail,
    load_or_exit,
    room_or_exit,
    room_verdicts,
    stderr,
)
from argmap.io.atomic import STDOUT, is_same_file
from argmap.model.debate import Debate
from argmap.render.export import FORMATS, RenderError, export_map, export_slides
from argmap.render.options import DIRECTIONS, GROUP_BY, PAGES, THEMES, MapOptions
from argmap.render.renderers import RENDERERS, choose_renderer
from argmap.render.select import READABLE_CLAIMS, select_view

DEFAULT_FOLDER = Path("exports")


@click.command("export")
@FILE_ARGUMENT
@click.option(
    "-f",
    "--format",
    "formats",
    metavar="FORMATS",
    help="svg, png, pdf, dot or html (an interactive page); several with commas (svg,pdf). "
    "Default: the extension of -o, else svg.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    metavar="PATH_OR_DIR",
    help="File to write (`-`: standard output), or a folder for <file stem>.<format>. "
    "Default: exports/.",
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
    default="section",
    show_default=True,
    help="Boxes around claims: one per group (the file's sections, Argdown headings), "
    "one per speaker, or none.",
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
    "--audience",
    "audience_id",
    metavar="ID",
    help="With --evaluate: weigh as this speaker or declared audience ranks the values "
    "(as `argmap evaluate --audience`).",
)
@click.option(
    "--text",
    "show_text",
    is_flag=True,
    help="Put each claim's full text under its title.",
)
@click.option(
    "--page",
    type=click.Choice(PAGES, case_sensitive=False),
    help="Fit the map to a page or slide: 16:9, 4:3, a4, a3, a2 or letter (landscape).",
)
@click.option("--portrait", is_flag=True, help="Turn --page upright.")
@click.option(
    "--slides",
    is_flag=True,
    help="A slide deck: an overview, then a page per line of argument (16:9 unless --page). "
    "pdf: one <stem>-slides.pdf; svg and png: <stem>-slide-01.svg, ... one file a page.",
)
@click.option(
    "--all",
    "everything",
    is_flag=True,
    help=f"Draw every claim of a debate over {READABLE_CLAIMS} claims, instead of its top "
    "levels with a '+N below' badge on each claim whose reasons are left out.",
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
    audience_id: str | None,
    show_text: bool,
    page: str | None,
    portrait: bool,
    slides: bool,
    everything: bool,
    renderer: str,
    room_file: Path | None,
) -> None:
    """Draw FILE (default arguments.yaml) as a debate map.

    Inline Markdown in titles and texts (**bold**, *italic*, `code`, [links](https://…)) is
    drawn in its styles.

    \b
    Examples:
      argmap export arguments.yaml                  # exports/arguments.svg
      argmap export arguments.yaml -f svg,pdf --theme print
      argmap export arguments.yaml --speaker lankov -o lankov.png
      argmap export arguments.yaml --focus cut-revenue --depth 2
      argmap export arguments.yaml --evaluate grounded -f pdf
      argmap export arguments.yaml --evaluate grounded --audience yang
      argmap export arguments.yaml --page a3 -f pdf      # a poster
      argmap export arguments.yaml --slides -f pdf       # exports/arguments-slides.pdf
      argmap export big.yaml --all                      # every claim of a large debate
      argmap export arguments.yaml -f html -o debate.html         # one offline page
      argmap export arguments.yaml --room class-a.room.yaml   # the room's verdicts
    """
    if audience_id is not None and semantics is None:
        raise click.UsageError("--audience needs --evaluate SEMANTICS")
    chosen = _formats(formats, output)
    if "html" in chosen and semantics not in (None, "grounded"):  # see docs/html.md
        fail("the HTML page shows grounded labels only", "use --evaluate grounded with -f html")
    if "html" in chosen and audience_id is not None:  # the page has no audience controls
        fail(
            "the HTML page weighs with no audience (every value ranked level)",
            "drop --audience for -f html; svg, png and pdf maps take --audience",
        )
    loaded = load_or_exit(file)
    verdicts: tuple[list[str], list[str]] = ([], [])
    weighs = (NO_AUDIENCE, Standard.PREPONDERANCE)
    if room_file is not None:
        room = room_or_exit(room_file, file, loaded.debate)
        verdicts = room_verdicts(loaded.debate, room)
        weighs = room_weighs(loaded.debate, room)
        semantics = semantics or "grounded"
    options = MapOptions(
        focus=focus,
        depth=depth,
        speakers=tuple(s for value in speakers for s in value.split(",") if s),
        group_by=group_by,  # type: ignore[arg-type]  # click.Choice checked it
        direction=direction.upper(),  # type: ignore[arg-type]
        theme=theme,  # type: ignore[arg-type]
        labels=_labels(loaded.debate, semantics, audience_id, *verdicts, weighs)
        if semantics
        else None,
        show_text=show_text,
        page=page.lower() if page else None,  # type: ignore[arg-type]
        portrait=portrait,
        everything=everything,
    )
    if portrait and page is None:
        fail("--portrait turns a page upright", "add --page, e.g. --page a4 --portrait")
    if slides:
        _slides(loaded.debate, file, chosen, output, options, renderer)
        return
    _note_cut(loaded.debate, options)
    targets = list(_targets(file, chosen, output))
    for _, path in targets:
        _not_the_debate(path, file)
    for fmt, path in targets:
        started = time.perf_counter()
        try:
            used = "" if fmt == "dot" else f" with {choose_renderer(renderer).name}"
            with _progress(f"Drawing {path}{used}…"):
                export_map(
                    loaded.debate,
                    path,
                    fmt,
                    options,
                    renderer,
                    accept=verdicts[0],  # the HTML page opens with the room's verdicts
                    reject=verdicts[1],
                )
        except RenderError as error:
            fail(error.message, error.hint)
        where = "standard output" if str(path) == STDOUT else str(path)
        message = f"wrote {where}{used} in {time.perf_counter() - started:.1f} s"
        click.echo(message, err=str(path) == STDOUT)


def _slides(
    debate: Debate,
    file: Path,
    formats: list[str],
    output: str | None,
    options: MapOptions,
    renderer: str,
) -> None:
    """``--slides``: the deck in each format asked for."""
    if "dot" in formats:
        fail("a slide deck is drawn as svg, png or pdf", "drop dot from --format")
    if output == STDOUT:
        fail("a slide deck is written to files", "give -o a folder or a file name")
    for fmt in formats:
        if output is None or _is_folder(output):
            folder = Path(output) if output else DEFAULT_FOLDER
            target = folder / f"{file.stem}-{'slides' if fmt == 'pdf' else 'slide'}.{fmt}"
        else:
            target = Path(output) if len(formats) == 1 else Path(output).with_suffix(f".{fmt}")
        _not_the_debate(target, file)
        started = time.perf_counter()
        used = f" with {choose_renderer(renderer).name}"
        try:
            with _progress(f"Drawing the slides{used}…"):
                paths = export_slides(debate, target, fmt, options, renderer)
        except RenderError as error:
            fail(error.message, error.hint)
        where = str(paths[0]) if len(paths) == 1 else f"{paths[0]} … {paths[-1].name}"
        pages = "" if fmt != "pdf" else " (one page a slide)"
        click.echo(f"wrote {where}{pages}{used} in {time.perf_counter() - started:.1f} s")


def _not_the_debate(path: Path, file: Path) -> None:
    """Refuse to write a map over the debate it is drawn from."""
    if is_same_file(path, file):
        fail(f"{path} is the debate being exported", "write the map to another file")


def _note_cut(debate: Debate, options: MapOptions) -> None:
    """Say on stderr when a large debate is drawn only to the depth that fits, and how to
    see the rest."""
    try:
        view = select_view(debate, options)
    except RenderError as error:
        fail(error.message, error.hint)
    if view.cut_depth is not None:
        stderr.print(
            f"note: {view.total_claims:,} claims are more than a map can show readably; "
            f"drawing the top {view.cut_depth} levels ({view.claim_count:,} claims, "
            "'+N below' on each claim whose reasons are left out). "
            "See the rest with --focus ID --depth N, --slides, or draw everything with --all.",
            markup=False,
            highlight=False,
        )


def _labels(
    debate: Debate,
    semantics: str,
    audience_id: str | None,
    accept: list[str],
    reject: list[str],
    room: tuple[Preference, Standard] = (NO_AUDIENCE, Standard.PREPONDERANCE),
) -> dict[str, str]:
    """Each node's (and each undercut link's) label under ``semantics``, for an audience (else
    the room's ranking and standard) and the room's verdicts."""
    weighers, standard = room
    try:
        weighers = weighers if audience_id is None else audience(debate, audience_id)
    except UnknownAudienceError as error:
        fail(str(error), "speakers rank values with `ranks:`; `argmap evaluate --help`")
    try:
        evaluation = evaluate(
            debate,
            semantics,
            accept=accept,
            reject=reject,
            audience=weighers,
            standard=standard,
        )
    except BudgetExceeded as error:
        fail(str(error), error.hint)
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
    elif output == STDOUT:
        fail("standard output (`-o -`) takes one format", "give one with -f, e.g. -f svg")
    else:
        for fmt in formats:
            yield fmt, Path(output).with_suffix(f".{fmt}")


def _progress(message: str) -> contextlib.AbstractContextManager[object]:
    """A spinner on a terminal; nothing when output is piped or captured."""
    if stderr.is_terminal:
        return stderr.status(message)
    return contextlib.nullcontext()
