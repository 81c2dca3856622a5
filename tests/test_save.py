"""Saving a debate: the file reads back as the same debate, and reads like one a person wrote."""

from __future__ import annotations

import datetime as dt
import os
import textwrap
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
import yaml
from hypothesis import HealthCheck, given, settings

from argmap.formats.registry import read_debate
from argmap.io import save
from argmap.io.load import load_debate, parse_debate
from argmap.io.save import SaveError, dump_debate, save_debate
from argmap.model.debate import (
    Argument,
    Debate,
    Question,
    Quote,
    Relation,
    RelationKind,
    Speaker,
    Statement,
)
from tests.conftest import REPO
from tests.strategies import HOSTILE_IDS, HOSTILE_TEXTS, debates

EVERY_CONSTRUCT = textwrap.dedent("""\
    # yaml-language-server: $schema=argmap.schema.json
    argmap: 1
    title: School uniforms
    description: |
      A small debate that uses every part of the file format.
      Second line of the description.
    sources:
      - id: paper
        title: The uniform report
        publisher: Uniform Weekly
        date: 2020-05-01
        url: https://example.org/report
      - id: blog
        title: A parent's blog
    speakers:
      - id: ann
        name: Ann Example
        role: researcher
        affiliation: Uniform Institute
      - id: bob
        name: Bob Example
        description: A parent of three.
    question:
      id: q
      title: Uniforms?
      text: Should schools require uniforms?
      pros:
        - id: equal
          title: Hides income
          text: Uniforms hide income differences.
          by: ann
          source: paper
          basis: expert-opinion
          side: pro
          tags: [equality, money]
          quotes:
            - Nobody can tell who is poor.
            - text: It levels the field.
              by: ann
              source: paper
          questions:
            - Does it really hide income?
          notes: |
            Ann's central claim.
            Check the report's sample size.
          cons:
            - id: brands
              text: Pupils still show status through shoes and phones.
              by: [bob, ann]
              conceded_by: ann
        - ref: focus
      cons:
        - id: cost
          text: Uniforms cost families money.
          by: bob
          conceded_by: [ann]
          pros:
            - argument: Cost burden
              id: cost-arg
              scheme: negative-consequences
              by: bob
              premises:
                - id: price
                  text: A uniform set costs 200 euros.
                  basis: statistic
                  source: paper
                - id: budgets
                  text: Many families have tight budgets.
          cons:
            - argument: Second-hand market
              id: second-hand
              gist: A second-hand market brings the price down.
              tags: [sketch]
    statements:
      - id: focus
        text: Pupils focus better without fashion pressure.
        by: ann
        attacks: [brands]
        undercuts: [second-hand]
      - id: study
        text: |
          A 2019 study found no effect on grades.
          It covered 40 schools.
        source: blog
        undercuts: [equal->q]
        contradicts: focus
    arguments:
      - argument: Uniforms teach conformity
        id: conformity
        by: bob
        side: con
        attacks: [q]
        premises:
          - ref: focus
          - id: rules
            text: Rules without reasons teach obedience.
    relations:
      - {from: q, to: focus, kind: supports}
      - from: cost
        to: equal
        kind: attacks
        id: cost-vs-equal
        note: Only for the poorest families.
    order: [q, equal, cost, cost-arg]
    """)


def round_trip(debate: Debate) -> str:
    """Dump, check the text reads back as the same debate, and that it dumps again the same."""
    text = dump_debate(debate)
    again = parse_debate(text, "saved.yaml").debate
    assert again == debate, text
    assert dump_debate(again) == text
    return text


def changed(debate: Debate, **update: Any) -> Debate:
    """A copy of ``debate`` with some fields replaced, checked like any debate."""
    return Debate.model_validate({**dict(debate), **update})


def saved_data(text: str) -> Any:
    """The saved file as plain YAML data, read by PyYAML itself rather than by argmap."""
    return yaml.safe_load(text)


@pytest.fixture(scope="module")
def every_construct() -> Debate:
    return parse_debate(EVERY_CONSTRUCT, "every.yaml").debate


# -- round trips ---------------------------------------------------------------------------------


def test_a_file_using_every_construct_round_trips(every_construct: Debate) -> None:
    round_trip(every_construct)


def test_the_seed_debate_round_trips() -> None:
    round_trip(load_debate(REPO / "arguments.yaml").debate)


def test_the_small_fixture_round_trips(small_debate_text: str) -> None:
    round_trip(parse_debate(small_debate_text).debate)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(debates())
def test_any_debate_round_trips(debate: Debate) -> None:
    round_trip(debate)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(debates())
def test_any_debate_round_trips_when_it_is_deeper_than_the_nesting_limit(debate: Debate) -> None:
    with mock.patch.object(save, "MAX_NESTING", 1):
        round_trip(debate)


# -- the nested form a person would write ---------------------------------------------------------


def test_claims_are_nested_under_what_they_support_or_attack(every_construct: Debate) -> None:
    question = saved_data(dump_debate(every_construct))["question"]
    assert [item.get("id") for item in question["pros"]] == ["equal", "focus"]
    assert [item["id"] for item in question["cons"]] == ["cost", "conformity"]
    assert question["pros"][0]["cons"][0]["id"] == "brands"
    cost = question["cons"][0]
    assert cost["pros"][0]["argument"] == "Cost burden"
    assert cost["cons"][0] == {
        "argument": "Second-hand market",
        "id": "second-hand",
        "gist": "A second-hand market brings the price down.",
        "tags": ["sketch"],
    }


def test_other_relations_are_cross_links_on_their_source(every_construct: Debate) -> None:
    data = saved_data(dump_debate(every_construct))
    focus = data["question"]["pros"][1]
    assert focus["attacks"] == ["brands"]
    assert focus["undercuts"] == ["second-hand"]
    [study] = data["statements"]
    assert study["id"] == "study"
    assert study["undercuts"] == ["equal->q"]
    assert study["contradicts"] == ["focus"]


def test_relations_the_nesting_cannot_say_are_listed_at_the_top(every_construct: Debate) -> None:
    relations = saved_data(dump_debate(every_construct))["relations"]
    assert relations == [
        {"from": "q", "to": "focus", "kind": "supports"},
        {
            "from": "cost",
            "to": "equal",
            "kind": "attacks",
            "id": "cost-vs-equal",
            "note": "Only for the poorest families.",
        },
    ]


def test_premises_are_defined_inline_where_first_seen(every_construct: Debate) -> None:
    data = saved_data(dump_debate(every_construct))
    cost_argument = data["question"]["cons"][0]["pros"][0]
    assert [p["id"] for p in cost_argument["premises"]] == ["price", "budgets"]
    assert cost_argument["premises"][0]["source"] == "paper"
    conformity = data["question"]["cons"][1]
    assert conformity["premises"][0] == {"ref": "focus"}
    assert conformity["premises"][1]["id"] == "rules"


def test_fields_are_written_the_short_way(every_construct: Debate) -> None:
    text = dump_debate(every_construct)
    data = saved_data(text)
    equal, brands = data["question"]["pros"][0], data["question"]["pros"][0]["cons"][0]
    assert equal["by"] == "ann"
    assert brands["by"] == ["bob", "ann"]
    assert brands["conceded_by"] == "ann"
    assert equal["quotes"] == [
        {"text": "Nobody can tell who is poor."},
        {"text": "It levels the field.", "by": "ann", "source": "paper"},
    ]
    assert "  tags: [equality, money]\n" in text
    assert "\n  date: 2020-05-01\n" in text
    assert data["sources"][0]["date"] == dt.date(2020, 5, 1)
    assert "notes: |\n" in text
    assert "text: |-\n" in text
    assert "null" not in text
    assert "[]" not in text


def test_keys_follow_the_order_authors_write_them(every_construct: Debate) -> None:
    data = saved_data(dump_debate(every_construct))
    assert list(data) == [
        "argmap", "title", "description", "sources", "speakers", "question",
        "statements", "relations", "order",
    ]  # fmt: skip
    assert list(data["question"]["pros"][0]) == [
        "id", "title", "text", "by", "source", "basis", "side", "tags",
        "quotes", "questions", "notes", "cons",
    ]  # fmt: skip
    assert list(data["question"]["cons"][0]["pros"][0]) == [
        "argument", "id", "scheme", "by", "premises",
    ]  # fmt: skip


def test_the_first_line_points_editors_at_the_schema(every_construct: Debate) -> None:
    first = dump_debate(every_construct).splitlines()[0]
    assert first == "# yaml-language-server: $schema=argmap.schema.json"
    without = dump_debate(every_construct, schema=None)
    assert without.startswith("argmap: 1\n")


def test_insertion_order_is_kept(every_construct: Debate) -> None:
    data = saved_data(dump_debate(every_construct))
    assert [s["id"] for s in data["speakers"]] == list(every_construct.speakers)
    assert [s["id"] for s in data["sources"]] == list(every_construct.sources)
    assert data["order"] == list(every_construct.order)


# -- where each node goes -------------------------------------------------------------------------


def debate_of(
    links: list[str], statements: str = "", arguments: dict[str, tuple[str, ...]] | None = None
) -> Debate:
    """A debate from links like ``"a supports b"``, in that relation order, under question q."""
    relations = {}
    for link in links:
        source, kind, target = link.split()
        relations[f"{source}->{target}"] = relation(source, target, RelationKind(kind))
    return Debate(
        title="Layout",
        question=Question(id="q", text="Q?"),
        statements={s: Statement(id=s, text=f"Claim {s}.") for s in statements.split()},
        arguments={
            a: Argument(id=a, title=f"Argument {a}", premises=premises)
            for a, premises in (arguments or {}).items()
        },
        relations=relations,
    )


def test_reasons_are_listed_in_the_order_of_their_relations() -> None:
    debate = debate_of(["b contradicts a", "a supports q", "b supports q"], "a b")
    pros = saved_data(round_trip(debate))["question"]["pros"]
    assert [item["id"] for item in pros] == ["a", "b"]


def test_a_claim_goes_under_what_it_supports_before_what_it_attacks() -> None:
    debate = debate_of(["b supports q", "a attacks q", "a supports b"], "a b")
    question = saved_data(round_trip(debate))["question"]
    assert "cons" not in question
    [a] = question["pros"][0]["pros"]
    assert (a["id"], a["attacks"]) == ("a", ["q"])


def test_a_premise_waits_for_its_argument_rather_than_going_to_the_top() -> None:
    debate = debate_of(["x supports p"], "p", {"x": (), "arg": ("p",)})
    data = saved_data(round_trip(debate))
    assert "statements" not in data
    [argument] = data["arguments"]
    assert argument["id"] == "arg"
    assert argument["premises"][0]["id"] == "p"
    assert argument["premises"][0]["pros"][0]["id"] == "x"


def test_claims_cut_off_at_the_nesting_limit_save_the_same_again() -> None:
    """Statements and arguments cut off together come back in the same order on every save."""
    links = ["n supports q", "arg supports n", "s supports n"]
    links += ["a1 supports arg", "a2 supports a1", "s1 supports s", "s2 supports s1"]
    debate = debate_of(links, "n s a1 a2 s1 s2", {"arg": ()})
    with mock.patch.object(save, "MAX_NESTING", 1):
        data = saved_data(round_trip(debate))
    assert [item["id"] for item in data["statements"]] == ["s", "s2", "a2"]
    assert data["statements"][2]["supports"] == ["a1"]


def test_arguments_below_a_cut_off_statement_save_the_same_again() -> None:
    """Found by hypothesis: ``s`` is cut off below ``g``'s tree, so the file lists ``b`` (nested
    under ``s`` in the statements section) before ``a``; ``a`` and ``g`` must keep their order."""
    links = ["b supports s", "c supports g", "s supports c"]
    debate = debate_of(links, "s", {"a": (), "b": (), "c": (), "g": ()})
    with mock.patch.object(save, "MAX_NESTING", 1):
        data = saved_data(round_trip(debate))
    assert [item["id"] for item in data["arguments"]] == ["a", "g"]
    assert [item["id"] for item in data["statements"]] == ["s"]
    assert data["statements"][0]["pros"][0]["id"] == "b"


def test_a_cycle_of_arguments_saves_the_same_again() -> None:
    """The cycle is written from its first argument, wherever the walk entered it."""
    links = ["A1 supports A2", "s1 supports A2", "A2 supports A3", "A3 supports A1"]
    links.append("s2 supports A3")
    debate = debate_of(links, "s1 s2", {"A1": (), "A2": (), "A3": ()})
    data = saved_data(round_trip(debate))
    [head] = data["arguments"]
    assert (head["id"], head["supports"]) == ("A1", ["A2"])


# -- deep and hostile debates ----------------------------------------------------------------------


def chain(length: int, *, under_question: bool = True) -> Debate:
    """``c0`` supports the question (or nothing), ``c1`` supports ``c0``, and so on."""
    statements = {f"c{i}": Statement(id=f"c{i}", text=f"Claim {i}.") for i in range(length)}
    links = [(f"c{i}", f"c{i - 1}") for i in range(1, length)]
    if under_question:
        links.insert(0, ("c0", "q"))
    relations = {
        f"{a}->{b}": Relation(id=f"{a}->{b}", kind=RelationKind.SUPPORTS, source=a, target=b)
        for a, b in links
    }
    return Debate(
        title="Chain",
        question=Question(id="q", text="Q?"),
        statements=statements,
        relations=relations,
    )


def test_a_500_long_support_chain_round_trips() -> None:
    debate = chain(500)
    data = saved_data(round_trip(debate))
    node = data["question"]["pros"][0]
    for depth in range(1, save.MAX_NESTING):
        node = node["pros"][0]
        assert node["id"] == f"c{depth}"
    assert "pros" not in node, "nesting stops at the limit"
    for item in data["statements"]:
        number = int(item["id"][1:])
        assert item["supports"] == [f"c{number - 1}"], "a cut chain continues by cross-link"


def test_a_long_support_cycle_round_trips() -> None:
    debate = chain(300, under_question=False)
    closing = Relation(id="c0->c299", kind=RelationKind.SUPPORTS, source="c0", target="c299")
    cycle = changed(debate, relations={**debate.relations, closing.id: closing})
    data = saved_data(round_trip(cycle))
    assert data["statements"][0]["id"] == "c0"
    assert data["statements"][0]["supports"] == ["c299"]


def test_a_deep_chain_of_arguments_and_premises_round_trips() -> None:
    """Each argument's premise is supported by the next argument, 150 times over."""
    arguments: dict[str, Argument] = {}
    statements: dict[str, Statement] = {}
    relations: dict[str, Relation] = {}
    target = "q"
    for i in range(150):
        arguments[f"a{i}"] = Argument(id=f"a{i}", title=f"Argument {i}", premises=(f"p{i}",))
        statements[f"p{i}"] = Statement(id=f"p{i}", text=f"Premise {i}.")
        rid = f"a{i}->{target}"
        relations[rid] = Relation(id=rid, kind=RelationKind.SUPPORTS, source=f"a{i}", target=target)
        target = f"p{i}"
    debate = Debate(
        title="Deep",
        question=Question(id="q", text="Q?"),
        statements=statements,
        arguments=arguments,
        relations=relations,
    )
    round_trip(debate)


def with_text(text: str) -> Debate:
    """A debate with ``text`` in every field that holds text, and as a tag and a question."""
    return Debate(
        title=text,
        description=text,
        question=Question(id="q", text=text, title=text),
        speakers={"s": Speaker(id="s", name=text, role=text, affiliation=text, description=text)},
        statements={
            "a": Statement(
                id="a",
                text=text,
                title=text,
                quotes=(Quote(text=text, speaker="s"), Quote(text=text)),
                tags=(text, "plain"),
                notes=text,
                questions=(text,),
            ),
            # Last in its section, so that text ending in line breaks meets the blank line
            # written between sections.
            "b": Statement(id="b", text=text, notes=text),
        },
        arguments={"x": Argument(id="x", title=text, gist=text, notes=text, premises=("b",))},
        relations={
            "a->q": Relation(id="a->q", kind=RelationKind.SUPPORTS, source="a", target="q"),
            "r": Relation(id="r", kind=RelationKind.ATTACKS, source="x", target="a", note=text),
        },
    )


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_hostile_text_stays_the_same_text(text: str) -> None:
    debate = with_text(text)
    data = saved_data(round_trip(debate))
    assert data["title"] == debate.title, "another YAML reader sees the same text too"
    assert data["question"]["pros"][0]["notes"] == text


@pytest.mark.parametrize("notes", ["\n", "\n\n", "ends in breaks\n\n\n", " \n "])
def test_line_breaks_at_the_end_of_a_section_are_kept(notes: str) -> None:
    debate = chain(1, under_question=False)
    last = debate.statements["c0"].model_copy(update={"notes": notes})
    round_trip(changed(debate, statements={"c0": last}, order=("q",)))


@pytest.mark.parametrize("node_id", HOSTILE_IDS)
def test_hostile_ids_stay_the_same_ids(node_id: str) -> None:
    debate = Debate(
        title="Ids",
        question=Question(id="q", text="Q?"),
        speakers={node_id: Speaker(id=node_id, name="N")},
        statements={
            node_id: Statement(id=node_id, text="A.", speakers=(node_id,), tags=(node_id,)),
            "other": Statement(id="other", text="B."),
        },
        relations={
            f"{node_id}->q": Relation(
                id=f"{node_id}->q", kind=RelationKind.SUPPORTS, source=node_id, target="q"
            ),
            f"other->{node_id}->q": Relation(
                id=f"other->{node_id}->q",
                kind=RelationKind.UNDERCUTS,
                source="other",
                target=f"{node_id}->q",
            ),
        },
        order=(node_id,),
    )
    data = saved_data(round_trip(debate))
    assert data["question"]["pros"][0]["id"] == node_id


def test_unicode_is_written_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "unicode.yaml"
    save_debate(with_text("Pyongyang 평양 🙂"), path)
    assert "Pyongyang 평양 🙂" in path.read_text(encoding="utf-8")
    assert "\\u" not in path.read_text(encoding="utf-8")


# -- what cannot be saved ------------------------------------------------------------------------


def relation(source: str, target: str, kind: RelationKind, rid: str | None = None) -> Relation:
    return Relation(id=rid or f"{source}->{target}", kind=kind, source=source, target=target)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"relations": {"x": relation("equal", "equal", RelationKind.SUPPORTS, "x")}},
            "relation `x`: `equal` supports itself",
        ),
        (
            {
                "relations": {
                    "equal->cost": relation("equal", "cost", RelationKind.CONTRADICTS),
                    "cost->equal": relation("cost", "equal", RelationKind.CONTRADICTS),
                }
            },
            "`equal` and `cost` contradict each other twice",
        ),
    ],
)
def test_what_the_file_cannot_hold_is_refused_with_a_reason(
    every_construct: Debate, change: dict[str, Any], message: str
) -> None:
    debate = changed(every_construct, **change)
    with pytest.raises(SaveError) as caught:
        dump_debate(debate)
    assert [message in problem for problem in caught.value.problems] == [True]


def test_an_unknown_scheme_is_refused(every_construct: Debate) -> None:
    argument = every_construct.arguments["cost-arg"].model_copy(update={"scheme": "astrology"})
    debate = changed(every_construct, arguments={**every_construct.arguments, "cost-arg": argument})
    with pytest.raises(SaveError, match="scheme `astrology`, not in the catalogue"):
        dump_debate(debate)


# -- writing the file ------------------------------------------------------------------------------


def test_save_writes_a_file_that_reads_back_equal(tmp_path: Path, every_construct: Debate) -> None:
    path = tmp_path / "nested" / "debate.yaml"
    save_debate(every_construct, path)
    assert read_debate(path).debate == every_construct


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_a_failed_save_leaves_the_old_file_intact(
    tmp_path: Path, every_construct: Debate, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    path = tmp_path / "debate.yaml"
    path.write_text(EVERY_CONSTRUCT, encoding="utf-8")

    def disk_full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, disk_full)  # as argmap.io.atomic calls them
    with pytest.raises(OSError, match="No space left"):
        save_debate(changed(every_construct, title="A new title"), path)
    monkeypatch.undo()
    assert path.read_text(encoding="utf-8") == EVERY_CONSTRUCT
    assert os.listdir(tmp_path) == ["debate.yaml"], "no temporary file is left behind"


def test_a_refused_save_does_not_touch_the_file(tmp_path: Path, every_construct: Debate) -> None:
    path = tmp_path / "debate.yaml"
    path.write_text(EVERY_CONSTRUCT, encoding="utf-8")
    broken = changed(
        every_construct, relations={"x": relation("q", "q", RelationKind.ATTACKS, "x")}
    )
    with pytest.raises(SaveError):
        save_debate(broken, path)
    assert path.read_text(encoding="utf-8") == EVERY_CONSTRUCT
