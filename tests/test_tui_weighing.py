"""The weighing panel and seminar key: the room ranks the values, the verdicts follow."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.analysis.weighing import Standard
from argmap.tui import ArgmapApp, create_app
from argmap.tui.screens.seminar import SeminarScreen
from argmap.tui.screens.weighing import RoomWeighing, WeighingScreen
from argmap.tui.weighing import value_line
from tests.test_tui_support import SIZE, loaded, screen_text

SEED = Path(__file__).parent.parent / "arguments.yaml"

pytestmark = pytest.mark.skipif(
    not SEED.exists(), reason="the seed debate arguments.yaml is absent"
)


def make_app(tmp_path: Path) -> ArgmapApp:
    return create_app(SEED, watch=False, export_dir=tmp_path / "exports")


async def test_ranking_exposure_first_makes_the_motion_fall(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, WeighingScreen)
        text = screen_text(app)
        assert "As the room weighs it: the motion is undecided" in text
        assert "not ranked yet" in text
        # The analysts, each under their own ranking.
        assert "Go Myong Hyun" in text and "Yang Moo Jin" in text
        await pilot.press("j", "j", "K", "K")  # exposure up to first place
        await pilot.pause()
        text = screen_text(app)
        assert "1. Exposure and change in North Korea [exposure]" in text
        assert "As the room weighs it: the motion falls" in text
        await pilot.press("enter")
        await pilot.pause()
        assert app.main.weighing.order[0] == "exposure"
        assert app.main.labels["clamp-down"] == "out"
        assert app.main.labels["arg-costs-too-great"] == "out"


async def test_escape_keeps_the_labels_and_s_cycles_the_standard(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await pilot.press("v")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert "standard: clear-and-convincing" in screen_text(app)
        assert "As the room weighs it: the motion is undecided" in screen_text(app)
        await pilot.press("s", "s", "s")  # beyond reasonable doubt, dialectical, scintilla
        await pilot.pause()
        assert "standard: scintilla" in screen_text(app)
        assert "As the room weighs it: the motion stands" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, WeighingScreen)
        assert app.main.weighing == RoomWeighing()
        assert app.main.weighing.standard is Standard.PREPONDERANCE


async def test_seminar_key_cycles_the_analysts_weighing(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, SeminarScreen)
        seen = []
        for _ in range(3):
            await pilot.press("v")
            await pilot.pause()
            seen.append(app.screen.weigher)
        assert seen == [0, 1, 2]
        notes = [n.message for n in app._notifications]
        assert any(m.startswith("as Go Myong Hyun weighs it: the motion stands") for m in notes)
        assert any(m.startswith("as Yang Moo Jin weighs it: the motion falls") for m in notes)


MARKUP = """\
title: T
values: [{id: v, name: "[bold]Value[/bold]"}, {id: w, name: W}]
speakers: [{id: ann, name: "[red]Ann[/red]", ranks: [v, w]}]
question:
  id: q
  text: Q?
  pros: [{id: a, text: A, by: ann, promotes: v}]
"""


async def test_names_are_shown_as_text_not_markup(tmp_path: Path) -> None:
    path = tmp_path / "markup.yaml"
    path.write_text(MARKUP, encoding="utf-8")
    app = create_app(path, watch=False, export_dir=tmp_path / "exports")
    async with app.run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await pilot.press("v")
        await pilot.pause()
        text = screen_text(app)
        assert "[bold]Value[/bold] [v]" in text
        assert "[red]Ann[/red]" in text


async def test_the_detail_pane_names_a_claims_values(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        app.main.jump("benefit-outweighs", record=False)
        await pilot.pause()
        words = " ".join(screen_text(app).split())
        assert "Values: serves Exposure and change in North Korea" in words
    view = app.main.view
    assert view is not None
    line = value_line(view.debate, view.debate.statements["benefit-outweighs"])
    assert line is not None
    assert line.plain == (
        "Values: serves Exposure and change in North Korea · "
        "sets back Halting the weapons programmes"
    )


async def test_the_question_slide_gives_the_rooms_verdict(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await pilot.press("v")
        await pilot.pause()
        await pilot.press("j", "j", "K", "K", "enter")
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        words = " ".join(screen_text(app).split())
        assert "As the room weighs it: the motion falls" in words
        assert "v: the verdict as each analyst weighs it" in words


async def test_the_status_line_says_how_the_room_weighs(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await pilot.press("v")
        await pilot.pause()
        await pilot.press("K", "enter")  # any move ranks the values as listed
        await pilot.pause()
        assert app.main.assumptions() == (
            "room weighs by security > human-rights > exposure > feasibility, under preponderance"
        )


async def test_the_rooms_ranking_is_kept_in_the_room_file_and_back_on_reopening(
    tmp_path: Path,
) -> None:
    room_file = tmp_path / "class.room.yaml"

    def app_with_room() -> ArgmapApp:
        return create_app(SEED, watch=False, export_dir=tmp_path / "exports", room_file=room_file)

    async with app_with_room().run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await pilot.press("v")
        await pilot.pause()
        await pilot.press("j", "j", "K", "K", "s")  # exposure first; the next standard
        await pilot.press("enter")
        await pilot.pause()
        chosen = app.main.weighing
        assert chosen.order[0] == "exposure" and chosen.standard is not Standard.PREPONDERANCE
        fell = app.main.labels["clamp-down"]
    assert "ranking:\n- exposure\n" in room_file.read_text()
    async with app_with_room().run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await pilot.pause()
        assert app.main.weighing == chosen
        assert app.main.labels["clamp-down"] == fell
        assert "weighs by exposure > " in screen_text(app)
        await pilot.press("p")  # seminar mode starts with the room's weighing
        await pilot.pause()
        assert isinstance(app.screen, SeminarScreen)
        assert app.screen.weighing == chosen


async def test_the_room_file_keeps_a_ranking_for_the_question_to_fall(tmp_path: Path) -> None:
    room_file = tmp_path / "class.room.yaml"
    app = create_app(SEED, watch=False, export_dir=tmp_path / "exports", room_file=room_file)
    async with app.run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        assert app.main.weighing == RoomWeighing()
        await pilot.press("v")
        await pilot.pause()
        await pilot.press("j", "j", "K", "K", "enter")
        await pilot.pause()
    reopened = create_app(SEED, watch=False, export_dir=tmp_path / "exports", room_file=room_file)
    async with reopened.run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await pilot.pause()
        assert app.main.weighing.order[0] == "exposure"
        assert app.main.labels["clamp-down"] == "out"  # the motion falls, as Yang weighs it


async def test_a_room_file_ranking_an_unknown_value_is_reported_and_left_alone(
    tmp_path: Path,
) -> None:
    room_file = tmp_path / "class.room.yaml"
    text = "room: 1\ndebate: arguments.yaml\nranking: [exposure, welfare]\n"
    room_file.write_text(text)
    app = create_app(SEED, watch=False, export_dir=tmp_path / "exports", room_file=room_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app = await loaded(pilot)
        await pilot.pause()
        said = " ".join(screen_text(app).split())
        assert "Room file not read" in said and "no value `welfare`" in said
        assert app.main.weighing == RoomWeighing()
        await pilot.press("v")
        await pilot.pause()
        await pilot.press("K", "enter")
        await pilot.pause()
    assert room_file.read_text() == text  # never written over
