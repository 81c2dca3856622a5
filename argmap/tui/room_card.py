"""What the seminar slide shows of the room's record: its verdict, what now stands, notes.

Read from the app by duck typing (``main`` and ``session``), so the seminar screen shows the
record when the app keeps one and nothing otherwise (a screen tested on its own).
"""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.screen import Screen

from argmap.tui.format import MUTED, heading

_STANDING = {"in": "it stands", "out": "it falls", "undec": "it is undecided"}


def room_blocks(screen: Screen[Any], node_id: str) -> list[Content]:
    """The room's verdict on ``node_id`` and what follows, then the notes taken on it."""
    app = screen.app
    main, session = getattr(app, "main", None), getattr(app, "session", None)
    blocks: list[Content] = []
    verdicts = getattr(main, "room", {})
    evaluation = getattr(main, "evaluation", None)
    if evaluation is not None and (verdicts or node_id in evaluation.labels):
        label = str(evaluation.labels.get(node_id, ""))
        verdict = verdicts.get(node_id)
        said = {"reject": "The room rejects this", "accept": "The room accepts this"}.get(
            verdict or "", "The room has no verdict on this"
        )
        blocks.append(
            Content.assemble(
                heading("The room"),
                "\n",
                (said, "bold"),
                f"; with the room's verdicts {_STANDING.get(label, 'it is not labelled')}",
                (f" · the question is {evaluation.question}", MUTED),
            )
        )
    notes = getattr(getattr(session, "room", None), "notes", {}).get(node_id, ())
    if notes:
        lines = [heading("Notes"), *(Content(f"• {note.text}") for note in notes)]
        blocks.append(Content("\n").join(lines))
    return blocks
