"""Search over text, quotes, speakers and tags."""

from __future__ import annotations

import textwrap

import pytest

from argmap.analysis.search import Field, SearchIndex
from argmap.io.load import parse_debate

DEBATE = textwrap.dedent("""\
    title: T
    speakers:
      - {id: lankov, name: Andrei Lankov}
      - {id: yang, name: Yang Moo Jin}
    question:
      id: q
      title: Clamp down?
      text: Should the world clamp down on labour exports?
      pros:
        - id: money
          title: The money matters
          text: The regime earns 300 million dollars a year from its workers.
          by: yang
          tags: [economy]
          quotes:
            - text: This is a considerable amount for North Korea.
              by: yang
      cons:
        - id: markets
          text: Returning workers start small businesses and feed the markets.
          by: lankov
          tags: [engagement, economy]
        - argument: Exposure is worth it
          id: exposure
          gist: Workers see the outside world.
          by: yang
          tags: [engagement]
    """)


@pytest.fixture
def index() -> SearchIndex:
    return SearchIndex(parse_debate(DEBATE).debate)


def ids(index: SearchIndex, query: str) -> list[str]:
    return [match.node_id for match in index.search(query)]


def test_text_is_found_case_insensitively(index: SearchIndex) -> None:
    assert ids(index, "MARKETS") == ["markets"]


def test_every_word_must_match_but_not_in_the_same_field(index: SearchIndex) -> None:
    assert ids(index, "lankov markets") == ["markets"]
    assert ids(index, "lankov money") == []


def test_quotes_speakers_and_tags_are_searched(index: SearchIndex) -> None:
    assert ids(index, "considerable") == ["money"]
    assert ids(index, "yang") == ["money", "exposure"]
    assert ids(index, "economy") == ["money", "markets"]


def test_a_hash_word_matches_tags_only(index: SearchIndex) -> None:
    assert ids(index, "#engagement") == ["markets", "exposure"]
    assert ids(index, "#workers") == []  # in texts, but no claim has that tag
    assert ids(index, "workers") == ["money", "markets", "exposure"]


def test_the_question_and_argument_titles_are_searched(index: SearchIndex) -> None:
    assert ids(index, "clamp") == ["q"]
    assert ids(index, "outside world") == ["exposure"]


def test_a_match_says_where_the_words_were_found(index: SearchIndex) -> None:
    (match,) = index.search("yang considerable")
    assert match.fields == (Field.QUOTE, Field.SPEAKER)
    (tagged,) = index.search("#engagement lankov")
    assert tagged.fields == (Field.SPEAKER, Field.TAG)


def test_the_snippet_shows_the_words_in_context(index: SearchIndex) -> None:
    (match,) = index.search("considerable")
    assert "considerable amount" in match.snippet
    # Found only in speakers or tags: the snippet is the claim's own text.
    (by_speaker,) = index.search("lankov")
    assert by_speaker.snippet.startswith("Returning workers start small businesses")


def test_long_text_is_cut_around_the_match() -> None:
    long_text = (
        " ".join(f"word{i}" for i in range(60))
        + " needle "
        + " ".join(f"tail{i}" for i in range(60))
    )
    debate = parse_debate(f"title: T\nquestion: {{id: q, text: '{long_text}'}}\n").debate
    (match,) = SearchIndex(debate).search("needle")
    assert "needle" in match.snippet
    assert match.snippet.startswith("…") and match.snippet.endswith("…")
    assert len(match.snippet) < 90


def test_results_follow_the_order_given(index: SearchIndex) -> None:
    found = index.search("economy", order=["markets", "q", "money"])
    assert [m.node_id for m in found] == ["markets", "money"]


def test_a_blank_query_finds_nothing(index: SearchIndex) -> None:
    assert index.search("   ") == []


def test_search_reads_prose_without_its_inline_markdown_marks() -> None:
    from argmap.analysis.search import SearchIndex
    from argmap.io.load import parse_debate

    debate = parse_debate(
        "argmap: 1\ntitle: T\nquestion:\n  id: q\n  text: Q?\n  pros:\n"
        "    - id: a\n      text: Exports **earn hard** currency.\n"
        "      quotes: [{text: 'We *must* act.'}]\n"
    ).debate
    (match,) = SearchIndex(debate).search("earn hard currency")
    assert match.node_id == "a" and "**" not in (match.snippet or "")
    assert [m.node_id for m in SearchIndex(debate).search("*must*")] == ["a"]  # quotes verbatim
