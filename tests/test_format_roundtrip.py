"""Round trips: argmap → each format → argmap keeps what the format can hold, and says the rest.

Argdown (with its ``{…}`` data) holds a whole debate, so it must come back equal. AIF and Kialo
hold less: for them the tests compare what the format holds (AIF: propositions, inferences,
conflicts, speakers; Kialo: the tree of claim texts), and check that everything else the
debate lost is named in the writer's list of what it dropped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from argmap.formats.aif import parse_aif, write_aif
from argmap.formats.argdown_read import parse_argdown
from argmap.formats.argdown_write import write_argdown
from argmap.formats.kialo import parse_kialo, write_kialo
from argmap.formats.registry import read_debate, render_debate
from argmap.formats.written import _ONE, KINDS, Written
from argmap.io.load import parse_debate
from argmap.model.debate import Debate, RelationKind
from tests.strategies import debates

SEED = Path(__file__).resolve().parents[1] / "arguments.yaml"
EXAMPLES = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.fixture(scope="module")
def seed() -> Debate:
    return read_debate(SEED).debate


# -- Argdown holds everything ----------------------------------------------------------------------


@EXAMPLES
@given(debates())
def test_argdown_gives_back_an_equal_debate(debate: Debate) -> None:
    written = write_argdown(debate)
    assert parse_argdown(written.text, "d.argdown").debate == debate
    assert written.dropped == []


def test_the_seed_debate_round_trips_through_argdown(seed: Debate) -> None:
    written = write_argdown(seed)
    back = parse_argdown(written.text, "seed.argdown")
    assert back.debate == seed
    assert back.warnings == []


def test_the_seed_debate_round_trips_through_yaml(seed: Debate) -> None:
    assert parse_debate(render_debate(seed, "yaml").text).debate == seed


# -- AIF -------------------------------------------------------------------------------------------


def aif_view(debate: Debate) -> dict[str, object]:
    """What AIF holds: propositions, who asserts, concedes or is quoted, plain relations, and
    linked arguments that bear on one proposition."""
    sketched = {
        a.id: (a.gist or "").strip() or a.title for a in debate.arguments.values() if not a.premises
    }
    claims = {debate.question.id, *debate.statements, *sketched}
    pairs = Counter((r.source, r.target) for r in debate.relations.values())
    single = {r.source for r in debate.relations.values()}
    uses = Counter(r.source for r in debate.relations.values())
    relations = {
        (r.source, r.kind.value, r.target, r.note if r.note == "rephrases" else None)
        for r in debate.relations.values()
        if r.kind is not RelationKind.UNDERCUTS
        and pairs[r.source, r.target] == 1
        and r.target in claims
        and (r.source in claims or (r.source in single and uses[r.source] == 1))
    }
    return {
        "question": (debate.question.id, debate.question.text),
        "statements": {
            **{
                s.id: (
                    s.text,
                    s.speakers,
                    s.conceded_by,
                    tuple((q.text, q.speaker) for q in s.quotes if q.speaker),
                )
                for s in debate.statements.values()
            },
            **{a: (text, (), (), ()) for a, text in sketched.items()},
        },
        "speakers": {s.id: s.name for s in debate.speakers.values()},
        "relations": relations,
        "arguments": {
            a.id: tuple(dict.fromkeys(a.premises))
            for a in debate.arguments.values()
            if a.premises
            and uses[a.id] == 1
            and any((a.id, k, t, n) in relations for (_, k, t, n) in relations)
        },
    }


def back_view(debate: Debate) -> dict[str, object]:
    view = aif_view(debate)
    view["arguments"] = {a.id: a.premises for a in debate.arguments.values()}
    return view


def assert_aif_keeps(debate: Debate) -> Written:
    written = write_aif(debate)
    back = parse_aif(written.text, "d.json").debate
    expected, got = aif_view(debate), back_view(back)
    assert got["question"] == expected["question"]
    assert got["speakers"] == expected["speakers"]
    assert got["statements"] == expected["statements"]
    assert expected["relations"] <= got["relations"]  # type: ignore[operator]
    for argument, premises in expected["arguments"].items():  # type: ignore[attr-defined]
        assert got["arguments"][argument] == premises  # type: ignore[index]
    assert_losses_reported(debate, back, written, _AIF_ALIASES)
    return written


@EXAMPLES
@given(debates())
def test_aif_keeps_what_it_can_hold_and_names_the_rest(debate: Debate) -> None:
    assert_aif_keeps(debate)


def test_the_seed_debate_round_trips_through_aif(seed: Debate) -> None:
    written = assert_aif_keeps(seed)
    assert "55 tags not written: AIF has no place for them" in written.dropped


# -- Kialo -----------------------------------------------------------------------------------------


def norm(text: str) -> str:
    """A text as a Kialo export line holds it: line ends unified, trailing spaces gone."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


def kialo_view(debate: Debate, *, unique: bool = False) -> set[tuple[str, str, str]]:
    """The tree below the question as (claim, Pro|Con, parent claim) texts.

    With ``unique``, only relations whose pair of nodes no other relation repeats: of two,
    one is read back (and the writer says so).
    """

    def text(node: str) -> str:
        if node == debate.question.id:
            return norm(debate.question.text)
        if node in debate.statements:
            return norm(debate.statements[node].text)
        argument = debate.arguments[node]
        return norm(f"{argument.title}: {argument.gist}" if argument.gist else argument.title)

    children: dict[str, list[tuple[str, str]]] = {}
    nesting = [
        r
        for r in debate.relations.values()
        if r.kind in (RelationKind.SUPPORTS, RelationKind.ATTACKS)
    ]
    pairs = Counter((r.source, r.target) for r in nesting)
    for relation in nesting:
        if not unique or pairs[relation.source, relation.target] == 1:
            side = "Pro" if relation.kind is RelationKind.SUPPORTS else "Con"
            children.setdefault(relation.target, []).append((relation.source, side))
    for argument in debate.arguments.values():
        direct = {r.source for r in nesting if r.target == argument.id}
        children.setdefault(argument.id, []).extend(
            (p, "Pro") for p in argument.premises if p not in direct
        )
    seen, stack, edges = {debate.question.id}, [debate.question.id], set()
    while stack:
        node = stack.pop()
        for child, side in children.get(node, ()):
            edges.add((text(child), side, text(node)))
            if child not in seen:
                seen.add(child)
                stack.append(child)
    return edges


@pytest.mark.parametrize("classic", [False, True], ids=["current", "classic"])
@EXAMPLES
@given(debate=debates())
def test_kialo_keeps_the_tree_and_names_the_rest(debate: Debate, classic: bool) -> None:
    written = write_kialo(debate, classic=classic)
    back = parse_kialo(written.text, "d.txt").debate
    assert norm(back.question.text) == norm(debate.question.text)
    assert back.title == " ".join(debate.title.split())
    assert kialo_view(debate, unique=True) <= kialo_view(back) <= kialo_view(debate)
    assert_losses_reported(debate, back, written, _KIALO_ALIASES)


@pytest.mark.parametrize("classic", [False, True], ids=["current", "classic"])
def test_the_seed_debate_round_trips_through_kialo(seed: Debate, classic: bool) -> None:
    written = write_kialo(seed, classic=classic)
    back = parse_kialo(written.text, "seed.txt").debate
    assert kialo_view(back) == kialo_view(seed)
    assert "29 speaker attributions not written: Kialo has no place for them" in written.dropped


# -- nothing is lost silently ----------------------------------------------------------------------

_AIF_ALIASES = {
    "concessions": "concession",
    "quotes": "quotes without a speaker",
    "quote sources": "quote source",
    "schemes": "scheme",
}
_KIALO_ALIASES = {
    "argument titles": "become claims",
    "argument gists": "become claims",
    "quotes without a speaker": "quote",
    "quote sources": "quote",
    "custom relation ids": "ids are not written",
    "speaker roles and affiliations": "speaker",
}


def assert_losses_reported(
    debate: Debate, back: Debate, written: Written, aliases: dict[str, str]
) -> None:
    """Every kind of information the round trip lost is named among the writer's warnings."""
    counter: Callable[[Debate], int]
    for kind, counter in KINDS.items():
        if counter(back) < counter(debate):
            names = (kind, _ONE.get(kind, kind), aliases.get(kind, kind))
            assert any(name in sentence for name in names for sentence in written.dropped), (
                f"{kind} lost without a word: {written.dropped}"
            )


# -- what used to come back short --------------------------------------------------------------


def _deep_kialo(levels: int) -> Debate:
    lines, number = ["Discussion Title: Deep", "", "1. Thesis."], "1"
    for level in range(levels):
        number += ".1"
        lines.append(f"{number}. {'Pro' if level % 2 else 'Con'}: claim {level}")
    return parse_kialo("\n".join(lines), "deep.txt").debate


def _long_ids() -> Debate:
    long_id = "y" * 250
    return parse_debate(
        f"title: T\nquestion:\n  id: q\n  text: Q?\n  pros:\n    - id: {long_id}\n"
        f"      text: A.\n      cons:\n        - id: {long_id}-b\n          text: B.\n"
    ).debate


_PARSERS: dict[str, Callable[[str], Debate]] = {
    "yaml": lambda text: parse_debate(text).debate,
    "argdown": lambda text: parse_argdown(text, "d.argdown").debate,
    "aif": lambda text: parse_aif(text, "d.json").debate,
    "kialo": lambda text: parse_kialo(text, "d.txt").debate,
}


@pytest.mark.parametrize("fmt", list(_PARSERS))
@pytest.mark.parametrize("make", [lambda: _deep_kialo(150), _long_ids], ids=["deep", "long-ids"])
def test_every_writer_reads_back_with_the_same_counts(fmt: str, make: Callable[[], Debate]) -> None:
    # A Kialo debate 150 levels deep has claim numbers (ids) over 200 characters long.
    debate = make()
    written = render_debate(debate, fmt)
    back = _PARSERS[fmt](written.text)
    assert (len(back.statements), len(back.relations)) == (
        len(debate.statements),
        len(debate.relations),
    )
