"""The Markdown handout: headings, nested pros and cons, speakers, quotes as block quotes."""

from __future__ import annotations

from argmap.formats.markdown import write_markdown
from argmap.io.load import parse_debate


def test_the_handout_nests_reasons_under_the_question(small_debate_text: str) -> None:
    written = write_markdown(parse_debate(small_debate_text).debate)
    lines = written.text.splitlines()
    assert lines[0] == "# School uniforms"
    assert "## Should schools require uniforms?" in lines
    for_, against = lines.index("### For"), lines.index("### Against")
    assert for_ < against
    assert lines[for_ + 2].startswith(
        "- Uniforms hide income differences. _(expert opinion)_ — *Ann Example*"
    )
    assert (
        "  - **Con:** Pupils still show status through shoes and phones. — *Bob Example*" in lines
    )
    assert lines[against + 2] == (
        "- Uniforms cost families money. — *Bob Example* (conceded by *Ann Example*)"
    )
    assert "  - **Pro:** **Argument: Cost burden**" in lines
    assert "    - **Premise:** A uniform set costs 200 euros. _(statistic)_" in lines


def test_quotes_are_block_quotes_with_their_speaker(small_debate_text: str) -> None:
    lines = write_markdown(parse_debate(small_debate_text).debate).text.splitlines()
    start = lines.index("  > “Nobody can tell who is poor.”")
    assert lines[start - 1] == ""  # a block quote is a paragraph of its own in the list item
    assert lines[start + 1] == "  > — Ann Example"


def test_speakers_and_sources_are_listed_and_ids_are_reported_dropped(
    small_debate_text: str,
) -> None:
    written = write_markdown(parse_debate(small_debate_text).debate)
    lines = written.text.splitlines()
    assert "- **Ann Example** — Uniform Institute" in lines
    assert "- *The uniform report*, 2020-05-01" in lines
    assert written.dropped == ["ids are not written: a handout names claims by their titles"]


def test_a_claim_met_twice_is_named_not_repeated() -> None:
    debate = parse_debate("""\
title: T
question:
  id: q
  text: Q?
  pros:
    - id: a
      text: A reason.
      supports: [b]
    - id: b
      title: B
      text: Another reason.
""").debate
    lines = write_markdown(debate).text.splitlines()
    assert lines.count("- **B.** Another reason.") == 1
    assert "  - **Pro:** *A reason.* *(see above)*" in lines


def test_claims_not_connected_to_the_question_get_their_own_section() -> None:
    debate = parse_debate("""\
title: T
question: {id: q, text: Q?}
statements:
  - id: loose
    text: Nobody links to this.
    tags: [aside]
""").debate
    written = write_markdown(debate)
    assert "## Not connected to the question" in written.text
    assert "- Nobody links to this." in written.text.splitlines()
    assert "1 tag not written: the Markdown handout has no place for it" in written.dropped
