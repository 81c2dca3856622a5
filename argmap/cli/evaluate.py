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
from argmap.analysis.audiences import room_weighs
from argmap.analysis.evaluation import (
    Evaluation,
    FrameworkEvaluation,
    UnknownIdError,
    evaluate_framework,
)
from argmap.analysis.framework import Label
from argmap.analysis.iccma import FrameworkFormatError, read_framework
from argmap.analysis.semantics import DEFAULT_MAX_EXTENSIONS, Budget, BudgetExceeded, Semantics
from argmap.analysis.weighing import (
    NO_AUDIENCE,
    Preference,
    Standard,
    UnknownAudienceError,
    Verdict,
    audience,
    ranking,
)
from argmap.cli.common import (
    EXIT_INVALID,
    FILE_ARGUMENT,
    ROOM_OPTION,
    TerminalConsole,
    fail,
    load_or_exit,
    print_diagnostics,
    room_or_exit,
    room_verdicts,
)
from argmap.formats.registry import EXTENSIONS
from argmap.io.diagnostics import DebateLoadError
from argmap.model.debate import Debate

FRAMEWORK_SUFFIXES = frozenset({".apx", ".af", ".tgf", ".i23"})
"""Files read as abstract frameworks whatever they hold (``argmap.analysis.iccma``)."""

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
    "--max-extensions",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_EXTENSIONS,
    show_default=True,
    metavar="N",
    help="Complete, preferred, stable: stop with a count, not a list, beyond N extensions.",
)
@click.option(
    "--standard",
    type=click.Choice([s.value for s in Standard]),
    default=None,
    help="Debates only: the proof standard that decides the question and at-issue claims "
    "from their standing pro and con reasons (default: the --room's, else preponderance).",
)
@click.option(
    "--audience",
    "audience_id",
    metavar="ID",
    help="Debates only: weigh as this speaker (their `ranks:`) or declared audience ranks the "
    "values: an attack fails if its value is ranked below its target's.",
)
@click.option(
    "--rank",
    metavar="V1,V2,...",
    help="Debates only: weigh by this ranking of value ids, most important first "
    "(`=` ranks values level: security,exposure=rights).",
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
    max_extensions: int,
    standard: str | None,
    audience_id: str | None,
    rank: str | None,
    output: Literal["text", "json"],
) -> None:
    """Label every claim of FILE in, out or undecided under argumentation semantics.

    FILE is a debate, or an abstract framework in an ICCMA format: ASPARTIX (.apx, .af),
    TGF (.tgf) or ICCMA 2023 (`p af N`, .af or .i23), recognised by extension or content.
    Undercuts, contradictions, premises and (with --bipolar) supports are mapped to
    attacks as docs/evaluate.md describes. The question (and any claim marked
    `at-issue: true`) is weighed: its standing pro and con reasons are compared under
    --standard, by the ranking of values of --audience or --rank when given (else the
    --room file's ranking and standard, as the room applied them in the TUI's weighing panel).

    Exit status: 0 evaluated, 1 unreadable file, unknown id, audience or value, 2 usage
    error.

    \b
    Examples:
      argmap evaluate arguments.yaml
      argmap evaluate arguments.yaml --reject china-would-give-aid
      argmap evaluate arguments.yaml --room class-a.room.yaml
      argmap evaluate arguments.yaml --semantics preferred --bipolar
      argmap evaluate arguments.yaml --audience go
      argmap evaluate arguments.yaml --rank exposure,security --standard scintilla
      argmap evaluate instance.apx --semantics stable --format json
    """
    chosen = Semantics(semantics)
    budget = Budget(max_extensions=max_extensions)
    if is_framework_file(file):
        if room_file is not None:
            raise click.UsageError("--room needs a debate: an abstract framework has no claims")
        if bipolar:
            raise click.UsageError(
                "--bipolar needs a debate: an abstract framework has no supports"
            )
        _no_weighing(standard, audience_id, rank)
        result = _evaluate_framework_file(file, chosen, accept, reject, budget)
    else:
        if audience_id is not None and rank is not None:
            raise click.UsageError("give --audience or --rank, not both")
        debate = load_or_exit(file).debate
        weighers, room_standard = NO_AUDIENCE, Standard.PREPONDERANCE
        if room_file is not None:
            room = room_or_exit(room_file, file, debate)
            accepted, rejected = room_verdicts(debate, room)
            accept, reject = (*accepted, *accept), (*rejected, *reject)
            weighers, room_standard = room_weighs(debate, room)
        try:
            if audience_id is not None or rank is not None:  # the command line wins
                weighers = _preference(debate, audience_id, rank)
            result = evaluation.evaluate(
                debate,
                chosen,
                accept=accept,
                reject=reject,
                bipolar=bipolar,
                budget=budget,
                audience=weighers,
                standard=standard or room_standard,
            )
        except UnknownAudienceError as error:
            fail(str(error), "`argmap check` lists the values; speakers rank them with `ranks:`")
        except UnknownIdError as error:
            fail(str(error), "`argmap outline` shows the claims; a link's id is `from->to`")
        except BudgetExceeded as error:
            fail(str(error), error.hint)
        except ValueError as error:
            fail(str(error))
    if output == "json":
        click.echo(json.dumps(as_json(result), indent=2, ensure_ascii=False))
    elif isinstance(result, Evaluation):
        print_debate(result, TerminalConsole(highlight=False, markup=False))
    else:
        print_framework(result, TerminalConsole(highlight=False, markup=False))


def _no_weighing(standard: str | None, audience_id: str | None, rank: str | None) -> None:
    """Abstract frameworks have no values, no question and no pro reasons to weigh."""
    for given, option in ((audience_id, "--audience"), (rank, "--rank")):
        if given is not None:
            raise click.UsageError(f"{option} needs a debate: an abstract framework has no values")
    if standard not in (None, Standard.PREPONDERANCE.value):
        raise click.UsageError("--standard needs a debate: an abstract framework has no question")


def _preference(debate: Debate, audience_id: str | None, rank: str | None) -> Preference:
    if audience_id is not None:
        return audience(debate, audience_id)
    if rank is not None:
        return ranking(debate, rank)
    return NO_AUDIENCE


def is_framework_file(path: Path) -> bool:
    """Whether to read ``path`` as an abstract framework rather than a debate.

    The extension decides when it is one argmap knows; otherwise the first meaningful line
    does (a ``p af N`` header, or ``arg(``/``att(`` facts).  A TGF file needs ``.tgf``.
    """
    suffix = path.suffix.lower()
    if suffix in FRAMEWORK_SUFFIXES or suffix in EXTENSIONS:
        return suffix in FRAMEWORK_SUFFIXES
    if not path.is_file():  # a FIFO would block the sniffing; the debate reader says what it is
        return False
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
    file: Path,
    semantics: Semantics,
    accept: Sequence[str],
    reject: Sequence[str],
    budget: Budget | None = None,
) -> FrameworkEvaluation:
    try:
        framework = read_framework(file)
    except DebateLoadError as error:
        print_diagnostics(error.diagnostics)
        raise SystemExit(EXIT_INVALID) from None
    except FrameworkFormatError as error:
        fail(str(error))
    try:
        return evaluate_framework(framework, semantics, accept=accept, reject=reject, budget=budget)
    except BudgetExceeded as error:
        fail(str(error), error.hint)
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
    data["standard"] = result.standard.value
    data["audience"] = _audience_json(result.preference)
    question_data: dict[str, object] = {
        "id": result.debate.question.id,
        "label": result.question.value,
    }
    if result.verdict is not None:
        question_data.update(_verdict_json(result.verdict))
    data["question"] = question_data
    question = result.debate.question.id
    data["at_issue"] = {
        node: {"label": verdict.label.value, **_verdict_json(verdict)}
        for node, verdict in result.verdicts.items()
        if node != question
    }
    data["failed_attacks"] = [
        {
            "attacker": failure.attacker,
            "target": failure.target,
            "attacker_value": failure.attacker_value,
            "target_value": failure.target_value,
            "direct": failure.direct,
        }
        for failure in result.failed.values()
    ]
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


def _audience_json(preference: Preference) -> dict[str, object] | None:
    if not preference.ranks_anything:
        return None
    return {
        "id": preference.id,
        "name": preference.name,
        "ranking": [list(group) for group in preference.ranking],
    }


def _verdict_json(verdict: Verdict) -> dict[str, object]:
    return {
        "standard": verdict.standard.value,
        "summary": verdict.summary(),
        "pros": [reason.node for reason in verdict.pros],
        "cons": [reason.node for reason in verdict.cons],
    }


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
    _print_audience(result, console)
    console.print()
    _print_question(result, console)
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


def _print_question(result: Evaluation, console: Console) -> None:
    """The question's verdict, and the standing reasons on each side that decided it."""
    debate = result.debate
    question = debate.question.id
    symbol, word, _, colour = STYLE[result.question]
    verdict = result.verdict
    if verdict is None:
        fate = (
            "the room accepts the motion"
            if result.question is Label.IN
            else ("the motion falls: " + result.reasons.get(question, ""))
        )
    else:
        fate = verdict.summary("the motion") + "\n" + verdict.why()
    grid = _grid()
    grid.add_row(Text("Question", style="bold"), Text(debate.label_of(question), style="bold"))
    grid.add_row(Text(f"{symbol} {word.upper()}", style=f"bold {colour}"), Text(fate))
    console.print(grid)
    if verdict is not None:
        _print_reasons(result, verdict, console)
    for node, other in result.verdicts.items():
        if node != question:
            console.print()
            symbol, word, _, colour = STYLE[other.label]
            grid = _grid()
            grid.add_row(Text("At issue", style="bold"), Text(f"{debate.label_of(node)} [{node}]"))
            grid.add_row(
                Text(f"{symbol} {word.upper()}", style=f"bold {colour}"),
                Text(other.summary() + "\n" + other.why()),
            )
            console.print(grid)
            _print_reasons(result, other, console)


def _print_reasons(result: Evaluation, verdict: Verdict, console: Console) -> None:
    """One line per standing reason: its side, id, title, value and weight when given."""
    standing = (*verdict.pros, *verdict.cons)
    if not standing:
        return
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, min_width=8)
    grid.add_column(no_wrap=True)
    grid.add_column()
    for reason in standing:
        extras = [reason.value] if reason.value else []
        if reason.weighted:
            extras.append(f"weight {reason.weight:g}")
        text = Text(result.describe(reason.node))
        if extras:
            text.append(f"  ({', '.join(extras)})", style="dim")
        side = ("  pro", "green") if reason.pro else ("  con", "red")
        grid.add_row(Text(side[0], style=side[1]), Text(reason.node), text)
    console.print(grid)


def _print_audience(result: Evaluation, console: Console) -> None:
    """Whose weighing this is, and the attacks it stops from being defeats."""
    preference = result.preference
    if not preference.ranks_anything:
        return
    if preference.id is None:
        console.print(f"ranking: {preference.describe()}")
    else:
        console.print(
            f"audience: {preference.name} [{preference.id}] ranks {preference.describe()}"
        )
    direct = [failure for failure in result.failed.values() if failure.direct]
    if not direct:
        console.print(
            "  every attack still defeats: no attacker's value is ranked below its target's"
        )
        return
    console.print(
        f"  {len(direct)} attack{'s fail' if len(direct) != 1 else ' fails'} for this audience "
        "(value ranked below the target's):"
    )
    for failure in direct:
        console.print(
            f"  {failure.attacker} ⇸ {failure.target}: {failure.attacker_value or 'no value'} "
            f"is ranked below {failure.target_value}"
        )


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
