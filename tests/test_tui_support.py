"""The small debate the TUI tests open, and helpers to drive the app as a reader would.

The debate has what every TUI behaviour needs: a claim reached from two places (a jump
link), an argument with a scheme and premises, an undercut, a contradiction, quotes with a
dated source, a concession, discussion questions and a claim not connected to the question.
"""

from __future__ import annotations

import io
import time
from pathlib import Path

from rich.console import Console
from rich.segment import Segment
from textual.pilot import Pilot

from argmap.analysis.graph import DebateIndex
from argmap.analysis.tree import TreeShape
from argmap.io.load import parse_debate
from argmap.tui import ArgmapApp

TUI_DEBATE = """\
argmap: 1
title: School uniforms
description: A small debate for testing the TUI.
sources:
  - id: paper
    title: The Uniform Question
    publisher: Daily Bugle
    date: 2020-05-04
speakers:
  - id: ada
    name: Ada Lovelace
    role: head teacher
    affiliation: Analytical School
  - id: bob
    name: Bob Marley
    role: parent
  - id: cy
    name: Cy Twombly
    role: student
    affiliation: Year 10
question:
  id: uniforms
  title: Uniforms?
  text: Should schools require uniforms?
  pros:
    - id: equality
      title: Uniforms hide wealth
      text: Uniforms hide differences in family wealth, so fewer children are teased.
      by: ada
      source: paper
      basis: expert-opinion
      tags: [equality, bullying]
      notes: Ada has run two schools.
      questions:
        - Does teasing stop, or move to shoes and phones?
      quotes:
        - text: Nobody can tell who is rich on a Monday morning.
          by: ada
      cons:
        - id: shoes
          title: Teasing moves to shoes
          text: Children find other markers of wealth, such as shoes and phones.
          by: cy
          basis: personal-experience
          tags: [bullying]
          cons:
            - id: rules-shoes
              text: Schools can set rules for shoes too.
              by: ada
    - argument: Uniforms save money
      id: arg-cost
      scheme: positive-consequences
      by: bob
      premises:
        - id: cheap
          title: Uniforms are cheap
          text: A uniform costs less than a wardrobe of fashionable clothes.
          by: bob
          conceded_by: cy
          basis: statistic
          tags: [cost]
        - ref: equality
  cons:
    - id: expression
      title: Clothes are self-expression
      text: Clothes let children express who they are.
      by: cy
      tags: [freedom]
      contradicts: [equality]
      pros:
        - ref: shoes
    - id: cost-burden
      title: Uniforms cost poor families
      text: Special uniform shops charge high prices that poor families struggle to pay.
      by: bob
      tags: [cost]
      undercuts: [equality->uniforms]
statements:
  - id: stray
    text: Nobody has asked the teachers.
"""

SIZE = (120, 40)
"""The terminal every TUI test and snapshot runs at."""


def write_tui_debate(folder: Path, text: str = TUI_DEBATE, name: str = "uniforms.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


async def until(pilot: Pilot[None], condition: object, timeout: float = 5.0) -> None:
    """Let the app run until ``condition()`` holds; fail after ``timeout`` seconds."""
    assert callable(condition)
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the app did not get there in time"
        await pilot.pause(0.02)
    await pilot.pause()


async def loaded(pilot: Pilot[None], versions: int = 1) -> ArgmapApp:
    """Wait until the app has shown ``versions`` versions of its file."""
    app = pilot.app
    assert isinstance(app, ArgmapApp)
    await until(pilot, lambda: app.reloads >= versions)
    return app


def screen_text(app: ArgmapApp) -> str:
    """The screen as plain text, line by line: what a person sees (colours dropped)."""
    console = Console(
        width=app.size.width,
        height=app.size.height,
        file=io.StringIO(),
        force_terminal=True,
        record=True,
        legacy_windows=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text()


def test_the_tui_debate_has_what_the_tui_tests_rely_on() -> None:
    debate = parse_debate(TUI_DEBATE).debate
    shape = TreeShape(DebateIndex(debate))
    homes = {b.node_id: b.home for b in shape.children("arg-cost")}
    assert homes == {"cheap": True, "equality": False}  # a jump link
    assert shape.orphans == ("stray",)
    assert debate.arguments["arg-cost"].scheme == "positive-consequences"
    assert "equality->uniforms" in {r.target for r in debate.relations.values()}


def reversed_text(app: ArgmapApp) -> dict[int, str]:
    """Text drawn in reverse video (a cursor), by screen row: what a person sees as selected."""
    console = Console(width=app.size.width, file=io.StringIO(), force_terminal=True)
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    assert update is not None
    rows: dict[int, str] = {}
    lines = Segment.split_lines(console.render(update))
    for row, line in enumerate(lines):
        text = "".join(s.text for s in line if s.style is not None and s.style.reverse)
        if text.strip():
            rows[row] = text
    return rows
