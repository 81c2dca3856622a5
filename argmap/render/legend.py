"""The parts of a map that explain it: the title block and the legend.

Both are on every map, so a printed page or a slide stands on its own: what was asked, from
which source and when, what this view leaves out, and what each line and box means. The
legend explains only what the map contains.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Mapping

import graphviz

from argmap.model.debate import Debate, RelationKind, Side
from argmap.render.options import MapOptions
from argmap.render.text import left_lines, literal, wrap
from argmap.render.theme import BOLD_FONT, RELATION_STYLE, SIDE_STYLE, Theme

_TITLE_WIDTH = 80
_WORD, _END = " word", " end"
"""Suffixes of the two nodes of a sample line: its meaning, then its invisible far end."""
_MAX_SOURCES = 3

_SIDE_WORDS = {
    Side.PRO: "PRO: for",
    Side.CON: "CON: against",
    Side.NEUTRAL: "NEUTRAL",
}
_RELATION_WORDS = {
    RelationKind.SUPPORTS: "supports",
    RelationKind.ATTACKS: "attacks",
    RelationKind.UNDERCUTS: "undercuts",
    RelationKind.CONTRADICTS: "contradict",
}
_LABEL_WORDS = {
    "in": ("✔ IN: accepted", ""),
    "out": ("✘ OUT: defeated", "diagonals"),
    "undec": ("? UNDECIDED", ""),
}


def title_block(debate: Debate, options: MapOptions) -> str:
    """The map's heading: debate title, question, sources with dates, and the view's scope."""
    lines = wrap(debate.title, _TITLE_WIDTH)
    lines += wrap(f"Question: {debate.question.text}", _TITLE_WIDTH, indent="  ")
    sources = list(debate.sources.values())
    for source in sources[:_MAX_SOURCES]:
        details = [source.title, source.publisher, source.date.isoformat() if source.date else None]
        lines += wrap("Source: " + ", ".join(filter(None, details)), _TITLE_WIDTH, indent="  ")
    if len(sources) > _MAX_SOURCES:
        lines.append(f"  and {len(sources) - _MAX_SOURCES} more sources")
    lines += [f"View: {part}" for part in _scope(debate, options)]
    return left_lines(lines)


def _scope(debate: Debate, options: MapOptions) -> list[str]:
    parts = []
    if options.focus is not None:
        depth = "all connected" if options.depth is None else f"depth {options.depth}"
        parts.append(f"around “{debate.label_of(options.focus)}” ({depth})")
    elif options.depth is not None:
        parts.append(f"{options.depth} steps from the question")
    if options.speakers:
        names = ", ".join(debate.speakers[s].name for s in options.speakers)
        parts.append(f"positions of {names}; greyed claims link them to the question")
    if options.group_by == "speaker":
        parts.append("grouped by speaker")
    if options.labels is not None:
        parts.append("labelled by argumentation semantics (IN / OUT / UNDECIDED)")
    return [line for part in parts for line in wrap(part, _TITLE_WIDTH)]


def add_legend(
    graph: graphviz.Digraph,
    theme: Theme,
    used: Collection[str],
    labels: Mapping[str, str],
    rankdir: str,
) -> None:
    """A "Legend" cluster with one sample of each box and line the map uses.

    The samples form a column, one per rank, so on a map several ranks deep the legend
    fits beside the lowest branches instead of adding a wide row (a small map grows a
    little taller instead, which suits its wide shape). Invisible edges keep the reading
    order whichever way ``rankdir`` runs.
    """
    with graph.subgraph(name="cluster_legend") as legend:
        legend.attr(
            label="Legend",
            id="legend",
            style="rounded",
            color=theme.context_line,
            fontname=BOLD_FONT,
            fontsize="12",
            fontcolor=theme.text,
            **{"class": "legend"},
        )
        legend.attr("node", fontsize="10", margin="0.08,0.04")
        entries = [
            _box(legend, f"side {side}", words, theme, side)
            for side, words in _SIDE_WORDS.items()
            if f"side:{side}" in used
        ]
        if "argument" in used:
            entries.append(
                _box(
                    legend,
                    "argument",
                    "argument:\\lpremises join",
                    theme,
                    Side.NEUTRAL,
                    style="rounded",
                    border="solid",
                )
            )
        if "conceded" in used:
            entries.append(
                _box(
                    legend,
                    "conceded",
                    "conceded",
                    theme,
                    Side.NEUTRAL,
                    peripheries="2",
                    border="solid",
                )
            )
        if "context" in used:
            entries.append(_box(legend, "context", "context\\l(links to question)", theme, None))
        for value, (words, style) in _LABEL_WORDS.items():
            if value in labels.values():
                entries.append(
                    _box(
                        legend,
                        f"label {value}",
                        words,
                        theme,
                        Side.NEUTRAL,
                        style=style,
                        border="solid",
                        penwidth="3" if value == "in" else "1.4",
                    )
                )
        entries += [
            _line(legend, kind, theme) for kind in RelationKind if f"relation:{kind.value}" in used
        ]
        if "premise" in used:
            entries.append(_premise_line(legend, theme))
    # One row, in reading order (invisible edges), beside the lowest branches of the map.
    with graph.subgraph() as row:
        row.attr(rank="same")
        for name in entries:
            row.node(name)
            if name.endswith(_WORD):
                row.node(name.removesuffix(_WORD) + _END)
    for left, right in itertools.pairwise(entries):
        if left.endswith(_WORD):
            left = left.removesuffix(_WORD) + _END
        graph.edge(left, right, style="invis")


def _box(
    legend: graphviz.Digraph,
    key: str,
    words: str,
    theme: Theme,
    side: Side | None,
    *,
    style: str = "",
    peripheries: str = "1",
    penwidth: str = "1.4",
    border: str | None = None,
) -> str:
    """A sample box; ``border`` overrides the side's line style (samples that aren't sides)."""
    name = f"legend {key}"
    line = theme.context_line if side is None else theme.side_line[side]
    fill = theme.context_fill if side is None else theme.side_fill[side]
    border = border or (SIDE_STYLE[side] if side is not None else "solid")
    legend.node(
        name,
        label=left_lines(words.split("\\l")),
        style=",".join(filter(None, ["filled", border, style])),
        color=line,
        fillcolor=fill,
        fontcolor=theme.context_text if side is None else theme.text,
        peripheries=peripheries,
        penwidth=penwidth,
        id=literal(f"legend-{key.replace(' ', '-')}"),
        tooltip=literal(words.replace("\\l", " ")),
    )
    return name


def _line(legend: graphviz.Digraph, kind: RelationKind, theme: Theme) -> str:
    """``word ——▶``: a sample line beside its meaning; returns the word's node."""
    style, arrowhead = RELATION_STYLE[kind]
    colour = theme.relation[kind]
    attrs = {"color": colour, "style": style, "arrowhead": arrowhead}
    if kind is RelationKind.UNDERCUTS:
        attrs["penwidth"] = "2"
    if kind is RelationKind.CONTRADICTS:
        attrs.update(color=f"{colour}:{colour}", dir="both", arrowtail=arrowhead)
    return _sample(legend, kind.value, _RELATION_WORDS[kind], theme, attrs)


def _premise_line(legend: graphviz.Digraph, theme: Theme) -> str:
    attrs = {"arrowhead": "none", "color": theme.premise, "penwidth": "2.2"}
    return _sample(legend, "premise", "premises", theme, attrs)


def _sample(
    legend: graphviz.Digraph, key: str, words: str, theme: Theme, attrs: dict[str, str]
) -> str:
    word, end = f"legend {key}{_WORD}", f"legend {key}{_END}"
    legend.node(
        word,
        label=words,
        shape="plaintext",
        style="",
        fontcolor=theme.text,
        id=literal(f"legend-{key}"),
    )
    legend.node(end, label="", shape="point", width="0.01", style="invis")
    legend.edge(word, end, minlen="2", **attrs)
    return word
