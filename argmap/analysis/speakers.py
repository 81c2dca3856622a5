"""Who argues what: each speaker's claims, concessions and side on the question.

A speaker's side is not written in the file; it follows from the claims they assert. Each claim
has a side derived from the graph (:attr:`DebateIndex.sides`); the speaker takes the side most
of their claims are on. Concessions (``conceded_by``) do not count towards it: conceding a point
is granting something to the other side, not arguing for it. A speaker with as many pro as con
claims, or with none, is NEUTRAL.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from argmap.analysis.graph import DebateIndex
from argmap.model.debate import Side, Speaker


@dataclass(frozen=True, slots=True)
class SpeakerProfile:
    """One speaker's part in the debate. Claim ids are in file order."""

    speaker: Speaker
    side: Side
    claims: tuple[str, ...]
    concessions: tuple[str, ...]
    sides: dict[Side, int]
    """How many of their asserted claims are on each side."""

    @property
    def involved(self) -> tuple[str, ...]:
        """Every claim they assert or concede: what the TUI highlights for them."""
        return (*self.claims, *(c for c in self.concessions if c not in self.claims))


def speaker_profiles(index: DebateIndex) -> list[SpeakerProfile]:
    """A profile for every declared speaker, in the order the file declares them."""
    debate = index.debate
    claims: dict[str, list[str]] = {s: [] for s in debate.speakers}
    concessions: dict[str, list[str]] = {s: [] for s in debate.speakers}
    for node in (*debate.statements.values(), *debate.arguments.values()):
        for speaker_id in node.speakers:
            claims[speaker_id].append(node.id)
        for speaker_id in node.conceded_by:
            concessions[speaker_id].append(node.id)
    sides = index.sides
    profiles = []
    for speaker in debate.speakers.values():
        counts = Counter(sides.get(c, Side.NEUTRAL) for c in claims[speaker.id])
        profiles.append(
            SpeakerProfile(
                speaker=speaker,
                side=_majority(counts),
                claims=tuple(claims[speaker.id]),
                concessions=tuple(concessions[speaker.id]),
                sides={side: counts[side] for side in Side},
            )
        )
    return profiles


def _majority(counts: Counter[Side]) -> Side:
    pro, con = counts[Side.PRO], counts[Side.CON]
    if pro > con:
        return Side.PRO
    if con > pro:
        return Side.CON
    return Side.NEUTRAL
