"""Weighing: proof standards for the question and at-issue claims, audiences that rank values."""

from __future__ import annotations

import itertools
import json
import re
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis.evaluation import evaluate
from argmap.analysis.framework import Label
from argmap.analysis.weighing import (
    NO_AUDIENCE,
    Preference,
    Reason,
    Standard,
    audience,
    decide,
    ranking,
)
from argmap.cli import main
from argmap.formats.kialo import write_kialo
from argmap.formats.registry import read_debate
from argmap.io.diagnostics import DebateLoadError
from argmap.io.load import parse_debate
from argmap.io.save import dump_debate
from argmap.model.debate import Debate, Question, Relation, RelationKind, Statement, Value

IN, OUT, UNDEC = Label.IN, Label.OUT, Label.UNDEC
SEED = Path(__file__).resolve().parents[1] / "arguments.yaml"


def debate(body: str) -> Debate:
    header = "title: T\nquestion: {id: q, text: Should we?}\n"
    return parse_debate(header + textwrap.dedent(body)).debate


def weighed(pro: float | None, con: float | None) -> Debate:
    """The question with at most one pro and one con reason, of the given weights."""
    lines = ["statements:"]
    if pro is not None:
        lines.append(f"  - {{id: pro, text: P, supports: [q], weight: {pro}}}")
    if con is not None:
        lines.append(f"  - {{id: con, text: C, attacks: [q], weight: {con}}}")
    return debate("\n".join(lines) + "\n" if len(lines) > 1 else "")


# --- proof standards, checked by hand ----------------------------------------------------------

CASES = [
    # (pro weight, con weight): expected label per standard, in Standard order:
    # scintilla, preponderance, clear-and-convincing, beyond-reasonable-doubt, dialectical
    ((0.6, 0.4), [IN, IN, UNDEC, UNDEC, UNDEC]),
    ((0.4, 0.6), [IN, OUT, UNDEC, UNDEC, UNDEC]),
    ((0.5, 0.5), [IN, UNDEC, UNDEC, UNDEC, UNDEC]),
    ((0.9, 0.5), [IN, IN, IN, UNDEC, UNDEC]),  # 0.9 > ALPHA = 0.5, and 0.4 > BETA = 0.3
    ((0.9, 0.1), [IN, IN, IN, IN, UNDEC]),  # and the con is below GAMMA = 0.2
    ((0.1, 0.9), [IN, OUT, OUT, OUT, UNDEC]),  # the cons meet each standard against it
    ((0.7, None), [IN, IN, IN, IN, IN]),
    ((None, 0.7), [OUT, OUT, OUT, OUT, OUT]),
    ((0.4, None), [IN, IN, UNDEC, UNDEC, IN]),  # a weak reason is not clear and convincing
    ((None, None), [UNDEC] * 5),  # no reasons: undecided, never "falls"
]


@pytest.mark.parametrize(("weights", "expected"), CASES)
def test_each_proof_standard_by_hand(
    weights: tuple[float | None, float | None], expected: list[Label]
) -> None:
    d = weighed(*weights)
    got = [evaluate(d, standard=standard).question for standard in Standard]
    assert got == expected


MIRROR = {IN: OUT, OUT: IN, UNDEC: UNDEC}
STRICTER = [  # each standard's IN implies the next one's
    Standard.BEYOND_REASONABLE_DOUBT,
    Standard.CLEAR_AND_CONVINCING,
    Standard.PREPONDERANCE,
    Standard.SCINTILLA,
]


def reasons(pros: list[float], cons: list[float]) -> list[Reason]:
    def one(weight: float, pro: bool, index: int) -> Reason:
        return Reason(f"r{index}", f"r{index}", pro, IN, None, 0, weight, True)

    return [one(w, True, i) for i, w in enumerate(pros)] + [
        one(w, False, len(pros) + i) for i, w in enumerate(cons)
    ]


WEIGHTS = st.lists(st.floats(0, 1), max_size=4)


@given(WEIGHTS, WEIGHTS)
def test_standards_are_ordered_and_never_both_ways(pros: list[float], cons: list[float]) -> None:
    verdicts = {standard: decide(reasons(pros, cons), standard) for standard in Standard}
    for strict, weaker in itertools.pairwise(STRICTER):
        assert verdicts[strict] is not IN or verdicts[weaker] is IN, (strict, weaker)
    if verdicts[Standard.DIALECTICAL_VALIDITY] is IN:
        assert verdicts[Standard.SCINTILLA] is IN
    # Every standard but scintilla (where both sides may meet it) treats the sides alike.
    for standard in Standard:
        if standard is not Standard.SCINTILLA:
            assert decide(reasons(cons, pros), standard) is MIRROR[verdicts[standard]]


@given(WEIGHTS, WEIGHTS, st.floats(0, 1))
def test_a_heavier_pro_reason_never_hurts(
    pros: list[float], cons: list[float], more: float
) -> None:
    for standard in Standard:
        before = decide(reasons(pros, cons), standard)
        after = decide(reasons([*pros, more], cons), standard)
        if before is IN:
            assert (
                after is IN
                or standard is Standard.DIALECTICAL_VALIDITY
                or (standard is not Standard.SCINTILLA and after is not OUT)
            ), standard
        if before is UNDEC:
            assert after is not OUT, standard


def test_only_standing_reasons_are_weighed() -> None:
    d = debate("""
        statements:
          - {id: pro, text: P, supports: [q]}
          - {id: con, text: C, attacks: [q], weight: 0.9}
          - {id: rebuttal, text: R, attacks: [con]}
        """)
    result = evaluate(d, standard="dialectical-validity")
    assert result.labels["con"] is OUT
    assert result.question is IN
    assert result.verdict is not None
    assert [r.node for r in result.verdict.cons] == []
    assert result.verdict.summary("the motion") == (
        "1 pro and 0 con reason stands; under dialectical-validity with equal weights: "
        "the motion stands"
    )


def test_an_undercut_link_does_not_stand_as_a_reason() -> None:
    d = debate("""
        statements:
          - {id: pro, text: P, supports: [q]}
          - {id: u, text: U, undercuts: [pro->q]}
        """)
    result = evaluate(d)
    assert result.labels["pro"] is IN
    assert result.question is UNDEC  # its one reason's link is cut: nothing stands either way


AT_ISSUE = """
    statements:
      - id: x
        text: X
        supports: [q]
        at-issue: true
        pros: [{id: p, text: P, weight: 0.8}]
        cons: [{id: c, text: C, weight: 0.3}]
      - {id: y, text: Y, attacks: [x]}
    """


def test_an_at_issue_claim_is_weighed_and_its_verdict_travels() -> None:
    # Under Dung the standing objections c and y defeat x; weighed, x's stronger pro (0.8
    # against 0.3 and the unweighted 0.5) carries it, and x stands as the question's reason.
    result = evaluate(debate(AT_ISSUE))
    assert result.labels["x"] is IN
    assert result.verdicts["x"].summary() == (
        "1 pro and 2 con reasons stand; under preponderance with weights: it stands"
    )
    assert result.question is IN
    plain = evaluate(debate(AT_ISSUE.replace("at-issue: true", "at-issue: false")))
    assert plain.labels["x"] is OUT
    assert plain.question is UNDEC  # its only reason fell


def test_a_fallen_at_issue_claim_takes_its_attack_and_its_argument_along() -> None:
    d = debate("""
        statements:
          - id: x
            text: X
            at-issue: true
            attacks: [t]
            cons: [{id: c, text: C}]
          - {id: t, text: T, supports: [q]}
        arguments:
          - argument: Built on X
            id: arg
            supports: [q]
            premises: [{ref: x}]
        """)
    result = evaluate(d)
    assert result.labels["x"] is OUT  # one con, no pro
    assert result.labels["t"] is IN  # its attacker fell
    assert result.labels["arg"] is OUT  # it rests on a claim that fell
    assert result.question is IN


def test_a_claim_that_undercuts_its_own_reason_is_undecided() -> None:
    # q's one pro reason p stands only while q is not in (q undercuts p's link), and c stands
    # against it: in, p's link falls and c alone stands, so it should fall; out, the link
    # stands and p ties with c, so it should be undecided. No verdict agrees with itself.
    d = debate("""
        statements:
          - {id: p, text: P, supports: [q]}
          - {id: c, text: C, attacks: [q]}
        relations:
          - {from: q, to: p->q, kind: undercuts}
        """)
    result = evaluate(d)
    assert result.question is UNDEC
    assert result.verdict is not None and not result.verdict.settled
    assert result.verdict.summary().endswith(
        "undecided, as no verdict agrees with what it does to its own reasons"
    )


# --- value-based argumentation (Bench-Capon 2003) ----------------------------------------------

VALUES = """
    values:
      - {id: life, name: Life}
      - {id: property, name: Property}
    audiences:
      - {id: lifers, name: Life first, ranking: [life, property]}
      - {id: owners, name: Property first, ranking: [property, life]}
    """


def test_two_audiences_give_a_two_cycle_different_preferred_extensions() -> None:
    # Bench-Capon's Hal and Carla, reduced to its cycle: Hal may take Carla's insulin to save
    # his life; he may not, it is her property.
    d = debate(
        VALUES
        + """
    statements:
      - {id: take, text: Hal may take it, promotes: life, contradicts: [keep]}
      - {id: keep, text: It is Carla's, promotes: property}
    """
    )
    assert evaluate(d, "preferred").extensions == (("keep",), ("take",))
    for who, stands in (("lifers", "take"), ("owners", "keep")):
        result = evaluate(d, "preferred", audience=audience(d, who))
        assert [set(e) - {"q"} for e in result.extensions] == [{stands}]


def test_an_odd_cycle_with_two_values_has_one_preferred_extension_per_audience() -> None:
    # Bench-Capon 2003: a three-cycle of two values is never empty for an audience, although
    # Dung's preferred extension of it is.
    d = debate(
        VALUES
        + """
    statements:
      - {id: a, text: A, promotes: life, attacks: [b]}
      - {id: b, text: B, promotes: life, attacks: [c]}
      - {id: c, text: C, promotes: property, attacks: [a]}
    """
    )
    assert evaluate(d, "preferred").extensions == ((),)
    lifers = evaluate(d, "preferred", audience=audience(d, "lifers"))
    owners = evaluate(d, "preferred", audience=audience(d, "owners"))
    assert lifers.extensions == (("a", "c"),)
    assert owners.extensions == (("b", "c"),)
    assert set(lifers.failed) == {("c", "a")}
    assert set(owners.failed) == {("b", "c")}


def test_a_matter_of_fact_defeats_whatever_the_audience() -> None:
    d = debate(
        VALUES
        + """
    statements:
      - {id: fact, text: F, attacks: [take]}
      - {id: take, text: T, promotes: life}
    """
    )
    assert evaluate(d, audience=audience(d, "lifers")).labels["take"] is OUT


def test_an_unranked_value_ranks_below_every_ranked_one() -> None:
    d = debate("""
        values: [{id: a, name: A}, {id: b, name: B}]
        statements:
          - {id: x, text: X, promotes: a, contradicts: [y]}
          - {id: y, text: Y, promotes: b}
        """)
    result = evaluate(d, audience=ranking(d, "a"))
    assert (result.labels["x"], result.labels["y"]) == (IN, OUT)
    level = evaluate(d, audience=ranking(d, "a=b"))
    assert (level.labels["x"], level.labels["y"]) == (UNDEC, UNDEC)


@st.composite
def valued(draw: st.DrawFn) -> Debate:
    """Statements attacking, contradicting and supporting each other, each promoting a value."""
    names = [f"s{i}" for i in range(draw(st.integers(1, 7)))]
    values = {v: Value(id=v, name=v) for v in ("v0", "v1", "v2")}
    relations: dict[str, Relation] = {}
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.sampled_from([RelationKind.ATTACKS, RelationKind.CONTRADICTS]))
        source, target = draw(st.sampled_from(names)), draw(st.sampled_from([*names, "q"]))
        kind = RelationKind.ATTACKS if target == "q" else kind  # the question attacks nothing
        rid = f"{source}->{target}"
        if source != target and rid not in relations and f"{target}->{source}" not in relations:
            relations[rid] = Relation(id=rid, kind=kind, source=source, target=target)
    return Debate(
        title="T",
        question=Question(id="q", text="Q?"),
        values=values,
        statements={
            s: Statement(id=s, text=s, promotes=(draw(st.sampled_from(sorted(values))),))
            for s in names
        },
        relations=relations,
    )


@settings(max_examples=60, deadline=None)
@given(valued(), st.sampled_from(["grounded", "preferred", "stable"]))
def test_with_every_value_level_value_based_semantics_are_dungs(d: Debate, semantics: str) -> None:
    level = Preference("all", "everyone", (tuple(d.values),))
    with_values = evaluate(d, semantics, audience=level)
    plain = evaluate(d, semantics)
    assert with_values.labels == plain.labels
    assert with_values.extensions == plain.extensions
    assert not with_values.failed


@settings(max_examples=60, deadline=None)
@given(valued(), st.permutations(["v0", "v1", "v2"]))
def test_the_first_value_is_safe_from_every_other_value(d: Debate, order: list[str]) -> None:
    # An argument promoting the value an audience ranks first, that no argument promoting
    # that same value attacks, is in the grounded extension: every other attack on it fails.
    # (Raising a value does not by itself keep its arguments in: when two of them attack
    # each other, raising it helps the attacker as much; see the test below.)
    top = order[0]
    result = evaluate(d, audience=Preference(None, "drawn", tuple((v,) for v in order)))
    for s in d.statements.values():
        if top not in s.promotes:
            continue
        rivals = [a for a in result.mapping.framework.attackers(s.id) if a in d.statements]
        if all(top not in d.statements[a].promotes for a in rivals):
            assert result.labels[s.id] is IN, s.id


def test_raising_a_value_can_cost_an_argument_that_promotes_it() -> None:
    # b (v) attacks a (v); c (w) attacks b. Ranking w first, c defeats b and a stands;
    # raising v above w makes c's attack fail, so b stands and defeats a.
    d = debate("""
        values: [{id: v, name: V}, {id: w, name: W}]
        statements:
          - {id: a, text: A, promotes: v}
          - {id: b, text: B, promotes: v, attacks: [a]}
          - {id: c, text: C, promotes: w, attacks: [b]}
        """)
    assert evaluate(d, audience=ranking(d, "w,v")).labels["a"] is IN
    assert evaluate(d, audience=ranking(d, "v,w")).labels["a"] is OUT


# --- the seed debate ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> Debate:
    return read_debate(SEED).debate


def test_seed_values_and_rankings_come_from_the_article(seed: Debate) -> None:
    assert set(seed.values) >= {"security", "human-rights", "exposure", "feasibility"}
    assert (
        seed.speakers["go"].ranks
        == seed.speakers["choi"].ranks
        == (
            ("security",),
            ("exposure",),
        )
    )
    assert seed.speakers["yang"].ranks == (("exposure",), ("security",))


def test_seed_verdicts_for_no_audience_and_each_analyst(seed: Debate) -> None:
    assert evaluate(seed).question is UNDEC
    verdicts = {who: evaluate(seed, audience=audience(seed, who)) for who in ("go", "choi", "yang")}
    assert {who: r.question for who, r in verdicts.items()} == {"go": IN, "choi": IN, "yang": OUT}
    go, yang = verdicts["go"], verdicts["yang"]
    # Each analyst's weighing survives only as they weigh it.
    assert set(go.failed) == {("benefit-outweighs", "costs-outweigh")} | {
        pair for pair, f in go.failed.items() if not f.direct
    }
    assert (go.labels["arg-costs-too-great"], go.labels["arg-exposure-worth-it"]) == (IN, OUT)
    assert (yang.labels["arg-costs-too-great"], yang.labels["arg-exposure-worth-it"]) == (OUT, IN)
    assert ("costs-outweigh", "benefit-outweighs") in yang.failed
    # Kim Byung Yeon's point is one of fact: it cuts the revenue link for everyone.
    assert all(r.labels["cut-revenue->clamp-down"] is OUT for r in verdicts.values())


def test_seed_scintilla_carries_the_motion_for_every_audience(seed: Debate) -> None:
    for who in (None, "go", "yang"):
        weighers = NO_AUDIENCE if who is None else audience(seed, who)
        assert evaluate(seed, audience=weighers, standard="scintilla").question is IN


# --- the file format ----------------------------------------------------------------------------


def errors(text: str) -> list[str]:
    with pytest.raises(DebateLoadError) as caught:
        parse_debate(textwrap.dedent(text), "d.yaml")
    return [str(d) for d in caught.value.diagnostics]


def test_unknown_values_are_located_with_a_did_you_mean() -> None:
    found = errors("""\
        title: T
        values: [{id: security, name: Security}]
        speakers: [{id: go, name: Go, ranks: [securty]}]
        audiences: [{id: go, name: Room, ranking: [[security, exposure]]}]
        question:
          id: q
          text: Q?
          pros:
            - {id: a, text: A, promotes: [secure]}
        """)
    assert found == [
        "d.yaml:3:39: error: unknown value `securty` in this ranking\n"
        "  hint: did you mean `security`?",
        "d.yaml:4:18: error: audience id `go` is also a speaker's id\n"
        "  hint: give the speaker `ranks:` instead, or rename the audience",
        "d.yaml:4:55: error: unknown value `exposure` in this ranking\n"
        "  hint: declare it under `values:` with `- id: exposure` and a `name:`",
        "d.yaml:9:35: error: unknown value `secure`\n  hint: did you mean `security`?",
    ]


def test_a_weight_out_of_range_is_explained() -> None:
    found = errors("""\
        title: T
        question: {id: q, text: Q?, pros: [{id: a, text: A, weight: 2}]}
        """)
    assert found == [
        "d.yaml:2:61: error: `weight` should be between 0 and 1, not 2\n  hint: e.g. `weight: 0.7`"
    ]


def test_weighing_fields_survive_a_save(seed: Debate) -> None:
    text = dump_debate(seed)
    assert "ranks: [security, exposure]" in text
    assert parse_debate(text).debate == seed


# --- the command line ---------------------------------------------------------------------------


def run(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["evaluate", *map(str, args)])
    return result.exit_code, result.output


def test_cli_text_shows_the_verdict_and_both_sides() -> None:
    code, out = run(SEED)
    words = " ".join(out.split())
    assert code == 0
    assert (
        "? UNDEC 2 pro and 1 con reasons stand; under preponderance with equal weights: undecided"
        in words
    )
    assert "con arg-remittances-markets Remittances loosen the regime's grip (exposure)" in words


def test_cli_audience_names_the_attacks_that_fail() -> None:
    _, go = run(SEED, "--audience", "go")
    words = " ".join(go.split())
    assert "audience: Go Myong Hyun [go] ranks security > exposure" in words
    assert "benefit-outweighs ⇸ costs-outweigh: exposure is ranked below security" in words
    assert "as Go Myong Hyun ranks the values: the motion stands" in words
    _, yang = run(SEED, "--rank", "exposure,security")
    assert "the motion falls" in " ".join(yang.split())


def test_cli_json_keeps_its_shape_and_adds_the_weighing() -> None:
    _, out = run(SEED, "--audience", "yang", "--format", "json")
    data = json.loads(out)
    assert data["question"]["id"] == "clamp-down"
    assert data["question"]["label"] == "out"
    assert data["question"]["cons"] == ["arg-exposure-worth-it", "arg-remittances-markets"]
    assert data["standard"] == "preponderance"
    assert data["audience"] == {
        "id": "yang",
        "name": "Yang Moo Jin",
        "ranking": [["exposure"], ["security"]],
    }
    assert {"attacker": "costs-outweigh", "target": "benefit-outweighs"}.items() <= (
        data["failed_attacks"][0].items()
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--audience", "yan"], "no audience `yan`; did you mean `yang`?"),
        (["--audience", "lankov"], "speaker `lankov` ranks no values"),
        (["--rank", "security,exposur"], "--rank: no value `exposur`; did you mean `exposure`?"),
        (["--rank", "security,security"], "--rank: `security` is ranked twice"),
    ],
)
def test_cli_unknown_audiences_and_values_fail_cleanly(args: list[str], message: str) -> None:
    code, out = run(SEED, *args)
    assert code == 1
    assert message in out
    assert "Traceback" not in out


def test_cli_weighing_options_need_a_debate() -> None:
    code, out = run(SEED, "--audience", "go", "--rank", "security")
    assert code == 2
    assert "give --audience or --rank, not both" in out
    framework = Path(__file__).parent / "data" / "iccma" / "Small-result-b2.apx"
    for extra in (["--audience", "go"], ["--standard", "scintilla"]):
        code, out = run(framework, *extra)
        assert code == 2, extra


def test_evaluation_type_is_unchanged_for_frameworks() -> None:
    # ICCMA frameworks keep plain Dung semantics and their JSON keys.
    framework = Path(__file__).parent / "data" / "iccma" / "Small-result-b2.apx"
    _, out = run(framework, "--format", "json")
    assert set(json.loads(out)) == {"semantics", "extensions", "labels", "accept", "reject"}


def test_export_marks_the_map_for_an_audience(tmp_path: Path) -> None:
    runner = CliRunner()
    verdicts = {}
    for who in ("go", "yang"):
        out = tmp_path / f"{who}.svg"
        args = ["export", str(SEED), "--evaluate", "grounded", "--audience", who, "-o", str(out)]
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
        # The question's group carries its label as a class: `class="node question label-in"`.
        found = re.search(r'<g id="clamp-down" class="[^"]*\blabel-(\w+)', out.read_text())
        assert found is not None
        verdicts[who] = found.group(1)
    assert verdicts == {"go": "in", "yang": "out"}
    missing = runner.invoke(main, ["export", str(SEED), "--audience", "go", "-o", "x.dot"])
    assert missing.exit_code == 2
    assert "--audience needs --evaluate SEMANTICS" in missing.output


def test_cli_shows_each_at_issue_claims_verdict(tmp_path: Path) -> None:
    path = tmp_path / "at-issue.yaml"
    path.write_text("title: T\nquestion: {id: q, text: Should we?}\n" + textwrap.dedent(AT_ISSUE))
    code, out = run(path)
    words = " ".join(out.split())
    assert code == 0
    assert "At issue X [x] ✔ IN 1 pro and 2 con reasons stand; under preponderance with " in words
    assert "strongest pro: p, weight 0.8; strongest con: y, weight 0.5" in words
    data = json.loads(run(path, "--format", "json")[1])
    assert data["at_issue"]["x"]["pros"] == ["p"]
    assert data["at_issue"]["x"]["cons"] == ["c", "y"]


def test_formats_without_values_say_they_drop_them(seed: Debate) -> None:
    dropped = write_kialo(seed).dropped
    assert "4 values not written: Kialo has no place for them" in dropped
    assert "3 value rankings not written: Kialo has no place for them" in dropped
