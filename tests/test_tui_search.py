"""Search as you type, go to a result, then step through the matches with n and N."""

from __future__ import annotations

from pathlib import Path

from argmap.tui import ArgmapApp, create_app
from argmap.tui.widgets.argument_tree import ArgumentTree
from argmap.tui.widgets.search_panel import SearchPanel
from tests.test_tui_support import SIZE, loaded, screen_text, until, write_tui_debate


def make_app(tmp_path: Path) -> ArgmapApp:
    return create_app(write_tui_debate(tmp_path), watch=False, export_dir=tmp_path / "exports")


async def test_results_update_with_every_key(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await pilot.press("slash", "s", "h", "o")
        panel = app.query_one(SearchPanel)
        # "should", "shoes", "shops": the question, the claims about shoes, the shop prices
        assert [m.node_id for m in panel.matches] == [
            "uniforms",
            "shoes",
            "rules-shoes",
            "cost-burden",
        ]
        await pilot.press("e")
        assert [m.node_id for m in panel.matches] == ["shoes", "rules-shoes"]
        await pilot.press("s", "space", "r", "u", "l")
        assert [m.node_id for m in panel.matches] == ["rules-shoes"]
        text = screen_text(app)
        assert "1 match" in text and "Schools can set rules for shoes too." in text
        assert app.main.selected == "rules-shoes"  # the tree previews the first result


async def test_quotes_speakers_and_tags_are_found(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        panel = app.query_one(SearchPanel)
        await pilot.press("slash", *"monday")
        assert [m.node_id for m in panel.matches] == ["equality"]
        assert "(quote)" in screen_text(app)
        await pilot.press(*["backspace"] * 6, *"twombly")
        assert [m.node_id for m in panel.matches] == ["shoes", "cheap", "expression"]
        await pilot.press(*["backspace"] * 7, *"#cost")
        assert [m.node_id for m in panel.matches] == ["cheap", "cost-burden"]


async def test_enter_goes_to_the_chosen_result_and_records_the_jump(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await pilot.press("j", "slash", *"twombly", "down", "enter")
        assert app.main.selected == "cheap"
        assert not app.query_one(SearchPanel).display
        assert isinstance(app.focused, ArgumentTree)
        assert app.main.history.back_stack == (("uniforms", "equality"),)
        text = screen_text(app)
        assert "Search “twombly”: 2 of 3" in text


async def test_escape_returns_to_where_the_search_began(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await pilot.press("j", "slash", *"monday")
        assert app.main.selected == "equality"
        await pilot.press(*["backspace"] * 6, *"freedom")
        assert app.main.selected == "expression"
        await pilot.press("escape")
        assert app.main.selected == "equality"
        assert app.main.history.back_stack == ()


async def test_n_and_shift_n_step_through_matches_in_tree_order(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await pilot.press("slash", *"twombly", "enter")
        assert app.main.selected == "shoes"
        await pilot.press("n")
        assert app.main.selected == "cheap"
        await pilot.press("n", "n")
        assert app.main.selected == "shoes"  # wrapped around
        await pilot.press("N")
        assert app.main.selected == "expression"
        tree = app.query_one(ArgumentTree)
        assert tree.marked == {"shoes", "cheap", "expression"}
        await pilot.press("x")
        assert tree.marked == frozenset()
        assert "Search “twombly”" not in screen_text(app)


async def test_n_without_a_search_says_what_to_do(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE, notifications=True) as pilot:
        app = await loaded(pilot)
        await pilot.press("n")
        assert app.main.selected == "uniforms"
        await until(pilot, lambda: "Nothing highlighted: press / to search" in screen_text(app))


async def test_leaving_search_closes_what_the_previews_opened(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        tree = app.query_one(ArgumentTree)
        before = tree.expanded_ids()
        found = {"rules": "rules-shoes", "wardrobe": "cheap", "teachers": "stray"}
        for word, claim in found.items():  # three searches, three branches previewed
            await pilot.press("slash", *word)
            assert app.main.selected == claim
            await pilot.press("escape")
            assert tree.expanded_ids() == before, word
        await pilot.press("slash", *"rules", "enter")  # choosing keeps only its path open
        assert app.main.selected == "rules-shoes"
        assert tree.expanded_ids() == before | {"equality", "shoes"}


async def test_collapse_all_and_expand_all(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        tree = app.query_one(ArgumentTree)
        await pilot.press("Z")
        shape = app.main.view.shape if app.main.view else None
        assert shape is not None
        with_children = (
            {n for n in app.main.view.tree_order if shape.children(n)} if app.main.view else set()
        )
        assert tree.expanded_ids() == with_children
        assert "✚ Schools can set rules" in screen_text(app)
        await pilot.press("j", "j", "z")
        assert tree.expanded_ids() == {"uniforms"}
        assert app.main.selected == "equality"  # the top-level claim the cursor was under
        assert "Schools can set rules" not in screen_text(app)
