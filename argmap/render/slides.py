"""A slide deck of a debate: an overview, then a page for each line of argument.

The overview shows the question and its top-level reasons, each badged with what lies
below it (``+5 below: 4 pro, 1 con``). Each top-level reason then gets a page with its own
reasons, as deep as fits in about :data:`SLIDE_BOXES` boxes and in type of at least
:data:`SLIDE_PT` on a 16:9 slide; wherever a page would need more, the claims at its edge are
badged and get pages of their own. Every page is titled with the path back to the question,
and every claim of the view is on at least one page. ``--focus``, ``--speaker``, ``--theme``
and ``--evaluate`` apply to every page, as the view they select is what the deck splits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from argmap.analysis.graph import DebateIndex
from argmap.model.debate import Debate, Side
from argmap.render.dot import drawing_for_view
from argmap.render.options import MapOptions
from argmap.render.renderers import Renderer, choose_renderer
from argmap.render.select import Below, View, select_view, tree_depths
from argmap.render.svg import Finished, finish

_ARROW = " \u203a "
"""Between the steps of a page's path back to the question (a single right angle quote)."""
SLIDE_BOXES = 15
"""At most this many claims on a page (a page's root always comes with all its reasons)."""
SLIDE_PT = 14.0
"""The smallest claim title a slide may show, in pt, fitted to its page."""
TITLE_PT = 12.0
"""The size a claim's title is drawn at before fitting (``argmap.render.dot.TITLE``)."""


@dataclass(frozen=True)
class Slide:
    """One page: the claims it shows (``view``) under ``root``, and the path to it."""

    path: tuple[str, ...]
    """Labels from the question down to the page's root."""
    view: View
    root: str
    levels: int


@dataclass(frozen=True)
class _Tree:
    children: dict[str, list[str]]
    parents: dict[str, str]
    below: dict[str, Below]
    context: frozenset[str]
    question: str


@dataclass(frozen=True)
class _Task:
    """A page still to be made: its root, the path to it, how deep it goes (None: as deep as
    fits in :data:`SLIDE_BOXES`) and which of the root's reasons it shows (None: all)."""

    root: str
    path: tuple[str, ...]
    levels: int | None = None
    only: tuple[str, ...] | None = None


def plan(debate: Debate, options: MapOptions, index: DebateIndex | None = None) -> list[Slide]:
    """The deck's pages, overview first, before any layout (no page is refitted)."""
    index = index or DebateIndex(debate)
    return [slide for slide, _ in _deck(debate, options, index, lambda slide: None)]


Fits = Callable[[Slide], "object | None"]
"""Lays a slide out; returns what to keep for it, or None when it fits, or ``False`` when its
type would be too small (the slide is then remade shallower or narrower)."""


def _deck(
    debate: Debate, options: MapOptions, index: DebateIndex, fits: Fits
) -> Iterator[tuple[Slide, object | None]]:
    """Pages in reading order: each page, then the pages of the claims badged on it."""
    tree = _tree(debate, options, index)
    start = options.focus or debate.question.id
    label = debate.label_of
    pending = [_Task(start, (label(start),), levels=1)]
    pending += [
        _Task(child, (label(start), label(child))) for child in tree.children.get(start, [])
    ]
    while pending:
        task = pending.pop(0)
        levels = task.levels if task.levels is not None else _levels_that_fit(tree, task.root)
        slide = _slide(debate, tree, task.root, task.path, levels, task.only)
        kept = fits(slide)
        if kept is False:
            shown = list(task.only or tree.children.get(task.root, []))
            if levels > 1:
                pending.insert(0, replace(task, levels=levels - 1))
                continue
            if len(shown) > 1:  # one level, too many reasons: half of them a page
                half = (len(shown) + 1) // 2
                pending[:0] = [
                    replace(task, levels=1, only=tuple(shown[:half])),
                    replace(task, levels=1, only=tuple(shown[half:])),
                ]
                continue
        yield slide, kept
        if task.levels == 1 and task.root == start:
            continue  # the overview: its reasons already have their pages queued
        pending[:0] = [
            _Task(edge, (*task.path, *_between(debate, tree, task.root, edge), label(edge)))
            for edge in slide.view.below
        ]


def _tree(debate: Debate, options: MapOptions, index: DebateIndex) -> _Tree:
    base = select_view(debate, replace(options, everything=True), index)
    keep = set(base.shown)
    start = options.focus or debate.question.id
    depth, parents = tree_depths(debate, index, start, keep)
    order = {node: n for n, node in enumerate(debate.node_ids())}
    children: dict[str, list[str]] = {}
    for node in sorted(parents, key=order.__getitem__):
        children.setdefault(parents[node], []).append(node)
    orphans = [n for n in sorted(keep - set(parents) - {start}, key=order.__getitem__)]
    children.setdefault(start, []).extend(orphans)  # not linked to the start: top level
    below: dict[str, Below] = {}
    sides = index.sides
    for node in sorted(depth, key=lambda n: -depth[n]):  # children before their parents
        total, pro, con = 0, 0, 0
        for child in children.get(node, []):
            under = below.get(child, Below(0, 0, 0))
            side = sides.get(child)
            total += 1 + under.total
            pro += under.pro + (side is Side.PRO)
            con += under.con + (side is Side.CON)
        if total:
            below[node] = Below(total, pro, con)
    return _Tree(children, parents, below, base.context, debate.question.id)


def _between(debate: Debate, tree: _Tree, root: str, node: str) -> tuple[str, ...]:
    """The labels of the claims strictly between ``root`` and ``node`` on the tree."""
    chain = []
    current = tree.parents.get(node)
    while current is not None and current != root:
        chain.append(debate.label_of(current))
        current = tree.parents.get(current)
    return tuple(reversed(chain))


def _levels_that_fit(tree: _Tree, root: str) -> int:
    count, levels, frontier = 0, 0, [root]
    while True:
        following = [c for node in frontier for c in tree.children.get(node, [])]
        if not following or (levels >= 1 and count + len(following) > SLIDE_BOXES - 1):
            return max(levels, 1)
        count += len(following)
        levels += 1
        frontier = following


def _slide(
    debate: Debate,
    tree: _Tree,
    root: str,
    path: tuple[str, ...],
    levels: int,
    only: tuple[str, ...] | None = None,
) -> Slide:
    shown: set[str] = {root}
    below: dict[str, Below] = {}
    frontier = [root]
    for level in range(levels + 1):
        following = []
        for node in frontier:
            kids = tree.children.get(node, [])
            if level == 0 and only is not None:
                kids = list(only)
            if level == levels:
                if kids:
                    below[node] = tree.below[node]
            else:
                following += kids
        shown.update(following)
        frontier = following
    context = set(tree.context & shown)
    for relation in debate.relations.values():  # an undercut needs the link it lands on
        link = debate.relations.get(relation.target)
        if relation.source in shown and link is not None:
            missing = {link.source, link.target} - shown
            shown |= missing
            context |= missing  # greyed: drawn only to carry the link
    order = [n for n in debate.node_ids() if n in shown]
    view = View(
        tuple(order),
        frozenset(context),
        None,
        tree.question in shown,
        below=below,
    )
    return Slide(path, view, root, levels)


def render_slides(
    debate: Debate,
    options: MapOptions = MapOptions(),  # noqa: B008 - frozen
    renderer: str | Renderer = "auto",
) -> list[Finished]:
    """Each page of the deck, laid out and fitted to ``options.page`` (16:9 by default).

    A page whose claim titles would come out smaller than :data:`SLIDE_PT` is drawn one level
    shallower, its edge claims getting pages of their own.
    """
    index = DebateIndex(debate)
    engine = choose_renderer(renderer) if isinstance(renderer, str) else renderer
    page_options = replace(
        options,
        page=options.page or "16:9",
        direction="LR" if options.direction == "TB" else options.direction,
        focus=None,
        depth=None,
    )

    def fits(slide: Slide) -> object | None:
        drawing = drawing_for_view(debate, slide.view, page_options, index, compact=True)
        drawing.speakers = []  # boxes name their speakers; a key would halve the type
        raw = engine.render(drawing.dot, "svg")
        trial = finish(raw, drawing, debate, page_options, slide.view, heading=_heading(slide))
        if trial.scale * TITLE_PT < SLIDE_PT:
            return False
        return (drawing, raw)

    laid_out = [
        (slide, kept)
        for slide, kept in _deck(debate, options, index, fits)
        if isinstance(kept, tuple)
    ]
    total = len(laid_out)
    return [
        finish(raw, drawing, debate, page_options, slide.view, heading=_heading(slide, n, total))
        for n, (slide, (drawing, raw)) in enumerate(laid_out, start=1)
    ]


def _heading(slide: Slide, number: int = 0, total: int = 0) -> tuple[str, str]:
    return (_ARROW.join(slide.path), f"{number} / {total}")  # 0 / 0 measures the same
