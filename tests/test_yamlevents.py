"""Reading YAML from its event stream: the same data and locations, aliases counted not copied."""

from __future__ import annotations

import pytest

from argmap.io.diagnostics import DebateLoadError
from argmap.io.load import parse_debate
from argmap.io.yamlsource import parse_yaml

NESTED = """\
title: T
question:
  id: q
  text: Q?
  pros:
    - id: a
      text: A.
      quotes:
        - text: Said.
    - {id: b, text: B.}
"""


def error_of(text: str) -> str:
    with pytest.raises(DebateLoadError) as raised:
        parse_yaml(text, "f.yaml")
    return str(raised.value.diagnostics[0])


def test_paths_locate_values_and_keys_where_they_were_written() -> None:
    document = parse_yaml(NESTED, "f.yaml")
    assert document.locate(("question", "pros", 0, "quotes", 0, "text")) == (9, 17)
    assert document.locate(("question", "pros", 1, "text")) == (10, 21)
    assert document.locate(("question", "pros", 1, "text"), key=True) == (10, 15)
    # Parts that are not keys or indexes (pydantic's union tags, a missing key) are skipped.
    assert document.locate(("question", "pros", "<statement>", 1, "nope")) == (10, 7)
    assert document.locate(("question", "pros", 7)) == (6, 5)


def test_locations_survive_dropping_the_data() -> None:
    document = parse_yaml(NESTED, "f.yaml").without_data()
    assert document.data is None
    assert document.locate(("question", "pros", 1, "id")) == (10, 12)


def test_an_alias_is_shared_and_located_where_it_is_used() -> None:
    document = parse_yaml("speakers: &people [a, b]\nothers: *people\nthird: [x, *people]\n", "f")
    assert document.data == {
        "speakers": ["a", "b"],
        "others": ["a", "b"],
        "third": ["x", ["a", "b"]],
    }
    assert document.data["others"] is document.data["speakers"]
    assert document.locate(("others",)) == (2, 9)
    assert document.locate(("others", 1)) == (1, 23)
    assert document.locate(("third", 1, 0)) == (1, 20)


def test_scalars_keep_their_yaml_types_and_tags() -> None:
    data = parse_yaml(
        "a: 1\nb: '1'\nc: 2016-09-11\nd: yes\ne: ~\nf: !!str 2\ng: Yes please\n", "f"
    ).data
    assert data == {
        "a": 1,
        "b": "1",
        "c": __import__("datetime").date(2016, 9, 11),
        "d": True,
        "e": None,
        "f": "2",
        "g": "Yes please",
    }


def test_a_text_bomb_made_of_one_long_string_is_refused_at_the_alias() -> None:
    text = "a: &big '" + "x" * 1_000_000 + "'\nb: [" + ", ".join(["*big"] * 999) + "]\n"
    assert error_of(text).startswith("f.yaml:2:")
    assert "YAML aliases expand this file far beyond its size" in error_of(text)


def test_an_alias_inside_what_it_repeats_is_refused() -> None:
    assert "alias repeats the list or mapping it is inside" in error_of("a: &loop [1, *loop]\n")


def test_anchors_and_aliases_follow_yaml_rules() -> None:
    assert "found duplicate anchor" in error_of("a: &x 1\nb: &x 2\n")
    assert error_of("a: *nowhere\n").startswith("f.yaml:1:4: error: YAML syntax: found undefined")
    assert "appears twice in this mapping (first on line 1)" in error_of("a: 1\nb: 2\na: 3\n")
    assert "expected a single document" in error_of("--- a\n--- b\n")


def test_a_syntax_error_after_deep_nesting_is_still_the_one_reported() -> None:
    # The parser gets to finish first: its message is the more precise one.
    assert "YAML syntax" in error_of("a: " + "[" * 300 + "]" * 299 + "\n")
    assert "nested more than 200 levels deep" in error_of("a: " + "[" * 300 + "]" * 300 + "\n")


def test_a_loaded_debate_still_locates_its_ids() -> None:
    loaded = parse_debate(NESTED, "f.yaml")
    assert loaded.source_map.locate("b") == (10, 7)
    assert loaded.source_map.locate("a", part="quotes") == (9, 9)
    assert loaded.source_map.document.locate(("question",)) == (3, 3)
