"""The status line: what is highlighted in the tree and how to move through it."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class StatusLine(Static):
    """One line under the panes; empty (and hidden) when nothing is highlighted."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.display = False

    def show_text(self, text: Content | None) -> None:
        shown = text is not None
        relayout = shown != self.display  # one line high: only showing or hiding moves things
        self.display = shown
        self.update(text or "", layout=relayout)
