"""Loading a debate: the graph a file describes, and every rule with its message and place."""

from __future__ import annotations

import textwrap

import pytest

from argmap.io.diagnostics import DebateLoadError, Severity
from argmap.io.load import parse_debate
from argmap.model.debate import RelationKind


def errors_of(text: str) -> list[str]:
    """Each error as `line:col message | hint`, the way `argmap check` prints it."""
    with pytest.raises(DebateLoadError) as caught:
        parse_debate(textwrap.dedent(text), "d.yaml")
    return [f"{d.line}:{d.column} {d.message} | {d.hint}" for d in caught.value.errors]


def test_nesting_becomes_relations(small_debate_text: str) -> None:
    debate = parse_debate(small_debate_text).debate
    kinds = {rid: r.kind for rid, r in debate.relations.items()}
    assert kinds == {
        "equal->q": RelationKind.SUPPORTS,
        "brands->equal": RelationKind.ATTACKS,
        "cost->q": RelationKind.ATTACKS,
        "cost-arg->cost": RelationKind.SUPPORTS,
    }
    assert debate.arguments["cost-arg"].premises == ("price", "budgets")
    assert debate.statements["cost"].conceded_by == ("ann",)
    assert debate.statements["equal"].quotes[0].speaker == "ann"
    assert list(debate.statements) == ["equal", "brands", "cost", "price", "budgets"]


def test_cross_links_and_top_level_relations() -> None:
    debate = parse_debate(
        textwrap.dedent("""\
        title: T
        question:
          id: q
          text: Q?
          pros:
            - id: a
              text: A
            - id: b
              text: B
              contradicts: a
              cons:
                - ref: a
        statements:
          - id: c
            text: C
            undercuts: [a->q]
        relations:
          - {from: c, to: b, kind: supports, id: c-backs-b}
        """)
    ).debate
    rel = debate.relations
    assert rel["a->b"].kind is RelationKind.ATTACKS
    assert rel["b->a"].kind is RelationKind.CONTRADICTS
    assert rel["c->a->q"].kind is RelationKind.UNDERCUTS
    assert rel["c-backs-b"].source == "c"


def test_contradiction_written_on_both_sides_is_one_relation() -> None:
    debate = parse_debate(
        textwrap.dedent("""\
        title: T
        question: {id: q, text: Q?, pros: [{id: a, text: A, contradicts: b}],
                   cons: [{id: b, text: B, contradicts: a}]}
        """)
    ).debate
    contradictions = [r for r in debate.relations.values() if r.kind is RelationKind.CONTRADICTS]
    assert len(contradictions) == 1


def test_unknown_field_points_at_the_key_and_suggests_the_field() -> None:
    assert errors_of("""\
        title: T
        question:
          id: q
          txt: Q?
        """) == [
        "3:3 this question has no `text` | add `text: ...`",
        "4:3 unknown field `txt` in this question | did you mean `text`?",
    ]


def test_bad_enum_value_suggests_the_nearest() -> None:
    assert errors_of("""\
        title: T
        question:
          id: q
          text: Q?
          pros:
            - id: a
              text: A
              basis: expert
        """) == ["8:14 `expert` is not a valid basis | did you mean `expert-opinion`?"]


def test_unknown_ids_speakers_and_schemes_each_get_a_suggestion() -> None:
    assert errors_of("""\
        title: T
        speakers: [{id: lankov, name: Andrei Lankov}]
        question:
          id: q
          text: Q?
          pros:
            - id: money
              text: M
              by: lankof
            - argument: A
              id: arg
              scheme: expert-opinon
              supports: [mony]
        """) == [
        "9:11 unknown speaker `lankof` | did you mean `lankov`?",
        "12:15 unknown scheme `expert-opinon` | did you mean `expert-opinion`?",
        "13:18 unknown id `mony` | did you mean `money`?",
    ]


def test_duplicate_ids_name_the_first_line() -> None:
    assert errors_of("""\
        title: T
        question:
          id: q
          text: Q?
          pros:
            - {id: a, text: A}
            - {id: a, text: again}
        """) == [
        "7:12 id `a` is already used (line 6) | rename one of them, or write `ref: a` to place "
        "the same claim here too",
    ]


def test_self_loop_is_an_error() -> None:
    assert errors_of("""\
        title: T
        question:
          id: q
          text: Q?
          pros:
            - id: a
              text: A
              supports: [a]
        """) == [
        "8:18 `a` supports itself | a claim cannot bear on itself: point the relation at "
        "another claim",
    ]


def test_supporting_and_attacking_the_same_claim_is_an_error() -> None:
    messages = errors_of("""\
        title: T
        question:
          id: q
          text: Q?
          pros:
            - id: a
              text: A
              attacks: [q]
        """)
    assert messages == [
        "8:17 `a` both supports and attacks `q` | a claim cannot do both to the "
        "same target: keep one"
    ]


def test_all_errors_are_reported_in_one_run() -> None:
    messages = errors_of("""\
        title: T
        question:
          id: q
          text: Q?
          pros:
            - {id: a, text: A, by: nobody}
            - {id: b, text: B, supports: [zz]}
            - {id: c, text: C, tags: 5}
        """)
    assert [m.split(" | ")[0] for m in messages] == [
        "6:28 unknown speaker `nobody`",
        "7:35 unknown id `zz`",
        "8:30 `tags` should be a list, not the number 5",
    ]


def test_warning_for_quote_without_source_when_there_are_several() -> None:
    loaded = parse_debate(
        textwrap.dedent("""\
        title: T
        sources: [{id: s1, title: One}, {id: s2, title: Two}]
        question:
          id: q
          text: Q?
          pros:
            - id: a
              text: A
              quotes: ["Some words."]
        """)
    )
    [warning] = loaded.warnings
    assert warning.severity is Severity.WARNING
    assert (warning.line, warning.column) == (9, 16)
    assert "does not say which source" in warning.message


def test_numbers_where_text_belongs_get_a_quoting_hint() -> None:
    assert errors_of("""\
        title: T
        question:
          id: 2016
          text: Q?
        """) == ["3:7 `id` should be text, not the number 2016 | put it in quotes"]


def test_ids_with_spaces_are_refused_with_a_fix() -> None:
    assert errors_of("""\
        title: T
        question: {id: my question, text: Q?}
        """) == [
        "2:16 `my question` is not a valid id: ids cannot contain spaces | use hyphens, "
        "e.g. my-question"
    ]


def test_field_errors_and_reference_errors_come_in_the_same_run() -> None:
    assert errors_of("""\
        title: T
        speakers: [{id: go, name: Go}]
        question:
          id: q
          text: Q?
          pros:
            - id: a
              text: A
              basis: expert
              tagz: [x]
              by: gp
            - ref: aa
        """) == [
        "9:14 `expert` is not a valid basis | did you mean `expert-opinion`?",
        "10:7 unknown field `tagz` in this statement | did you mean `tags`?",
        "11:11 unknown speaker `gp` | did you mean `go`?",
        "12:12 unknown id `aa` | did you mean `a`?",
    ]


@pytest.mark.parametrize(
    ("value", "opened", "closer"),
    [("[a, b", "list", "]"), ("{a: 1", "mapping", "}"), ('"the words', "quoted text", '"')],
)
def test_an_unclosed_bracket_or_quote_is_reported_where_it_opens(
    value: str, opened: str, closer: str
) -> None:
    # PyYAML gives up lines later, where the next key breaks the flow; the author must look
    # at the line that opened it, not check the indentation of the line PyYAML stopped at.
    text = f"argmap: 1\ntitle: t\nquestion:\n  id: q\n  text: Q?\n  tags: {value}\n  pros:\n"
    text += "    - id: x\n      text: y\n"
    with pytest.raises(DebateLoadError) as caught:
        parse_debate(text, "d.yaml")
    (problem,) = caught.value.diagnostics
    assert (problem.line, problem.column) == (6, 9)
    assert f"the {opened} opened here with `{value[0]}` is never closed" in problem.message
    assert problem.hint is not None and f"close it with `{closer}`" in problem.hint
    assert "indentation" not in problem.hint
