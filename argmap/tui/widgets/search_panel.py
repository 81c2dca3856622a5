"""The search box: type to search, results update with every key, Enter goes to one.

The panel only collects the query and shows the results it is given; the screen runs the
search (:class:`~argmap.analysis.search.SearchIndex`). Messages up: :class:`SearchPanel.Changed`
on every edit, :class:`SearchPanel.Moved` when the highlighted result changes,
:class:`SearchPanel.Chosen` on Enter or a click, :class:`SearchPanel.Closed` on Escape.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from argmap.model.inline import plain
from argmap.tui import keys
from argmap.tui.format import MUTED, side_mark

if TYPE_CHECKING:
    from argmap.analysis.search import Match
    from argmap.tui.view import DebateView

MAX_SHOWN = 200
"""Results listed at most; the count still says how many there are."""


class ResultList(OptionList, can_focus=False):
    """Results; the input keeps the focus, so typing never stops."""


class SearchPanel(Vertical):
    """Hidden until opened with :meth:`open`."""

    BINDINGS: ClassVar = keys.SEARCH

    class Changed(Message):
        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Moved(Message):
        def __init__(self, node_id: str) -> None:
            super().__init__()
            self.node_id = node_id

    class Chosen(Message):
        def __init__(self, node_id: str) -> None:
            super().__init__()
            self.node_id = node_id

    class Closed(Message):
        pass

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.display = False
        self.matches: tuple[Match, ...] = ()

    def compose(self) -> ComposeResult:
        yield Input(
            placeholder="Search text, quotes, speakers; #tag for tags only", id="search-input"
        )
        yield Static(id="search-count", markup=False)
        yield ResultList(id="search-results")

    @property
    def search_text(self) -> str:
        return self.query_one(Input).value

    def open(self) -> None:
        self.display = True
        self.query_one(Input).focus()

    def hide(self) -> None:
        self.display = False

    def show_results(self, view: DebateView, matches: Sequence[Match]) -> None:
        """List ``matches`` (already in display order) and say how many there are."""
        self.matches = tuple(matches)
        results = self.query_one(ResultList)
        results.set_options(
            Option(_prompt(view, match), id=match.node_id) for match in matches[:MAX_SHOWN]
        )
        if matches:
            results.highlighted = 0
        count = len(matches)
        if not self.search_text.strip():
            text = ""
        elif not count:
            text = "No matches"
        else:
            found = f"{count} match{'es' if count != 1 else ''}"
            text = f"{found} · ↑↓ choose · Enter go there · Esc back · later: n next, N previous"
        self.query_one("#search-count", Static).update(Content.assemble((text, MUTED)))

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        option = self.query_one(ResultList).highlighted_option
        if option is not None and option.id is not None:
            self.post_message(self.Chosen(option.id))

    @on(OptionList.OptionSelected, "#search-results")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id is not None:
            self.post_message(self.Chosen(event.option_id))

    def action_result(self, step: int) -> None:
        results = self.query_one(ResultList)
        if not results.option_count:
            return
        current = results.highlighted or 0
        results.highlighted = (current + step) % results.option_count
        option = results.highlighted_option
        if option is not None and option.id is not None:
            self.post_message(self.Moved(option.id))

    def action_close(self) -> None:
        """Escape: close without choosing; the screen returns to where the search began."""
        self.hide()
        self.post_message(self.Closed())


def _prompt(view: DebateView, match: Match) -> Content:
    symbol, style = side_mark(view, match.node_id)
    label = " ".join(plain(view.debate.label_of(match.node_id)).split())
    found = ", ".join(str(field) for field in match.fields)
    parts: list[str | tuple[str, str]] = [
        (f"{symbol} ", style),
        (label, "bold"),
        (f"  ({found})", MUTED),
    ]
    if match.snippet and match.snippet != label:
        parts.append((f"\n   {match.snippet}", MUTED))
    return Content.assemble(*parts)
