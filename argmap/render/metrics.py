"""Figures a finished map is judged by: edge crossings, size, and text size on a page.

Used by ``bench/bench_render.py`` and by the tests that keep the seed map readable; they read
the SVG argmap writes, so they measure what a reader gets, whichever renderer laid it out.
"""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

_S = "{http://www.w3.org/2000/svg}"
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")
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
    return MapFigures(
        view[2] * scale,
        view[3] * scale,
        len(boxes),
        crossings(root),
        min(sizes, default=0.0),
    )


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
