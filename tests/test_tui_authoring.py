"""Authoring in the TUI, driven with Textual's Pilot as a teacher would use it.

Every test asserts on the model the app shows and on the file it saves: add a reason or an
objection, edit, undercut, link, move, delete, undo and redo, save, quit with unsaved edits,
live reload with unsaved edits, and the seminar room's verdicts, notes and handout.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from argmap.io.load import load_debate
from argmap.io.room import load_room
from argmap.model.debate import RelationKind
from argmap.tui import ArgmapApp, create_app
from argmap.tui.screens.ask import ChoiceScreen, PickScreen, PromptScreen
from argmap.tui.screens.capture import CaptureScreen
from argmap.tui.screens.seminar import SeminarScreen
from tests.test_tui_support import SIZE, TUI_DEBATE, loaded, screen_text, until, write_tui_debate

COMMENTED = "# Written by hand: this comment must survive every save.\n" + TUI_DEBATE


def make_app(tmp_path: Path, text: str = COMMENTED) -> ArgmapApp:
    return create_app(
        write_tui_debate(tmp_path, text),
        watch=False,
        export_dir=tmp_path / "exports",
        room_file=tmp_path / "uniforms.room.yaml",
    )


async def type_text(pilot: Pilot[None], text: str) -> None:
    for character in text:
        await pilot.press(character if character != " " else "space")


async def select(pilot: Pilot[None], app: ArgmapApp, node_id: str) -> None:
    app.main.jump(node_id, record=False)
    await until(pilot, lambda: app.main.selected == node_id)


async def saved(pilot: Pilot[None], app: ArgmapApp) -> None:
    await pilot.press("ctrl+s")
    await until(pilot, lambda: app.session is not None and not app.session.dirty)
    await app.workers.wait_for_complete()


async def test_minus_adds_an_objection_and_ctrl_s_keeps_the_authors_text(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await select(pilot, app, "equality")
        await pilot.press("minus")
        assert isinstance(app.screen, CaptureScreen)
        await type_text(pilot, "Uniforms [cost] a lot")
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, CaptureScreen))
        debate = app.session.debate if app.session else None
        assert debate is not None
        new = debate.statements["uniforms-cost-a-lot"]
        assert new.text == "Uniforms [cost] a lot"
        assert debate.relations["uniforms-cost-a-lot->equality"].kind is RelationKind.ATTACKS
        assert app.main.selected == "uniforms-cost-a-lot"  # the tree shows it, selected
        assert "● unsaved" in screen_text(app)
        await saved(pilot, app)
        assert "● unsaved" not in screen_text(app)
    text = (tmp_path / "uniforms.yaml").read_text()
    assert text.startswith("# Written by hand: this comment must survive every save.\n")
    assert load_debate(tmp_path / "uniforms.yaml").debate == debate
    assert all(line in text.splitlines() for line in COMMENTED.splitlines())


async def test_tab_opens_the_other_fields_and_a_new_speaker_is_declared(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await select(pilot, app, "equality")
        await pilot.press("plus")
        await type_text(pilot, "Less teasing")
        await pilot.press("tab")
        assert app.screen.query_one("#capture-more").display
        app.screen.query_one("#text", Input).value = "Teasing about clothes stops."
        app.screen.query_one("#speakers", Input).value = "Dee Newcomer, ada"
        app.screen.query_one("#basis", Input).value = "testimony"
        app.screen.query_one("#quote", Input).value = "Nobody laughs at my jumper now."
        app.screen.query_one("#tags", Input).value = "bullying, class"
        app.screen.query_one("#questions", Input).value = "Is this true everywhere?"
        app.screen.query_one("#text", Input).focus()
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, CaptureScreen))
        await saved(pilot, app)
    debate = load_debate(tmp_path / "uniforms.yaml").debate
    claim = debate.statements["less-teasing"]
    assert claim.title == "Less teasing" and claim.text == "Teasing about clothes stops."
    assert claim.speakers == ("dee-newcomer", "ada")
    assert debate.speakers["dee-newcomer"].name == "Dee Newcomer"
    assert claim.basis is not None and claim.basis.value == "testimony"
    assert claim.quotes[0].text == "Nobody laughs at my jumper now."
    assert claim.quotes[0].speaker == "dee-newcomer"
    assert claim.tags == ("bullying", "class")
    assert claim.questions == ("Is this true everywhere?",)
    assert debate.relations["less-teasing->equality"].kind is RelationKind.SUPPORTS


async def test_a_refused_edit_shows_checks_message_in_the_form(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await select(pilot, app, "equality")
        await pilot.press("plus")
        await pilot.press("tab")
        app.screen.query_one("#title", Input).value = "Quoted"
        app.screen.query_one("#quote", Input).value = "Words."
        app.screen.query_one("#source", Input).value = "papr"
        app.screen.query_one("#title", Input).focus()
        await pilot.press("enter")
        assert isinstance(app.screen, CaptureScreen)  # still open, with the reason
        assert "unknown source `papr`" in screen_text(app)
        assert "did you mean `paper`?" in screen_text(app)
        assert app.session is not None and not app.session.dirty


async def test_f2_edits_the_selected_claim(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await select(pilot, app, "equality")
        await pilot.press("f2")
        assert isinstance(app.screen, CaptureScreen)
        title = app.screen.query_one("#title", Input)
        assert title.value == "Uniforms hide wealth"
        title.value = "Uniforms hide family wealth"
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, CaptureScreen))
        await saved(pilot, app)
    text = (tmp_path / "uniforms.yaml").read_text()
    assert "      title: Uniforms hide family wealth\n" in text
    assert "      title: Uniforms hide wealth\n" not in text
    statement = load_debate(tmp_path / "uniforms.yaml").debate.statements["equality"]
    assert statement.text.startswith("Uniforms hide differences")  # the rest is kept


async def test_undo_and_redo_every_edit(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        original = app.session.debate if app.session else None
        await select(pilot, app, "equality")
        await pilot.press("minus")
        await type_text(pilot, "First")
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, CaptureScreen))
        assert app.session is not None
        after = app.session.debate
        await pilot.press("ctrl+z")
        assert app.session.debate == original and not app.session.dirty
        assert app.view is not None and not app.view.has("first")
        await pilot.press("ctrl+y")
        assert app.session.debate == after
        assert app.view is not None and app.view.has("first")
        await pilot.press("ctrl+z")
        await saved(pilot, app)
    assert (tmp_path / "uniforms.yaml").read_text() == COMMENTED  # byte for byte


async def test_delete_asks_and_says_what_goes_with_the_claim(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await select(pilot, app, "shoes")
        await pilot.press("delete")
        assert isinstance(app.screen, ChoiceScreen)
        shown = screen_text(app)
        assert "Delete “Teasing moves to shoes”" in shown
        assert "Schools can set rules for shoes too." in shown  # it goes too
        await pilot.press("n")
        assert app.session is not None and not app.session.dirty
        await pilot.press("delete", "y")
        await saved(pilot, app)
    debate = load_debate(tmp_path / "uniforms.yaml").debate
    assert "shoes" not in debate.statements and "rules-shoes" not in debate.statements


async def test_link_by_search_then_kind(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await select(pilot, app, "shoes")
        await pilot.press("ctrl+k")
        assert isinstance(app.screen, PickScreen)
        await type_text(pilot, "poor families")
        await pilot.press("enter")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("s")
        await saved(pilot, app)
    debate = load_debate(tmp_path / "uniforms.yaml").debate
    assert debate.relations["shoes->cost-burden"].kind is RelationKind.SUPPORTS


async def test_move_under_another_claim(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await select(pilot, app, "rules-shoes")
        await pilot.press("m")
        await type_text(pilot, "poor families")
        await pilot.press("enter", "c")
        await saved(pilot, app)
    debate = load_debate(tmp_path / "uniforms.yaml").debate
    assert "rules-shoes->shoes" not in debate.relations
    assert debate.relations["rules-shoes->cost-burden"].kind is RelationKind.ATTACKS


async def test_undercut_of_the_selected_claims_link(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await select(pilot, app, "shoes")
        await pilot.press("u")
        assert isinstance(app.screen, CaptureScreen)
        await type_text(pilot, "Shoes are not wealth")
        await pilot.press("enter")
        await saved(pilot, app)
    debate = load_debate(tmp_path / "uniforms.yaml").debate
    relation = debate.relations["shoes-are-not-wealth->shoes->equality"]
    assert relation.kind is RelationKind.UNDERCUTS and relation.target == "shoes->equality"


async def test_quitting_with_unsaved_edits_asks(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await select(pilot, app, "equality")
        await pilot.press("minus")
        await type_text(pilot, "Unsaved")
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, CaptureScreen))
        await pilot.press("q")
        assert isinstance(app.screen, ChoiceScreen)
        assert "unsaved edits" in screen_text(app)
        await pilot.press("escape")
        assert app.is_running
        await pilot.press("q", "s")
        await until(pilot, lambda: not app.is_running)
    assert "unsaved" in load_debate(tmp_path / "uniforms.yaml").debate.statements


async def test_a_change_on_disk_with_unsaved_edits_offers_a_choice(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await select(pilot, app, "equality")
        await pilot.press("minus")
        await type_text(pilot, "Mine")
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, CaptureScreen))
        path = tmp_path / "uniforms.yaml"
        path.write_text(COMMENTED.replace("Uniforms hide wealth", "Changed elsewhere"))
        app.load()
        await until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        assert "changed on disk" in screen_text(app)
        await pilot.press("a")  # save mine under another name
        assert isinstance(app.screen, PromptScreen)
        app.screen.query_one(Input).value = str(tmp_path / "mine.yaml")
        await pilot.press("enter")
        await until(pilot, lambda: (tmp_path / "mine.yaml").exists())
        await app.workers.wait_for_complete()
    mine = load_debate(tmp_path / "mine.yaml").debate
    assert "mine" in mine.statements
    assert "Changed elsewhere" in path.read_text()  # their change is not overwritten


async def test_seminar_plus_verdict_note_and_handout_go_in_the_room_file(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await select(pilot, app, "equality")
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, SeminarScreen))
        assert isinstance(app.screen, SeminarScreen)
        assert app.screen.current == "equality"
        await pilot.press("minus")
        await type_text(pilot, "Raised in class")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, SeminarScreen))
        seminar = app.screen
        assert isinstance(seminar, SeminarScreen)
        assert seminar.current == "raised-in-class"  # the new claim is the next slide
        await pilot.press("a")  # the room rejects it
        assert "The room rejects this" in screen_text(app)
        await pilot.press("t")
        await type_text(pilot, "Half the class agreed")
        await pilot.press("enter")
        assert "Half the class agreed" in screen_text(app)
        await pilot.press("H")
        await pilot.pause()
    room = load_room(tmp_path / "uniforms.room.yaml", tmp_path / "uniforms.yaml")
    assert room.verdicts == {"raised-in-class": "reject"}
    assert room.notes["raised-in-class"][0].text == "Half the class agreed"
    assert room.slide == "raised-in-class"
    assert [(a.id, a.parent, a.stance) for a in room.added] == [
        ("raised-in-class", "equality", "con")
    ]
    handout = (tmp_path / "uniforms.handout.md").read_text()
    assert "## What the room concluded" in handout
    assert "The room rejects “Raised in class”." in handout
    assert "Half the class agreed" in handout


async def test_the_room_is_reloaded_when_the_same_room_opens_again(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        app = await loaded(pilot)
        await select(pilot, app, "equality")
        await pilot.press("a")  # what-if in the main screen: the same verdicts
        assert app.main.room == {"equality": "reject"}
    app = create_app(
        tmp_path / "uniforms.yaml",
        watch=False,
        export_dir=tmp_path / "exports",
        room_file=tmp_path / "uniforms.room.yaml",
    )
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.main.room == {"equality": "reject"}
        assert app.main.evaluation is not None


async def test_an_imported_debate_is_saved_as_a_new_yaml_file(tmp_path: Path) -> None:
    source = tmp_path / "uniforms.txt"
    kialo = Path(__file__).parent / "data" / "kialo" / "uniforms.txt"
    source.write_bytes(kialo.read_bytes())
    app = create_app(source, watch=False, export_dir=tmp_path / "exports")
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.view is not None
        await pilot.press("minus")
        await type_text(pilot, "From the room")
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, CaptureScreen))
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, PromptScreen)
        assert app.screen.query_one(Input).value == str(tmp_path / "uniforms.yaml")
        await pilot.press("enter")
        await until(pilot, lambda: (tmp_path / "uniforms.yaml").exists())
        await app.workers.wait_for_complete()
    assert source.read_bytes() == kialo.read_bytes()  # the import is never written over
    assert "from-the-room" in load_debate(tmp_path / "uniforms.yaml").debate.statements


async def test_claim_text_with_markup_characters_is_shown_as_text(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE, notifications=True) as pilot:
        app = await loaded(pilot)
        await select(pilot, app, "equality")
        await pilot.press("minus")
        await type_text(pilot, "[bold]not bold[/bold]")
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, CaptureScreen))
        await pilot.press("ctrl+z")  # the notification names the claim
        await pilot.pause()
        assert "[bold]not bold[/bold]" in screen_text(app)
