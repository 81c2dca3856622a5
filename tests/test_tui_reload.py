"""Live reload: a new version replaces the map, keeping the selection; a bad one never does."""

from __future__ import annotations

import os
import re
from pathlib import Path

from argmap.tui import create_app
from argmap.tui.widgets.argument_tree import ArgumentTree
from argmap.tui.widgets.error_banner import ErrorBanner
from tests.test_tui_support import SIZE, TUI_DEBATE, loaded, screen_text, until, write_tui_debate

RENAMED = TUI_DEBATE.replace("title: Teasing moves to shoes", "title: Teasing moves to trainers")
BROKEN = TUI_DEBATE.replace("      title: Uniforms hide wealth\n", "      title: [unclosed\n")


async def test_a_reload_shows_the_new_version_and_keeps_the_selection(tmp_path: Path) -> None:
    path = write_tui_debate(tmp_path)
    async with create_app(path, watch=False).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await pilot.press("j", "l", "j")
        assert app.main.selected == "shoes"
        path.write_text(RENAMED, encoding="utf-8")
        await pilot.press("ctrl+r")
        await loaded(pilot, versions=2)
        assert app.main.selected == "shoes"
        assert app.query_one(ArgumentTree).expanded_ids() >= {"uniforms", "equality"}
        text = screen_text(app)
        assert "Teasing moves to trainers" in text  # tree, breadcrumb and detail pane
        assert "Teasing moves to shoes" not in text


async def test_an_invalid_version_shows_the_error_and_keeps_the_old_map(tmp_path: Path) -> None:
    path = write_tui_debate(tmp_path)
    async with create_app(path, watch=False).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await pilot.press("j")
        old = app.view
        path.write_text(BROKEN, encoding="utf-8")
        await pilot.press("ctrl+r")
        banner = app.query_one(ErrorBanner)
        await until(pilot, lambda: banner.display)
        assert app.view is old and app.main.view is old
        assert app.main.selected == "equality"
        text = screen_text(app)
        # file:line:col and the message, as `argmap check` prints them
        assert re.search(rf"{re.escape(str(path))}:2[78]:\d+: YAML syntax", text)
        assert "showing the last version that loaded" in text
        assert "Uniforms hide wealth" in text  # the old map is still there
        path.write_text(TUI_DEBATE, encoding="utf-8")
        await pilot.press("ctrl+r")
        await loaded(pilot, versions=2)
        assert not banner.display


async def test_the_app_reloads_when_the_file_is_saved(tmp_path: Path) -> None:
    path = write_tui_debate(tmp_path)
    async with create_app(path, watch=True).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await pilot.pause(0.3)  # let the watcher start
        # Save the way editors do: write a new file, then rename it over the old one.
        temporary = tmp_path / ".uniforms.yaml.swp"
        temporary.write_text(RENAMED, encoding="utf-8")
        os.replace(temporary, path)
        await until(pilot, lambda: app.reloads >= 2)
        await pilot.press("j", "l", "j")
        assert "Teasing moves to trainers" in screen_text(app)
        path.write_text(BROKEN, encoding="utf-8")
        banner = app.query_one(ErrorBanner)
        await until(pilot, lambda: banner.display)
        assert app.main.selected == "shoes"


async def test_a_file_that_never_loaded_ends_the_app_with_its_problems(tmp_path: Path) -> None:
    path = write_tui_debate(tmp_path, BROKEN)
    app = create_app(path, watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: bool(app.startup_problems))
    assert app.return_code == 1
    problem = app.startup_problems[0]
    assert problem.file == str(path) and problem.line in (27, 28)
    assert problem.message.startswith("YAML syntax")


async def test_a_reload_keeps_the_cursor_on_a_jump_link(tmp_path: Path) -> None:
    path = write_tui_debate(tmp_path)
    async with create_app(path, watch=False).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await pilot.press("j", "j", "l", "j", "j")  # the premise link to `equality`
        assert app.main.crumbs == ("uniforms", "arg-cost", "equality")
        await pilot.press("ctrl+r")
        await loaded(pilot, versions=2)
        assert app.main.crumbs == ("uniforms", "arg-cost", "equality")


async def test_when_the_selected_claim_is_deleted_its_parent_is_selected(tmp_path: Path) -> None:
    path = write_tui_debate(tmp_path)
    async with create_app(path, watch=False).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await pilot.press("j", "l", "j", "l", "j")
        assert app.main.selected == "rules-shoes"
        without = TUI_DEBATE.replace(
            "          cons:\n            - id: rules-shoes\n"
            "              text: Schools can set rules for shoes too.\n"
            "              by: ada\n",
            "",
        )
        assert without != TUI_DEBATE
        path.write_text(without, encoding="utf-8")
        await pilot.press("ctrl+r")
        await loaded(pilot, versions=2)
        assert app.main.selected == "shoes"
        assert "Schools can set rules" not in screen_text(app)
