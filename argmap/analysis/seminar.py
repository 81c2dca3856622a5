"""Seminar mode's teaching order: the sequence in which a class walks through a debate.

If the file has an ``order:`` list, that is the order, as written: the teacher knows best.
A claim the list leaves out (one added since, in the TUI or an editor) still reaches the room:
it comes right after the claim it answers, with its own replies after it (``argmap check``
warns about such claims, see :func:`unlisted`). Otherwise the order is built from the tree
(:class:`~argmap.analysis.tree.TreeShape`), depth first, so that each point is followed at
once by the replies to it:

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
        return _with_unlisted(debate.order, shape)
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


def unlisted(shape: TreeShape) -> list[str]:
    """Claims connected to the question that the file's ``order:`` list leaves out."""
    listed = set(shape.index.debate.order)
    if not listed:
        return []
    return [n for n in shape.preorder() if n not in listed and n in shape.index.reachable]


def _with_unlisted(order: tuple[str, ...], shape: TreeShape) -> tuple[str, ...]:
    """The file's order, each left-out claim placed after the claim it answers."""
    missing = unlisted(shape)
    if not missing:
        return order
    result = list(order)
    placed = set(order)
    for node in missing:  # in tree order, so a parent is placed before its replies
        parent = shape.parent(node)
        if parent is None or parent not in placed:
            result.append(node)
        else:
            at = result.index(parent) + 1
            while at < len(result) and _below(shape, result[at], parent, placed, order):
                at += 1
            result.insert(at, node)
        placed.add(node)
    return tuple(result)


def _below(
    shape: TreeShape, node: str, ancestor: str, placed: set[str], listed: tuple[str, ...]
) -> bool:
    """Is ``node`` a left-out claim already placed somewhere under ``ancestor``?"""
    if node in listed:
        return False
    while (node := shape.parent(node) or "") and node in placed:
        if node == ancestor:
            return True
    return False


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
