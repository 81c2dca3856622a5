"""Messages widgets send up to their screen. Widgets never change state above themselves."""

from __future__ import annotations

from textual.message import Message


class JumpRequested(Message):
    """The reader asked to go to a claim (a relation link, a breadcrumb, a jump link)."""

    def __init__(self, node_id: str) -> None:
        super().__init__()
        self.node_id = node_id


class ClaimHighlighted(Message):
    """The tree cursor is on a claim. ``path`` runs from the top of the tree to it."""

    def __init__(self, node_id: str, path: tuple[str, ...]) -> None:
        super().__init__()
        self.node_id = node_id
        self.path = path


class VerdictsChanged(Message):
    """The room's verdicts changed (what-if): the room file keeps them."""


class WeighingChanged(Message):
    """The room applied a ranking of the values and a standard: the room file keeps them."""


class SlideShown(Message):
    """Seminar mode moved to a slide: the room file keeps how far the room got."""

    def __init__(self, node_id: str) -> None:
        super().__init__()
        self.node_id = node_id
