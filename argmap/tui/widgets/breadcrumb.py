"""The breadcrumb: the path from the question down to the selected claim.

Each step is clickable and jumps there (:class:`~argmap.tui.messages.JumpRequested`). A long
path keeps its two ends and elides the middle, since where a claim starts and where it is are
what a reader needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from argmap.model.inline import plain
from argmap.tui.format import MUTED
from argmap.tui.messages import JumpRequested

if TYPE_CHECKING:
    from argmap.tui.view import DebateView

_STEPS = (48, 36, 28, 20)
"""Widths a step is tried at, widest first."""

SEPARATOR = " \u203a "


class Breadcrumb(Static):
    """``◆ Question > Claim > Reply``, one clickable step each."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.path: tuple[str, ...] = ()

    def show(self, view: DebateView, path: tuple[str, ...]) -> None:
        self.path = path
        width = self.size.width or 100
        for step in _STEPS:  # the widest steps that fit, before eliding the middle
            labels = [_short(plain(view.debate.label_of(node_id)), step) for node_id in path]
            if _width(list(enumerate(labels))) <= width:
                break
        steps = _fit(list(enumerate(labels)), width)
        parts: list[Content] = []
        for index, label in steps:
            if parts:
                parts.append(Content.assemble((SEPARATOR, MUTED)))
            if index == -1:
                parts.append(Content(label))
            elif index == len(labels) - 1:
                parts.append(Content.assemble((label, "bold")))
            else:
                parts.append(Content.from_markup(f"[@click=jump({index})]$label[/]", label=label))
        prefix = Content.assemble(("◆ ", "$argmap-question"))
        self.update(Content.assemble(prefix, *parts), layout=False)  # always one line

    def action_jump(self, index: int) -> None:
        self.post_message(JumpRequested(self.path[index]))


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _fit(steps: list[tuple[int, str]], width: int) -> list[tuple[int, str]]:
    """All steps if they fit; else the first, ``…``, and as many of the last as fit."""
    if len(steps) <= 2 or _width(steps) <= width:
        return steps
    tail = [steps[-1]]
    for step in reversed(steps[1:-1]):
        if _width([steps[0], (-1, "…"), step, *tail]) > width:
            break
        tail.insert(0, step)
    return [steps[0], (-1, "…"), *tail]


def _width(steps: list[tuple[int, str]]) -> int:
    return 2 + sum(len(label) for _, label in steps) + len(SEPARATOR) * (len(steps) - 1)
