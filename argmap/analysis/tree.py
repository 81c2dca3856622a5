"""The debate laid out as a tree to navigate, and the links around each claim.

A debate is a graph: a claim may support two others, contradictions run both ways, and support
cycles happen. A reader still wants a tree: the question, its pros and cons, their replies.
:class:`TreeShape` makes one. Every claim gets exactly one *home*, the place where it is shown
in full with everything below it; each other place it can be reached from is a *jump link* to
that home, so a cycle can never produce an endless tree.

The home is the first place a breadth-first walk from the question meets the claim, so it is
the shallowest place, and among equally shallow places the one that comes first in the tree.
Children come in a fixed order: an argument's premises, then supporters, then attackers,
contradictors and undercutters; within each group, the order the file wrote them in. A claim
not connected to the question gets its own top-level branch (``TreeShape.orphans``).

:func:`neighbours` lists every relation touching a claim as readable links, for the detail pane.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from argmap.analysis.graph import DebateIndex
from argmap.model.debate import RelationKind


class Role(StrEnum):
    """How a child bears on its parent in the tree."""

    PREMISE = "premise"
    SUPPORTS = "supports"
    ATTACKS = "attacks"
    CONTRADICTS = "contradicts"
    UNDERCUTS = "undercuts"


_GROUP = {
    Role.PREMISE: 0,
    Role.SUPPORTS: 1,
    Role.ATTACKS: 2,
    Role.CONTRADICTS: 2,
    Role.UNDERCUTS: 2,
}


@dataclass(frozen=True, slots=True)
class Branch:
    """One child line of the tree.

    ``relation`` is the id of the relation that puts the child here (``None`` for a premise);
    ``home`` is False when this place is only a jump link to the child's home.
    """

    node_id: str
    role: Role
    relation: str | None
    home: bool


class TreeShape:
    """The tree of a debate: children of every node, each claim's home, and counts.

    Built once per debate in O(nodes + relations); every query afterwards is a lookup, so the
    TUI can add children lazily as a node opens.
    """

    def __init__(self, index: DebateIndex) -> None:
        self.index = index
        self.root = index.debate.question.id
        self._children: dict[str, tuple[Branch, ...]] = {}
        self._parent: dict[str, str] = {}
        self._size: dict[str, int] = {}
        self.orphans: tuple[str, ...] = ()
        self._build()

    def children(self, node_id: str) -> tuple[Branch, ...]:
        """The child lines under ``node_id``, in display order."""
        return self._children.get(node_id, ())

    def parent(self, node_id: str) -> str | None:
        """The node under which ``node_id`` has its home; None for the root and orphans."""
        return self._parent.get(node_id)

    def path(self, node_id: str) -> list[str]:
        """The homes from the top of the tree down to ``node_id`` (both included)."""
        path = [node_id]
        while (parent := self._parent.get(path[-1])) is not None:
            path.append(parent)
        return path[::-1]

    def descendants(self, node_id: str) -> int:
        """How many claims have their home somewhere below ``node_id``."""
        return self._size.get(node_id, 1) - 1

    def preorder(self) -> Iterator[str]:
        """Every node in the order the fully expanded tree shows it: question, then orphans."""
        for top in (self.root, *self.orphans):
            stack = [top]
            while stack:
                node = stack.pop()
                yield node
                stack.extend(b.node_id for b in reversed(self.children(node)) if b.home)

    def _build(self) -> None:
        debate = self.index.debate
        seen = {self.root}
        order = self._walk(self.root, seen)
        orphans: list[str] = []
        for node_id in (*debate.statements, *debate.arguments):
            if node_id not in seen:
                seen.add(node_id)
                orphans.append(node_id)
                order.extend(self._walk(node_id, seen))
        self.orphans = tuple(orphans)
        for node_id in reversed(order):  # children before parents: sizes add up bottom-first
            self._size[node_id] = 1 + sum(
                self._size[b.node_id] for b in self._children[node_id] if b.home
            )

    def _walk(self, top: str, seen: set[str]) -> list[str]:
        """Breadth-first from ``top``, fixing the home of every node first met on the way."""
        order: list[str] = []
        queue = deque([top])
        while queue:
            node = queue.popleft()
            order.append(node)
            branches: list[Branch] = []
            for child, role, relation in _branches(self.index, node):
                home = child not in seen
                if home:
                    seen.add(child)
                    self._parent[child] = node
                    queue.append(child)
                branches.append(Branch(child, role, relation, home))
            self._children[node] = tuple(branches)
        return order


def _branches(index: DebateIndex, node_id: str) -> list[tuple[str, Role, str | None]]:
    """Every child of a node, in display order (see the module docstring)."""
    found: list[tuple[str, Role, str | None]] = []
    argument = index.debate.arguments.get(node_id)
    if argument is not None:
        found.extend((premise, Role.PREMISE, None) for premise in argument.premises)
    for relation in index.incoming.get(node_id, ()):
        found.append((relation.source, Role(relation.kind.value), relation.id))
    for relation in index.outgoing.get(node_id, ()):
        if relation.kind is RelationKind.CONTRADICTS:
            found.append((relation.target, Role.CONTRADICTS, relation.id))
        for undercut in index.undercutters(relation.id):
            found.append((undercut.source, Role.UNDERCUTS, undercut.id))
    found.sort(key=lambda item: _GROUP[item[1]])  # stable: file order within each group
    return found


@dataclass(frozen=True, slots=True)
class Link:
    """A relation seen from one claim: ``phrase`` reads "<this claim> <phrase> <target>"."""

    phrase: str
    target: str
    relation: str | None


def neighbours(index: DebateIndex, node_id: str) -> list[Link]:
    """Every relation touching ``node_id``, outgoing first, as links a reader can follow.

    An undercut points at a relation (``a->b``); its link leads to ``a``, the reason whose
    link is cut, because a relation is not a place one can stand on.
    """
    debate = index.debate
    links: list[Link] = []
    for relation in index.outgoing.get(node_id, ()):
        if relation.kind is RelationKind.UNDERCUTS and relation.target in debate.relations:
            cut = debate.relations[relation.target]
            links.append(
                Link(
                    f"undercuts the link to {_name(index, cut.target)} from",
                    cut.source,
                    relation.id,
                )
            )
        else:
            links.append(Link(str(relation.kind), relation.target, relation.id))
    argument = debate.arguments.get(node_id)
    if argument is not None:
        links.extend(Link("has premise", premise, None) for premise in argument.premises)
    links.extend(Link("is a premise of", arg, None) for arg in index.premise_of.get(node_id, ()))
    passive = {
        RelationKind.SUPPORTS: "is supported by",
        RelationKind.ATTACKS: "is attacked by",
        RelationKind.CONTRADICTS: "contradicts",
        RelationKind.UNDERCUTS: "is undercut by",
    }
    for relation in index.incoming.get(node_id, ()):
        links.append(Link(passive[relation.kind], relation.source, relation.id))
    for relation in index.outgoing.get(node_id, ()):
        for undercut in index.undercutters(relation.id):
            links.append(
                Link(
                    f"has its link to {_name(index, relation.target)} undercut by",
                    undercut.source,
                    undercut.id,
                )
            )
    return links


def _name(index: DebateIndex, node_id: str) -> str:
    return index.debate.label_of(node_id)
