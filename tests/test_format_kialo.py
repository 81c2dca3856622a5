"""Reading and writing Kialo's text export: numbering, sides, cross-links, escapes, line ends."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.analysis.graph import DebateIndex
from argmap.formats.kialo import parse_kialo, read_kialo, write_kialo
from argmap.io.diagnostics import DebateLoadError
from argmap.io.load import parse_debate
from argmap.model.debate import Side

DATA = Path(__file__).parent / "data" / "kialo"


@pytest.mark.parametrize("name", ["uniforms.txt", "uniforms-crlf.txt"])
def test_an_export_reads_with_sides_relative_to_the_parent(name: str) -> None:
    loaded = read_kialo(DATA / name)
    debate = loaded.debate
    assert debate.title == "Should schools require uniforms?"
    assert debate.question.text == "Schools should require uniforms."
    # 12 numbered lines: the thesis, 7 claims, and the cross-link 1.3.1.
    assert (len(debate.statements), len(debate.relations)) == (7, 8)
    sides = DebateIndex(debate).sides
    assert sides["1.1.1"] is Side.CON  # a Con of a Pro argues against the thesis
    assert sides["1.1.1.1"] is Side.PRO  # a Con of that Con argues for it again
    assert loaded.warnings == []


def test_text_keeps_its_lines_links_and_loses_its_escapes() -> None:
    statements = read_kialo(DATA / "uniforms.txt").debate.statements
    assert statements["1.1"].text == "Uniforms hide income differences (at least at first sight)."
    assert statements["1.2"].text == (
        "Uniforms cost families money.\nA full set costs around 200 euros,\n"
        "more than many families can spare in September."
    )
    assert "[the 2019 survey](https://example.org/survey)" in statements["1.1.1.1"].text


def test_a_cross_link_relates_the_existing_claim() -> None:
    relations = read_kialo(DATA / "uniforms.txt").debate.relations
    link = relations["1.2->1.3"]
    assert (link.source, link.kind.value, link.target) == ("1.2", "attacks", "1.3")
    assert "1.3.1" not in read_kialo(DATA / "uniforms.txt").debate.statements


def test_a_cross_link_may_point_forward() -> None:
    debate = parse_kialo(
        "Discussion Title: T\n\n1. Thesis.\n1.1. Pro: -> See 1.2.1.\n1.2. Con: B.\n"
        "1.2.1. Con: C.\n",
        "k.txt",
    ).debate
    assert debate.relations["1.2.1->1"].kind.value == "supports"


def test_the_writer_numbers_claims_and_links_repeats(small_debate_text: str) -> None:
    debate = parse_debate(small_debate_text).debate
    written = write_kialo(debate, classic=True)
    lines = written.text.splitlines()
    assert lines[:3] == [
        "Discussion Title: School uniforms",
        "",
        "1. Should schools require uniforms?",
    ]
    assert "1.1. Pro: Uniforms hide income differences." in lines
    assert "1.2. Con: Uniforms cost families money." in lines
    assert "1.2.1. Pro: Cost burden" in lines  # an argument becomes a claim…
    assert "1.2.1.1. Pro: A uniform set costs 200 euros." in lines  # …its premises its pros
    assert "3 speaker attributions not written: Kialo has no place for them" in written.dropped
    assert "1 scheme not written: Kialo has no place for it" in written.dropped
    assert any(d.startswith("1 argument(s) become claims") for d in written.dropped)


def test_what_the_writer_escapes_reads_back() -> None:
    text = (
        "Pro: not a label\n-> See 1.1. is not a link\n1.2. Con: not a claim\nSources:\n"
        "a \\( backslash"
    )
    debate = parse_debate(
        "title: T\nquestion:\n  id: q\n  text: Q?\n  pros:\n    - id: a\n      text: "
        + repr(text).replace("'", '"')
        + "\n"
    ).debate
    back = parse_kialo(write_kialo(debate).text, "k.txt").debate
    assert back.statements["1.1"].text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1. Thesis.\n", "1:1 this is not a Kialo export"),
        ("", "1:1 this is not a Kialo export"),
        (
            "Discussion Title: T\n\n1. Thesis.\n1.3.2. Pro: Orphan.\n",
            "4:1 claim 1.3.2. has no parent",
        ),
        (
            "Discussion Title: T\n\n1. Thesis.\n1.1. Pro: A.\n1.1. Con: B.\n",
            "5:1 claim 1.1. appears twice",
        ),
        (
            "Discussion Title: T\n\n1. Thesis.\n1.1. Pro: -> See 1.9.\n",
            "4:11 `-> See 1.9.` points at no claim",
        ),
        (
            "Discussion Title: T\n\n1. Thesis.\n1.1. Pro: -> See 1.\n1.1.1. Con: X.\n",
            "5:1 claim 1.1.1. is placed under a cross-link",
        ),
        ("Discussion Title: T\n\nno thesis here\n", "1:1 the export holds no claims"),
    ],
)
def test_bad_input_is_reported_at_its_line(text: str, expected: str) -> None:
    with pytest.raises(DebateLoadError) as caught:
        parse_kialo(text, "k.txt")
    first = caught.value.errors[0]
    assert f"{first.line}:{first.column} {first.message}".startswith(expected)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                [
                    "Discussion Title: T",
                    "1. Thesis",
                    "1.1. Pro: a",
                    "1.1.1. Con: b",
                    "1.2. Con: -> See 1.1.",
                    "1.3.1. Pro: x",
                    "Sources:",
                    "",
                    "\r",
                    "1.1. Pro: -> See 1.",
                    "2. other",
                    "1.1. Thesis: t",
                ]
            ),
            st.text(max_size=20),
        ),
        max_size=12,
    )
)
def test_any_lines_read_or_fail_with_a_located_error(lines: list[str]) -> None:
    try:
        parse_kialo("\n".join(lines), "fuzz.txt")
    except DebateLoadError as error:
        assert error.errors


def test_a_numbered_line_without_a_side_is_reported_not_lost() -> None:
    loaded = parse_kialo("Discussion Title: T\n\n1. Thesis.\n1.1. Thesis: a second one\n", "k.txt")
    assert loaded.debate.question.text == "Thesis.\n1.1. Thesis: a second one"
    assert [(w.line, w.column) for w in loaded.warnings] == [(4, 1)]


# -- Kialo's current export layout -------------------------------------------------------------


def test_the_current_layout_reads_with_headers_on_their_own_lines() -> None:
    loaded = read_kialo(DATA / "uniforms-current.txt")
    debate = loaded.debate
    assert debate.title == "Should schools require uniforms?"
    assert debate.question.text == "Schools should require uniforms."  # no `Thesis:` in it
    assert debate.statements["1.1.2"].text == (
        "Pupils still show status through shoes and phones.\nBrands matter more than clothes"
    )
    assert debate.relations["1.2->1.1"].kind.value == "attacks"  # `-> See 1.2.` on its own line
    assert "1.1.1" not in debate.statements


def test_footnotes_become_sources_of_the_claims_that_cite_them() -> None:
    debate = read_kialo(DATA / "uniforms-current.txt").debate
    survey = debate.sources[debate.statements["1.1"].source or ""]
    assert (survey.title, survey.url) == ("The 2019 uniform survey", "https://example.org/survey")
    assert debate.statements["1.1"].text == "Uniforms hide income differences."
    assert debate.statements["1.1.2"].source == "source-2"
    assert debate.statements["1.1.2"].notes == "Also cites: source-1"


def test_a_link_to_another_discussion_is_a_claim_and_is_reported() -> None:
    loaded = read_kialo(DATA / "uniforms-current.txt")
    text = loaded.debate.statements["1.2.1"].text
    assert text == "See discussion #8911: Should schools be free of charge?"
    assert any("other Kialo discussions" in w.message for w in loaded.warnings)


def test_the_writer_uses_the_current_layout_by_default(small_debate_text: str) -> None:
    debate = parse_debate(small_debate_text).debate
    lines = write_kialo(debate).text.splitlines()
    assert lines[:6] == [
        "Discussion Name:",
        "School uniforms",
        "",
        "1. Thesis:",
        "Should schools require uniforms?",
        "",
    ]
    assert "  1.1. Pro:" in lines
    assert "  Uniforms hide income differences." in lines


@pytest.mark.parametrize("classic", [False, True], ids=["current", "classic"])
def test_what_the_writer_escapes_reads_back_in_both_layouts(classic: bool) -> None:
    text = (
        "  1.2. Con: not a claim\n-> See 1.1.\nSources:\n[1] not a footnote\n"
        "Discussion Name:\nends like a citation [1]"
    )
    debate = parse_debate(
        "title: T\nsources:\n  - id: s\n    title: S\nquestion:\n  id: q\n  text: Q?\n"
        "  pros:\n    - id: a\n      source: s\n      text: " + repr(text).replace("'", '"') + "\n"
    ).debate
    back = parse_kialo(write_kialo(debate, classic=classic).text, "k.txt").debate
    assert back.statements["1.1"].text == text.replace("  1.2.", "1.2.")
    assert back.sources[back.statements["1.1"].source or ""].title == "S"


@pytest.mark.parametrize(
    ("option", "first_line"),
    [
        ([], "Discussion Name:"),
        (["--kialo-format", "classic"], "Discussion Title: School uniforms"),
    ],
)
def test_convert_writes_the_current_layout_unless_told_classic(
    tmp_path: Path, small_debate_text: str, option: list[str], first_line: str
) -> None:
    from click.testing import CliRunner

    from argmap.cli import main

    source = tmp_path / "debate.yaml"
    source.write_text(small_debate_text, encoding="utf-8")
    out = tmp_path / "debate.txt"
    result = CliRunner().invoke(main, ["convert", str(source), str(out), *option])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").splitlines()[0] == first_line
    assert read_kialo(out).debate.question.text == "Should schools require uniforms?"
