"""Checks that need the whole graph: circular reasoning, stray claims, sides, attributions.

These are warnings, not errors: the debate is well formed, but a reader would stumble.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from argmap.analysis.graph import DebateIndex
from argmap.model.debate import Debate, RelationKind, Side, Statement, _Node


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem with one node; ``subject`` is the id of the node or relation it is about."""

    subject: str
    message: str
    hint: str | None = None


def graph_findings(index: DebateIndex) -> Iterator[Finding]:
    """Every graph-level warning, in file order where the order is meaningful."""
    debate = index.debate
    yield from cycle_findings(index)
    for node_id in (*debate.statements, *debate.arguments):
        if node_id not in index.reachable:
            yield stray_finding(node_id)
    for node in (*debate.statements.values(), *debate.arguments.values()):
        if node.side is not None:
            derived = index.sides.get(node.id, Side.NEUTRAL)  # worked out on first use
            if node.side is not derived and node.id in index.reachable:
                yield Finding(
                    node.id,
                    f"`{node.id}` is marked `side: {node.side}` but the graph "
                    f"puts it on the {derived} side",
                    "check its relations (supports vs attacks), or remove `side:`",
                )
        if node.conceded_by:
            yield from _concessions(node)
    left_out = _left_out(index) if debate.order else []
    if left_out:
        yield Finding(
            left_out[0],
            f"`order:` leaves out {len(left_out)} claim(s): {', '.join(left_out[:5])}"
            + (", …" if len(left_out) > 5 else "")
            + "; seminar mode shows each right after the claim it answers",
            "add them to `order:` where the class should meet them",
        )
    for statement in debate.statements.values():
        if statement.quotes:
            yield from _attributions(statement)


def _left_out(index: DebateIndex) -> list[str]:
    """The claims a teaching ``order:`` leaves out (read only for a debate that has one)."""
    from argmap.analysis.seminar import unlisted
    from argmap.analysis.tree import TreeShape

    return unlisted(TreeShape(index))


def cycle_findings(index: DebateIndex) -> Iterator[Finding]:
    """The circular-reasoning warnings: cycles of support, through premises too."""
    for cycle in index.support_cycles():
        begged = _begs_the_question(index.debate, cycle)
        if begged is not None:
            yield begged
            continue
        loop = " → ".join([*cycle, cycle[0]])
        yield Finding(
            cycle[0],
            f"circular reasoning: {loop} support each other in a cycle",
            "break the cycle: one of these claims must rest on something else",
        )


def stray_finding(node_id: str) -> Finding:
    """The warning about a claim nothing connects to the question."""
    return Finding(
        node_id,
        f"`{node_id}` is not connected to the question",
        "nest it under a claim's pros/cons, or add `supports:`/`attacks:`",
    )


def claim_findings(debate: Debate, node_id: str) -> Iterator[Finding]:
    """The warnings about one claim's own fields (who holds it, whose quotes back it)."""
    node = debate.claim(node_id)
    if node is None:
        return
    yield from _concessions(node)
    if isinstance(node, Statement):
        yield from _attributions(node)


def support_cycle_through(index: DebateIndex, source: str, target: str) -> Finding | None:
    """The circular-reasoning warning a new ``source supports target`` link makes, if any."""
    supporting: dict[str, list[str]] = {}
    for relation in index.debate.relations.values():
        if relation.kind is RelationKind.SUPPORTS:
            supporting.setdefault(relation.source, []).append(relation.target)
    came_from: dict[str, str] = {target: source}
    stack = [target]
    while stack:
        node = stack.pop()
        if node == source:
            walk = [source]  # back from the source to the target, along the way found
            while walk[-1] != target:
                walk.append(came_from[walk[-1]])
            cycle = [source, *reversed(walk[1:])]
            loop = " → ".join([*cycle, cycle[0]])
            return Finding(
                cycle[0],
                f"circular reasoning: {loop} support each other in a cycle",
                "break the cycle: one of these claims must rest on something else",
            )
        for nxt in supporting.get(node, ()):
            if nxt not in came_from:
                came_from[nxt] = node
                stack.append(nxt)
    return None


def _concessions(node: _Node) -> Iterator[Finding]:
    for speaker in sorted(set(node.conceded_by) & set(node.speakers)):
        yield Finding(
            node.id,
            f"`{speaker}` both asserts and concedes `{node.id}`",
            "keep the speaker in `by:` or in `conceded_by:`, not both",
        )


def _attributions(statement: Statement) -> Iterator[Finding]:
    holders = {*statement.speakers, *statement.conceded_by}
    for quote in statement.quotes:
        if quote.speaker is not None and holders and quote.speaker not in holders:
            yield Finding(
                statement.id,
                f"a quote by `{quote.speaker}` backs `{statement.id}`"
                f", which is not attributed to them",
                f"add `{quote.speaker}` to `by:` or `conceded_by:`",
            )


def _begs_the_question(debate: Debate, cycle: list[str]) -> Finding | None:
    """The two-node cycle of an argument that concludes one of its own premises."""
    if len(cycle) != 2:
        return None
    for argument_id, premise in (cycle, cycle[::-1]):
        argument = debate.arguments.get(argument_id)
        if argument is not None and premise in argument.premises:
            return Finding(
                argument_id,
                f"circular reasoning: argument `{argument_id}` has `{premise}` as a premise "
                "and supports it as its conclusion",
                "an argument cannot prove a claim from that claim: give it other premises",
            )
    return None
