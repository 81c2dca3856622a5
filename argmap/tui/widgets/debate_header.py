"""The header: the debate's title, its file, and the central question in full."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from argmap.tui.format import MUTED, prose

if TYPE_CHECKING:
    from argmap.tui.view import DebateView


class DebateHeader(Static):
    """Two lines or three: ``argmap · title … file`` and ``◆ the question``."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.unsaved = False
        self._view: DebateView | None = None

    def show_unsaved(self, unsaved: bool) -> None:
        """Mark (or unmark) the file as having edits not yet saved."""
        self.unsaved = unsaved
        if self._view is not None:
            self.show(self._view)

    def show(self, view: DebateView) -> None:
        self._view = view
        self.update(
            Content.assemble(
                ("argmap", "bold $argmap-question"),
                " · ",
                prose(view.debate.title, "bold"),
                (f"  ({view.path.name})", MUTED),
                ("  ● unsaved", "bold $text-warning") if self.unsaved else "",
                "\n",
                ("◆ ", "$argmap-question"),
                prose(view.debate.question.text),
            )
        )

    def show_loading(self, name: str) -> None:
        self.update(Content.assemble(("argmap", "bold $argmap-question"), f" · loading {name}…"))
