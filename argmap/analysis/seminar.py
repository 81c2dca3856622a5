"""Seminar mode's teaching order: the sequence in which a class walks through a debate.

If the file has an ``order:`` list, that is the order, exactly as written: the teacher knows
best. Otherwise it is built from the tree (:class:`~argmap.analysis.tree.TreeShape`), depth
first, so that each point is followed at once by the replies to it:

* the question comes first; then its strongest pro, everything that answers that pro, then
  its strongest con, then the next pro, the next con, and so on, alternating sides so that
  neither side gets the room's attention for long before the other is heard;
* under a claim: an argument's premises first (they are the argument), then the objections to
  the claim (attacks, contradictions, undercuts), strongest first, then its further support,
  strongest first. Each child is followed by its own replies before the next child comes;
* claims not connected to the question come last, in file order.

**Strongest** means the claim with the most *net backing*: the number of claims that back it,
directly or through further support (its supporters and premises, and theirs, as far as the
tree goes), minus the number of objections aimed directly at it. It is a count anyone in the
room can check on the map, not a verdict on who is right. Ties keep the file's order.
"""

from __future__ import annotations

from collections.abc import Mapping

from argmap.analysis.tree import Branch, Role, TreeShape
from argmap.model.debate import Debate
from argmap.model.schemes import Scheme

_BACKING = (Role.PREMISE, Role.SUPPORTS)


def teaching_order(shape: TreeShape) -> tuple[str, ...]:
    """The node ids seminar mode steps through, first to last."""
    debate = shape.index.debate
    if debate.order:
        return debate.order
    strength = net_backing(shape)
    order: list[str] = []
    for top in (shape.root, *shape.orphans):
        stack = [top]
        while stack:
            node = stack.pop()
            order.append(node)
            ranked = _question_children if node == shape.root else _claim_children
            stack.extend(reversed(ranked(shape.children(node), strength)))
    return tuple(order)


def net_backing(shape: TreeShape) -> dict[str, int]:
    """Every node's strength as the module docstring defines it, in one bottom-up pass.

    A supporter placed elsewhere in the tree (a jump link here) counts once, without the
    claims below it, so nothing is counted twice.
    """
    backing: dict[str, int] = {}
    nodes = list(shape.preorder())
    for node in reversed(nodes):  # children before parents
        backing[node] = sum(
            1 + (backing[b.node_id] if b.home else 0)
            for b in shape.children(node)
            if b.role in _BACKING
        )
    return {
        node: backing[node] - sum(1 for b in shape.children(node) if b.role not in _BACKING)
        for node in nodes
    }


def scheme_of(debate: Debate, node_id: str, catalogue: Mapping[str, Scheme]) -> Scheme | None:
    """The argumentation scheme of an argument, whose critical questions a seminar can ask."""
    argument = debate.arguments.get(node_id)
    if argument is None or argument.scheme is None:
        return None
    return catalogue.get(argument.scheme)


def _question_children(branches: tuple[Branch, ...], strength: dict[str, int]) -> list[str]:
    pros = _ranked([b for b in branches if b.role in _BACKING], strength)
    cons = _ranked([b for b in branches if b.role not in _BACKING], strength)
    alternating: list[str] = []
    for index in range(max(len(pros), len(cons))):
        alternating.extend(pros[index : index + 1])
        alternating.extend(cons[index : index + 1])
    return alternating


def _claim_children(branches: tuple[Branch, ...], strength: dict[str, int]) -> list[str]:
    premises = [b.node_id for b in branches if b.home and b.role is Role.PREMISE]
    objections = _ranked([b for b in branches if b.role not in _BACKING], strength)
    support = _ranked([b for b in branches if b.role is Role.SUPPORTS], strength)
    return [*premises, *objections, *support]


def _ranked(branches: list[Branch], strength: dict[str, int]) -> list[str]:
    homes = [b.node_id for b in branches if b.home]
    return sorted(homes, key=lambda node: -strength[node])  # sorted() is stable: ties in order
