"""A debate file is untrusted: markup in any of its fields must show as text, never run.

Textual renders ``[@click=app.quit]…[/]`` in a plain string as a clickable action, ``[link=…]``
as a terminal hyperlink and ``[b]`` as bold. Every field of the debate below holds all three;
the test walks every screen and checks, in the rendered frame itself, that no segment carries
an action or link that argmap did not put there, and that the markup is on screen as typed.
"""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from rich.segment import Segment

from argmap.tui import ArgmapApp, create_app
from tests.test_tui_support import SIZE, loaded, screen_text, until

OURS = ("jump(",)
"""The only click actions argmap itself draws (the breadcrumb's steps)."""


def hostile(tag: str) -> str:
    """A field's value: an action, a link and a style, each marked with ``tag``."""
    return f"[@click=app.bell]{tag}C[/] [link=https://evil.invalid]{tag}L[/link] [b]{tag}B[/b]"


def hostile_id(tag: str) -> str:
    return f"[@click=app.bell]{tag}[/]"


Q, P1, P2, C1, ARG = (hostile_id(t) for t in ("q", "p1", "p2", "c1", "arg"))


def _yaml(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


HOSTILE_DEBATE = f"""\
argmap: 1
title: {_yaml(hostile("title"))}
description: {_yaml(hostile("description"))}
sources:
  - id: {_yaml(hostile_id("src"))}
    title: {_yaml(hostile("source"))}
    publisher: {_yaml(hostile("publisher"))}
    date: 2020-05-04
speakers:
  - id: {_yaml(hostile_id("ada"))}
    name: {_yaml(hostile("name"))}
    role: {_yaml(hostile("role"))}
    affiliation: {_yaml(hostile("affiliation"))}
    description: {_yaml(hostile("about"))}
  - id: {_yaml(hostile_id("idle"))}
    name: {_yaml(hostile("idle"))}
question:
  id: {_yaml(Q)}
  title: {_yaml(hostile("qtitle"))}
  text: {_yaml(hostile("qtext"))}
  pros:
    - id: {_yaml(P1)}
      title: {_yaml(hostile("p1title"))}
      text: {_yaml(hostile("p1text"))}
      by: {_yaml(hostile_id("ada"))}
      conceded_by: {_yaml(hostile_id("idle"))}
      source: {_yaml(hostile_id("src"))}
      tags: [{_yaml(hostile_id("tag"))}]
      notes: {_yaml(hostile("notes"))}
      questions:
        - {_yaml(hostile("question"))}
      quotes:
        - text: {_yaml(hostile("quote"))}
          by: {_yaml(hostile_id("ada"))}
      cons:
        - id: {_yaml(C1)}
          text: {_yaml(hostile("c1text"))}
          by: {_yaml(hostile_id("ada"))}
    - argument: {_yaml(hostile("argtitle"))}
      id: {_yaml(ARG)}
      gist: {_yaml(hostile("gist"))}
      scheme: positive-consequences
      by: {_yaml(hostile_id("ada"))}
      premises:
        - id: {_yaml(P2)}
          text: {_yaml(hostile("p2text"))}
          by: {_yaml(hostile_id("ada"))}
"""


def actions_and_links(app: ArgmapApp) -> set[str]:
    """Every click action and hyperlink in the frame on screen, except argmap's own."""
    console = Console(width=app.size.width, file=io.StringIO(), force_terminal=True)
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    assert update is not None
    found: set[str] = set()
    for segment in console.render(update):
        style = Segment(*segment).style
        if style is None:
            continue
        if style.link:
            found.add(f"link={style.link}")
        click = (style.meta or {}).get("@click")
        if click and not str(click).startswith(OURS):
            found.add(f"@click={click}")
    return found


async def test_markup_in_every_field_shows_as_text_on_every_screen(tmp_path: Path) -> None:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE_DEBATE, encoding="utf-8")
    rang: list[str] = []
    app = create_app(path, watch=False, export_dir=tmp_path / "exports")

    async def bell() -> None:
        rang.append("bell")

    app.action_bell = bell  # type: ignore[method-assign]
    seen: dict[str, str] = {}

    def look(name: str) -> None:
        assert actions_and_links(app) == set(), name
        seen[name] = screen_text(app)

    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await loaded(pilot)
        look("main")
        for node_id in (P1, C1, ARG, P2):  # every claim in the detail pane
            app.main.jump(node_id, record=False)
            await pilot.pause()
            look(f"detail {node_id}")
        await pilot.press("tab")  # the relation links, focused
        await pilot.pause()
        look("links")
        await pilot.press("shift+tab")
        app.main.jump(P1, record=False)
        await pilot.press("a")  # what-if: a toast naming the claim
        await pilot.pause()
        look("what-if toast")
        await pilot.press("c")
        await pilot.pause()
        look("scorecards")
        await pilot.press("escape", "s")
        await pilot.pause()
        look("speakers")
        await pilot.press("j", "enter")  # the idle speaker: a toast naming them
        await pilot.pause()
        look("speaker toast")
        await pilot.press("slash", *"p1text")
        await pilot.pause()
        look("search")
        await pilot.press("escape", "p")
        await pilot.pause()
        for step in range(6):
            look(f"seminar {step}")
            await pilot.press("w" if step == 0 else "right")
            await pilot.pause()
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        look("help")
        await pilot.press("escape")
        # A version that does not load: its error names the bad reference, in a toast too.
        path.write_text(
            HOSTILE_DEBATE.replace(
                f"by: {_yaml(hostile_id('ada'))}", f"by: {_yaml(hostile_id('nobody'))}", 1
            ),
            encoding="utf-8",
        )
        await pilot.press("ctrl+r")
        await until(pilot, lambda: app.main.query_one("#banner").display)
        look("error banner and toast")
        for element in app.query("*"):  # a click anywhere runs nothing of the file's
            if element.region.area:
                await pilot.click(element.__class__, offset=(1, 0))
    assert rang == []
    everything = "\n".join(seen.values())
    for tag in ("title", "name", "role", "p1text", "quote", "question", "argtitle", "gist"):
        assert f"[b]{tag}B[/b]" in everything, tag
    assert "[@click=app.bell]p1[/]" in seen["what-if toast"]
    assert "[b]idleB[/b]" in seen["speaker toast"]
    assert "[@click=app.bell]nameC[/]" in seen["speakers"]  # (cut short to fit the column)
    assert "[@click=app.bell]nameC[/]" in seen["scorecards"]
    assert "[@click=app.bell]nobody[/]" in seen["error banner and toast"]
