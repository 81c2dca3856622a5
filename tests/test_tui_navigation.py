"""Moving around the map: the tree, the detail pane's links, history, breadcrumb, mouse."""

from __future__ import annotations

from pathlib import Path

from argmap.tui import ArgmapApp, create_app
from argmap.tui.widgets.argument_tree import ArgumentTree
from argmap.tui.widgets.breadcrumb import Breadcrumb
from argmap.tui.widgets.detail_pane import DetailPane
from argmap.tui.widgets.relation_links import RelationLinks
from tests.test_tui_support import (
    SIZE,
    loaded,
    reversed_text,
    screen_text,
    until,
    write_tui_debate,
)


def make_app(tmp_path: Path) -> ArgmapApp:
    return create_app(write_tui_debate(tmp_path), watch=False, export_dir=tmp_path / "exports")


async def test_first_screen_shows_title_question_tree_and_the_question_in_detail(
    tmp_path: Path,
) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        text = screen_text(app)
        assert "School uniforms" in text and "Should schools require uniforms?" in text
        assert "✚ Uniforms hide wealth · Ada Lovelace +3" in text
        assert "✖ Clothes are self-expression · Cy Twombly +2" in text
        assert "Not connected to the question (1)" in text
        assert "◆ The central question" in text
        assert app.main.selected == "uniforms"
        for key in ("/ Search", "b Back", "s Speakers", "p Seminar", "e Export map", "? Help"):
            assert key in text  # the footer lists the keys that apply


async def test_children_are_added_only_when_a_node_opens(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        tree = app.query_one(ArgumentTree)
        equality = next(
            n
            for n in tree.root.children[0].children
            if n.data is not None and n.data.node_id == "equality"
        )
        assert len(equality.children) == 0  # not loaded yet
        await pilot.press("j", "l")
        assert [c.data.node_id for c in equality.children if c.data] == [
            "shoes",
            "expression",
            "cost-burden",
        ]
        assert "+3" not in screen_text(app).split("Uniforms hide wealth")[1].split("\n")[0]


async def test_arrow_and_vim_keys_move_the_selection_and_the_detail_follows(
    tmp_path: Path,
) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await pilot.press("j")
        assert app.main.selected == "equality"
        text = screen_text(app)
        assert "Uniforms hide differences in family wealth" in text  # full text, right pane
        assert "head teacher · Analytical School" in text  # speaker card
        assert "“Nobody can tell who is rich on a Monday morning.”" in text
        assert "The Uniform Question" in text and "2020-05-04" in text
        assert "Basis: expert opinion" in text and "#bullying" in text
        assert "Ada has run two schools." in text
        assert "1. Does teasing stop, or move to shoes and phones?" in text
        await pilot.press("down", "down")
        assert app.main.selected == "expression"
        await pilot.press("k")
        assert app.main.selected == "arg-cost"
        await pilot.press("l", "l")  # open, then step into the first child
        assert app.main.selected == "cheap"
        await pilot.press("h")  # back up to the parent
        assert app.main.selected == "arg-cost"
        text = screen_text(app)
        assert "Critical questions (Argument from positive consequences)" in text


async def test_enter_on_a_jump_link_goes_to_the_claims_home_and_back_returns(
    tmp_path: Path,
) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await pilot.press("j", "j", "l", "j", "j")  # arg-cost, cheap, then the link to equality
        tree = app.query_one(ArgumentTree)
        assert tree.cursor_node is not None and tree.cursor_node.data is not None
        assert tree.cursor_node.data.kind == "link"
        assert "↪ ✚ premise: Uniforms hide wealth" in screen_text(app)
        await pilot.press("enter")
        assert app.main.selected == "equality"
        assert app.main.crumbs == ("uniforms", "equality")  # its home, not the link's place
        assert app.main.history.back_stack == (("uniforms", "arg-cost", "equality"),)
        await pilot.press("b")
        assert tuple(app.main.crumbs) == ("uniforms", "arg-cost", "equality")  # back at the link
        await pilot.press("f")
        assert tuple(app.main.crumbs) == ("uniforms", "equality")


async def test_relation_links_in_the_detail_pane_jump_and_record_history(
    tmp_path: Path,
) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await pilot.press("j")
        pane = app.query_one(DetailPane)
        assert [(link.phrase, link.target) for link in pane.links] == [
            ("supports", "uniforms"),
            ("is a premise of", "arg-cost"),
            ("is attacked by", "shoes"),
            ("contradicts", "expression"),
            ("has its link to Uniforms? undercut by", "cost-burden"),
        ]
        assert "contradicts ✖ Clothes are self-expression" in screen_text(app)
        await pilot.press("tab")
        assert isinstance(app.focused, RelationLinks)
        await pilot.press("j", "j", "j", "enter")  # the fourth link: contradicts expression
        assert app.main.selected == "expression"
        assert isinstance(app.focused, ArgumentTree)  # following a link returns to the tree
        assert pane.links[0].target == "uniforms"
        await pilot.press("tab", "enter")  # the first link there: expression attacks the question
        assert app.main.selected == "uniforms"
        assert app.main.history.back_stack == (("uniforms", "equality"), ("uniforms", "expression"))
        await pilot.press("b", "b")
        assert app.main.selected == "equality"
        await pilot.press("b")
        assert app.main.selected == "equality"  # nothing further back
        await pilot.press("f", "f")
        assert app.main.selected == "uniforms"
        assert app.main.history.forward_stack == ()


async def test_the_focused_link_is_always_on_screen(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        app = await loaded(pilot)
        await pilot.press("j")  # equality: quotes, speakers and source push the links down
        pane = app.query_one(DetailPane)
        links = app.query_one(RelationLinks)
        assert links.region.y >= pane.region.bottom or links.region.height == 0  # below the fold
        for presses in (["tab"], ["j"], ["j"], ["j"], ["j"]):
            await pilot.press(*presses)
            await pilot.pause()
            row = pane.region.y + links.virtual_region.y - int(pane.scroll_y)
            row += links._rows().index(links.cursor or 0)
            assert pane.region.y <= row < pane.region.bottom, presses
            phrase = pane.links[links.cursor or 0].phrase.split()[0]
            assert phrase in reversed_text(app).get(row, ""), presses  # drawn as selected
        await pilot.press("enter")
        assert app.main.selected == "cost-burden"
        await pilot.press("j")
        assert app.main.selected != "cost-burden"  # j moves in the tree again


async def test_the_breadcrumb_shows_the_path_and_a_click_jumps_there(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await pilot.press("j", "l", "j", "l", "j")  # equality, shoes, rules-shoes
        assert app.main.selected == "rules-shoes"
        crumb = app.query_one(Breadcrumb)
        line = screen_text(app).splitlines()[2]
        steps = ["Uniforms?", "Uniforms hide wealth", "Teasing moves to shoes", "Schools can"]
        assert " \u203a ".join(steps) in line
        offset = line.index("Uniforms hide wealth") - crumb.region.x
        await pilot.click(Breadcrumb, offset=(offset + 2, 0))
        assert app.main.selected == "equality"
        assert app.main.history.back_stack == (("uniforms", "equality", "shoes", "rules-shoes"),)


async def test_the_mouse_selects_tree_lines(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        tree = app.query_one(ArgumentTree)
        line = next(
            i
            for i, row in enumerate(screen_text(app).splitlines())
            if "Clothes are self-expression" in row
        )
        await pilot.click(ArgumentTree, offset=(10, line - tree.region.y))
        assert app.main.selected == "expression"


async def test_a_click_on_a_relation_link_jumps_there(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await pilot.press("j")
        links = app.query_one(RelationLinks)
        row = next(
            i
            for i, line in enumerate(screen_text(app).splitlines())
            if "is attacked by ✖ Teasing moves to shoes" in line
        )
        await pilot.click(RelationLinks, offset=(2, row - links.region.y))
        await until(pilot, lambda: app.main.selected == "shoes")
        assert app.main.history.back_stack == (("uniforms", "equality"),)


async def test_labels_given_to_the_main_screen_show_in_tree_and_detail(tmp_path: Path) -> None:
    """The extension point for what-if evaluation: a badge per claim id."""
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await pilot.press("j")
        app.main.labels = {"equality": "out", "arg-cost": "in"}
        await pilot.pause()
        text = screen_text(app)
        assert "Uniforms hide wealth [out] · Ada Lovelace" in text
        assert "argument: Uniforms save money [in]" in text
        assert "✚ pro · statement · equality · [out]" in text
        app.main.labels = {}
        await pilot.pause()
        assert "[out]" not in screen_text(app)
