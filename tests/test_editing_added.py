"""Adding a claim checks only what it adds, and refuses exactly what checking everything would.

``editing._added`` (used by every edit that adds a statement and its relation) checks the new
statement and relation alone, so Enter in the capture form costs the same on 10,000 claims
as on ten. These tests hold it to the whole-debate check it stands in for.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.analysis import editing
from argmap.analysis.editing import Claim, EditError
from argmap.io.load import load_debate
from argmap.model.debate import Debate, Quote, Relation, RelationKind, Statement, reference_problems

SEED = Path(__file__).parent.parent / "arguments.yaml"
DEBATES = [SEED, *sorted((Path(__file__).parent / "data" / "yaml").glob("*.yaml"))]


def whole_check(debate: Debate, statement: Statement, relation: Relation) -> str | None:
    """The first problem checking the whole version finds (what ``_replace`` does)."""
    new = debate.model_copy(
        update={
            "statements": {**debate.statements, statement.id: statement},
            "relations": {**debate.relations, relation.id: relation},
        }
    )
    return next(iter(reference_problems(new)), None)


def local_check(debate: Debate, statement: Statement, relation: Relation) -> str | None:
    try:
        editing._added(
            debate,
            statement,
            relation,
            statements={**debate.statements, statement.id: statement},
            relations={**debate.relations, relation.id: relation},
        )
    except EditError as error:
        return error.message
    return None


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"speakers": ("nobody",)}, "'new-claim' names unknown speaker 'nobody'"),
        ({"conceded_by": ("nobody",)}, "'new-claim' names unknown speaker 'nobody'"),
        ({"source": "no-such-paper"}, "'new-claim' names unknown source 'no-such-paper'"),
        (
            {"quotes": (Quote(text="Said so.", speaker="nobody"),)},
            "a quote on 'new-claim' names unknown speaker 'nobody'",
        ),
        ({"promotes": ("no-such-value",)}, "'new-claim' names unknown value 'no-such-value'"),
        ({}, None),
    ],
)
def test_a_bad_new_claim_is_refused_in_the_words_of_the_whole_check(
    changes: dict[str, object], expected: str | None
) -> None:
    debate = load_debate(SEED).debate
    parent = next(iter(debate.statements))
    statement = Statement(id="new-claim", text="A new claim.").model_copy(update=changes)
    relation = Relation(
        id=f"new-claim->{parent}", kind=RelationKind.ATTACKS, source="new-claim", target=parent
    )
    assert whole_check(debate, statement, relation) == expected
    assert local_check(debate, statement, relation) == expected


def test_a_new_claim_cannot_take_the_questions_id() -> None:
    debate = load_debate(SEED).debate
    question = debate.question.id
    statement = Statement(id=question, text="A new claim.")
    parent = next(iter(debate.statements))
    relation = Relation(
        id=f"{question}->{parent}", kind=RelationKind.SUPPORTS, source=question, target=parent
    )
    assert whole_check(debate, statement, relation) is not None
    assert local_check(debate, statement, relation) == whole_check(debate, statement, relation)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.data(),
    title=st.text(st.characters(codec="ascii", categories=("L", "N", "Zs")), min_size=1),
    stance=st.sampled_from(["pro", "con"]),
)
def test_every_claim_the_form_can_add_passes_the_whole_check(
    data: st.DataObject, title: str, stance: editing.Stance
) -> None:
    path = data.draw(st.sampled_from(DEBATES))
    debate = load_debate(path).debate
    parent = data.draw(st.sampled_from(list(debate.node_ids())))
    names = [*debate.speakers, "A New Person"]
    speakers = tuple(data.draw(st.lists(st.sampled_from(names), max_size=2)))
    claim = Claim(title=title if title.strip() else "x", speakers=speakers, quote="Quoted.")
    change = editing.add_claim(debate, parent, stance, claim)
    assert list(reference_problems(change.debate)) == []
