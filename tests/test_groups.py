"""Groups (sections of a debate): declared under `groups:`, named by claims with `group:`.

They come from Argdown headings, nest through `parent:`, are checked with file:line:col like
speakers, and survive every save: whole-file dumps and source-preserving patches.
"""

from __future__ import annotations

import difflib
import re
import sys
import tempfile
import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.analysis.editing import Claim, add_claim
from argmap.analysis.search import Field, SearchIndex
from argmap.cli.main import main
from argmap.formats.aif import write_aif
from argmap.formats.argdown_read import parse_argdown, read_argdown
from argmap.formats.argdown_write import write_argdown
from argmap.formats.kialo import write_kialo
from argmap.formats.markdown import write_markdown
from argmap.io.load import parse_debate
from argmap.io.patch import patch_text
from argmap.io.save import dump_debate
from argmap.model.debate import Debate, Group
from argmap.render.dot import build_dot
from argmap.render.draw import render_map
from argmap.render.fonts import text_width
from argmap.render.options import MapOptions
from argmap.tui import create_app
from tests.test_load import errors_of
from tests.test_tui_support import loaded, screen_text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from argdown_cli import export_json, find

CLI, REASON = find()
needs_cli = pytest.mark.skipif(CLI is None, reason=REASON)

GROUPED = textwrap.dedent("""\
    title: Labour exports
    groups:
      - id: sanctions
        title: Sanctions
      - id: enforcement
        title: Enforcing them
        parent: sanctions
    question:
      id: q
      text: Should states stop hiring North Korean workers?
      pros:
        - id: revenue
          text: The wages fund the weapons programme.
          group: sanctions
          pros:
            - id: un-panel
              text: A UN panel traced the money.
              group: enforcement
        - argument: Leverage
          id: leverage
          gist: Cutting the money gives other states leverage.
          group: sanctions
      cons:
        - id: workers
          text: The workers' families depend on the wages.
    """)


def test_claims_name_their_group_and_groups_nest() -> None:
    debate = parse_debate(GROUPED).debate
    assert debate.statements["revenue"].group == "sanctions"
    assert debate.statements["un-panel"].group == "enforcement"
    assert debate.arguments["leverage"].group == "sanctions"
    assert debate.statements["workers"].group is None
    path = debate.group_path(debate.statements["un-panel"].group)
    assert [g.title for g in path] == ["Sanctions", "Enforcing them"]


def test_groups_survive_a_save_and_read_back_equal() -> None:
    debate = parse_debate(GROUPED).debate
    text = dump_debate(debate)
    assert "groups:\n- id: sanctions\n  title: Sanctions\n" in text
    assert "  group: enforcement\n" in text
    again = parse_debate(text).debate
    assert again == debate
    assert dump_debate(again) == text


def test_a_changed_group_is_patched_into_the_file_alone() -> None:
    loaded = parse_debate(GROUPED)
    debate = loaded.debate
    moved = debate.statements["workers"].model_copy(update={"group": "sanctions"})
    edited = debate.model_copy(update={"statements": {**debate.statements, "workers": moved}})
    patched = patch_text(GROUPED, loaded, edited)
    assert parse_debate(patched).debate == edited
    diff = difflib.ndiff(GROUPED.splitlines(), patched.splitlines())
    changed = [line for line in diff if line[:1] in "+-"]
    assert changed == ["+       group: sanctions"]


def test_a_claim_added_in_a_section_joins_it_and_is_saved_there() -> None:
    loaded = parse_debate(GROUPED)
    change = add_claim(loaded.debate, "un-panel", "con", Claim(title="The panel saw one bank"))
    assert change.focus is not None
    added = change.debate.statements[change.focus]
    assert added.group == "enforcement"
    outside = add_claim(loaded.debate, "workers", "pro", Claim(title="Remittances feed them"))
    assert outside.focus is not None
    assert outside.debate.statements[outside.focus].group is None
    patched = patch_text(GROUPED, loaded, change.debate)
    assert parse_debate(patched).debate.statements[change.focus].group == "enforcement"


def test_an_unknown_group_is_an_error_at_its_line_with_a_fix() -> None:
    assert errors_of("""\
        title: T
        groups: [{id: sanctions, title: Sanctions}]
        question:
          id: q
          text: Q?
          pros:
            - id: a
              text: A
              group: sanction
            - id: b
              text: B
              group: trade
        """) == [
        "9:14 unknown group `sanction` | did you mean `sanctions`?",
        "12:14 unknown group `trade` | declare it under `groups:` with `- id: trade` and a "
        "`title:`",
    ]


def test_group_parents_must_be_declared_and_not_circular() -> None:
    assert errors_of("""\
        title: T
        groups:
          - {id: a, title: A, parent: b}
          - {id: b, title: B, parent: a}
          - {id: c, title: C, parent: nowhere}
          - {id: a, title: Again}
        question: {id: q, text: Q?}
        """) == [
        "3:31 group `a` is part of itself (through `b`) | give the outermost group no `parent:`",
        "4:31 group `b` is part of itself (through `a`) | give the outermost group no `parent:`",
        "5:31 unknown group `nowhere` | declare it under `groups:` with `- id: nowhere` and a "
        "`title:`",
        "6:10 group id `a` is declared twice (first on line 3) | give each one its own id",
    ]


# -- Argdown: headings are groups --------------------------------------------------------------

SECTIONS = Path(__file__).parent / "data" / "argdown" / "sections.argdown"


def _members(debate: Debate) -> dict[str, str | None]:
    nodes = (*debate.statements.values(), *debate.arguments.values())
    return {node.id: node.group for node in nodes}


def test_argdown_headings_become_nested_groups_by_first_definition() -> None:
    debate = read_argdown(SECTIONS).debate
    assert {g.id: (g.title, g.parent) for g in debate.groups.values()} == {
        "the-case-for-stopping": ("The case for stopping", None),
        "evidence": ("Evidence", "the-case-for-stopping"),
        "the-case-against": ("The case against", None),
        "costs-wages-families-more": (
            'Costs: "wages" <families> ] & more',
            "the-case-against",
        ),
    }
    assert _members(debate) == {
        # referred to under `## Evidence` and `# The case against`, defined in the first
        "wages-fund-weapons": "the-case-for-stopping",
        "un-panel": "evidence",
        "the-panel-saw-the-bank-transfers": "evidence",
        "transfers-of-wages-to-the-state": "evidence",
        "families": "costs-wages-families-more",
        "leverage": "costs-wages-families-more",
    }
    assert all(not s.tags for s in debate.statements.values())  # no heading tags any more


def test_a_reconstructed_argument_is_in_the_section_of_its_reconstruction() -> None:
    debate = parse_argdown(
        textwrap.dedent("""\
        [Q]: Question? {question: true}

        # Reasons

        <A>: An argument.
          +> [Q]

        # Reconstructions

        <A>

        (1) A premise.
        ----
        (2) [Q]
        """),
        "a.argdown",
    ).debate
    assert debate.arguments["a"].group == "reconstructions"


def test_only_the_two_deepest_heading_levels_are_groups_unless_group_depth_says() -> None:
    text = """\
        {front}
        # Report

        ## Part

        ### Chapter

        [Q]: Question? {{question: true}}
          + [R]: A reason.
        """
    default = parse_argdown(textwrap.dedent(text).format(front=""), "d.argdown").debate
    assert [(g.title, g.parent) for g in default.groups.values()] == [
        ("Part", None),
        ("Chapter", "part"),
    ]
    deep = parse_argdown(
        textwrap.dedent(text).format(front="===\ngroup: {groupDepth: 3}\n===\n"), "d.argdown"
    )
    assert [g.title for g in deep.debate.groups.values()] == ["Report", "Part", "Chapter"]
    assert not [w for w in deep.warnings if "group" in w.message]  # understood, not ignored


def test_argdown_writer_writes_groups_as_headings_that_read_back_equal() -> None:
    debate = parse_debate(GROUPED).debate
    deeper = debate.model_copy(
        update={
            "groups": {
                **debate.groups,
                "un": Group(id="un", title="At the UN [2016]", parent="enforcement"),
            },
            "statements": {
                **debate.statements,
                "un-panel": debate.statements["un-panel"].model_copy(update={"group": "un"}),
            },
        }
    )
    text = write_argdown(deeper).text
    assert "\n# Sanctions\n" in text
    assert "\n## Enforcing them {id: enforcement}\n" in text
    assert "\n### At the UN \\[2016\\] {id: un}\n" in text
    assert "groupDepth: 3" in text  # or Argdown's maps would drop the outermost level
    assert parse_argdown(text, "w.argdown").debate == deeper
    assert (
        read_argdown(SECTIONS).debate
        == parse_argdown(write_argdown(read_argdown(SECTIONS).debate).text, "again.argdown").debate
    )


def _ungisted() -> Debate:
    """The YAML debate with an argument that has no description: only `<Leverage>` is
    written, which Argdown reads as a reference unless flagged `isInGroup`."""
    debate = parse_debate(GROUPED).debate
    leverage = debate.arguments["leverage"].model_copy(update={"gist": None})
    return debate.model_copy(update={"arguments": {"leverage": leverage}})


@needs_cli
@pytest.mark.parametrize("make", [lambda: read_argdown(SECTIONS).debate, _ungisted])
def test_the_argdown_cli_reads_argmaps_headings_as_the_same_sections(
    make: Callable[[], Debate],
) -> None:
    assert CLI is not None
    debate = make()
    assert parse_argdown(write_argdown(debate).text, "again.argdown").debate == debate
    written = write_argdown(debate).text
    path = Path(tempfile.mkdtemp()) / "sections.argdown"
    path.write_text(written, encoding="utf-8")
    data = export_json(CLI, path)

    sections: dict[str, tuple[str, str | None]] = {}
    stack = list(data["sections"])
    while stack:
        section = stack.pop()
        sections[section["id"]] = (section["title"], section.get("parent"))
        stack += section["children"]
    titled = {
        key: (title, sections[parent][0] if parent else None)
        for key, (title, parent) in sections.items()
    }
    assert sorted(titled.values(), key=str) == sorted(
        (
            (g.title, debate.groups[g.parent].title if g.parent else None)
            for g in debate.groups.values()
        ),
        key=str,
    )
    cli_members = {
        title: titled[node["section"]][0] if node.get("section") else None
        for kind in ("statements", "arguments")
        for title, node in data[kind].items()
    }
    titles = {**{s.id: s.title or s.id for s in debate.statements.values()}}
    titles.update({a.id: a.title for a in debate.arguments.values()})
    ours = {
        titles[node]: debate.groups[group].title if group else None
        for node, group in _members(debate).items()
    }
    ours[debate.question.title or debate.question.id] = None
    assert cli_members == ours


# -- maps draw groups as boxes; the TUI names a claim's group -----------------------------------

HOSTILE_TITLE = 'Costs: "wages" <families> ] & more'


def _mapped() -> Debate:
    return read_argdown(SECTIONS).debate


def test_dot_puts_each_group_in_a_nested_cluster_with_its_title_escaped() -> None:
    dot = build_dot(_mapped())
    assert dot.count("subgraph cluster_group_") == 4
    assert 'label="Costs: \\"wages\\" <families> ] &amp; more"' in dot
    outer = dot.index('id="group-the-case-against"')
    inner = dot.index('id="group-costs-wages-families-more"')
    families = dot.index('\t"families" [')
    closing = dot.index("\t}", families)
    assert outer < inner < families < closing  # the claim inside both boxes
    assert "cluster" not in build_dot(_mapped(), MapOptions(group_by="none"))


def test_the_svg_draws_each_group_title_inside_its_box(tmp_path: Path) -> None:
    svg = render_map(_mapped(), MapOptions(), "wasm").svg
    root = ET.fromstring(svg)
    ns = {"s": "http://www.w3.org/2000/svg"}
    titles = {
        g.get("id"): "".join(g.itertext())
        for g in root.iterfind(".//s:g[@class='group-title']", ns)
    }
    assert titles["group-costs-wages-families-more-title"] == HOSTILE_TITLE
    assert len(titles) == 4
    group = root.find(".//s:g[@id='group-costs-wages-families-more']", ns)
    assert group is not None
    assert group.findtext("s:title", namespaces=ns) == HOSTILE_TITLE
    shape = next(e for e in group if e.tag.endswith(("path", "polygon")))
    numbers = [
        float(n)
        for n in re.findall(r"-?\d+(?:\.\d+)?", shape.get("d") or shape.get("points") or "")
    ]
    left, right = min(numbers[0::2]), max(numbers[0::2])
    top, bottom = min(numbers[1::2]), max(numbers[1::2])
    text = root.find(".//s:g[@id='group-costs-wages-families-more-title']/s:text", ns)
    assert text is not None
    x, y, size = (
        float(text.get("x", "0")),
        float(text.get("y", "0")),
        float(text.get("font-size", "0")),
    )
    assert left < x and x + text_width(HOSTILE_TITLE, size, bold=True) < right
    assert top < y - size < y < bottom
    # the title sits above every claim box of its group: nothing overlaps it
    families = root.find(".//s:g[@id='families']", ns)
    assert families is not None
    box = next(e for e in families.iter() if e.tag.endswith(("path", "polygon")))
    box_top = min(
        float(n)
        for n in re.findall(r"-?\d+(?:\.\d+)?", box.get("d") or box.get("points") or "")[1::2]
    )
    assert y < box_top
    assert "<families>" not in svg  # escaped text, not an element
    page = tmp_path / "sections.png"
    args = ["export", str(SECTIONS), "-f", "png", "--page", "16:9", "-o", str(page)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert page.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_group_title_in_markdown_is_drawn_as_its_words() -> None:
    """A heading such as ``**Sanctions** and _aid_`` names its box in words, not marks."""
    debate = parse_debate(GROUPED.replace("title: Sanctions", "title: '**Sanctions** and _aid_'"))
    svg = render_map(debate.debate, MapOptions(), "wasm").svg
    root = ET.fromstring(svg)
    ns = {"s": "http://www.w3.org/2000/svg"}
    title = root.find(".//s:g[@id='group-sanctions-title']", ns)
    assert title is not None
    assert "".join(title.itertext()) == "Sanctions and aid"
    assert "**" not in svg


def test_an_arguments_description_is_on_its_map_label_with_the_text() -> None:
    debate = _mapped()
    dot = build_dot(debate, MapOptions(show_text=True))
    assert "A UN panel of experts traced" in dot
    assert (
        debate.arguments["un-panel"].gist == "A UN panel of experts traced the wages to the state."
    )


async def test_the_detail_pane_names_the_claims_group_and_an_arguments_description(
    tmp_path: Path,
) -> None:
    path = tmp_path / "sections.argdown"
    path.write_text(SECTIONS.read_text(encoding="utf-8"), encoding="utf-8")
    app = create_app(path, watch=False, export_dir=tmp_path / "exports")
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        app.main.jump("families", record=False)
        await pilot.pause()
        text = screen_text(app)
        assert f"Section: The case against \u203a {HOSTILE_TITLE}" in text
        app.main.jump("un-panel", record=False)
        await pilot.pause()
        text = screen_text(app)
        assert "Section: The case for stopping \u203a Evidence" in text
        assert "A UN panel of experts traced the wages to the state." in text


def test_the_handout_lists_sections_and_other_formats_say_they_drop_groups() -> None:
    debate = _mapped()
    handout = write_markdown(debate).text
    part = handout[handout.index("## Sections") :]
    assert part.startswith("## Sections\n\n### The case for stopping\n\n- *Wages fund weapons*\n")
    assert '\n#### Costs: "wages" \\<families\\> \\] \\& more\n' in part
    for written in (write_aif(debate), write_kialo(debate)):
        assert any(line.startswith("4 groups not written") for line in written.dropped)


def test_search_finds_claims_by_the_titles_of_their_sections() -> None:
    index = SearchIndex(_mapped())
    found = {m.node_id: m.fields for m in index.search("evidence")}
    assert found == {
        "the-panel-saw-the-bank-transfers": (Field.SECTION,),
        "transfers-of-wages-to-the-state": (Field.SECTION,),
        "un-panel": (Field.SECTION,),
    }
    # the outer section's words find the claims of the sections inside it too
    assert {m.node_id for m in index.search("stopping transfers")} == {
        "transfers-of-wages-to-the-state",
        "the-panel-saw-the-bank-transfers",
    }
    assert not index.search("stopping families")  # Families is in the other section


FLAGS = textwrap.dedent("""\
    [Q]: Question? {question: true}

    # H1

    [p]: text
        +> [Q]
        - <a> {isInGroup: true}
        + <b>: text {isInGroup: false}

    ## H2

    <a>: text

    <b> {isInGroup: true}
    """)


def test_is_in_group_flags_move_a_node_as_in_argdowns_documentation() -> None:
    loaded = parse_argdown(FLAGS, "flags.argdown")
    assert _members(loaded.debate) == {"p": "h1", "a": "h1", "b": "h2"}
    assert not [w for w in loaded.warnings if "isInGroup" in w.message]


@needs_cli
def test_the_argdown_cli_reads_is_in_group_flags_as_argmap_does(tmp_path: Path) -> None:
    assert CLI is not None
    path = tmp_path / "flags.argdown"
    path.write_text(FLAGS, encoding="utf-8")
    data = export_json(CLI, path)
    titles = {section["id"]: section["title"] for section in data["sections"]}
    titles.update({c["id"]: c["title"] for s in data["sections"] for c in s["children"]})
    cli = {
        title: titles[node["section"]].lower() if node.get("section") else None
        for kind in ("statements", "arguments")
        for title, node in data[kind].items()
    }
    assert cli == {"Q": None, **_members(parse_argdown(FLAGS, "flags.argdown").debate)}


def test_the_detail_pane_names_a_markdown_group_by_its_words() -> None:
    """The claim's ``Section:`` line reads as the map's box does: words, not marks."""
    from argmap.tui.widgets.detail_pane import _group_line

    debate = parse_debate(GROUPED.replace("title: Sanctions", "title: '**Sanctions** and _aid_'"))
    claim = next(s for s in debate.debate.statements.values() if s.group == "sanctions")
    (line,) = _group_line(debate.debate, claim.id)
    assert line.plain.endswith("Sanctions and aid")
    assert "*" not in line.plain and "_" not in line.plain
