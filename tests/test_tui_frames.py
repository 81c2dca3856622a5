"""What each frame shows: a key press draws the new cursor line and what it selects together.

A reader sees the tree's cursor move and the detail pane, breadcrumb and status change in
the same frame, never the cursor first and the pane a frame (17 to 33 ms) later.

Textual draws a frame on a timer that the screen starts when it has nothing left to do; in
a real terminal that timer can fire before the detail pane has told the screen it changed.
The tests make the timer win that race: the frame is drawn on the event loop's next round
after the screen has nothing left to do.
"""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

import pytest
from rich.console import Console, RenderableType
from textual import events
from textual.screen import Screen
from textual.widgets._footer import FooterKey

from argmap.tui import ArgmapApp, create_app
from argmap.tui.screens.main import MainScreen
from argmap.tui.widgets.detail_pane import DetailPane
from argmap.tui.widgets.key_footer import KeyFooter
from tests.test_tui_support import SIZE, loaded, screen_text, write_tui_debate


def make_app(tmp_path: Path) -> ArgmapApp:
    return create_app(write_tui_debate(tmp_path), watch=False, export_dir=tmp_path / "exports")


def draw_when_idle(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """From now on the main screen draws a frame as soon as it is idle (what its timer may
    do in a terminal); the text every frame it draws writes."""
    frames: list[str] = []

    async def on_idle(screen: MainScreen, event: events.Idle) -> None:
        await Screen._on_idle(screen, event)
        if screen._dirty_widgets or screen._layout_required or screen._repaint_required:
            # Like the timer: on the event loop's next round, whoever else is waiting.
            asyncio.get_running_loop().call_soon(screen._on_timer_update)

    def drawn(screen: MainScreen) -> None:
        update = screen._compositor.render_update(screen_stack=screen.app._background_screens)
        screen._dirty_widgets.clear()
        if update is not None:
            frames.append(written_text(update))

    monkeypatch.setattr(MainScreen, "_on_idle", on_idle, raising=False)
    monkeypatch.setattr(MainScreen, "_compositor_refresh", drawn, raising=False)
    return frames


def written_text(update: RenderableType) -> str:
    """The text a frame writes to the terminal: only what changed, controls dropped."""
    console = Console(width=SIZE[0], file=io.StringIO(), force_terminal=True)
    return "".join(s.text for s in console.render(update) if not s.control)


@pytest.mark.parametrize("size", [SIZE, (80, 24)])
async def test_the_first_frame_after_a_key_shows_the_claim_the_cursor_is_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    async with make_app(tmp_path).run_test(size=size) as pilot:
        app = await loaded(pilot)
        await pilot.pause(0.1)
        frames = draw_when_idle(monkeypatch)
        for key, pane, crumb in (
            ("j", "statement · equality", "Uniforms hide wealth"),
            ("j", "argument · arg-cost", "Uniforms save money"),
            ("k", "statement · equality", "Uniforms hide wealth"),
        ):
            frames.clear()
            await pilot.press(key)
            await pilot.pause(0.1)
            assert app.main.selected == pane.split()[-1]
            assert frames, "the key drew nothing"
            assert pane in frames[0], key
            assert f"\u203a {crumb}" in frames[0], key


@pytest.mark.parametrize("size", [SIZE, (80, 24), (120, 24)])
async def test_the_pane_after_a_key_is_what_a_full_redraw_draws(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """The pane is not laid out twice per key, so its scrollbar must still come and go as
    the claim's height needs: each screen equals the same screen laid out from scratch."""
    async with make_app(tmp_path).run_test(size=size) as pilot:
        app = await loaded(pilot)
        pane = app.query_one(DetailPane)
        scrollbars = set()
        for key in ("j", "j", "j", "j", "k", "k", "k", "G", "g"):
            await pilot.press(key)
            await pilot.pause()
            drawn = screen_text(app)
            scrollbars.add(pane.show_vertical_scrollbar)
            pane.refresh(layout=True)
            app.screen.refresh(layout=True)
            await pilot.pause()
            assert screen_text(app) == drawn, key
        if size == (120, 24):  # long claims need the pane's scrollbar there, short ones not
            assert scrollbars == {True, False}


async def test_the_footer_is_rebuilt_only_when_the_keys_it_shows_change(tmp_path: Path) -> None:
    """Closing the capture form leaves the same keys: the footer is not built again (Enter
    would pay for it); focusing the links or the search shows their keys at once."""
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        footer = app.main.query_one(KeyFooter)

        def keys() -> list[FooterKey]:
            return list(footer.query(FooterKey))

        def last_line() -> str:
            return screen_text(app).splitlines()[-1]

        main_keys = last_line()
        for presses, rebuilt, shows in (
            (["j"], False, "s Speakers"),
            (["minus"], False, None),  # the capture form is up
            (["escape"], False, "s Speakers"),
            (["tab"], True, "⏎ Follow link"),
            (["tab"], True, "s Speakers"),
            (["slash"], True, "esc Close search"),
            (["escape"], True, "s Speakers"),
        ):
            before = keys()
            await pilot.press(*presses)
            await pilot.pause(0.2)
            assert (keys() != before) is rebuilt, presses
            if shows is not None:
                assert shows in last_line(), presses
        assert last_line() == main_keys
