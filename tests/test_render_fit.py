"""Text that fits: every line of every box, measured with the font embedded in the SVG itself,
stays inside its box. Drawn with the WebAssembly Graphviz, what a fresh install uses."""

from __future__ import annotations

import base64
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from argmap.io.readers import read_debate
from argmap.render.export import export_map
from argmap.render.options import MapOptions
from tests.test_render_dot import HOSTILE, RELATIONS, debate

SVG = "{http://www.w3.org/2000/svg}"
SEED = Path(__file__).parent.parent / "arguments.yaml"
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
STROKE = 1.0
"""Half the widest border (a focused or accepted claim's 3 pt pen) less a hair."""

HOSTILE_TEXTS = [
    HOSTILE,
    "W" * 140,
    "MMMMMMMM WWWWWWWW " * 12,
    "北朝鮮の労働者の海外派遣は外貨の主な源である" * 3,
    "Zalgo: a\u0301\u0302\u0303 e\u0301 and emoji 🙂🙂🙂 and Ünïcödé ÆØÅ ﬁ ß",
    "https://example.org/" + "x" * 300,
]


def embedded_fonts(root: ET.Element) -> dict[str, TTFont]:
    """The fonts of the SVG's own ``@font-face`` rules, by weight."""
    (style,) = root.iter(f"{SVG}style")
    fonts = {}
    for weight, data in re.findall(
        r"font-weight:(\d+);src:url\(data:font/woff;base64,([A-Za-z0-9+/=]+)\)", style.text or ""
    ):
        fonts[weight] = TTFont(io.BytesIO(base64.b64decode(data)))
    assert set(fonts) == {"400", "700"}
    return fonts


def width(font: TTFont, text: str, size: float) -> float:
    cmap, metrics = font.getBestCmap(), font["hmtx"].metrics
    units = font["head"].unitsPerEm
    total = 0.0
    for char in text:
        glyph = cmap.get(ord(char))
        if glyph is None:  # drawn by a fallback font: the widest plausible advance
            total += 1.0 if ord(char) >= 0x2E80 else 0.62
        else:
            total += metrics[glyph][0] / units
    return total * size


def spills(svg: Path) -> list[str]:
    """Each line of box text that runs past its box, with by how much."""
    root = ET.parse(svg).getroot()
    fonts = embedded_fonts(root)
    found = []
    boxes = 0
    for group in root.iter(f"{SVG}g"):
        if "node" not in group.get("class", "").split():
            continue
        shapes = [e for e in group.iter() if e.tag in (f"{SVG}polygon", f"{SVG}path")]
        texts = [t for t in group.iter(f"{SVG}text") if not _in_mark(group, t)]
        if not shapes or not texts:
            continue
        boxes += 1
        numbers = [
            float(n) for s in shapes for n in NUMBER.findall(s.get("points") or s.get("d") or "")
        ]
        left, right = min(numbers[0::2]) + STROKE, max(numbers[0::2]) - STROKE
        top, bottom = min(numbers[1::2]) + STROKE, max(numbers[1::2]) - STROKE
        for text in texts:
            size = float(text.get("font-size", "0"))
            font = fonts["700" if text.get("font-weight") == "bold" else "400"]
            line_width = width(font, text.text or "", size)
            x, y = float(text.get("x", "0")), float(text.get("y", "0"))
            start = x - line_width / 2 if text.get("text-anchor") == "middle" else x
            ascent = font["hhea"].ascent / font["head"].unitsPerEm * size
            descent = -font["hhea"].descent / font["head"].unitsPerEm * size
            over = max(
                left - start, start + line_width - right, top - (y - ascent), y + descent - bottom
            )
            if over > 0.01:
                found.append(f"{group.get('id')}: {text.text!r} by {over:.1f} pt")
    assert boxes, "no boxes found"
    return found


def _in_mark(group: ET.Element, text: ET.Element) -> bool:
    return any(
        text in list(mark) for mark in group.iter(f"{SVG}g") if "side-mark" in mark.get("class", "")
    )


@pytest.mark.parametrize(
    "options",
    [
        MapOptions(),
        MapOptions(show_text=True),
        MapOptions(labels={"clamp-down": "undec"}),
        MapOptions(speakers=("lankov",)),
    ],
    ids=["seed", "seed-text", "seed-evaluated", "seed-lankov"],
)
def test_no_label_of_the_seed_runs_past_its_box(tmp_path: Path, options: MapOptions) -> None:
    seed = read_debate(SEED).debate
    svg = export_map(seed, tmp_path / "seed.svg", "svg", options, renderer="wasm")
    assert spills(svg) == []


@pytest.mark.parametrize("text", HOSTILE_TEXTS, ids=range(len(HOSTILE_TEXTS)))
def test_no_hostile_label_runs_past_its_box(tmp_path: Path, text: str) -> None:
    source = RELATIONS.replace(
        "text: A reason for.", f"text: {json.dumps(text, ensure_ascii=False)}"
    ).replace("text: First premise.", f"text: {json.dumps(text[::-1], ensure_ascii=False)}")
    svg = export_map(debate(source), tmp_path / "hostile.svg", "svg", renderer="wasm")
    assert spills(svg) == []
