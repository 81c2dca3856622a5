"""DOT for debate maps: what each element looks like, which claims a view keeps, escaping.

The DOT is read back with Graphviz itself (the WebAssembly build, always available, asked for
its ``json`` output), so each assertion is about what Graphviz will draw, not about how the
DOT text happens to be spelled.
"""

from __future__ import annotations

import html
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.io.load import parse_debate
from argmap.model.debate import Debate
from argmap.model.inline import plain
from argmap.render.dot import build_dot
from argmap.render.errors import RenderError
from argmap.render.fonts import text_width
from argmap.render.options import MapOptions
from argmap.render.renderers import WasmGraphviz
from tests.conftest import SMALL_DEBATE

SNAPSHOTS = Path(__file__).parent / "data" / "render"
UPDATE = os.environ.get("ARGMAP_UPDATE_SNAPSHOTS") == "1"

RELATIONS = textwrap.dedent("""\
    argmap: 1
    title: Relations
    speakers:
      - {id: ann, name: Ann Example, affiliation: Uniform Institute}
      - {id: bob, name: Bob Example}
    sources:
      - {id: web, title: A web page, url: "https://example.org/page?a=1&b=2", date: 2021-02-03}
    question:
      id: q
      text: Should we?
      pros:
        - id: a
          text: A reason for.
          by: ann
          source: web
          basis: statistic
          quotes:
            - {text: "We must.", by: ann}
          cons:
            - id: b
              text: An objection to a.
              by: bob
      cons:
        - argument: Linked reasons
          id: arg
          by: bob
          premises:
            - id: p1
              text: First premise.
            - id: p2
              text: Second premise.
              conceded_by: ann
    statements:
      - id: u
        text: The link from a to q does not hold.
        by: bob
        undercuts: [a->q]
      - id: v
        text: The argument's inference fails.
        undercuts: [arg]
      - id: w
        text: Exactly the opposite of b.
        contradicts: [b]
    """)


def debate(text: str = RELATIONS) -> Debate:
    return parse_debate(text).debate


class Layout:
    """Graphviz's reading of a DOT source: nodes and edges with their attributes."""

    def __init__(self, dot: str) -> None:
        data: dict[str, Any] = json.loads(WasmGraphviz().layout(dot, "json"))
        self.graph = data
        objects = data.get("objects", [])
        self.clusters = [o for o in objects if "nodes" in o and o["name"].startswith("cluster")]
        self.nodes = {o["name"]: o for o in objects if "nodes" not in o}
        by_gvid = {o["_gvid"]: o["name"] for o in objects if "nodes" not in o}
        self.edges = [
            dict(e, tail=by_gvid[e["tail"]], head=by_gvid[e["head"]]) for e in data.get("edges", [])
        ]

    def claims(self) -> dict[str, dict[str, Any]]:
        """Nodes by their ``id`` attribute (the claim id), legend and junctions left out."""
        return {
            "".join(text_lines(n["id"])): n
            for n in self.nodes.values()
            if "claim" in n.get("class", "").split() or n.get("class") == "question"
        }

    def edge(self, edge_id: str) -> dict[str, Any]:
        (found,) = [e for e in self.edges if e.get("id") == edge_id]
        return found


def text_lines(escstring: str) -> list[str]:
    """Decode a Graphviz escString label into its lines, and the HTML entities Graphviz
    reads in labels; fail on any escape that is not a line break or a backslash."""
    lines, current, chars = [], [], iter(escstring)
    for char in chars:
        if char != "\\":
            current.append(char)
            continue
        escaped = next(chars)
        if escaped in "nlr":
            lines.append(html.unescape("".join(current)))
            current = []
        elif escaped == "\\":
            current.append("\\")
        else:
            raise AssertionError(f"unexpected escape \\{escaped} in {escstring!r}")
    if current:
        lines.append(html.unescape("".join(current)))
    return lines


def test_each_relation_kind_is_drawn_with_its_own_line_style_and_colour() -> None:
    layout = Layout(build_dot(debate()))
    supports = layout.edge("a->q")
    attacks = layout.edge("b->a")
    undercut = layout.edge("u->a->q")
    contradicts = layout.edge("w->b")
    styles = {e["style"] for e in (supports, attacks, undercut)}
    assert styles == {"solid", "dashed", "dotted"}
    assert len({e["color"] for e in (supports, attacks, undercut, contradicts)}) == 4
    assert undercut["arrowhead"] == "tee"
    # Contradiction: two-headed, and a double line (two colours side by side).
    assert contradicts["dir"] == "both"
    assert contradicts["color"].count(":") == 1
    assert contradicts["constraint"] == "false"


def test_an_undercut_lands_on_a_junction_in_the_middle_of_the_arrow_it_cuts() -> None:
    layout = Layout(build_dot(debate()))
    (junction,) = [n for n in layout.nodes.values() if n.get("class") == "junction"]
    into = [e for e in layout.edges if e["head"] == junction["name"]]
    out = [e for e in layout.edges if e["tail"] == junction["name"]]
    assert {layout.nodes[e["tail"]]["id"] for e in into} == {"a", "u"}
    assert [layout.nodes[e["head"]]["id"] for e in out] == ["q"]
    first_half = next(e for e in into if layout.nodes[e["tail"]]["id"] == "a")
    assert first_half["arrowhead"] == "none"  # the arrowhead is drawn once, at q
    # An undercut of an argument points at the argument itself.
    assert layout.nodes[layout.edge("v->arg")["head"]]["id"] == "arg"


def test_linked_premises_join_at_one_point_before_the_conclusion() -> None:
    layout = Layout(build_dot(debate()))
    premises = [e for e in layout.edges if e.get("class") == "premise"]
    assert {layout.nodes[e["tail"]]["id"] for e in premises} == {"p1", "p2"}
    assert {layout.nodes[e["head"]]["id"] for e in premises} == {"arg"}
    assert {e["samehead"] for e in premises} == {"premises"}
    assert {e["arrowhead"] for e in premises} == {"none"}


def test_pro_and_con_differ_in_line_style_and_class_not_only_colour() -> None:
    claims = Layout(build_dot(debate(), MapOptions(theme="print"))).claims()
    pro, con = claims["a"], claims["b"]
    assert "dashed" in con["style"] and "dashed" not in pro["style"]
    assert "pro" in pro["class"].split() and "con" in con["class"].split()


def test_a_concession_is_drawn_double_and_says_who_conceded() -> None:
    claims = Layout(build_dot(debate())).claims()
    assert claims["p2"]["peripheries"] == "2"
    assert claims["p1"].get("peripheries", "1") == "1"
    assert "conceded by Ann Example" in text_lines(claims["p2"]["label"])
    assert "conceded" in claims["p2"]["class"].split()


def test_claim_boxes_show_title_then_one_line_of_speaker_and_basis() -> None:
    lines = text_lines(Layout(build_dot(debate())).claims()["a"]["label"])
    assert lines == ["A reason for.", "Ann Example · statistic"]


def test_an_argument_does_not_repeat_the_speaker_its_premises_name() -> None:
    text = RELATIONS.replace("text: First premise.", "text: First premise.\n          by: bob")
    text = text.replace("text: Second premise.", "text: Second premise.\n          by: bob")
    lines = text_lines(Layout(build_dot(debate(text))).claims()["arg"]["label"])
    assert lines == ["Linked reasons"]


def test_long_text_is_wrapped_to_lines_of_the_box_width_and_never_cut() -> None:
    long_text = "word " * 30 + "a" * 95
    text = RELATIONS.replace("text: A reason for.", f"text: {long_text}", 1)
    claim = Layout(build_dot(debate(text))).claims()["a"]
    lines = text_lines(claim["label"])
    box = float(claim["width"]) * 72
    assert all(text_width(line, 12, bold=True) <= box for line in lines[:-1])
    body = "".join(line.strip() for line in lines[:-1])
    assert body.replace(" ", "") == long_text.replace(" ", "")


def test_evaluation_labels_are_marked_in_words_and_lines_not_colour() -> None:
    labels = {"a": "in", "b": "out", "arg": "undec"}
    plain = Layout(build_dot(debate())).claims()
    claims = Layout(build_dot(debate(), MapOptions(labels=labels))).claims()
    assert text_lines(claims["a"]["label"])[0] == "✓ IN (accepted)"
    assert text_lines(claims["b"]["label"])[0] == "\u00d7 OUT (defeated)"
    assert text_lines(claims["arg"]["label"])[0] == "? UNDECIDED"
    assert claims["a"]["penwidth"] == "3"
    assert "diagonals" in claims["b"]["style"]
    for node in ("a", "b", "arg"):
        assert claims[node]["fillcolor"] == plain[node]["fillcolor"]
    assert "label-out" in claims["b"]["class"].split()


def test_focus_and_depth_keep_only_the_neighbourhood() -> None:
    assert set(Layout(build_dot(debate(), MapOptions(focus="b", depth=1))).claims()) == {
        "b",
        "a",
        "w",
    }
    # Depth alone counts from the question; the undercut of a->q is one step from q.
    assert set(Layout(build_dot(debate(), MapOptions(depth=1))).claims()) == {"q", "a", "arg", "u"}
    assert set(Layout(build_dot(debate(), MapOptions(focus="p1", depth=0))).claims()) == {"p1"}


def test_speaker_filter_keeps_their_claims_and_greys_the_path_to_the_question() -> None:
    claims = Layout(build_dot(debate(), MapOptions(speakers=("ann",)))).claims()
    # Ann holds a and concedes p2; p2 needs its argument and its fellow premise to stand.
    assert set(claims) == {"q", "a", "p2", "arg", "p1"}
    context = {c for c, node in claims.items() if "context" in node["class"].split()}
    assert context == {"arg", "p1"}
    assert claims["arg"]["fillcolor"] != claims["a"]["fillcolor"]


def test_group_by_speaker_puts_each_speakers_claims_in_a_box() -> None:
    layout = Layout(build_dot(debate(), MapOptions(group_by="speaker")))
    groups = {c["id"]: c for c in layout.clusters if c["name"] != "cluster_legend"}
    assert set(groups) == {"speaker-ann", "speaker-bob"}
    names = {
        node["id"]
        for node in layout.nodes.values()
        if node["_gvid"] in groups["speaker-bob"]["nodes"]
    }
    assert names == {"b", "arg", "u"}
    assert text_lines(groups["speaker-ann"]["label"]) == ["Ann Example"]


@pytest.mark.parametrize(("direction", "question_side"), [("TB", "top"), ("BT", "bottom")])
def test_direction_says_where_the_question_sits(direction: str, question_side: str) -> None:
    claims = Layout(build_dot(debate(), MapOptions(direction=direction))).claims()  # type: ignore[arg-type]
    y = {c: float(node["pos"].split(",")[1]) for c, node in claims.items()}
    # Graphviz's y axis points up: the top of the drawing has the largest y.
    highest = max(y, key=y.__getitem__)
    lowest = min(y, key=y.__getitem__)
    assert (highest if question_side == "top" else lowest) == "q"


def _colours(layout: Layout) -> set[str]:
    found: set[str] = set()
    for item in [*layout.nodes.values(), *layout.edges]:
        for key in ("color", "fillcolor", "fontcolor"):
            found.update(c for c in item.get(key, "").split(":") if c.startswith("#"))
    return found


def test_print_theme_is_grayscale_and_dark_theme_is_dark() -> None:
    for colour in _colours(Layout(build_dot(debate(), MapOptions(theme="print")))):
        red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        assert red == green == blue, colour
    light = Layout(build_dot(debate()))
    assert len(_colours(light)) > len(
        _colours(Layout(build_dot(debate(), MapOptions(theme="print"))))
    )
    dark = _colours(Layout(build_dot(debate(), MapOptions(theme="dark"))))
    fills = [c for c in dark if sum(int(c[i : i + 2], 16) for i in (1, 3, 5)) < 3 * 80]
    assert fills, "the dark theme fills its boxes with dark colours"


def test_svg_hooks_id_class_tooltip_and_web_link_are_on_each_claim() -> None:
    claim = Layout(build_dot(debate())).claims()["a"]
    assert claim["id"] == "a"
    assert claim["class"].split() == ["claim", "statement", "pro", "speaker-ann", "basis-statistic"]
    assert text_lines(claim["tooltip"]) == ["A reason for.", "", "“We must.” — Ann Example"]
    assert text_lines(claim["URL"]) == ["https://example.org/page?a=1&b=2"]


def test_only_web_links_become_links() -> None:
    text = RELATIONS.replace("https://example.org/page?a=1&b=2", "javascript:alert(1)")
    assert "URL" not in Layout(build_dot(debate(text))).claims()["a"]


HOSTILE = 'Quote " back\\slash \\N \\l {brace|field} <b>bold</b> & &amp; </text><script>x</script>'


def test_hostile_text_reaches_graphviz_unchanged() -> None:
    text = RELATIONS.replace("text: A reason for.", f"text: '{HOSTILE}'")
    claim = Layout(build_dot(debate(text))).claims()["a"]
    assert " ".join(text_lines(claim["label"])[:-1]) == HOSTILE


@pytest.mark.parametrize("node_id", ["a:b", "<b>x</b>", "back\\slash", 'quo"te', "node", "-1"])
def test_any_id_survives_as_the_svg_id(node_id: str) -> None:
    quoted = json.dumps(node_id)
    text = RELATIONS.replace("id: a\n", f"id: {quoted}\n").replace(
        "[a->q]", f"[{json.dumps(node_id + '->q')}]"
    )
    claims = Layout(build_dot(debate(text))).claims()
    assert node_id in claims
    assert text_lines(claims[node_id]["id"]) == [node_id]


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1, max_size=120).filter(lambda t: t.strip()))
def test_any_claim_text_survives_escaping(text: str) -> None:
    source = RELATIONS.replace("text: A reason for.", f"text: {json.dumps(text)}", 1)
    try:
        loaded = debate(source)
    except Exception:  # YAML can't hold some control characters; nothing to draw then
        return
    stored = loaded.statements["a"].text
    label = Layout(build_dot(loaded)).claims()["a"]["label"]

    def visible(text: str) -> str:
        return "".join(c for c in text if c.isprintable() and not c.isspace())

    # The words as the map shows them: inline Markdown's marks are not words (issue 12).
    assert visible("".join(text_lines(label)[:-1])) == visible(plain(" ".join(stored.split())))


def test_unknown_ids_and_speakers_are_reported_with_the_valid_choices() -> None:
    with pytest.raises(RenderError) as focus:
        build_dot(debate(), MapOptions(focus="aa"))
    assert "unknown claim id 'aa'" in focus.value.message
    assert "did you mean `a`?" in (focus.value.hint or "")
    with pytest.raises(RenderError) as speaker:
        build_dot(debate(), MapOptions(speakers=("carol",)))
    assert "speakers: ann, bob" in (speaker.value.hint or "")
    with pytest.raises(RenderError, match="not one of in, out, undec"):
        build_dot(debate(), MapOptions(labels={"a": "accepted"}))


def test_dot_is_byte_identical_across_processes_with_different_hash_seeds() -> None:
    script = (
        "import sys; from argmap.io.load import parse_debate; "
        "from argmap.render.dot import build_dot; "
        "sys.stdout.write(build_dot(parse_debate(sys.stdin.read()).debate))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            input=RELATIONS,
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert outputs == {build_dot(debate())}


SNAPSHOT_CASES: dict[str, tuple[str, MapOptions]] = {
    "relations": (RELATIONS, MapOptions()),
    "relations-focus": (RELATIONS, MapOptions(focus="a", depth=1)),
    "relations-speaker": (RELATIONS, MapOptions(speakers=("ann",))),
    "relations-grouped-lr": (RELATIONS, MapOptions(group_by="speaker", direction="LR")),
    "relations-labels": (RELATIONS, MapOptions(labels={"a": "in", "b": "out", "arg": "undec"})),
    "small-dark": (SMALL_DEBATE, MapOptions(theme="dark")),
    "small-print": (SMALL_DEBATE, MapOptions(theme="print")),
}


@pytest.mark.parametrize("name", SNAPSHOT_CASES)
def test_dot_matches_its_reviewed_snapshot(name: str) -> None:
    """A change to any map's DOT shows up here; regenerate with ARGMAP_UPDATE_SNAPSHOTS=1
    after looking at the new maps."""
    text, options = SNAPSHOT_CASES[name]
    dot = build_dot(debate(text), options)
    path = SNAPSHOTS / f"{name}.dot"
    if UPDATE:
        path.write_text(dot, encoding="utf-8")
    assert path.exists(), f"no snapshot {path}: run with ARGMAP_UPDATE_SNAPSHOTS=1"
    assert dot == path.read_text(encoding="utf-8")
