"""`argmap evaluate`: debates and ICCMA framework files, text and JSON, and clean errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from argmap.cli import main

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "arguments.yaml"
ICCMA = Path(__file__).parent / "data" / "iccma"

REINSTATEMENT = """\
    title: T
    speakers: [{id: ann, name: Ann Example}, {id: bob, name: Bob Example}]
    question:
      id: q
      text: Should schools require uniforms?
      cons:
        - id: cost
          text: Uniforms cost families money.
          by: bob
          cons:
            - id: grants
              text: The school pays for them.
              by: ann
              conceded_by: bob
    """


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, ["evaluate", *map(str, args)])


def read_expected(path: Path) -> list[list[str]]:
    """An ``expected/*.txt`` file: one argument per line, ``---`` between extensions."""
    extensions: list[list[str]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if line == "---":
            extensions.append([])
        elif line and not line.startswith("#"):
            extensions[-1].append(line)
    return sorted(sorted(e) for e in extensions)


def test_text_groups_claims_and_gives_the_questions_fate(
    write_debate: Callable[[str], Path],
) -> None:
    result = run(write_debate(REINSTATEMENT))
    assert result.exit_code == 0, result.output
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert lines[0] == "grounded semantics · 2 claims and links: 1 in, 1 out, 0 undec"
    assert "Question  Should schools require uniforms?" in lines
    # The one objection is answered, but no reason for the motion stands: undecided.
    assert (
        "? UNDEC   0 pro and 0 con reasons stand; under preponderance with equal weights:" in lines
    )
    out = lines.index("✘ OUT: defeated (1)")
    assert lines[out + 1] == "  cost    Uniforms cost families money."  # ids padded to the longest
    assert lines[out + 2] == "          ← defeated by “The school pays for them.” [grants]"
    assert lines.index("✔ IN: stands (1)") < out
    ann = next(line for line in lines if "Ann Example" in line)
    assert ann.split("│")[2:6] == [" pro  ", "    1 ", "     0 ", "       0 "]
    bob = next(line for line in lines if "Bob Example" in line)
    assert bob.split("│")[6].strip() == "1 of 1"  # Bob concedes the grant, which stands
    assert "\x1b[" not in result.stdout


def test_reject_flips_the_text_verdict(write_debate: Callable[[str], Path]) -> None:
    result = run(write_debate(REINSTATEMENT), "--reject", "grants")
    words = " ".join(result.stdout.split())  # long lines wrap at the terminal's width
    assert "the room rejects: grants" in words
    assert "grants The school pays for them. ← rejected by the room" in words
    assert (
        "✘ OUT 0 pro and 1 con reason stands; under preponderance with equal weights: "
        "the motion falls" in words
    )
    assert "con cost Uniforms cost families money." in words


def test_json_for_a_debate(write_debate: Callable[[str], Path]) -> None:
    result = run(write_debate(REINSTATEMENT), "--format", "json", "--accept", "cost")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["semantics"] == "grounded"
    # The room shields the cost from the grant, which still stands: nothing attacks it.
    assert data["labels"] == {"q": "out", "cost": "in", "grants": "in"}
    assert data["extensions"] == [["cost", "grants"]]
    assert data["accept"] == ["cost"]
    assert data["question"] == {
        "id": "q",
        "label": "out",
        "standard": "preponderance",
        "summary": "0 pro and 1 con reason stands; under preponderance with equal weights: "
        "it falls",
        "pros": [],
        "cons": ["cost"],
    }
    assert data["standard"] == "preponderance"
    assert data["audience"] is None
    assert data["reasons"]["q"].startswith("the con reasons prevail: 0 pro and 1 con")
    bob = next(s for s in data["speakers"] if s["id"] == "bob")
    assert bob["claims"] == {"in": ["cost"], "out": [], "undec": []}
    assert bob["concessions"] == {"in": ["grants"], "out": [], "undec": []}


def test_seed_json_rejecting_china_aid_reinstates_the_revenue_link() -> None:
    plain = json.loads(run(SEED, "--format", "json").stdout)
    rejected = json.loads(run(SEED, "--format", "json", "--reject", "china-would-give-aid").stdout)
    assert plain["labels"]["cut-revenue->clamp-down"] == "out"
    assert rejected["labels"]["cut-revenue->clamp-down"] == "in"
    assert rejected["reject"] == ["china-would-give-aid"]
    assert all(value in {"in", "out", "undec"} for value in plain["labels"].values())
    assert all(ext == sorted(ext) for ext in plain["extensions"])


def test_seed_preferred_text_shows_the_two_positions() -> None:
    result = run(SEED, "--semantics", "preferred")
    assert "· 2 extensions" in result.stdout.splitlines()[0]
    assert "  1. costs-outweigh, arg-costs-too-great" in result.stdout
    assert "  2. benefit-outweighs, arg-exposure-worth-it" in result.stdout


@pytest.mark.parametrize("semantics", ["grounded", "complete", "preferred", "stable"])
def test_apx_extensions_match_iccma(semantics: str) -> None:
    for instance in ("Small-result-b2", "Small-result-b35"):
        result = run(ICCMA / f"{instance}.apx", "--semantics", semantics, "--format", "json")
        data = json.loads(result.stdout)
        expected = read_expected(ICCMA / "expected" / f"{instance}.{semantics}.txt")
        assert sorted(data["extensions"]) == expected, (instance, semantics)
        assert set(data) == {"semantics", "extensions", "labels", "accept", "reject"}


@pytest.mark.parametrize("name", ["odd.af", "odd.i23", "odd-without-extension"])
def test_iccma_2023_keeps_numbers_as_ids(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("p af 4\n# an odd cycle, and 4 unattacked\n1 2\n2 3\n3 1\n", encoding="utf-8")
    grounded = json.loads(run(path, "--format", "json").stdout)
    assert grounded["labels"] == {"1": "undec", "2": "undec", "3": "undec", "4": "in"}
    stable = json.loads(run(path, "--semantics", "stable", "--format", "json").stdout)
    assert stable["extensions"] == []


def test_framework_text_lists_extensions_and_defeaters(tmp_path: Path) -> None:
    path = tmp_path / "chain.tgf"
    path.write_text("a\nb\nc\nd\n#\na b\nb c\nc d\nd c\n", encoding="utf-8")
    result = run(path, "--semantics", "preferred")
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert lines[0] == "preferred semantics · 4 arguments: 1 in, 1 out, 2 undec · 2 extensions"
    assert lines[lines.index("Extensions") + 1 :][:2] == ["  {a, c}", "  {a, d}"]
    assert "  b  ← a" in lines
    assert "  c, d" in lines


def test_no_stable_extension_is_said_in_text(tmp_path: Path) -> None:
    path = tmp_path / "odd.apx"
    path.write_text("arg(a). arg(b). arg(c). att(a,b). att(b,c). att(c,a).\n", encoding="utf-8")
    result = run(path, "--semantics", "stable")
    assert result.exit_code == 0
    assert "no stable extension exists" in result.stdout


def test_unknown_id_is_refused_with_a_suggestion() -> None:
    result = run(SEED, "--reject", "china-would-give")
    assert result.exit_code == 1
    assert "cannot reject `china-would-give`: no claim has that id" in result.stderr
    assert "did you mean `china-would-give-aid`?" in result.stderr
    assert "Traceback" not in result.output


def test_an_id_both_accepted_and_rejected_is_refused(write_debate: Callable[[str], Path]) -> None:
    result = run(write_debate(REINSTATEMENT), "--accept", "cost", "--reject", "cost")
    assert result.exit_code == 1
    assert "cannot both accept and reject cost" in result.stderr


def test_a_malformed_framework_is_located(tmp_path: Path) -> None:
    path = tmp_path / "bad.apx"
    path.write_text("arg(a).\natt(a,b).\n", encoding="utf-8")
    result = run(path)
    assert result.exit_code == 1
    assert f"{path}:2:7: att(a,b) uses 'b', which is never declared" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_an_unknown_framework_argument_is_refused() -> None:
    result = run(ICCMA / "Small-result-b2.apx", "--accept", "a9_9")
    assert result.exit_code == 1
    assert "cannot accept `a9_9`: no argument has that id" in result.stderr


def test_bipolar_needs_a_debate() -> None:
    result = run(ICCMA / "Small-result-b2.apx", "--bipolar")
    assert result.exit_code == 2
    assert "--bipolar needs a debate" in result.stderr


def test_missing_files_exit_1(tmp_path: Path) -> None:
    for name in ("missing.yaml", "missing.apx"):
        result = run(tmp_path / name)
        assert result.exit_code == 1, name
        assert "Traceback" not in result.output


def test_ids_that_look_like_markup_print_verbatim(tmp_path: Path) -> None:
    path = tmp_path / "brackets.tgf"
    path.write_text("a\n[bold]\n#\na [bold]\n", encoding="utf-8")
    result = run(path)
    assert "  [bold]  ← a" in result.stdout.splitlines()
