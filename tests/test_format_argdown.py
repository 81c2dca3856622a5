"""Reading Argdown: the syntax as Argdown's own tools read it, real files, and bad input."""

from __future__ import annotations

import re
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from argmap.analysis.graph import DebateIndex
from argmap.formats.argdown import _TAG_CHARACTER
from argmap.formats.argdown_read import parse_argdown, read_argdown
from argmap.io.diagnostics import DebateLoadError
from argmap.io.loaded import LoadedDebate
from argmap.model.debate import RelationKind, Side

DATA = Path(__file__).parent / "data" / "argdown"


def read(text: str) -> LoadedDebate:
    return parse_argdown(textwrap.dedent(text), "d.argdown")


def relations(loaded: LoadedDebate) -> set[tuple[str, str, str]]:
    return {(r.source, r.kind.value, r.target) for r in loaded.debate.relations.values()}


def error_of(text: str) -> str:
    """The first error as `line:col message`, the way `argmap check` locates it."""
    with pytest.raises(DebateLoadError) as caught:
        read(text)
    first = caught.value.errors[0]
    return f"{first.line}:{first.column} {first.message}"


# -- statements, arguments and relations -------------------------------------------------------


def test_every_relation_symbol_reads_in_its_direction() -> None:
    loaded = read("""\
        [Q]: The question. {question: true}
          + [A]: A supports Q.
          - [B]: B attacks Q.
          <+ [C]: C supports Q too.
          <- [D]: D attacks Q too.
          +> [E]: Q supports E.
          -> [F]: Q attacks F.
          >< [G]: Q and G contradict each other.
          + <Arg>: An argument for Q.
            <_ [H]: H undercuts the argument.
            _> <Other>
        """)
    assert relations(loaded) == {
        ("a", "supports", "q"),
        ("b", "attacks", "q"),
        ("c", "supports", "q"),
        ("d", "attacks", "q"),
        ("q", "supports", "e"),
        ("q", "attacks", "f"),
        ("q", "contradicts", "g"),
        ("arg", "supports", "q"),
        ("h", "undercuts", "arg"),
        ("arg", "undercuts", "other"),
    }
    debate = loaded.debate
    assert debate.question.text == "The question."
    assert debate.statements["a"].title == "A"
    assert debate.arguments["arg"].gist == "An argument for Q."
    assert debate.arguments["other"].gist is None  # referenced, never described
    assert loaded.warnings == []


def test_a_title_used_twice_is_one_statement() -> None:
    loaded = read("""\
        [Q]: Should we? {question: true}
          + [Cheap]: It is cheap.
          - [Costly]: It costs a lot.
            - [Cheap]
        """)
    assert relations(loaded) == {
        ("cheap", "supports", "q"),
        ("costly", "attacks", "q"),
        ("cheap", "attacks", "costly"),
    }
    assert list(loaded.debate.statements) == ["cheap", "costly"]


def test_a_text_that_differs_for_the_same_title_is_reported() -> None:
    loaded = read("""\
        [Q]: Should we? {question: true}
          + [A]: First wording.

        [A]: Second wording.
        """)
    assert loaded.debate.statements["a"].text == "Second wording."  # Argdown keeps the last
    assert any(
        "First wording" not in w.message and w.line == 2 and "dropped" in w.message
        for w in loaded.warnings
    )


def test_text_continues_over_lines_until_a_relation() -> None:
    loaded = read("""\
        [Q]: A question written
        over two lines. {question: true}
            + <No harm>: The role of legislation is to
            protect society from harm. #pro
        """)
    debate = loaded.debate
    assert debate.question.text == "A question written over two lines."
    assert (
        debate.arguments["no-harm"].gist
        == "The role of legislation is to protect society from harm."
    )
    assert debate.arguments["no-harm"].tags == ("pro",)


def test_tags_at_the_end_are_removed_and_inside_keep_their_word() -> None:
    loaded = read("""\
        [Q]: Question? {question: true}
          + [A]: Uniforms are a #cost for families. #economy #(school policy)
        """)
    statement = loaded.debate.statements["a"]
    assert statement.text == "Uniforms are a cost for families."
    assert statement.tags == ("cost", "economy", "school policy")


def test_a_tag_is_made_of_the_characters_argdown_allows_in_one() -> None:
    """argmap writes Argdown's tag class as the characters it leaves out (it compiles faster):
    the same characters, every code point of them."""
    argdowns = re.compile(r"[A-Za-z0-9_\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]")
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert re.findall(_TAG_CHARACTER, every) == argdowns.findall(every)
    assert len(argdowns.findall(every)) == 56_944


def test_escapes_keep_characters_that_look_like_syntax() -> None:
    loaded = read(r"""
        [Q]: Is \#1 the \{best\} rank? {question: true}
        """)
    assert loaded.debate.question.text == "Is #1 the {best} rank?"


def test_comments_of_every_kind_are_ignored() -> None:
    loaded = read("""\
        // a line comment
        [Q]: Question? {question: true} // after the data
          /* a block comment
             over lines */
          + [A]: A reason, see [the site](https://example.org/a//b). <!-- html comment -->
          <!--
          - [B]: commented out
          -->
        """)
    assert relations(loaded) == {("a", "supports", "q")}
    assert loaded.debate.statements["a"].text == (
        "A reason, see [the site](https://example.org/a//b)."
    )


def test_data_sets_argmap_fields_and_front_matter_declares_people() -> None:
    loaded = read("""\
        ===
        title: School uniforms
        description: A small debate.
        argmap:
          speakers:
            - {id: ann, name: Ann Example, role: teacher}
          sources:
            - {id: paper, title: The uniform report}
        ===

        [Q]: Should schools require uniforms? {question: true, id: uniforms}
          + [Equal]: Uniforms hide income differences. {id: equal, by: ann, basis: statistic,
            source: paper, quotes: [{text: "Nobody can tell.", by: ann}], isInMap: true, page: 12}
        """)
    debate = loaded.debate
    assert debate.title == "School uniforms"
    assert debate.description == "A small debate."
    assert debate.question.id == "uniforms"
    assert debate.speakers["ann"].role == "teacher"
    equal = debate.statements["equal"]
    assert equal.speakers == ("ann",)
    assert equal.basis is not None and equal.basis.value == "statistic"
    assert equal.source == "paper"
    assert equal.quotes[0].speaker == "ann"
    assert equal.notes == "page: 12"  # a key argmap has no field for is kept
    assert [w.message for w in loaded.warnings if "isInMap" in w.message]


def test_a_data_value_argmap_cannot_use_is_kept_in_the_notes_with_a_warning() -> None:
    loaded = read("""\
        [Q]: Question? {question: true}
          + <Arg>: Reason. {source: "C1a", side: maybe}
        """)
    argument = loaded.debate.arguments["arg"]
    assert argument.notes == "source: C1a\nside: maybe"
    assert {w.line for w in loaded.warnings} == {2}


def test_headings_group_what_follows() -> None:
    loaded = read("""\
        # Economics

        [Q]: Question? {question: true}
          + [Cost]: It is cheap.

        ## Details {isGroup: false}

        [Price]: 200 euros.
          + [Cost]

        # Fairness

        [Equal]: Nobody can tell who is poor.
          + [Q]
        """)
    debate = loaded.debate
    statements = debate.statements
    assert statements["cost"].group == "economics"
    assert statements["price"].group == "economics"  # a non-group heading groups nothing
    assert statements["equal"].group == "fairness"
    assert {g.id: g.title for g in debate.groups.values()} == {
        "economics": "Economics",
        "fairness": "Fairness",
    }
    assert statements["cost"].tags == ()  # headings no longer become tags


def test_untitled_paragraphs_that_relate_to_nothing_are_the_description() -> None:
    loaded = read("""\
        This debate is about uniforms.

        [Q]: Question? {question: true}
          + An untitled reason.

        * A list item that is prose too.
        """)
    debate = loaded.debate
    assert (
        debate.description == "This debate is about uniforms.\n\n- A list item that is prose too."
    )
    assert [s.text for s in debate.statements.values()] == ["An untitled reason."]


# -- reconstructions ---------------------------------------------------------------------------


def test_a_reconstruction_gives_its_argument_premises_and_a_conclusion() -> None:
    loaded = read("""\
        [Q]: Should uniforms be required? {question: true}

        <Cost burden>: Uniforms burden poor families.

        (1) [Price]: A uniform set costs 200 euros.
        (2) Many families have tight budgets.
        -- Argument from negative consequences --
        (3) [Q]
        """)
    debate = loaded.debate
    argument = debate.arguments["cost-burden"]
    assert argument.premises == ("price", "many-families-have-tight-budgets")
    assert argument.scheme == "negative-consequences"  # the inference rule names it
    assert relations(loaded) == {("cost-burden", "supports", "q")}


def test_each_inference_step_is_an_argument() -> None:
    loaded = read("""\
        <Chain>: A two-step argument.

        (1) P one.
        (2) P two.
        ----
        (3) [Middle]: An intermediate conclusion.
        (4) P four.
        -- Modus ponens {uses: [3, 4]} --
        (5) [End]: The conclusion. {question: true}
        """)
    debate = loaded.debate
    assert debate.arguments["chain-1"].title == "Chain (step 1)"
    assert debate.arguments["chain-1"].premises == ("p-one", "p-two")
    assert debate.arguments["chain"].premises == ("middle", "p-four")
    assert debate.arguments["chain"].notes == "Inference: Modus ponens"
    assert relations(loaded) == {("chain-1", "supports", "middle"), ("chain", "supports", "end")}


def test_relations_under_premises_conclusions_and_inferences() -> None:
    loaded = read("""\
        <A>

        (1) [P]: A premise.
          - [X]: An objection to the premise.
        --
        Some rule
        --
          <_ [U]: An undercut of the inference.
        (2) [C]: The conclusion.
          -> [Q]: The question. {question: true}
        """)
    # An undercut under the inference line undercuts the step it draws: the relation a->c.
    assert relations(loaded) == {
        ("x", "attacks", "p"),
        ("u", "undercuts", "a->c"),
        ("a", "supports", "c"),
        ("c", "attacks", "q"),
    }


def test_without_a_marked_question_two_trees_stand_side_by_side() -> None:
    # The largest tree used to be promoted, turning the other position neutral.
    loaded = read("""\
        [Small]: A small tree.
          + [S1]: Its only reason.

        [Big]: The main thesis.
          + [B1]: One reason.
          + [B2]: Another reason.
            - [B3]: An objection.
        """)
    debate = loaded.debate
    assert debate.question.id == "question"
    assert {"big", "small"} <= set(debate.statements)
    warning = next(w for w in loaded.warnings if "question" in w.message)
    assert "2 statements head their own trees (`Small`, `Big`)" in warning.message
    assert warning.hint and "{question: true}" in warning.hint


def test_without_a_marked_question_the_one_head_of_every_tree_is_the_question() -> None:
    loaded = read("""\
        [Thesis]: The main thesis.
          + [B1]: One reason.
            - [Evidence]: A piece of evidence that also bears on another claim.
          - [B2]: An objection.
            + [Evidence]
        """)
    assert loaded.debate.question.id == "thesis"  # not the evidence, which bears on claims
    warning = next(w for w in loaded.warnings if "question" in w.message)
    assert (warning.line, warning.column) == (1, 1)
    assert DebateIndex(loaded.debate).sides["b2"] is Side.CON


# -- real files ----------------------------------------------------------------------------------


def test_legalisation_of_soft_drugs_reads_as_counted_by_hand() -> None:
    # Counted in the file: one central statement [Legalisation of Soft Drugs] (the question),
    # 17 distinct <Titles> (No harm, Law must protect, Soft drugs are harmful, Lifestyle,
    # Moral leadership, Alcohol analogy, Tobacco more dangerous, Major differences, Poor
    # reason, Listen to society, Minimize, Addiction, Soft drugs are addictive, Addiction no
    # reason, Slippery slope, Coffee houses, Tax revenue), no other statement, and 19
    # relation lines: 17 `+`/`-`/`<_` lines each adding a new argument, `+ <Soft drugs are
    # harmful>` a second time under <Minimize>, and `-> <No harm, no ban>`.
    loaded = read_argdown(DATA / "legalisation-softdrugs.argdown")
    debate = loaded.debate
    assert debate.question.text == "Soft drugs should be legal."
    assert (len(debate.statements), len(debate.arguments), len(debate.relations)) == (0, 17, 19)
    kinds = [r.kind for r in debate.relations.values()]
    assert kinds.count(RelationKind.UNDERCUTS) == 2
    assert ("poor-reason", "undercuts", "alcohol-and-tobacco-analogy") in relations(loaded)


def test_state_censorship_reads_as_counted_by_hand() -> None:
    # Counted in the file: 7 <Arguments>, 3 of them with two inference steps, so 10 argmap
    # arguments. Statements: [Absolute Freedom of Speech] plus every numbered statement that
    # is not a reference: 3 + 4 + 2 + 5 + 5 + 2 + 5 = 26, so 27 ([Censorship] is the
    # question). Relations: one `supports` per inference step (10) and the four `->` lines.
    loaded = read_argdown(DATA / "state-censorship.argdown")
    debate = loaded.debate
    assert debate.question.title == "Censorship"
    assert (len(debate.statements), len(debate.arguments), len(debate.relations)) == (27, 10, 14)
    assert debate.arguments["argument-from-freedom-of-speech"].notes == (
        "source: C1a\nInference: Specification, Modus ponens"
    )


def test_the_parser_fixture_with_every_nesting_reads() -> None:
    loaded = read_argdown(DATA / "parser-mix.argdown")
    debate = loaded.debate
    texts = {
        (debate.text_of(r.source), r.kind.value, debate.text_of(r.target))
        for r in debate.relations.values()
    }
    # `+>` points away from its parent; `-> G`, dedented between two levels, belongs to the
    # outer list, as in Argdown's lexer: A attacks G.
    assert ("E", "supports", "F") in texts
    assert ("A", "attacks", "G") in texts
    assert ("C", "attacks", "A") in texts
    assert ("D", "supports", "C") in texts


# -- bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[A]: text\n+ [B]: not indented\n", "2:1 this relation is not indented"),
        ("[A]: a\n\n  + [B]: under nothing\n", "3:3 this relation is not indented"),
        ("[A]: text\n\n----\n", "3:1 an inference line `--` outside"),
        ("[A]: text /* never closed\n", "1:11 the comment opened with `/*` is never closed"),
        ("===\ntitle: x\n", "1:1 the front matter opened here"),
        (
            "===\ntitle: [x\n===\n[A]: a\n",
            "2:8 front matter: YAML syntax: the list opened here with `[` is never closed",
        ),
        ("[A]: text {id: x: y}\n", "1:17 data: YAML syntax"),
        ("[A]: text {a: 1, a: 2}\n", "1:18 data: key `a` appears twice"),
        ("<A>\n\n(1) P\n(2) Q\n", "4:1 the reconstruction of <A> does not end with a conclusion"),
        ("<A>\n\n(1) P\n----\n(2) C\n\n<A>\n\n(1) R\n----\n(2) S\n", "9:1 a second reconstruction"),
        ("[A]: a {id: x}\n\n[B]: b {id: x}\n", "3:8 id `x` is used twice"),
        ("[A]: a\n  + [B]: b\n\n{id: x}\n", "4:1 `{…}` data with no statement"),
    ],
)
def test_bad_input_is_reported_at_its_line(text: str, expected: str) -> None:
    assert error_of(text).startswith(expected)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("[]<>(){}:+-_#/*!=\n \t.,'\"\\@12abAB")) | st.characters(),
        max_size=200,
    )
)
def test_any_text_reads_or_fails_with_a_located_error(text: str) -> None:
    try:
        parse_argdown(text, "fuzz.argdown")
    except DebateLoadError as error:
        assert error.errors, "a DebateLoadError always names at least one error"
        assert all(d.file == "fuzz.argdown" for d in error.diagnostics)


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "[A]: a",
                "<B>: b",
                "  + [C]: c",
                "  - <D>",
                "    <_ [E]",
                "(1) P",
                "(2) [A]",
                "----",
                "-- rule --",
                "--",
                "# Heading",
                "===",
                "title: x",
                "{id: y}",
                "  >< [F]",
                "",
                "* item",
                "/* c",
                "*/",
                "<!-- x -->",
                "// y",
                "_> <G>",
                "+> [H]",
                "{a: [1, 2]}",
                "  (3) C",
            ]
        ),
        max_size=25,
    )
)
def test_any_arrangement_of_argdown_lines_reads_or_fails_with_a_located_error(
    lines: list[str],
) -> None:
    try:
        parse_argdown("\n".join(lines), "fuzz.argdown")
    except DebateLoadError as error:
        assert error.errors


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="{}[],: abAyes-.#'\"\t\n1&\u0085", max_size=40).map(lambda t: "{" + t))
@example("{yes: a}")  # a key YAML reads as True
@example("{by: s9, quotes: [{text: Quoted words., by: s9}]}")
@example("{a: b, a: c}")
def test_plain_data_read_without_yaml_is_what_yaml_reads(raw: str) -> None:
    import yaml

    from argmap.formats.argdown_read import _plain_flow

    plans: dict[tuple[str | None, ...], object] = {}
    fast = _plain_flow(raw, plans)
    assert _plain_flow(raw, plans) == fast  # read again, from the plan its shape left
    if fast is not None:
        assert fast == yaml.safe_load(raw)


def test_plain_data_of_one_shape_is_read_with_each_blocks_own_words() -> None:
    from argmap.formats.argdown_read import _plain_flow

    plans: dict[tuple[str | None, ...], object] = {}
    first = _plain_flow("{by: s1, quotes: [{text: One quote., by: s1}]}", plans)
    second = _plain_flow("{by: s2, quotes: [{text: Another quote., by: s2}]}", plans)
    assert len(plans) == 1
    assert first == {"by": "s1", "quotes": [{"text": "One quote.", "by": "s1"}]}
    assert second == {"by": "s2", "quotes": [{"text": "Another quote.", "by": "s2"}]}
    assert second["quotes"] is not first["quotes"]  # each block gets its own data
    assert _plain_flow("{by: s3, quotes: [{text: yes, by: s3}]}", plans) is None  # YAML's True


def _outcome(text: str) -> object:
    """All that reading ``text`` gives: the debate, its warnings and places, or the errors."""
    try:
        loaded = parse_argdown(text, "one.argdown")
    except DebateLoadError as error:
        return [(d.line, d.column, d.message) for d in error.diagnostics]
    warnings = [(d.line, d.column, d.message) for d in loaded.warnings]
    return loaded.debate.model_dump(), warnings, loaded.source_map.paths


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "[A]: a",
                "[A]:a",
                "[ A ]: a text  ",
                "[A]: {by: s1}",
                "[A]:",
                "[]: a",
                "[ ]: a",
                "[A] b]: c",
                "[A]: a {by: s1}",
                "[A]: a {by: s1} b",
                "[A]: a {by: s1} {id: x}",
                "[A]: a #tag",
                "[A]: a \\# b",
                "[A]: a { b",
                "[A]: a } b",
                "[A]: a [b] <c> @d",
                "[A]:\ta\t",
                "[A]: \u00a0a",
                "<B>: b",
                "<B>: b {by: s1, quotes: [{text: Quoted., by: s1}]}",
                "<B b>: gist",
                "  + [C]: c",
                "  +\t[C]: c {id: c-1}",
                "  - [C]: c // a comment",
                "  - <D>: d /* a */ e",
                "  -\u00a0[E]: e",
                "    <_ [E]",
                "    + [F]: f",
                "    continued text",
                "  > [G]: g",
                "# Heading",
                "",
            ]
        ),
        max_size=12,
    )
)
def test_one_line_definitions_read_as_the_general_reader_reads_them(lines: list[str]) -> None:
    """The reader takes a plain one-line definition in one match (`_plain_definition`); the
    file must read exactly as it does without that shortcut: debate, warnings, places, errors."""
    from unittest import mock

    from argmap.formats.argdown_read import _Reader

    text = "===\nargmap:\n  speakers:\n  - {id: s1, name: One}\n===\n\n" + "\n".join(lines)
    quick = _outcome(text)
    with mock.patch.object(_Reader, "_plain_definition", return_value=None):
        assert _outcome(text) == quick


def test_what_the_reader_leaves_over_is_kept_only_where_a_command_asks() -> None:
    """`check` ends the process once it has the debate, so it keeps the reader's occurrences
    and draft for the process's end rather than have them freed one by one; anyone else reading
    a file frees them as before."""
    from argmap.formats.argdown_build import Parsed
    from argmap.io.loaded import leftovers_kept

    kept: list[object] = []
    with leftovers_kept(kept.append):
        loaded = parse_argdown("[A]: a\n  + [B]: b\n", "kept.argdown")
    assert set(loaded.debate.statements) == {"b"}  # [A] heads the tree: the question
    assert [type(leftover) for leftover in kept] == [Parsed]
    assert isinstance(kept[0], Parsed) and set(kept[0].occurrences) == {"s:A", "s:B"}
    parse_argdown("[C]: c\n", "freed.argdown")
    assert len(kept) == 1
