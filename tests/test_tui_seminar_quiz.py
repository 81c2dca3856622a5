"""Seminar mode's "Who said this?": while hidden, nothing on a slide names its speakers.

Checked on every slide of the seed debate, whose discussion questions name speakers ("Go and
Choi concede this point"), and on a generated debate whose questions, titles and quotes name
them; revealing shows the names again.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from argmap.tui import create_app
from argmap.tui.screens.seminar import SeminarScreen, card
from tests.test_tui_support import SIZE, loaded, screen_text, write_tui_debate

SEED = Path(__file__).parent.parent / "arguments.yaml"


def _named(text: str, names: list[str]) -> list[str]:
    """The names, or the words of personal names, that ``text`` mentions."""
    found = []
    for name in names:
        words = name.split()
        wanted = [name, *(w for w in words if len(words) > 1 and w[0].isupper() and len(w) > 2)]
        for word in wanted:
            # "Kim Jong Un" is not Kim Byung Yeon: a word followed by another name word is
            # someone else's name.
            if re.search(rf"(?<!\w){re.escape(word)}(?!\w)(?!\s+[A-Z])", text):
                found.append(word)
    return found


async def _walk(path: Path, tmp_path: Path) -> None:
    app = create_app(path, watch=False, export_dir=tmp_path / "exports")
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("p", "home", "w")
        screen = app.screen
        assert isinstance(screen, SeminarScreen)
        view = screen.view
        speakers = [s.name for s in view.debate.speakers.values()]
        personal = [n for n in speakers if 2 <= len(n.split()) <= 4 and n.istitle()]
        leaked: dict[str, list[str]] = {}
        named_when_shown = 0
        for position, node_id in enumerate(screen.order):
            assert screen.position == position
            hidden = card(view, node_id, True, 80).plain
            if node_id != view.debate.question.id and (found := _named(hidden, personal)):
                leaked[node_id] = found
            assert not any(name in hidden for name in speakers)
            named_when_shown += bool(_named(card(view, node_id, False, 80).plain, personal))
            assert not _named(screen_text(app), personal) or node_id == view.debate.question.id
            await pilot.press("right")
        assert leaked == {}
        assert named_when_shown >= 3  # the debate does name speakers on its slides
        await pilot.press("home", "r")  # reveal: names come back
        assert "press r to reveal" not in screen_text(app)


@pytest.mark.skipif(not SEED.exists(), reason="the seed debate arguments.yaml is absent")
async def test_no_slide_of_the_seed_names_a_speaker_while_hidden(tmp_path: Path) -> None:
    await _walk(SEED, tmp_path)


GENERATED = """\
title: Generated
speakers:
  - {id: a, name: Amara Okafor}
  - {id: b, name: Bjorn Lindqvist}
  - {id: c, name: Chen Wei}
question:
  id: q
  text: Should the town build the bridge?
  pros:
    - id: p1
      title: Okafor's traffic case
      text: As Bjorn Lindqvist admits, traffic doubles.
      by: a
      conceded_by: b
      questions: ["Okafor and Lindqvist agree here; does Chen Wei?"]
      quotes:
        - {text: "Lindqvist told me so.", by: a}
  cons:
    - argument: Wei's cost argument
      id: arg
      by: c
      premises:
        - id: cost
          text: Okafor never costed it.
          by: c
      questions: ["Is Chen right that Okafor's figures are missing?"]
"""


async def test_no_slide_of_a_generated_debate_names_a_speaker_while_hidden(
    tmp_path: Path,
) -> None:
    await _walk(write_tui_debate(tmp_path, GENERATED, "generated.yaml"), tmp_path)


async def test_revealing_shows_the_names_in_the_questions_again(tmp_path: Path) -> None:
    path = write_tui_debate(tmp_path, GENERATED, "generated.yaml")
    app = create_app(path, watch=False, export_dir=tmp_path / "exports")
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        app.main.jump("p1", record=False)
        await pilot.press("p", "w")
        assert "Okafor and Lindqvist agree" not in screen_text(app)
        assert "(hidden) and (hidden) agree here; does (hidden)?" in screen_text(app)
        await pilot.press("r")
        assert "Okafor and Lindqvist agree here; does Chen Wei?" in screen_text(app)


def _text(screen: str) -> list[str]:
    """The screen without the scrollbar's column (its thumb is drawn as the frame settles)."""
    return [line[:-3] for line in screen.splitlines()]


@pytest.mark.skipif(not SEED.exists(), reason="the seed debate arguments.yaml is absent")
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_every_slide_is_laid_out_right_the_first_time_and_says_when_there_is_more(
    size: tuple[int, int], tmp_path: Path
) -> None:
    app = create_app(SEED, watch=False, export_dir=tmp_path / "exports")
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        await pilot.press("p", "home")
        screen = app.screen
        assert isinstance(screen, SeminarScreen)
        longer = 0
        for position in range(len(screen.order)):
            await pilot.pause()
            first = screen_text(app)
            await pilot.resize_terminal(size[0] + 1, size[1])  # a redraw from scratch
            await pilot.pause()
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert _text(screen_text(app)) == _text(first), f"slide {position + 1}"
            scroll = screen.query_one("#seminar-scroll")
            overflows = scroll.max_scroll_y > 0
            longer += overflows
            assert ("▼ more below" in first) == overflows, f"slide {position + 1}"
            await pilot.press("right")
        if size == (80, 24):
            assert longer > 0  # the test saw slides taller than the screen


@pytest.mark.skipif(not SEED.exists(), reason="the seed debate arguments.yaml is absent")
async def test_critical_questions_come_with_what_their_letters_stand_for(tmp_path: Path) -> None:
    app = create_app(SEED, watch=False, export_dir=tmp_path / "exports")
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        app.main.jump("arg-costs-too-great", record=False)
        await pilot.press("p")
        screen = app.screen
        assert isinstance(screen, SeminarScreen)
        text = card(screen.view, screen.current, False, 90).plain
        assert "The scheme: If action A is brought about, bad consequences C" in text
        assert "Where A: the action the argument is about · C: the bad consequences" in text
