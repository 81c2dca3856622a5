"""Which claims a map shows: the whole debate, a neighbourhood, or some speakers' positions.

Selection is separate from drawing so that the CLI can count a view before deciding whether a
layout is worth running, and so that unknown ids are reported before any work is done.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from argmap.analysis.graph import DebateIndex
from argmap.io.diagnostics import did_you_mean
from argmap.model.debate import Debate, RelationKind, Side
from argmap.render.errors import RenderError
from argmap.render.options import DIRECTIONS, EVALUATION_LABELS, GROUP_BY, THEMES, MapOptions

_LISTED_IDS = 40
"""Valid ids are listed in an error only up to this many; beyond, `argmap outline` lists them."""

READABLE_CLAIMS = 150
"""Above this many claims a map shows the top of the debate, down to the depth that fits,
with a ``+N below`` badge on each claim whose reasons are left out: an A2 poster holds about
this many boxes at a readable size, and Graphviz's ``dot`` lays it out in about a second.
``MapOptions.everything`` (``--all``) draws every claim instead."""


@dataclass(frozen=True)
class Below:
    """What a view leaves out under one claim: how many claims, and how many on each side."""

    total: int
    pro: int
    con: int

    def badge(self) -> str:
        sides = [f"{n} {word}" for n, word in ((self.pro, "pro"), (self.con, "con")) if n]
        return f"+{self.total} below" + (f": {', '.join(sides)}" if sides else "")


@dataclass(frozen=True)
class View:
    """The nodes a map draws, in debate order, and which of them are only context (greyed)."""

    shown: tuple[str, ...]
    context: frozenset[str]
    focus: str | None
    has_question: bool
    below: Mapping[str, Below] = field(default_factory=dict, compare=False)
    """Claims with reasons left out of the view, and what was left out."""
    cut_depth: int | None = None
    """When the view was cut to fit (:data:`READABLE_CLAIMS`): the depth it shows."""
    total_claims: int = 0
    members: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "members", frozenset(self.shown))

    def __contains__(self, node_id: object) -> bool:
        return node_id in self.members

    @property
    def claim_count(self) -> int:
        """Statements and arguments drawn (the question does not count)."""
        return len(self.shown) - self.has_question


def check_options(debate: Debate, options: MapOptions) -> None:
    """Raise :class:`RenderError` naming the valid choices for any unknown id or value."""
    nodes = list(debate.node_ids())
    if options.focus is not None and options.focus not in nodes:
        raise RenderError(
            f"unknown claim id {options.focus!r} for --focus", _id_hint(options.focus, nodes)
        )
    if options.depth is not None and options.depth < 0:
        raise RenderError(f"--depth must be 0 or more, not {options.depth}")
    for speaker in options.speakers:
        if speaker not in debate.speakers:
            listed = ", ".join(debate.speakers) or "(this debate names no speakers)"
            close = did_you_mean(speaker, debate.speakers)
            raise RenderError(
                f"unknown speaker {speaker!r}",
                " ".join(filter(None, [close, f"speakers: {listed}"])),
            )
    for name, value, valid in (
        ("group-by", options.group_by, GROUP_BY),
        ("direction", options.direction, DIRECTIONS),
        ("theme", options.theme, THEMES),
    ):
        if value not in valid:
            raise RenderError(f"unknown {name} {value!r}", f"choose one of: {', '.join(valid)}")
    for node_id, label in (options.labels or {}).items():
        if label not in EVALUATION_LABELS:
            raise RenderError(
                f"label {label!r} for {node_id!r} is not one of {', '.join(EVALUATION_LABELS)}"
            )


def _id_hint(wrong: str, nodes: list[str]) -> str:
    close = did_you_mean(wrong, nodes)
    if len(nodes) <= _LISTED_IDS:
        listing = f"ids: {', '.join(nodes)}"
    else:
        listing = "`argmap outline FILE` lists every id"
    return " ".join(filter(None, [close, listing]))


def select_view(debate: Debate, options: MapOptions, index: DebateIndex | None = None) -> View:
    """The view ``options`` ask for; raises :class:`RenderError` for unknown ids."""
    check_options(debate, options)
    index = index or DebateIndex(debate)
    question = debate.question.id
    keep = set(debate.node_ids())
    if options.focus is not None or options.depth is not None:
        keep = _neighbourhood(debate, options.focus or question, options.depth)
    context: set[str] = set()
    if options.speakers:
        wanted = set(options.speakers)
        own = {
            node.id
            for node in (*debate.statements.values(), *debate.arguments.values())
            if wanted & {*node.speakers, *node.conceded_by}
        }
        linked = _with_paths_to_question(debate, index, own)
        keep &= linked
        context = linked - own - {question}
    total = len(keep) - (question in keep)
    if options.everything or total <= READABLE_CLAIMS:
        shown = tuple(node for node in debate.node_ids() if node in keep)
        return View(shown, frozenset(context & keep), options.focus, question in keep)
    start = options.focus or question
    depth, parents = tree_depths(debate, index, start, keep)
    cut = _depth_that_fits(depth, READABLE_CLAIMS)
    kept = {node for node, d in depth.items() if d <= cut}
    shown = tuple(node for node in debate.node_ids() if node in kept)
    below = _below(parents, depth, cut, index)
    return View(
        shown,
        frozenset(context & kept),
        options.focus,
        question in kept,
        below=below,
        cut_depth=cut,
        total_claims=total,
    )


def tree_depths(
    debate: Debate, index: DebateIndex, start: str, keep: set[str]
) -> tuple[dict[str, int], dict[str, str]]:
    """Steps from ``start`` outwards (reasons, premises, undercutters) within ``keep``, and
    each node's parent on that breadth-first tree."""
    depth = {start: 0}
    parents: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for child, _needs in _children(debate, index, node):
            if child in keep and child not in depth:
                depth[child] = depth[node] + 1
                parents[child] = node
                queue.append(child)
    for node in keep - depth.keys():  # not linked to the start: drawn with the top level
        depth[node] = 1
    return depth, parents


def _depth_that_fits(depth: Mapping[str, int], limit: int) -> int:
    """The deepest level whose claims, with all above it, number at most ``limit`` (at least 1)."""
    per_level: dict[int, int] = {}
    for d in depth.values():
        per_level[d] = per_level.get(d, 0) + 1
    shown, cut = 0, 1
    for level in sorted(per_level):
        shown += per_level[level] - (level == 0)
        if level > 1 and shown > limit:
            break
        cut = level
    return max(cut, 1)


def _below(
    parents: Mapping[str, str], depth: Mapping[str, int], cut: int, index: DebateIndex
) -> dict[str, Below]:
    """For each claim at the cut, the claims under it on the tree that the view leaves out."""
    counts: dict[str, list[int]] = {}
    sides = index.sides
    anchor: dict[str, str] = {}
    for node in sorted(depth, key=depth.__getitem__):  # parents before their children
        parent = parents.get(node)
        if depth[node] <= cut or parent is None:
            anchor[node] = node
            continue
        anchor[node] = anchor[parent]
        tally = counts.setdefault(anchor[node], [0, 0, 0])
        tally[0] += 1
        side = sides.get(node)
        tally[1] += side is Side.PRO
        tally[2] += side is Side.CON
    return {node: Below(*tally) for node, tally in counts.items()}


def _adjacent(debate: Debate) -> dict[str, list[str]]:
    """Undirected neighbours: relations, premises, and an undercut's link ends."""
    neighbours: dict[str, list[str]] = {node: [] for node in debate.node_ids()}

    def link(a: str, b: str) -> None:
        neighbours[a].append(b)
        neighbours[b].append(a)

    for relation in debate.relations.values():
        target = debate.relations.get(relation.target)
        if target is None:
            link(relation.source, relation.target)
        else:
            link(relation.source, target.source)
            link(relation.source, target.target)
    for argument in debate.arguments.values():
        for premise in argument.premises:
            link(premise, argument.id)
    return neighbours


def _neighbourhood(debate: Debate, start: str, depth: int | None) -> set[str]:
    neighbours = _adjacent(debate)
    seen = {start: 0}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if depth is not None and seen[node] >= depth:
            continue
        for neighbour in neighbours[node]:
            if neighbour not in seen:
                seen[neighbour] = seen[node] + 1
                queue.append(neighbour)
    return set(seen)


def _with_paths_to_question(debate: Debate, index: DebateIndex, own: set[str]) -> set[str]:
    """``own`` plus, for each, a shortest chain of nodes linking it to the question.

    A linked argument brings all its premises (they support only together), and an undercut
    brings both ends of the arrow it lands on.
    """
    question = debate.question.id
    via: dict[str, tuple[str, ...]] = {question: ()}
    queue = deque([question])
    while queue:
        node = queue.popleft()
        for child, needs in _children(debate, index, node):
            if child not in via:
                via[child] = needs
                queue.append(child)
    result = {question}
    stack = list(own)
    while stack:
        node = stack.pop()
        if node in result:
            continue
        result.add(node)
        stack.extend(via.get(node, ()))
        argument = debate.arguments.get(node)
        if argument is not None:
            stack.extend(argument.premises)
    return result


def _children(
    debate: Debate, index: DebateIndex, node: str
) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Nodes one step further from the question than ``node``, with what each needs shown."""
    for relation in index.incoming.get(node, ()):
        yield relation.source, (node,)
    for relation in index.outgoing.get(node, ()):
        if relation.kind is RelationKind.CONTRADICTS:
            yield relation.target, (node,)
        for undercut in index.undercutters(relation.id):
            yield undercut.source, (relation.source, relation.target)
    argument = debate.arguments.get(node)
    if argument is not None:
        for premise in argument.premises:
            yield premise, (node,)
