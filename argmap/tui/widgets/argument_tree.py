"""The argument tree: the question, its pros and cons, their replies, loaded as nodes open.

The shape (which claim goes where, which places are jump links) comes from
:class:`~argmap.analysis.tree.TreeShape`; this widget only draws it. Each line shows the
claim's side on the question by colour *and* symbol (``✚`` pro, ``✖`` con, ``●`` neutral), so
it reads in monochrome too, then a short text, the speaker, and, while a node is closed, how
many lines it hides (``+3``).

Attributes down: :meth:`show` a view, set :attr:`marked` (claims to highlight) and
:attr:`labels` (a badge per claim id, e.g. an argumentation label such as ``in``). Messages
up: :class:`~argmap.tui.messages.ClaimHighlighted` as the cursor moves and
:class:`~argmap.tui.messages.JumpRequested` when a jump link is followed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Literal

from rich.style import Style
from rich.text import Text
from textual import events, on
from textual.reactive import var
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from argmap.model.inline import plain
from argmap.tui import keys
from argmap.tui.format import NO_LABELS, QUESTION_MARK, SYMBOLS
from argmap.tui.messages import ClaimHighlighted, JumpRequested

if TYPE_CHECKING:
    from argmap.analysis.tree import Branch
    from argmap.tui.view import DebateView

LINK_SYMBOL = "↪"

_ROLE_WORDS: Mapping[str, str] = {
    "premise": "premise",
    "contradicts": "contradicts",
    "undercuts": "undercuts",
}
"""How a line bears on its parent, where side and position alone do not say it (``Role``)."""


_SPEAKER_WIDTH = 22
_MIN_TEXT = 16
_ROOMY = 24
"""Below this many cells for the text, the speaker is left out of the line."""


@dataclass(frozen=True, slots=True)
class Place:
    """What a tree line stands for: a claim at its home, a jump link, or the orphans group."""

    node_id: str
    kind: Literal["claim", "link", "group"]
    branch: Branch | None = None


class ArgumentTree(Tree[Place]):
    """The debate as an expandable tree; see the module docstring."""

    BINDINGS: ClassVar = keys.TREE
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "argument-tree--pro",
        "argument-tree--con",
        "argument-tree--neutral",
        "argument-tree--question",
        "argument-tree--role",
        "argument-tree--speaker",
        "argument-tree--count",
        "argument-tree--link",
        "argument-tree--marked",
        "argument-tree--badge",
    }

    marked: var[frozenset[str]] = var(frozenset())
    """Claim ids to highlight (search results, a speaker's claims)."""

    labels: var[Mapping[str, str]] = var(NO_LABELS)
    """A short badge per claim id, shown after its text; empty by default (extension point)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("debate", id=id)
        self.show_root = False
        self.guide_depth = 3
        self.auto_expand = False
        self.view: DebateView | None = None
        self._placed: dict[str, list[TreeNode[Place]]] = {}
        self._loaded: set[int] = set()
        """Tree node ids whose children have been added (children load when a node opens)."""

    # -- attributes down --------------------------------------------------------------------

    def show(
        self, view: DebateView, *, expanded: Iterable[str] = (), place: tuple[str, ...] = ()
    ) -> None:
        """Draw ``view``, reopening the claims in ``expanded``, the cursor at ``place`` (a path
        of claim ids, as :attr:`cursor_path` gives; the question when empty).

        Used for the first load and for every reload, so a reload keeps what the reader had
        open wherever those claims still exist. (A view that is the shown one plus one new
        leaf claim needs only :meth:`grow`.)
        """
        self.view = view
        self.clear()
        self._placed.clear()
        self._loaded.clear()
        shape = view.shape
        question = self._add(self.root, Place(shape.root, "claim"))
        if shape.orphans:
            group = self.root.add("", Place("", "group"), allow_expand=True)
            self._loaded.add(group.id)
            for orphan in shape.orphans:
                self._add(group, Place(orphan, "claim"))
            self._relabel(group)
        self._expand(question)
        for node_id in expanded:
            if view.has(node_id) and (node := self._reveal_path(node_id)) is not None:
                self._expand(node)
        if not (place and self.reveal_place(place)):
            self.reveal(shape.root)
        if self.cursor_node is not None:
            # The cursor may stay on the same line, which Tree does not announce; the claim
            # there is from the new version and must be shown again.
            self._announce(self.cursor_node)

    def grow(self, view: DebateView) -> bool:
        """Show ``view`` by adding its one new claim, if it is the shown view plus one leaf
        (False, and nothing changed, otherwise).

        The new line goes under its parent's home, where the analysis tree orders it; the
        parent's lines are relabelled (its reply count); what is open, the cursor and the
        scroll stay. On a large debate this is what keeps Enter in the capture form fast: a
        full :meth:`show` rebuilds every loaded line.
        """
        growth = view.growth
        if growth is None or self.view is None or growth.base() is not self.view:
            return False
        self.view = view
        leaf, parent = growth.leaf, growth.parent
        for node in self._placed.get(parent, ()):
            if node.data is not None and node.data.kind == "claim":
                if node.id in self._loaded:
                    branches = view.shape.children(parent)
                    at = next(i for i, b in enumerate(branches) if b.node_id == leaf)
                    place = Place(leaf, "claim", branches[at])
                    child = node.add("", place, before=at, allow_expand=False)
                    self._placed.setdefault(leaf, []).append(child)
                    self._relabel(child)
                if not node.allow_expand:
                    node.allow_expand = True
            self._relabel(node)
        if self.cursor_node is not None:
            self._announce(self.cursor_node)  # its pane may count the new reply
        return True

    def reveal(self, node_id: str) -> bool:
        """Open the path to ``node_id``'s home and put the cursor there. False if unknown."""
        node = self._reveal_path(node_id)
        if node is None:
            return False
        # Opening nodes invalidates line numbers; reading last_line rebuilds them, so the
        # cursor lands on the node's new line rather than a stale one.
        _ = self.last_line
        self.move_cursor(node)
        self.scroll_to_node(node, animate=False)
        return True

    def reveal_place(self, path: tuple[str, ...]) -> bool:
        """Put the cursor on the line at ``path`` (claim ids from the top), through jump links
        too; if that line is gone (after a reload), on the last claim's home."""
        node = self._walk_place(path)
        if node is None:
            return self.reveal(path[-1]) if path else False
        _ = self.last_line
        self.move_cursor(node)
        self.scroll_to_node(node, animate=False)
        return True

    def _walk_place(self, path: tuple[str, ...]) -> TreeNode[Place] | None:
        if self.view is None or not path:
            return None
        node = self._home_of(path[0])
        if node is None:
            return None
        if node.parent is not None and node.parent is not self.root:
            self._expand(node.parent)  # the orphans group
        for child_id in path[1:]:
            self._expand(node)
            matches = [c for c in node.children if c.data and c.data.node_id == child_id]
            if not matches:
                return None
            # A claim at its home rather than a jump link to it, should it appear twice.
            node = next((c for c in matches if c.data and c.data.kind == "claim"), matches[0])
        return node

    def reveal_all(self, node_ids: Iterable[str]) -> None:
        """Open the paths to all these claims, so that each of them is on screen."""
        for node_id in node_ids:
            self._reveal_path(node_id)

    def open_only(self, node_ids: Iterable[str]) -> None:
        """Close every claim not in ``node_ids`` and open those that are (and their paths):
        put the tree back as a reader had it, after a search opened branches to preview."""
        keep = set(node_ids)
        for nodes in self._placed.values():
            for node in nodes:
                if node.is_expanded and node.data is not None and node.data.node_id not in keep:
                    node.collapse()
        for node_id in keep:
            if (home := self._reveal_path(node_id)) is not None:
                self._expand(home)

    def collapse_all(self) -> None:
        """Close everything below the question; the cursor goes to the top-level claim
        it was under."""
        if self.view is None:
            return
        place = self.cursor_path[:2]
        self.open_only([self.view.shape.root])
        for group in self.root.children:
            if group.data is not None and group.data.kind == "group":
                group.collapse()
        if place:
            self.reveal_place(place)

    def expand_all(self) -> None:
        """Open every claim's home (jump links have nothing of their own to open)."""
        if self.view is None:
            return
        pending = list(self.root.children)
        while pending:
            node = pending.pop()
            if node.allow_expand:
                self._expand(node)
                pending.extend(node.children)
        if self.cursor_node is not None:
            self.scroll_to_node(self.cursor_node, animate=False)

    def expanded_ids(self) -> set[str]:
        """The claims whose home node is open: what :meth:`show` can reopen after a reload."""
        return {
            node.data.node_id
            for nodes in self._placed.values()
            for node in nodes
            if node.data is not None and node.data.kind == "claim" and node.is_expanded
        }

    @property
    def cursor_claim(self) -> str | None:
        """The claim id on the cursor line (a jump link's claim too); None on the group line."""
        node = self.cursor_node
        if node is None or node.data is None or node.data.kind == "group":
            return None
        return node.data.node_id

    @property
    def cursor_path(self) -> tuple[str, ...]:
        """Claim ids from the top of the tree down to the cursor line."""
        node = self.cursor_node
        return _path_of(node) if node is not None and self.cursor_claim is not None else ()

    def watch_marked(self, old: frozenset[str], new: frozenset[str]) -> None:
        self._relabel_ids(old ^ new)

    def watch_labels(self, old: Mapping[str, str], new: Mapping[str, str]) -> None:
        # A what-if changes a few claims' labels: only their lines are drawn again.
        self._relabel_ids({i for i in old.keys() | new.keys() if old.get(i) != new.get(i)})

    # -- building lines -----------------------------------------------------------------------

    def _add(self, parent: TreeNode[Place], place: Place) -> TreeNode[Place]:
        assert self.view is not None
        has_children = place.kind == "claim" and bool(self.view.shape.children(place.node_id))
        node = parent.add("", place, allow_expand=has_children)
        self._placed.setdefault(place.node_id, []).append(node)
        self._relabel(node)
        return node

    def _load_children(self, node: TreeNode[Place]) -> None:
        """Add a node's children the first time it opens: large debates load lazily."""
        if node.id in self._loaded or node.data is None or self.view is None:
            return
        if node.data.kind != "claim":  # a jump link has no children of its own
            return
        self._loaded.add(node.id)
        for branch in self.view.shape.children(node.data.node_id):
            kind: Literal["claim", "link"] = "claim" if branch.home else "link"
            self._add(node, Place(branch.node_id, kind, branch))

    def _expand(self, node: TreeNode[Place]) -> None:
        self._load_children(node)
        if not node.is_expanded:
            node.expand()
        self._relabel(node)

    def _reveal_path(self, node_id: str) -> TreeNode[Place] | None:
        """Open every ancestor of ``node_id``'s home; return the home's tree node."""
        if self.view is None or not self.view.has(node_id):
            return None
        return self._walk_place(tuple(self.view.shape.path(node_id)))

    def _home_of(self, node_id: str) -> TreeNode[Place] | None:
        for node in self._placed.get(node_id, ()):
            if node.data is not None and node.data.kind == "claim":
                return node
        return None

    # -- labels -------------------------------------------------------------------------------

    def _relabel_all(self) -> None:
        for nodes in self._placed.values():
            for node in nodes:
                self._relabel(node)
        for node in self.root.children:
            if node.data is not None and node.data.kind == "group":
                self._relabel(node)

    def _relabel_ids(self, node_ids: Iterable[str]) -> None:
        """Relabel every line of these claims (homes and jump links)."""
        for node_id in node_ids:
            for node in self._placed.get(node_id, ()):
                self._relabel(node)

    def _relabel(self, node: TreeNode[Place]) -> None:
        node.set_label(self._label(node))

    def _label(self, node: TreeNode[Place]) -> Text:
        place, view = node.data, self.view
        if place is None or view is None:
            return Text()
        if place.kind == "group":
            return Text(
                f"Not connected to the question ({len(view.shape.orphans)})",
                style=self._style("neutral") + Style(italic=True),
            )
        debate = view.debate
        text = Text(no_wrap=True, overflow="ellipsis")
        marked = place.node_id in self.marked
        if place.node_id == debate.question.id:
            text.append(f"{QUESTION_MARK[0]} ", self._style("question"))
            text.append(plain(debate.label_of(place.node_id)), self._style("question"))
            if badge := self.labels.get(place.node_id):
                text.append(f" [{badge}]", self._style("badge"))
            if node.allow_expand and not node.is_expanded:
                text.append(f" +{len(view.shape.children(place.node_id))}", self._style("count"))
            return text
        side = view.side_of(place.node_id)
        if place.kind == "link":
            text.append(f"{LINK_SYMBOL} ", self._style("link"))
        text.append(f"{SYMBOLS[side]} ", self._style(str(side)))
        if place.branch is not None and place.branch.role in _ROLE_WORDS:
            text.append(f"{_ROLE_WORDS[place.branch.role]}: ", self._style("role"))
        if place.node_id in debate.arguments:
            text.append("argument: ", self._style("role"))
        room = self._room(node) - text.cell_len
        full = " ".join(plain(debate.label_of(place.node_id)).split())
        suffix = self._suffix(node, place, view, speaker=True)
        if len(full) > room - suffix.cell_len and room - suffix.cell_len < _ROOMY:
            # A narrow line and a long text: the text matters more than who said it.
            suffix = self._suffix(node, place, view, speaker=False)
        label = _shorten(full, max(_MIN_TEXT, room - suffix.cell_len))
        style = self._style("link") if place.kind == "link" else Style()
        text.append(label, style + (self._style("marked") if marked else Style()))
        text.append_text(suffix)
        return text

    def _suffix(
        self, node: TreeNode[Place], place: Place, view: DebateView, *, speaker: bool
    ) -> Text:
        suffix = Text()
        badge = self.labels.get(place.node_id)
        if badge:
            suffix.append(f" [{badge}]", self._style("badge"))
        names = view.speaker_names(place.node_id) if speaker else []
        if names:
            # "& 1 more", not "+1": the "+3" after it counts hidden replies.
            who = names[0] if len(names) == 1 else f"{names[0]} & {len(names) - 1} more"
            suffix.append(f" · {_shorten(who, _SPEAKER_WIDTH)}", self._style("speaker"))
        if place.kind == "claim" and node.allow_expand and not node.is_expanded:
            count = len(view.shape.children(place.node_id))
            suffix.append(f" +{count}", self._style("count"))
        return suffix

    def _room(self, node: TreeNode[Place]) -> int:
        """Cells left for the label on this line, after guides and the open/close icon."""
        depth, parent = 0, node.parent
        while parent is not None and parent is not self.root:
            depth, parent = depth + 1, parent.parent
        width = self.scrollable_content_region.width or 60
        return width - depth * self.guide_depth - 2

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"argument-tree--{name}", partial=True)

    # -- events -------------------------------------------------------------------------------

    def on_mount(self) -> None:
        # Lines hold styles resolved when they were drawn: a new theme means drawing them again.
        self.app.theme_changed_signal.subscribe(self, lambda _: self._relabel_all())

    def _on_resize(self, event: events.Resize) -> None:
        super()._on_resize(event)
        self._relabel_all()
        # A smaller window (or the panes stacking) must not leave the cursor out of sight.
        self.call_after_refresh(self._keep_cursor_in_view)

    def _keep_cursor_in_view(self) -> None:
        if self.cursor_node is not None:
            self.scroll_to_node(self.cursor_node, animate=False)

    @on(Tree.NodeExpanded)
    def _node_opened(self, event: Tree.NodeExpanded[Place]) -> None:
        event.stop()
        self._load_children(event.node)
        self._relabel(event.node)

    @on(Tree.NodeCollapsed)
    def _node_closed(self, event: Tree.NodeCollapsed[Place]) -> None:
        event.stop()
        self._relabel(event.node)

    def watch_cursor_line(self, previous_line: int, line: int) -> None:
        # Announce the claim straight from the cursor move rather than from Tree's own
        # NodeHighlighted message: one message hop fewer, so the detail pane is redrawn in
        # the same frame as the cursor.
        previous = self.cursor_node
        super().watch_cursor_line(previous_line, line)
        if self.cursor_node is not None and self.cursor_node is not previous:
            self._announce(self.cursor_node)

    @on(Tree.NodeHighlighted)
    def _node_highlighted(self, event: Tree.NodeHighlighted[Place]) -> None:
        event.stop()  # announced already, by watch_cursor_line

    def _announce(self, node: TreeNode[Place]) -> None:
        place = node.data
        if place is None or place.kind == "group":
            return
        # Straight to the screen rather than bubbling through the containers in between,
        # which have no use for it: the screen then updates the detail pane before the next
        # frame, and the cursor and the new claim appear together (see bench/bench_tui.py).
        self.screen.post_message(ClaimHighlighted(place.node_id, _path_of(node)))

    @on(Tree.NodeSelected)
    def _node_selected(self, event: Tree.NodeSelected[Place]) -> None:
        event.stop()
        place = event.node.data
        if place is not None and place.kind == "link":
            self.post_message(JumpRequested(place.node_id))
        elif event.node.allow_expand:
            self._toggle(event.node)

    def _toggle(self, node: TreeNode[Place]) -> None:
        if node.is_expanded:
            node.collapse()
        else:
            self._expand(node)

    # -- actions (vim-style keys) ------------------------------------------------------------

    def action_open(self) -> None:
        """Open the node under the cursor; on an open node, go to its first child."""
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and not node.is_expanded:
            self._expand(node)
        elif node.is_expanded and node.children:
            self.move_cursor(node.children[0])

    def action_collapse_all(self) -> None:
        self.collapse_all()

    def action_expand_all(self) -> None:
        self.expand_all()

    def action_close(self) -> None:
        """Close the node under the cursor; on a closed node, go to its parent."""
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and node.is_expanded:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)


def _path_of(node: TreeNode[Place]) -> tuple[str, ...]:
    path: list[str] = []
    step: TreeNode[Place] | None = node
    while step is not None and step.data is not None:
        if step.data.kind != "group":
            path.append(step.data.node_id)
        step = step.parent
    return tuple(reversed(path))


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(1, width - 1)].rstrip() + "…"
