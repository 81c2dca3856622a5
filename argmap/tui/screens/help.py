"""The help screen (``?`` or F1): what the symbols mean and every key, from the key tables.

The key lists are generated from :mod:`argmap.tui.keys`, the same lists the screens bind, so
the help can never promise a key that does nothing.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from argmap.tui import keys
from argmap.tui.format import MUTED, QUESTION_MARK, SIDE_STYLES, SYMBOLS, heading
from argmap.tui.widgets.key_footer import KeyFooter

INTRO = (
    "The argument tree (left; above, on a narrow screen): the question, then the reasons for "
    "and against it, then the replies to those, as deep as the debate goes. Beside or below "
    "it, everything about the selected claim; its relations are links (Tab to reach them, "
    "Enter to follow). A claim that appears in two places is shown in full once; the other "
    "place is a jump link."
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
            yield Static(self._legend(), id="help-text", markup=False)
            # Two columns of keys: one column outgrew a 40-line terminal.
            left, right = _halves(keys.SECTIONS)
            with Horizontal(id="help-keys"):
                yield Static(self._keys(left), classes="help-column", markup=False)
                yield Static(self._keys(right), classes="help-column", markup=False)
            yield Static(
                Content.assemble(
                    (
                        "Ctrl+P opens the command palette: every action above, searchable by name.",
                        MUTED,
                    )
                ),
                id="help-palette",
                markup=False,
            )
        yield KeyFooter()

    def action_scroll(self, where: str) -> None:
        box = self.query_one("#help-box", VerticalScroll)
        {
            "down": box.scroll_down,
            "up": box.scroll_up,
            "page_down": box.scroll_page_down,
            "page_up": box.scroll_page_up,
            "home": box.scroll_home,
            "end": box.scroll_end,
        }[where](animate=False)

    def _legend(self) -> Content:
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
            Content.assemble(("argmap help", "bold $argmap-question")),
            Content(INTRO),
            Content("\n").join(legend),
        ]
        return Content("\n\n").join(blocks)

    def _keys(self, sections: _Sections) -> Content:
        """Each section's heading and its keys, the keys padded to one width per column."""
        shown = {id(b): self._shown(b) for _, bindings in sections for b in bindings}
        width = max((len(keys_) for keys_ in shown.values()), default=0) + 2
        blocks = []
        for title, bindings in sections:
            lines = [heading(title)]
            lines += [
                Content.assemble((f"{shown[id(b)]:<{width}}", "bold"), b.description)
                for b in bindings
                if isinstance(b, Binding)
            ]
            blocks.append(Content("\n").join(lines))
        return Content("\n\n").join(blocks)

    def _shown(self, binding: BindingType) -> str:
        if not isinstance(binding, Binding):
            return ""
        return " ".join(
            self.app.get_key_display(binding.with_key(key.strip()))
            for key in binding.key.split(",")
        )


_Sections = list[tuple[str, list[BindingType]]]


def _halves(sections: _Sections) -> tuple[_Sections, _Sections]:
    """Split the sections in order where the first half reaches half of all the lines."""
    sizes = [len(bindings) + 2 for _, bindings in sections]  # heading and a blank line
    total, running = sum(sizes), 0
    for i, size in enumerate(sizes):
        running += size
        if running >= total / 2:
            return sections[: i + 1], sections[i + 1 :]
    return sections, []
