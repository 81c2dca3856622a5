"""Hypothesis strategies for valid debates, for the round-trip tests of every format.

``debates()`` draws a :class:`Debate` that uses every part of the model: statements with
speakers, concessions, quotes, basis, tags, notes, questions and a source; reconstructed and
sketched arguments with schemes from the catalogue; all four relation kinds, including undercuts
of relations and of arguments; cross-links, cycles, claims nested nowhere, custom relation ids,
notes on relations, a teaching ``order``, and nested groups holding claims. Ids and texts are
drawn to be awkward: YAML keywords, indicators, Unicode, line breaks.

What it leaves out is what argmap's YAML reader cannot hold either: a relation from a node to
itself, a pair of nodes contradicting each other in both directions, ids containing ``->``
(the separator of default relation ids, which would make them ambiguous), and relations whose
default id ``from->to`` would be longer than an id may be.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TypeVar

from hypothesis import strategies as st

from argmap.io.schemes import scheme_catalogue
from argmap.model.debate import (
    Argument,
    Basis,
    Debate,
    Group,
    Question,
    Quote,
    Relation,
    RelationKind,
    Side,
    Source,
    Speaker,
    Statement,
)

HOSTILE_TEXTS = (
    "yes",
    "No",
    "null",
    "~",
    "true",
    "1e3",
    "0o17",
    "0x1F",
    "1_000",
    ".inf",
    "2016-09-11",
    "12:30:00",
    "- a list item?",
    "-",
    "* not an alias",
    "*alias",
    "&anchor",
    "!tag value",
    "!!python/object:os.system",
    "# not a comment",
    "a # b",
    "key: value",
    "ends with a colon:",
    "? complex key",
    "[flow, list]",
    "{flow: map}",
    "'single' and \"double\" quotes",
    '"fully quoted"',
    "back\\slash \\n not a newline",
    "%YAML 1.2",
    "@at `tick`",
    "| literal",
    "> folded",
    "---",
    "...",
    "line one\nline two",
    "trailing newline\n",
    "two trailing newlines\n\n",
    "\n leading break and space",
    "indented\n  second line\n\tand a tab",
    "carriage\r\nreturn",
    "line\u2028separator and paragraph\u2029separator",
    "zero\u200bwidth and BOM \ufeff inside",
    "Pyongyang 평양, 北朝鮮, Ελλάδα, עברית, русский 🙂",
    "spaces  inside   and   at the end   ",
    "a very long sentence " * 12,
    "averyverylongwordwithoutanyspacesatall" * 4,
)
"""Strings that a careless YAML writer turns into something else, or into invalid YAML."""

MAX_ID = 200
"""The longest id the model accepts (``argmap.model.debate.Id``)."""

_ID_ALPHABET = st.characters(categories=("L", "N", "P", "S"))

HOSTILE_IDS = tuple(
    text for text in HOSTILE_TEXTS if text.isprintable() and " " not in text and "->" not in text
)


T = TypeVar("T")


def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.one_of(st.none(), strategy)


def _one_in(n: int) -> st.SearchStrategy[bool]:
    return st.integers(1, n).map(lambda drawn: drawn == 1)


# Strategies are built once: hypothesis validates every new strategy object it draws from, which
# made building them inside each draw the slowest part of the round-trip tests.
_SLUGS = st.lists(st.sampled_from(("go", "wmd", "cost", "x", "2016", "é")), min_size=1, max_size=3)
_IDS = st.one_of(
    st.sampled_from(HOSTILE_IDS),
    _SLUGS.map("-".join),
    st.text(_ID_ALPHABET, min_size=1, max_size=8),
).filter(lambda text: "->" not in text)
# Control characters are refused by the model (argmap.model.text); tests/test_hostile_input.py
# checks that every reader refuses them.
_TEXT_ALPHABET = st.characters(
    exclude_categories=("Cc", "Cs"),
    exclude_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
) | st.sampled_from("\n\t")
_FREE_TEXTS = st.one_of(st.sampled_from(HOSTILE_TEXTS), st.text(_TEXT_ALPHABET, max_size=30))
_TEXTS = _FREE_TEXTS.filter(str.strip)
_MAYBE_TEXT = _optional(_FREE_TEXTS)
_TAGS = st.lists(_FREE_TEXTS, max_size=3).map(tuple)
_QUESTIONS = st.lists(_FREE_TEXTS, max_size=2).map(tuple)
_BASIS = _optional(st.sampled_from(Basis))
_SIDE = _optional(st.sampled_from(Side))
_SCHEME = _optional(st.sampled_from(sorted(scheme_catalogue())))
_DATE = _optional(st.dates(min_value=dt.date(1, 1, 1)))
_URL = _optional(st.just("https://example.org/a?b=c#d"))


def ids() -> st.SearchStrategy[str]:
    """Valid ids: slugs as authors write them, and any run of letters, digits and symbols."""
    return _IDS


def free_texts() -> st.SearchStrategy[str]:
    """Any string, as optional fields (notes, tags, roles) take it: empty, blank, multi-line."""
    return _FREE_TEXTS


def texts() -> st.SearchStrategy[str]:
    """Required text (a claim, a title): anything that is not blank."""
    return _TEXTS


@st.composite
def speakers(draw: st.DrawFn, speaker_id: str) -> Speaker:
    return Speaker(
        id=speaker_id,
        name=draw(_TEXTS),
        role=draw(_MAYBE_TEXT),
        affiliation=draw(_MAYBE_TEXT),
        description=draw(_MAYBE_TEXT),
    )


@st.composite
def sources(draw: st.DrawFn, source_id: str) -> Source:
    return Source(
        id=source_id,
        title=draw(_TEXTS),
        publisher=draw(_MAYBE_TEXT),
        author=draw(_MAYBE_TEXT),
        date=draw(_DATE),
        url=draw(_URL),
    )


@dataclass(frozen=True)
class Cast:
    """What a debate's nodes may refer to, as strategies built once per debate."""

    people: st.SearchStrategy[tuple[str, ...]]
    source: st.SearchStrategy[str | None]
    quotes: st.SearchStrategy[tuple[Quote, ...]]
    premises: st.SearchStrategy[tuple[str, ...]]

    @classmethod
    def of(cls, speaker_ids: list[str], source_ids: list[str], statement_ids: list[str]) -> Cast:
        people: st.SearchStrategy[tuple[str, ...]] = st.just(())
        if speaker_ids:
            people = st.lists(st.sampled_from(speaker_ids), max_size=3, unique=True).map(tuple)
        speaker = st.sampled_from([None, *speaker_ids])
        source = st.sampled_from([None, *source_ids])
        quote = st.builds(Quote, text=_TEXTS, speaker=speaker, source=source)
        premises: st.SearchStrategy[tuple[str, ...]] = st.just(())
        if statement_ids:  # repeated premises too: the reader accepts them
            premises = st.lists(st.sampled_from(statement_ids), max_size=3).map(tuple)
        return cls(people, source, st.lists(quote, max_size=2).map(tuple), premises)


@st.composite
def statements(draw: st.DrawFn, statement_id: str, cast: Cast) -> Statement:
    return Statement(
        id=statement_id,
        text=draw(_TEXTS),
        title=draw(_MAYBE_TEXT),
        speakers=draw(cast.people),
        conceded_by=draw(cast.people),
        quotes=draw(cast.quotes),
        basis=draw(_BASIS),
        source=draw(cast.source),
        tags=draw(_TAGS),
        notes=draw(_MAYBE_TEXT),
        questions=draw(_QUESTIONS),
        side=draw(_SIDE),
    )


@st.composite
def arguments(draw: st.DrawFn, argument_id: str, cast: Cast) -> Argument:
    """A reconstructed argument (premises) or a sketched one (none)."""
    return Argument(
        id=argument_id,
        title=draw(_TEXTS),
        gist=draw(_MAYBE_TEXT),
        premises=draw(cast.premises),
        scheme=draw(_SCHEME),
        speakers=draw(cast.people),
        conceded_by=draw(cast.people),
        tags=draw(_TAGS),
        notes=draw(_MAYBE_TEXT),
        questions=draw(_QUESTIONS),
        side=draw(_SIDE),
    )


@st.composite
def debates(draw: st.DrawFn, *, max_statements: int = 10, max_arguments: int = 4) -> Debate:
    """A valid debate: a mostly tree-shaped graph under the question, plus arbitrary extra links.

    Each node first gets, most of the time, a support or attack on an earlier node, so that
    nesting is exercised; then extra relations of every kind between any nodes add cross-links,
    cycles and undercuts. The relations are shuffled, since their order decides where a writer
    nests a node.
    """
    n_statements = draw(st.integers(0, max_statements))
    n_arguments = draw(st.integers(0, max_arguments))
    n_custom = draw(st.integers(0, 3))
    pool = draw(st.lists(_IDS, min_size=1 + n_statements + n_arguments + n_custom, unique=True))
    question_id, pool = pool[0], pool[1:]
    statement_ids, pool = pool[:n_statements], pool[n_statements:]
    argument_ids, custom_ids = pool[:n_arguments], pool[n_arguments:]
    speaker_ids = draw(st.lists(_IDS, max_size=4, unique=True))
    source_ids = draw(st.lists(_IDS, max_size=3, unique=True))
    cast = Cast.of(speaker_ids, source_ids, statement_ids)

    nodes = [question_id, *statement_ids, *argument_ids]
    relations: dict[str, Relation] = {}

    def relate(kind: RelationKind, source: str, target: str) -> None:
        if source == target:
            return
        pair = {source, target}
        if kind is RelationKind.CONTRADICTS and any(
            r.kind is kind and {r.source, r.target} == pair for r in relations.values()
        ):
            return
        custom = bool(custom_ids) and draw(_one_in(4))
        rid = custom_ids.pop() if custom else f"{source}->{target}"
        if rid not in relations and len(rid) <= MAX_ID:
            note = draw(_FREE_TEXTS) if draw(_one_in(5)) else None
            relations[rid] = Relation(id=rid, kind=kind, source=source, target=target, note=note)

    nesting = st.sampled_from([RelationKind.SUPPORTS, RelationKind.ATTACKS])
    for index, node in enumerate(nodes[1:], start=1):
        if not draw(_one_in(5)):  # most nodes hang below an earlier one; some close a cycle
            targets = nodes if draw(_one_in(4)) else nodes[:index]
            relate(draw(nesting), node, draw(st.sampled_from(targets)))
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(RelationKind))
        source = draw(st.sampled_from(nodes))
        targets = nodes
        if kind is RelationKind.UNDERCUTS:
            targets = [*relations, *argument_ids] or nodes
        relate(kind, source, draw(st.sampled_from(targets)))

    group_ids = draw(st.lists(_IDS, max_size=3, unique=True))
    groups: dict[str, Group] = {}
    for index, group_id in enumerate(group_ids):  # a parent comes before its groups
        parent = draw(st.sampled_from([None, *group_ids[:index]]))
        groups[group_id] = Group(id=group_id, title=draw(_TEXTS), parent=parent)
    statement_list = [draw(statements(s, cast)) for s in statement_ids]
    argument_list = [draw(arguments(a, cast)) for a in argument_ids]
    if groups:
        in_group = st.sampled_from([None, *groups])
        statement_list = [s.model_copy(update={"group": draw(in_group)}) for s in statement_list]
        argument_list = [a.model_copy(update={"group": draw(in_group)}) for a in argument_list]
    # Only groups that hold a claim, or hold a group that does: a heading over nothing is
    # no group in Argdown, so no writer keeps an empty one.
    used: set[str] = set()
    for node in (*statement_list, *argument_list):
        named = node.group
        while named is not None and named not in used:
            used.add(named)
            named = groups[named].parent
    return Debate(
        groups={g: group for g, group in groups.items() if g in used},
        title=draw(_TEXTS),
        description=draw(_MAYBE_TEXT),
        question=Question(id=question_id, text=draw(_TEXTS), title=draw(_MAYBE_TEXT)),
        sources={s: draw(sources(s)) for s in source_ids},
        speakers={s: draw(speakers(s)) for s in speaker_ids},
        statements={s.id: s for s in statement_list},
        arguments={a.id: a for a in argument_list},
        relations=dict(draw(st.permutations(list(relations.items())))),
        order=tuple(draw(st.lists(st.sampled_from(nodes), max_size=4))),
    )
