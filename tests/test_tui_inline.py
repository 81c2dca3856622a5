"""Inline Markdown in the TUI (issue 12): ``**bold**`` is bold, not asterisks, and text stays data.

The frame on screen is rendered to segments, as in ``test_tui_markup``: a word is bold when
the segment holding it has a bold style, and a link is one when its segment carries it.
"""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from rich.segment import Segment
from rich.style import Style

from argmap.tui import ArgmapApp, create_app
from argmap.tui.format import hanging, prose, prose_hanging
from tests.test_tui_support import SIZE, TUI_DEBATE, loaded, screen_text, write_tui_debate

MARKED = TUI_DEBATE.replace(
    "text: Uniforms hide differences in family wealth, so fewer children are teased.",
    "text: 'Uniforms hide **family wealth**, so *fewer* children are teased; see "
    "[the survey](https://example.org/survey). Literal [b]x[/b] and $var and `id-1`.'",
).replace("title: Uniforms hide wealth", "title: Uniforms hide *wealth*")


def segments(app: ArgmapApp) -> list[tuple[str, Style]]:
    console = Console(width=app.size.width, file=io.StringIO(), force_terminal=True)
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    assert update is not None
    found = []
    for segment in console.render(update):
        text, style = Segment(*segment).text, Segment(*segment).style
        if text.strip() and style is not None:
            found.append((text, style))
    return found


def style_of(found: list[tuple[str, Style]], words: str) -> Style:
    for text, style in found:
        if words in text:
            return style
    raise AssertionError(f"{words!r} is not in one segment on screen")


async def test_detail_pane_draws_emphasis_and_links_without_their_marks(tmp_path: Path) -> None:
    app = create_app(write_tui_debate(tmp_path, MARKED), watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        app.main.jump("equality", record=False)
        await pilot.pause()
        text = screen_text(app)
        assert "Uniforms hide family wealth, so fewer children" in text
        assert "**" not in text and "*fewer*" not in text and "*wealth*" not in text
        assert "the survey (https://example.org/survey)" in text
        assert "Literal [b]x[/b] and" in text and "$var and id-1." in text  # data, not markup
        found = segments(app)
        assert style_of(found, "family wealth").bold
        assert not style_of(found, ", so").bold
        assert style_of(found, "fewer").italic
        link = style_of(found, "the survey")
        assert link.underline and link.link == "https://example.org/survey"


def test_plain_text_builds_the_same_content_as_before() -> None:
    assert prose("Uniforms  hide\nwealth").plain == "Uniforms hide wealth"
    assert prose("[b]x[/b] $var", "bold").plain == "[b]x[/b] $var"
    assert prose("*not* **a** [link](javascript:x)").plain == "not a [link](javascript:x)"


def test_wrapped_prose_keeps_its_styles_on_the_right_words() -> None:
    words = "Does teasing stop, or move to shoes and phones?"
    content = prose_hanging("1. ", "Does teasing **stop**, or move to *shoes* and phones?", 26)
    assert content.plain == hanging("1. ", words, 26)
    assert content.plain.count("\n") == 2  # wrapped, with the words on later lines
    styled = {content.plain[s.start : s.end]: s.style for s in content.spans}
    assert styled == {"stop": "bold", "shoes": "italic"}


def test_seminar_card_draws_the_claim_with_its_styles() -> None:
    from argmap.io.load import parse_debate
    from argmap.tui.screens.seminar import card
    from argmap.tui.view import DebateView

    view = DebateView(Path("uniforms.yaml"), parse_debate(MARKED).debate)
    shown = card(view, "equality", hide_speaker=False, width=60)
    assert "UNIFORMS HIDE WEALTH" in shown.plain  # the title, capitalised, without its marks
    assert "*" not in shown.plain
    words = {shown.plain[s.start : s.end]: s.style for s in shown.spans}
    assert words["family wealth"] == "bold"
    assert words["WEALTH"] == "italic"
