"""Text that fits: every line of every box, measured with the font embedded in the SVG itself,
stays inside its box. Drawn with the WebAssembly Graphviz, what a fresh install uses."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from argmap.formats.registry import read_debate
from argmap.render import metrics
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


def spills(svg: Path) -> list[str]:
    root = ET.parse(svg).getroot()
    assert [g for g in root.iter(f"{SVG}g") if "node" in g.get("class", "").split()]
    return metrics.spills(root)


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
