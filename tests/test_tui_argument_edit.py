"""F2 on a reconstructed argument: its title, gist and premises, edited in the form.

Driven with Textual's Pilot on a copy of the seed, asserting on the model the app shows and on
the file Ctrl+S writes (the author's comments and layout kept, premises as ``- ref:`` items).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import Input

from argmap.io.load import load_debate
from argmap.tui import ArgmapApp, create_app
from argmap.tui.screens.ask import PickScreen
from argmap.tui.screens.capture import ArgumentScreen
from tests.test_tui_authoring import saved, select, type_text
from tests.test_tui_support import loaded, screen_text, until

SEED = Path(__file__).parent.parent / "arguments.yaml"
ARGUMENT = "arg-costs-too-great"


def seed_app(tmp_path: Path) -> tuple[ArgmapApp, Path]:
    path = tmp_path / "arguments.yaml"
    shutil.copy(SEED, path)
    return create_app(path, watch=False, export_dir=tmp_path / "exports"), path


async def test_f2_on_an_argument_edits_its_title_gist_and_premises(tmp_path: Path) -> None:
    app, path = seed_app(tmp_path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await loaded(pilot)
        await select(pilot, app, ARGUMENT)
        await pilot.press("f2")
        await until(pilot, lambda: isinstance(app.screen, ArgumentScreen))
        form = app.screen
        title = form.query_one("#title", Input)
        premises = form.query_one("#premises", Input)
        assert title.value == "Weapons cost outweighs the benefit"
        assert premises.value == "earns-300m, funds-wmd, costs-outweigh"
        title.value = "The weapons money outweighs the exposure"
        form.query_one("#gist", Input).value = "Funding weapons is worse than any exposure."
        premises.value = "earns-300m, costs-outweigh"
        # F3: a premise picked by search, with the screen Ctrl+K links claims with.
        await pilot.press("f3")
        await until(pilot, lambda: isinstance(app.screen, PickScreen))
        await type_text(pilot, "considerable amount")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ArgumentScreen))
        assert premises.value == "earns-300m, costs-outweigh, money-significant"
        title.focus()
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, ArgumentScreen))
        assert app.session is not None and app.session.debate is not None
        argument = app.session.debate.arguments[ARGUMENT]
        assert argument.title == "The weapons money outweighs the exposure"
        assert argument.gist == "Funding weapons is worse than any exposure."
        assert argument.premises == ("earns-300m", "costs-outweigh", "money-significant")
        # `funds-wmd` is still in the debate, now hanging from nothing: check's warning.
        await until(pilot, lambda: "`funds-wmd` is not" in " ".join(screen_text(app).split()))
        await saved(pilot, app)
    text = path.read_text(encoding="utf-8")
    assert "    - argument: The weapons money outweighs the exposure\n" in text
    assert "      gist: Funding weapons is worse than any exposure.\n" in text
    assert "        - ref: money-significant\n" in text
    assert load_debate(path).debate == app.session.debate
    original = SEED.read_text(encoding="utf-8")
    comments = [line for line in original.splitlines() if line.lstrip().startswith("#")]
    assert all(line in text.splitlines() for line in comments)


async def test_an_unknown_premise_is_refused_in_the_form_with_checks_words(
    tmp_path: Path,
) -> None:
    app, _ = seed_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await select(pilot, app, ARGUMENT)
        await pilot.press("f2")
        await until(pilot, lambda: isinstance(app.screen, ArgumentScreen))
        app.screen.query_one("#premises", Input).value = "earns-300x, costs-outweigh"
        app.screen.query_one("#title", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ArgumentScreen)  # still open, with the reason
        assert "unknown statement `earns-300x`" in screen_text(app)
        assert "did you mean `earns-300m`?" in screen_text(app)
        assert app.session is not None and not app.session.dirty


async def test_an_argument_edit_is_undone_and_the_file_saves_byte_for_byte(
    tmp_path: Path,
) -> None:
    app, path = seed_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await select(pilot, app, "arg-seoul-example")
        await pilot.press("f2")
        await until(pilot, lambda: isinstance(app.screen, ArgumentScreen))
        app.screen.query_one("#premises", Input).value = "kaesong-closed"
        app.screen.query_one("#title", Input).focus()
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, ArgumentScreen))
        assert app.session is not None and app.session.debate is not None
        assert app.session.debate.arguments["arg-seoul-example"].premises == ("kaesong-closed",)
        await saved(pilot, app)
        assert "            - ref: kaesong-closed\n" in path.read_text(encoding="utf-8")
        await pilot.press("ctrl+z")
        await until(pilot, lambda: app.session is not None and app.session.dirty)
        assert app.session.debate.arguments["arg-seoul-example"].premises == ()
        await saved(pilot, app)
    assert path.read_bytes() == SEED.read_bytes()
