"""`argmap tui` and bare `argmap`: which file opens, and what happens with a bad one."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from textual.pilot import Pilot

from argmap.cli import main
from argmap.tui import ArgmapApp
from tests.test_tui_reload import BROKEN
from tests.test_tui_support import loaded, write_tui_debate

opened: list[Path] = []


async def look_and_quit(pilot: Pilot[None]) -> None:
    app = await loaded(pilot)
    opened.append(app.path)
    await pilot.press("q")


async def just_wait(pilot: Pilot[None]) -> None:
    await pilot.pause(5)  # the app ends on its own when the file does not load


@pytest.fixture(autouse=True)
def headless(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the real app without a terminal, driven by ``look_and_quit``."""
    original = ArgmapApp.run
    opened.clear()

    def run(self: ArgmapApp) -> None:
        script = (
            look_and_quit if self.path.exists() and "broken" not in self.path.name else just_wait
        )
        original(self, headless=True, size=(120, 40), auto_pilot=script)

    monkeypatch.setattr(ArgmapApp, "run", run)


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_argmap_tui_file_opens_that_file(tmp_path: Path) -> None:
    path = write_tui_debate(tmp_path)
    result = invoke("tui", str(path))
    assert result.exit_code == 0, result.output
    assert opened == [path]


def test_bare_argmap_opens_arguments_yaml_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tui_debate(tmp_path, name="arguments.yaml")
    monkeypatch.chdir(tmp_path)
    result = invoke()
    assert result.exit_code == 0, result.output
    assert opened == [Path("arguments.yaml")]


def test_a_missing_file_or_a_folder_exits_1_with_a_hint(tmp_path: Path) -> None:
    result = invoke("tui", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 1
    assert "no such file" in result.stderr and "hint:" in result.stderr
    result = invoke("tui", str(tmp_path))
    assert result.exit_code == 1 and "is a folder" in result.stderr
    assert opened == []


def test_a_file_that_does_not_load_exits_1_with_file_line_col(tmp_path: Path) -> None:
    path = write_tui_debate(tmp_path, BROKEN, name="broken.yaml")
    result = invoke("tui", str(path))
    assert result.exit_code == 1
    assert f"{path}:2" in result.stderr and "YAML syntax" in result.stderr
    assert "Traceback" not in result.output
