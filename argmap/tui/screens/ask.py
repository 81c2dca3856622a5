"""Small modal questions: a choice by key (delete? quit? reload?), a line of text, a claim.

Every text shown here may come from the debate, so it is passed as :class:`Content`, never
as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from argmap.model.inline import plain

if TYPE_CHECKING:
    from argmap.tui.view import DebateView


class ChoiceScreen(ModalScreen[str | None]):
    """A question answered by one key; dismisses with the chosen value (None: Esc)."""

    BINDINGS: ClassVar = [Binding("escape", "choose('')", "Cancel", id="argmap.ask.cancel")]

    def __init__(self, question: str, choices: list[tuple[str, str, str]]) -> None:
        super().__init__(classes="ask")
        self.question = question
        self.choices = choices
        """(key, what the key does, value returned)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="ask-box"):
            yield Static(Content(self.question), markup=False, classes="ask-question")
            keys = "   ".join(f"{key}: {label}" for key, label, _ in self.choices)
            yield Static(Content(keys + "   esc: cancel"), markup=False, classes="ask-keys")

    def on_key(self, event: events.Key) -> None:
        key = event.character or event.key
        for choice_key, _, value in self.choices:
            if key == choice_key:
                event.stop()
                self.dismiss(value)
                return

    def action_choose(self, value: str) -> None:
        self.dismiss(value or None)


class PromptScreen(ModalScreen[str | None]):
    """One line of text (a note, a file name); dismisses with it, or None on Esc."""

    BINDINGS: ClassVar = [Binding("escape", "cancel", "Cancel", id="argmap.prompt.cancel")]

    def __init__(self, question: str, value: str = "", placeholder: str = "") -> None:
        super().__init__(classes="ask")
        self.question = question
        self.value = value
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="ask-box"):
            yield Static(Content(self.question), markup=False, classes="ask-question")
            yield Input(self.value, placeholder=self.placeholder, id="prompt")
            yield Static(Content("Enter: done · Esc: cancel"), classes="ask-keys")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class PickScreen(ModalScreen[str | None]):
    """Choose a claim by typing part of it (the main search); dismisses with its id."""

    BINDINGS: ClassVar = [
        Binding("escape", "cancel", "Cancel", id="argmap.pick.cancel"),
        Binding("down", "move(1)", "Next", show=False, id="argmap.pick.down"),
        Binding("up", "move(-1)", "Previous", show=False, id="argmap.pick.up"),
    ]

    def __init__(self, question: str, view: DebateView, exclude: set[str]) -> None:
        super().__init__(classes="ask")
        self.question = question
        self.view = view
        self.exclude = exclude

    def compose(self) -> ComposeResult:
        with Vertical(classes="ask-box"):
            yield Static(Content(self.question), markup=False, classes="ask-question")
            yield Input(placeholder="Type words of the claim", id="pick-query")
            yield OptionList(id="pick-results")
            yield Static(Content("↑↓: choose · Enter: pick · Esc: cancel"), classes="ask-keys")

    def on_mount(self) -> None:
        self._fill("")

    @on(Input.Changed, "#pick-query")
    def _changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def _fill(self, query: str) -> None:
        view = self.view
        if query.strip():
            ids = [m.node_id for m in view.search.search(query, view.tree_order)]
        else:
            ids = list(view.tree_order)
        options = [
            Option(Content(plain(view.debate.label_of(node))), id=node)
            for node in ids
            if node not in self.exclude
        ][:200]
        results = self.query_one(OptionList)
        results.clear_options()
        results.add_options(options)
        if options:
            results.highlighted = 0

    def action_move(self, delta: int) -> None:
        results = self.query_one(OptionList)
        if results.option_count:
            current = results.highlighted or 0
            results.highlighted = max(0, min(results.option_count - 1, current + delta))

    @on(Input.Submitted, "#pick-query")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        results = self.query_one(OptionList)
        if results.highlighted is not None and results.option_count:
            self.dismiss(results.get_option_at_index(results.highlighted).id)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
