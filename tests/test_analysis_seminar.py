"""Seminar mode's teaching order and its definition of the strongest claim."""

from __future__ import annotations

import re
import textwrap

from argmap.analysis.graph import DebateIndex
from argmap.analysis.seminar import net_backing, scheme_of, scheme_questions, teaching_order
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


EXPERT = textwrap.dedent("""\
    title: T
    speakers: [{id: ada, name: Ada Lovelace}, {id: bob, name: Bob Marley}]
    question:
      id: q
      title: Build the engine?
      text: Should we build the engine?
      pros:
        - argument: Ada knows engines
          id: arg
          scheme: expert-opinion
          by: ada
          premises: [{id: p, text: P}]
      cons:
        - argument: Bob says no
          id: con
          scheme: expert-opinion
          by: [ada, bob]
          premises: [{id: p2, text: P2}]
    """)


def test_critical_questions_are_filled_from_the_argument() -> None:
    debate = parse_debate(EXPERT).debate
    scheme = scheme_catalogue()["expert-opinion"]
    found = scheme_questions(DebateIndex(debate), "arg", scheme)
    assert found.questions[0] == (
        "Expertise: How credible is Ada Lovelace as an expert? What are Ada Lovelace's "
        "qualifications?"
    )
    assert "the field that “Build the engine” is actually about" in found.questions[1]
    assert found.legend == ("D: the expert's field",)  # the file does not say the domain
    assert found.pattern.startswith("Ada Lovelace is an expert in domain D.")


def test_letters_the_argument_cannot_fill_are_explained_with_what_it_gives() -> None:
    debate = parse_debate(EXPERT).debate
    found = scheme_questions(DebateIndex(debate), "con", scheme_catalogue()["expert-opinion"])
    assert "How credible is E as an expert?" in found.questions[0]  # two speakers: not filled
    assert found.legend == (
        "E: the expert (here: Ada Lovelace or Bob Marley)",
        "D: the expert's field",
        "A: the claim argued for (here: against “Build the engine”)",  # it attacks the question
    )


def test_every_letter_left_in_any_catalogue_question_is_explained() -> None:
    debate = parse_debate(EXPERT).debate
    index = DebateIndex(debate)
    for scheme in scheme_catalogue().values():
        found = scheme_questions(index, "arg", scheme)
        explained = {line.split(":")[0] for line in found.legend}
        for text in (*found.questions, found.pattern):
            for letter in re.findall(r"(?<![\w'\u2019-])([A-Z][0-9]?|a)(?![\w-])", text):
                if letter in scheme.variables:
                    assert letter in explained, (scheme.id, letter, text)
        templates = " ".join((*scheme.critical_questions, *scheme.premises, scheme.conclusion))
        letters = set(re.findall(r"(?<![\w'\u2019-])([A-Z][0-9]?)(?![\w-])", templates))
        assert letters <= set(scheme.variables), (scheme.id, letters - set(scheme.variables))
