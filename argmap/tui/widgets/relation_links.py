"""The detail pane's relation links: a list to move through with the keys, or click.

One styled text, not a widget per link: the list is rebuilt for every claim the cursor
touches, and drawing it as a single text keeps a key press to the new detail pane fast on
large debates. The highlighted link shows only while the list has the focus (Tab); Enter or a
click sends :class:`RelationLinks.Chosen` with the link's index. Clicks are mapped to links by
row rather than with ``@click`` markup, which would repaint the side symbols in the link
colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import events
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from argmap.tui import keys

CURSOR = "reverse"


class RelationLinks(Static, can_focus=True):
    """Lines of links; see the module docstring."""

    BINDINGS: ClassVar = keys.LINKS

    cursor: reactive[int | None] = reactive(None, init=False)
    """The highlighted link while focused; None when there are none."""

    class Chosen(Message):
        """The reader chose link number ``index``."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._prompts: tuple[Content, ...] = ()
        self._width = 0
        self._focused = False

    def show_links(self, prompts: Sequence[Content]) -> None:
        """Show these links, the first highlighted if the list has the focus."""
        self._prompts = tuple(prompts)
        self.set_reactive(RelationLinks.cursor, 0 if self._prompts and self._focused else None)
        self._paint()

    @property
    def count(self) -> int:
        return len(self._prompts)

    def watch_cursor(self) -> None:
        self._paint()
        self._show_cursor()

    def on_focus(self) -> None:
        # Textual sets has_focus only after this handler: the flag is what painting reads.
        self._focused = True
        if self.cursor is None and self._prompts:
            self.cursor = 0
        self._paint()
        self._show_cursor()

    def _show_cursor(self) -> None:
        """Scroll the pane so the highlighted link is on screen: a link below the fold that
        Enter would follow must be seen first."""
        if self.cursor is None or not self._focused or self.parent is None:
            return
        rows = self._rows()
        first = rows.index(self.cursor) if self.cursor in rows else 0
        height = rows.count(self.cursor) or 1

        def scroll() -> None:
            container = self.parent
            if isinstance(container, Widget):
                region = Region(0, self.virtual_region.y + first, self.size.width, height)
                container.scroll_to_region(region, animate=False, force=True)

        self.call_after_refresh(scroll)

    def on_blur(self) -> None:
        self._focused = False
        self._paint()

    def action_cursor_down(self) -> None:
        self._move(1)

    def action_cursor_up(self) -> None:
        self._move(-1)

    def action_select(self) -> None:
        if self.cursor is not None:
            self.post_message(self.Chosen(self.cursor))

    def on_click(self, event: events.Click) -> None:
        rows = self._rows()
        if 0 <= event.y < len(rows):
            index = rows[event.y]
            self.cursor = index
            self.post_message(self.Chosen(index))

    def _rows(self) -> list[int]:
        """The link on each row (a long link wraps over several rows); worked out only for a
        click, so that moving through the tree never pays for it."""
        width = self.content_size.width
        rows: list[int] = []
        for index, prompt in enumerate(self._prompts):
            rows += [index] * (len(prompt.wrap(width)) if width else 1)
        return rows

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # As in DetailPane: a new number of rows must not lay the screen out a second time.
        return super()._size_updated(size, virtual_size, container_size, layout=False)

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._width:  # rows per link depend on the width only
            self._width = event.size.width
            self._paint()

    def _move(self, step: int) -> None:
        if self._prompts:
            self.cursor = max(0, min(len(self._prompts) - 1, (self.cursor or 0) + step))

    def _paint(self) -> None:
        lines = [
            prompt.stylize(CURSOR) if index == self.cursor and self._focused else prompt
            for index, prompt in enumerate(self._prompts)
        ]
        self.update(Content("\n").join(lines))
