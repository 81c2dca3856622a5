"""The shared strategies draw only what the model accepts, so a failure is the code's, not theirs.

A text strategy that draws control characters (``\\x1f``) makes format round trips fail now and
then with the model's refusal instead of testing the writer: these checks fail first.
"""

from __future__ import annotations

from hypothesis import given

from argmap.model.text import first_control
from tests.strategies import HOSTILE_TEXTS, free_texts, ids


@given(free_texts())
def test_drawn_texts_hold_no_character_the_model_refuses(text: str) -> None:
    assert first_control(text) is None, repr(text)


@given(ids())
def test_drawn_ids_hold_no_character_the_model_refuses(node_id: str) -> None:
    assert first_control(node_id) is None, repr(node_id)


def test_the_hostile_texts_are_valid_text() -> None:
    assert [text for text in HOSTILE_TEXTS if first_control(text) is not None] == []
