"""The room file: a seminar's record beside its debate, and `--room` on the commands."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.io.diagnostics import DebateLoadError
from argmap.io.room import load_room, room_path, save_room
from argmap.model.room import Room

SEED = Path(__file__).parent.parent / "arguments.yaml"
AT = dt.datetime(2026, 3, 4, 10, 15, tzinfo=dt.UTC)


def seminar_room() -> Room:
    room = Room(debate="arguments.yaml").with_verdict("funds-wmd", "reject")
    room = room.with_note("funds-wmd", "Half the class: <b>no</b> [red]", AT)
    return room.at_slide("funds-wmd")


def test_the_room_file_round_trips_and_sits_beside_the_debate(tmp_path: Path) -> None:
    path = room_path(tmp_path / "arguments.yaml")
    assert path == tmp_path / "arguments.room.yaml"
    save_room(seminar_room(), path)
    assert load_room(path, tmp_path / "arguments.yaml") == seminar_room()
    assert load_room(tmp_path / "none.room.yaml", tmp_path / "arguments.yaml").verdicts == {}


def test_a_broken_room_file_is_reported_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "x.room.yaml"
    path.write_text("room: 1\ndebate: x.yaml\nverdicts:\n  funds-wmd: maybe\n")
    with pytest.raises(DebateLoadError) as error:
        load_room(path, tmp_path / "x.yaml")
    diagnostic = error.value.diagnostics[0]
    assert (diagnostic.line, "verdicts.funds-wmd" in diagnostic.message) == (4, True)


def test_evaluate_and_export_use_the_rooms_verdicts(tmp_path: Path) -> None:
    room = tmp_path / "class.room.yaml"
    save_room(seminar_room(), room)
    runner = CliRunner()
    result = runner.invoke(main, ["evaluate", str(SEED), "--room", str(room)])
    assert result.exit_code == 0, result.output
    assert "the room rejects: funds-wmd" in result.output
    result = runner.invoke(
        main, ["export", str(SEED), "--room", str(room), "-f", "dot", "-o", str(tmp_path / "m.dot")]
    )
    assert result.exit_code == 0, result.output
    dot = (tmp_path / "m.dot").read_text()
    plain = runner.invoke(main, ["export", str(SEED), "-f", "dot", "-o", str(tmp_path / "p.dot")])
    assert plain.exit_code == 0
    assert dot != (tmp_path / "p.dot").read_text()  # the room's labels are drawn


def test_convert_writes_the_handout_with_the_rooms_conclusions(tmp_path: Path) -> None:
    room = tmp_path / "class.room.yaml"
    save_room(seminar_room(), room)
    out = tmp_path / "handout.md"
    result = CliRunner().invoke(main, ["convert", str(SEED), str(out), "--room", str(room)])
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert text.startswith("# Stopping North Korea's overseas workers")
    assert "## What the room concluded" in text
    assert "- The room rejects “The money funds WMD”." in text
    assert "Half the class: <b>no</b> [red]" not in text  # user text is escaped, not markup
    assert "Half the class: \\<b\\>no\\</b\\> \\[red\\]" in text


def test_room_options_refuse_what_they_cannot_do(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(main, ["evaluate", str(SEED), "--room", str(tmp_path / "no.yaml")])
    assert missing.exit_code == 1 and "no such room file" in missing.output
    save_room(seminar_room(), tmp_path / "r.room.yaml")
    yaml_out = runner.invoke(
        main,
        ["convert", str(SEED), str(tmp_path / "o.yaml"), "--room", str(tmp_path / "r.room.yaml")],
    )
    assert yaml_out.exit_code == 2 and "Markdown handout" in yaml_out.output
