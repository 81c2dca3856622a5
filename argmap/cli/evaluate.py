"""``argmap evaluate``: which claims stand, for a debate or an ICCMA framework file."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from argmap.analysis import evaluation
from argmap.analysis.evaluation import (
    Evaluation,
    FrameworkEvaluation,
    UnknownIdError,
    evaluate_framework,
)
from argmap.analysis.framework import Label
from argmap.analysis.semantics import Semantics
from argmap.cli.common import (
    FILE_ARGUMENT,
    ROOM_OPTION,
    fail,
    load_or_exit,
    room_or_exit,
    room_verdicts,
)
from argmap.formats.iccma import FrameworkFormatError, read_framework
from argmap.io.readers import EXTENSIONS

FRAMEWORK_SUFFIXES = frozenset({".apx", ".af", ".tgf", ".i23"})
"""Files read as abstract frameworks whatever they hold (``argmap.formats.iccma``)."""

_FRAMEWORK_START = re.compile(r"p\s+af\b|(arg|att)\s*\(")

STYLE = {
    Label.IN: ("✔", "in", "stands", "green"),
    Label.UNDEC: ("?", "undec", "undecided", "yellow"),
    Label.OUT: ("✘", "out", "defeated", "red"),
}
"""Symbol, JSON word, meaning and colour: the symbol tells labels apart without colour."""

SHOWN_EXTENSIONS = 20
"""Text output lists this many extensions at most; JSON lists them all."""


@click.command()
@FILE_ARGUMENT
@click.option(
    "--semantics",
    type=click.Choice([s.value for s in Semantics]),
    default=Semantics.GROUNDED.value,
    show_default=True,
    help="grounded: the one sceptical verdict; complete, preferred, stable: every "
    "reasonable position, summarised per claim.",
)
@click.option(
    "--accept",
    multiple=True,
    metavar="ID",
    help="A claim the room accepts: attacks on it count for nothing. Repeat for more.",
)
@click.option(
    "--reject",
    multiple=True,
    metavar="ID",
    help="A claim the room rejects: it is out, and its attacks fall. Repeat for more.",
)
@ROOM_OPTION
@click.option(
    "--bipolar",
    is_flag=True,
    help="Debates only: supports pass attacks on (supported and secondary attacks).",
)
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json: one object for scripts.",
)
def evaluate(
    file: Path,
    semantics: str,
    accept: tuple[str, ...],
    reject: tuple[str, ...],
    room_file: Path | None,
    bipolar: bool,
    output: Literal["text", "json"],
) -> None:
    """Label every claim of FILE in, out or undecided under argumentation semantics.

    FILE is a debate, or an abstract framework in an ICCMA format: ASPARTIX (.apx, .af),
    TGF (.tgf) or ICCMA 2023 (`p af N`, .af or .i23), recognised by extension or content.
    Undercuts, contradictions, premises and (with --bipolar) supports are mapped to
    attacks as docs/evaluate.md describes.

    Exit status: 0 evaluated, 1 unreadable file or unknown id, 2 usage error.

    \b
    Examples:
      argmap evaluate arguments.yaml
      argmap evaluate arguments.yaml --reject china-would-give-aid
      argmap evaluate arguments.yaml --room class-a.room.yaml
      argmap evaluate arguments.yaml --semantics preferred --bipolar
      argmap evaluate instance.apx --semantics stable --format json
    """
    chosen = Semantics(semantics)
    if is_framework_file(file):
        if room_file is not None:
            raise click.UsageError("--room needs a debate: an abstract framework has no claims")
        if bipolar:
            raise click.UsageError(
                "--bipolar needs a debate: an abstract framework has no supports"
            )
        result = _evaluate_framework_file(file, chosen, accept, reject)
    else:
        debate = load_or_exit(file).debate
        if room_file is not None:
            accepted, rejected = room_verdicts(debate, room_or_exit(room_file, file))
            accept, reject = (*accepted, *accept), (*rejected, *reject)
        try:
            result = evaluation.evaluate(
                debate, chosen, accept=accept, reject=reject, bipolar=bipolar
            )
        except UnknownIdError as error:
            fail(str(error), "`argmap outline` shows the claims; a link's id is `from->to`")
        except ValueError as error:
            fail(str(error))
    if output == "json":
        click.echo(json.dumps(as_json(result), indent=2, ensure_ascii=False))
    elif isinstance(result, Evaluation):
        print_debate(result, Console(highlight=False, markup=False))
    else:
        print_framework(result, Console(highlight=False, markup=False))


def is_framework_file(path: Path) -> bool:
    """Whether to read ``path`` as an abstract framework rather than a debate.

    The extension decides when it is one argmap knows; otherwise the first meaningful line
    does (a ``p af N`` header, or ``arg(``/``att(`` facts).  A TGF file needs ``.tgf``.
    """
    suffix = path.suffix.lower()
    if suffix in FRAMEWORK_SUFFIXES or suffix in EXTENSIONS:
        return suffix in FRAMEWORK_SUFFIXES
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(4096)
    except OSError:
        return False  # the debate reader reports the missing file
    for line in head.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith(("#", "%")):
            return _FRAMEWORK_START.match(stripped) is not None
    return False


def _evaluate_framework_file(
    file: Path, semantics: Semantics, accept: Sequence[str], reject: Sequence[str]
) -> FrameworkEvaluation:
    try:
        framework = read_framework(file)
    except FrameworkFormatError as error:
        fail(str(error))
    except OSError as error:
        fail(f"cannot read {file}: {error.strerror or error}")
    try:
        return evaluate_framework(framework, semantics, accept=accept, reject=reject)
    except ValueError as error:
        fail(str(error))


def as_json(result: FrameworkEvaluation) -> dict[str, object]:
    """The ``--format json`` object: extensions and labels, plus the debate's answers."""
    data: dict[str, object] = {
        "semantics": result.semantics.value,
        "extensions": [list(extension) for extension in result.extensions],
        "labels": {arg: label.value for arg, label in result.labels.items()},
        "accept": sorted(result.accepted),
    }
    if not isinstance(result, Evaluation):
        data["reject"] = sorted(result.rejected)
        return data
    data["reject"] = sorted(result.named_rejections)
    data["bipolar"] = result.bipolar
    data["question"] = {"id": result.debate.question.id, "label": result.question.value}
    data["reasons"] = dict(result.reasons)
    data["speakers"] = [
        {
            "id": card.speaker.id,
            "name": card.speaker.name,
            "side": card.side.value,
            "claims": {label.value: list(ids) for label, ids in card.claims.items()},
            "concessions": {label.value: list(ids) for label, ids in card.concessions.items()},
        }
        for card in result.speaker_scorecard()
    ]
    return data


def _heading(result: FrameworkEvaluation, what: str, ids: Sequence[str]) -> Text:
    counts = ", ".join(
        f"{sum(result.labels[i] is label for i in ids)} {STYLE[label][1]}" for label in Label
    )
    text = Text.assemble(
        (f"{result.semantics} semantics", "bold"), f" · {len(ids)} {what}: {counts}"
    )
    if result.semantics is not Semantics.GROUNDED:
        found = len(result.extensions)
        text.append(f" · {found} extension{'s' if found != 1 else ''}")
    return text


def _label_heading(label: Label, count: int) -> Text:
    symbol, word, meaning, colour = STYLE[label]
    return Text(f"{symbol} {word.upper()}: {meaning} ({count})", style=f"bold {colour}")


def _grid(id_width: int = 0) -> Table:
    """Two columns, id and text, so long text wraps under itself rather than under the id."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, min_width=id_width)
    grid.add_column()
    return grid


def print_debate(result: Evaluation, console: Console) -> None:
    """Each claim's label with its title, grouped; the question's fate; the scorecards."""
    debate = result.debate
    question = debate.question.id
    claims = [node for node in result.labels if node != question]
    console.print(_heading(result, "claims and links", claims))
    if result.bipolar:
        console.print("bipolar: supports pass attacks on (supported and secondary attacks)")
    for word, ids in (("accepts", result.accepted), ("rejects", result.named_rejections)):
        if ids:
            console.print(f"the room {word}: {', '.join(sorted(ids))}")
    _print_no_extension(result, console)
    console.print()
    symbol, word, _, colour = STYLE[result.question]
    fate = {
        Label.IN: "the motion stands: every objection to it is defeated",
        Label.OUT: "the motion falls: " + result.reasons.get(question, ""),
        Label.UNDEC: "undecided: no objection stands, but not all are defeated"
        if result.semantics is Semantics.GROUNDED
        else "undecided: it stands in some extensions, not all",
    }[result.question]
    grid = _grid()
    grid.add_row(Text("Question", style="bold"), Text(debate.label_of(question), style="bold"))
    grid.add_row(Text(f"{symbol} {word.upper()}", style=f"bold {colour}"), Text(fate))
    console.print(grid)
    id_width = 2 + max((len(node) for node in claims), default=0)
    for label in (Label.IN, Label.UNDEC, Label.OUT):
        group = [node for node in claims if result.labels[node] is label]
        if not group:
            continue
        console.print()
        console.print(_label_heading(label, len(group)))
        grid = _grid(id_width)
        for node in group:
            text = Text(result.describe(node))
            if label is Label.OUT:
                text.append(f"\n← {result.reasons[node]}", style="dim")
            grid.add_row(Text(f"  {node}", style=STYLE[label][3]), text)
        console.print(grid)
    _print_positions(result, console, claims)
    _print_scorecards(result, console)


def _print_no_extension(result: FrameworkEvaluation, console: Console) -> None:
    if not result.extensions:
        console.print(
            f"no {result.semantics} extension exists (an odd cycle of attacks): "
            "nothing is decided, every label is undec",
            style="bold yellow",
        )


def _print_positions(result: Evaluation, console: Console, claims: list[str]) -> None:
    """What sets the extensions apart: the undecided claims each one accepts."""
    if len(result.extensions) < 2:
        return
    console.print()
    console.print(Text("Positions (the undecided claims each extension accepts)", style="bold"))
    undecided = {node for node in claims if result.labels[node] is Label.UNDEC}
    for number, extension in enumerate(result.extensions[:SHOWN_EXTENSIONS], 1):
        members = [node for node in claims if node in undecided and node in extension]
        console.print(f"  {number}. {', '.join(members) or '(none of them)'}")
    _print_more(result, console)


def _print_more(result: FrameworkEvaluation, console: Console) -> None:
    hidden = len(result.extensions) - SHOWN_EXTENSIONS
    if hidden > 0:
        console.print(f"  … and {hidden} more (--format json lists them all)", style="dim")


def _print_scorecards(result: Evaluation, console: Console) -> None:
    cards = [
        c
        for c in result.speaker_scorecard()
        if any(c.claims.values()) or any(c.concessions.values())
    ]
    if not cards:
        return
    console.print()
    table = Table(title="Speakers: how many of their claims stand", title_justify="left")
    table.add_column("speaker")
    table.add_column("side")
    for label in (Label.IN, Label.OUT, Label.UNDEC):
        symbol, word, _, colour = STYLE[label]
        table.add_column(f"{symbol} {word}", justify="right", style=colour)
    table.add_column("concessions standing", justify="right")
    for card in cards:
        conceded = sum(len(ids) for ids in card.concessions.values())
        table.add_row(
            card.speaker.name,
            card.side.value,
            *(str(len(card.claims[label])) for label in (Label.IN, Label.OUT, Label.UNDEC)),
            f"{len(card.concessions[Label.IN])} of {conceded}" if conceded else "",
        )
    console.print(table)


def print_framework(result: FrameworkEvaluation, console: Console) -> None:
    """The extensions, then the arguments grouped by label (ids only: a framework has no text)."""
    console.print(_heading(result, "arguments", result.framework.arguments))
    for word, ids in (("accepts", result.accepted), ("rejects", result.rejected)):
        if ids:
            console.print(f"the room {word}: {', '.join(sorted(ids))}")
    _print_no_extension(result, console)
    if result.semantics is not Semantics.GROUNDED and result.extensions:
        console.print()
        console.print(Text("Extensions", style="bold"))
        for extension in result.extensions[:SHOWN_EXTENSIONS]:
            console.print("  {" + ", ".join(extension) + "}")
        _print_more(result, console)
    for label in (Label.IN, Label.UNDEC, Label.OUT):
        group = result.with_label(label)
        if not group:
            continue
        console.print()
        console.print(_label_heading(label, len(group)))
        if label is Label.OUT:
            for arg in group:
                beaten_by = ", ".join(result.why_out(arg)) or _no_defeater(result, arg)
                console.print(f"  {arg}  ← {beaten_by}")
        else:
            console.print("  " + ", ".join(group))


def _no_defeater(result: FrameworkEvaluation, arg: str) -> str:
    if arg in result.rejected:
        return "rejected by the room"
    return f"in no {result.semantics} extension"
