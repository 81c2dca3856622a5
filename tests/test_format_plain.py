"""Models the readers make without validation: the same model, or the same error, as pydantic.

``argmap.formats.plain.made`` skips pydantic only when its own tests say validation could not
change or refuse a value. These tests draw awkward values (spaces at the ends, Unicode spaces,
control characters, empty strings, lists for tuples, numbers out of range) and check that
whatever ``made`` returns is what validation returns, field by field, and that it raises the
same errors where validation raises.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from argmap.analysis.graph import DebateIndex, _strongly_connected
from argmap.formats.draft import Draft
from argmap.formats.plain import PARTS, deferred, made, made_all, made_debate
from argmap.model.debate import (
    Argument,
    Debate,
    Group,
    Question,
    Quote,
    Relation,
    RelationKind,
    Side,
    Speaker,
    Statement,
)

AWKWARD = st.one_of(
    st.sampled_from(
        ["a", "a b", " a", "a ", "", " ", "\u00a0a", "a\u2028b", "a\x1bb", "a\nb", "a\tb", "é"]
    ),
    st.text(min_size=0, max_size=6),
)
"""Strings that pass, that stripping changes, that an id or a text refuses."""
WORDS = st.one_of(st.tuples(AWKWARD), st.tuples(AWKWARD, AWKWARD), st.just(()), st.lists(AWKWARD))
VALUES: dict[str, st.SearchStrategy[Any]] = {
    "id": AWKWARD,
    "text": AWKWARD,
    "title": st.one_of(st.none(), AWKWARD),
    "speakers": WORDS,
    "conceded_by": WORDS,
    "tags": WORDS,
    "notes": st.one_of(st.none(), AWKWARD),
    "note": st.one_of(st.none(), AWKWARD),
    "side": st.one_of(st.none(), st.sampled_from(Side), st.just("pro")),
    "weight": st.one_of(st.none(), st.floats(-1, 2), st.just(1)),
    "at_issue": st.one_of(st.booleans(), st.just(1)),
    "premises": WORDS,
    "gist": st.one_of(st.none(), AWKWARD),
    "kind": st.one_of(st.sampled_from(RelationKind), st.just("supports")),
    "source": AWKWARD,
    "target": AWKWARD,
    "speaker": st.one_of(st.none(), AWKWARD),
    "name": AWKWARD,
    "role": st.one_of(st.none(), AWKWARD),
}
FIELDS: dict[type[BaseModel], tuple[str, ...]] = {
    Statement: ("id", "text", "title", "speakers", "conceded_by", "tags", "notes", "side"),
    Argument: ("id", "title", "gist", "premises", "speakers", "weight", "at_issue"),
    Relation: ("id", "kind", "source", "target", "note"),
    Quote: ("text", "speaker"),
    Question: ("id", "text", "title"),
    Speaker: ("id", "name", "role"),
}


@st.composite
def model_and_values(draw: st.DrawFn) -> tuple[type[BaseModel], dict[str, Any]]:
    model = draw(st.sampled_from(sorted(FIELDS, key=lambda m: m.__name__)))
    names = draw(st.lists(st.sampled_from(FIELDS[model]), unique=True))
    return model, {name: draw(VALUES.get(name, AWKWARD)) for name in names}


def _outcome(build: Any) -> tuple[str, Any]:
    try:
        result = build()
    except ValidationError as error:
        return "error", error.errors(include_url=False)
    return "made", (type(result), result.__dict__)


@settings(max_examples=400, deadline=None)
@given(model_and_values())
def test_made_gives_what_validation_gives(case: tuple[type[BaseModel], dict[str, Any]]) -> None:
    model, values = case
    assert _outcome(lambda: made(model, **values)) == _outcome(lambda: model(**values))


@st.composite
def model_and_columns(draw: st.DrawFn) -> tuple[type[BaseModel], list[dict[str, Any]]]:
    """Several models of one kind, each setting its own fields: mostly plain values, so
    that one awkward value among many plain ones is drawn often."""
    model = draw(st.sampled_from(sorted(FIELDS, key=lambda m: m.__name__)))
    items = []
    for _ in range(draw(st.integers(1, 5))):
        names = draw(st.lists(st.sampled_from(FIELDS[model]), unique=True))
        plain = {"id": "a", "text": "A", "name": "N", "title": "T", "kind": RelationKind.SUPPORTS}
        items.append(
            {
                name: draw(st.one_of(st.just(plain.get(name, "a")), VALUES.get(name, AWKWARD)))
                for name in names
            }
        )
    return model, items


@settings(max_examples=400, deadline=None)
@given(model_and_columns())
def test_made_all_gives_what_validating_each_gives(
    case: tuple[type[BaseModel], list[dict[str, Any]]],
) -> None:
    model, items = case

    def each() -> list[BaseModel]:
        return [model(**values) for values in items]

    def outcomes(build: Any) -> tuple[str, Any]:
        try:
            result = build()
        except ValidationError as error:
            return "error", error.errors(include_url=False)
        return "made", [(type(item), item.__dict__) for item in result]

    assert outcomes(lambda: made_all(model, items)) == outcomes(each)


def _draft_with(quote: Quote, note: str | None = None) -> Draft:
    draft = Draft("test.argdown")
    draft.question = made(Question, id="q", text="Q?")
    draft.statements["a"] = {"text": "A", "quotes": (quote,)}
    draft.relate(RelationKind.SUPPORTS, "a", "q", (2, 1), note=note)
    return draft


def test_what_a_reader_defers_is_validated_when_the_debate_is_finished() -> None:
    debate = _draft_with(deferred(Quote, text="  padded  ")).finish().debate
    assert debate.statements["a"].quotes[0].text == "padded"
    assert _draft_with(made(Quote, text="kept")).finish().debate.relations["a->q"].note is None
    # Refused as when each relation was made on its own: the reader's `guarded` places it.
    with pytest.raises(ValidationError, match="ESC character"):
        _draft_with(made(Quote, text="kept"), note="look \x1b[2J here").finish()


def test_made_refuses_a_control_character_as_validation_does() -> None:
    with pytest.raises(ValidationError, match="ESC character"):
        made(Statement, id="a", text="look \x1b[2J here")
    with pytest.raises(ValidationError, match="ESC character"):
        made(Relation, id="a->b", kind=RelationKind.SUPPORTS, source="a", target="b", note="\x1b")


def test_made_strips_a_padded_text_as_validation_does() -> None:
    assert made(Statement, id="a", text="  padded  ").text == "padded"


def test_made_debate_reports_a_dangling_reference_as_validation_does() -> None:
    question = made(Question, id="q", text="Q?")
    relation = made(Relation, id="a->q", kind=RelationKind.SUPPORTS, source="a", target="q")
    with pytest.raises(ValidationError, match="starts at unknown node 'a'"):
        made_debate(title="T", question=question, relations={relation.id: relation})
    statement = made(Statement, id="a", text="A")
    debate = made_debate(
        title="T", question=question, statements={"a": statement}, relations={"a->q": relation}
    )
    assert debate == Debate(
        title="T", question=question, statements={"a": statement}, relations={"a->q": relation}
    )


def test_made_debate_takes_every_part_of_a_debate_without_validating_it_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A part ``made_debate`` does not know (a new field of ``Debate``) sends every file back
    through pydantic, each statement validated a second time: the whole speed-up lost."""
    question = made(Question, id="q", text="Q?")
    statement = made(Statement, id="a", text="A", group="g")
    relation = made(Relation, id="a->q", kind=RelationKind.SUPPORTS, source="a", target="q")
    parts = {
        "statements": {"a": statement},
        "relations": {"a->q": relation},
        "groups": {"g": Group(id="g", title="Sanctions")},
    }
    assert set(Debate.model_fields) == {
        "title",
        "question",
        "description",
        "order",
        *(name for name, _ in PARTS),
    }
    expected = Debate(title="T", question=question, **parts)

    def validating(*args: object, **kwargs: object) -> None:
        raise AssertionError("the debate was validated again")

    monkeypatch.setattr(Debate, "__init__", validating)
    assert made_debate(title="T", question=question, **parts) == expected


def test_made_debate_strips_a_padded_title_as_validation_does() -> None:
    question = made(Question, id="q", text="Q?")
    assert made_debate(title="  T  ", question=question).title == "T"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7)), max_size=16))
def test_support_cycles_are_the_cycles_tarjan_finds(edges: list[tuple[int, int]]) -> None:
    """The quick acyclicity test in front of Tarjan's walk never hides a cycle, and never
    changes the cycles reported (or their order) when there is one."""
    question = Question(id="q", text="Q?")
    statements = {f"s{n}": Statement(id=f"s{n}", text=f"S{n}") for n in range(8)}
    relations = {
        f"s{a}->s{b}": Relation(
            id=f"s{a}->s{b}", kind=RelationKind.SUPPORTS, source=f"s{a}", target=f"s{b}"
        )
        for a, b in edges
        if a != b
    }
    debate = Debate(title="T", question=question, statements=statements, relations=relations)
    graph: dict[str, list[str]] = {}
    for relation in relations.values():
        graph.setdefault(relation.source, []).append(relation.target)
    expected = [c for c in _strongly_connected(graph) if len(c) > 1]
    assert DebateIndex(debate).support_cycles() == expected


def test_models_made_without_validation_share_their_fields_names_and_take_less_memory() -> None:
    """A thousand statements made as a reader makes them read as validated ones do, in field
    order, each in a smaller dict: the field names are held once for the class."""
    import sys

    from argmap.formats.plain import made_keyed

    fields = {f"c{n}": {"text": f"Claim {n}.", "speakers": ("s1",)} for n in range(1000)}
    quick = made_keyed(Statement, fields)
    validated = {key: Statement(id=key, **values) for key, values in fields.items()}
    assert quick == validated
    assert [list(s.__dict__) for s in quick.values()] == [
        list(s.__dict__) for s in validated.values()
    ]
    size = sum(sys.getsizeof(s.__dict__) for s in quick.values())
    assert size < 0.7 * sum(sys.getsizeof(s.__dict__) for s in validated.values())
