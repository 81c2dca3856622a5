"""Extending the index and tree for one new claim gives what a rebuild gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis.editing import Claim, add_claim
from argmap.io.load import load_debate
from argmap.tui.view import DebateView, edited_view

FILES = [
    Path(__file__).parent.parent / "arguments.yaml",
    Path(__file__).parent / "data" / "yaml" / "school-uniforms.yaml",
]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_a_grown_view_equals_a_rebuilt_one(path: Path, data: st.DataObject) -> None:
    debate = load_debate(path).debate
    base = DebateView(path, debate)
    if data.draw(st.booleans()):
        _ = base.sides  # grown from computed sides, or left lazy
    for _ in range(data.draw(st.integers(1, 3))):
        parent = data.draw(st.sampled_from(list(base.debate.node_ids())))
        stance = data.draw(st.sampled_from(["pro", "con"]))
        change = add_claim(base.debate, parent, stance, Claim("New claim"))
        grown = edited_view(base, change.debate)
        fresh = DebateView(path, change.debate)
        assert grown.index.premise_of is base.index.premise_of  # extended, not rebuilt
        assert list(grown.shape.preorder()) == list(fresh.shape.preorder())
        for node in fresh.shape.preorder():
            assert grown.shape.children(node) == fresh.shape.children(node)
            assert grown.shape.parent(node) == fresh.shape.parent(node)
            assert grown.shape.descendants(node) == fresh.shape.descendants(node)
        assert dict(grown.sides) == dict(fresh.sides)
        assert grown.index.reachable == fresh.index.reachable
        base = grown
