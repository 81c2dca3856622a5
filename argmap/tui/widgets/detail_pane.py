"""The detail pane: everything about the selected claim, and links to every claim it touches.

Top to bottom: side and kind, the full text, the speaker card(s), verbatim quotes with their
source and date, the evidence basis and tags, then every relation in or out as a selectable
link (Enter or a click jumps there), then notes, discussion questions and, for an argument
with a scheme, the scheme's critical questions.

Attributes down: :meth:`show` a claim of a view, :attr:`labels` (badges, see
:class:`~argmap.tui.widgets.argument_tree.ArgumentTree`). Message up:
:class:`~argmap.tui.messages.JumpRequested` when a link is chosen.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.reactive import var
from textual.widgets import Static

from argmap.model.inline import plain
from argmap.tui.format import (
    HEADING,
    MUTED,
    NO_LABELS,
    critical_questions,
    hanging,
    heading,
    join_blocks,
    numbered,
    prose,
    quote_block,
    side_badge,
    side_mark,
    source_line,
    speaker_card,
)
from argmap.tui.messages import JumpRequested
from argmap.tui.weighing import value_line
from argmap.tui.widgets.breadcrumb import SEPARATOR
from argmap.tui.widgets.relation_links import RelationLinks

if TYPE_CHECKING:
    from argmap.analysis.tree import Link
    from argmap.model.debate import Debate
    from argmap.tui.view import DebateView


class DetailPane(VerticalScroll, can_focus=False):
    """The selected claim in full; see the module docstring."""

    labels: var[Mapping[str, str]] = var(NO_LABELS, init=False)
    """A badge per claim id (extension point: what-if labels); shown under the heading."""
    reasons: var[Mapping[str, str]] = var(NO_LABELS, init=False)
    """Why each defeated (``out``) claim or link is out: one sentence, shown under the badge."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view: DebateView | None = None
        self.node_id: str | None = None
        self._links: list[Link] = []
        self._width = 0
        self._drawn: dict[tuple[str, int | None], _Drawn] = {}
        """What each claim looks like at a width, until the view, labels or theme change:
        moving back and forth in the tree redraws a claim without building it again."""
        self._head = Static(id="detail-head")
        self._relations = RelationLinks(id="detail-links")
        self._tail = Static(id="detail-tail")

    def compose(self) -> ComposeResult:
        yield self._head
        yield self._relations
        yield self._tail

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _: self._forget())

    def show(self, view: DebateView, node_id: str) -> None:
        """Show ``node_id`` of ``view`` (a view is passed again after each reload)."""
        if view is not self.view:
            self._drawn.clear()
        self.view, self.node_id = view, node_id
        self._render_claim()

    def _forget(self) -> None:
        """Draw every claim afresh: the labels or the theme's colours changed."""
        self._drawn.clear()
        self._refresh_claim()

    def show_message(self, text: str) -> None:
        """A plain message instead of a claim (while loading, for instance)."""
        self._head.update(Content(text))
        self._relations.show_links([])
        self._tail.update("")

    def watch_labels(self) -> None:
        self._forget()

    def watch_reasons(self) -> None:
        self._forget()

    def _refresh_claim(self) -> None:
        if self.view is not None and self.node_id is not None:
            self._render_claim()

    @property
    def links(self) -> list[Link]:
        """The relation links shown, in order."""
        return list(self._links)

    def _render_claim(self) -> None:
        view, node_id = self.view, self.node_id
        if view is None or node_id is None or not view.has(node_id):
            return
        width = self._head.content_size.width or None  # None before the first layout
        drawn = self._drawn.get((node_id, width))
        if drawn is None:
            links = view.links(node_id)
            title = f"Relations ({len(links)})" if links else "No relations"
            head = _head(view, node_id, self.labels, self.reasons, width)
            drawn = _Drawn(
                links,
                join_blocks([head, heading(title)]),
                tuple(_link_prompt(view, ln, self.labels) for ln in links),
                _tail(view, node_id, width),
            )
            self._drawn[(node_id, width)] = drawn
        self._links = drawn.links
        self._head.update(drawn.head)
        self._relations.show_links(drawn.prompts)
        self._tail.update(drawn.tail)

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # A new claim changes the content's height, and Textual lays the whole screen out a
        # second time for a scroll container whose content height changed: a second frame
        # per key press. Only a scrollbar that appears or goes moves anything, and that
        # asks for its own layout (``show_vertical_scrollbar`` is a layout reactive).
        return super()._size_updated(size, virtual_size, container_size, layout=False)

    def on_resize(self, event: events.Resize) -> None:
        # Lists and speaker cards are wrapped to the width with hanging indents, so a new
        # width means drawing again. A new height (the content grew) does not.
        if event.size.width != self._width:
            self._width = event.size.width
            self._render_claim()

    @on(RelationLinks.Chosen)
    def _follow(self, event: RelationLinks.Chosen) -> None:
        event.stop()
        self.post_message(JumpRequested(self._links[event.index].target))


@dataclass(frozen=True, slots=True)
class _Drawn:
    """One claim as the pane shows it: its links, and the text above, in and below them."""

    links: list[Link]
    head: Content
    prompts: tuple[Content, ...]
    tail: Content


def _head(
    view: DebateView,
    node_id: str,
    labels: Mapping[str, str],
    reasons: Mapping[str, str],
    width: int | None,
) -> Content:
    debate = view.debate
    blocks: list[Content] = []
    badge = labels.get(node_id)
    if node_id == debate.question.id:
        blocks.append(Content.assemble(("◆ The central question", HEADING), *_badge(badge)))
        blocks.append(prose(debate.question.text, "bold"))
        if debate.description:
            blocks.append(prose(debate.description))
        return join_blocks(blocks)
    side = view.side_of(node_id)
    kind = "argument" if node_id in debate.arguments else "statement"
    first = Content.assemble(side_badge(side), (f" · {kind} · {node_id}", MUTED), *_badge(badge))
    blocks.append(Content("\n").join([first, *_group_line(debate, node_id)]))
    if node_id in reasons:
        blocks.append(Content(hanging("Why out: ", reasons[node_id], width)))
    statement = debate.statements.get(node_id)
    argument = debate.arguments.get(node_id)
    if statement is not None:
        if statement.title:
            blocks.append(prose(statement.title, "bold"))
        blocks.append(prose(statement.text))
    elif argument is not None:
        blocks.append(prose(argument.title, "bold"))
        if argument.gist:
            blocks.append(prose(argument.gist))
        if argument.sketched:
            blocks.append(
                Content.assemble(("A sketch: its premises are not spelled out yet.", MUTED))
            )
    node = statement or argument
    assert node is not None
    people = [speaker_card(debate, s, width=width) for s in node.speakers]
    people += [speaker_card(debate, s, conceded=True, width=width) for s in node.conceded_by]
    if people:
        blocks.append(Content("\n").join([heading("Who"), *people]))
    if statement is not None and statement.quotes:
        quotes = [quote_block(debate, q, width=width) for q in statement.quotes]
        blocks.append(Content("\n").join([heading("Quotes"), *quotes]))
    evidence: list[Content] = []
    if statement is not None and statement.basis is not None:
        evidence.append(
            Content.assemble(("Basis: ", "bold"), statement.basis.value.replace("-", " "))
        )
    if statement is not None and (source := source_line(debate, statement.source)):
        evidence.append(Content.assemble(("Source: ", "bold"), source))
    if node.tags:
        evidence.append(
            Content.assemble(("Tags: ", "bold"), " ".join(f"#{tag}" for tag in node.tags))
        )
    if (values := value_line(debate, node)) is not None:
        evidence.append(values)
    if evidence:
        blocks.append(Content("\n").join(evidence))
    return join_blocks(blocks)


def _tail(view: DebateView, node_id: str, width: int | None) -> Content:
    debate = view.debate
    node = debate.claim(node_id)
    blocks: list[Content] = []
    shape = view.shape
    below = shape.descendants(node_id)
    replies = len(shape.children(node_id))
    blocks.append(
        Content.assemble(
            (
                f"{replies} direct repl{'y' if replies == 1 else 'ies'} · {below} claim"
                f"{'' if below == 1 else 's'} below in the tree",
                MUTED,
            )
        )
    )
    if node is not None and node.notes:
        blocks.append(Content("\n").join([heading("Notes"), prose(node.notes)]))
    if node is not None and node.questions:
        blocks.append(numbered("Discussion questions", node.questions, width))
    found = view.scheme_questions(node_id)
    if found is not None:
        title = f"Critical questions ({found.scheme.name})"
        blocks.append(critical_questions(title, found, width))
    return join_blocks(blocks)


def _group_line(debate: Debate, node_id: str) -> tuple[Content, ...]:
    """``Section: Sanctions \u203a Enforcement``: the group a claim is in, outermost first,
    joined as the breadcrumb joins a path."""
    node = debate.claim(node_id)
    path = debate.group_path(node.group if node is not None else None)
    if not path:
        return ()
    # A heading's words, as the map draws them: not its Markdown marks.
    titles = SEPARATOR.join(" ".join(plain(group.title).split()) for group in path)
    return (Content.assemble(("Section: ", MUTED), (titles, MUTED)),)


def _badge(badge: str | None) -> tuple[tuple[str, str], ...]:
    """`` · [in]`` after a heading, or nothing when no labels are shown."""
    return ((f" · [{badge}]", "bold $text-primary"),) if badge else ()


def _link_prompt(view: DebateView, link: Link, labels: Mapping[str, str]) -> Content:
    """A relation as a link; with labels shown, the link's own label (is the reason
    inference standing?) follows, e.g. ``[in]``."""
    symbol, style = side_mark(view, link.target)
    badge = labels.get(link.relation) if link.relation is not None else None
    return Content.assemble(
        (f"{link.phrase} ", MUTED),
        (f"{symbol} ", style),
        prose(view.debate.label_of(link.target)),
        *((f"  [link {badge}]", "bold $text-primary"),) if badge else (),
    )
