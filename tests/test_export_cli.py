"""``argmap export`` as a person runs it: where files go, and what a mistake prints."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli.main import main
from tests.test_render_dot import RELATIONS, Layout, text_lines

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def debate_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "uniforms.yaml"
    path.write_text(RELATIONS, encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["export", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_default_writes_exports_stem_svg(debate_file: Path) -> None:
    code, out, _ = run(str(debate_file), "--renderer", "wasm")
    assert code == 0
    written = Path("exports/uniforms.svg")
    assert written.read_bytes().startswith(b"<?xml")
    assert out == f"wrote {written} with wasm in " + out.split(" in ")[1]


def test_several_formats_into_a_folder(debate_file: Path) -> None:
    code, out, _ = run(str(debate_file), "-f", "svg,dot", "-o", "maps/")
    assert code == 0, out
    assert sorted(os.listdir("maps")) == ["uniforms.dot", "uniforms.svg"]


def title_block(path: str) -> list[str]:
    root = ET.parse(path).getroot()
    (block,) = [g for g in root.iter(f"{SVG}g") if g.get("id") == "title-block"]
    return [t.text or "" for t in block.iter(f"{SVG}text")]


def test_format_follows_the_output_extension(debate_file: Path) -> None:
    code, _, _ = run(str(debate_file), "-o", "focus.dot", "--focus", "a", "--depth", "1")
    assert code == 0
    dot = Path("focus.dot").read_text(encoding="utf-8")
    assert dot.startswith("digraph") and '"a"' in dot and '"p1"' not in dot
    code, _, _ = run(str(debate_file), "-o", "focus.svg", "--focus", "a", "--depth", "1")
    assert code == 0
    assert "View: around “A reason for.” (depth 1)" in title_block("focus.svg")


def test_several_formats_to_one_path_share_its_stem(debate_file: Path) -> None:
    code, _, _ = run(str(debate_file), "-f", "dot,svg", "-o", "out/map", "--theme", "print")
    assert code == 0
    assert sorted(os.listdir("out")) == ["map.dot", "map.svg"]


def test_unknown_format_lists_the_valid_ones(debate_file: Path) -> None:
    code, _, err = run(str(debate_file), "-f", "svg,jpeg")
    assert code == 1
    assert "unknown format 'jpeg'" in err
    assert "choose from: svg, png, pdf, dot" in err
    assert not Path("exports").exists()


def test_unknown_focus_and_speaker_exit_1_with_suggestions(debate_file: Path) -> None:
    code, _, err = run(str(debate_file), "--focus", "bb")
    assert code == 1
    assert "unknown claim id 'bb' for --focus" in err
    assert "did you mean `b`?" in err
    code, _, err = run(str(debate_file), "--speaker", "an")
    assert code == 1
    assert "speakers: ann, bob" in err


def test_speakers_may_be_repeated_or_comma_separated(debate_file: Path) -> None:
    code, _, _ = run(str(debate_file), "-o", "both.svg", "--speaker", "ann,bob")
    assert code == 0
    assert any("positions of Ann Example, Bob Example" in line for line in title_block("both.svg"))


def test_a_broken_debate_file_is_reported_without_a_traceback(debate_file: Path) -> None:
    debate_file.write_text("title: [unclosed\n", encoding="utf-8")
    code, out, err = run(str(debate_file))
    assert code == 1
    assert "Traceback" not in out + err
    assert "uniforms.yaml" in err


def test_forcing_a_missing_dot_explains_how_to_install_it(
    debate_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "")
    code, _, err = run(str(debate_file), "--renderer", "dot")
    assert code == 1
    assert "Graphviz's `dot` is not on PATH" in err
    assert "apt install graphviz" in err


def test_bad_choices_are_usage_errors(debate_file: Path) -> None:
    code, _, err = run(str(debate_file), "--theme", "neon")
    assert code == 2
    assert "'neon' is not one of 'light', 'dark', 'print'" in err


def test_evaluate_marks_each_claim_with_its_label(debate_file: Path) -> None:
    code, _, _ = run(str(debate_file), "-o", "grounded.dot", "--evaluate", "grounded")
    assert code == 0
    layout = Layout(Path("grounded.dot").read_text(encoding="utf-8"))
    claims = layout.claims()
    first_lines = {c: text_lines(node["label"])[0] for c, node in claims.items()}
    assert first_lines["u"] == "✓ IN (accepted)"
    assert first_lines["arg"] == "\u00d7 OUT (defeated)"  # v undercuts it, unopposed
    assert first_lines["a"] == "? UNDECIDED"  # b and w attack each other
    # u undercuts the link a -> q: the link itself is defeated, drawn on its arrow.
    assert text_lines(layout.edge("a->q")["label"]) == ["\u00d7 OUT (defeated)"]


def test_page_and_slides_mistakes_say_what_to_do(debate_file: Path) -> None:
    code, _, err = run(str(debate_file), "--portrait")
    assert code == 1 and "add --page" in err
    code, _, err = run(str(debate_file), "--slides", "-f", "dot")
    assert code == 1 and "svg, png or pdf" in err
    code, _, err = run(str(debate_file), "--page", "a5")
    assert code == 2 and "'a5' is not one of" in err


def test_page_writes_a_map_of_that_size(debate_file: Path) -> None:
    code, out, _ = run(str(debate_file), "--page", "a4", "--portrait", "-o", "a4.svg")
    assert code == 0, out
    root = ET.parse("a4.svg").getroot()
    assert (root.get("width"), root.get("height")) == ("595.28pt", "841.89pt")
