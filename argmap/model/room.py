"""What a room said during a seminar: its verdicts, its notes, how far it got, what it added,
and how it weighs the debate's values.

A debate file is the author's; a seminar's record is the class's, and one debate is taught to
many classes. So the record is a model of its own, kept in a file beside the debate
(``argmap.io.room``), never in it. Every change is a new, frozen :class:`Room`, like every
other model in argmap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from argmap.model.debate import Id

Verdict = Literal["accept", "reject"]
"""What the room decided about a claim; a claim without a verdict is neutral."""

ProofStandard = Literal[
    "scintilla",
    "preponderance",
    "clear-and-convincing",
    "beyond-reasonable-doubt",
    "dialectical-validity",
]
"""The proof standards by name: ``argmap.analysis.weighing.Standard``'s values (the model sits
below analysis, so it names them; a test keeps the two the same)."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Note(_Strict):
    """A short note the teacher typed on a slide."""

    text: str = Field(min_length=1)
    at: dt.datetime


class Added(_Strict):
    """A claim the room raised in this seminar: under which claim, as what, and when."""

    id: Id
    parent: Id
    stance: Literal["pro", "con", "undercut"]
    at: dt.datetime


class Room(_Strict):
    """A seminar's record for one debate file."""

    room: Literal[1] = Field(default=1, description="Room file format version.")
    debate: str = Field(description="The debate file this room discussed (its name).")
    verdicts: dict[Id, Verdict] = Field(default_factory=dict)
    notes: dict[Id, tuple[Note, ...]] = Field(default_factory=dict)
    slide: Id | None = Field(default=None, description="The last slide the room reached.")
    added: tuple[Added, ...] = ()
    ranking: tuple[Id, ...] = Field(
        default=(), description="The room's order of the debate's values, best first."
    )
    standard: ProofStandard | None = Field(
        default=None, description="The proof standard the room chose (none: the default)."
    )

    @field_validator("ranking")
    @classmethod
    def _once_each(cls, ranking: tuple[str, ...]) -> tuple[str, ...]:
        twice = sorted({value for value in ranking if ranking.count(value) > 1})
        if twice:
            raise ValueError(f"`{twice[0]}` is ranked twice")
        return ranking

    def with_verdict(self, node_id: str, verdict: Verdict | None) -> Room:
        """The room with a verdict on ``node_id`` set, or cleared (None: neutral)."""
        verdicts = {k: v for k, v in self.verdicts.items() if k != node_id}
        if verdict is not None:
            verdicts[node_id] = verdict
        return self.model_copy(update={"verdicts": verdicts})

    def with_verdicts(self, verdicts: dict[str, Verdict]) -> Room:
        return self.model_copy(update={"verdicts": dict(verdicts)})

    def with_note(self, node_id: str, text: str, at: dt.datetime) -> Room:
        notes = dict(self.notes)
        notes[node_id] = (*notes.get(node_id, ()), Note(text=" ".join(text.split()), at=at))
        return self.model_copy(update={"notes": notes})

    def with_weighing(self, ranking: Sequence[str], standard: str | None) -> Room:
        """The room with its ranking of the values (empty: none) and proof standard (checked)."""
        data = {**self.model_dump(), "ranking": tuple(ranking), "standard": standard}
        return Room.model_validate(data)

    def at_slide(self, node_id: str) -> Room:
        return self if self.slide == node_id else self.model_copy(update={"slide": node_id})

    def with_added(self, node_id: str, parent: str, stance: str, at: dt.datetime) -> Room:
        entry = Added.model_validate({"id": node_id, "parent": parent, "stance": stance, "at": at})
        return self.model_copy(update={"added": (*self.added, entry)})

    def keeping(self, node_ids: set[str]) -> Room:
        """The record without what concerns claims the debate no longer has (undo, deletion)."""
        return self.model_copy(
            update={
                "verdicts": {k: v for k, v in self.verdicts.items() if k in node_ids},
                "added": tuple(a for a in self.added if a.id in node_ids),
            }
        )
