"""A debate's references: the quick set-based answer agrees with the sentences that explain it.

``reference_problems`` first asks ``_all_referenced`` (set operations) and only writes out
sentences when that cannot vouch for the debate. These tests draw debates whose every kind of
reference may dangle or clash and check that the quick answer never hides a problem.
"""

from __future__ import annotations

from typing import Any

from hypothesis import event, given, settings
from hypothesis import strategies as st

from argmap.model.debate import (
    Argument,
    Debate,
    Question,
    Quote,
    Relation,
    RelationKind,
    Source,
    Speaker,
    Statement,
    _all_referenced,
    _problems,
    reference_problems,
)

NODES = st.sampled_from(["q", "a", "b", "c"])
SPEAKERS = st.sampled_from(["lankov", "go", "a"])
SOURCES = st.sampled_from(["nk", "a"])
RELATIONS = st.sampled_from(["a->q", "b->a", "c->a->q", "a"])
IDS = st.one_of(NODES, SPEAKERS, SOURCES, RELATIONS)
"""Each kind of id mostly from its own few names, sometimes another kind's: references that
hold often enough for the quick answer to vouch for many debates, and clash now and then."""
REKEY = st.lists(st.one_of(st.none(), st.none(), st.none(), IDS), max_size=4)
"""Mostly keep each item under its own id; now and then under another."""


def _keyed(items: list[Any], rekey: list[Any]) -> dict[str, Any]:
    """Items by id, or under another key where ``rekey`` says so (a clash to report)."""
    keys = [*rekey, *[None] * len(items)]
    return {(key or item.id): item for item, key in zip(items, keys, strict=False)}


@st.composite
def debates(draw: st.DrawFn) -> Debate:
    """A debate made without validation, so that any reference can be wrong."""
    quote = st.builds(
        lambda speaker, source: Quote.model_construct(text="Q", speaker=speaker, source=source),
        st.none() | SPEAKERS | IDS,
        st.none() | SOURCES | IDS,
    )
    statements = draw(
        st.lists(
            st.builds(
                lambda i, by, conceded, quotes, source: Statement.model_construct(
                    id=i, text="S", speakers=by, conceded_by=conceded, quotes=quotes, source=source
                ),
                NODES | IDS,
                st.tuples(SPEAKERS | IDS) | st.just(()),
                st.tuples(SPEAKERS) | st.just(()),
                st.lists(quote, max_size=2).map(tuple),
                st.none() | SOURCES,
            ),
            max_size=4,
        )
    )
    arguments = draw(
        st.lists(
            st.builds(
                lambda i, by: Argument.model_construct(id=i, title="A", speakers=by),
                NODES | IDS,
                st.tuples(SPEAKERS) | st.just(()),
            ),
            max_size=2,
        )
    )
    relations = draw(
        st.lists(
            st.builds(
                lambda i, kind, source, target: Relation.model_construct(
                    id=i, kind=kind, source=source, target=target
                ),
                RELATIONS | IDS,
                st.sampled_from(RelationKind),
                NODES | IDS,
                NODES | IDS,
            ),
            max_size=4,
        )
    )
    speakers = [Speaker.model_construct(id=i, name="N") for i in draw(st.lists(SPEAKERS))]
    sources = [Source.model_construct(id=i, title="T") for i in draw(st.lists(SOURCES))]
    return Debate.model_construct(
        title="T",
        question=Question.model_construct(id=draw(NODES), text="Q?"),
        statements=_keyed(statements, draw(REKEY)),
        arguments=_keyed(arguments, draw(REKEY)),
        relations=_keyed(relations, draw(REKEY)),
        speakers=_keyed(speakers, draw(REKEY)),
        sources=_keyed(sources, draw(REKEY)),
    )


@settings(max_examples=600, deadline=None)
@given(debates())
def test_the_quick_answer_never_hides_a_problem(debate: Debate) -> None:
    vouched = _all_referenced(debate)
    if vouched:
        assert list(_problems(debate)) == []
    assert list(reference_problems(debate)) == list(_problems(debate))
    event("vouched for" if vouched else "sentences written")


def test_the_quick_answer_vouches_for_a_well_referenced_debate() -> None:
    debate = Debate(
        title="T",
        question=Question(id="q", text="Q?"),
        speakers={"lankov": Speaker(id="lankov", name="Andrei Lankov")},
        statements={
            "a": Statement(id="a", text="A", speakers=("lankov",), quotes=(Quote(text="Q"),))
        },
        relations={"a->q": Relation(id="a->q", kind=RelationKind.SUPPORTS, source="a", target="q")},
    )
    assert _all_referenced(debate)
    broken = {
        "speakers": {},
        "relations": {
            "a": Relation.model_construct(
                id="a", kind=RelationKind.SUPPORTS, source="a", target="q"
            )
        },
        "statements": {
            "a": Statement.model_construct(
                id="a",
                text="A",
                quotes=(Quote.model_construct(text="Q", speaker="go", source=None),),
            )
        },
    }
    expected = {
        "speakers": ["'a' names unknown speaker 'lankov'"],
        "relations": ["relation id 'a' is also a statement id"],
        "statements": ["a quote on 'a' names unknown speaker 'go'"],
    }
    for part, value in broken.items():
        wrong = debate.model_copy(update={part: value})
        assert not _all_referenced(wrong)
        assert list(reference_problems(wrong)) == expected[part]
