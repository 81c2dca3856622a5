"""The scorecard screen: how each speaker fares under the room's current assumptions.

One row per speaker: their side, how many of their claims stand (IN), are defeated (OUT) or
stay undecided, and how many of their concessions stand. The counts come from
:meth:`~argmap.analysis.evaluation.Evaluation.speaker_scorecard` of the evaluation the main
screen shows, so the table and the badges in the tree always agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from argmap.tui import keys
from argmap.tui.format import MUTED, SIDE_STYLES, SYMBOLS
from argmap.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from argmap.analysis.evaluation import Evaluation, Scorecard
    from argmap.analysis.framework import Label

COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("Speaker", "name", 30),
    ("Side", "side", 9),
    ("Standing", "in", 8),
    ("Defeated", "out", 8),
    ("Undecided", "undec", 9),
    ("Concessions in", "conceded", 14),
)
"""Header, column key and width of each column."""


MAX_WIDTH = 104
"""The box's widest (scorecards.tcss ``max-width``)."""


class ScorecardScreen(ModalScreen[None]):
    """A table of speaker scorecards; Escape closes it."""

    BINDINGS: ClassVar = keys.SCORECARDS

    def __init__(self, evaluation: Evaluation, assumptions: str) -> None:
        super().__init__(id="scorecards")
        self.evaluation = evaluation
        self.assumptions = assumptions
        """What the room assumes, in words, for the title."""

    def compose(self) -> ComposeResult:
        with Vertical(id="scorecards-box"):
            yield Static(
                Content.assemble(
                    ("Speaker scorecards", "bold"),
                    (f"  grounded labels; {self.assumptions}", MUTED),
                ),
                id="scorecards-title",
            )
            yield DataTable(id="scorecards-table", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        table: DataTable[Content] = self.query_one(DataTable)
        # The counts always fit; names get what is left (an 80-column terminal shows them all).
        others = sum(width for _, key, width in COLUMNS if key != "name")
        room = min(self.app.size.width, MAX_WIDTH) - 4 - 2 * len(COLUMNS) - others
        name_width = max(12, min(30, room))
        for header, key, width in COLUMNS:
            table.add_column(header, key=key, width=name_width if key == "name" else width)
        for card in self.evaluation.speaker_scorecard():
            table.add_row(*_row(card, name_width), key=card.speaker.id)
        table.focus()

    def action_edge(self, where: str) -> None:
        table: DataTable[Content] = self.query_one(DataTable)
        table.move_cursor(row=0 if where == "first" else table.row_count - 1)

    def action_move(self, step: int) -> None:
        table: DataTable[Content] = self.query_one(DataTable)
        if step > 0:
            table.action_cursor_down()
        else:
            table.action_cursor_up()


def _row(card: Scorecard, name_width: int) -> tuple[Content, ...]:
    side = Content.assemble((f"{SYMBOLS[card.side]} {card.side}", SIDE_STYLES[card.side]))
    # Every cell is Content: a plain string cell would be read as markup (names come from the file).
    return (
        Content(_fit(card.speaker.name, name_width)),
        side,
        *(Content(str(n)) for n in _counts(card.claims).values()),
        Content(str(_counts(card.concessions)[_IN])),
    )


_IN, _OUT, _UNDEC = "in", "out", "undec"
"""Label values (``Label`` is a string enum that loads with the analysis layer)."""


def _counts(by_label: Mapping[Label, tuple[str, ...]]) -> dict[str, int]:
    """How many ids per label, in the table's column order."""
    counts = {str(label): len(ids) for label, ids in by_label.items()}
    return {label: counts.get(label, 0) for label in (_IN, _OUT, _UNDEC)}


def _fit(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
