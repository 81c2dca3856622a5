"""Colours and line styles of a map, per theme.

Colours come from the Okabe-Ito palette, which stays distinct for the common forms of colour
blindness. Colour is never the only cue: pro claims have solid borders, con claims dashed,
neutral dotted, and pro and con boxes carry a plus or minus sign on their corner; supports
are solid lines, attacks dashed, undercuts dotted with a bar, contradictions double and
two-headed. So ``print`` can drop colour altogether and stay readable in grayscale.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.model.debate import RelationKind, Side


class OkabeIto:
    """The eight colours of Okabe & Ito (2008), "Color Universal Design"."""

    BLACK = "#000000"
    ORANGE = "#E69F00"
    SKY_BLUE = "#56B4E9"
    BLUISH_GREEN = "#009E73"
    YELLOW = "#F0E442"
    BLUE = "#0072B2"
    VERMILLION = "#D55E00"
    REDDISH_PURPLE = "#CC79A7"


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    text: str
    line: str
    """Borders and lines that carry no meaning of their own (question, clusters)."""
    question_fill: str
    side_line: dict[Side, str]
    side_fill: dict[Side, str]
    relation: dict[RelationKind, str]
    premise: str
    context_line: str
    """Greyed claims: shown only to connect a speaker's claims to the question."""
    context_fill: str
    context_text: str
    group_fill: tuple[str, ...] = ("#F5F5F2", "#EBEBE6")
    """Group boxes (Argdown's grey sections), by nesting depth, alternating."""


SIDE_STYLE = {Side.PRO: "solid", Side.CON: "dashed", Side.NEUTRAL: "dotted"}
"""Border style by side: the cue that survives grayscale and colour blindness."""

RELATION_STYLE = {
    RelationKind.SUPPORTS: ("solid", "normal"),
    RelationKind.ATTACKS: ("dashed", "normal"),
    RelationKind.UNDERCUTS: ("dotted", "tee"),
    RelationKind.CONTRADICTS: ("solid", "normal"),
}
"""Line style and arrowhead by relation kind; contradictions are also doubled and two-headed."""

_O = OkabeIto

LIGHT = Theme(
    name="light",
    background="#FFFFFF",
    text="#1A1A1A",
    line="#1A1A1A",
    question_fill="#FBF6CF",
    side_line={Side.PRO: _O.BLUE, Side.CON: _O.VERMILLION, Side.NEUTRAL: "#6B6B6B"},
    side_fill={Side.PRO: "#DDEBF6", Side.CON: "#FBE3D3", Side.NEUTRAL: "#F0F0F0"},
    relation={
        RelationKind.SUPPORTS: _O.BLUISH_GREEN,
        RelationKind.ATTACKS: _O.VERMILLION,
        RelationKind.UNDERCUTS: _O.REDDISH_PURPLE,
        RelationKind.CONTRADICTS: "#1A1A1A",
    },
    premise="#4D4D4D",
    context_line="#B3B3B3",
    context_fill="#F7F7F7",
    context_text="#7A7A7A",
)

DARK = Theme(
    name="dark",
    background="#1B1D22",
    text="#EDEDED",
    line="#D0D0D0",
    question_fill="#3B3820",
    side_line={Side.PRO: _O.SKY_BLUE, Side.CON: _O.ORANGE, Side.NEUTRAL: "#A6A6A6"},
    side_fill={Side.PRO: "#15324A", Side.CON: "#48300F", Side.NEUTRAL: "#2C2F36"},
    relation={
        RelationKind.SUPPORTS: _O.BLUISH_GREEN,
        RelationKind.ATTACKS: _O.VERMILLION,
        RelationKind.UNDERCUTS: _O.REDDISH_PURPLE,
        RelationKind.CONTRADICTS: "#EDEDED",
    },
    premise="#BDBDBD",
    context_line="#55585F",
    context_fill="#23252B",
    context_text="#8C8C8C",
    group_fill=("#22252B", "#292C33"),
)

PRINT = Theme(
    name="print",
    background="#FFFFFF",
    text="#000000",
    line="#000000",
    question_fill="#E6E6E6",
    side_line={Side.PRO: "#000000", Side.CON: "#000000", Side.NEUTRAL: "#555555"},
    side_fill={Side.PRO: "#FFFFFF", Side.CON: "#D9D9D9", Side.NEUTRAL: "#F2F2F2"},
    relation={kind: "#000000" for kind in RelationKind},
    premise="#404040",
    context_line="#AAAAAA",
    context_fill="#FFFFFF",
    context_text="#808080",
    group_fill=("#FFFFFF", "#F7F7F7"),
)

THEMES = {theme.name: theme for theme in (LIGHT, DARK, PRINT)}
