"""Graph queries over a debate: who bears on whom, and each claim's side on the question.

Every view needs the same adjacency (the tree, the detail pane's relation links, the map, the
checks), so it is computed once per debate in :class:`DebateIndex` and shared.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from argmap.model.debate import Debate, Relation, RelationKind, Side

_FLIP = {Side.PRO: Side.CON, Side.CON: Side.PRO, Side.NEUTRAL: Side.NEUTRAL}


@dataclass
class DebateIndex:
    """Adjacency of a debate, built once: O(nodes + relations)."""

    debate: Debate
    incoming: dict[str, list[Relation]] = field(default_factory=lambda: defaultdict(list))
    outgoing: dict[str, list[Relation]] = field(default_factory=lambda: defaultdict(list))
    premise_of: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def __post_init__(self) -> None:
        for relation in self.debate.relations.values():
            self.incoming[relation.target].append(relation)
            self.outgoing[relation.source].append(relation)
        for argument in self.debate.arguments.values():
            for premise in argument.premises:
                self.premise_of[premise].append(argument.id)

    def reasons(self, node_id: str) -> Iterator[Relation]:
        """Relations bearing on ``node_id`` as a claim: supports, attacks and contradictions."""
        for relation in self.incoming.get(node_id, ()):
            if relation.kind is not RelationKind.UNDERCUTS:
                yield relation
        for relation in self.outgoing.get(node_id, ()):
            if relation.kind is RelationKind.CONTRADICTS:
                yield relation

    def undercutters(self, target_id: str) -> list[Relation]:
        """Undercuts aimed at a relation or argument id."""
        return [r for r in self.incoming.get(target_id, ()) if r.kind is RelationKind.UNDERCUTS]

    @cached_property
    def sides(self) -> dict[str, Side]:
        """Each statement's and argument's side on the central question, derived from the graph.

        Walking out from the question: a supporter takes the side of what it supports, an
        attacker or contradictor the opposite side, a premise its argument's side, and an
        undercutter the side opposite to the source of the link it cuts. The shortest path
        decides; where shortest paths disagree the claim cuts both ways and is NEUTRAL, as is
        a claim with no path to the question.
        """
        sides = self._walk
        return {node: sides.get(node, Side.NEUTRAL) for node in _claims(self.debate)}

    @cached_property
    def _walk(self) -> dict[str, Side]:
        """The breadth-first walk out from the question that :attr:`sides` and
        :attr:`reachable` share: every node it reaches (the question too), with its side.

        One level at a time: what each node of a level bears on is gathered first (a source
        bearing on its target takes its side, or the opposite one; a contradiction goes both
        ways; an undercut of a link opposes the link's source; a premise takes its argument's
        side), then the nodes not reached before make the next level, and a node two nodes
        of one level reach with different sides is NEUTRAL.
        """
        incoming, outgoing, arguments = self.incoming, self.outgoing, self.debate.arguments
        supports, attacks = RelationKind.SUPPORTS, RelationKind.ATTACKS
        contradicts, undercuts = RelationKind.CONTRADICTS, RelationKind.UNDERCUTS
        question = self.debate.question.id
        sides: dict[str, Side] = {question: Side.PRO}
        level: dict[str, int] = {question: 0}
        frontier = [question]
        depth = 0
        while frontier:
            depth += 1
            reached: list[tuple[str, Side]] = []
            for node in frontier:
                side = sides[node]
                flipped = _FLIP[side]
                for relation in incoming.get(node, ()):
                    # Attacks, contradictions and undercuts of an argument oppose their target.
                    reached.append(
                        (relation.source, side if relation.kind is supports else flipped)
                    )
                for relation in outgoing.get(node, ()):
                    kind = relation.kind
                    if kind is contradicts:
                        reached.append((relation.target, flipped))
                    elif kind is supports or kind is attacks:
                        for undercut in incoming.get(relation.id, ()):
                            if undercut.kind is undercuts:
                                reached.append((undercut.source, flipped))
                argument = arguments.get(node)
                if argument is not None:
                    reached.extend((premise, side) for premise in argument.premises)
            frontier = []
            for node, side in reached:
                known = level.get(node)
                if known is None:
                    level[node] = depth
                    sides[node] = side
                    frontier.append(node)
                elif known == depth and sides[node] is not side:
                    sides[node] = Side.NEUTRAL
        return sides

    @cached_property
    def reachable(self) -> set[str]:
        """Nodes connected to the question by any chain of relations or premises."""
        return set(self._walk)

    def support_cycles(self) -> list[list[str]]:
        """Cycles of support (``supports`` relations, and premises supporting their argument).

        Tarjan's strongly connected components, iteratively, so deep chains cannot overflow
        the stack; each component of two or more nodes is one cycle to report. An argument
        whose premise is its own conclusion is the shortest such cycle.
        """
        graph: dict[str, list[str]] = defaultdict(list)
        for argument in self.debate.arguments.values():
            for premise in argument.premises:
                graph[premise].append(argument.id)
        for relation in self.debate.relations.values():
            if relation.kind is RelationKind.SUPPORTS:
                graph[relation.source].append(relation.target)
        if _acyclic(graph):  # the common case, found more cheaply than by Tarjan's walk
            return []
        return [c for c in _strongly_connected(graph) if len(c) > 1]


def _claims(debate: Debate) -> Iterator[str]:
    yield from debate.statements
    yield from debate.arguments


def _acyclic(graph: dict[str, list[str]]) -> bool:
    """Whether the graph has no cycle: Kahn's peeling of nodes nothing points at reaches
    every node exactly when there is none."""
    pointed_at: dict[str, int] = {}
    for successors in graph.values():
        for successor in successors:
            pointed_at[successor] = pointed_at.get(successor, 0) + 1
    free = [node for node in graph if node not in pointed_at]
    peeled = 0
    while free:
        peeled += 1
        for successor in graph.get(free.pop(), ()):
            left = pointed_at[successor] - 1
            pointed_at[successor] = left
            if left == 0:
                free.append(successor)
    return peeled == len(graph.keys() | pointed_at.keys())


def _strongly_connected(graph: dict[str, list[str]]) -> list[list[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for root in list(graph):
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            successors = graph.get(node, [])
            if child < len(successors):
                work.append((node, child + 1))
                successor = successors[child]
                if successor not in index:
                    work.append((successor, 0))
                elif successor in on_stack:
                    low[node] = min(low[node], index[successor])
                continue
            if low[node] == index[node]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component[::-1])
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return components
