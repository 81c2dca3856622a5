"""Evaluating debates: the mapping to attacks, the room's verdicts, reasons and scorecards."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.analysis.evaluation import (
    REVERSE,
    Evaluation,
    debate_framework,
    evaluate,
    evaluate_framework,
)
from argmap.analysis.framework import ArgumentationFramework, Label
from argmap.analysis.semantics import Semantics
from argmap.formats.registry import read_debate
from argmap.io.load import parse_debate
from argmap.model.debate import (
    Argument,
    Debate,
    Question,
    Relation,
    RelationKind,
    Speaker,
    Statement,
)
from tests.strategies import debates

SEED = Path(__file__).resolve().parents[1] / "arguments.yaml"
IN, OUT, UNDEC = Label.IN, Label.OUT, Label.UNDEC


def debate(body: str) -> Debate:
    """A debate about ``q`` whose claims and links are written below the header."""
    header = "title: T\nquestion: {id: q, text: Should we?}\n"
    return parse_debate(header + textwrap.dedent(body)).debate


def labels(result: Evaluation, ids: str) -> list[Label]:
    return [result.labels[i] for i in ids.split()]


# --- each relation kind ---------------------------------------------------------------------


def test_an_attack_defeats_and_a_counter_attack_reinstates() -> None:
    d = debate("""
        statements:
          - {id: a, text: A, attacks: [q]}
          - {id: b, text: B, attacks: [a]}
        """)
    # The question is weighed, not defeated: with its one objection answered and no reason
    # for it, it is undecided; with the objection standing alone, it falls.
    assert labels(evaluate(d, "grounded"), "q a b") == [UNDEC, OUT, IN]
    result = evaluate(d, "grounded", reject=["b"])
    assert labels(result, "q a b") == [OUT, IN, OUT]
    assert result.why_out("a") == ()
    assert result.why_out("q") == ()
    assert result.reasons["q"] == (
        "the con reasons prevail: 0 pro and 1 con reason stands; "
        "under preponderance with equal weights: it falls"
    )
    assert result.reasons["b"] == "rejected by the room"


def test_the_question_weighs_its_pros_against_its_cons() -> None:
    d = debate("""
        statements:
          - {id: pro, text: P, supports: [q]}
          - {id: con, text: C, attacks: [q]}
        """)
    result = evaluate(d, "grounded")
    assert result.question is UNDEC  # one reason each way, equal weights: a tie
    assert result.verdict is not None
    assert [r.node for r in result.verdict.pros] == ["pro"]
    assert [r.node for r in result.verdict.cons] == ["con"]
    assert "q" not in result.reasons


def test_a_contradiction_is_a_mutual_attack() -> None:
    d = debate("""
        statements:
          - {id: a, text: A, contradicts: [b]}
          - {id: b, text: B}
        """)
    assert debate_framework(d).attacks == {("a", "b"), ("b", "a")}
    assert labels(evaluate(d, "grounded"), "a b") == [UNDEC, UNDEC]
    preferred = evaluate(d, "preferred")
    # The question has no reasons: undecided, so in no extension.
    assert preferred.extensions == (("a",), ("b",))
    assert labels(preferred, "a b q") == [UNDEC, UNDEC, UNDEC]
    assert labels(evaluate(d, "grounded", accept=["a"]), "a b") == [IN, OUT]


ARGUMENT = """
    arguments:
      - argument: Cost burden
        id: arg
        attacks: [q]
        premises:
          - {id: p1, text: It costs 200 euros.}
          - {id: p2, text: Budgets are tight.}
    """


def test_attacking_one_premise_defeats_the_argument() -> None:
    d = debate(ARGUMENT + "statements: [{id: x, text: Budgets grew., attacks: [p2]}]\n")
    assert ("x", "arg") in debate_framework(d).attacks
    result = evaluate(d, "grounded")
    assert labels(result, "p1 p2 arg q") == [IN, OUT, OUT, UNDEC]
    assert result.why_out("arg") == ("x",)
    assert result.reasons["arg"] == (
        "defeated by “Budgets grew.” [x], which attacks its premise “Budgets are tight.” [p2]"
    )


def test_the_rooms_verdict_on_a_premise_reaches_its_argument() -> None:
    d = debate(ARGUMENT + "statements: [{id: x, text: Budgets grew., attacks: [p2]}]\n")
    rejected = evaluate(d, "grounded", reject=["p1"])
    assert labels(rejected, "p1 arg q") == [OUT, OUT, UNDEC]
    assert rejected.named_rejections == ("p1",)
    assert rejected.reasons["arg"].startswith(
        "it rests on its premise “It costs 200 euros.” [p1], which the room rejects"
    )
    shielded = evaluate(d, "grounded", accept=["p2"])
    assert labels(shielded, "p2 x arg q") == [IN, IN, IN, OUT]  # the objection stands alone


def test_accepting_an_argument_beats_rejecting_its_premise() -> None:
    d = debate(ARGUMENT)
    result = evaluate(d, "grounded", accept=["arg"], reject=["p1"])
    assert labels(result, "p1 arg q") == [OUT, IN, OUT]


def test_an_undercut_of_an_argument_spares_its_premises() -> None:
    d = debate(ARGUMENT + "statements: [{id: u, text: U, undercuts: [arg]}]\n")
    assert labels(evaluate(d, "grounded"), "p1 p2 arg q") == [IN, IN, OUT, UNDEC]


def test_an_undercut_of_an_attack_voids_the_attack_not_its_source() -> None:
    d = debate("""
        statements:
          - {id: s, text: S, attacks: [t]}
          - {id: t, text: T}
          - {id: u, text: U, undercuts: [s->t]}
        """)
    framework = debate_framework(d)
    assert framework.attacks == {("s->t", "t"), ("u", "s->t")}
    result = evaluate(d, "grounded")
    assert labels(result, "s t u s->t") == [IN, IN, IN, OUT]
    assert result.describe("s->t") == "“S” as a reason against “T”"
    assert labels(evaluate(d, "grounded", reject=["u"]), "t s->t") == [OUT, IN]


def test_the_inference_stands_on_its_source() -> None:
    d = debate("""
        statements:
          - {id: s, text: S, attacks: [t]}
          - {id: t, text: T}
          - {id: u, text: U, undercuts: [s->t]}
          - {id: x, text: X, attacks: [s]}
        """)
    result = evaluate(d, "grounded", reject=["u"])
    assert labels(result, "s s->t t") == [OUT, OUT, IN]
    assert result.why_out("s->t") == ("x",)
    assert "which attacks “S” [s], where this link starts" in result.reasons["s->t"]


def test_an_undercut_contradiction_leaves_both_ends_standing() -> None:
    d = debate("""
        statements:
          - {id: s, text: S, contradicts: [t]}
          - {id: t, text: T}
          - {id: u, text: U, undercuts: [s->t]}
        """)
    reverse = "s->t" + REVERSE
    # Each half stands on the claim the other attacks, so the halves attack each other too.
    assert debate_framework(d).attacks == {
        ("s->t", "t"),
        (reverse, "s"),
        ("s->t", reverse),
        (reverse, "s->t"),
        ("u", "s->t"),
        ("u", reverse),
    }
    result = evaluate(d, "grounded")
    assert [result.labels[i] for i in ("s", "t", "s->t", reverse)] == [IN, IN, OUT, OUT]
    assert labels(evaluate(d, "grounded", reject=["u"]), "s t") == [UNDEC, UNDEC]


def test_an_undercut_of_an_undercut_restores_the_argument() -> None:
    cuts = "statements: [{id: u, text: U, undercuts: [arg]}, {id: v, text: V, undercuts: [u->arg]}]"
    d = debate(ARGUMENT + cuts + "\n")
    assert labels(evaluate(d, "grounded"), "arg u u->arg q") == [IN, IN, OUT, OUT]


def test_an_undercut_aimed_at_a_statement_attacks_it() -> None:
    d = debate("statements: [{id: s, text: S}, {id: u, text: U, undercuts: [s]}]\n")
    assert debate_framework(d).attacks == {("u", "s")}


# --- bipolar --------------------------------------------------------------------------------


def test_a_supported_attack_settles_an_even_cycle() -> None:
    d = debate("""
        statements:
          - {id: a, text: A, supports: [b]}
          - {id: b, text: B, contradicts: [c]}
          - {id: c, text: C}
        """)
    assert labels(evaluate(d, "grounded"), "a b c") == [IN, UNDEC, UNDEC]
    result = evaluate(d, "grounded", bipolar=True)
    assert ("a", "c") in result.framework.attacks
    assert labels(result, "a b c") == [IN, IN, OUT]
    assert "“A” [a], which supports its attacker “B” [b]" in result.reasons["c"]


def test_a_secondary_attack_reaches_what_a_claim_supports_transitively() -> None:
    d = debate("""
        statements:
          - {id: x, text: X, attacks: [a]}
          - {id: a, text: A, supports: [b]}
          - {id: b, text: B, supports: [c]}
          - {id: c, text: C}
        """)
    assert labels(evaluate(d, "grounded"), "a b c") == [OUT, IN, IN]
    result = evaluate(d, "grounded", bipolar=True)
    assert labels(result, "a b c") == [OUT, OUT, OUT]
    assert result.reasons["c"] == "defeated by “X” [x], which attacks its support “A” [a]"
    # The room rejecting a supporter is an attack too: it reaches what the supporter holds up.
    rejected = evaluate(d, "grounded", bipolar=True, reject=["a"], accept=["x"])
    assert labels(rejected, "a b c") == [OUT, OUT, OUT]


def test_derived_attacks_are_not_chained() -> None:
    d = debate("""
        statements:
          - {id: a, text: A, supports: [b]}
          - {id: b, text: B, attacks: [c]}
          - {id: c, text: C, supports: [d]}
          - {id: d, text: D}
        """)
    assert debate_framework(d, bipolar=True).attacks == {("b", "c"), ("a", "c"), ("b", "d")}


def test_an_undercut_support_passes_no_attack_on() -> None:
    d = debate("""
        statements:
          - {id: s, text: S, supports: [t]}
          - {id: t, text: T, attacks: [z]}
          - {id: z, text: Z}
          - {id: u, text: U, undercuts: [s->t]}
        """)
    assert debate_framework(d).attacks == {("t", "z"), ("u", "s->t")}
    framework = debate_framework(d, bipolar=True)
    # The inference, not s, supports t; undercutting it attacks t (secondary attack).
    assert ("s->t", "z") in framework.attacks
    assert ("s", "z") not in framework.attacks
    assert ("u", "t") in framework.attacks


# --- semantics, labels and the room --------------------------------------------------------


ODD = """
    statements:
      - {id: a, text: A, attacks: [b]}
      - {id: b, text: B, attacks: [c]}
      - {id: c, text: C, attacks: [a]}
    """


def test_no_stable_extension_decides_nothing() -> None:
    result = evaluate(debate(ODD), "stable")
    assert result.extensions == ()
    assert set(result.labels.values()) == {UNDEC}


def test_an_odd_cycle_is_in_no_preferred_extension() -> None:
    result = evaluate(debate(ODD + "  - {id: p, text: P, supports: [q]}\n"), "preferred")
    assert result.extensions == (("p", "q"),)
    assert labels(result, "a b c q") == [OUT, OUT, OUT, IN]  # one pro reason, no con
    assert result.why_out("a") == ()
    assert result.reasons["a"] == "in no preferred extension: none defends it against “C” [c]"


def test_unknown_and_contradictory_verdicts_are_refused() -> None:
    d = debate(ODD)
    with pytest.raises(
        ValueError, match=r"cannot reject `aa`: no claim has that id; did you mean `a`\?"
    ):
        evaluate(d, "grounded", reject=["aa"])
    with pytest.raises(ValueError, match="cannot both accept and reject a"):
        evaluate(d, "grounded", accept=["a"], reject=["a"])
    with pytest.raises(TypeError):
        evaluate(d, "grounded", accept="a")


def test_framework_labels_summarise_the_extensions() -> None:
    framework = ArgumentationFramework("abcd", [("a", "b"), ("b", "a"), ("b", "c"), ("c", "d")])
    result = evaluate_framework(framework, Semantics.PREFERRED)
    # {a, c} and {b, d}: nothing in both, nothing in neither.
    assert result.extensions == (("a", "c"), ("b", "d"))
    assert set(result.labels.values()) == {UNDEC}
    grounded = evaluate_framework(framework, "grounded", reject=["b"])
    assert [grounded.labels[x] for x in "abcd"] == [IN, OUT, IN, OUT]
    assert grounded.why_out("d") == ("c",)


def test_speaker_scorecard_counts_claims_and_concessions() -> None:
    d = debate("""
        speakers: [{id: ann, name: Ann}, {id: bob, name: Bob}]
        statements:
          - {id: a, text: A, by: ann, attacks: [q]}
          - {id: b, text: B, by: bob, conceded_by: ann, attacks: [a]}
          - {id: c, text: C, by: [ann, bob], contradicts: [d]}
          - {id: d, text: D}
        """)
    cards = {card.speaker.id: card for card in evaluate(d, "grounded").speaker_scorecard()}
    assert cards["ann"].claims == {IN: (), OUT: ("a",), UNDEC: ("c",)}
    assert cards["ann"].concessions == {IN: ("b",), OUT: (), UNDEC: ()}
    assert cards["bob"].claims == {IN: ("b",), OUT: (), UNDEC: ("c",)}


# --- the seed debate ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> Debate:
    return read_debate(SEED).debate


def test_seed_rejecting_china_aid_reinstates_the_revenue_argument(seed: Debate) -> None:
    before = evaluate(seed, "grounded")
    after = evaluate(seed, "grounded", reject=["china-would-give-aid"])
    link = "cut-revenue->clamp-down"
    assert (before.labels[link], after.labels[link]) == (OUT, IN)
    assert before.why_out(link) == ("china-would-give-aid",)
    # The undercut denies the inference, never the claim that the money aids the regime.
    assert before.labels["cut-revenue"] is after.labels["cut-revenue"] is IN
    changed = {n for n in before.labels if before.labels[n] is not after.labels[n]}
    assert changed == {link, "china-would-give-aid"}


def test_seed_the_motion_is_weighed_not_felled_by_one_objection(seed: Debate) -> None:
    plain = evaluate(seed, "grounded")
    assert plain.question is UNDEC
    assert plain.verdict is not None
    assert plain.verdict.summary() == (
        "2 pro and 1 con reasons stand; under preponderance with equal weights: undecided"
    )
    assert [r.node for r in plain.verdict.cons] == ["arg-remittances-markets"]
    # Rejecting Lankov's argument leaves two pro reasons and no con standing: it stands.
    assert evaluate(seed, "grounded", reject=["arg-remittances-markets"]).question is IN
    # With supports counted, the feasibility claim's critics reach no further than before.
    bipolar = evaluate(seed, "grounded", bipolar=True)
    assert bipolar.question is UNDEC


def test_seed_preferred_splits_on_the_weighing(seed: Debate) -> None:
    result = evaluate(seed, "preferred")
    assert len(result.extensions) == 2
    split = {n for n, label in result.labels.items() if label is UNDEC}
    assert {"costs-outweigh", "benefit-outweighs"} <= split
    assert all(("costs-outweigh" in e) != ("benefit-outweighs" in e) for e in result.extensions)


# --- properties -----------------------------------------------------------------------------


@st.composite
def graphs(draw: st.DrawFn) -> Debate:
    """Just the graph a debate's evaluation depends on, dense with every relation kind.

    ``tests.strategies.debates`` draws whole debates (quotes, hostile texts) and is slow;
    evaluation reads only ids, premises, relations and speakers, so most examples come
    from here and a few from there.
    """
    statements = [f"s{i}" for i in range(draw(st.integers(1, 8)))]
    arguments = [f"a{i}" for i in range(draw(st.integers(0, 3)))]
    nodes = ["q", *statements, *arguments]
    relations: dict[str, Relation] = {}
    for _ in range(draw(st.integers(0, 14))):
        kind = draw(st.sampled_from(RelationKind))
        source = draw(st.sampled_from(nodes))
        pool = [*relations, *arguments] if kind is RelationKind.UNDERCUTS else nodes
        target = draw(st.sampled_from(pool or nodes))
        rid = f"{source}->{target}"
        mirrored = relations.get(f"{target}->{source}")
        if source != target and rid not in relations and not (mirrored and mirrored.kind is kind):
            relations[rid] = Relation(id=rid, kind=kind, source=source, target=target)
    people = {"ann": Speaker(id="ann", name="Ann"), "bob": Speaker(id="bob", name="Bob")}
    speakers = st.lists(st.sampled_from(sorted(people)), max_size=2, unique=True).map(tuple)
    return Debate(
        title="T",
        question=Question(id="q", text="Q?"),
        speakers=people,
        statements={
            s: Statement(id=s, text=s, speakers=draw(speakers), conceded_by=draw(speakers))
            for s in statements
        },
        arguments={
            a: Argument(
                id=a,
                title=a,
                premises=tuple(draw(st.lists(st.sampled_from(statements), max_size=3))),
            )
            for a in arguments
        },
        relations=relations,
    )


@st.composite
def evaluations(draw: st.DrawFn, debates: st.SearchStrategy[Debate]) -> Evaluation:
    """An evaluation of a drawn debate, with random semantics, verdicts and bipolar flag."""
    d = draw(debates)
    ids = list(debate_framework(d).arguments)
    accept = draw(st.lists(st.sampled_from(ids), max_size=2, unique=True))
    reject = draw(st.lists(st.sampled_from(ids).filter(lambda i: i not in accept), max_size=2))
    semantics = draw(st.sampled_from(Semantics))
    return evaluate(d, semantics, accept=accept, reject=set(reject), bipolar=draw(st.booleans()))


def check_labels(result: Evaluation) -> None:
    """The labels satisfy their definitions on the framework the debate was mapped to.

    Grounded labels form a complete labelling (the room's rejection counting as an IN
    attacker, its acceptance removing every attack); every extension is conflict-free and
    defends its members; several extensions are summarised as the module defines; and an
    argument only stands when its premises do.
    """
    framework = result.framework
    assert list(result.labels) == list(framework.arguments)
    assert set(result.debate.node_ids()) <= set(framework.arguments)
    # The question is weighed, not attacked (checked by check_verdict); what rests on it
    # takes its verdict along, so neither is held to Dung's definitions here.
    decided = set(result.verdicts)
    resting = {i.id for i in result.inferences.values() if i.source in decided}
    check_verdict(result)

    def attackers(arg: str) -> list[str]:
        return [] if arg in result.accepted else list(framework.attackers(arg))

    if result.semantics is Semantics.GROUNDED:
        for arg, label in result.labels.items():
            if arg in decided or arg in resting:
                continue
            beaten = arg in result.rejected or any(result.labels[a] is IN for a in attackers(arg))
            shown_in = arg not in result.rejected and all(
                result.labels[a] is OUT for a in attackers(arg)
            )
            assert (label is IN) == shown_in, arg
            assert (label is OUT) == beaten, arg
    for extension in result.extensions:
        members = set(extension)
        for arg in members:
            assert arg not in result.rejected
            for attacker in attackers(arg):
                assert attacker not in members
                if attacker in decided or attacker in resting:
                    continue  # an undecided question is kept so by a doubt the output hides
                assert attacker in result.rejected or any(
                    a in members for a in attackers(attacker)
                ), (arg, attacker)
    if result.semantics is not Semantics.GROUNDED and result.extensions:
        for arg, label in result.labels.items():
            if arg in decided:
                # A standing claim is in every position, a fallen one in none; an undecided
                # one may be assumed by some positions.
                if label is not UNDEC:
                    assert sum(arg in e for e in result.extensions) == (
                        len(result.extensions) if label is IN else 0
                    )
                continue
            held = sum(arg in e for e in result.extensions)
            assert label is (IN if held == len(result.extensions) else UNDEC if held else OUT)
    for argument in result.debate.arguments.values():
        if result.labels[argument.id] is IN and argument.id not in result.accepted:
            assert all(result.labels[p] is IN for p in argument.premises), argument.id
    for node, label in result.labels.items():
        assert (node in result.reasons) == (label is OUT)


def check_verdict(result: Evaluation) -> None:
    """With equal weights and no audience, preponderance is a count of sides: the question
    stands when only pro reasons stand, falls when only con reasons do, else is undecided."""
    question = result.debate.question.id
    if question in result.accepted or question in result.rejected:
        assert question not in result.verdicts
        return
    sides: dict[bool, list[str]] = {True: [], False: []}
    for relation in result.debate.relations.values():
        ends = [(relation.source, relation.target, relation.id)]
        if relation.kind is RelationKind.CONTRADICTS:
            ends.append((relation.target, relation.source, relation.id + REVERSE))
        for source, target, link in ends:
            if target == question:
                carrier = link if link in result.inferences else source
                if result.labels[carrier] is IN:
                    sides[relation.kind is RelationKind.SUPPORTS].append(source)
    pros, cons = sides[True], sides[False]
    expected = IN if pros and not cons else OUT if cons and not pros else UNDEC
    verdict = result.verdicts[question]
    if not verdict.settled:  # it bears on its own reasons and no verdict agrees with them
        expected = UNDEC
    assert result.question is expected, (pros, cons)


@settings(max_examples=300)
@given(evaluations(graphs()))
def test_labels_satisfy_their_definitions(result: Evaluation) -> None:
    check_labels(result)


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(evaluations(debates(max_statements=8, max_arguments=3)))
def test_labels_satisfy_their_definitions_on_whole_debates(result: Evaluation) -> None:
    check_labels(result)
