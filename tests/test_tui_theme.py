"""Themes: every widget follows a theme change at once, and sides stay readable in each.

The contrast test measures what is drawn: the colour of each side's symbol in the tree and
in the detail pane against the background of the widget it sits on (the tree focused, so
with its tint), by WCAG 2's formula, for every built-in theme.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from rich.segment import Segment
from rich.text import Text
from textual.app import App
from textual.color import Color

from argmap.tui import create_app
from argmap.tui.palette import MIN_CONTRAST, contrast
from argmap.tui.widgets.argument_tree import ArgumentTree
from argmap.tui.widgets.detail_pane import DetailPane
from tests.test_tui_support import SIZE, loaded, write_tui_debate

THEMES = sorted(App().available_themes)
SIDES = {"pro": "equality", "con": "expression", "neutral": "stray", "question": "uniforms"}
"""A claim of each side in the TUI test debate (``stray`` is not connected: neutral)."""


def _symbol_colour(tree: ArgumentTree, node_id: str) -> Color:
    """The colour of the side symbol that starts a claim's line in the tree."""
    label = tree._placed[node_id][0].label
    assert isinstance(label, Text)
    style = label.get_style_at_offset(tree.app.console, 0)
    assert style.color is not None and style.color.triplet is not None
    return Color(*style.color.triplet)


@pytest.mark.parametrize("theme", THEMES)
async def test_side_symbols_and_labels_reach_4_5_to_1_in_every_theme(
    theme: str, tmp_path: Path
) -> None:
    if theme.startswith("ansi"):
        pytest.skip(f"{theme} leaves colours to the terminal's own palette, which is not known")
    app = create_app(write_tui_debate(tmp_path), watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        app.theme = theme
        await pilot.press("j", "k")
        tree = app.query_one(ArgumentTree)
        tree.reveal("stray")
        await pilot.pause()
        tree_ground = tree.background_colors[1]
        pane_ground = app.query_one(DetailPane).background_colors[1]
        for side, node_id in SIDES.items():
            colour = _symbol_colour(tree, node_id)
            assert contrast(colour, tree_ground) >= MIN_CONTRAST, (side, "tree")
            variable = Color.parse(app.theme_variables[f"argmap-{side}"])
            assert contrast(variable, pane_ground) >= MIN_CONTRAST, (side, "detail pane")


async def test_the_tree_follows_a_theme_change_at_once(tmp_path: Path) -> None:
    app = create_app(write_tui_debate(tmp_path), watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        tree = app.query_one(ArgumentTree)
        dark = _symbol_colour(tree, "equality")
        app.theme = "textual-light"
        await pilot.pause()
        light = Color.parse(app.theme_variables["argmap-pro"])
        assert dark != light
        assert _symbol_colour(tree, "equality") == light


def _drawn_colours(app: App[None], text: str) -> set[Color]:
    """The colours ``text`` is drawn in anywhere on screen."""
    console = Console(width=app.size.width, file=io.StringIO(), force_terminal=True)
    update = app.screen._compositor.render_update(full=True)
    assert update is not None
    found = set()
    for segment in Segment.split_and_crop_lines(console.render(update), app.size.width):
        for piece in segment:
            if text in piece.text and piece.style and piece.style.color:
                triplet = piece.style.color.triplet
                if triplet is not None:
                    found.add(Color(*triplet))
    return found


async def test_the_detail_pane_and_header_follow_a_theme_change_at_once(tmp_path: Path) -> None:
    app = create_app(write_tui_debate(tmp_path), watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("j")  # equality: "✚ pro" heads the detail pane
        app.theme = "textual-light"
        await pilot.pause()
        pro = Color.parse(app.theme_variables["argmap-pro"])
        assert pro in _drawn_colours(app, "pro")
        question = Color.parse(app.theme_variables["argmap-question"])
        assert question in _drawn_colours(app, "argmap")
