"""Seminar mode's teaching order and its definition of the strongest claim."""

from __future__ import annotations

import textwrap

from argmap.analysis.graph import DebateIndex
from argmap.analysis.seminar import net_backing, scheme_of, teaching_order
from argmap.analysis.tree import TreeShape
from argmap.io.load import parse_debate
from argmap.io.schemes import scheme_catalogue


def shape_of(text: str) -> TreeShape:
    return TreeShape(DebateIndex(parse_debate(textwrap.dedent(text)).debate))


DEBATE = """\
    title: T
    question:
      id: q
      text: Q?
      pros:
        - id: weak-pro
          text: Weak pro.
        - id: strong-pro
          text: Strong pro, with two reasons behind it.
          pros:
            - id: reason
              text: Reason.
              pros: [{id: reason-of-reason, text: Deeper reason.}]
          cons:
            - id: objection
              text: Objection.
              cons: [{id: rebuttal, text: Rebuttal.}]
      cons:
        - id: con-1
          text: First con.
        - id: con-2
          text: Second con, better backed.
          pros: [{id: con-2-reason, text: Its reason.}]
    """


def test_the_file_order_wins_when_given() -> None:
    shape = shape_of(DEBATE + "order: [q, con-1, strong-pro]\n")
    order = teaching_order(shape)
    listed = [node for node in order if node in {"q", "con-1", "strong-pro"}]
    assert listed == ["q", "con-1", "strong-pro"]


def test_claims_the_order_leaves_out_come_right_after_the_claim_they_answer() -> None:
    shape = shape_of(DEBATE + "order: [q, con-1, strong-pro]\n")
    order = teaching_order(shape)
    assert sorted(order) == sorted(shape.preorder())
    for node in order:
        parent = shape.parent(node)
        if parent is not None:
            assert order.index(parent) < order.index(node)
    # An objection to strong-pro left out of the list follows strong-pro directly.
    assert order[order.index("strong-pro") + 1] == shape.children("strong-pro")[0].node_id


def test_question_then_strongest_pro_then_its_objection_and_replies_depth_first() -> None:
    order = teaching_order(shape_of(DEBATE))
    assert order[:4] == ("q", "strong-pro", "objection", "rebuttal")
    # The pro's own backing comes after the objections to it.
    assert order[4:6] == ("reason", "reason-of-reason")


def test_the_question_alternates_pros_and_cons_strongest_first() -> None:
    order = teaching_order(shape_of(DEBATE))
    tops = [node for node in order if node in {"weak-pro", "strong-pro", "con-1", "con-2"}]
    assert tops == ["strong-pro", "con-2", "weak-pro", "con-1"]


def test_every_claim_appears_exactly_once() -> None:
    shape = shape_of(DEBATE)
    order = teaching_order(shape)
    assert sorted(order) == sorted(shape.preorder())


def test_net_backing_counts_support_below_minus_direct_objections() -> None:
    strength = net_backing(shape_of(DEBATE))
    assert strength["strong-pro"] == 2 - 1  # reason and its reason, one objection
    assert strength["objection"] == -1  # the rebuttal attacks it
    assert strength["weak-pro"] == 0
    assert strength["con-2"] == 1


def test_premises_count_as_backing_and_are_taught_before_objections() -> None:
    shape = shape_of("""\
        title: T
        question:
          id: q
          text: Q?
          pros:
            - argument: Arg
              id: arg
              cons: [{id: obj, text: O}]
              premises:
                - {id: p1, text: P1}
                - {id: p2, text: P2}
        """)
    assert net_backing(shape)["arg"] == 2 - 1
    assert teaching_order(shape) == ("q", "arg", "p1", "p2", "obj")


def test_ties_keep_the_file_order() -> None:
    shape = shape_of("""\
        title: T
        question:
          id: q
          text: Q?
          pros: [{id: first, text: F}, {id: second, text: S}, {id: third, text: T}]
        """)
    assert teaching_order(shape) == ("q", "first", "second", "third")


def test_unconnected_claims_come_last() -> None:
    shape = shape_of("""\
        title: T
        question: {id: q, text: Q?, pros: [{id: a, text: A}]}
        statements: [{id: loose, text: L}]
        """)
    assert teaching_order(shape) == ("q", "a", "loose")


def test_an_argument_with_a_scheme_brings_its_critical_questions() -> None:
    debate = parse_debate(
        textwrap.dedent("""\
        title: T
        question:
          id: q
          text: Q?
          pros:
            - argument: Arg
              id: arg
              scheme: expert-opinion
              premises: [{id: p, text: P}]
        """)
    ).debate
    scheme = scheme_of(debate, "arg", scheme_catalogue())
    assert scheme is not None and scheme.name == "Argument from expert opinion"
    assert scheme.critical_questions
    assert scheme_of(debate, "p", scheme_catalogue()) is None
