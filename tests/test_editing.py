"""Edits as model operations: each one checked with the rules and the words of `argmap check`."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.analysis import editing
from argmap.analysis.editing import Claim, EditError, History
from argmap.io.diagnostics import DebateLoadError
from argmap.io.load import parse_debate
from argmap.model.debate import Debate, RelationKind
from tests.conftest import SMALL_DEBATE

SEED = Path(__file__).parent.parent / "arguments.yaml"


def small():  # type: ignore[no-untyped-def]
    return parse_debate(SMALL_DEBATE).debate


def test_ids_come_from_titles_and_are_numbered_when_taken() -> None:
    debate = small()
    first = editing.add_claim(debate, "equal", "con", Claim("Ünïforms: cost ££ a lot!"))
    assert first.added == ("uniforms-cost-a-lot",)
    second = editing.add_claim(first.debate, "equal", "con", Claim("Uniforms cost a lot"))
    assert second.added == ("uniforms-cost-a-lot-2",)
    assert editing.slug("¿¡!") == "claim"


def test_a_new_name_declares_the_speaker_and_an_existing_name_is_that_speaker() -> None:
    change = editing.add_claim(
        small(), "q", "pro", Claim("Pupils like them", speakers=("Ann Example", "Zoë New"))
    )
    statement = change.debate.statements["pupils-like-them"]
    assert statement.speakers == ("ann", "zoe-new")
    assert change.debate.speakers["zoe-new"].name == "Zoë New"


def test_a_link_that_closes_a_support_cycle_is_made_with_checks_warning() -> None:
    from argmap.analysis.checks import graph_findings
    from argmap.analysis.graph import DebateIndex

    change = editing.link(small(), "cost", "cost-arg", RelationKind.SUPPORTS)
    assert change.warnings == (
        "circular reasoning: cost → cost-arg → cost support each other in a cycle",
    )
    # `argmap check` reports the same cycle in the same words (its walk may start elsewhere).
    found = [f.message for f in graph_findings(DebateIndex(change.debate))]
    cycles = [m for m in found if m.startswith("circular reasoning: ")]
    assert len(cycles) == 1
    assert cycles[0].endswith(" support each other in a cycle")
    assert set(cycles[0].split(": ")[1].split(" support")[0].split(" → ")) == {"cost", "cost-arg"}


@pytest.mark.parametrize(
    ("source", "target", "kind", "message"),
    [
        ("equal", "equal", RelationKind.ATTACKS, "`equal` attacks itself"),
        ("brands", "equal", RelationKind.SUPPORTS, "`brands` both attacks and supports `equal`"),
        ("brands", "equal", RelationKind.ATTACKS, "`brands` attacks `equal` twice"),
        ("brands", "nowhere", RelationKind.ATTACKS, "unknown id `nowhere`"),
    ],
)
def test_refused_links_say_what_check_says(
    source: str, target: str, kind: RelationKind, message: str
) -> None:
    with pytest.raises(EditError) as refused:
        editing.link(small(), source, target, kind)
    assert refused.value.message == message


def test_check_gives_the_same_words_for_a_claim_that_supports_and_attacks() -> None:
    written = SMALL_DEBATE.replace(
        "          by: bob\n  cons:",
        "          by: bob\n          supports: [equal]\n  cons:",
        1,
    )
    with pytest.raises(DebateLoadError) as error:
        parse_debate(written)
    assert "`brands` both attacks and supports `equal`" in {
        d.message for d in error.value.diagnostics
    }


def test_an_unknown_quote_source_is_refused_with_did_you_mean() -> None:
    with pytest.raises(EditError) as refused:
        editing.add_claim(small(), "q", "pro", Claim("Quoted", quote="Words.", quote_source="papr"))
    assert refused.value.message == "unknown source `papr`"
    assert refused.value.hint == "did you mean `paper`?"


def test_delete_takes_what_hangs_only_under_the_claim_and_keeps_what_is_linked_elsewhere() -> None:
    debate = editing.link(small(), "price", "q", RelationKind.SUPPORTS).debate
    plan = editing.plan_deletion(debate, "cost")
    assert set(plan.removed) == {"cost", "cost-arg", "budgets"}
    assert "price" not in plan.removed  # it also supports the question
    after = editing.delete(debate, "cost").debate
    assert "price" in after.statements and "budgets" not in after.statements
    assert "Delete “Uniforms cost families money.”" in plan.sentence(debate)


def test_move_hangs_a_claim_under_another_and_refuses_its_own_replies() -> None:
    debate = small()
    moved = editing.move(debate, "brands", "cost", "pro").debate
    assert "brands->equal" not in moved.relations
    assert moved.relations["brands->cost"].kind is RelationKind.SUPPORTS
    with pytest.raises(EditError):
        editing.move(debate, "equal", "brands", "con")


def test_undercut_attacks_the_link_not_the_claim() -> None:
    change = editing.add_undercut(small(), "brands->equal", Claim("Shoes are not status"))
    relation = change.debate.relations["shoes-are-not-status->brands->equal"]
    assert relation.kind is RelationKind.UNDERCUTS and relation.target == "brands->equal"


def test_history_undoes_and_redoes_and_knows_what_is_saved() -> None:
    debate = small()
    history = History(debate)
    change = editing.add_claim(debate, "q", "con", Claim("Too strict"))
    history.apply(change)
    assert history.dirty and history.added_claims() == ("too-strict",)
    assert history.undo() is change and history.debate == debate and not history.dirty
    assert history.redo() is change and history.debate == change.debate
    history.mark_saved()
    assert not history.dirty
    history.undo()
    assert history.dirty


def test_new_claims_join_the_teaching_order_after_the_claim_they_answer() -> None:
    debate = parse_debate(SMALL_DEBATE + "order: [q, equal, cost]\n").debate
    change = editing.add_claim(debate, "equal", "con", Claim("Not for long"))
    assert change.debate.order == ("q", "equal", "not-for-long", "cost")


def _seed() -> Debate:
    return parse_debate(SEED.read_text(encoding="utf-8"), str(SEED)).debate


def test_an_arguments_title_gist_and_premises_are_edited_and_undone() -> None:
    debate = _seed()
    before = debate.arguments["arg-costs-too-great"]
    change = editing.edit_argument(
        debate,
        "arg-costs-too-great",
        editing.ArgumentEdit(
            "  Weapons come first ", "The money matters more.", ("earns-300m", "money-significant")
        ),
    )
    after = change.debate.arguments["arg-costs-too-great"]
    assert (after.title, after.gist) == ("Weapons come first", "The money matters more.")
    assert after.premises == ("earns-300m", "money-significant")
    assert after.scheme == before.scheme and after.speakers == before.speakers
    # The premises taken out stay in the debate (the seed defines them inside the argument).
    assert {"funds-wmd", "costs-outweigh"} <= change.debate.statements.keys()
    history = History(debate)
    history.apply(change)
    assert history.undo() is not None and history.debate.arguments["arg-costs-too-great"] == before
    assert history.redo() is not None and history.debate == change.debate


@pytest.mark.parametrize(
    ("title", "premises", "message", "hint"),
    [
        ("", ("earns-300m",), "`argument` is empty", "write the argument, or remove the line"),
        ("T", ("earns-300x",), "unknown statement `earns-300x`", "did you mean `earns-300m`?"),
        ("T", ("clamp-down",), "unknown statement `clamp-down`", None),
        ("T", ("arg-seoul-example",), "unknown statement `arg-seoul-example`", None),
    ],
)
def test_refused_argument_edits_say_what_check_says(
    title: str, premises: tuple[str, ...], message: str, hint: str | None
) -> None:
    with pytest.raises(EditError) as refused:
        editing.edit_argument(
            _seed(), "arg-costs-too-great", editing.ArgumentEdit(title, "", premises)
        )
    assert refused.value.message == message
    if hint is not None:
        assert refused.value.hint == hint


def test_check_refuses_an_unknown_premise_in_a_file_with_the_same_words() -> None:
    written = SEED.read_text(encoding="utf-8").replace("- ref: earns-300m", "- ref: earns-300x", 1)
    with pytest.raises(DebateLoadError) as error:
        parse_debate(written)
    assert [(d.message, d.hint) for d in error.value.diagnostics] == [
        ("unknown statement `earns-300x`", "did you mean `earns-300m`?")
    ]


def test_an_argument_given_its_own_conclusion_as_a_premise_is_warned_about() -> None:
    debate = _seed()
    link = editing.link(debate, "arg-seoul-example", "kaesong-closed", RelationKind.SUPPORTS)
    change = editing.edit_argument(
        link.debate, "arg-seoul-example", editing.ArgumentEdit("Seoul", "", ("kaesong-closed",))
    )
    assert change.warnings == (
        "circular reasoning: argument `arg-seoul-example` has `kaesong-closed` as a premise "
        "and supports it as its conclusion",
    )


def test_a_premise_taken_out_that_nothing_else_connects_is_warned_about() -> None:
    change = editing.edit_argument(
        _seed(), "arg-costs-too-great", editing.ArgumentEdit("T", "", ("earns-300m",))
    )
    assert "`funds-wmd` is not connected to the question" in change.warnings
