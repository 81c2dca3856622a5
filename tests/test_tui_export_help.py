"""Exporting the map from the TUI, the help screen, the command palette and binding ids."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from textual.binding import Binding

from argmap.io.atomic import atomic_write
from argmap.model.debate import Debate
from argmap.render.errors import RenderError
from argmap.tui import create_app, keys
from argmap.tui.screens.confirm import ConfirmScreen
from argmap.tui.screens.help import HelpScreen
from argmap.tui.screens.speakers import SpeakersScreen
from argmap.tui.widgets.argument_tree import ArgumentTree
from tests.test_tui_support import SIZE, loaded, screen_text, until, write_tui_debate


class FakeExport:
    """Stands in for ``argmap.render.export.export_map``: records calls, writes a file."""

    def __init__(self) -> None:
        self.calls: list[tuple[Debate, Path, str, Any]] = []
        self.threads: list[threading.Thread] = []
        self.room: list[dict[str, Any]] = []
        """The room's verdicts each call was given (the HTML page opens with them)."""
        self.fail_with: Exception | None = None

    def __call__(self, debate: Debate, out: Path, fmt: str, options: Any, **room: Any) -> None:
        self.threads.append(threading.current_thread())
        if self.fail_with is not None:
            raise self.fail_with
        self.calls.append((debate, out, fmt, options))
        self.room.append(room)
        atomic_write(out, "<svg/>")


@pytest.fixture
def fake_export(monkeypatch: pytest.MonkeyPatch) -> FakeExport:
    """Rendering is the render layer's to test; here only the TUI's use of it matters."""
    fake = FakeExport()
    monkeypatch.setattr("argmap.render.export.export_map", fake)
    return fake


async def test_e_exports_the_whole_map_in_a_worker_and_reports_the_path(
    tmp_path: Path, fake_export: FakeExport
) -> None:
    app = create_app(write_tui_debate(tmp_path), watch=False, export_dir=tmp_path / "exports")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await loaded(pilot)
        await pilot.press("e")
        await until(pilot, lambda: "Map saved" in screen_text(app))
        ((debate, out, fmt, options),) = fake_export.calls
        assert out == tmp_path / "exports" / "uniforms.svg" and out.exists()
        assert fmt == "svg" and options.focus is None and options.depth is None
        assert debate.title == "School uniforms"
        assert fake_export.threads[0] is not threading.main_thread()
        assert "uniforms.svg" in screen_text(app)


async def test_shift_e_exports_the_selected_claims_neighbourhood(
    tmp_path: Path, fake_export: FakeExport
) -> None:
    app = create_app(write_tui_debate(tmp_path), watch=False, export_dir=tmp_path / "exports")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await loaded(pilot)
        await pilot.press("j", "E")
        await until(pilot, lambda: bool(fake_export.calls))
        _, out, _, options = fake_export.calls[0]
        assert out == tmp_path / "exports" / "uniforms-focus-equality.svg"
        assert options.focus == "equality" and options.depth == 2


async def test_ctrl_e_exports_the_html_page_with_the_rooms_verdicts(
    tmp_path: Path, fake_export: FakeExport
) -> None:
    app = create_app(write_tui_debate(tmp_path), watch=False, export_dir=tmp_path / "exports")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await loaded(pilot)
        await pilot.press("j", "a")  # the room rejects the first reason
        await pilot.press("ctrl+e")
        await until(pilot, lambda: "Map saved" in screen_text(app))
        ((_, out, fmt, _),) = fake_export.calls
        assert fmt == "html" and out == tmp_path / "exports" / "uniforms-whatif.html"
        assert fake_export.room == [{"accept": (), "reject": ("equality",)}]


async def test_e_never_replaces_a_file_this_session_did_not_write_without_asking(
    tmp_path: Path, fake_export: FakeExport
) -> None:
    committed = tmp_path / "exports" / "uniforms.svg"
    committed.parent.mkdir()
    committed.write_text("<svg>someone's map</svg>", encoding="utf-8")
    app = create_app(write_tui_debate(tmp_path), watch=False, export_dir=tmp_path / "exports")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await loaded(pilot)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert "Replace" in screen_text(app) and "uniforms.svg" in screen_text(app)
        await pilot.press("n")
        await until(pilot, lambda: "kept as it was" in screen_text(app))
        assert committed.read_text(encoding="utf-8") == "<svg>someone's map</svg>"
        assert fake_export.calls == []
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await until(pilot, lambda: len(fake_export.calls) == 1)
        await until(pilot, lambda: "Map saved" in screen_text(app))
        assert committed.read_text(encoding="utf-8") == "<svg/>"
        await pilot.press("e")  # written by this session: replaced without asking
        await until(pilot, lambda: len(fake_export.calls) == 2)
        assert not isinstance(app.screen, ConfirmScreen)


async def test_a_what_if_map_is_named_for_its_view_and_keeps_the_plain_one(
    tmp_path: Path, fake_export: FakeExport
) -> None:
    app = create_app(write_tui_debate(tmp_path), watch=False, export_dir=tmp_path / "exports")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await loaded(pilot)
        await pilot.press("j", "a", "e")
        await until(pilot, lambda: bool(fake_export.calls))
        _, out, _, options = fake_export.calls[0]
        assert out == tmp_path / "exports" / "uniforms-whatif.svg"
        assert options.labels["equality"] == "out"
        await until(pilot, lambda: app.main._exporting is None)
        await pilot.press("E")
        await until(pilot, lambda: len(fake_export.calls) == 2)
        assert fake_export.calls[1][1].name == "uniforms-focus-equality-whatif.svg"


async def test_an_export_shows_its_progress_until_it_is_done(
    tmp_path: Path, fake_export: FakeExport, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    slow = FakeExport()

    def wait_then_write(debate: Debate, out: Path, fmt: str, options: Any) -> None:
        release.wait(10)
        slow(debate, out, fmt, options)

    monkeypatch.setattr("argmap.render.export.export_map", wait_then_write)
    app = create_app(write_tui_debate(tmp_path), watch=False, export_dir=tmp_path / "exports")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await loaded(pilot)
        await pilot.press("e")
        await until(pilot, lambda: "Exporting" in screen_text(app))
        assert "the first export starts the built-in Graphviz" in screen_text(app)
        release.set()
        await until(pilot, lambda: "Map saved" in screen_text(app))
        assert "Exporting" not in screen_text(app)


async def test_a_failed_export_is_reported_and_the_app_carries_on(
    tmp_path: Path, fake_export: FakeExport
) -> None:
    fake_export.fail_with = RenderError("Graphviz ran out of patience", "try a smaller map")
    app = create_app(write_tui_debate(tmp_path), watch=False, export_dir=tmp_path / "exports")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await loaded(pilot)
        await pilot.press("e")
        await until(pilot, lambda: "Export failed" in screen_text(app))
        assert "Graphviz ran out of patience" in screen_text(app)
        assert "try a smaller map" in screen_text(app)
        await pilot.press("j")
        assert app.main.selected == "equality"


async def test_the_help_screen_lists_every_key_and_the_symbols(tmp_path: Path) -> None:
    app = create_app(write_tui_debate(tmp_path), watch=False)
    async with app.run_test(size=(120, 160)) as pilot:
        await loaded(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "✚ pro: on the pro side of the question" in text
        for _, bindings in keys.SECTIONS:
            for binding in bindings:
                assert isinstance(binding, Binding)
                assert binding.description in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


async def test_the_command_palette_offers_every_action(tmp_path: Path) -> None:
    app = create_app(write_tui_debate(tmp_path), watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        for binding in [*keys.MAIN, *keys.APP]:
            assert isinstance(binding, Binding)
            assert binding.description in titles
        commands = list(app.get_system_commands(app.screen))
        assert len(titles) == len(commands)  # one entry per action
        assert [c.title for c in commands].count("Quit") == 1
        assert not titles & {"Keys", "Screenshot", "Maximize", "Minimize"}
        assert all(c.help.split(" (key:")[0] != c.title for c in commands)  # says what it does
        assert {"Tree: Collapse all", "Tree: Expand all", "Tree: Down"} <= titles
        collapse = next(c for c in commands if c.title == "Tree: Expand all")
        await collapse.callback()  # type: ignore[misc]
        await pilot.pause()
        assert app.query_one(ArgumentTree).expanded_ids() >= {"uniforms", "equality", "shoes"}
        await pilot.press("ctrl+p", *"speakers")
        await until(pilot, lambda: "Speakers" in screen_text(app))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, SpeakersScreen))


def test_every_binding_has_a_unique_id() -> None:
    ids = []
    for name in (
        "APP",
        "MAIN",
        "TREE",
        "LINKS",
        "SEMINAR",
        "SPEAKERS",
        "SEARCH",
        "HELP",
        "CONFIRM",
    ):
        for binding in getattr(keys, name):
            assert isinstance(binding, Binding) and binding.id, binding
            assert binding.id.startswith("argmap.")
            ids.append(binding.id)
    assert len(ids) == len(set(ids))


async def test_an_export_through_the_real_renderer_writes_an_svg(tmp_path: Path) -> None:
    app = create_app(write_tui_debate(tmp_path), watch=False, export_dir=tmp_path / "exports")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await loaded(pilot)
        await pilot.press("j", "E")
        out = tmp_path / "exports" / "uniforms-focus-equality.svg"
        await until(pilot, lambda: "Map saved" in screen_text(app), timeout=60)
        assert "<svg" in out.read_text(encoding="utf-8")
        assert "Uniforms hide" in out.read_text(encoding="utf-8")


async def test_a_keymap_can_rebind_a_key_by_its_id(tmp_path: Path) -> None:
    app = create_app(write_tui_debate(tmp_path), watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        app.set_keymap({"argmap.speakers": "ctrl+k"})
        await pilot.press("ctrl+k")
        await until(pilot, lambda: isinstance(app.screen, SpeakersScreen))
