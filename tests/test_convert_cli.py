"""`argmap convert` as a teacher uses it: formats from extensions, losses named, clean errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.formats.registry import read_debate

WriteDebate = Callable[..., Path]
DATA = Path(__file__).parent / "data"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("extension", [".argdown", ".ad", ".json", ".txt", ".yaml"])
def test_yaml_converts_to_every_format_and_back(
    tmp_path: Path, write_debate: WriteDebate, small_debate_text: str, extension: str
) -> None:
    source = write_debate(small_debate_text)
    target = tmp_path / f"out{extension}"
    code, _, err = run("convert", str(source), str(target))
    assert code == 0, err
    assert f"→ {target}" in err
    back = read_debate(target).debate
    original = read_debate(source).debate
    assert back.question.text == original.question.text
    assert len(back.relations) >= 4


def test_what_the_target_cannot_hold_is_printed_as_warnings(
    tmp_path: Path, write_debate: WriteDebate, small_debate_text: str
) -> None:
    source = write_debate(small_debate_text)
    target = tmp_path / "out.txt"
    code, _, err = run("convert", str(source), str(target))
    assert code == 0
    assert (
        f"{target}: warning: 3 speaker attributions not written: Kialo has no place for them" in err
    )
    assert "kind(s) of information dropped" in err


def test_argdown_and_yaml_lose_nothing(
    tmp_path: Path, write_debate: WriteDebate, small_debate_text: str
) -> None:
    source = write_debate(small_debate_text)
    argdown = tmp_path / "d.argdown"
    assert run("convert", str(source), str(argdown))[0] == 0
    code, _, err = run("convert", str(argdown), str(tmp_path / "back.yaml"))
    assert code == 0
    assert "warning" not in err
    assert read_debate(tmp_path / "back.yaml").debate == read_debate(source).debate


def test_markdown_goes_to_standard_output(
    write_debate: WriteDebate, small_debate_text: str
) -> None:
    code, out, _ = run("convert", str(write_debate(small_debate_text)), "-", "--to", "markdown")
    assert code == 0
    assert out.startswith("# School uniforms\n")


def test_from_overrides_the_extension(tmp_path: Path) -> None:
    export = tmp_path / "kialo-export.dat"
    export.write_bytes((DATA / "kialo" / "uniforms.txt").read_bytes())
    code, _, err = run("convert", str(export), str(tmp_path / "out.yaml"), "--from", "kialo")
    assert code == 0, err
    assert "(Kialo text)" in err


def test_bad_input_exits_1_with_file_line_col(tmp_path: Path) -> None:
    source = tmp_path / "bad.argdown"
    source.write_text("[A]: text\n+ [B]: not indented\n", encoding="utf-8")
    code, _, err = run("convert", str(source), str(tmp_path / "out.yaml"))
    assert code == 1
    assert f"{source}:2:1: error: this relation is not indented" in err
    assert not (tmp_path / "out.yaml").exists()


def test_a_kialo_line_with_an_unknown_parent_exits_1(tmp_path: Path) -> None:
    source = tmp_path / "k.txt"
    source.write_text("Discussion Title: T\n\n1. Thesis.\n1.4.1. Pro: Orphan.\n", encoding="utf-8")
    code, _, err = run("convert", str(source), str(tmp_path / "out.yaml"))
    assert code == 1
    assert f"{source}:4:1: error: claim 1.4.1. has no parent" in err


def test_truncated_json_and_binary_garbage_exit_1(tmp_path: Path) -> None:
    cut = tmp_path / "cut.json"
    cut.write_text('{"nodes": [{"nodeID": "1", "type": "I", "text": "x"', encoding="utf-8")
    code, _, err = run("convert", str(cut), str(tmp_path / "out.yaml"))
    assert code == 1
    assert "was it cut short?" in err
    garbage = tmp_path / "garbage.argdown"
    garbage.write_bytes(bytes(range(256)) * 4)
    code, _, err = run("convert", str(garbage), str(tmp_path / "out.yaml"))
    assert code == 1
    assert "binary file" in err
    assert "Traceback" not in err


def test_markdown_cannot_be_read(tmp_path: Path) -> None:
    source = tmp_path / "handout.md"
    source.write_text("# A handout\n", encoding="utf-8")
    code, _, err = run("convert", str(source), str(tmp_path / "out.yaml"))
    assert code == 1
    assert "cannot read them back" in err


def test_usage_errors_exit_2(
    tmp_path: Path, write_debate: WriteDebate, small_debate_text: str
) -> None:
    source = write_debate(small_debate_text)
    assert run("convert", str(source), str(tmp_path / "out.xyz"))[0] == 2
    assert run("convert", str(source), "-")[0] == 2
    assert run("convert", str(source), str(source))[0] == 2
    assert run("convert", str(source), str(tmp_path / "o.yaml"), "--to", "pdf")[0] == 2


@pytest.mark.parametrize(
    "path",
    [
        DATA / "argdown" / "state-censorship.argdown",
        DATA / "aif" / "nodeset6064.json",
        DATA / "kialo" / "uniforms-crlf.txt",
    ],
)
def test_check_reads_every_format_and_locates_its_warnings(path: Path) -> None:
    code, _, err = run("check", str(path))
    assert code == 0, err
    assert f"✓ {path}: valid" in err
    assert "Traceback" not in err
