"""Graph queries over a debate: who bears on whom, and each claim's side on the question.

Every view needs the same adjacency (the tree, the detail pane's relation links, the map, the
checks), so it is computed once per debate in :class:`DebateIndex` and shared.
"""

from __future__ import annotations

from collections import defaultdict, deque
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
        debate = self.debate
        sides: dict[str, Side] = {debate.question.id: Side.PRO}
        depth: dict[str, int] = {debate.question.id: 0}
        queue = deque([debate.question.id])
        while queue:
            node = queue.popleft()
            side = sides[node]
            for neighbour, neighbour_side in self._bearing_on(node, side):
                if neighbour not in depth:
                    depth[neighbour] = depth[node] + 1
                    sides[neighbour] = neighbour_side
                    queue.append(neighbour)
                elif depth[neighbour] == depth[node] + 1 and sides[neighbour] is not neighbour_side:
                    sides[neighbour] = Side.NEUTRAL
        del sides[debate.question.id]
        return {node: sides.get(node, Side.NEUTRAL) for node in _claims(debate)}

    def _bearing_on(self, node: str, side: Side) -> Iterator[tuple[str, Side]]:
        """The nodes whose side follows from ``node``'s, with the side they get."""
        for relation in self.incoming.get(node, ()):
            # Attacks, contradictions and undercuts of an argument all oppose their target.
            same = relation.kind is RelationKind.SUPPORTS
            yield relation.source, side if same else _FLIP[side]
        for relation in self.outgoing.get(node, ()):
            if relation.kind is RelationKind.CONTRADICTS:
                yield relation.target, _FLIP[side]
            if relation.kind in (RelationKind.SUPPORTS, RelationKind.ATTACKS):
                for undercut in self.undercutters(relation.id):
                    yield undercut.source, _FLIP[side]
        argument = self.debate.arguments.get(node)
        if argument is not None:
            for premise in argument.premises:
                yield premise, side

    @cached_property
    def reachable(self) -> set[str]:
        """Nodes connected to the question by any chain of relations or premises."""
        seen = {self.debate.question.id}
        queue = deque(seen)
        while queue:
            node = queue.popleft()
            for neighbour, _ in self._bearing_on(node, Side.PRO):
                if neighbour not in seen:
                    seen.add(neighbour)
                    queue.append(neighbour)
        return seen

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
        return [c for c in _strongly_connected(graph) if len(c) > 1]


def _claims(debate: Debate) -> Iterator[str]:
    yield from debate.statements
    yield from debate.arguments


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
