"""Every screen honours the keys its footer, the help screen and docs/tui.md promise.

The key tables in ``argmap.tui.keys`` are walked over the screens that bind them: each key
of each binding must reach that binding's action there (not be taken by a widget first).
"""

from __future__ import annotations

from pathlib import Path

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import DataTable

from argmap.tui import ArgmapApp, create_app, keys
from argmap.tui.screens.confirm import ConfirmScreen
from tests.test_tui_support import SIZE, loaded, write_tui_debate

SEED = Path(__file__).parent.parent / "arguments.yaml"


def _unreached(app: ArgmapApp, table: list[BindingType]) -> list[str]:
    """The keys of ``table`` that do not run their binding's action on the current screen."""
    active = app.screen.active_bindings
    missing = []
    for binding in table:
        assert isinstance(binding, Binding)
        for key in binding.key.split(","):
            found = active.get(key.strip())
            if found is None or found.binding.action != binding.action:
                missing.append(f"{key} ({binding.description})")
    return missing


async def test_every_key_of_every_table_reaches_its_action(tmp_path: Path) -> None:
    app = create_app(write_tui_debate(tmp_path), watch=False, export_dir=tmp_path / "exports")
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        walked: dict[str, list[str]] = {}
        walked["main"] = _unreached(app, [*keys.APP, *keys.MAIN, *keys.TREE])
        await pilot.press("j", "tab")
        walked["links"] = _unreached(app, keys.LINKS)
        await pilot.press("shift+tab", "slash")
        walked["search"] = _unreached(app, keys.SEARCH)
        await pilot.press("escape", "s")
        walked["speakers"] = _unreached(app, keys.SPEAKERS)
        await pilot.press("escape", "c")
        walked["scorecards"] = _unreached(app, keys.SCORECARDS)
        await pilot.press("escape", "p")
        walked["seminar"] = _unreached(app, keys.SEMINAR)
        await pilot.press("escape", "question_mark")
        walked["help"] = _unreached(app, keys.HELP)
        await pilot.press("escape")
        app.push_screen(ConfirmScreen("Replace it?"))
        await pilot.pause()
        walked["confirm"] = _unreached(app, keys.CONFIRM)
    assert walked == {name: [] for name in walked}


async def test_j_and_k_scroll_the_help_and_end_goes_to_the_last_speaker(tmp_path: Path) -> None:
    app = create_app(SEED, watch=False, export_dir=tmp_path / "exports")
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("question_mark")
        box = app.screen.query_one("#help-box", VerticalScroll)
        await pilot.press("j", "j", "j")
        assert box.scroll_y == 3
        await pilot.press("k")
        assert box.scroll_y == 2
        await pilot.press("escape", "s")
        table = app.screen.query_one(DataTable)
        await pilot.press("end")
        assert table.cursor_row == table.row_count - 1 > 0
        await pilot.press("home")
        assert table.cursor_row == 0


async def test_the_argument_forms_keys_reach_their_actions_and_the_help_lists_them(
    tmp_path: Path,
) -> None:
    from argmap.tui.screens.capture import ArgumentScreen
    from tests.test_tui_support import screen_text, until

    path = tmp_path / "arguments.yaml"
    path.write_bytes(SEED.read_bytes())
    app = create_app(path, watch=False, export_dir=tmp_path / "exports")
    async with app.run_test(size=(120, 60)) as pilot:
        await loaded(pilot)
        app.main.jump("arg-costs-too-great", record=False)
        await pilot.pause()
        await pilot.press("f2")
        await until(pilot, lambda: isinstance(app.screen, ArgumentScreen))
        assert _unreached(app, keys.ARGUMENT_FORM) == []
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        text = screen_text(app)
        assert "Editing an argument (F2 on one)" in text
        assert "Add a premise (search)" in text
        assert "Edit claim or argument" in text
