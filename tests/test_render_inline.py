"""Inline Markdown in the maps (issue 12): styled runs in the boxes, measured so nothing spills.

Drawn with the WebAssembly Graphviz, as a fresh install draws; spills are measured with the
font the SVG embeds (``argmap.render.metrics.spills``), tspan by tspan.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from argmap.render import metrics
from argmap.render.dot import build_dot
from argmap.render.export import export_map
from argmap.render.fonts import face
from argmap.render.labels import Style, block
from argmap.render.options import MapOptions
from tests.bounded import run_bounded
from tests.test_model_inline import HOSTILE
from tests.test_render_dot import RELATIONS, debate

SVG = "{http://www.w3.org/2000/svg}"

MARKED = RELATIONS.replace(
    "text: A reason for.",
    "title: 'Sanctions *must* bite'\n"
    "      text: 'Exports **earn hard currency**, see [the UN](https://un.org/r) "
    "and `id-1`; <script>alert(1)</script> & [x](javascript:alert(1))'",
)


def svg_of(tmp_path: Path, text: str, **options: object) -> ET.Element:
    out = export_map(debate(text), tmp_path / "map.svg", "svg", MapOptions(**options), "wasm")  # type: ignore[arg-type]
    return ET.parse(out).getroot()


def box(root: ET.Element, node_id: str) -> ET.Element:
    return next(g for g in root.iter(f"{SVG}g") if g.get("id") == node_id)


def test_a_box_draws_bold_italic_code_and_links_as_runs(tmp_path: Path) -> None:
    root = svg_of(tmp_path, MARKED, show_text=True)
    claim = box(root, "a")
    spans = list(claim.iter(f"{SVG}tspan"))
    styled = {(t.text, t.get("font-weight"), t.get("font-style"), t.get("class")) for t in spans}
    slanted = [t for t in claim.iter(f"{SVG}text") if "italic" in t.get("class", "").split()]
    assert [t.text for t in slanted] == ["must"]  # the upright face, skewed (no italic face)
    assert slanted[0].get("transform", "").startswith("matrix(1 0 -0.2")
    assert ("earn hard currency", "bold", None, None) in styled
    assert ("the UN", None, None, "link") in styled
    assert ("id-1", None, None, "code") in styled
    words = " ".join(" ".join(t.itertext()) for t in claim.iter(f"{SVG}text"))
    assert "*" not in words and "[the UN]" not in words
    assert "<script>alert(1)</script> &" in words  # text, escaped by the XML writer
    assert "[x](javascript:alert(1))" in words  # an unsafe link is its words, not a link
    assert not list(root.iter(f"{SVG}script")) and not list(root.iter("script"))
    assert [p for p in claim.iter(f"{SVG}path") if p.get("class") == "link-rule"]
    assert not [a for a in claim.iter(f"{SVG}a") if "un.org" in str(a.attrib)]
    assert metrics.spills(root) == []
    # The check reads runs: a run moved past the box's edge is caught.
    last = spans[-1]
    last.set("x", f"{float(last.get('x', '0')) + 200:.2f}")
    assert metrics.spills(root)


def test_runs_of_a_line_sit_one_after_another(tmp_path: Path) -> None:
    claim = box(svg_of(tmp_path, MARKED, show_text=True), "a")
    for text in claim.iter(f"{SVG}text"):
        xs = [float(t.get("x", "0")) for t in text.iter(f"{SVG}tspan")]
        assert xs == sorted(xs) and len(set(xs)) == len(xs)


def test_dot_labels_and_tooltips_hold_the_words_without_marks() -> None:
    dot = build_dot(debate(MARKED), MapOptions(show_text=True))
    assert "Sanctions must bite" in dot and "*must*" not in dot
    assert "**" not in dot


def test_bold_runs_are_measured_with_the_bold_face() -> None:
    text = Style(10.5)
    plain = block([("earn hard currency now", text, 400.0)])
    marked = block([("**earn hard currency** now", text, 400.0)])
    bold, regular = face(True), face(False)
    assert bold.width("earn hard currency", 10.5) > regular.width("earn hard currency", 10.5)
    assert marked.width == pytest.approx(
        plain.width
        - regular.width("earn hard currency", 10.5)
        + bold.width("earn hard currency", 10.5)
    )
    assert marked.plain == ["earn hard currency now"]


BOLD_AND_SLANTED = [
    "**" + "W" * 120 + "**",
    " ".join(["*MMMM*"] * 30),
    " ".join(["**WWW** *WWW*"] * 15),
    "***" + " ".join(["M"] * 60) + "***",
    "`" + "W" * 90 + "` and [" + "M" * 80 + "](https://example.org)",
]


@pytest.mark.parametrize("text", BOLD_AND_SLANTED, ids=range(len(BOLD_AND_SLANTED)))
def test_no_bold_or_italic_run_spills_out_of_its_box(tmp_path: Path, text: str) -> None:
    source = RELATIONS.replace("text: A reason for.", f"text: '{text}'").replace(
        "text: First premise.", f"text: '{text}'"
    )
    for show_text in (False, True):
        root = svg_of(tmp_path, source, show_text=show_text)
        runs = [*root.iter(f"{SVG}tspan")]
        runs += [t for t in root.iter(f"{SVG}text") if "italic" in t.get("class", "")]
        assert runs
        assert metrics.spills(root) == []


_CHILD = """
import sys
from argmap.render.labels import Style, block
from argmap.tui.format import prose
text = sys.stdin.read()
lines = block([(text, Style(12.0, bold=True, role="title"), 140.0), (text, Style(10.5), 200.0)])
print(len(lines.lines), len(prose(text, "bold").plain))
"""


@pytest.mark.parametrize("text", HOSTILE.values(), ids=list(HOSTILE))
def test_hostile_marks_are_wrapped_and_styled_in_bounded_time(text: str) -> None:
    """A box label and a detail-pane text of hostile marks: under a CPU limit, not timed."""
    child = run_bounded(_CHILD, text)
    assert child.returncode == 0, f"killed or crashed: {child.returncode} {child.stderr[-500:]}"
    assert int(child.stdout.split()[0]) >= 1
