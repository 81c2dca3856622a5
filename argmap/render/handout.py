"""The seminar handout: the debate as Markdown, then what the room concluded.

The outline is the Markdown writer's (``argmap.formats.markdown``); this module only adds the
room's record after it, so a handout and ``argmap convert FILE out.md`` show the debate alike.
"""

from __future__ import annotations

from argmap.analysis.conclusions import conclusions
from argmap.formats.markdown import write_markdown
from argmap.formats.written import Written
from argmap.model.debate import Debate
from argmap.model.room import Room


def handout(debate: Debate, room: Room) -> Written:
    """The debate's Markdown outline followed by ``## What the room concluded``."""
    outline = write_markdown(debate)
    lines = [outline.text.rstrip("\n"), "", "## What the room concluded", ""]
    for conclusion in conclusions(debate, room):
        lines += [f"### {conclusion.heading}", ""]
        lines += [f"- {_plain(line)}" for line in conclusion.lines]
        lines.append("")
    return Written("\n".join(lines), outline.dropped)


def _plain(text: str) -> str:
    """User text as Markdown text: one line, with the characters Markdown acts on escaped."""
    flat = " ".join(text.split())
    return "".join("\\" + ch if ch in "\\`*_[]<>#|" else ch for ch in flat)
