"""Seminar mode: one claim at a time, in teaching order, large and uncluttered, to project.

The order comes from :func:`argmap.analysis.seminar.teaching_order` (the file's ``order:`` if
it has one). Each step shows where the claim sits (what it supports or attacks), its full
text, who said it, the quotes, the discussion questions and, for an argument with a scheme,
the scheme's critical questions to put to the room. "Who said this?" hides every speaker until
``r`` reveals them, so a class can guess first. Leaving returns the current claim's id, and
the main screen selects it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import ProgressBar, Static

from argmap.model.inline import plain
from argmap.tui import keys
from argmap.tui.format import (
    MUTED,
    critical_questions,
    heading,
    join_blocks,
    numbered,
    prose,
    quote_block,
    side_badge,
    side_mark,
    speaker_card,
)
from argmap.tui.messages import SlideShown
from argmap.tui.room_card import room_blocks
from argmap.tui.screens.weighing import RoomWeighing, next_weighing, room_verdict
from argmap.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from argmap.tui.view import DebateView

_PLACE = {
    "premise": "is a premise of",
    "supports": "supports",
    "attacks": "attacks",
    "contradicts": "contradicts",
    "undercuts": "undercuts the link from",
}
"""How a claim bears on its parent in the tree (``Role``), as the seminar card says it."""


MORE = Content.assemble(("▼ more below", "bold"), ("  ↓ or PgDn to scroll", MUTED))


class SeminarScreen(Screen[str | None]):
    """Step through the teaching order; dismisses with the id of the claim on screen."""

    BINDINGS: ClassVar = keys.SEMINAR
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012 (Textual reads it)

    position: reactive[int] = reactive(0, init=False)
    """Index into the teaching order (0-based; the screen shows it 1-based)."""
    hide_speaker: reactive[bool] = reactive(False, init=False)
    """"Who said this?": speakers stay hidden until revealed."""
    revealed: reactive[bool] = reactive(False, init=False)

    def __init__(
        self,
        view: DebateView,
        start: int = 0,
        weighing: RoomWeighing | None = None,
        room: tuple[tuple[str, ...], tuple[str, ...]] = ((), ()),
    ) -> None:
        super().__init__(id="seminar")
        self.view = view
        self.weighing = weighing or RoomWeighing()
        """The room's ranking of the values, for the question slide's verdict."""
        self.room = room
        """The ids the room accepts and rejects."""
        self.order = view.teaching_order
        self.weigher = -1
        """Whose weighing the ``v`` key showed last (an index into the ranked speakers)."""
        self.set_reactive(SeminarScreen.position, max(0, min(start, len(self.order) - 1)))

    def compose(self) -> ComposeResult:
        with Horizontal(id="seminar-top"):
            yield Static(id="seminar-title", markup=False)
            yield ProgressBar(
                total=len(self.order), show_eta=False, show_percentage=False, id="seminar-bar"
            )
            yield Static(id="seminar-progress", markup=False)
        with VerticalScroll(id="seminar-scroll"):
            yield Static(id="seminar-card", markup=False)
        yield Static(MORE, id="seminar-more", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self._render_step()
        scroll = self.query_one("#seminar-scroll", VerticalScroll)
        self.watch(scroll, "scroll_y", self._show_more, init=False)
        self.watch(scroll, "virtual_size", self._show_more, init=False)

    def _show_more(self) -> None:
        """Say so when the slide goes on below the screen."""
        scroll = self.query_one("#seminar-scroll", VerticalScroll)
        # Visibility, not display: the line stays, so showing it never changes what fits.
        self.query_one("#seminar-more").visible = scroll.scroll_y < scroll.max_scroll_y

    def action_scroll(self, where: str) -> None:
        scroll = self.query_one("#seminar-scroll", VerticalScroll)
        {
            "down": scroll.scroll_down,
            "up": scroll.scroll_up,
            "page_down": scroll.scroll_page_down,
            "page_up": scroll.scroll_page_up,
        }[where](animate=False)

    @property
    def current(self) -> str:
        return self.order[self.position]

    @property
    def progress(self) -> str:
        """``7 / 23``."""
        return f"{self.position + 1} / {len(self.order)}"

    def show_view(self, view: DebateView) -> None:
        """A reload: stay on the same claim if it is still in the order."""
        current = self.current
        self.view, self.order = view, view.teaching_order
        position = self.order.index(current) if current in self.order else self.position
        self.set_reactive(SeminarScreen.position, max(0, min(position, len(self.order) - 1)))
        self.query_one(ProgressBar).update(total=len(self.order))
        self._render_step()

    def watch_position(self) -> None:
        self.revealed = False
        self._render_step()
        self.post_message(SlideShown(self.current))  # the room file keeps how far it got

    def watch_hide_speaker(self) -> None:
        self._render_step()

    def watch_revealed(self) -> None:
        self._render_step()

    def on_resize(self) -> None:
        # Lists and speaker cards are wrapped to the width with hanging indents.
        self._render_step()

    def action_step(self, delta: int) -> None:
        target = self.position + delta
        if 0 <= target < len(self.order):
            self.position = target
        else:
            self.app.bell()
            end = "last slide: Home goes to the first" if delta > 0 else "first slide"
            self.notify(f"This is the {end}", timeout=2)

    def action_go_to(self, where: str) -> None:
        self.position = 0 if where == "first" else len(self.order) - 1

    def action_toggle_hide_speaker(self) -> None:
        self.hide_speaker = not self.hide_speaker
        self.revealed = False
        self.notify(
            "Speakers hidden until you press r" if self.hide_speaker else "Speakers shown",
            timeout=2,
        )

    def action_reveal(self) -> None:
        self.revealed = True

    def action_weigh_as(self) -> None:
        """The question's fate as the next analyst weighs it (argmap.tui.screens.weighing)."""
        self.weigher, said = next_weighing(self.view.debate, self.weigher)
        self.notify(said, title="As each analyst weighs it", timeout=6, markup=False)

    def action_leave(self) -> None:
        self.dismiss(self.current)

    def action_leave_to(self, action: str) -> None:
        """Leave on the current claim and do ``action`` on the main screen (search, speakers)."""
        below = self.app.screen_stack[-2]  # the main screen, which opened this one
        self.dismiss(self.current)
        self.app.call_later(below.run_action, action)

    def _render_step(self) -> None:
        self.query_one("#seminar-title", Static).update(
            Content.assemble(("Seminar", "bold"), (f" · {plain(self.view.debate.title)}", MUTED))
        )
        self.query_one("#seminar-progress", Static).update(
            Content.assemble((self.progress, "bold"))
        )
        self.query_one(ProgressBar).update(progress=self.position + 1)
        hidden = self.hide_speaker and not self.revealed
        widget = self.query_one("#seminar-card", Static)
        width = widget.content_size.width or None  # None before the first layout
        blocks = [card(self.view, self.current, hidden, width), *room_blocks(self, self.current)]
        if self.current == self.view.debate.question.id:
            blocks.append(room_verdict(self.view.debate, self.weighing, *self.room))
        widget.update(join_blocks(blocks))
        self.query_one(VerticalScroll).scroll_home(animate=False)
        self.call_after_refresh(self._show_more)  # once the new card is laid out


def card(view: DebateView, node_id: str, hide_speaker: bool, width: int | None = None) -> Content:
    """One step of the seminar, as text; lists wrap to ``width`` with hanging indents.

    With ``hide_speaker``, nothing on the card names a speaker: their cards and attributions
    are left out and every name in the card's free text is replaced (``NameHider``).
    """
    debate = view.debate
    if node_id == debate.question.id:
        blocks = [heading("◆ THE QUESTION"), prose(debate.question.text, "bold")]
        if debate.description:
            blocks.append(prose(debate.description))
        return join_blocks(blocks)

    def say(text: str) -> str:
        text = " ".join(text.split())
        return view.name_hider.hide(text) if hide_speaker else text

    statement = debate.statements.get(node_id)
    argument = debate.arguments.get(node_id)
    node = statement or argument
    assert node is not None
    side = view.side_of(node_id)
    kind = "ARGUMENT" if argument is not None else "CLAIM"
    blocks = [Content.assemble(side_badge(side), (f"  ·  {kind}", MUTED))]
    blocks += _where(view, node_id, say)
    if statement is not None:
        if statement.title:
            blocks.append(prose(say(statement.title), "bold $argmap-question", upper=True))
        blocks.append(prose(say(statement.text), "bold"))
    elif argument is not None:
        blocks.append(prose(say(argument.title), "bold $argmap-question", upper=True))
        if argument.gist:
            blocks.append(prose(say(argument.gist), "bold"))
        if argument.premises:
            premises = tuple(say(debate.text_of(p)) for p in argument.premises)
            blocks.append(numbered("Because", premises, width))
    if hide_speaker and (
        node.speakers
        or node.conceded_by
        or (statement is not None and any(q.speaker for q in statement.quotes))
    ):
        blocks.append(
            Content.assemble(
                ("Who said this?", "bold $argmap-neutral"), ("   press r to reveal", MUTED)
            )
        )
    else:
        people = [speaker_card(debate, s, width=width) for s in node.speakers]
        people += [speaker_card(debate, s, conceded=True, width=width) for s in node.conceded_by]
        if people:
            blocks.append(Content("\n").join([heading("Who"), *people]))
    if statement is not None and statement.quotes:
        quotes = [
            quote_block(
                debate,
                q.model_copy(update={"text": say(q.text)}) if hide_speaker else q,
                hide_speaker=hide_speaker,
                width=width,
            )
            for q in statement.quotes
        ]
        blocks.append(Content("\n").join([heading("In their words"), *quotes]))
    if node.questions:
        blocks.append(numbered("For discussion", tuple(map(say, node.questions)), width))
    found = view.scheme_questions(node_id)
    if found is not None:
        title = f"Critical questions · {found.scheme.name}"
        blocks.append(critical_questions(title, found, width, say))
    return join_blocks(blocks)


def _where(view: DebateView, node_id: str, say: Callable[[str], str]) -> list[Content]:
    """``attacks ✚ <parent>``: where this claim sits in the debate."""
    parent = view.shape.parent(node_id)
    if parent is None:
        return []
    branch = next(b for b in view.shape.children(parent) if b.node_id == node_id and b.home)
    symbol, style = side_mark(view, parent)
    return [
        Content.assemble(
            (f"This {_PLACE[branch.role]} ", MUTED),
            (f"{symbol} ", style),
            prose(say(view.debate.label_of(parent))),
        )
    ]
