"""Sides derived from the graph, and the graph-level warnings `argmap check` gives."""

from __future__ import annotations

import textwrap

from argmap.analysis.checks import graph_findings
from argmap.analysis.graph import DebateIndex
from argmap.io.load import parse_debate
from argmap.model.debate import Side


def index_of(text: str) -> DebateIndex:
    return DebateIndex(parse_debate(textwrap.dedent(text)).debate)


def test_sides_follow_supports_attacks_premises_and_undercuts(small_debate_text: str) -> None:
    sides = DebateIndex(parse_debate(small_debate_text).debate).sides
    assert sides == {
        "equal": Side.PRO,
        "brands": Side.CON,  # attacks a pro
        "cost": Side.CON,
        "cost-arg": Side.CON,  # supports a con
        "price": Side.CON,  # premise of a con argument
        "budgets": Side.CON,
    }


def test_undercut_takes_the_side_against_the_link_it_cuts() -> None:
    sides = index_of("""\
        title: T
        question:
          id: q
          text: Q?
          pros: [{id: a, text: A}]
        statements:
          - {id: u, text: U, undercuts: [a->q]}
        """).sides
    assert sides["u"] is Side.CON


def test_claim_pulling_both_ways_at_the_same_distance_is_neutral() -> None:
    sides = index_of("""\
        title: T
        question:
          id: q
          text: Q?
          pros: [{id: a, text: A}]
          cons: [{id: b, text: B}]
        statements:
          - {id: both, text: X, supports: [a, b]}
          - {id: lost, text: L}
        """).sides
    assert sides["both"] is Side.NEUTRAL
    assert sides["lost"] is Side.NEUTRAL


def test_contradiction_puts_the_two_claims_on_opposite_sides() -> None:
    sides = index_of("""\
        title: T
        question: {id: q, text: Q?, pros: [{id: a, text: A}]}
        statements: [{id: b, text: B, contradicts: a}]
        """).sides
    assert sides["b"] is Side.CON


def messages(text: str) -> list[str]:
    return [f.message for f in graph_findings(index_of(text))]


def test_support_cycle_is_reported_as_circular_reasoning() -> None:
    found = messages("""\
        title: T
        question:
          id: q
          text: Q?
          pros:
            - id: a
              text: A
              supports: [c]
              pros:
                - id: b
                  text: B
                  pros: [{id: c, text: C}]
        """)
    assert found == ["circular reasoning: a → c → b → a support each other in a cycle"]


def test_unreachable_claim_and_wrong_stated_side_are_warnings() -> None:
    found = messages("""\
        title: T
        question:
          id: q
          text: Q?
          pros: [{id: a, text: A, side: con}]
        statements: [{id: stray, text: S}]
        """)
    assert found == [
        "`stray` is not connected to the question",
        "`a` is marked `side: con` but the graph puts it on the pro side",
    ]


def test_quote_by_someone_the_claim_is_not_attributed_to() -> None:
    found = messages("""\
        title: T
        speakers: [{id: go, name: Go}, {id: yang, name: Yang}]
        question:
          id: q
          text: Q?
          pros:
            - id: a
              text: A
              by: go
              quotes: [{text: words, by: yang}]
        """)
    assert found == ["a quote by `yang` backs `a`, which is not attributed to them"]


def test_a_long_chain_does_not_overflow_the_stack() -> None:
    lines = ["title: T", "question: {id: q, text: Q?}", "statements:"]
    lines += [f"  - {{id: s{i}, text: S, supports: [s{i + 1}]}}" for i in range(5000)]
    lines += ["  - {id: s5000, text: S, supports: [q]}"]
    index = index_of("\n".join(lines))
    assert index.sides["s0"] is Side.PRO
    assert index.support_cycles() == []
