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


MAX_WIDTH = 120
"""The box's widest (speakers.tcss ``max-width``)."""


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
        # Side, claims and concessions always fit; the names and affiliations get what is left,
        # so an 80-column terminal still shows which side each speaker is on.
        room = min(self.app.size.width, MAX_WIDTH) - 4 - 2 * 5 - (9 + 13 + 8)
        self._name_width = max(12, min(30, room // 2))
        self._about_width = max(8, min(42, room - self._name_width))
        table.add_column("Speaker", key="name", width=self._name_width)
        table.add_column("Affiliation (or role)", key="about", width=self._about_width)
        table.add_column("Side", key="side", width=9)
        table.add_column("Claims", key="claims", width=13)
        table.add_column("Conceded", key="conceded", width=8)
        for profile in self.view.speakers:
            table.add_row(
                *_row(profile, self._name_width, self._about_width), key=profile.speaker.id
            )
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


def _row(profile: SpeakerProfile, name_width: int, about_width: int) -> tuple[Content, ...]:
    speaker = profile.speaker
    about = speaker.affiliation or speaker.role or ""
    side = Content.assemble((f"{SYMBOLS[profile.side]} {profile.side}", SIDE_STYLES[profile.side]))
    split = " ".join(f"{count}{SYMBOLS[s]}" for s, count in profile.sides.items() if count)
    claims = f"{len(profile.claims)}" + (f"  ({split})" if split else "")
    # Every cell is Content: a plain string cell would be read as markup (names come from the file).
    texts = (_fit(speaker.name, name_width), _fit(about, about_width))
    return (*map(Content, texts), side, Content(claims), Content(str(len(profile.concessions))))


def _fit(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
