"""A yes-or-no question before doing something that cannot be undone (overwriting a file).

Dismisses with True for yes, False for no; Escape is no. The question is the caller's text,
shown as typed (it names a file, which may hold any character).
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from argmap.tui import keys
from argmap.tui.format import MUTED
from argmap.tui.widgets.key_footer import KeyFooter


class ConfirmScreen(ModalScreen[bool]):
    """``question`` and the keys to answer it."""

    BINDINGS: ClassVar = keys.CONFIRM

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__(id="confirm")
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(
                Content.assemble(
                    (self.question, "bold"),
                    *((("\n" + self.detail, MUTED),) if self.detail else ()),
                    ("\n\ny yes · n no", MUTED),
                ),
                markup=False,
            )
        yield KeyFooter()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
