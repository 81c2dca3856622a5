"""What a room concluded: the debate evaluated under the room's verdicts, in words.

Seminar mode, ``argmap evaluate --room``, ``argmap export --room`` and the handout all read a
room's verdicts the same way, through :func:`room_evaluation`: verdicts on claims the debate no
longer has are set aside (a claim deleted since the seminar), never an error.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from argmap.analysis.evaluation import Evaluation, evaluate
from argmap.analysis.framework import Label
from argmap.model.debate import Debate
from argmap.model.room import Room

_WORDS = {Label.IN: "stands", Label.OUT: "falls", Label.UNDEC: "is undecided"}


def known_verdicts(debate: Debate, room: Room) -> dict[str, str]:
    """The room's verdicts on nodes the debate has."""
    nodes = set(debate.node_ids())
    return {node: verdict for node, verdict in room.verdicts.items() if node in nodes}


def room_evaluation(debate: Debate, room: Room) -> Evaluation:
    """Grounded labels with the room's accepted and rejected claims fixed."""
    verdicts = known_verdicts(debate, room)
    return evaluate(
        debate,
        accept=[n for n, v in verdicts.items() if v == "accept"],
        reject=[n for n, v in verdicts.items() if v == "reject"],
    )


@dataclass(frozen=True, slots=True)
class Conclusion:
    """One line of the room's record, for the handout."""

    heading: str
    lines: tuple[str, ...]


def conclusions(debate: Debate, room: Room) -> Iterator[Conclusion]:
    """The room's record in reading order: verdicts and what follows, notes, claims raised."""
    evaluation = room_evaluation(debate, room)
    verdicts = known_verdicts(debate, room)
    said = [
        f"The room {'accepts' if verdict == 'accept' else 'rejects'} “{debate.label_of(node)}”."
        for node, verdict in verdicts.items()
    ]
    baseline = evaluate(debate)
    for node in (*debate.statements, *debate.arguments):
        label = evaluation.labels.get(node)
        if label is None or label is baseline.labels.get(node) or node in verdicts:
            continue
        why = f" ({evaluation.reasons[node]})" if node in evaluation.reasons else ""
        said.append(f"So “{debate.label_of(node)}” now {_WORDS[label]}{why}.")
    fate, before = _WORDS[evaluation.question], _WORDS[baseline.question]
    said.append(
        f"The motion “{debate.label_of(debate.question.id)}” {fate}"
        + (f" (without the room's verdicts it {before})." if fate != before else ".")
    )
    yield Conclusion("Verdicts", tuple(said))
    nodes = set(debate.node_ids())
    notes = [
        f"{debate.label_of(node)}: {note.text}"
        for node, entries in room.notes.items()
        if node in nodes
        for note in entries
    ]
    if notes:
        yield Conclusion("Notes", tuple(notes))
    raised = [
        f"{debate.label_of(a.id)} ({_STANCE[a.stance]} {debate.label_of(a.parent)}, {a.at:%H:%M})"
        for a in room.added
        if a.id in nodes and a.parent in nodes | debate.relations.keys()
    ]
    if raised:
        yield Conclusion("Raised in class", tuple(raised))


_STANCE = {"pro": "for", "con": "against", "undercut": "undercutting a link of"}
