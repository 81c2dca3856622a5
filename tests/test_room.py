"""The room file: a seminar's record beside its debate, and `--room` on the commands."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import get_args

import pytest
from click.testing import CliRunner

from argmap.analysis.weighing import Standard
from argmap.cli import main
from argmap.io.diagnostics import DebateLoadError
from argmap.io.room import load_room, room_path, save_room
from argmap.model.room import ProofStandard, Room

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


def ranked_room() -> Room:
    return seminar_room().with_weighing(("exposure", "security"), "scintilla")


def test_the_rooms_ranking_and_standard_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "arguments.room.yaml"
    save_room(ranked_room(), path)
    text = path.read_text()
    assert "ranking:\n- exposure\n- security\nstandard: scintilla\n" in text
    loaded = load_room(path, SEED, ("security", "human-rights", "exposure", "feasibility"))
    assert loaded == ranked_room()
    assert (loaded.ranking, loaded.standard) == (("exposure", "security"), "scintilla")
    save_room(loaded.with_weighing((), None), path)  # unranked again: nothing kept
    assert "ranking" not in path.read_text() and "standard" not in path.read_text()


def test_the_room_file_names_every_proof_standard() -> None:
    assert set(get_args(ProofStandard)) == {standard.value for standard in Standard}


def test_an_unknown_value_in_the_rooms_ranking_is_located(tmp_path: Path) -> None:
    path = tmp_path / "x.room.yaml"
    path.write_text("room: 1\ndebate: x.yaml\nranking:\n  - exposure\n  - securty\n")
    with pytest.raises(DebateLoadError) as error:
        load_room(path, tmp_path / "x.yaml", ("security", "exposure"))
    (diagnostic,) = error.value.diagnostics
    assert (diagnostic.line, diagnostic.column) == (5, 5)
    assert "no value `securty`; did you mean `security`?" in diagnostic.message
    assert load_room(path, tmp_path / "x.yaml").ranking == ("exposure", "securty")  # unchecked


@pytest.mark.parametrize(
    ("body", "where", "said"),
    [
        ("standard: beyond-doubt\n", 3, "`standard`: Input should be 'scintilla'"),
        ("ranking: [exposure, exposure]\n", 3, "`exposure` is ranked twice"),
    ],
)
def test_a_bad_standard_or_a_value_ranked_twice_is_located(
    tmp_path: Path, body: str, where: int, said: str
) -> None:
    path = tmp_path / "x.room.yaml"
    path.write_text("room: 1\ndebate: x.yaml\n" + body)
    with pytest.raises(DebateLoadError) as error:
        load_room(path, tmp_path / "x.yaml")
    assert error.value.diagnostics[0].line == where
    assert said in error.value.diagnostics[0].message


def test_evaluate_weighs_by_the_rooms_ranking_unless_told_otherwise(tmp_path: Path) -> None:
    room = tmp_path / "class.room.yaml"
    save_room(Room(debate="arguments.yaml").with_weighing(("exposure", "security"), None), room)
    runner = CliRunner()

    def question(*args: str) -> dict[str, object]:
        result = runner.invoke(main, ["evaluate", str(SEED), "--format", "json", *args])
        assert result.exit_code == 0, result.output
        answer: dict[str, object] = json.loads(result.output)["question"]
        return answer

    assert question("--room", str(room))["label"] == "out"  # as Yang's ranking has it
    assert question("--audience", "yang")["label"] == "out"
    assert question()["label"] == "undec"
    assert (
        question("--room", str(room), "--audience", "go")["label"]
        == question("--audience", "go")["label"]
    )  # the command line wins
    text = runner.invoke(main, ["evaluate", str(SEED), "--room", str(room)]).output
    assert "ranking: exposure > security" in text
    assert "the motion falls" in text
    save_room(Room(debate="arguments.yaml").with_weighing((), "scintilla"), room)
    assert "scintilla" in json.dumps(question("--room", str(room)))
    assert "preponderance" in json.dumps(
        question("--room", str(room), "--standard", "preponderance")
    )


def test_export_draws_the_rooms_ranking_and_refuses_an_unknown_value(tmp_path: Path) -> None:
    room = tmp_path / "class.room.yaml"
    save_room(Room(debate="arguments.yaml").with_weighing(("exposure", "security"), None), room)
    runner = CliRunner()

    def dot(name: str, *args: str) -> str:
        out = tmp_path / f"{name}.dot"
        result = runner.invoke(
            main,
            ["export", str(SEED), "--evaluate", "grounded", "-f", "dot", "-o", str(out), *args],
        )
        assert result.exit_code == 0, result.output
        return out.read_text()

    assert dot("room", "--room", str(room)) == dot("yang", "--audience", "yang")
    assert dot("room", "--room", str(room)) != dot("plain")
    room.write_text("room: 1\ndebate: arguments.yaml\nranking: [exposure, welfare]\n")
    result = runner.invoke(main, ["evaluate", str(SEED), "--room", str(room)])
    assert result.exit_code == 1
    assert "class.room.yaml:3:21: error: room file: `ranking.1`: the debate has no value" in (
        result.output
    )
    assert "Traceback" not in result.output
