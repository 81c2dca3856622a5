"""`argmap outline`: the debate as a readable tree, plain when piped."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from argmap.cli import main


def test_outline_shows_sides_roles_speakers_and_quotes(
    write_debate: Callable[[str], Path], small_debate_text: str
) -> None:
    result = CliRunner().invoke(main, ["outline", str(write_debate(small_debate_text))])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "? Should schools require uniforms?"
    assert "✚ pro: Uniforms hide income differences.  — Ann Example" in lines[1]
    assert "“Nobody can tell who is poor.” (Ann Example)" in lines[2]
    assert "✖ con: Pupils still show status through shoes and phones.  — Bob Example" in lines[3]
    assert (
        "✖ con: Uniforms cost families money.  — Bob Example; conceded by Ann Example" in (lines[4])
    )
    assert "✖ pro: Cost burden" in lines[5]
    assert "✖ premise: A uniform set costs 200 euros." in lines[6]
    assert "\x1b[" not in result.stdout  # no colour codes when not a terminal


def test_outline_marks_second_places_as_links(write_debate: Callable[[str], Path]) -> None:
    path = write_debate("""\
        title: T
        question:
          id: q
          text: Q?
          pros: [{id: a, text: A}]
          cons: [{id: b, text: B, cons: [{ref: a}]}]
        """)
    result = CliRunner().invoke(main, ["outline", str(path), "--no-quotes"])
    assert "↪ see A [a]" in result.stdout
    assert result.stdout.count("A") == 2  # once in full, once as the link


def test_outline_of_an_invalid_file_exits_1(write_debate: Callable[[str], Path]) -> None:
    result = CliRunner().invoke(main, ["outline", str(write_debate("title: T\n"))])
    assert result.exit_code == 1
    assert "this debate file has no `question`" in result.stderr
