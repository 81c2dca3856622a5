"""The SVG a web page gets: ids, classes, tooltips and links on each claim, and no way for a
claim's text to inject markup. Run with the WebAssembly renderer always, and with the system
``dot`` where it is installed."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from argmap.render.export import export_map
from argmap.render.options import MapOptions
from tests.test_render_dot import HOSTILE, RELATIONS, debate

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"

RENDERERS = [
    "wasm",
    pytest.param(
        "dot",
        marks=pytest.mark.skipif(
            shutil.which("dot") is None,
            reason="Graphviz's dot is not on PATH: the native renderer is tested where it is",
        ),
    ),
]


def svg_of(tmp_path: Path, renderer: str, text: str = RELATIONS, **options: object) -> ET.Element:
    out = export_map(debate(text), tmp_path / "map.svg", "svg", MapOptions(**options), renderer)  # type: ignore[arg-type]
    return ET.parse(out).getroot()


def groups(root: ET.Element) -> dict[str, ET.Element]:
    return {g.get("id", ""): g for g in root.iter(f"{SVG}g")}


@pytest.mark.parametrize("renderer", RENDERERS)
def test_each_claim_group_has_its_id_classes_tooltip_and_link(
    tmp_path: Path, renderer: str
) -> None:
    by_id = groups(svg_of(tmp_path, renderer))
    claim = by_id["a"]
    assert claim.get("class", "").split() == [
        "node",
        "claim",
        "statement",
        "pro",
        "speaker-ann",
        "basis-statistic",
    ]
    (link,) = claim.iter(f"{SVG}a")
    assert link.get(f"{XLINK}href") == "https://example.org/page?a=1&b=2"
    assert link.get(f"{XLINK}title") == "A reason for.\n\n“We must.” — Ann Example"
    assert {"b", "arg", "p1", "p2", "u", "v", "w", "q"} <= set(by_id)
    assert "conceded" in by_id["p2"].get("class", "").split()
    assert "argument" in by_id["arg"].get("class", "").split()
    assert by_id["legend"].get("class") == "legend"


@pytest.mark.parametrize("renderer", RENDERERS)
def test_hostile_text_stays_text(tmp_path: Path, renderer: str) -> None:
    text = RELATIONS.replace("text: A reason for.", f"text: '{HOSTILE}'")
    root = svg_of(tmp_path, renderer, text)  # parses: the SVG is well-formed XML
    assert not list(root.iter(f"{SVG}script")) and not list(root.iter("script"))
    assert not list(root.iter(f"{SVG}b")) and not list(root.iter("b"))
    claim = groups(root)["a"]
    shown = " ".join(t.text or "" for t in claim.iter(f"{SVG}text"))
    for fragment in ('Quote "', "back\\slash", "\\N", "{brace|field}", "<b>bold</b>", "&amp;"):
        assert fragment in shown
    (link,) = claim.iter(f"{SVG}a")
    assert link.get(f"{XLINK}title", "").startswith(HOSTILE)


def test_hostile_titles_and_sources_stay_text_in_the_title_block(tmp_path: Path) -> None:
    text = RELATIONS.replace("title: Relations", "title: '<script>x</script> & \\N'").replace(
        "title: A web page", "title: '<i>\"Source\" {x}</i>'"
    )
    root = svg_of(tmp_path, "wasm", text)
    assert not list(root.iter(f"{SVG}script")) and not list(root.iter(f"{SVG}i"))
    block = groups(root)["title-block"]
    lines = [t.text or "" for t in block.iter(f"{SVG}text")]
    assert lines[0] == "<script>x</script> & \\N"
    assert any('<i>"Source" {x}</i>' in line for line in lines)


@pytest.mark.parametrize("renderer", RENDERERS)
def test_speaker_view_marks_context_claims(tmp_path: Path, renderer: str) -> None:
    by_id = groups(svg_of(tmp_path, renderer, speakers=("ann",)))
    assert "context" in by_id["arg"].get("class", "").split()
    assert "context" not in by_id["a"].get("class", "").split()
    assert "b" not in by_id


@pytest.mark.parametrize("node_id", ["é-claim", "+plus", "%1", "<b>x</b>", "a:b"])
def test_svg_titles_name_the_claim_id_not_its_encoded_dot_name(
    tmp_path: Path, node_id: str
) -> None:
    quoted = json.dumps(node_id)
    text = RELATIONS.replace("id: a\n", f"id: {quoted}\n").replace(
        "[a->q]", f"[{json.dumps(node_id + '->q')}]"
    )
    claim = groups(svg_of(tmp_path, "wasm", text))[node_id]
    title = claim.find(f"{SVG}title")
    assert title is not None and title.text == node_id


def test_the_speakers_key_names_each_speaker_once_as_the_boxes_do(tmp_path: Path) -> None:
    long_name = "People who work in the US and South Korean governments"
    text = RELATIONS.replace("name: Bob Example", f"name: {long_name}")
    root = svg_of(tmp_path, "wasm", text)
    key = [t.text or "" for t in groups(root)["speakers-key"].iter(f"{SVG}text")]
    assert key.count("Ann Example") == 1 and "Uniform Institute" in key
    assert key.count("bob") == 1 and any(long_name in line for line in key)
    meta = [t.text for t in groups(root)["b"].iter(f"{SVG}text") if t.get("class") == "meta"]
    assert meta == ["bob"]
