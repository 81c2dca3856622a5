"""Claims added in the capture form join the tree as one new line, drawn as a full redraw is.

Enter in the form adds the claim's line under its parent (``ArgumentTree.grow``) instead of
drawing the whole tree again; every other edit (delete, undo of an add) still redraws. After
a random mix of adds, undos, deletes and opening/closing of claims, made through the keys,
the tree must hold exactly the lines, labels, open claims and cursor that drawing the same
version afresh gives.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from rich.text import Span, Text
from textual.pilot import Pilot
from textual.widgets import Input
from textual.widgets.tree import TreeNode

from argmap.tui import ArgmapApp, create_app
from argmap.tui.screens.ask import ChoiceScreen
from argmap.tui.screens.capture import CaptureScreen
from argmap.tui.widgets.argument_tree import ArgumentTree, Place
from tests.test_tui_support import SIZE, loaded, until, write_tui_debate

Row = tuple[int, Place | None, bool, bool, str, tuple[Span, ...]]


def make_app(tmp_path: Path) -> ArgmapApp:
    return create_app(write_tui_debate(tmp_path), watch=False, export_dir=tmp_path / "exports")


def rows(tree: ArgumentTree) -> list[Row]:
    """Every line the tree shows, top to bottom: depth, what it stands for, whether it can
    open and is open, and its label's text and styles."""
    found: list[Row] = []

    def walk(node: TreeNode[Place], depth: int) -> None:
        for child in node.children:
            label = child.label
            assert isinstance(label, Text)
            found.append(
                (depth, child.data, child.allow_expand, child.is_expanded, label.plain,
                 tuple(label.spans))
            )  # fmt: skip
            if child.is_expanded:
                walk(child, depth + 1)

    walk(tree.root, 0)
    return found


async def add(pilot: Pilot[None], app: ArgmapApp, key: str, title: str) -> None:
    await pilot.press(key)
    await until(pilot, lambda: isinstance(app.screen, CaptureScreen))
    app.screen.query_one("#title", Input).value = title
    await pilot.press("enter")
    await until(pilot, lambda: not isinstance(app.screen, CaptureScreen))


@pytest.mark.parametrize("seed", range(4))
async def test_claims_added_through_the_form_are_drawn_as_a_fresh_tree_draws_them(
    tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        tree = app.query_one(ArgumentTree)
        grown = 0
        for step in range(10):
            view = app.view
            assert view is not None
            target = rng.choice(view.tree_order)
            app.main.jump(target, record=False)
            await pilot.pause()
            action = rng.choice(["plus", "minus", "plus", "minus", "open", "close", "undo", "del"])
            if action in ("plus", "minus"):
                before = app.view
                await add(pilot, app, action, f"Step {step} of run {seed} {rng.random():.6f}")
                assert app.view is not None and app.view.growth is not None
                assert app.view.growth.base() is before
                grown += 1
            elif action in ("open", "close"):
                await pilot.press("l" if action == "open" else "h")
            elif action == "undo":
                await pilot.press("ctrl+z")
            elif target != view.debate.question.id:
                await pilot.press("delete")
                await until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
                await pilot.press("y")
            await pilot.pause()
        assert grown, "the run added nothing"
        await pilot.pause()
        drawn, cursor = rows(tree), tree.cursor_path
        assert app.view is not None
        # What is open and on screen (a claim open under a closed one would be reopened).
        shown_open = [r[1].node_id for r in drawn if r[3] and r[1] and r[1].kind == "claim"]
        tree.show(app.view, expanded=shown_open, place=cursor)
        await pilot.pause()
        assert rows(tree) == drawn
        assert tree.cursor_path == cursor


async def test_an_added_claim_lands_where_the_analysis_tree_orders_it(tmp_path: Path) -> None:
    """A reason for a claim that has objections goes before them, as a fresh tree has it."""
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        tree = app.query_one(ArgumentTree)
        app.main.jump("uniforms", record=False)
        await pilot.pause()
        await add(pilot, app, "plus", "Uniforms save time in the morning")
        assert app.main.selected == "uniforms-save-time-in-the-morning"
        assert app.view is not None
        order = [b.node_id for b in app.view.shape.children("uniforms")]
        question = tree.root.children[0]
        assert [c.data.node_id for c in question.children if c.data] == order
        assert order.index("uniforms-save-time-in-the-morning") < order.index("expression")
