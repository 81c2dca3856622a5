"""Groups (sections of a debate): declared under `groups:`, named by claims with `group:`.

They come from Argdown headings, nest through `parent:`, are checked with file:line:col like
speakers, and survive every save: whole-file dumps and source-preserving patches.
"""

from __future__ import annotations

import difflib
import textwrap

import pytest

from argmap.io.diagnostics import DebateLoadError
from argmap.io.load import parse_debate
from argmap.io.patch import patch_text
from argmap.io.save import dump_debate

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


def errors_of(text: str) -> list[str]:
    with pytest.raises(DebateLoadError) as caught:
        parse_debate(textwrap.dedent(text), "d.yaml")
    return [f"{d.line}:{d.column} {d.message} | {d.hint}" for d in caught.value.errors]


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
        "3:31 group `a` is part of itself (through `b`) | give the outermost group no "
        "`parent:`",
        "4:31 group `b` is part of itself (through `a`) | give the outermost group no "
        "`parent:`",
        "5:31 unknown group `nowhere` | declare it under `groups:` with `- id: nowhere` and a "
        "`title:`",
        "6:10 group id `a` is declared twice (first on line 3) | give each one its own id",
    ]
