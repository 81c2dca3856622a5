"""``argmap outline``: the debate as a tree in the terminal, for a quick look or a pipe."""

from __future__ import annotations

from pathlib import Path

import click
from rich.text import Text
from rich.tree import Tree

from argmap.analysis.graph import DebateIndex
from argmap.analysis.tree import Branch, Role, TreeShape
from argmap.cli.common import FILE_ARGUMENT, TerminalConsole, load_or_exit
from argmap.model.debate import Debate, Side

SIDE_STYLE = {Side.PRO: ("✚", "green"), Side.CON: ("✖", "red"), Side.NEUTRAL: ("●", "yellow")}
ROLE_WORD = {
    Role.PREMISE: "premise",
    Role.SUPPORTS: "pro",
    Role.ATTACKS: "con",
    Role.CONTRADICTS: "contradicts",
    Role.UNDERCUTS: "undercuts",
}
QUOTE_WIDTH = 60


@click.command()
@FILE_ARGUMENT
@click.option(
    "--quotes/--no-quotes",
    default=True,
    show_default=True,
    help="Show each claim's quotes, abbreviated.",
)
def outline(file: Path, quotes: bool) -> None:
    """Print FILE as a tree: question, pros and cons, replies, speakers and quotes.

    Pro and con are marked by symbol (✚ ✖ ●) as well as colour, so the outline reads in plain
    text too; output to a pipe or file has no colour codes.

    \b
    Examples:
      argmap outline arguments.yaml
      argmap outline arguments.yaml --no-quotes | less
    """
    debate = load_or_exit(file).debate
    index = DebateIndex(debate)
    shape = TreeShape(index)
    root = Tree(Text.assemble(("? ", "bold"), (debate.question.text, "bold")))
    _grow(root, shape.root, shape, index, quotes)
    for orphan in shape.orphans:
        branch = root.add(
            _label(Branch(orphan, Role.SUPPORTS, None, True), index, quotes, prefix="unconnected")
        )
        _grow(branch, orphan, shape, index, quotes)
    TerminalConsole(highlight=False).print(root)


def _grow(tree: Tree, node_id: str, shape: TreeShape, index: DebateIndex, quotes: bool) -> None:
    """Add the children of ``node_id`` below ``tree``, depth first, without recursion limits."""
    stack = [(tree, node_id)]
    while stack:
        parent, node = stack.pop()
        added = [(parent.add(_label(b, index, quotes)), b) for b in shape.children(node)]
        stack.extend((child, b.node_id) for child, b in reversed(added) if b.home)


def _label(branch: Branch, index: DebateIndex, quotes: bool, prefix: str | None = None) -> Text:
    debate = index.debate
    symbol, colour = SIDE_STYLE[index.sides.get(branch.node_id, Side.NEUTRAL)]
    text = Text.assemble((f"{symbol} ", colour), (f"{prefix or ROLE_WORD[branch.role]}: ", "dim"))
    if not branch.home:
        text.append(f"↪ see {debate.label_of(branch.node_id)} [{branch.node_id}]", "italic")
        return text
    text.append(debate.label_of(branch.node_id), f"bold {colour}")
    speakers = _speakers(debate, branch.node_id)
    if speakers:
        text.append(f"  — {speakers}", "cyan")
    statement = debate.statements.get(branch.node_id)
    if quotes and statement is not None:
        for quote in statement.quotes:
            who = debate.speakers[quote.speaker].name if quote.speaker else "the source's words"
            words = (
                quote.text
                if len(quote.text) <= QUOTE_WIDTH
                else (quote.text[: QUOTE_WIDTH - 1].rstrip() + "…")
            )
            text.append(f"\n“{words}” ({who})", "dim italic")
    return text


def _speakers(debate: Debate, node_id: str) -> str:
    node = debate.claim(node_id)
    if node is None:
        return ""
    names = [debate.speakers[s].name for s in node.speakers]
    conceding = [debate.speakers[s].name for s in node.conceded_by]
    parts = [", ".join(names)] if names else []
    if conceding:
        parts.append(f"conceded by {', '.join(conceding)}")
    return "; ".join(parts)
