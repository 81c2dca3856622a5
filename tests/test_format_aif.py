"""Reading AIF JSON (AIFdb, OVA): propositions, inferences, conflicts, rephrases and locutions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.formats.aif import parse_aif, read_aif
from argmap.io.diagnostics import DebateLoadError
from argmap.io.loaded import LoadedDebate

DATA = Path(__file__).parent / "data" / "aif"
SHARED = next(
    (
        folder / "shared" / "corpora" / "aif"
        for folder in Path(__file__).resolve().parents
        if (folder / "shared" / "corpora" / "aif").is_dir()
    ),
    Path("/work/shared/corpora/aif"),
)
"""The shared corpus beside the checkout (the main repository or a worktree of it)."""


def node(node_id: str, kind: str, text: str = "") -> dict[str, str]:
    return {"nodeID": node_id, "type": kind, "text": text or kind}


def aif(nodes: list[dict[str, str]], edges: list[tuple[str, str]], **extra: Any) -> str:
    document = {
        "nodes": nodes,
        "edges": [{"edgeID": str(i), "fromID": a, "toID": b} for i, (a, b) in enumerate(edges)],
        **extra,
    }
    return json.dumps(document, indent=1)


def relations(loaded: LoadedDebate) -> set[tuple[str, str, str]]:
    return {(r.source, r.kind.value, r.target) for r in loaded.debate.relations.values()}


THESIS = node("1", "I", "Schools should require uniforms.")


def test_inferences_conflicts_and_rephrases_become_relations() -> None:
    loaded = parse_aif(
        aif(
            [
                THESIS,
                node("2", "I", "Uniforms hide income."),
                node("3", "I", "Uniforms cost money."),
                node("4", "I", "Uniforms mask income differences."),
                node("r", "RA", "Default Inference"),
                node("c", "CA", "Default Conflict"),
                node("m", "MA", "Default Rephrase"),
            ],
            [("2", "r"), ("r", "1"), ("3", "c"), ("c", "1"), ("4", "m"), ("m", "2")],
        ),
        "m.json",
    )
    assert loaded.debate.question.id == "1"
    assert relations(loaded) == {
        ("2", "supports", "1"),
        ("3", "attacks", "1"),
        ("4", "supports", "2"),
    }
    assert loaded.debate.relations["4->2"].note == "rephrases"


def test_linked_premises_make_an_argument_and_convergent_ones_do_not() -> None:
    loaded = parse_aif(
        aif(
            [
                THESIS,
                node("p1", "I", "A set costs 200 euros."),
                node("p2", "I", "Budgets are tight."),
                node("p3", "I", "Some cannot pay."),
                node("ra", "RA", "Argument From Negative Consequences"),
                node("rb", "RA"),
            ],
            [("p1", "ra"), ("p2", "ra"), ("ra", "1"), ("p3", "rb"), ("rb", "1")],
        ),
        "m.json",
    )
    argument = loaded.debate.arguments["ra"]
    assert argument.premises == ("p1", "p2")
    assert argument.scheme == "negative-consequences"  # AIFdb's scheme name, any case
    assert relations(loaded) == {("ra", "supports", "1"), ("p3", "supports", "1")}


def test_a_conflict_aimed_at_an_inference_undercuts_it() -> None:
    loaded = parse_aif(
        aif(
            [
                THESIS,
                node("2", "I", "Uniforms hide income."),
                node("3", "I", "Shoes still show it."),
                node("r", "RA"),
                node("c", "CA"),
            ],
            [("2", "r"), ("r", "1"), ("3", "c"), ("c", "r")],
        ),
        "m.json",
    )
    assert ("3", "undercuts", "2->1") in relations(loaded)


def test_locutions_give_speakers_concessions_and_quotes() -> None:
    loaded = parse_aif(
        aif(
            [
                THESIS,
                node("2", "I", "Uniforms hide income differences."),
                node("l1", "L", "Ann Example : Nobody can tell who is poor."),
                node("y1", "YA", "Asserting"),
                node("l2", "L", "Bob Example : Uniforms hide income differences."),
                node("y2", "YA", "Popular Conceding"),
                node("l3", "L", "Ann Example : Uniforms?"),
                node("y3", "YA", "Pure Questioning"),
                node("t", "TA", "Default Transition"),
                node("r", "RA"),
            ],
            [
                ("l1", "y1"),
                ("y1", "2"),
                ("l2", "y2"),
                ("y2", "2"),
                ("l3", "y3"),
                ("y3", "1"),
                ("l1", "t"),
                ("t", "l2"),
                ("2", "r"),
                ("r", "1"),
            ],
        ),
        "m.json",
    )
    debate = loaded.debate
    statement = debate.statements["2"]
    assert statement.speakers == ("ann-example",)
    assert statement.conceded_by == ("bob-example",)
    # Ann's words differ from the proposition: a quote. Bob's repeat it: no quote.
    assert [(q.text, q.speaker) for q in statement.quotes] == [
        ("Nobody can tell who is poor.", "ann-example")
    ]
    assert debate.speakers["ann-example"].name == "Ann Example"
    assert any("1 transitions (TA)" in w.message for w in loaded.warnings)


def test_participants_name_the_speakers_of_locutions() -> None:
    loaded = parse_aif(
        aif(
            [
                THESIS,
                node("2", "I", "Cheap."),
                node("l", "L", "Ann : It is cheap, you know."),
                node("y", "YA", "Asserting"),
                node("r", "RA"),
            ],
            [("l", "y"), ("y", "2"), ("2", "r"), ("r", "1")],
            locutions=[{"nodeID": "l", "personID": "ann"}],
            participants=[{"participantID": "ann", "firstname": "Ann", "surname": "Example"}],
        ),
        "m.json",
    )
    debate = loaded.debate
    assert debate.speakers["ann"].name == "Ann Example"
    assert debate.statements["2"].speakers == ("ann",)


def test_the_ova_save_wrapper_is_read() -> None:
    inner = json.loads(
        aif([THESIS, node("2", "I", "Cheap."), node("r", "RA")], [("2", "r"), ("r", "1")])
    )
    loaded = parse_aif(
        json.dumps({"AIF": inner, "OVA": {"nodes": []}, "text": "<p>x</p>"}), "ova.json"
    )
    assert relations(loaded) == {("2", "supports", "1")}
    assert any("OVA analysed" in w.message for w in loaded.warnings)


def test_duplicates_and_isolated_nodes_are_tolerated_and_reported() -> None:
    text = aif(
        [
            THESIS,
            node("2", "I", "Cheap."),
            node("2", "I", "Cheap."),
            node("9", "I", "Alone."),
            node("r", "RA"),
        ],
        [("2", "r"), ("r", "1"), ("2", "r")],
    )
    loaded = parse_aif(text, "m.json")
    messages = [w.message for w in loaded.warnings]
    assert "node `2` appears twice; argmap keeps the first" in messages
    assert "the edge from `2` to `r` appears twice; kept once" in messages
    assert "I node `9` is connected to nothing; kept as a statement" in messages
    duplicate = next(w for w in loaded.warnings if "appears twice; argmap" in w.message)
    assert (
        duplicate.line
        == text.splitlines().index(
            next(line for line in text.splitlines() if '"nodeID": "2"' in line)
        )
        + 1
    )
    assert set(loaded.debate.statements) == {"2", "9"}


def test_without_the_writers_mark_the_first_proposition_bearing_on_nothing_is_the_question() -> (
    None
):
    loaded = parse_aif(
        aif([node("2", "I", "Cheap."), THESIS, node("r", "RA")], [("2", "r"), ("r", "1")]), "m.json"
    )
    assert loaded.debate.question.id == "1"
    assert any("no central question" in w.message for w in loaded.warnings)


# -- real files ----------------------------------------------------------------------------------


def test_aifdb_nodeset_6064_reads_as_counted_by_hand() -> None:
    # Counted in the file: 9 I-nodes; 29054 is the first that is the conclusion of an RA node
    # and the premise of none, so it is the question, leaving 8 statements. 5 RA nodes, each
    # with one I-node premise (the other input is a YA "Arguing" node), so 5 supports and no
    # argument. L-nodes name two speakers, "CL" and "NL".
    loaded = read_aif(DATA / "nodeset6064.json")
    debate = loaded.debate
    assert debate.question.id == "29054"
    assert (len(debate.statements), len(debate.arguments), len(debate.relations)) == (8, 0, 5)
    assert {s.name for s in debate.speakers.values()} == {"CL", "NL"}
    isolated = [w for w in loaded.warnings if "connected to nothing" in w.message]
    assert len(isolated) == 7  # the "M: CL : …" L-nodes no edge touches


def test_qt30_nodeset_with_linked_premises_conflict_and_rephrase() -> None:
    path = SHARED / "KnowComp-DialAM2024_data_train_my_train_nodeset21318.json"
    if not path.exists():
        pytest.skip(f"the shared QT30 corpus is not here ({path}); it may not be copied")
    # Counted in the file: 5 I-nodes, 707850 is the question; RA 707872 has two I premises
    # (an argument), CA 707876 one attacker, MA 707870 one rephrase: 3 relations.
    debate = read_aif(path).debate
    assert debate.question.id == "707850"
    assert (len(debate.statements), len(debate.arguments), len(debate.relations)) == (4, 1, 3)
    assert debate.arguments["707872"].premises == ("707854", "707858")


def test_locutions_written_name_colon_text_give_speakers_and_quotes() -> None:
    # DialAM-2024/QT30 maps and OVA 3 saves write `Name: words`, without a space before the colon.
    loaded = parse_aif(
        aif(
            [
                THESIS,
                node("2", "I", "Cheap."),
                node("l", "L", "Lisa Nandy: It is cheap, you know."),
                node("y", "YA", "Asserting"),
                node("m", "L", "Chris: Lisa Nandy : so you said"),
                node("z", "YA", "Asserting"),
                node("r", "RA"),
            ],
            [("l", "y"), ("y", "2"), ("m", "z"), ("z", "2"), ("2", "r"), ("r", "1")],
        ),
        "m.json",
    )
    debate = loaded.debate
    assert {s.name for s in debate.speakers.values()} == {"Lisa Nandy", "Chris"}
    statement = debate.statements["2"]
    assert len(statement.speakers) == 2
    assert [q.text for q in statement.quotes] == [
        "It is cheap, you know.",
        "Lisa Nandy : so you said",
    ]


def test_only_participants_who_say_something_become_speakers() -> None:
    roster = [
        {"participantID": pid, "firstname": name, "surname": ""}
        for pid, name in (("1", "Ann"), ("2", "Bob"), ("3", "Cy"))
    ]
    loaded = parse_aif(
        aif(
            [
                THESIS,
                node("2", "I", "Cheap."),
                node("l", "L", "Ann: cheap"),
                node("y", "YA", "Asserting"),
                node("r", "RA"),
            ],
            [("l", "y"), ("y", "2"), ("2", "r"), ("r", "1")],
            locutions=[{"nodeID": "l", "personID": "1"}],
            participants=roster,
        ),
        "ova.json",
    )
    assert list(loaded.debate.speakers) == ["1"]
    notes = [w.message for w in loaded.warnings if "say nothing" in w.message]
    assert notes == ["2 participant(s) say nothing in this map and are not made speakers: Bob, Cy"]


@pytest.mark.parametrize(
    ("key", "value"), [("participants", 5), ("locutions", True), ("participants", "x")]
)
def test_a_table_of_the_wrong_type_is_reported_not_a_traceback(key: str, value: Any) -> None:
    loaded = parse_aif(
        aif(
            [THESIS, node("2", "I", "B."), node("r", "RA")],
            [("2", "r"), ("r", "1")],
            **{key: value},
        ),
        "t.json",
    )
    assert len(loaded.debate.relations) == 1
    assert any(f"`{key}` should be a list" in w.message for w in loaded.warnings)


def test_a_node_id_of_5000_digits_reads() -> None:
    big = "9" * 5000
    text = (
        '{"nodes": [{"nodeID": 1, "type": "I", "text": "Q?"}, {"nodeID": ' + big + ', "type": "I", '
        '"text": "B."}, {"nodeID": 3, "type": "RA", "text": "Default Inference"}], '
        '"edges": [{"fromID": ' + big + ', "toID": 3}, {"fromID": 3, "toID": 1}]}'
    )
    debate = parse_aif(text, "big.json").debate
    assert big in debate.statements
    assert debate.relations[f"{big}->1"].kind.value == "supports"


def test_ids_over_200_characters_round_trip_with_every_relation() -> None:
    from argmap.formats.aif import write_aif
    from argmap.io.load import parse_debate

    long_id = "x" * 250
    debate = parse_debate(
        f"title: T\nquestion:\n  id: q\n  text: Q?\n  pros:\n    - id: {long_id}\n      text: A.\n"
        f"      cons:\n        - id: {long_id}-b\n          text: B.\n"
    ).debate
    back = parse_aif(write_aif(debate).text, "long.json").debate
    assert set(back.statements) == set(debate.statements)
    assert len(back.relations) == len(debate.relations) == 2


# -- bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '{"nodes": [{"nodeID": "1", "type": "I", "text": "x"}], "edges": [',
            "1:66 not valid JSON: Expecting value",
        ),
        ("[1, 2]", "1:1 this is not AIF JSON: it should be one object"),
        ('{"edges": []}', "1:1 this is not AIF JSON: there is no `nodes` list"),
        (
            aif([THESIS, node("2", "I", "x"), node("r", "RA")], [("2", "r")]),
            "14:4 RA node `r` has no conclusion",
        ),
    ],
)
def test_bad_input_is_reported_at_its_line(text: str, expected: str) -> None:
    with pytest.raises(DebateLoadError) as caught:
        parse_aif(text, "bad.json")
    first = caught.value.errors[0]
    assert f"{first.line}:{first.column} {first.message}".startswith(expected)


def test_a_truncated_file_says_it_was_cut_short() -> None:
    text = (DATA / "nodeset6064.json").read_text(encoding="utf-8")
    with pytest.raises(DebateLoadError) as caught:
        parse_aif(text[: len(text) // 2], "cut.json")
    assert caught.value.errors[0].hint == (
        "the file ends in the middle of the JSON: was it cut short?"
    )


_KINDS = st.sampled_from(["I", "RA", "CA", "MA", "L", "YA", "TA", "PA", "", 3])
_BIG = "<a 5,000-digit number>"
_IDS = st.sampled_from(["1", "2", "3", "4", 5, "a b", None, _BIG, "x" * 300, True, [1]])
_WRONG = st.sampled_from([5, True, "text", None, {"a": 1}, 1.5])
"""Values of the wrong JSON type where a table belongs (``"participants": 5``)."""
_NODES = st.lists(
    st.fixed_dictionaries(
        {"nodeID": _IDS, "type": _KINDS},
        optional={
            "text": st.one_of(
                st.text(max_size=12),
                st.sampled_from(["Ann : hi", "Asserting", "Default Conflict", "contradiction"]),
            ),
            "scheme": st.text(),
        },
    ),
    max_size=8,
)
_EDGES = st.lists(st.fixed_dictionaries({"fromID": _IDS, "toID": _IDS}), max_size=10)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    st.fixed_dictionaries(
        {"nodes": _NODES, "edges": _EDGES},
        optional={
            "locutions": st.lists(st.fixed_dictionaries({"nodeID": _IDS, "personID": _IDS}))
            | _WRONG,
            "participants": st.lists(
                st.fixed_dictionaries({"participantID": _IDS, "firstname": st.text(max_size=4)})
            )
            | _WRONG,
            "argmap": st.fixed_dictionaries({"question": _IDS, "arguments": st.lists(_IDS)}),
        },
    )
)
def test_any_aif_shaped_json_reads_or_fails_with_a_located_error(data: dict[str, Any]) -> None:
    try:
        # A number too long for Python's int conversion, written as JSON writes it.
        parse_aif(json.dumps(data).replace(f'"{_BIG}"', "9" * 5000), "fuzz.json")
    except DebateLoadError as error:
        assert error.errors


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_any_text_reads_or_fails_with_a_located_error(text: str) -> None:
    try:
        parse_aif(text, "fuzz.json")
    except DebateLoadError as error:
        assert error.errors


def test_a_control_character_in_a_scheme_node_is_refused_at_its_line(tmp_path: Path) -> None:
    """The relation an RA node makes is checked when the debate is finished, and what
    refuses it is still reported at the node's own line, with the character named."""
    path = tmp_path / "purr.json"
    path.write_text(
        '{"nodes": [\n'
        ' {"nodeID": "1", "text": "Cats are good", "type": "I"},\n'
        ' {"nodeID": "2", "text": "They purr", "type": "I"},\n'
        ' {"nodeID": "3", "text": "Argument from \\u0001 purring", "type": "RA"}\n'
        '],\n"edges": [\n'
        ' {"edgeID": "e1", "fromID": "2", "toID": "3"},\n'
        ' {"edgeID": "e2", "fromID": "3", "toID": "1"}\n'
        '],\n"locutions": []}\n',
        encoding="utf-8",
    )
    with pytest.raises(DebateLoadError) as raised:
        read_aif(path)
    (error,) = raised.value.errors
    assert (error.line, error.column) == (4, 41)
    assert "the SOH character (U+0001)" in error.message
