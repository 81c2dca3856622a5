"""The speakers screen and seminar mode."""

from __future__ import annotations

from pathlib import Path

from argmap.tui import ArgmapApp, create_app
from argmap.tui.screens.seminar import SeminarScreen
from argmap.tui.screens.speakers import SpeakersScreen
from argmap.tui.widgets.argument_tree import ArgumentTree
from tests.test_tui_support import (
    SIZE,
    TUI_DEBATE,
    loaded,
    screen_text,
    until,
    write_tui_debate,
)


def make_app(tmp_path: Path, text: str = TUI_DEBATE) -> ArgmapApp:
    return create_app(
        write_tui_debate(tmp_path, text), watch=False, export_dir=tmp_path / "exports"
    )


async def test_the_speakers_screen_lists_affiliation_side_claims_and_concessions(
    tmp_path: Path,
) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await pilot.press("s")
        assert isinstance(app.screen, SpeakersScreen)
        rows = {
            line.split("  ")[1].strip(): line
            for line in screen_text(app).splitlines()
            if "Lovelace" in line or "Marley" in line or "Twombly" in line
        }
        assert "Analytical School" in rows["Ada Lovelace"]
        assert "✚ pro" in rows["Ada Lovelace"] and "2  (2✚)" in rows["Ada Lovelace"]
        assert "parent" in rows["Bob Marley"]  # no affiliation: the role instead
        assert "3  (2✚ 1✖)" in rows["Bob Marley"]
        assert "✖ con" in rows["Cy Twombly"] and rows["Cy Twombly"].rstrip(" █").endswith("1")


async def test_choosing_a_speaker_highlights_and_reveals_their_claims(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await pilot.press("s", "j", "j", "enter")  # Cy Twombly
        assert not isinstance(app.screen, SpeakersScreen)
        tree = app.query_one(ArgumentTree)
        assert tree.marked == {"shoes", "expression", "cheap"}  # claims and the concession
        assert app.main.selected == "shoes"  # the first of them in the tree
        text = screen_text(app)
        assert "Claims of Cy Twombly: 1 of 3" in text
        assert "✚ premise: Uniforms are cheap" in text  # opened so that it shows
        await pilot.press("n")
        assert app.main.selected == "cheap"


async def test_escape_leaves_the_speakers_screen_without_a_highlight(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await pilot.press("s", "escape")
        assert not isinstance(app.screen, SpeakersScreen)
        assert app.main.highlight is None


async def test_seminar_steps_through_the_teaching_order_with_progress(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await pilot.press("p")
        seminar = app.screen
        assert isinstance(seminar, SeminarScreen)
        assert seminar.order[0] == "uniforms"
        assert "1 / 9" in screen_text(app) and "◆ THE QUESTION" in screen_text(app)
        await pilot.press("right")
        # The strongest pro: the argument, with two premises behind it.
        assert seminar.current == "arg-cost"
        text = screen_text(app)
        assert "2 / 9" in text and "UNIFORMS SAVE MONEY" in text
        assert "1. A uniform costs less than a wardrobe of fashionable clothes." in text
        assert "Critical questions · Argument from positive consequences" in text
        await pilot.press("space", "n", "left")
        assert seminar.position == 2
        await pilot.press("end")
        assert seminar.progress == "9 / 9"
        await pilot.press("right")  # past the end: stays
        assert seminar.progress == "9 / 9"


async def test_who_said_this_hides_speakers_until_revealed(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await pilot.press("j", "p")  # start at the selected claim
        seminar = app.screen
        assert isinstance(seminar, SeminarScreen)
        assert seminar.current == "equality"
        assert "Ada Lovelace" in screen_text(app)
        await pilot.press("w")
        text = screen_text(app)
        assert "Who said this?" in text and "Ada Lovelace" not in text
        assert "— hidden · The Uniform Question (2020-05-04)" in text  # the quote too
        await pilot.press("r")
        assert "Ada Lovelace" in screen_text(app)
        await pilot.press("right")  # the next claim is hidden again
        assert "Who said this?" in screen_text(app)


async def test_leaving_the_seminar_selects_the_claim_on_screen(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await pilot.press("p", "right", "right", "escape")
        await until(pilot, lambda: app.main.selected == "cheap")
        assert not isinstance(app.screen, SeminarScreen)


async def test_the_files_order_drives_the_seminar(tmp_path: Path) -> None:
    text = TUI_DEBATE + "order: [uniforms, cost-burden, equality]\n"
    async with make_app(tmp_path, text).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await pilot.press("p")
        assert isinstance(app.screen, SeminarScreen)
        order = app.screen.order
        listed = ["uniforms", "cost-burden", "equality"]
        assert [node for node in order if node in listed] == listed
        for _ in range(order.index("cost-burden")):
            await pilot.press("right")
        assert app.screen.current == "cost-burden"
        screen = screen_text(app)
        place = f"{order.index('cost-burden') + 1} / {len(order)}"
        assert place in screen and "UNIFORMS COST POOR FAMILIES" in screen
        assert "This attacks ◆ Uniforms?" in screen


async def test_small_things_a_newcomer_noticed(tmp_path: Path) -> None:
    two = TUI_DEBATE.replace(
        "          by: bob\n          conceded_by: cy",
        "          by: [bob, ada]\n          conceded_by: cy",
    )
    assert two != TUI_DEBATE
    async with make_app(tmp_path, two).run_test(size=(160, 40), notifications=True) as pilot:
        app = await loaded(pilot)
        app.main.jump("cheap", record=False)  # a premise with two speakers
        await pilot.pause()
        text = screen_text(app)
        assert "Uniforms are cheap · Bob Marley & 1 more" in text, text
        await pilot.press("ctrl+r")
        await until(pilot, lambda: "Reloaded uniforms.yaml" in screen_text(app))
        await pilot.press("g", "h")  # close the question: it says how many lines it hides
        assert "◆ Uniforms? +4" in screen_text(app)
        await pilot.press("p", "end", "right")
        await until(pilot, lambda: "This is the last slide" in screen_text(app))
        await pilot.press("slash")  # / and s in seminar leave it for search and speakers
        await until(pilot, lambda: not isinstance(app.screen, SeminarScreen))
        assert app.query_one("#search-input").has_focus
        await pilot.press("escape", "p", "s")
        await until(pilot, lambda: isinstance(app.screen, SpeakersScreen))
