"""The debate as each audience weighs it: the question's fate per ranking, for the seminar.

A seminar asks "why do Go and Yang disagree?" The answer is a list: the verdict as each
analyst ranks the values, beside the room's own ranking, and how many of each analyst's
claims stand under both. The TUI's what-if panel and seminar key read it from here so that
the words are the same everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from argmap.analysis.evaluation import Evaluation, evaluate
from argmap.analysis.framework import Label
from argmap.analysis.weighing import NO_AUDIENCE, Preference, Standard, audiences
from argmap.model.debate import Debate
from argmap.model.room import Room

FATE = {
    Label.IN: "the motion stands",
    Label.OUT: "the motion falls",
    Label.UNDEC: "the motion is undecided",
}
"""How a verdict on the question is said after "as Go Myong Hyun weighs it: "."""


@dataclass(frozen=True)
class AudienceVerdict:
    """One audience's weighing of the debate, and a speaker's claims under the room's."""

    preference: Preference
    evaluation: Evaluation
    standing: int
    """How many of this speaker's own claims stand as they weigh it (0 for a group)."""
    standing_for_room: int
    """How many of them stand as the room weighs it."""
    claims: int

    @property
    def sentence(self) -> str:
        """``as Go Myong Hyun weighs it: the motion stands``."""
        return f"as {self.preference.name} weighs it: {FATE[self.evaluation.question]}"


def room_ranking(debate: Debate, order: Iterable[str]) -> Preference:
    """The room's ranking: the debate's values in ``order``, strictly, best first."""
    return Preference(
        None, "the room", tuple((value,) for value in order if value in debate.values)
    )


def room_weighs(debate: Debate, room: Room) -> tuple[Preference, Standard]:
    """How the room file says the room weighs: its ranking (none: every value level) and its
    proof standard (none chosen: preponderance)."""
    preference = room_ranking(debate, room.ranking) if room.ranking else NO_AUDIENCE
    return preference, Standard(room.standard or Standard.PREPONDERANCE)


def by_audience(
    debate: Debate,
    room: Preference = NO_AUDIENCE,
    standard: Standard = Standard.PREPONDERANCE,
    *,
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
) -> tuple[Evaluation, list[AudienceVerdict]]:
    """The room's evaluation, then each declared ranking's (speakers first, in file order)."""
    accept, reject = tuple(accept), tuple(reject)
    theirs = evaluate(debate, accept=accept, reject=reject, audience=room, standard=standard)
    verdicts = []
    for preference in audiences(debate).values():
        own = evaluate(debate, accept=accept, reject=reject, audience=preference, standard=standard)
        mine = [
            node.id
            for nodes in (debate.statements, debate.arguments)
            for node in nodes.values()
            if preference.id in node.speakers
        ]
        verdicts.append(
            AudienceVerdict(
                preference,
                own,
                sum(own.labels[n] is Label.IN for n in mine),
                sum(theirs.labels[n] is Label.IN for n in mine),
                len(mine),
            )
        )
    return theirs, verdicts
