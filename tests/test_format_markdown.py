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


# -- hostile text stays text (issue 15, item 3) ------------------------------------------------

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "```\nfenced",
    "<!-- the rest vanishes",
    "# not a heading",
    "1. not a list\n    indented code\n===",
    "&lt;b&gt; **bold** _it_ `code` ~~gone~~ | a | b |",
    "![img](http://x/y.png) <http://auto.link> Vote #",
]


def _hostile_debate() -> str:
    import json

    def q(text: str) -> str:
        return json.dumps(text)

    pros = "".join(
        f"    - id: c{n}\n      text: {q(text)}\n      title: {q(text.splitlines()[0])}\n"
        f"      by: s\n      quotes:\n        - text: {q(text)}\n"
        "          by: s\n          source: src\n"
        for n, text in enumerate(HOSTILE)
    )
    return (
        f"title: {q(HOSTILE[0])}\ndescription: {q(HOSTILE[4])}\n"
        f"speakers:\n  - id: s\n    name: {q(HOSTILE[1])}\n    role: {q(HOSTILE[2])}\n"
        "sources:\n  - id: src\n    title: '<b>source</b>'\n    url: 'javascript:alert(1)'\n"
        "  - id: ok\n    title: Fine\n    url: 'https://example.org/a?b=1&c=2'\n"
        f"question:\n  id: q\n  text: {q(HOSTILE[5])}\n  pros:\n{pros}"
    )


def _render(markdown: str) -> tuple[list[tuple[str, list[tuple[str, str | None]]]], str, int]:
    """The HTML tags (with attributes), the visible text and the comments of the handout."""
    from html.parser import HTMLParser

    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").render(markdown)

    class Collect(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
            self.text: list[str] = []
            self.comments = 0

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.tags.append((tag, attrs))

        def handle_data(self, data: str) -> None:
            self.text.append(data)

        def handle_comment(self, data: str) -> None:
            self.comments += 1

    collect = Collect()
    collect.feed(html)
    return collect.tags, "".join(collect.text), collect.comments


def test_hostile_text_renders_as_text_in_a_commonmark_renderer() -> None:
    debate = parse_debate(_hostile_debate()).debate
    tags, text, comments = _render(write_markdown(debate).text)
    # Prose fields keep their inline Markdown (issue 12): emphasis, code and web links.
    allowed = {"h1", "h2", "h3", "p", "ul", "ol", "li", "strong", "em", "blockquote", "a", "code"}
    assert {tag for tag, _ in tags} <= allowed, {tag for tag, _ in tags} - allowed
    assert comments == 0
    links = {dict(attrs).get("href") or "" for tag, attrs in tags if tag == "a"}
    # the javascript: source and link are no links; the image is its alt words
    assert links == {"https://example.org/a?b=1&c=2", "http://auto.link"}
    for tag, attrs in tags:
        assert tag == "a" or attrs == [], (tag, attrs)
    for hostile in HOSTILE:  # every word of the file is shown as it was written
        for line in hostile.splitlines():
            assert line.strip() in text, line
