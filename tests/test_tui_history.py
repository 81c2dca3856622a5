"""Back and forward through jumps, and stepping through highlighted claims."""

from __future__ import annotations

from argmap.tui.highlight import Highlight, in_display_order
from argmap.tui.history import History


def test_back_returns_to_where_each_jump_started() -> None:
    history = History()
    history.visit("a", "b")
    history.visit("c", "d")  # the cursor wandered from b to c before the second jump
    assert history.back("d") == "c"
    assert history.back("c") == "a"
    assert history.back("a") is None


def test_forward_undoes_back_and_a_new_jump_clears_it() -> None:
    history = History()
    history.visit("a", "b")
    assert history.back("b") == "a"
    assert history.forward("a") == "b"
    assert history.back("b") == "a"
    history.visit("a", "x")
    assert history.forward("x") is None
    assert history.back_stack == ("a",)


def test_places_that_no_longer_exist_are_skipped() -> None:
    history = History()
    history.visit("gone", "b")
    history.visit("b", "c")
    assert history.back("c", exists=lambda node: node != "b") == "gone"


def test_a_jump_to_the_same_place_or_from_nowhere_is_not_recorded() -> None:
    history = History()
    history.visit(None, "a")
    history.visit("a", "a")
    assert history.back_stack == ()


POSITION = {node: i for i, node in enumerate("qabcdef")}


def test_next_and_previous_wrap_around_the_highlighted_claims() -> None:
    highlight = Highlight("search", "x", ("b", "d", "f"))
    assert highlight.step("b", 1, POSITION) == "d"
    assert highlight.step("f", 1, POSITION) == "b"
    assert highlight.step("b", -1, POSITION) == "f"
    assert highlight.number("d") == 2


def test_from_an_unhighlighted_claim_the_next_one_below_is_chosen() -> None:
    highlight = Highlight("speaker", "Ann", ("b", "d", "f"))
    assert highlight.step("c", 1, POSITION) == "d"
    assert highlight.step("c", -1, POSITION) == "b"
    assert highlight.step("q", -1, POSITION) == "f"
    assert highlight.number("c") is None


def test_claims_are_put_in_display_order_once() -> None:
    assert in_display_order(("f", "b", "f", "d"), POSITION) == ("b", "d", "f")
