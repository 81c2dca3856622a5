"""`argmap check` as a person and an editor use it: messages, exit codes, JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from argmap.cli import main

WriteDebate = Callable[..., Path]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_valid_file_exits_0_with_counts(write_debate: WriteDebate, small_debate_text: str) -> None:
    path = write_debate(small_debate_text)
    code, _, err = run("check", str(path))
    assert code == 0
    assert "valid · 5 statements, 1 arguments, 4 relations, 2 speakers, 1 quotes" in err


def test_invalid_file_exits_1_with_file_line_col(write_debate: WriteDebate) -> None:
    path = write_debate("title: T\nquestion: {id: q, text: Q?, pros: [{id: a, text: A, by: x}]}\n")
    code, _, err = run("check", str(path))
    assert code == 1
    assert f"{path}:2:57: error: unknown speaker `x`" in err
    assert "hint: declare it under `speakers:`" in err


def test_json_output_has_the_documented_shape(
    write_debate: WriteDebate, small_debate_text: str
) -> None:
    path = write_debate(small_debate_text + "statements: [{id: stray, text: S}]\n")
    code, out, _ = run("check", str(path), "--format", "json")
    report = json.loads(out)
    assert code == 0
    assert report["file"] == str(path)
    assert report["valid"] is True
    assert report["errors"] == []
    assert report["warnings"] == [
        {
            "line": 43,
            "column": 14,
            "message": "`stray` is not connected to the question (nest it under a claim's "
            "pros/cons, or add `supports:`/`attacks:`)",
        }
    ]
    assert report["counts"] == {
        "statements": 6,
        "arguments": 1,
        "relations": 4,
        "speakers": 2,
        "quotes": 1,
    }


def test_json_output_for_an_invalid_file(write_debate: WriteDebate) -> None:
    path = write_debate("title: T\nquestion: [1, 2]\n")
    code, out, _ = run("check", str(path), "--format", "json")
    report = json.loads(out)
    assert code == 1
    assert report["valid"] is False
    assert report["counts"] is None
    assert report["errors"][0]["line"] == 2


def test_source_check_reports_misquotes_with_the_closest_passage(
    write_debate: WriteDebate, small_debate_text: str, tmp_path: Path
) -> None:
    path = write_debate(small_debate_text)
    article = tmp_path / "article.txt"
    article.write_text("Ann said: \u201cNobody can tell who is\n poor.\u201d\n", encoding="utf-8")
    assert run("check", str(path), "--source", str(article))[0] == 0
    article.write_text("Ann said: \u201cNobody can see who is poor.\u201d\n", encoding="utf-8")
    code, _, err = run("check", str(path), "--source", str(article))
    assert code == 1
    assert f"{path}:22:11: error: quote not found verbatim" in err
    assert 'closest passage: "Nobody can see who is poor."' in err


def test_usage_error_exits_2() -> None:
    assert run("check", "--format", "xml")[0] == 2


def test_schema_describes_the_file_format() -> None:
    code, out, _ = run("schema")
    schema = json.loads(out)
    assert code == 0
    assert schema["title"] == "argmap debate"
    assert {"title", "question"} <= set(schema["required"])
    statement = schema["$defs"]["StatementDoc"]["properties"]
    assert {"pros", "cons", "quotes", "basis", "conceded_by"} <= set(statement)


def test_committed_schema_file_is_current() -> None:
    committed = Path(__file__).resolve().parents[1] / "argmap.schema.json"
    assert json.loads(committed.read_text(encoding="utf-8")) == json.loads(run("schema")[1])


def test_schemes_lists_the_catalogue_and_explains_one() -> None:
    code, out, _ = run("schemes", "practical-reasoning")
    assert code == 0
    assert "Critical questions" in out
    code, _, err = run("schemes", "expert")
    assert code == 1
    assert "did you mean `expert-opinion`?" in err
