"""The finished SVG: Graphviz's layout, with argmap's own text, title block, legend and key.

Graphviz places the boxes and routes the arrows; everything that is text is written here,
from the label blocks measured with the shipped font (``argmap.render.labels``), so no
renderer's guess about font metrics can make a label spill out of its box. Around the
layout go a title block (title, then question, then source and date in small grey), and
below it a compact legend of only what the map uses and a key naming each speaker once, so
neither ever widens or crowds the map itself. ``--page`` then fits the whole to a page.

User text only ever becomes XML text or attribute values through ElementTree, which escapes
it; nothing from the debate is parsed as markup.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from argmap.model.debate import Debate, RelationKind, Side
from argmap.model.inline import has_markup
from argmap.render.dot import GROUP_TITLE, Drawing, short_name
from argmap.render.fonts import (
    ASCENT,
    FONT_STACK,
    LINE_HEIGHT,
    SLANT,
    font_face_css,
    text_width,
)
from argmap.render.labels import CODE_PAD, Block, Line, Style, lines_of, text_height, wrap
from argmap.render.options import MapOptions
from argmap.render.select import View
from argmap.render.theme import RELATION_STYLE, THEMES, Theme

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)
_S = f"{{{SVG_NS}}}"

PAGES_MM = {"a4": (297, 210), "a3": (420, 297), "a2": (594, 420)}
PAGES_PT = {
    "16:9": (960.0, 540.0),
    "4:3": (720.0, 540.0),
    "letter": (792.0, 612.0),
    **{name: (w * 72 / 25.4, h * 72 / 25.4) for name, (w, h) in PAGES_MM.items()},
}
"""Page sizes in pt, landscape: a 16:9 or 4:3 slide is 13.33 x 7.5 or 10 x 7.5 in."""

MARGIN = 18.0
"""Space around the map, between its parts, and on a page (pt)."""
_MARK = {Side.PRO: "+", Side.CON: "\u2212"}
"""The symbol on a claim box's corner: a cue that needs neither colour nor line style."""
_MARK_RADIUS = 6.5
_DASH = {"solid": None, "dashed": "5,2", "dotted": "1,3"}
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")

TITLE = Style(20.0, bold=True, role="title")
QUESTION = Style(13.0)
SLIDE_TITLE = Style(14.0, bold=True, role="title")
SMALL = Style(9.5, role="meta")
KEY = Style(9.5)
KEY_NAME = Style(9.5, bold=True)
_GROUP_PAD = 8.0
_GROUP_SMALLEST = 7.0


@dataclass(frozen=True)
class Finished:
    """The SVG text and the figures a bench or a test judges it by."""

    svg: str
    width: float
    height: float
    """The content (map, title block, legend) in pt, before any page fitting."""
    scale: float
    """How much the content was scaled to fit ``options.page`` (1.0 without a page)."""


def finish(
    raw: bytes,
    drawing: Drawing,
    debate: Debate,
    options: MapOptions,
    view: View | None = None,
    heading: tuple[str, str] | None = None,
) -> Finished:
    """The SVG a user gets from Graphviz's ``raw`` SVG of ``drawing``.

    ``heading`` replaces the title block by a slide's path and page number.
    """
    theme = THEMES[options.theme]
    layout = ET.fromstring(raw)
    graph = layout.find(f"{_S}g")
    if graph is None:
        raise ValueError("Graphviz wrote an SVG without a graph group")
    _write_labels(graph, drawing, theme)
    _write_group_titles(graph, drawing, theme)
    map_width, map_height = _size(layout)
    content_width = max(map_width, 480.0)
    header = (
        _slide_header(heading, theme, content_width)
        if heading is not None
        else _header(debate, options, view, theme, content_width)
    )
    footer = _footer(debate, drawing, options, theme, content_width)
    width = content_width + 2 * MARGIN
    height = MARGIN + header.height + map_height + footer.height + MARGIN
    root = ET.Element(
        f"{_S}svg",
        {
            "width": f"{width:.2f}pt",
            "height": f"{height:.2f}pt",
            "viewBox": f"0 0 {width:.2f} {height:.2f}",
            "font-family": FONT_STACK,
            "class": graph.get("class", "argmap"),
        },
    )
    ET.SubElement(root, f"{_S}style").text = font_face_css()
    ET.SubElement(root, f"{_S}rect", {"width": "100%", "height": "100%", "fill": theme.background})
    root.append(_at(header.group, MARGIN, MARGIN))
    placed = ET.SubElement(
        root,
        f"{_S}g",
        {
            "id": "map",
            "transform": f"translate({MARGIN + (content_width - map_width) / 2:.2f} "
            f"{MARGIN + header.height:.2f})",
        },
    )
    placed.append(graph)
    root.append(_at(footer.group, MARGIN, MARGIN + header.height + map_height))
    scale = _fit_page(root, width, height, options)
    text = ET.tostring(root, encoding="unicode")
    return Finished('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n", width, height, scale)


def _size(layout: ET.Element) -> tuple[float, float]:
    view = [float(n) for n in layout.get("viewBox", "0 0 0 0").split()]
    return view[2], view[3]


def _fit_page(root: ET.Element, width: float, height: float, options: MapOptions) -> float:
    """Scale the content to ``options.page``, centred, keeping its aspect."""
    if options.page is None:
        return 1.0
    page_w, page_h = PAGES_PT[options.page]
    if options.portrait:
        page_w, page_h = page_h, page_w
    inner_w, inner_h = page_w - 2 * MARGIN, page_h - 2 * MARGIN
    scale = min(inner_w / width, inner_h / height)
    view_w, view_h = page_w / scale, page_h / scale
    root.set("width", f"{page_w:.2f}pt")
    root.set("height", f"{page_h:.2f}pt")
    root.set(
        "viewBox",
        f"{(width - view_w) / 2:.2f} {(height - view_h) / 2:.2f} {view_w:.2f} {view_h:.2f}",
    )
    background = root.find(f"{_S}rect")
    if background is not None:
        background.attrib.update(
            x=f"{(width - view_w) / 2:.2f}",
            y=f"{(height - view_h) / 2:.2f}",
            width=f"{view_w:.2f}",
            height=f"{view_h:.2f}",
        )
    return scale


# -- box labels ---------------------------------------------------------------------------


def _write_labels(graph: ET.Element, drawing: Drawing, theme: Theme) -> None:
    """Replace Graphviz's text in each box by the measured block, centred in the box."""
    parents = {child: parent for parent in graph.iter() for child in parent}
    for group in list(graph.iter(f"{_S}g")):
        classes = group.get("class", "").split()
        if "node" not in classes:
            continue
        node_id = group.get("id", "")
        lines = drawing.blocks.get(node_id)
        if lines is None:
            continue
        title = group.find(f"{_S}title")
        if title is not None:
            title.text = node_id  # not Graphviz's %-encoded DOT name
        texts = list(group.iter(f"{_S}text"))
        shapes = [e for e in group.iter() if e.tag in (f"{_S}polygon", f"{_S}path")]
        if not shapes:
            continue
        left, top, right, bottom = _bbox(shapes)
        holder = parents[texts[0]] if texts else parents[shapes[-1]]
        for old in texts:
            parents[old].remove(old)
        context = "context" in classes
        colour = theme.context_text if context else theme.text
        for element in _text_lines(lines, (left + right) / 2, (top + bottom) / 2, colour, theme):
            holder.append(element)
        side = drawing.sides.get(node_id)
        if side in _MARK:
            mark_colour = theme.context_line if context else theme.side_line[side]
            holder.append(_mark(side, left, top, mark_colour, theme.background))


def _write_group_titles(graph: ET.Element, drawing: Drawing, theme: Theme) -> None:
    """Each group box's title at its top left, measured with the shipped font, over a patch
    of the box's own colour and above the arrows, so a line crossing it leaves it readable.

    Graphviz reserves room for the title from its own guess of the font; a title wider than
    its box is set smaller, down to 7 pt, and cut short with an ellipsis below that.
    """
    titles = ET.Element(f"{_S}g", {"class": "group-titles"})
    for group in list(graph.iter(f"{_S}g")):
        title = drawing.groups.get(group.get("id", ""))
        if title is None:
            continue
        shapes = [e for e in group if e.tag in (f"{_S}polygon", f"{_S}path")]
        for old in [e for e in group if e.tag == f"{_S}text"]:
            group.remove(old)
        tooltip = group.find(f"{_S}title")
        if tooltip is not None:
            tooltip.text = title  # not the cluster's DOT name
        if not shapes:
            continue
        left, top, right, _bottom = _bbox(shapes)
        room = max(right - left - 2 * _GROUP_PAD, 1.0)
        size = GROUP_TITLE.size
        while size > _GROUP_SMALLEST and text_width(title, size, bold=True) > room:
            size -= 0.5
        shown = title
        if text_width(shown, size, bold=True) > room:
            while shown and text_width(shown + "…", size, bold=True) > room:
                shown = shown[:-1]
            shown = shown.rstrip() + "…"
        style = Style(size, bold=True, role="title")
        x, y = left + _GROUP_PAD, top + 4.0 + size * ASCENT
        fill = shapes[0].get("fill") or theme.background
        label = ET.SubElement(
            titles, f"{_S}g", {"class": "group-title", "id": f"{group.get('id')}-title"}
        )
        ET.SubElement(
            label,
            f"{_S}rect",
            {
                "x": f"{x - 2:.2f}",
                "y": f"{y - size * ASCENT - 1:.2f}",
                "width": f"{text_width(shown, size, bold=True) + 4:.2f}",
                "height": f"{size * LINE_HEIGHT + 1:.2f}",
                "fill": fill,
            },
        )
        label.append(_text(shown, x, y, style, theme.premise))
    if len(titles):
        graph.append(titles)


def _bbox(shapes: Iterable[ET.Element]) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = []
    for shape in shapes:
        numbers = [float(n) for n in _NUMBER.findall(shape.get("points") or shape.get("d") or "")]
        xs += numbers[0::2]
        ys += numbers[1::2]
    return min(xs), min(ys), max(xs), max(ys)


def _text_lines(
    lines: Block, centre_x: float, centre_y: float, colour: str, theme: Theme
) -> list[ET.Element]:
    y = centre_y - text_height(lines.lines) / 2
    elements = []
    for number, line in enumerate(lines.lines):
        size = line.style.size
        y += size * (ASCENT if number == 0 else LINE_HEIGHT)
        line_colour = theme.context_text if line.style.role == "meta" else colour
        if line.runs:
            elements += _runs(line, centre_x - line.width / 2, y, line_colour, theme)
        else:
            elements.append(_text(line.text, centre_x, y, line.style, line_colour, "middle"))
    return elements


def _runs(line: Line, left: float, baseline: float, colour: str, theme: Theme) -> list[ET.Element]:
    """A line in several styles: one ``<text>`` whose ``<tspan>`` s each sit at their measured
    offset, a slanted ``<text>`` for each italic run, a tint behind each `` `code` `` run and
    a rule under each link.

    Every run is placed by its own ``x``, not by ``text-anchor``: CairoSVG would centre each
    ``<tspan>`` on its own. Italic is the upright face skewed about the baseline (the font has
    no italic, and CairoSVG draws ``font-style="italic"`` upright). A link is underlined
    words, not an ``<a>``: a claim box with a source is a link already, and links do not nest.
    """
    size = line.style.size
    element = _text("", left, baseline, line.style, colour)
    element.text = None
    behind: list[ET.Element] = []
    after: list[ET.Element] = []
    for run in line.runs:
        x = left + run.x
        attrs = {"x": f"{x + (CODE_PAD if run.code else 0.0):.2f}"}
        if run.bold != line.style.bold:
            attrs["font-weight"] = "bold" if run.bold else "normal"
        if run.code:
            attrs["class"] = "code"
            behind.append(_tint(x, baseline, run.width, size, theme))
        if run.href is not None:
            attrs["class"] = "link"
            rule = f"M{x:.2f} {baseline + 0.13 * size:.2f} h{run.width:.2f}"
            after.append(
                ET.Element(
                    f"{_S}path",
                    {
                        "class": "link-rule",
                        "d": rule,
                        "stroke": colour,
                        "stroke-width": f"{0.06 * size:.2f}",
                    },
                )
            )
        if run.italic:
            slanted = _text(run.text, 0.0, baseline, line.style, colour)
            slanted.attrib.update(
                {
                    **attrs,
                    "class": " ".join(filter(None, [slanted.get("class"), "italic"])),
                    "transform": f"matrix(1 0 {-SLANT} 1 {SLANT * baseline:.2f} 0)",
                }
            )
            after.append(slanted)
            continue
        tspan = ET.SubElement(element, f"{_S}tspan", attrs)
        tspan.text = run.text
    return [*behind, *([element] if len(element) else []), *after]


def _tint(x: float, baseline: float, width: float, size: float, theme: Theme) -> ET.Element:
    """The box behind a `` `code` `` run."""
    return ET.Element(
        f"{_S}rect",
        {
            "class": "code-back",
            "x": f"{x:.2f}",
            "y": f"{baseline - 0.8 * size:.2f}",
            "width": f"{width:.2f}",
            "height": f"{1.05 * size:.2f}",
            "rx": "1.5",
            "fill": theme.context_fill,
            "stroke": theme.context_line,
            "stroke-width": "0.4",
        },
    )


def _text(
    text: str, x: float, y: float, style: Style, colour: str, anchor: str = "start"
) -> ET.Element:
    attrs = {
        "x": f"{x:.2f}",
        "y": f"{y:.2f}",
        "font-size": f"{style.size:g}",
        "fill": colour,
    }
    if anchor != "start":
        attrs["text-anchor"] = anchor
    if style.bold:
        attrs["font-weight"] = "bold"
    if style.role != "text":
        attrs["class"] = style.role
    element = ET.Element(f"{_S}text", attrs)
    element.text = text
    return element


def _mark(side: Side, left: float, top: float, colour: str, background: str) -> ET.Element:
    group = ET.Element(f"{_S}g", {"class": f"side-mark {side.value}"})
    x, y = left + 1.5, top + 1.5
    ET.SubElement(
        group,
        f"{_S}circle",
        {"cx": f"{x:.2f}", "cy": f"{y:.2f}", "r": f"{_MARK_RADIUS}", "fill": colour},
    )
    group.append(_text(_MARK[side], x, y + 4.2, Style(12.0, bold=True), background, "middle"))
    return group


# -- title block, legend, speakers key ----------------------------------------------------


@dataclass
class _Part:
    group: ET.Element
    height: float


def _at(group: ET.Element, x: float, y: float) -> ET.Element:
    group.set("transform", f"translate({x:.2f} {y:.2f})")
    return group


def _stack(
    group: ET.Element,
    parts: Sequence[tuple[str, Style, str]],
    width: float,
    y: float,
    theme: Theme,
) -> float:
    """Wrapped lines of each part, left-aligned from ``y``; returns the y below them.

    A title or text with inline Markdown is drawn in its styles, as box labels are."""
    for text, style, colour in parts:
        if style.role in ("title", "text") and has_markup(text):
            for line in lines_of(text, width, style):
                y += style.size * LINE_HEIGHT
                baseline = y - style.size * (LINE_HEIGHT - ASCENT)
                if line.runs:
                    group.extend(_runs(line, 0, baseline, colour, theme))
                else:
                    group.append(_text(line.text, 0, baseline, style, colour))
            continue
        for plain_line in wrap(text, width, style):
            y += style.size * LINE_HEIGHT
            baseline = y - style.size * (LINE_HEIGHT - ASCENT)
            group.append(_text(plain_line, 0, baseline, style, colour))
    return y


def _header(
    debate: Debate, options: MapOptions, view: View | None, theme: Theme, width: float
) -> _Part:
    group = ET.Element(f"{_S}g", {"id": "title-block", "class": "title-block"})
    parts: list[tuple[str, Style, str]] = [(debate.title, TITLE, theme.text)]
    parts.append((debate.question.text, QUESTION, theme.text))
    for source in list(debate.sources.values())[:3]:
        details = [source.title, source.publisher, source.date.isoformat() if source.date else None]
        parts.append(("Source: " + ", ".join(filter(None, details)), SMALL, theme.context_text))
    if len(debate.sources) > 3:
        parts.append((f"and {len(debate.sources) - 3} more sources", SMALL, theme.context_text))
    parts += [
        (f"View: {scope}", SMALL, theme.context_text) for scope in view_scope(debate, options, view)
    ]
    bottom = _stack(group, parts, width, 0.0, theme)
    return _Part(group, bottom + MARGIN / 2)


def _slide_header(heading: tuple[str, str], theme: Theme, width: float) -> _Part:
    group = ET.Element(f"{_S}g", {"id": "title-block", "class": "title-block slide"})
    path, number = heading
    number_width = text_width(number, SMALL.size) + MARGIN
    bottom = _stack(group, [(path, SLIDE_TITLE, theme.text)], width - number_width, 0.0, theme)
    baseline = SLIDE_TITLE.size * ASCENT
    group.append(_text(number, width, baseline, SMALL, theme.context_text, "end"))
    return _Part(group, bottom + MARGIN / 2)


def view_scope(debate: Debate, options: MapOptions, view: View | None = None) -> list[str]:
    """What this view leaves out or adds, one phrase each, for the title block."""
    parts = []
    if view is not None and view.cut_depth is not None:
        parts.append(
            f"the top {view.cut_depth} levels: {view.claim_count:,} of {view.total_claims:,} "
            "claims; see the rest with --focus ID, --slides or --all"
        )
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
    return parts


_SIDE_WORDS = {
    Side.PRO: "pro: for what it points to",
    Side.CON: "con: against it",
    Side.NEUTRAL: "neutral",
}
_RELATION_WORDS = {
    RelationKind.SUPPORTS: "supports",
    RelationKind.ATTACKS: "attacks",
    RelationKind.UNDERCUTS: "undercuts a link",
    RelationKind.CONTRADICTS: "contradict each other",
}
_LABEL_WORDS = {"in": "✓ IN: accepted", "out": "\u00d7 OUT: defeated", "undec": "? UNDECIDED"}
_SAMPLE_W, _SAMPLE_H, _LINE_W = 24.0, 14.0, 34.0
_ENTRY_GAP = 16.0


def _footer(
    debate: Debate, drawing: Drawing, options: MapOptions, theme: Theme, width: float
) -> _Part:
    group = ET.Element(f"{_S}g", {"id": "legend", "class": "legend"})
    entries = list(_legend_entries(drawing, options, theme))
    x, y, row = 0.0, MARGIN / 2, _SAMPLE_H + 4
    for key, sample, words, sample_width in entries:
        sample.set("id", f"legend-{key}")
        entry_width = sample_width + 5 + text_width(words, SMALL.size)
        if x > 0 and x + entry_width > width:
            x, y = 0.0, y + row
        sample.set("transform", f"translate({x:.2f} {y:.2f})")
        group.append(sample)
        group.append(_text(words, x + sample_width + 5, y + _SAMPLE_H - 3.5, SMALL, theme.text))
        x += entry_width + _ENTRY_GAP
    bottom = y + row if entries else 0.0
    speakers = _speakers_key(debate, drawing.speakers, theme, width, bottom + 4 * bool(entries))
    group.append(speakers.group)
    return _Part(group, speakers.height + (MARGIN / 2 if entries or drawing.speakers else 0))


def _legend_entries(
    drawing: Drawing, options: MapOptions, theme: Theme
) -> Iterable[tuple[str, ET.Element, str, float]]:
    used = drawing.used
    for side, words in _SIDE_WORDS.items():
        if f"side:{side}" in used:
            sample = _sample_box(theme.side_fill[side], theme.side_line[side], _SIDE_DASH[side])
            if side in _MARK:
                sample.append(_mark(side, 0, 0, theme.side_line[side], theme.background))
            yield f"side-{side.value}", sample, words, _SAMPLE_W
    neutral_fill, neutral_line = theme.side_fill[Side.NEUTRAL], theme.side_line[Side.NEUTRAL]
    if "argument" in used:
        yield (
            "argument",
            _sample_box(neutral_fill, neutral_line, None, rounded=True),
            "argument: its premises join",
            _SAMPLE_W,
        )
    if "conceded" in used:
        box = _sample_box(neutral_fill, neutral_line, None, double=True)
        yield "conceded", box, "conceded", _SAMPLE_W
    if "see-copy" in used:
        box = _sample_box(theme.background, neutral_line, _DASH["dotted"], rounded=True)
        yield "see-copy", box, "see: a claim drawn elsewhere", _SAMPLE_W
    if "context" in used:
        yield (
            "context",
            _sample_box(theme.context_fill, theme.context_line, None),
            "greyed: links to the question",
            _SAMPLE_W,
        )
    labels = set((options.labels or {}).values())
    for value, words in _LABEL_WORDS.items():
        if value in labels:
            yield (
                f"label-{value}",
                _sample_box(
                    neutral_fill,
                    neutral_line,
                    None,
                    width=3.0 if value == "in" else 1.4,
                    cross=value == "out",
                ),
                words,
                _SAMPLE_W,
            )
    for kind in RelationKind:
        if f"relation:{kind.value}" in used:
            yield kind.value, _sample_line(kind, theme), _RELATION_WORDS[kind], _LINE_W
    if "premise" in used:
        group = ET.Element(f"{_S}g", {"class": "legend-premise"})
        ET.SubElement(
            group,
            f"{_S}path",
            {"d": f"M0 {_SAMPLE_H / 2} H{_LINE_W}", "stroke": theme.premise, "stroke-width": "2.2"},
        )
        yield "premise", group, "premise of", _LINE_W


_SIDE_DASH = {Side.PRO: None, Side.CON: _DASH["dashed"], Side.NEUTRAL: _DASH["dotted"]}


def _sample_box(
    fill: str,
    line: str,
    dash: str | None,
    *,
    rounded: bool = False,
    double: bool = False,
    width: float = 1.4,
    cross: bool = False,
) -> ET.Element:
    group = ET.Element(f"{_S}g", {"class": "legend-box"})
    attrs = {
        "x": "0.7",
        "y": "0.7",
        "width": f"{_SAMPLE_W - 1.4}",
        "height": f"{_SAMPLE_H - 1.4}",
        "fill": fill,
        "stroke": line,
        "stroke-width": f"{width}",
    }
    if rounded:
        attrs.update(rx="4", ry="4")
    if dash:
        attrs["stroke-dasharray"] = dash
    ET.SubElement(group, f"{_S}rect", attrs)
    if double:
        ET.SubElement(
            group,
            f"{_S}rect",
            {
                **attrs,
                "x": "3",
                "y": "3",
                "width": f"{_SAMPLE_W - 6}",
                "height": f"{_SAMPLE_H - 6}",
                "fill": "none",
            },
        )
    if cross:
        ET.SubElement(
            group,
            f"{_S}path",
            {
                "d": f"M3 3 L{_SAMPLE_W - 3} {_SAMPLE_H - 3} M3 {_SAMPLE_H - 3} L{_SAMPLE_W - 3} 3",
                "stroke": line,
                "fill": "none",
            },
        )
    return group


def _sample_line(kind: RelationKind, theme: Theme) -> ET.Element:
    style, arrowhead = RELATION_STYLE[kind]
    colour = theme.relation[kind]
    middle = _SAMPLE_H / 2
    group = ET.Element(f"{_S}g", {"class": f"legend-line {kind.value}"})
    attrs = {
        "stroke": colour,
        "stroke-width": "2" if kind is RelationKind.UNDERCUTS else "1.4",
        "fill": "none",
    }
    dash = _DASH[style]
    if dash:
        attrs["stroke-dasharray"] = dash
    end = _LINE_W - 7
    if kind is RelationKind.CONTRADICTS:
        ET.SubElement(
            group, f"{_S}path", {**attrs, "d": f"M7 {middle - 1.2} H{end} M7 {middle + 1.2} H{end}"}
        )
        ET.SubElement(
            group,
            f"{_S}polygon",
            {"points": f"0,{middle} 7,{middle - 3.5} 7,{middle + 3.5}", "fill": colour},
        )
    else:
        ET.SubElement(group, f"{_S}path", {**attrs, "d": f"M0 {middle} H{end}"})
    if arrowhead == "tee":
        ET.SubElement(
            group,
            f"{_S}path",
            {"d": f"M{end} {middle - 4} V{middle + 4}", "stroke": colour, "stroke-width": "2.5"},
        )
    else:
        ET.SubElement(
            group,
            f"{_S}polygon",
            {
                "points": f"{_LINE_W},{middle} {end},{middle - 3.5} {end},{middle + 3.5}",
                "fill": colour,
            },
        )
    return group


def _speakers_key(
    debate: Debate, speakers: Sequence[str], theme: Theme, width: float, y: float
) -> _Part:
    """Each speaker on the map once: full name, then role and affiliation in grey."""
    group = ET.Element(f"{_S}g", {"id": "speakers-key", "class": "speakers-key"})
    if not speakers:
        return _Part(group, y)
    entries = []
    for speaker_id in speakers:
        speaker = debate.speakers[speaker_id]
        shown = short_name(debate, speaker_id)
        full = speaker.name if shown != speaker.name else None
        about = ", ".join(filter(None, [full, speaker.role, speaker.affiliation]))
        entries.append((shown, about))
    widest = max(
        text_width(n, KEY_NAME.size, True) + 7 + text_width(a, KEY.size) for n, a in entries
    )
    column = min(width, widest, 330.0 if len(entries) > 1 else width)
    columns = max(1, int((width + _ENTRY_GAP) // (column + _ENTRY_GAP)))
    rows = -(-len(entries) // columns)
    column_y = [y] * columns
    for number, (name, about) in enumerate(entries):
        col = number // rows
        x = col * (column + _ENTRY_GAP)
        column_y[col] = _key_entry(group, name, about, x, column_y[col], column, theme)
    return _Part(group, max(column_y))


def _key_entry(
    group: ET.Element, name: str, about: str, x: float, y: float, width: float, theme: Theme
) -> float:
    line = y + KEY.size * LINE_HEIGHT
    baseline = line - KEY.size * (LINE_HEIGHT - ASCENT)
    group.append(_text(name, x, baseline, KEY_NAME, theme.text))
    rest = width - text_width(name, KEY_NAME.size, True) - 7
    words = wrap(about, max(rest, width / 2), KEY) if about else []
    if words and text_width(words[0], KEY.size) <= rest:
        group.append(_text(words[0], x + width - rest, baseline, KEY, theme.context_text))
        words = wrap(" ".join(words[1:]), width, KEY) if len(words) > 1 else []
    for text in words:
        line += KEY.size * LINE_HEIGHT
        group.append(
            _text(text, x, line - KEY.size * (LINE_HEIGHT - ASCENT), KEY, theme.context_text)
        )
    return line + 3
