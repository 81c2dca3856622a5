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

import re
from collections.abc import Mapping
from dataclasses import dataclass

from argmap.analysis.graph import DebateIndex
from argmap.analysis.tree import Branch, Role, TreeShape
from argmap.model.debate import Debate, RelationKind
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


@dataclass(frozen=True, slots=True)
class SchemeQuestions:
    """A scheme's critical questions for one argument: letters filled where the argument
    gives them, and what the other letters stand for."""

    scheme: Scheme
    questions: tuple[str, ...]
    """The critical questions, each bound letter replaced by “what it stands for here”."""
    pattern: str
    """The scheme's premises and conclusion, filled the same way: what the questions test."""
    legend: tuple[str, ...]
    """``C: the bad consequences its premises name``, for each letter left in the text."""


def scheme_questions(index: DebateIndex, node_id: str, scheme: Scheme) -> SchemeQuestions:
    """Fill ``scheme``'s letters from the argument ``node_id`` (see ``SchemeVariable``)."""
    debate = index.debate
    argument = debate.arguments[node_id]
    relations = [r for r in index.outgoing.get(node_id, ()) if r.target in debate.node_ids()]
    names = [debate.speakers[s].name for s in argument.speakers]
    target = f"“{debate.label_of(relations[0].target).rstrip('?.')}”" if relations else None
    supports = bool(relations) and relations[0].kind is RelationKind.SUPPORTS
    # An argument that attacks a claim concludes its opposite: the letter is explained, with
    # the claim named, rather than filled with the very claim it argues against.
    # Several speakers do not fit "How credible is E as an expert?": they are named instead.
    speaker = names[0] if len(names) == 1 else None
    found = {"speaker": speaker, "conclusion": target if supports else None}
    fills: dict[str, str] = {}
    notes: dict[str, str] = {}
    for letter, variable in scheme.variables.items():
        value = found.get(variable.from_) if variable.from_ else None
        if value is not None:
            fills[letter] = value
        elif variable.from_ == "conclusion" and target is not None:
            notes[letter] = f"against {target}"
        elif variable.from_ == "speaker" and names:
            notes[letter] = " or ".join(names)

    def fill(text: str) -> str:
        for letter, value in fills.items():
            text = re.sub(_letter(letter), value, text)
        return text

    pattern = " ".join(fill(p) for p in scheme.premises) + " So: " + fill(scheme.conclusion)
    questions = tuple(fill(q) for q in scheme.critical_questions)
    legend = tuple(
        f"{letter}: {variable.means}" + (f" (here: {notes[letter]})" if letter in notes else "")
        for letter, variable in scheme.variables.items()
        if letter not in fills and any(_has(letter, q) for q in (*questions, pattern))
    )
    return SchemeQuestions(scheme, questions, pattern, legend)


def _letter(letter: str) -> str:
    """A scheme letter as a word of its own (``E`` in "E's", not in "Each" or "E-mail")."""
    return rf"(?<![\w'\u2019-]){re.escape(letter)}(?![\w-])"


def _has(letter: str, text: str) -> bool:
    return re.search(_letter(letter), text) is not None


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
