"""The main screen at small sizes: stacked panes, the footer's Help and Quit, resizing."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.tui import create_app
from argmap.tui.widgets.argument_tree import ArgumentTree
from argmap.tui.widgets.detail_pane import DetailPane
from tests.test_tui_support import SIZE, loaded, screen_text

SEED = Path(__file__).parent.parent / "arguments.yaml"
pytestmark = pytest.mark.skipif(
    not SEED.exists(), reason="the seed debate arguments.yaml is absent"
)


async def test_at_80_columns_the_tree_is_above_the_detail_and_titles_are_whole(
    tmp_path: Path,
) -> None:
    app = create_app(SEED, watch=False, export_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        tree, pane = app.query_one(ArgumentTree), app.query_one(DetailPane)
        assert tree.region.width == 80 and pane.region.width == 80
        assert tree.region.bottom <= pane.region.y
        assert "✚ Little left to target" not in screen_text(app)  # (closed yet)
        await pilot.press("j", "l")
        assert "├─ ▼ ✚ Labour is the pressure point left" in screen_text(app)


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 40)])
@pytest.mark.parametrize("keys", [(), ("p",), ("s",), ("question_mark",), ("c",)])
async def test_help_and_quit_are_in_the_footer_at_every_size(
    size: tuple[int, int], keys: tuple[str, ...], tmp_path: Path
) -> None:
    app = create_app(SEED, watch=False, export_dir=tmp_path)
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        await pilot.press(*keys)
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        if keys == ("question_mark",):  # in the help screen, ? and q close it
            assert "esc Close" in footer, footer
        else:
            assert "? Help" in footer and "q Quit" in footer, footer


async def test_after_a_resize_the_selected_line_is_still_on_screen(tmp_path: Path) -> None:
    app = create_app(SEED, watch=False, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        tree = app.query_one(ArgumentTree)
        for _ in range(7):
            await pilot.press("j", "l")  # open every top-level claim
        await pilot.press("G")
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        top = int(tree.scroll_y)
        assert top <= tree.cursor_line < top + tree.scrollable_content_region.height


@pytest.mark.parametrize("key", ["s", "c"])
async def test_at_80_columns_the_tables_show_each_speakers_side(key: str, tmp_path: Path) -> None:
    app = create_app(SEED, watch=False, export_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press(key)
        await pilot.pause()
        lankov = next(line for line in screen_text(app).splitlines() if "Andrei Lankov" in line)
        assert "✖ con" in lankov
