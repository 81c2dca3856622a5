"""The tree a reader navigates: one home per claim, jump links elsewhere, a fixed child order."""

from __future__ import annotations

import textwrap

from argmap.analysis.graph import DebateIndex
from argmap.analysis.tree import Branch, Role, TreeShape, neighbours
from argmap.io.load import parse_debate


def shape_of(text: str) -> TreeShape:
    return TreeShape(DebateIndex(parse_debate(textwrap.dedent(text)).debate))


SHARED = """\
    title: T
    question:
      id: q
      text: Q?
      pros:
        - id: a
          text: A
          pros:
            - {id: deep, text: Deep}
        - argument: Arg
          id: arg
          premises:
            - {id: p1, text: P1}
            - ref: a
      cons:
        - id: c
          text: C
          pros:
            - ref: deep
    """


def test_a_claim_reached_twice_is_shown_in_full_once_and_linked_elsewhere() -> None:
    shape = shape_of(SHARED)
    premises = shape.children("arg")
    assert [(b.node_id, b.role, b.home) for b in premises] == [
        ("p1", Role.PREMISE, True),
        ("a", Role.PREMISE, False),  # `a` lives directly under the question
    ]
    assert Branch("deep", Role.SUPPORTS, "deep->c", False) in shape.children("c")
    assert shape.path("deep") == ["q", "a", "deep"]


def test_home_is_the_shallowest_place_even_when_written_deeper_first() -> None:
    shape = shape_of("""\
        title: T
        question:
          id: q
          text: Q?
          pros:
            - id: a
              text: A
              pros:
                - {id: shared, text: S}
          cons:
            - ref: shared
        """)
    assert shape.parent("shared") == "q"
    assert [b.home for b in shape.children("a")] == [False]


def test_children_come_premises_first_then_support_then_objections_in_file_order() -> None:
    shape = shape_of("""\
        title: T
        question:
          id: q
          text: Q?
          cons:
            - id: x
              text: X
          pros:
            - argument: Arg
              id: arg
              premises:
                - {id: p, text: P}
              cons:
                - {id: obj1, text: O1}
                - {id: obj2, text: O2}
              pros:
                - {id: sup, text: S}
        statements:
          - {id: u, text: U, undercuts: [arg]}
          - {id: k, text: K, contradicts: [arg]}
        """)
    assert [b.node_id for b in shape.children("q")] == ["arg", "x"]
    assert [(b.node_id, b.role) for b in shape.children("arg")] == [
        ("p", Role.PREMISE),
        ("sup", Role.SUPPORTS),
        ("obj1", Role.ATTACKS),
        ("obj2", Role.ATTACKS),
        ("u", Role.UNDERCUTS),
        ("k", Role.CONTRADICTS),
    ]


def test_support_cycles_give_a_finite_tree() -> None:
    shape = shape_of("""\
        title: T
        question:
          id: q
          text: Q?
          pros:
            - id: a
              text: A
              pros:
                - id: b
                  text: B
                  pros:
                    - ref: a
        """)
    assert list(shape.preorder()) == ["q", "a", "b"]
    assert shape.children("b") == (Branch("a", Role.SUPPORTS, "a->b", False),)


def test_an_undercut_hangs_under_the_reason_whose_link_it_cuts() -> None:
    shape = shape_of("""\
        title: T
        question:
          id: q
          text: Q?
          pros: [{id: r, text: R}]
        statements:
          - {id: u, text: U, undercuts: [r->q]}
        """)
    assert shape.children("r") == (Branch("u", Role.UNDERCUTS, "u->r->q", True),)


def test_claims_not_connected_to_the_question_are_orphans_at_the_end() -> None:
    shape = shape_of("""\
        title: T
        question: {id: q, text: Q?, pros: [{id: a, text: A}]}
        statements:
          - {id: loose, text: L, pros: [{id: under, text: U}]}
        """)
    assert shape.orphans == ("loose",)
    assert shape.path("under") == ["loose", "under"]
    assert list(shape.preorder()) == ["q", "a", "loose", "under"]


def test_descendants_count_the_claims_shown_in_full_below() -> None:
    shape = shape_of(SHARED)
    assert shape.descendants("q") == 5  # a, deep, arg, p1, c
    assert shape.descendants("arg") == 1  # p1; `a` is only a link there
    assert shape.descendants("deep") == 0


def test_neighbours_read_as_sentences_in_both_directions() -> None:
    debate = parse_debate(
        textwrap.dedent("""\
        title: T
        question:
          id: q
          text: Q?
          pros:
            - id: r
              text: R
              cons: [{id: c, text: C}]
        statements:
          - {id: u, text: U, undercuts: [r->q]}
        """)
    ).debate
    index = DebateIndex(debate)
    assert [(link.phrase, link.target) for link in neighbours(index, "r")] == [
        ("supports", "q"),
        ("is attacked by", "c"),
        ("has its link to Q? undercut by", "u"),
    ]
    assert [(link.phrase, link.target) for link in neighbours(index, "u")] == [
        ("undercuts the link to Q? from", "r"),
    ]


def test_neighbours_include_premises_both_ways() -> None:
    index = DebateIndex(parse_debate(textwrap.dedent(SHARED)).debate)
    assert ("has premise", "p1") in [(ln.phrase, ln.target) for ln in neighbours(index, "arg")]
    assert ("is a premise of", "arg") in [(ln.phrase, ln.target) for ln in neighbours(index, "a")]
