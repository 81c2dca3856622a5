"""Label wrapping: by the shipped font's widths, even, never cut, linear in the text."""

from __future__ import annotations

from pathlib import Path

from argmap.render import fonts
from argmap.render.fonts import text_width
from argmap.render.labels import Style, balanced, wrap

TITLE = Style(12.0, bold=True, role="title")


def test_titles_are_wrapped_evenly_without_a_lone_last_word() -> None:
    title = "Remittances loosen the regime's grip on the markets of the North"
    greedy = wrap(title, 140, TITLE)
    even = balanced(title, 140, TITLE)
    assert len(even) == len(greedy) >= 2
    assert " " in even[-1]
    widths = [text_width(line, TITLE.size, bold=True) for line in even]
    assert max(widths) <= 140 and min(widths) >= 0.6 * max(widths)
    assert " ".join(even) == title


def test_a_huge_word_is_split_into_lines_of_the_box_width_and_nothing_is_lost() -> None:
    word = "x" * 1_000_000
    lines = wrap(f"start {word} end", 140, TITLE)
    assert "".join(lines).replace(" ", "") == f"start{word}end"
    assert all(text_width(line, TITLE.size, bold=True) <= 140 for line in lines)


def test_characters_the_font_lacks_are_measured_generously() -> None:
    assert text_width("漢字", 10) == 20.0  # a full em each, as a CJK fallback font draws them
    assert text_width("W", 10) < text_width("\U0001f642", 10)


def test_the_shipped_width_table_and_woff_files_are_those_of_the_shipped_font() -> None:
    """Maps are measured with metrics.json and embed the WOFF files; both come from the TTF
    files (``python -m argmap.render.fonts`` rewrites them), so they must not drift."""
    folder = Path(fonts.__file__).parent.parent / "data" / "fonts"
    for name, data in fonts.derived_files().items():
        assert (folder / name).read_bytes() == data, f"{name} is stale"
