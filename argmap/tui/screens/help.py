"""The help screen (``?`` or F1): what the symbols mean and every key, from the key tables.

The key lists are generated from :mod:`argmap.tui.keys`, the same lists the screens bind, so
the help can never promise a key that does nothing.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from argmap.tui import keys
from argmap.tui.format import MUTED, QUESTION_MARK, SIDE_STYLES, SYMBOLS, heading

INTRO = (
    "Left, the argument tree: the question, then the reasons for and against it, then the "
    "replies to those, as deep as the debate goes. Right, everything about the selected "
    "claim; its relations are links (Tab to reach them, Enter to follow). A claim that "
    "appears in two places is shown in full once; the other place is a jump link."
)


_SIDES = (
    ("pro", "pro: on the pro side of the question"),
    ("con", "con: on the con side of the question"),
    ("neutral", "neutral: cuts both ways, or not connected"),
)


class HelpScreen(ModalScreen[None]):
    """Symbols and keys; any of Escape, ?, F1 or q closes it."""

    BINDINGS: ClassVar = keys.HELP

    def __init__(self) -> None:
        super().__init__(id="help")

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(self._content(), id="help-text", markup=False)
        yield Footer()

    def _content(self) -> Content:
        legend = [
            heading("Symbols"),
            Content.assemble((f"{QUESTION_MARK[0]} ", QUESTION_MARK[1]), "the central question"),
            *(
                Content.assemble((f"{SYMBOLS[side]} ", SIDE_STYLES[side]), meaning)
                for side, meaning in _SIDES
            ),
            Content("↪  a jump link to the claim's full place in the tree"),
            Content("+3 a closed claim with 3 replies below it"),
            Content("premise: / undercuts: / contradicts:  how a line bears on the one above"),
        ]
        blocks = [
            Content.assemble(("argmap help", "bold $text-accent")),
            Content(INTRO),
            Content("\n").join(legend),
        ]
        for title, bindings in keys.SECTIONS:
            lines = [heading(title)]
            lines += [self._line(b) for b in bindings if isinstance(b, Binding)]
            blocks.append(Content("\n").join(lines))
        blocks.append(
            Content.assemble(
                ("Ctrl+P opens the command palette: every action above, searchable by name.", MUTED)
            )
        )
        return Content("\n\n").join(blocks)

    def _line(self, binding: Binding) -> Content:
        shown = " ".join(
            self.app.get_key_display(binding.with_key(key.strip()))
            for key in binding.key.split(",")
        )
        return Content.assemble((f"{shown:<18}", "bold"), binding.description)
