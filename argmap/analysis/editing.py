"""Editing a debate: each edit is a pure function from one :class:`Debate` to the next.

The TUI never changes a debate in a widget. It calls one of these operations, which checks the
edit with the rules (and the words) ``argmap check`` uses, and returns a :class:`Change`: the
new debate, what the edit did in a sentence, where to put the cursor, and any warning the
edit raises (a support cycle, say). A refused edit raises :class:`EditError` with the message
and hint ``check`` would print for the same mistake in a file. :class:`History` keeps every
version of the session, so undo and redo are a step through a list, and knows which version is
the one on disk.

Ids for new claims are made from their titles (``Workers send money home`` →
``workers-send-money-home``), with ``-2``, ``-3`` … when the id is taken.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from argmap.analysis.checks import (
    claim_findings,
    cycle_findings,
    stray_finding,
    support_cycle_through,
)
from argmap.analysis.graph import DebateIndex
from argmap.analysis.tree import TreeShape
from argmap.io.diagnostics import did_you_mean
from argmap.model.debate import (
    Basis,
    Debate,
    Quote,
    Relation,
    RelationKind,
    Speaker,
    Statement,
    reference_problems,
    relation_id,
)

Stance = Literal["pro", "con"]
"""Where a new claim goes under its parent: a reason for it, or an objection to it."""

_KIND: dict[Stance, RelationKind] = {"pro": RelationKind.SUPPORTS, "con": RelationKind.ATTACKS}

ID_WORDS = 6
"""How many words of a title make an id: enough to tell claims apart, short enough to type."""


class EditError(ValueError):
    """An edit the debate cannot take; ``message`` and ``hint`` are as ``argmap check`` says."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


@dataclass(frozen=True, slots=True)
class Claim:
    """What the capture form says about a claim. Empty fields are left out of the claim.

    ``speakers`` are speaker ids or, for someone not yet in the debate, a name: the edit
    declares the new speaker (see :func:`resolve_speakers`).
    """

    title: str
    text: str = ""
    speakers: tuple[str, ...] = ()
    basis: Basis | None = None
    quote: str = ""
    quote_source: str | None = None
    tags: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Change:
    """One edit's result: the debate after it, in words, where to look, what to beware of."""

    debate: Debate
    description: str
    focus: str | None = None
    warnings: tuple[str, ...] = ()
    added: tuple[str, ...] = ()
    """Ids of the claims this edit created (the room file records when)."""


# -- ids --------------------------------------------------------------------------------------


def slug(title: str) -> str:
    """An id from a title: lower case, ASCII letters and digits, words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words[:ID_WORDS]) or "claim"


def new_id(debate: Debate, title: str) -> str:
    """A fresh id for a claim titled ``title``: its slug, numbered if the slug is taken."""
    base = slug(title)

    def taken(name: str) -> bool:  # lookups, not a set of every id: as fast on 10,000 claims
        return (
            name == debate.question.id
            or any(name in ids for ids in (debate.statements, debate.arguments))
            or any(name in ids for ids in (debate.relations, debate.speakers, debate.sources))
        )

    candidate, number = base, 2
    while taken(candidate):
        candidate, number = f"{base}-{number}", number + 1
    return candidate


# -- speakers ---------------------------------------------------------------------------------


def resolve_speakers(debate: Debate, names: Iterable[str]) -> tuple[tuple[str, ...], list[Speaker]]:
    """Speaker ids for what was typed, and the speakers to declare for new names.

    An existing id or an existing name (any case) is that speaker; anything else is a new
    speaker whose id comes from the name.
    """
    by_name = {s.name.casefold(): s.id for s in debate.speakers.values()}
    ids: list[str] = []
    new: list[Speaker] = []
    taken = set(debate.speakers)
    for raw in names:
        name = " ".join(raw.split())
        if not name:
            continue
        if name in debate.speakers:
            ids.append(name)
        elif name.casefold() in by_name:
            ids.append(by_name[name.casefold()])
        elif any(s.name == name for s in new):
            ids.append(next(s.id for s in new if s.name == name))
        else:
            speaker_id, number = slug(name), 2
            while speaker_id in taken or speaker_id in debate.statements:
                speaker_id, number = f"{slug(name)}-{number}", number + 1
            taken.add(speaker_id)
            new.append(Speaker(id=speaker_id, name=name))
            ids.append(speaker_id)
    return tuple(ids), new


def _statement(debate: Debate, node_id: str, claim: Claim, speakers: tuple[str, ...]) -> Statement:
    title = " ".join(claim.title.split())
    text = " ".join(claim.text.split()) if claim.text.strip() else ""
    if not title and not text:
        raise EditError("this claim has no `text`", "type the claim first")
    source = claim.quote_source
    if source is None and len(debate.sources) == 1:
        source = next(iter(debate.sources))
    if source is not None and source not in debate.sources:
        raise EditError(
            f"unknown source `{source}`",
            did_you_mean(source, debate.sources)
            or f"declare it under `sources:` with `- id: {source}` and a `title:`",
        )
    quotes = (
        (Quote(text=claim.quote.strip(), speaker=speakers[0] if speakers else None, source=source),)
        if claim.quote.strip()
        else ()
    )
    return Statement(
        id=node_id,
        title=title if text else None,
        text=text or title,
        speakers=speakers,
        basis=claim.basis,
        quotes=quotes,
        tags=tuple(t for t in (" ".join(t.split()) for t in claim.tags) if t),
        questions=tuple(q for q in (" ".join(q.split()) for q in claim.questions) if q),
    )


# -- building a new version -------------------------------------------------------------------


def _replace(debate: Debate, **parts: object) -> Debate:
    """A new version with some parts replaced, checked like a loaded file's references."""
    new = debate.model_copy(update=parts)
    problems = list(reference_problems(new))
    if problems:
        raise EditError(problems[0])
    return new


def _added(debate: Debate, statement: Statement, relation: Relation, **parts: object) -> Debate:
    """:func:`_replace` for an edit that adds ``statement`` and its one ``relation`` (and
    perhaps speakers and an order entry): only the new parts are checked.

    ``debate`` passed the same check when it was made, so nothing but the new parts can be
    wrong: the statement is checked in a debate of its own (with every speaker and source),
    the relation by :func:`_check_relation`. That takes the same time on 10,000 claims as
    on ten, where checking the whole version took 60 ms (Enter in the capture form must
    show the claim in under 50 ms).
    """
    new = debate.model_copy(update=parts)
    alone = new.model_copy(
        update={"statements": {statement.id: statement}, "arguments": {}, "relations": {}}
    )
    problems = list(reference_problems(alone.model_copy(update={"order": ()})))
    if problems:
        raise EditError(problems[0])
    _check_relation(new.model_copy(update={"relations": debate.relations}), relation)
    for kind, ids in (
        ("question", (new.question.id,)),
        ("statement", new.statements),
        ("argument", new.arguments),
    ):
        if relation.id in ids:  # ids are free text: one could look like ``a->b``
            raise EditError(f"relation id {relation.id!r} is also a {kind} id")
    return new


def _in_order(debate: Debate, node_id: str, after: str) -> tuple[str, ...]:
    """The teaching order with a new claim right after the claim it answers (if listed)."""
    order = debate.order
    if not order:
        return order
    at = order.index(after) + 1 if after in order else len(order)
    return (*order[:at], node_id, *order[at:])


def _warnings(
    before: Debate, after: Debate, *, support: Relation | None = None, claim: str | None = None
) -> tuple[str, ...]:
    """The warnings ``check`` would now print that it did not before, found locally.

    A new claim hangs under one parent and has no reasons of its own, so it cannot close a
    cycle; only a new ``supports`` link can (``support``), and only an edited claim's own
    fields can make the warnings about who holds it (``claim``). Looking only there keeps an
    edit of a 10,000-claim debate as fast as one of the seed.
    """
    found: list[str] = []
    if support is not None and support.kind is RelationKind.SUPPORTS:
        cycle = support_cycle_through(DebateIndex(after), support.source, support.target)
        if cycle is not None:
            found.append(cycle.message)
    if claim is not None:
        old = {f.message for f in claim_findings(before, claim)}
        found += [f.message for f in claim_findings(after, claim) if f.message not in old]
    return tuple(found)


def _check_relation(debate: Debate, relation: Relation) -> None:
    """The rules ``argmap check`` applies to a relation, with its words."""
    source, target, kind = relation.source, relation.target, relation.kind
    if source == target:
        raise EditError(
            f"`{source}` {kind} itself",
            "a claim cannot bear on itself: point the relation at another claim",
        )
    existing = debate.relations.get(relation.id)
    if existing is not None:
        if existing.kind is kind:
            raise EditError(f"`{source}` {kind} `{target}` twice", "remove one of them")
        raise EditError(
            f"`{source}` both {existing.kind} and {kind} `{target}`",
            "a claim cannot do both to the same target: keep one",
        )
    mirror = debate.relations.get(relation_id(target, source))
    if kind is RelationKind.CONTRADICTS and mirror is not None and mirror.kind is kind:
        raise EditError(f"`{source}` {kind} `{target}` twice", "remove one of them")

    def known(ref: str) -> bool:
        return (
            ref == debate.question.id
            or ref in debate.statements
            or ref in debate.arguments
            or (ref == target and kind is RelationKind.UNDERCUTS and ref in debate.relations)
        )

    if known(source) and known(target):
        return
    nodes = set(debate.node_ids())
    targets = nodes | debate.relations.keys() if kind is RelationKind.UNDERCUTS else nodes
    for ref in (source, target):
        if ref not in (nodes if ref == source else targets):
            raise EditError(
                f"unknown id `{ref}`",
                did_you_mean(ref, targets) or f"define it with `id: {ref}` somewhere in the file",
            )


def _with_speakers(debate: Debate, new: Sequence[Speaker]) -> dict[str, Speaker]:
    return {**debate.speakers, **{s.id: s for s in new}}


# -- the operations ---------------------------------------------------------------------------


def add_claim(debate: Debate, parent: str, stance: Stance, claim: Claim) -> Change:
    """A new statement under ``parent``: a reason for it (pro) or an objection to it (con)."""
    if parent not in set(debate.node_ids()):
        raise EditError(f"unknown id `{parent}`", did_you_mean(parent, list(debate.node_ids())))
    word = "reason for" if stance == "pro" else "objection to"
    return _add_statement(
        debate, claim, _KIND[stance], parent, after=parent, said=f"{word} {debate.label_of(parent)}"
    )


def add_undercut(debate: Debate, relation: str, claim: Claim) -> Change:
    """A new statement that attacks the *link* of ``relation``, not its conclusion."""
    cut = debate.relations.get(relation)
    if cut is None or cut.kind not in (RelationKind.SUPPORTS, RelationKind.ATTACKS):
        raise EditError(
            f"unknown relation or argument `{relation}`",
            "undercut a relation by its id `from->to`, or an argument by its id",
        )
    link = f"{debate.label_of(cut.source)} → {debate.label_of(cut.target)}"
    return _add_statement(
        debate,
        claim,
        RelationKind.UNDERCUTS,
        relation,
        after=cut.source,
        said=f"an undercut of the link {link}",
    )


def _add_statement(
    debate: Debate, claim: Claim, kind: RelationKind, target: str, *, after: str, said: str
) -> Change:
    """A new statement from ``claim`` with one ``kind`` relation to ``target``, joining the
    teaching order and the group (section) of ``after``; ``said`` names it in the change's
    description."""
    node_id = new_id(debate, claim.title or claim.text)
    speakers, declared = resolve_speakers(debate, claim.speakers)
    interim = debate.model_copy(update={"speakers": _with_speakers(debate, declared)})
    statement = _statement(interim, node_id, claim, speakers)
    home = debate.claim(after)
    group = home.group if home is not None else None
    if group is not None:  # a reason raised in a section belongs to that section's box
        statement = statement.model_copy(update={"group": group})
    relation = Relation(id=relation_id(node_id, target), kind=kind, source=node_id, target=target)
    changed = _added(
        debate,
        statement,
        relation,
        speakers=interim.speakers,
        statements={**debate.statements, node_id: statement},
        relations={**debate.relations, relation.id: relation},
        order=_in_order(debate, node_id, after),
    )
    return Change(
        changed,
        f"added {said}: {statement.title or statement.text}",
        node_id,
        _warnings(debate, changed, claim=node_id),
        (node_id,),
    )


def edit_claim(debate: Debate, node_id: str, claim: Claim) -> Change:
    """Replace what the form shows of a statement; everything else about it stays."""
    old = debate.statements.get(node_id)
    if old is None:
        raise EditError(
            f"`{node_id}` is not a statement", "only statements (claims) can be edited here"
        )
    speakers, declared = resolve_speakers(debate, claim.speakers)
    interim = debate.model_copy(update={"speakers": _with_speakers(debate, declared)})
    fresh = _statement(interim, node_id, claim, speakers)
    quotes = old.quotes
    if claim.quote.strip() and (not quotes or quotes[0].text != claim.quote.strip()):
        quotes = fresh.quotes + quotes[1:]
    elif not claim.quote.strip():
        quotes = quotes[1:]
    updated = old.model_copy(
        update={
            "title": fresh.title,
            "text": fresh.text,
            "speakers": fresh.speakers,
            "basis": fresh.basis,
            "quotes": quotes,
            "tags": fresh.tags,
            "questions": fresh.questions,
        }
    )
    if updated == old and not declared:
        raise EditError("nothing changed", None)
    after = _replace(
        debate,
        speakers=interim.speakers,
        statements={**debate.statements, node_id: updated},
    )
    return Change(
        after,
        f"edited {updated.title or updated.text}",
        node_id,
        _warnings(debate, after, claim=node_id),
    )


@dataclass(frozen=True, slots=True)
class ArgumentEdit:
    """What the form says about a reconstructed argument: its title, gist and premises.

    ``premises`` are statement ids, in order; an empty tuple makes the argument a sketch.
    """

    title: str
    gist: str = ""
    premises: tuple[str, ...] = ()


def edit_argument(debate: Debate, node_id: str, edit: ArgumentEdit) -> Change:
    """Replace an argument's title, gist and premises; everything else about it stays.

    Refused, in ``check``'s words, for an empty title or a premise that is not a statement.
    Warned about: a cycle of support a new premise closes (an argument concluding its own
    premise), and a premise taken out that nothing else connects to the question.
    """
    old = debate.arguments.get(node_id)
    if old is None:
        raise EditError(f"`{node_id}` is not an argument", "F2 edits statements and arguments")
    title = " ".join(edit.title.split())
    if not title:
        raise EditError("`argument` is empty", "write the argument, or remove the line")
    premises = tuple(dict.fromkeys(p.strip() for p in edit.premises if p.strip()))
    for premise in premises:
        if premise not in debate.statements:
            raise EditError(
                f"unknown statement `{premise}`",
                did_you_mean(premise, debate.statements)
                or f"premises are statements: define `id: {premise}`",
            )
    updated = old.model_copy(
        update={"title": title, "gist": edit.gist.strip() or None, "premises": premises}
    )
    if updated == old:
        raise EditError("nothing changed", None)
    after = _replace(debate, arguments={**debate.arguments, node_id: updated})
    return Change(after, f"edited {title}", node_id, _premise_warnings(debate, after, node_id))


def _premise_warnings(before: Debate, after: Debate, node_id: str) -> tuple[str, ...]:
    """What ``check`` would newly warn about once an argument's premises changed."""
    was, now = set(before.arguments[node_id].premises), set(after.arguments[node_id].premises)
    if was == now:
        return ()
    found: list[str] = []
    index = DebateIndex(after)
    if now - was:
        old = {f.message for f in cycle_findings(DebateIndex(before))}
        found += [f.message for f in cycle_findings(index) if f.message not in old]
    taken_out = [p for p in before.arguments[node_id].premises if p not in now]
    found += [stray_finding(p).message for p in taken_out if p not in index.reachable]
    return tuple(found)


def link(debate: Debate, source: str, target: str, kind: RelationKind) -> Change:
    """A cross-link: ``source`` supports, attacks or contradicts ``target``."""
    relation = Relation(id=relation_id(source, target), kind=kind, source=source, target=target)
    _check_relation(debate, relation)
    after = _replace(debate, relations={**debate.relations, relation.id: relation})
    return Change(
        after,
        f"linked: {debate.label_of(source)} {kind} {debate.label_of(target)}",
        source,
        _warnings(debate, after, support=relation),
    )


def home_relation(debate: Debate, node_id: str) -> Relation | None:
    """The relation that puts ``node_id`` where the tree shows it (None for a premise or root)."""
    shape = TreeShape(DebateIndex(debate))
    parent = shape.parent(node_id)
    if parent is None:
        return None
    branch = next(b for b in shape.children(parent) if b.node_id == node_id and b.home)
    return debate.relations.get(branch.relation) if branch.relation else None


def move(debate: Debate, node_id: str, new_parent: str, stance: Stance) -> Change:
    """Hang a claim (with what is below it) under another parent, as a reason or objection."""
    shape = TreeShape(DebateIndex(debate))
    if node_id == debate.question.id:
        raise EditError("the question cannot be moved", None)
    below = set(_below(shape, node_id))
    if new_parent == node_id or new_parent in below:
        raise EditError(
            f"`{new_parent}` hangs under `{node_id}`",
            "move it under a claim that is not one of its own replies",
        )
    old = home_relation(debate, node_id)
    if old is None or old.source != node_id or old.kind not in _KIND.values():
        raise EditError(
            f"`{node_id}` is not a reason or objection",
            "only claims nested under another can move (a premise moves with its argument)",
        )
    relation = Relation(
        id=relation_id(node_id, new_parent), kind=_KIND[stance], source=node_id, target=new_parent
    )
    relations = {k: v for k, v in debate.relations.items() if k != old.id}
    rest = debate.model_copy(update={"relations": relations})
    _check_relation(rest, relation)
    relations[relation.id] = relation
    after = _replace(debate, relations=_without_orphan_undercuts(relations, old.id, relation.id))
    word = "a reason for" if stance == "pro" else "an objection to"
    return Change(
        after,
        f"moved {debate.label_of(node_id)}: now {word} {debate.label_of(new_parent)}",
        node_id,
        _warnings(debate, after, support=relation),
    )


def _without_orphan_undercuts(
    relations: dict[str, Relation], old: str, new: str
) -> dict[str, Relation]:
    """Undercuts of a moved claim's old link now cut its new link (the same inference)."""
    return {
        key: (
            value.model_copy(update={"target": new})
            if value.kind is RelationKind.UNDERCUTS and value.target == old
            else value
        )
        for key, value in relations.items()
    }


def _below(shape: TreeShape, node_id: str) -> list[str]:
    found: list[str] = []
    stack = [node_id]
    while stack:
        for branch in shape.children(stack.pop()):
            if branch.home:
                found.append(branch.node_id)
                stack.append(branch.node_id)
    return found


@dataclass(frozen=True, slots=True)
class Deletion:
    """What deleting a claim does: the claims that go with it, and those below it that stay."""

    node_id: str
    removed: tuple[str, ...]
    kept: tuple[str, ...] = field(default=())

    def sentence(self, debate: Debate) -> str:
        """What the confirmation asks about, in words."""
        name = debate.label_of(self.node_id)
        others = [debate.label_of(n) for n in self.removed if n != self.node_id]
        said = f"Delete “{name}”"
        if others:
            said += f" and the {len(others)} claim(s) that hang only under it: " + "; ".join(others)
        else:
            said += "; nothing else hangs only under it"
        if self.kept:
            said += ". These stay, linked elsewhere: " + "; ".join(
                debate.label_of(n) for n in self.kept
            )
        return said + "."


def plan_deletion(debate: Debate, node_id: str) -> Deletion:
    """Which claims a deletion takes with it: those connected to the question only through it."""
    if node_id == debate.question.id:
        raise EditError("the question cannot be deleted", None)
    if node_id not in debate.statements and node_id not in debate.arguments:
        raise EditError(f"unknown id `{node_id}`", None)
    index = DebateIndex(debate)
    without = _drop(debate, {node_id})
    reachable_after = DebateIndex(without).reachable
    removed = [node_id] + [
        n
        for n in (*debate.statements, *debate.arguments)
        if n != node_id and n in index.reachable and n not in reachable_after
    ]
    below = _below(TreeShape(index), node_id)
    gone = set(removed)
    return Deletion(node_id, tuple(removed), tuple(n for n in below if n not in gone))


def delete(debate: Debate, node_id: str) -> Change:
    """Delete a claim and what hangs only under it (see :func:`plan_deletion`)."""
    plan = plan_deletion(debate, node_id)
    after = _drop(debate, set(plan.removed))
    problems = list(reference_problems(after))
    if problems:
        raise EditError(problems[0])
    shape = TreeShape(DebateIndex(debate))
    parent = shape.parent(node_id)
    focus = parent if parent is not None and parent not in plan.removed else None
    count = len(plan.removed)
    return Change(
        after,
        f"deleted {debate.label_of(node_id)}" + (f" and {count - 1} below it" if count > 1 else ""),
        focus,
    )


def _drop(debate: Debate, gone: set[str]) -> Debate:
    """The debate without the nodes ``gone``, their relations, and undercuts of those."""
    relations = {
        k: r for k, r in debate.relations.items() if r.source not in gone and r.target not in gone
    }
    while True:  # an undercut of a dropped relation goes too
        kept = {
            k: r
            for k, r in relations.items()
            if r.kind is not RelationKind.UNDERCUTS
            or r.target in relations
            or (r.target in debate.arguments and r.target not in gone)
        }
        if len(kept) == len(relations):
            break
        relations = kept
    arguments = {
        k: (
            a.model_copy(update={"premises": tuple(p for p in a.premises if p not in gone)})
            if gone.intersection(a.premises)
            else a
        )
        for k, a in debate.arguments.items()
        if k not in gone
    }
    return debate.model_copy(
        update={
            "statements": {k: s for k, s in debate.statements.items() if k not in gone},
            "arguments": arguments,
            "relations": relations,
            "order": tuple(n for n in debate.order if n not in gone),
        }
    )


# -- history ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Step:
    """A version in the history and the edit that made it (None for the version first read)."""

    debate: Debate
    change: Change | None


class History:
    """Every version of a session's debate, for undo and redo, and which one is saved.

    Versions are immutable, so undo is moving back one place and costs nothing; an edit after
    an undo drops the versions that were ahead, as in every editor.
    """

    def __init__(self, debate: Debate) -> None:
        self._steps: list[Step] = [Step(debate, None)]
        self._at = 0
        self._saved: int | None = 0

    @property
    def debate(self) -> Debate:
        return self._steps[self._at].debate

    @property
    def original(self) -> Debate:
        return self._steps[0].debate

    @property
    def dirty(self) -> bool:
        """Are there edits the file on disk does not have?"""
        return self._saved != self._at

    @property
    def can_undo(self) -> bool:
        return self._at > 0

    @property
    def can_redo(self) -> bool:
        return self._at < len(self._steps) - 1

    def apply(self, change: Change) -> None:
        del self._steps[self._at + 1 :]
        if self._saved is not None and self._saved > self._at:
            self._saved = None
        self._steps.append(Step(change.debate, change))
        self._at += 1

    def undo(self) -> Change | None:
        """Step back; returns the edit undone (None when there is nothing to undo)."""
        if not self.can_undo:
            return None
        change = self._steps[self._at].change
        self._at -= 1
        return change

    def redo(self) -> Change | None:
        if not self.can_redo:
            return None
        self._at += 1
        return self._steps[self._at].change

    def mark_saved(self) -> None:
        self._saved = self._at

    def rebase(self, debate: Debate) -> None:
        """Start again from ``debate`` (a reload from disk, or a save under a new base)."""
        self._steps = [Step(debate, None)]
        self._at = 0
        self._saved = 0

    def added_claims(self) -> tuple[str, ...]:
        """Claims created by the edits up to the current version that still exist."""
        current = self.debate
        return tuple(
            node
            for step in self._steps[1 : self._at + 1]
            if step.change is not None
            for node in step.change.added
            if node in current.statements
        )
