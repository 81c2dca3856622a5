"""Each speaker's side, derived from the sides of the claims they assert."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.analysis.graph import DebateIndex
from argmap.analysis.speakers import HIDDEN, NameHider, SpeakerProfile, speaker_profiles
from argmap.io.load import parse_debate
from argmap.model.debate import Side, Speaker

DEBATE = textwrap.dedent("""\
    title: T
    speakers:
      - {id: pro-mostly, name: P}
      - {id: con-mostly, name: C}
      - {id: split, name: S}
      - {id: silent, name: Q}
    question:
      id: q
      text: Q?
      pros:
        - {id: a, text: A, by: [pro-mostly, split]}
        - {id: b, text: B, by: pro-mostly}
        - id: c
          text: C
          by: con-mostly
          conceded_by: [con-mostly]
      cons:
        - id: d
          text: D
          by: [con-mostly, split]
          conceded_by: [pro-mostly]
          cons:
            - {id: e, text: E, by: pro-mostly}
        - {id: f, text: F, by: con-mostly}
    """)


def profiles() -> dict[str, SpeakerProfile]:
    return {p.speaker.id: p for p in speaker_profiles(DebateIndex(parse_debate(DEBATE).debate))}


def test_a_speaker_takes_the_side_most_of_their_claims_are_on() -> None:
    by_id = profiles()
    assert by_id["pro-mostly"].side is Side.PRO  # a, b, e (an attack on a con) are pro
    assert by_id["pro-mostly"].sides == {Side.PRO: 3, Side.CON: 0, Side.NEUTRAL: 0}
    assert by_id["con-mostly"].side is Side.CON  # c pro; d, f con


def test_concessions_do_not_count_towards_the_side() -> None:
    by_id = profiles()
    assert by_id["pro-mostly"].concessions == ("d",)
    assert by_id["pro-mostly"].side is Side.PRO


def test_a_tie_or_no_claims_is_neutral() -> None:
    by_id = profiles()
    assert by_id["split"].side is Side.NEUTRAL  # one pro (a), one con (d)
    assert by_id["silent"].side is Side.NEUTRAL
    assert by_id["silent"].claims == ()


def test_profiles_keep_the_file_order_of_speakers_and_claims() -> None:
    found = speaker_profiles(DebateIndex(parse_debate(DEBATE).debate))
    assert [p.speaker.id for p in found] == ["pro-mostly", "con-mostly", "split", "silent"]
    assert found[0].claims == ("a", "b", "e")


def test_involved_lists_claims_then_concessions_once() -> None:
    by_id = profiles()
    assert by_id["pro-mostly"].involved == ("a", "b", "e", "d")
    assert by_id["con-mostly"].involved == ("c", "d", "f")  # c is claimed and conceded


def _speaker(name: str, id: str = "s") -> Speaker:
    return Speaker(id=id, name=name)


@pytest.mark.parametrize(
    ("names", "text", "hidden"),
    [
        (
            ["Go Myong Hyun", "Choi Yoon Cheol"],
            "Go and Choi concede this point.",
            "(hidden) and (hidden) concede this point.",
        ),
        (
            ["Kim Byung Yeon"],
            "Does Kim Byung Yeon's point show it?",
            "Does (hidden)'s point show it?",
        ),
        (
            ["Andrei Lankov"],
            "Lankov\u2019s points, as ANDREI LANKOV put it",
            "(hidden)\u2019s points, as (hidden) put it",
        ),
        (["US State Department"], "The US State Department said", "The (hidden) said"),
    ],
)
def test_names_in_free_text_are_hidden(names: list[str], text: str, hidden: str) -> None:
    hider = NameHider(_speaker(n, f"s{i}") for i, n in enumerate(names))
    assert hider.hide(text) == hidden


@pytest.mark.parametrize(
    "text",
    [
        "This money isn't just being spent on toys for Kim Jong Un.",  # another Kim
        "Pyongyang relies on labour; the state decides.",  # Yang inside a word; state lower case
        "US sanctions bite.",  # a word of an organisation's name is not the organisation
    ],
)
def test_other_names_and_words_are_left_alone(text: str) -> None:
    hider = NameHider(
        _speaker(n, f"s{i}")
        for i, n in enumerate(["Kim Byung Yeon", "Yang Moo Jin", "US State Department"])
    )
    assert hider.hide(text) == text


@given(
    first=st.sampled_from(["Amara", "Bjorn", "Chen", "Dmitri", "Esi", "Farah"]),
    last=st.sampled_from(["Okafor", "Lindqvist", "Wei", "Petrov", "Mensah", "Haddad"]),
    template=st.sampled_from(
        [
            "{last} concedes this point.",
            "Does {first} {last}'s argument hold?",
            "Why does {last} disagree with the others?",
            "{first} {last} and others say so; is {last} right?",
        ]
    ),
)
def test_a_generated_speaker_is_never_named_in_a_hidden_question(
    first: str, last: str, template: str
) -> None:
    hidden = NameHider([_speaker(f"{first} {last}")]).hide(template.format(first=first, last=last))
    assert last not in hidden and HIDDEN in hidden
