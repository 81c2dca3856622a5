"""Argdown constructs that real files use and argmap used to misread (issue 12).

Each test writes the construct in a small file and asserts what Argdown itself reads there
(checked against the Argdown CLI's `json` export, see test_format_argdown_cli.py).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from argmap.analysis.evaluation import evaluate
from argmap.analysis.semantics import Label
from argmap.formats.argdown_read import parse_argdown, read_argdown
from argmap.formats.argdown_write import write_argdown
from argmap.io.diagnostics import DebateLoadError
from argmap.io.load import parse_debate
from argmap.io.loaded import LoadedDebate


def read(text: str) -> LoadedDebate:
    return parse_argdown(textwrap.dedent(text), "d.argdown")


def relations(loaded: LoadedDebate) -> set[tuple[str, str, str]]:
    return {(r.source, r.kind.value, r.target) for r in loaded.debate.relations.values()}


# -- strict mode -------------------------------------------------------------------------------

STRICT = """\
    ===
    model:
        mode: strict
    ===

    [Q]: Schools should require uniforms. {question: true}
      - [C]: Schools should let pupils choose.
      + [E]: Uniforms cost less.

    [C]
      - [Q]
    """


def test_strict_mode_reads_minus_between_statements_as_contrary_once() -> None:
    loaded = read(STRICT)
    # `[Q] - [C]` and `[C] - [Q]`: one symmetric relation, not two one-way attacks.
    assert relations(loaded) == {("c", "contradicts", "q"), ("e", "supports", "q")}
    assert not any("`model`" in w.message for w in loaded.warnings)  # the setting is understood


STRICT_REASONS = """\
    ===
    model:
        mode: strict
    ===

    [Q]: Schools should require uniforms. {question: true}
      + [A]: Uniforms cost families less.
        - [B]: Uniforms cost families more.
    """


def test_strict_mode_leaves_a_contrary_pair_undecided_not_out() -> None:
    labels = evaluate(read(STRICT_REASONS).debate, "grounded").labels
    # Read as a one-way attack, B would defeat A; as contraries neither defeats the other.
    assert (labels["a"], labels["b"]) == (Label.UNDEC, Label.UNDEC)


def test_loose_mode_keeps_minus_an_attack() -> None:
    assert ("c", "attacks", "q") in relations(read(STRICT.replace("strict", "loose")))


# -- one relation, not two --------------------------------------------------------------------


def test_a_sketched_relation_and_its_conclusions_relation_are_one() -> None:
    loaded = read("""\
        [C]: Uniforms should be required. {question: true}
          + <A>

        <A>: Uniforms are cheap.

        (1) [P1]: A uniform costs less than fashion.
        (2) [P2]: Parents pay for clothes.
        ----
        (3) [Q]: Uniforms save parents money.
          +> [C]
        """)
    # Argdown moves A's relation to its conclusion: Q supports C, once; A supports Q.
    assert relations(loaded) == {("a", "supports", "q"), ("q", "supports", "c")}


def test_a_sketched_relation_of_a_reconstructed_argument_is_its_conclusions() -> None:
    loaded = read("""\
        [C]: Uniforms should be required. {question: true}
          - <A>

        <A>: Uniforms cost money.

        (1) [P1]: A set costs 200 euros.
        ----
        (2) [Q]: Uniforms burden families.
        """)
    assert relations(loaded) == {("a", "supports", "q"), ("q", "attacks", "c")}


# -- blocks without an empty line ---------------------------------------------------------------


def test_two_definitions_without_an_empty_line_are_reported_not_glued() -> None:
    with pytest.raises(DebateLoadError) as caught:
        read("""\
            [A]: First statement.
            [B]: Second statement.
              + [C]: A reason for B.
            """)
    first = caught.value.errors[0]
    assert (first.line, first.column) == (2, 1)
    assert "without an empty line" in first.message
    assert first.hint and "empty line" in first.hint


# -- `uses` on the conclusion -----------------------------------------------------------------


def test_uses_on_the_conclusion_picks_the_premises() -> None:
    debate = read("""\
        <A>

        (1) [P1]: First.
        (2) [P2]: Second.
        (3) [P3]: Third.
        (4) [P4]: Fourth.
        ----
        (5) [C]: Conclusion. {uses: [1, 4], question: true}
        """).debate
    assert debate.arguments["a"].premises == ("p1", "p4")
    assert "uses" not in (debate.arguments["a"].notes or "")


# -- prose only, titles -------------------------------------------------------------------------


def test_a_prose_only_file_reads_with_a_warning_that_says_what_it_holds() -> None:
    loaded = read("""\
        # Notes on uniforms

        Some schools require uniforms.

        Others do not.
        """)
    debate = loaded.debate
    assert debate.title == "Notes on uniforms"
    assert debate.statements == {} and debate.arguments == {}
    assert debate.description == "Some schools require uniforms.\n\nOthers do not."
    assert any("2 paragraph(s) of prose" in w.message for w in loaded.warnings)


def test_an_empty_aif_map_reads_with_the_same_kind_of_warning() -> None:
    from argmap.formats.aif import parse_aif

    loaded = parse_aif('{"nodes": [], "edges": []}', "empty.json")
    assert loaded.debate.statements == {}
    assert any("holds no propositions" in w.message for w in loaded.warnings)


def test_the_first_heading_titles_the_debate_without_front_matter() -> None:
    debate = read("""\
        # Should schools require uniforms?

        [Q]: Schools should require uniforms. {question: true}
          + [R]: They hide income differences.
        """).debate
    assert debate.title == "Should schools require uniforms?"


# -- writing what Argdown reads the same way -----------------------------------------------------

ATTACKING_ARGUMENT = """\
title: T
question:
  id: q
  text: Should schools require uniforms?
  pros:
    - argument: Savings
      id: saves
      premises:
        - id: cheap
          text: Uniforms are cheap.
  cons:
    - argument: Cost burden
      id: cost
      premises:
        - id: price
          text: A set costs 200 euros.
        - id: budget
          text: Budgets are tight.
statements:
  - id: u
    text: Not every family buys new.
    undercuts: [saves->q]
"""


def test_the_writer_invents_no_conclusion_and_keeps_linked_premises() -> None:
    try:
        debate = parse_debate(ATTACKING_ARGUMENT).debate
    except DebateLoadError as error:  # pragma: no cover - the fixture must load
        raise AssertionError(error.diagnostics) from None
    written = write_argdown(debate)
    assert "(conclusion)" not in written.text
    assert "argmap: conclusion" not in written.text
    back = parse_argdown(written.text, "w.argdown").debate
    assert back == debate
    assert back.arguments["cost"].premises == ("price", "budget")
    # The undercut of the argument's inference stands under its inference line.
    assert "----\n  <_ [u]" in written.text
    assert "relations:" not in written.text  # nothing left to the front matter


def test_include_reads_the_included_file_relative_to_the_including_one(tmp_path: Path) -> None:
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "reasons.argdown").write_text(
        "[R]: Uniforms hide income differences.\n  +> [Q]\n", encoding="utf-8"
    )
    main = tmp_path / "main.argdown"
    main.write_text(
        "[Q]: Schools should require uniforms. {question: true}\n\n"
        "@include(parts/reasons.argdown)\n",
        encoding="utf-8",
    )
    loaded = read_argdown(main)
    assert ("r", "supports", "q") in relations(loaded)


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {"main.argdown": "[Q]: Q.\n\n@include(missing.argdown)\n"},
            ("main.argdown", 3, "missing.argdown"),
        ),
        (
            {
                "main.argdown": "[Q]: Q.\n\n@include(b.argdown)\n",
                "b.argdown": "@include(main.argdown)\n",
            },
            ("b.argdown", 1, "includes itself"),  # where the circle closes
        ),
    ],
    ids=["missing", "cycle"],
)
def test_include_reports_missing_files_and_cycles_at_the_line(
    tmp_path: Path, files: dict[str, str], expected: tuple[str, int, str]
) -> None:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(DebateLoadError) as caught:
        read_argdown(tmp_path / "main.argdown")
    first = caught.value.errors[0]
    assert (Path(first.file).name, first.line) == expected[:2]
    assert expected[2] in first.message


def test_an_included_files_problems_name_that_file_and_its_claims_the_include_line(
    tmp_path: Path,
) -> None:
    (tmp_path / "reasons.argdown").write_text(
        "[R]: A reason. {by: nobody}\n  +> [Q]\n", encoding="utf-8"
    )
    main = tmp_path / "main.argdown"
    main.write_text("[Q]: Q. {question: true}\n\n\n@include(reasons.argdown)\n", encoding="utf-8")
    loaded = read_argdown(main)
    warning = next(w for w in loaded.warnings if "nobody" in w.message)
    assert (Path(warning.file).name, warning.line) == ("reasons.argdown", 1)
    assert loaded.source_map.locate("r") == (4, 1)  # the @include line of main.argdown
    assert loaded.source_map.locate("q") == (1, 1)


def test_a_definition_glued_to_a_list_item_is_reported_not_dropped() -> None:
    with pytest.raises(DebateLoadError) as caught:
        read("""\
            * [A]: A list item.
            [B]: Not a continuation.
            """)
    first = caught.value.errors[0]
    assert (first.line, "without an empty line" in first.message) == (2, True)
