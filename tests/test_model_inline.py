"""Inline Markdown spans (issue 12): what a title or a text looks like once its marks are read."""

from __future__ import annotations

import pytest

from argmap.model.inline import Span, has_markup, one_line, plain, spans
from tests.bounded import run_bounded


def test_plain_text_is_one_span_of_itself() -> None:
    text = "North Korea earns hard currency from labour exports (2016)."
    assert spans(text) == (Span(text),)
    assert spans("") == ()
    assert not has_markup(text)


def test_bold_italic_code_and_links_become_styled_spans() -> None:
    got = spans("Sanctions **must** bite, *not* `bark`; see [the UN](https://un.org/a).")
    assert got == (
        Span("Sanctions "),
        Span("must", bold=True),
        Span(" bite, "),
        Span("not", italic=True),
        Span(" "),
        Span("bark", code=True),
        Span("; see "),
        Span("the UN", href="https://un.org/a"),
        Span("."),
    )


def test_nested_emphasis_and_underscores() -> None:
    assert spans("***both*** and _under_") == (
        Span("both", bold=True, italic=True),
        Span(" and "),
        Span("under", italic=True),
    )


def test_what_commonmark_does_not_call_emphasis_stays_text() -> None:
    for text in ("5 * 3 * 2 = 30", "snake_case_name", "a ** b", "[not a link]", "`unclosed"):
        assert plain(text) == text
        assert all(not (s.bold or s.italic or s.code or s.href) for s in spans(text)), text


def test_escapes_html_and_entities() -> None:
    assert spans(r"\*literal\*") == (Span("*literal*"),)
    # No raw HTML and no entities: the characters are the words.
    assert plain("<b>x</b> &amp; <script>") == "<b>x</b> &amp; <script>"


def test_only_web_and_mail_links_keep_their_address() -> None:
    assert spans("[go](javascript:alert(1))") == (Span("[go](javascript:alert(1))"),)
    assert spans("[page](notes.html)") == (Span("page"),)
    assert spans("[mail](mailto:a@b.org)") == (Span("mail", href="mailto:a@b.org"),)
    assert spans("<https://x.org>") == (Span("https://x.org", href="https://x.org"),)
    assert spans("![a chart](https://x.org/c.png)") == (Span("a chart"),)  # never fetched


def test_one_line_collapses_white_space_before_reading_marks() -> None:
    assert one_line("  a **bold\n  word**  here ") == (
        Span("a "),
        Span("bold word", bold=True),
        Span(" here"),
    )


def test_markup_looking_text_for_other_renderers_is_plain_words() -> None:
    for text in ("[bold]x[/bold]", "[/]", "$var", "[link=https://x]y[/link]", "{a} %s"):
        assert plain(text) == text


_CHILD = """
import sys
from argmap.model.inline import spans
text = sys.stdin.read()
print(len(spans(text)))
"""


HOSTILE = {
    "10,000 asterisks": "*" * 10_000,
    "nested emphasis": "*a " * 5_000 + "b*" * 5_000,
    "open brackets": "[" * 20_000,
    "link openings": "[a](b" * 10_000,
    "backticks": "`a``" * 5_000,
    "underscores between words": "a_" * 20_000,
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=list(HOSTILE))
def test_hostile_marks_are_read_in_bounded_time(text: str) -> None:
    child = run_bounded(_CHILD, text)
    assert child.returncode == 0, f"killed or crashed: {child.returncode} {child.stderr[-500:]}"
    assert int(child.stdout) >= 1
