"""The weighing panel: the room ranks the debate's values, and sees every verdict change.

A what-if for values rather than claims. The room moves a value up or down and picks a proof
standard; the question's verdict under the room's ranking updates at once, beside each
analyst's verdict under their own ranking and how many of their claims stand under theirs
and under the room's. Enter applies the ranking to the main screen's labels; Escape leaves
them as they were. The words come from :mod:`argmap.analysis.audiences`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Static

from argmap.analysis.audiences import FATE, by_audience, room_ranking
from argmap.analysis.weighing import NO_AUDIENCE, Preference, Standard
from argmap.tui import keys
from argmap.tui.format import MUTED

if TYPE_CHECKING:
    from argmap.model.debate import Debate
    from argmap.model.room import Room

STANDARDS = tuple(Standard)


@dataclass(frozen=True)
class RoomWeighing:
    """What the room chose: its order of the values (empty: no ranking) and a standard."""

    order: tuple[str, ...] = ()
    standard: Standard = Standard.PREPONDERANCE

    @classmethod
    def kept(cls, room: Room) -> RoomWeighing:
        """The weighing the room file keeps (``argmap.model.room``)."""
        return cls(room.ranking, Standard(room.standard or Standard.PREPONDERANCE))

    def preference(self, debate: Debate) -> Preference:
        return room_ranking(debate, self.order) if self.order else NO_AUDIENCE


def weighing_words(debate: Debate, chosen: RoomWeighing) -> str:
    """``security > exposure, under preponderance``: what the room chose, in words."""
    ranking = chosen.preference(debate)
    said = ranking.describe() if ranking.ranks_anything else "no ranking"
    return f"{said}, under {chosen.standard}"


def room_verdict(
    debate: Debate,
    chosen: RoomWeighing,
    accept: tuple[str, ...] = (),
    reject: tuple[str, ...] = (),
) -> Content:
    """The question's verdict as the room weighs it, for the seminar's question slide."""
    room, verdicts = by_audience(
        debate, chosen.preference(debate), chosen.standard, accept=accept, reject=reject
    )
    verdict = room.verdict
    parts: list[str | tuple[str, str]] = [
        ("As the room weighs it: ", "bold"),
        FATE[room.question],
        "\n",
        (verdict.summary("the motion") if verdict else "decided by the room", MUTED),
    ]
    if verdicts:
        parts.append(("\nv: the verdict as each analyst weighs it", MUTED))
    return Content.assemble(*parts)


def next_weighing(debate: Debate, after: int) -> tuple[int, str]:
    """The analyst after number ``after`` and the question's fate as they weigh it, for the
    seminar key; ``(-1, why not)`` when no speaker ranks the values."""
    _, verdicts = by_audience(debate)
    if not verdicts:
        return -1, "No speaker ranks the values (`ranks:` in the file)"
    index = (after + 1) % len(verdicts)
    others = "; ".join(v.sentence for i, v in enumerate(verdicts) if i != index)
    return index, f"{verdicts[index].sentence}\n({others})" if others else verdicts[index].sentence


class WeighingScreen(ModalScreen[RoomWeighing | None]):
    """Rank the values with the keys in :data:`argmap.tui.keys.WEIGHING`."""

    BINDINGS: ClassVar = keys.WEIGHING

    def __init__(
        self,
        debate: Debate,
        chosen: RoomWeighing,
        accept: tuple[str, ...] = (),
        reject: tuple[str, ...] = (),
    ) -> None:
        super().__init__(id="weighing")
        self.debate = debate
        ranked = [value for value in chosen.order if value in debate.values]
        self.order = [*ranked, *(value for value in debate.values if value not in ranked)]
        """Every value, the room's ranked ones first (a hand-written room file may list few)."""
        self.ranked = bool(chosen.order)
        """False until the room moves a value: until then no ranking applies."""
        self.standard = chosen.standard
        self.cursor = 0
        self.accept, self.reject = accept, reject

    def compose(self) -> ComposeResult:
        with Vertical(id="weighing-box"):
            yield Static(id="weighing-values")
            yield Static(id="weighing-verdict")
            table: DataTable[Content] = DataTable(
                id="weighing-table", cursor_type="none", zebra_stripes=True
            )
            table.can_focus = False
            yield table
        yield Footer()

    def on_mount(self) -> None:
        table: DataTable[Content] = self.query_one(DataTable)
        for header, width in (
            ("Analyst", 16),
            ("Their ranking", 20),
            ("Their verdict", 13),
            ("Claims in", 9),
            ("…room's", 9),
        ):
            table.add_column(header, width=width)
        self._refresh()

    @property
    def chosen(self) -> RoomWeighing:
        return RoomWeighing(tuple(self.order) if self.ranked else (), self.standard)

    # -- keys ------------------------------------------------------------------------------

    def action_cursor(self, step: int) -> None:
        if self.order:
            self.cursor = (self.cursor + step) % len(self.order)
            self._refresh()

    def action_shift(self, step: int) -> None:
        """Move the value under the cursor up (-1) or down (1) the ranking."""
        target = self.cursor + step
        if 0 <= target < len(self.order):
            self.order[self.cursor], self.order[target] = (
                self.order[target],
                self.order[self.cursor],
            )
            self.cursor = target
        self.ranked = bool(self.order)
        self._refresh()

    def action_standard(self) -> None:
        self.standard = STANDARDS[(STANDARDS.index(self.standard) + 1) % len(STANDARDS)]
        self._refresh()

    def action_unrank(self) -> None:
        self.ranked = False
        self._refresh()

    def action_apply(self) -> None:
        self.dismiss(self.chosen)

    def action_cancel(self) -> None:
        self.dismiss(None)

    # -- drawing ---------------------------------------------------------------------------

    def _refresh(self) -> None:
        debate = self.debate
        room, verdicts = by_audience(
            debate,
            self.chosen.preference(debate),
            self.standard,
            accept=self.accept,
            reject=self.reject,
        )
        lines: list[str | tuple[str, str]] = [("The room's ranking of the values", "bold")]
        if not self.order:
            lines.append(("\n  this debate declares no values (`values:` in the file)", MUTED))
        for place, value in enumerate(self.order, 1):
            marker = "▶" if place - 1 == self.cursor else " "
            number = f"{place}." if self.ranked else "·"
            lines.append(f"\n {marker} {number:>3} {debate.values[value].name} [{value}]")
        if not self.ranked:
            lines.append(("\n  not ranked yet: every value weighs the same", MUTED))
        lines.append((f"\n  standard: {self.standard}", "bold"))
        self.query_one("#weighing-values", Static).update(Content.assemble(*lines))
        verdict = room.verdict
        said = verdict.summary("the motion") if verdict is not None else "decided by the room"
        self.query_one("#weighing-verdict", Static).update(
            Content.assemble(
                ("\nAs the room weighs it: ", "bold"),
                FATE[room.question],
                "\n",
                (said, MUTED),
            )
        )
        table: DataTable[Content] = self.query_one(DataTable)
        table.clear()
        for entry in verdicts:
            cells = (
                entry.preference.name,
                entry.preference.describe(),
                FATE[entry.evaluation.question].removeprefix("the motion "),
                f"{entry.standing} of {entry.claims}",
                f"{entry.standing_for_room} of {entry.claims}",
            )
            table.add_row(*(Content(cell) for cell in cells))  # names are text, not markup
