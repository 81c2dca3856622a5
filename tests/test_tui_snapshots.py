"""Snapshots of each screen at 120 x 40, checked by eye before they were accepted.

Regenerate with ``pytest tests/test_tui_snapshots.py --snapshot-update`` after a deliberate
change, and look at the SVGs in ``tests/__snapshots__/test_tui_snapshots/`` before committing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from argmap.tui import ArgmapApp, create_app
from argmap.tui.widgets.error_banner import ErrorBanner
from tests.test_tui_support import SIZE, loaded, until, write_tui_debate

SnapCompare = Callable[..., bool]


def make_app(tmp_path: Path) -> ArgmapApp:
    return create_app(write_tui_debate(tmp_path), watch=False, export_dir=tmp_path / "exports")


def test_main_screen(snap_compare: SnapCompare, tmp_path: Path) -> None:
    async def open_two(pilot: Pilot[None]) -> None:
        await loaded(pilot)
        await pilot.press("j", "l", "j", "j", "j", "j", "l", "j")  # two claims open

    assert snap_compare(make_app(tmp_path), terminal_size=SIZE, run_before=open_two)


def test_detail_pane_of_a_claim_with_quotes(snap_compare: SnapCompare, tmp_path: Path) -> None:
    async def select_equality(pilot: Pilot[None]) -> None:
        await loaded(pilot)
        await pilot.press("j")

    assert snap_compare(make_app(tmp_path), terminal_size=SIZE, run_before=select_equality)


def test_search(snap_compare: SnapCompare, tmp_path: Path) -> None:
    async def search(pilot: Pilot[None]) -> None:
        await loaded(pilot)
        await pilot.press("slash", *"cost")

    assert snap_compare(make_app(tmp_path), terminal_size=SIZE, run_before=search)


def test_speakers(snap_compare: SnapCompare, tmp_path: Path) -> None:
    async def speakers(pilot: Pilot[None]) -> None:
        await loaded(pilot)
        await pilot.press("s", "j")

    assert snap_compare(make_app(tmp_path), terminal_size=SIZE, run_before=speakers)


def test_seminar_on_an_argument(snap_compare: SnapCompare, tmp_path: Path) -> None:
    async def seminar(pilot: Pilot[None]) -> None:
        await loaded(pilot)
        await pilot.press("p", "right")

    assert snap_compare(make_app(tmp_path), terminal_size=SIZE, run_before=seminar)


def test_seminar_hiding_the_speaker(snap_compare: SnapCompare, tmp_path: Path) -> None:
    async def seminar(pilot: Pilot[None]) -> None:
        await loaded(pilot)
        await pilot.press("j", "p", "w")

    assert snap_compare(make_app(tmp_path), terminal_size=SIZE, run_before=seminar)


def test_error_banner_over_the_last_good_map(
    snap_compare: SnapCompare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a relative path, so the banner reads the same on every run
    path = write_tui_debate(Path("."))
    app = create_app(path, watch=False)

    async def break_the_file(pilot: Pilot[None]) -> None:
        await loaded(pilot)
        await pilot.press("j")
        path.write_text("title: [unclosed\n", encoding="utf-8")
        await pilot.press("ctrl+r")
        await until(pilot, lambda: app.query_one(ErrorBanner).display)

    assert snap_compare(app, terminal_size=SIZE, run_before=break_the_file)


def test_main_screen_at_80_by_24(snap_compare: SnapCompare, tmp_path: Path) -> None:
    """Stacked: the tree above, the detail below, Help and Quit first in the footer."""

    async def open_one(pilot: Pilot[None]) -> None:
        await loaded(pilot)
        await pilot.press("j", "l", "j")

    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), run_before=open_one)


def test_seed_seminar_slide_5_at_80_by_24(snap_compare: SnapCompare, tmp_path: Path) -> None:
    """Three wrapped premises keep their hanging indent; the slide says there is more."""
    seed = Path(__file__).parent.parent / "arguments.yaml"
    if not seed.exists():
        pytest.skip("the seed debate arguments.yaml is absent")
    app = create_app(seed, watch=False, export_dir=tmp_path / "exports")

    async def slide_5(pilot: Pilot[None]) -> None:
        await loaded(pilot)
        await pilot.press("p", "home", "right", "right", "right", "right")

    assert snap_compare(app, terminal_size=(80, 24), run_before=slide_5)


def test_capture_form(snap_compare: SnapCompare, tmp_path: Path) -> None:
    async def open_the_form(pilot: Pilot[None]) -> None:
        await loaded(pilot)
        await pilot.press("j", "minus")
        for key in "Teasing [moves] online":
            await pilot.press(key if key != " " else "space")
        await pilot.press("tab")

    assert snap_compare(make_app(tmp_path), terminal_size=SIZE, run_before=open_the_form)


def test_unsaved_marker(snap_compare: SnapCompare, tmp_path: Path) -> None:
    async def add_a_claim(pilot: Pilot[None]) -> None:
        await loaded(pilot)
        await pilot.press("j", "plus")
        for key in "Fewer fights":
            await pilot.press(key if key != " " else "space")
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(make_app(tmp_path), terminal_size=SIZE, run_before=add_a_claim)
