"""A large debate as layers the HTML map drills into: two levels at a time, `+N below`.

A map of 2,000 boxes reads as dust at any zoom that shows its shape, and folding branches in
place would leave the open claims scattered across the full layout's width. So above
:data:`LAYER_FROM` claims the page holds one small Graphviz map per *layer*: the top layer
shows the question and two levels below it; every claim on a layer's bottom row whose branch
goes deeper is the root of its own layer, reached by its ``+N below`` badge. Each claim is
drawn in full on exactly one layer (its *home*: the layer it roots, else the one it is on), so
the layouts together cost about what one whole map costs, and no layout is large.

Layers follow :class:`argmap.analysis.tree.TreeShape`, the tree the TUI shows, restricted to
the claims the view shows (``--focus``, ``--speaker``...). A claim whose tree parent is not in
the view starts a branch of the top layer.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.analysis.tree import TreeShape
from argmap.render.select import View

LAYER_FROM = 80
"""Maps with more claims than this are shown as layers; smaller ones as one whole map."""

LAYER_DEPTH = 2
"""How many levels below its root a layer shows."""

TOP = "top"
"""The top layer's name; the others are named by their root's id. Should a claim be called
``top``, the top layer becomes ``"top "``: ids never hold a space."""


@dataclass(frozen=True)
class Layer:
    """One map of the page: ``view`` to lay out, what each ``+N below`` badge opens."""

    name: str
    view: View
    parent: str | None
    badges: dict[str, int]
    """Claim on this layer → how many claims its own layer and those below it hold."""


def layers(view: View, tree: TreeShape, question: str) -> list[Layer]:
    """The layers of ``view``: one whole map when it is small, else the drill-down."""
    if view.claim_count <= LAYER_FROM:
        return [Layer(TOP, view, None, {})]
    top = TOP if TOP not in view else TOP + " "

    def children(node: str) -> list[str]:
        return [b.node_id for b in tree.children(node) if b.home and b.node_id in view]

    below: dict[str, int] = {}
    for node in reversed(list(tree.preorder())):  # children before their parents
        if node in view:
            below[node] = sum(1 + below[c] for c in children(node))
    starts = [question] if question in view else []
    starts += [n for n in view.shown if n != question and tree.parent(n) not in view]
    result: list[Layer] = []
    queue: list[tuple[str, list[str], str | None]] = [(top, starts, None)]
    while queue:
        name, roots, parent = queue.pop(0)
        members: set[str] = set()
        level = roots
        for depth in range(LAYER_DEPTH + 1):
            members.update(level)
            if depth < LAYER_DEPTH:
                level = [c for node in level for c in children(node)]
        deeper = [n for n in level if children(n)]
        badges = {n: below[n] for n in deeper}
        shown = tuple(n for n in view.shown if n in members)
        focus = view.focus if view.focus in members else None
        layer_view = View(shown, view.context & members, focus, question in members)
        result.append(Layer(name, layer_view, parent, badges))
        queue.extend((n, [n], name) for n in deeper)
    return result


def home_layers(found: list[Layer]) -> dict[str, str]:
    """Each drawn claim → the layer that shows it with what lies below it."""
    home: dict[str, str] = {}
    for layer in found:
        for node in layer.view.shown:
            home.setdefault(node, layer.name)
    for layer in found[1:]:
        home[layer.name] = layer.name
    return home
