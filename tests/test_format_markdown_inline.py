"""The Markdown handout keeps the inline Markdown argmap renders (issue 12), never doubled up.

A title's ``*must*`` was written ``\\*must\\*`` (asterisks on the page); it is now written as
emphasis, from the parsed spans, and a CommonMark renderer shows what the TUI and maps show.
"""

from __future__ import annotations

from argmap.formats.markdown import prose, write_markdown
from argmap.io.load import parse_debate
from tests.test_format_markdown import _render

DEBATE = """\
title: Labour *exports*
question:
  id: q
  text: Should the UN **ban** them?
  pros:
    - id: rev
      title: Sanctions *must* bite
      text: "Exports **earn hard currency**, see [the UN](https://un.org/r), `id-1`,
        [not this](javascript:alert(1)) and <b>this</b>."
      questions: ["Is the *figure* right?"]
"""


def test_handout_writes_inline_markdown_as_markdown() -> None:
    text = write_markdown(parse_debate(DEBATE).debate).text
    assert "# Labour *exports*" in text
    assert "## Should the UN **ban** them?" in text
    assert "**Sanctions *must* bite.** Exports **earn hard currency**, see" in text
    assert "\\*" not in text.replace("\\*\\*", "")  # no escaped emphasis marks
    tags, words, _ = _render(text)
    assert ("em", []) in tags and ("strong", []) in tags and ("code", []) in tags
    links = [dict(attrs).get("href") for tag, attrs in tags if tag == "a"]
    assert links == ["https://un.org/r"]
    assert "Sanctions must bite." in words and "earn hard currency" in words
    assert "[not this](javascript:alert(1)) and <b>this</b>." in words  # text, as written
    assert "Is the figure right?" in words


def test_marks_commonmark_would_read_differently_are_written_as_escaped_words() -> None:
    assert prose("**a.**b") == "\\*\\*a.\\*\\*b"  # not emphasis in CommonMark: literal
    assert prose("plain words") == "plain words"
    assert prose("x **b**", bold=True) == "x b"  # inside a bold title: no marks repeated
    assert prose("- **b**") == "\\- **b**"  # no list is started
