"""Figures a finished map is judged by: edge crossings, size, and text size on a page.

Used by ``bench/bench_render.py`` and by the tests that keep the seed map readable; they read
the SVG argmap writes, so they measure what a reader gets, whichever renderer laid it out.
"""

from __future__ import annotations

import base64
import io
import itertools
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from argmap.render.fonts import SLANT

_S = "{http://www.w3.org/2000/svg}"
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")
_FONT_FACE = re.compile(r"font-weight:(\d+);src:url\(data:font/woff;base64,([A-Za-z0-9+/=]+)\)")
_STROKE = 1.0
"""Half the widest border (a focused or accepted claim's 3 pt pen) less a hair."""
_SAMPLES = 8
"""Straight pieces per cubic Bézier segment when testing edges for crossings."""

Point = tuple[float, float]
Segment = tuple[Point, Point]


@dataclass(frozen=True)
class MapFigures:
    width: float
    height: float
    boxes: int
    crossings: int
    smallest_text: float
    """The smallest font size of any box's text, in pt, at the SVG's own size."""
    title_size: float
    """The size of claim titles, in pt, at the SVG's own size."""
    words_per_box: float
    spilling: tuple[str, ...]
    """Each line of box text that runs past its box, measured with the SVG's embedded font."""

    @property
    def aspect(self) -> float:
        return self.width / self.height if self.height else 0.0


def figures(svg: str) -> MapFigures:
    root = ET.fromstring(svg)
    view = [float(n) for n in root.get("viewBox", "0 0 0 0").split()]
    scale = _points(root.get("width", "0")) / view[2] if view[2] else 1.0
    boxes = [g for g in root.iter(f"{_S}g") if "node" in g.get("class", "").split()]
    sizes = [
        float(t.get("font-size", "0")) * scale
        for g in boxes
        for t in g.iter(f"{_S}text")
        if "side-mark" not in (t.get("class") or "")
    ]
    titles = [
        float(t.get("font-size", "0")) * scale
        for g in boxes
        for t in g.iter(f"{_S}text")
        if t.get("class") == "title"
    ]
    words = [
        len(" ".join(" ".join(t.itertext()) for t in g.iter(f"{_S}text") if _in_label(t)).split())
        for g in boxes
    ]
    return MapFigures(
        view[2] * scale,
        view[3] * scale,
        len(boxes),
        crossings(root),
        min(sizes, default=0.0),
        min(titles, default=0.0),
        sum(words) / len(words) if words else 0.0,
        tuple(spills(root)),
    )


def _in_label(text: ET.Element) -> bool:
    return text.get("font-size") is not None and text.get("class") != "badge"


def embedded_fonts(root: ET.Element) -> dict[str, Any]:
    """The fonts of the SVG's own ``@font-face`` rules, by CSS weight (``400``, ``700``)."""
    from fontTools.ttLib import TTFont

    fonts = {}
    for style in root.iter(f"{_S}style"):
        for weight, data in _FONT_FACE.findall(style.text or ""):
            fonts[weight] = TTFont(io.BytesIO(base64.b64decode(data)))
    return fonts


def spills(root: ET.Element) -> list[str]:
    """Each line of box text that runs past its box, with by how much, measured with the font
    the SVG embeds (fontTools), independently of how argmap measured it when laying out."""
    fonts = embedded_fonts(root)
    if set(fonts) != {"400", "700"}:
        return ["the SVG does not embed its font"]
    found = []
    for group in root.iter(f"{_S}g"):
        if "node" not in group.get("class", "").split():
            continue
        shapes = [e for e in group.iter() if e.tag in (f"{_S}polygon", f"{_S}path")]
        marks = {
            id(t) for m in group.iter(f"{_S}g") if "side-mark" in m.get("class", "") for t in m
        }
        texts = [t for t in group.iter(f"{_S}text") if id(t) not in marks]
        if not shapes or not texts:
            continue
        numbers = [
            float(n) for s in shapes for n in _NUMBER.findall(s.get("points") or s.get("d") or "")
        ]
        left, right = min(numbers[0::2]) + _STROKE, max(numbers[0::2]) - _STROKE
        top, bottom = min(numbers[1::2]) + _STROKE, max(numbers[1::2]) - _STROKE
        for text in texts:
            size = float(text.get("font-size", "0"))
            y = float(text.get("y", "0"))
            for words, start, width, font in _pieces(text, fonts, size):
                units = font["head"].unitsPerEm
                ascent = font["hhea"].ascent / units * size
                descent = -font["hhea"].descent / units * size
                over = max(
                    left - start, start + width - right, top - (y - ascent), y + descent - bottom
                )
                if over > 0.01:
                    found.append(f"{group.get('id')}: {words!r} by {over:.1f} pt")
    return found


def _pieces(
    text: ET.Element, fonts: dict[str, Any], size: float
) -> Iterator[tuple[str, float, float, Any]]:
    """What a ``<text>`` draws: its words, where they start, how wide they are, in which font.

    A line in several styles is ``<tspan>`` s, each placed by its own ``x``; an italic run is
    its own ``<text class="italic">``, skewed about its baseline, which leans its right edge
    out by :data:`~argmap.render.fonts.SLANT` of the font's ascent.
    """
    weight = text.get("font-weight")
    x = float(text.get("x", "0"))
    if text.text:
        font = fonts["700" if weight == "bold" else "400"]
        width = _advance(font, text.text) * size
        if "italic" in (text.get("class") or "").split():
            width += SLANT * font["hhea"].ascent / font["head"].unitsPerEm * size
        start = x - width / 2 if text.get("text-anchor") == "middle" else x
        yield text.text, start, width, font
    for tspan in text.iter(f"{_S}tspan"):
        font = fonts["700" if tspan.get("font-weight", weight) == "bold" else "400"]
        width = _advance(font, tspan.text or "") * size
        yield tspan.text or "", float(tspan.get("x", x)), width, font


def _advance(font: Any, text: str) -> float:
    """Width in ems; a character the font lacks is drawn by a fallback font, so it is given
    the widest plausible advance (a full em for CJK and emoji, 0.62 em otherwise)."""
    cmap, metrics = font.getBestCmap(), font["hmtx"].metrics
    units = font["head"].unitsPerEm
    total = 0.0
    for char in text:
        glyph = cmap.get(ord(char))
        if glyph is None:
            total += 1.0 if ord(char) >= 0x2E80 else 0.62
        else:
            total += metrics[glyph][0] / units
    return total


def _points(length: str) -> float:
    number = float(_NUMBER.findall(length)[0]) if _NUMBER.findall(length) else 0.0
    return number * (0.75 if length.endswith("px") else 1.0)


def crossings(root: ET.Element) -> int:
    """How many times two edges cross, edges that share an end not counted against each other.

    An edge is Graphviz's path (cubic Béziers), flattened to short straight pieces; a
    contradiction's double line counts once.
    """
    edges: list[tuple[frozenset[str], list[Segment]]] = []
    for group in root.iter(f"{_S}g"):
        if "edge" not in group.get("class", "").split():
            continue
        title = group.find(f"{_S}title")
        ends = frozenset((title.text or "").split("->")) if title is not None else frozenset()
        path = group.find(f".//{_S}path")
        if path is None:
            continue
        edges.append((ends, _flatten(path.get("d", ""))))
    count = 0
    for (ends_a, a), (ends_b, b) in itertools.combinations(edges, 2):
        if ends_a & ends_b:
            continue
        if not _overlap(_box(a), _box(b)):
            continue
        count += sum(1 for s in a for t in b if _intersect(s, t))
    return count


def _flatten(d: str) -> list[Segment]:
    numbers = [float(n) for n in _NUMBER.findall(d)]
    points = list(zip(numbers[0::2], numbers[1::2], strict=False))
    if len(points) < 4:
        return list(itertools.pairwise(points))
    line: list[Point] = [points[0]]
    for start in range(0, len(points) - 3, 3):
        p0, p1, p2, p3 = points[start : start + 4]
        for step in range(1, _SAMPLES + 1):
            t = step / _SAMPLES
            u = 1 - t
            line.append(
                (
                    u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                    u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
                )
            )
    return list(itertools.pairwise(line))


def _box(segments: list[Segment]) -> tuple[float, float, float, float]:
    xs = [x for segment in segments for x, _ in segment]
    ys = [y for segment in segments for _, y in segment]
    return min(xs), min(ys), max(xs), max(ys)


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _intersect(s: Segment, t: Segment) -> bool:
    (ax, ay), (bx, by) = s
    (cx, cy), (dx, dy) = t
    denominator = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx)
    if denominator == 0:
        return False
    u = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / denominator
    v = ((cx - ax) * (by - ay) - (cy - ay) * (bx - ax)) / denominator
    return 0 < u <= 1 and 0 < v <= 1
