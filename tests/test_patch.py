"""Saving edits keeps the author's file: only the edited claims' lines change.

For the seed debate and every hand-written YAML file under tests/data, random sequences of
edits (add a reason or objection, edit a claim, link, move, delete, undercut) are saved with
the patch writer. The file must read back as exactly the edited debate, and every line the
save removed or rewrote must belong to a claim the edits concerned; undoing every edit saves
the original bytes.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.analysis import editing
from argmap.analysis.editing import ArgumentEdit, Claim, EditError, History
from argmap.io.load import parse_debate
from argmap.io.loaded import LoadedDebate
from argmap.io.patch import (
    PatchError,
    _Patcher,
    check_patched,
    patch_text,
    save_edits,
)
from argmap.io.yamlspans import MappingSpan, SequenceSpan, node_at
from argmap.model.debate import Debate, RelationKind

ROOT = Path(__file__).parent.parent
FILES = [ROOT / "arguments.yaml", *sorted((ROOT / "tests" / "data").rglob("*.yaml"))]
TOP_LEVEL_LISTS = ("order", "relations", "statements", "arguments")
TITLES = ("Sanctions take years", "Übung: «quoted» [markup] #1", "Yes", "- starts with dash")


def _loaded(path: Path) -> tuple[str, LoadedDebate]:
    text = path.read_text(encoding="utf-8")
    return text, parse_debate(text, str(path))


@st.composite
def edit_sequences(draw: st.DrawFn, debate: Debate) -> tuple[Debate, set[str]]:
    """A debate after 1-5 random edits, and the ids of the nodes the edits named."""
    touched: set[str] = set()
    for _ in range(draw(st.integers(1, 5))):
        nodes = [*debate.statements, *debate.arguments]
        everything = [debate.question.id, *nodes]
        kinds = ["add", "edit", "link", "move", "delete", "undercut"]
        what = draw(st.sampled_from([*kinds, "argument"] if debate.arguments else kinds))
        title = draw(st.sampled_from(TITLES))
        try:
            if what == "add":
                parent = draw(st.sampled_from(everything))
                stance = draw(st.sampled_from(["pro", "con"]))
                change = editing.add_claim(debate, parent, stance, Claim(title, tags=("new",)))
                touched.add(parent)
            elif what == "edit":
                statements = list(debate.statements)
                node = draw(st.sampled_from(statements))
                old = debate.statements[node]
                change = editing.edit_claim(
                    debate,
                    node,
                    Claim(
                        title,
                        text=draw(st.sampled_from(["", old.text, "A new text: with a colon."])),
                        speakers=old.speakers,
                        basis=old.basis,
                        quote=old.quotes[0].text if old.quotes else "",
                        tags=draw(st.sampled_from([old.tags, (), ("edited",)])),
                        questions=old.questions,
                    ),
                )
                touched.add(node)
            elif what == "argument":
                node = draw(st.sampled_from(list(debate.arguments)))
                old_argument = debate.arguments[node]
                kept = draw(st.permutations(old_argument.premises))
                kept = kept[: draw(st.integers(0, len(kept)))]
                extra = draw(st.lists(st.sampled_from(list(debate.statements)), max_size=2))
                change = editing.edit_argument(
                    debate,
                    node,
                    ArgumentEdit(
                        draw(st.sampled_from([old_argument.title, title])),
                        draw(st.sampled_from([old_argument.gist or "", "A new gist: why."])),
                        (*kept, *extra),
                    ),
                )
                # Its premises taken out, or put in another order, move with their lines.
                touched |= {node, *old_argument.premises}
            elif what == "link":
                source = draw(st.sampled_from(nodes))
                target = draw(st.sampled_from(everything))
                kind = draw(st.sampled_from([RelationKind.SUPPORTS, RelationKind.ATTACKS]))
                change = editing.link(debate, source, target, kind)
                touched |= {source}
            elif what == "move":
                node = draw(st.sampled_from(nodes))
                target = draw(st.sampled_from(everything))
                home = editing.home_relation(debate, node)
                change = editing.move(debate, node, target, draw(st.sampled_from(["pro", "con"])))
                # The old parent loses a child (and its `pros:` line when it was the last).
                touched |= {node, target, home.target if home else node}
            elif what == "delete":
                node = draw(st.sampled_from(nodes))
                plan = editing.plan_deletion(debate, node)
                change = editing.delete(debate, node)
                gone = set(plan.removed)
                # Claims linked to a deleted one lose that link: their lines change too.
                linked = {
                    end
                    for r in debate.relations.values()
                    if r.source in gone or r.target in gone
                    for end in (r.source, r.target)
                }
                linked |= {a.id for a in debate.arguments.values() if gone & set(a.premises)}
                touched |= gone | set(plan.kept) | linked
            else:
                relations = [
                    r.id
                    for r in debate.relations.values()
                    if r.kind in (RelationKind.SUPPORTS, RelationKind.ATTACKS)
                ]
                change = editing.add_undercut(
                    debate, draw(st.sampled_from(relations)), Claim(title)
                )
        except EditError:
            continue
        debate = change.debate
        touched |= set(change.added)
    return debate, touched


def _lines_of(patcher: _Patcher, ids: set[str], old: Debate) -> set[int]:
    """Line numbers (0-based) that belong to the nodes ``ids`` (with what is nested in them)."""
    lines: set[int] = set()
    if old.question.id in ids:  # the question's own lines, not the claims nested in it
        question = node_at(patcher.root, ("question",))
        assert isinstance(question, MappingSpan)
        for key, value in question.value:
            last = key.start_mark.line if key.value in ("pros", "cons") else value.end_mark.line
            lines.update(range(key.start_mark.line, last + 1))
            if isinstance(value, SequenceSpan):  # its `- ref:` items are its own lines
                lines.update(
                    item.start_mark.line
                    for item in value.value
                    if isinstance(item, MappingSpan) and item.value[0][0].value == "ref"
                )
    for node in ids:
        if node in patcher.paths and (node in old.statements or node in old.arguments):
            start, end = patcher.span_of(node)
            lines.update(range(start, end))
    return lines


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_edits_change_only_the_edited_claims(path: Path, data: st.DataObject) -> None:
    text, loaded = _loaded(path)
    edited, touched = data.draw(edit_sequences(loaded.debate))
    patched = patch_text(text, loaded, edited)
    reread = check_patched(patched, str(path), edited)
    assert reread.debate == edited
    patcher = _Patcher(text, loaded.source_map, loaded.debate)
    allowed = _lines_of(patcher, touched, loaded.debate)
    # Every line outside the touched claims is still there, in order. Lines may change
    # outside them only in a top-level list: `order:` losing a deleted claim, `relations:`
    # losing one of its relations, `statements:` going when its last claim is deleted.
    lines = text.splitlines()
    kept = [
        line
        for n, line in enumerate(lines)
        if n not in allowed and not _in_top_level_list(lines, n, TOP_LEVEL_LISTS)
    ]
    assert _missing_from(kept, patched.splitlines()) == []


def _missing_from(kept: list[str], patched: list[str]) -> list[str]:
    """The lines of ``kept`` that do not appear, in this order, in ``patched``."""
    matcher = difflib.SequenceMatcher(a=kept, b=patched, autojunk=False)
    found: set[int] = set()
    for block in matcher.get_matching_blocks():
        found.update(range(block.a, block.a + block.size))
    return [line for index, line in enumerate(kept) if index not in found]


def _in_top_level_list(lines: list[str], line: int, keys: tuple[str, ...]) -> bool:
    for index in range(line, -1, -1):
        current = lines[index]
        if current and not current[0].isspace() and not current.startswith(("#", "-")):
            return current.split(":")[0] in keys
    return False


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_edits_then_undo_all_save_the_same_bytes(
    path: Path, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    text, loaded = _loaded(path)
    edited, _ = data.draw(edit_sequences(loaded.debate))
    history = History(loaded.debate)
    history.apply(editing.Change(edited, "random edits"))
    assert history.dirty
    while history.undo() is not None:
        pass
    target = tmp_path_factory.mktemp("undo") / path.name
    target.write_bytes(text.encode())
    save_edits(target, text, loaded, history.debate)
    assert target.read_bytes() == path.read_bytes()


def test_a_new_objection_is_nested_under_its_parent_like_its_siblings() -> None:
    text, loaded = _loaded(ROOT / "arguments.yaml")
    change = editing.add_claim(
        loaded.debate, "sanctions-failed", "con", Claim("Sanctions take years to bite")
    )
    patched = patch_text(text, loaded, change.debate)
    matcher = difflib.SequenceMatcher(a=text.splitlines(), b=patched.splitlines(), autojunk=False)
    added = [
        line
        for tag, _, _, j1, j2 in matcher.get_opcodes()
        if tag == "insert"
        for line in patched.splitlines()[j1:j2]
    ]
    assert added == [
        "          cons:",
        "            - id: sanctions-take-years-to-bite",
        "              text: Sanctions take years to bite",
        # The teaching order takes it right after the claim it answers.
        "  - sanctions-take-years-to-bite",
    ]
    order = change.debate.order
    assert order[order.index("sanctions-failed") + 1] == "sanctions-take-years-to-bite"
    # Every original line, comments included, is still there and in the same order.
    assert all(tag == "insert" for tag, *_ in matcher.get_opcodes() if tag != "equal")


def test_a_changed_one_line_value_keeps_the_comment_after_it() -> None:
    text, loaded = _loaded(ROOT / "tests" / "data" / "yaml" / "school-uniforms.yaml")
    old = loaded.debate.statements["equal"]
    change = editing.edit_claim(
        loaded.debate,
        "equal",
        Claim(
            old.text,
            speakers=old.speakers,
            quote=old.quotes[0].text,
            tags=("equality", "money"),
        ),
    )
    patched = patch_text(text, loaded, change.debate)
    assert "    tags: [equality, money]   # keep this tag\n" in patched
    assert "    by: [ann]\n" in patched  # untouched fields keep their spelling


def test_a_moved_claim_keeps_its_comments_and_children() -> None:
    text, loaded = _loaded(ROOT / "tests" / "data" / "yaml" / "school-uniforms.yaml")
    change = editing.move(loaded.debate, "equal", "expression", "con")
    patched = patch_text(text, loaded, change.debate)
    check_patched(patched, "moved", change.debate)
    assert "    - id: equal\n" in patched  # re-indented under `expression`'s new `cons:`
    assert "    tags: [equality]   # keep this tag\n".replace("    ", "      ", 1) in patched


def test_a_debate_not_read_from_yaml_cannot_be_patched() -> None:
    from argmap.formats.kialo import read_kialo

    loaded = read_kialo(ROOT / "tests" / "data" / "kialo" / "uniforms.txt")
    change = editing.add_claim(loaded.debate, loaded.debate.question.id, "pro", Claim("More"))
    with pytest.raises(PatchError):
        patch_text("", loaded, change.debate)


def _new_lines(text: str, patched: str) -> list[str]:
    """The lines of ``patched`` that ``text`` does not have, in order."""
    matcher = difflib.SequenceMatcher(a=text.splitlines(), b=patched.splitlines(), autojunk=False)
    return [
        line
        for tag, _, _, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
        for line in patched.splitlines()[j1:j2]
    ]


@pytest.mark.parametrize(
    ("name", "parent", "offset"),
    [("arguments.yaml", "sanctions-failed", 2), ("school-uniforms.yaml", "equal", 0)],
)
def test_new_claims_nested_in_new_claims_are_indented_as_the_file_indents_lists(
    name: str, parent: str, offset: int
) -> None:
    """A chain of three new claims, saved at once: every list in the new block (each claim's
    `pros:`/`cons:` and its quotes) has its items as far past the key as the file's own."""
    path = ROOT / name if name == "arguments.yaml" else ROOT / "tests" / "data" / "yaml" / name
    text, loaded = _loaded(path)
    debate = loaded.debate
    for stance, title in (("con", "Sanctions take years"), ("pro", "Years"), ("con", "Months")):
        change = editing.add_claim(debate, parent, stance, Claim(title, quote=f"{title}, said"))
        debate, parent = change.debate, change.added[0]
    patched = patch_text(text, loaded, debate)
    assert check_patched(patched, name, debate).debate == debate
    block = _new_lines(text, patched)
    keys = [n for n, line in enumerate(block) if line.strip() in ("pros:", "cons:", "quotes:")]
    assert len(keys) >= 5  # the chain's two inner lists and three quote lists at least
    for n in keys:
        column = len(block[n]) - len(block[n].lstrip())
        item = block[n + 1]
        assert item.lstrip().startswith("- ")
        assert len(item) - len(item.lstrip()) == column + offset, (block[n], item)
    # Each claim of the chain sits in the one before it.
    depth = {
        t: len(line) - len(line.lstrip())
        for line in block
        for t in ("years", "months")
        if line.strip() == f"- id: {t}"
    }
    assert depth["months"] > depth["years"]


def test_a_block_text_that_looks_like_a_list_is_not_reindented() -> None:
    from argmap.io.patch import _indent_lists

    lines = ["- id: a", "  text: |-", "    notes:", "    - not a list", "  cons:", "  - id: b"]
    assert _indent_lists(lines, 2) == [
        "- id: a",
        "  text: |-",
        "    notes:",
        "    - not a list",
        "  cons:",
        "    - id: b",
    ]


def test_positions_of_another_text_are_refused() -> None:
    text, loaded = _loaded(ROOT / "arguments.yaml")
    change = editing.add_claim(loaded.debate, "sanctions-failed", "con", Claim("Years"))
    with pytest.raises(PatchError, match="another text"):
        patch_text(text[: len(text) // 2], loaded, change.debate)
