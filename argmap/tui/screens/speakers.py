"""The speakers screen: who is in the debate, on which side, with how many claims.

Choosing a speaker (Enter or a click) closes the screen and returns the speaker's id; the
main screen then highlights their claims in the tree. The side is derived from the graph
(:mod:`argmap.analysis.speakers`), never taken from the file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from argmap.tui import keys
from argmap.tui.format import MUTED, SIDE_STYLES, SYMBOLS
from argmap.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from argmap.analysis.speakers import SpeakerProfile
    from argmap.tui.view import DebateView


class SpeakersScreen(ModalScreen[str | None]):
    """A table of speakers; dismisses with the chosen speaker's id, or None."""

    BINDINGS: ClassVar = keys.SPEAKERS

    def __init__(self, view: DebateView) -> None:
        super().__init__(id="speakers")
        self.view = view

    def compose(self) -> ComposeResult:
        with Vertical(id="speakers-box"):
            yield Static(
                Content.assemble(
                    ("Speakers", "bold"),
                    (
                        "  side on the question derived from their claims; Enter highlights their "
                        "claims",
                        MUTED,
                    ),
                ),
                id="speakers-title",
            )
            yield DataTable(id="speakers-table", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        table: DataTable[Content] = self.query_one(DataTable)
        table.add_column("Speaker", key="name", width=30)
        table.add_column("Affiliation (or role)", key="about", width=42)
        table.add_column("Side", key="side", width=9)
        table.add_column("Claims", key="claims", width=13)
        table.add_column("Conceded", key="conceded", width=8)
        for profile in self.view.speakers:
            table.add_row(*_row(profile), key=profile.speaker.id)
        table.focus()

    @property
    def chosen(self) -> str | None:
        """The speaker id under the cursor."""
        table: DataTable[Content] = self.query_one(DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.dismiss(str(event.row_key.value))

    def action_edge(self, where: str) -> None:
        table: DataTable[Content] = self.query_one(DataTable)
        table.move_cursor(row=0 if where == "first" else table.row_count - 1)

    def action_move(self, step: int) -> None:
        table: DataTable[Content] = self.query_one(DataTable)
        if step > 0:
            table.action_cursor_down()
        else:
            table.action_cursor_up()

    def action_choose(self) -> None:
        self.dismiss(self.chosen)


def _row(profile: SpeakerProfile) -> tuple[Content, ...]:
    speaker = profile.speaker
    about = speaker.affiliation or speaker.role or ""
    side = Content.assemble((f"{SYMBOLS[profile.side]} {profile.side}", SIDE_STYLES[profile.side]))
    split = " ".join(f"{count}{SYMBOLS[s]}" for s, count in profile.sides.items() if count)
    claims = f"{len(profile.claims)}" + (f"  ({split})" if split else "")
    # Every cell is Content: a plain string cell would be read as markup (names come from the file).
    texts = (_fit(speaker.name, 30), _fit(about, 42))
    return (*map(Content, texts), side, Content(claims), Content(str(len(profile.concessions))))


def _fit(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
