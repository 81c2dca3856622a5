"""Checks that need the whole graph: circular reasoning, stray claims, sides, attributions.

These are warnings, not errors: the debate is well formed, but a reader would stumble.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from argmap.analysis.graph import DebateIndex
from argmap.analysis.seminar import unlisted
from argmap.analysis.tree import TreeShape
from argmap.model.debate import Side


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem with one node; ``subject`` is the id of the node or relation it is about."""

    subject: str
    message: str
    hint: str | None = None


def graph_findings(index: DebateIndex) -> Iterator[Finding]:
    """Every graph-level warning, in file order where the order is meaningful."""
    debate = index.debate
    for cycle in index.support_cycles():
        loop = " → ".join([*cycle, cycle[0]])
        yield Finding(
            cycle[0],
            f"circular reasoning: {loop} support each other in a cycle",
            "break the cycle: one of these claims must rest on something else",
        )
    for node_id in (*debate.statements, *debate.arguments):
        if node_id not in index.reachable:
            yield Finding(
                node_id,
                f"`{node_id}` is not connected to the question",
                "nest it under a claim's pros/cons, or add `supports:`/`attacks:`",
            )
    sides = index.sides
    for node in (*debate.statements.values(), *debate.arguments.values()):
        derived = sides.get(node.id, Side.NEUTRAL)
        if node.side is not None and node.side is not derived and node.id in index.reachable:
            yield Finding(
                node.id,
                f"`{node.id}` is marked `side: {node.side}` but the graph "
                f"puts it on the {derived} side",
                "check its relations (supports vs attacks), or remove `side:`",
            )
        for speaker in set(node.conceded_by) & set(node.speakers):
            yield Finding(
                node.id,
                f"`{speaker}` both asserts and concedes `{node.id}`",
                "keep the speaker in `by:` or in `conceded_by:`, not both",
            )
    left_out = unlisted(TreeShape(index)) if debate.order else []
    if left_out:
        yield Finding(
            left_out[0],
            f"`order:` leaves out {len(left_out)} claim(s): {', '.join(left_out[:5])}"
            + (", …" if len(left_out) > 5 else "")
            + "; seminar mode shows each right after the claim it answers",
            "add them to `order:` where the class should meet them",
        )
    for statement in debate.statements.values():
        holders = {*statement.speakers, *statement.conceded_by}
        for quote in statement.quotes:
            if quote.speaker is not None and holders and quote.speaker not in holders:
                yield Finding(
                    statement.id,
                    f"a quote by `{quote.speaker}` backs `{statement.id}`"
                    f", which is not attributed to them",
                    f"add `{quote.speaker}` to `by:` or `conceded_by:`",
                )
