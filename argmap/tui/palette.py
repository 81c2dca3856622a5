"""Side colours that stay readable in every theme: at least 4.5:1 against the backgrounds.

A theme's ``success``/``error``/``warning`` colours are chosen for buttons and badges, not for
bold text on the theme's own surfaces: in ``textual-light`` the pro green reads at about 3:1,
and in some themes the con red is under 2:1. The app derives one colour per side from the
theme (``$argmap-pro``, ``$argmap-con``, ``$argmap-neutral``, ``$argmap-question``), moved
towards black or white just far enough to reach WCAG's 4.5:1 on ``$background``, ``$surface``
and ``$panel``. ANSI themes leave colour to the terminal's palette and are passed through.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.color import Color

MIN_CONTRAST = 4.5
"""WCAG 2's minimum for normal text (AA)."""

SIDE_BASES: Mapping[str, str] = {
    "argmap-pro": "success",
    "argmap-con": "error",
    "argmap-neutral": "warning",
    "argmap-question": "accent",
}
"""Each side's variable and the theme colour it starts from."""

BACKGROUNDS = ("background", "surface", "panel")
"""What side symbols and labels are drawn on: the screen, the panes and the bars."""

TINT = 0.1
"""The most a focused widget tints its background towards the foreground."""


def contrast(foreground: Color, background: Color) -> float:
    """WCAG 2 contrast ratio of two opaque colours, from 1 to 21."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def side_variables(variables: Mapping[str, str]) -> dict[str, str]:
    """``$argmap-<side>`` for a theme's CSS variables (see the module docstring)."""
    grounds = [Color.parse(variables[name]) for name in BACKGROUNDS if name in variables]
    bases = {name: Color.parse(variables[base]) for name, base in SIDE_BASES.items()}
    if any(c.ansi is not None for c in (*grounds, *bases.values())):
        return {name: variables[base] for name, base in SIDE_BASES.items()}
    base_ground = grounds[0]
    grounds = [base_ground + ground for ground in grounds]  # panels may be translucent
    # A focused widget tints its background with the foreground (the tree: 5%).
    foreground = Color.parse(variables.get("foreground", "white"))
    grounds += [ground.blend(foreground, TINT) for ground in grounds]
    target = Color(0, 0, 0) if base_ground.brightness > 0.5 else Color(255, 255, 255)
    found = {}
    for name, base in bases.items():
        colour = base_ground + base
        step = 0
        while min(contrast(colour, g) for g in grounds) < MIN_CONTRAST and step < 20:
            step += 1
            colour = (base_ground + base).blend(target, step / 20)
        found[name] = colour.hex
    return found


def _luminance(colour: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)
