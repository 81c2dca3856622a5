"""What stands in a debate: the debate as a Dung framework, evaluated under a semantics.

The semantics (:mod:`argmap.analysis.semantics`) know only arguments and attacks.  This
module decides what a debate's arguments and attacks *are*, and turns the labels back
into answers a seminar asks for: which claims stand, why a claim falls, what the room's
verdict on one claim changes, and how each speaker fares.

The mapping
-----------
*Arguments.*  Every statement and every argument of the debate, under its own id, and
the question.  The question stands for the motion ("yes").  It is not labelled by its
attackers: it, and every claim marked ``at-issue``, is decided by a proof standard over its
standing pro and con reasons (:mod:`argmap.analysis.weighing`), so a con reason is weighed
against the pros rather than defeating the motion alone.  Everything below keeps Dung's
semantics.  With an audience (a ranking of values), an attack defeats only if the
attacker's value is not ranked below its target's (value-based argumentation); that holds
for every claim, not only the question.

*Attacks.*
* ``a attacks b``: ``a`` attacks ``b``.
* ``a contradicts b``: ``a`` and ``b`` attack each other.
* ``u undercuts A`` (an argument): ``u`` attacks ``A``.  An argument is its inference
  from its premises, so denying the inference defeats the argument without touching the
  premises.  An undercut aimed at a statement or the question (which have no inference
  to aim at) is read as an attack on it.
* ``u undercuts r`` with ``r = s → t`` a relation: Dung frameworks have no edges to
  attack, so ``r`` becomes an *inference argument* with the relation's id: "``s``, as a
  reason for (or against) ``t``".  It stands on ``s`` (whatever attacks ``s`` attacks it
  too, see premises below) and it carries ``r``'s effect in place of ``s``: for an attack
  ``r`` attacks ``t``; for an undercut it attacks what that undercut aimed at; for a
  support it supports ``t`` (which counts only with ``bipolar``).  ``u`` attacks ``r``.
  So ``s`` itself still stands, but while ``u`` stands its bearing on ``t`` is void.  A
  contradiction does its work in both directions, so an undercut contradiction becomes
  two inference arguments, ``r`` (``s`` against ``t``) and ``r (reverse)`` (``t``
  against ``s``), and ``u`` attacks both; each half stands on the claim the other
  attacks, so the two halves attack each other as well.  Relations nobody undercuts get no inference
  argument: it would only mirror its source.

  In the seed debate, Kim Byung Yeon's ``china-would-give-aid`` undercuts
  ``cut-revenue->clamp-down``: China would make up the lost money in aid, so cutting
  labour exports need not cut the regime's income.  The claim ``cut-revenue`` (the
  workers' pay aids the regime) stays IN; the inference argument
  ``cut-revenue->clamp-down`` ("hence clamp down") is OUT, defeated by
  ``china-would-give-aid``; rejecting ``china-would-give-aid`` reinstates it.
* ``a supports b``: no attack.  Dung semantics ignore support (but see ``bipolar``).
* Linked premises: an argument stands only if all its premises stand, so whatever
  attacks one of its premises attacks the argument too (premise attack, as in ASPIC+).
  An argument's premises do not count as supporters of it: they are inside it.

*Bipolar* (``bipolar=True``, after Cayrol and Lagasquie-Schiex, ECSQARU 2005 and IJAR
2013), with ``supports+`` the transitive closure of the support relation:
* supported attack: ``a supports+ b`` and ``b attacks c`` ⇒ ``a attacks c``; who argues
  for an attacker shares its attack.
* secondary attack: ``a attacks b`` and ``b supports+ c`` ⇒ ``a attacks c``; what rests
  on a defeated supporter is attacked with it.
Both are derived once from the attacks above (premise attacks included), then carried to
arguments through their premises again; they are not iterated, so a chain support,
attack, support yields the two derived attacks but not the end-to-end one, as in the
original definitions.

The room
--------
``accept`` and ``reject`` follow :mod:`argmap.analysis.semantics`: a rejected claim is
attacked by an unattackable audience argument, an accepted one loses every attack on it.
Here they act *before* premises and (with ``bipolar``) supports pass attacks on, so a
verdict on a premise reaches its argument: rejecting a premise rejects every argument
and inference standing on it (and, with ``bipolar``, everything it supports), and
accepting a premise shields its argument from that premise's critics.  An id named in
``accept`` is never rejected through a premise.

Labels
------
Grounded has one labelling, and its labels are reported as they are.  Complete,
preferred and stable may have many extensions; a claim's label then summarises them: IN
when it is in every extension (sceptically accepted), UNDEC when it is in some but not
all (credulously accepted only), OUT when it is in none.  When there is no extension at
all (stable, with an odd cycle of attacks) no claim is decided and every label is UNDEC.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from argmap.analysis.framework import ArgumentationFramework, Label
from argmap.analysis.graph import DebateIndex
from argmap.analysis.semantics import Budget, Semantics, grounded, labellings
from argmap.analysis.speakers import speaker_profiles
from argmap.analysis.weighing import (
    NO_AUDIENCE,
    FailedAttack,
    Preference,
    Standard,
    Verdict,
    Weighing,
    bearings,
    issue_order,
    node_values,
    value_defeats,
)
from argmap.io.diagnostics import did_you_mean
from argmap.io.loaded import collector_paused
from argmap.model.debate import Debate, Relation, RelationKind, Side, Speaker

REVERSE = " (reverse)"
"""Suffix of the second inference argument of an undercut contradiction.

Debate ids never contain spaces, so a suffixed id can never clash with one.
"""

_ROOM = "(the room)"  # the audience argument while the mapping is built; never reported


class Via(StrEnum):
    """How an attack in the framework arises from the debate."""

    RELATION = "relation"
    """An attacks, contradicts or undercuts relation, directly."""
    PREMISE = "premise"
    """Inherited: the attacker attacks a premise of the argument."""
    SOURCE = "source"
    """Inherited: the attacker attacks the claim an inference argument starts from."""
    SUPPORTED = "supported"
    """Bipolar: the attacker supports (through a chain) an attacker of the target."""
    SECONDARY = "secondary"
    """Bipolar: the attacker attacks a claim that supports (through a chain) the target."""


@dataclass(frozen=True, slots=True)
class Origin:
    """Why ``attacker`` attacks a target: a relation, or ``via`` another node."""

    via: Via
    node: str | None = None
    """The premise, source, supported attacker or attacked supporter it goes through."""


_DIRECT = Origin(Via.RELATION)


@dataclass(frozen=True, slots=True)
class Inference:
    """An inference argument: a relation's source in its role for the relation's target.

    ``source`` is the node it stands on, ``target`` the node it bears on; for the reverse
    half of a contradiction these are the relation's target and source.
    """

    id: str
    relation: Relation
    source: str
    target: str


@dataclass(frozen=True)
class DebateMapping:
    """A debate mapped as the module docstring describes, with what each piece came from."""

    framework: ArgumentationFramework
    inferences: Mapping[str, Inference]
    origins: Mapping[tuple[str, str], Origin]
    """``(attacker, target)`` → the first reason found for that attack."""
    rejected: Mapping[str, Origin]
    """Each id the room rejects, directly (``Via.RELATION``) or through a premise etc."""


def debate_framework(debate: Debate, *, bipolar: bool = False) -> ArgumentationFramework:
    """The debate's arguments and attacks, as the module docstring defines them."""
    return map_debate(debate, bipolar=bipolar).framework


def map_debate(
    debate: Debate,
    *,
    bipolar: bool = False,
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
) -> DebateMapping:
    """Map ``debate``, letting the room's verdicts travel with the attacks.

    ``accept`` and ``reject`` must name arguments of the result (see :func:`check_ids`).
    The framework returned has no audience argument and no attack on an accepted id; the
    room's rejections come back in :attr:`DebateMapping.rejected`, for the semantics'
    ``reject``.
    """
    with collector_paused():  # see its docstring: allocation-heavy, and no garbage cycles
        return _Mapper(debate, bipolar, frozenset(accept), frozenset(reject)).run()


class _Mapper:
    """Builds a :class:`DebateMapping`: one pass over relations, then propagation."""

    def __init__(
        self, debate: Debate, bipolar: bool, accept: frozenset[str], reject: frozenset[str]
    ) -> None:
        self.debate = debate
        self.bipolar = bipolar
        self.accept = accept
        self.reject = reject
        # target → attacker → origin; dicts keep the order attacks were found in.
        self.attackers: dict[str, dict[str, Origin]] = defaultdict(dict)
        self.supports: dict[str, list[str]] = defaultdict(list)
        self.stands_on: dict[str, tuple[str, ...]] = {}
        self.inferences: dict[str, Inference] = {}

    def run(self) -> DebateMapping:
        debate = self.debate
        self._make_inferences()
        for argument in debate.arguments.values():
            self.stands_on[argument.id] = tuple(dict.fromkeys(argument.premises))
        for inference in self.inferences.values():
            self.stands_on[inference.id] = (inference.source,)
        for relation in debate.relations.values():
            self._relate(relation)
        for verdict in sorted(self.reject):
            self._attack(_ROOM, verdict, _DIRECT)
        self._inherit()
        if self.bipolar:
            self._derive()
            self._inherit()
        origins = {
            (attacker, target): origin
            for target, attackers in self.attackers.items()
            for attacker, origin in attackers.items()
            if attacker != _ROOM
        }
        rejected = {
            target: attackers[_ROOM]
            for target, attackers in self.attackers.items()
            if _ROOM in attackers
        }
        framework = ArgumentationFramework([*debate.node_ids(), *self.inferences], origins)
        return DebateMapping(framework, self.inferences, origins, rejected)

    def _make_inferences(self) -> None:
        relations = self.debate.relations
        for relation in relations.values():
            if relation.kind is RelationKind.UNDERCUTS and relation.target in relations:
                cut = relations[relation.target]
                self.inferences[cut.id] = Inference(cut.id, cut, cut.source, cut.target)
                if cut.kind is RelationKind.CONTRADICTS:
                    rid = cut.id + REVERSE
                    self.inferences[rid] = Inference(rid, cut, cut.target, cut.source)

    def _carrier(self, relation: Relation, *, reverse: bool = False) -> str:
        """Who exercises ``relation``: its inference argument if undercut, else its source."""
        if self.inferences:
            rid = relation.id + REVERSE if reverse else relation.id
            if rid in self.inferences:
                return rid
        return relation.target if reverse else relation.source

    def _relate(self, relation: Relation) -> None:
        source, target = self._carrier(relation), relation.target
        if relation.kind is RelationKind.SUPPORTS:
            self.supports[source].append(target)
        elif relation.kind is RelationKind.ATTACKS:
            self._attack(source, target, _DIRECT)
        elif relation.kind is RelationKind.CONTRADICTS:
            self._attack(source, target, _DIRECT)
            self._attack(self._carrier(relation, reverse=True), relation.source, _DIRECT)
        elif target in self.debate.relations:  # an undercut of a relation
            for rid in (target, target + REVERSE):
                if rid in self.inferences:
                    self._attack(source, rid, _DIRECT)
        else:  # an undercut of an argument, or of a statement read as an attack
            self._attack(source, target, _DIRECT)

    def _attack(self, attacker: str, target: str, origin: Origin) -> None:
        """Record an attack unless the room shields ``target``.

        An accepted claim is never attacked here, so no attack passes on from it either:
        its arguments and what it supports are shielded from its critics too.
        """
        if target not in self.accept:
            self.attackers[target].setdefault(attacker, origin)

    def _inherit(self) -> None:
        """Pass each node's attackers on to the arguments and inferences standing on it.

        Premises are statements and inferences stand on statements or arguments, so
        arguments first, then inferences, sees every attack in one pass.
        """
        for node, basis in self.stands_on.items():
            via = Via.SOURCE if node in self.inferences else Via.PREMISE
            for base in basis:
                for attacker in list(self.attackers.get(base, ())):
                    self._attack(attacker, node, Origin(via, base))

    def _derive(self) -> None:
        """Add the supported and secondary attacks (module docstring, *Bipolar*)."""
        supported_by: dict[str, list[str]] = defaultdict(list)
        for source, targets in self.supports.items():
            for target in targets:
                supported_by[target].append(source)
        supporters, supported = _Reach(supported_by), _Reach(self.supports)
        found: list[tuple[str, str, Origin]] = []
        for target, attackers in list(self.attackers.items()):
            for attacker in attackers:
                for node in supporters(attacker):
                    found.append((node, target, Origin(Via.SUPPORTED, attacker)))
                for node in supported(target):
                    found.append((attacker, node, Origin(Via.SECONDARY, target)))
        for attacker, target, origin in found:
            self._attack(attacker, target, origin)


class _Reach:
    """Nodes reachable by one or more ``edges``, remembered per start node.

    A start node is reachable from itself only through a cycle.  Each search is a plain
    depth-first walk; a debate's support chains are short, so nothing cleverer pays.
    """

    def __init__(self, edges: Mapping[str, list[str]]) -> None:
        self.edges = edges
        self.known: dict[str, tuple[str, ...]] = {}

    def __call__(self, start: str) -> tuple[str, ...]:
        if start not in self.known:
            seen: dict[str, None] = {}
            stack = list(self.edges.get(start, ()))
            while stack:
                node = stack.pop()
                if node not in seen:
                    seen[node] = None
                    stack.extend(self.edges.get(node, ()))
            self.known[start] = tuple(seen)
        return self.known[start]


_ROOM_VIA = {
    Via.PREMISE: "it rests on its premise",
    Via.SOURCE: "it starts from",
    Via.SECONDARY: "it is supported by",
}
"""How a rejection reaches a claim the room did not name (it never arrives ``SUPPORTED``)."""


# --- evaluating ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FrameworkEvaluation:
    """A framework's extensions under a semantics, and one label per argument.

    ``framework`` is the framework as evaluated, before the room's edits; ``rejected``
    lists every id the room's audience argument attacks.
    """

    framework: ArgumentationFramework
    semantics: Semantics
    extensions: tuple[tuple[str, ...], ...]
    """Each extension as a sorted tuple of ids; sorted like :func:`semantics.extensions`."""
    labels: Mapping[str, Label]
    """Every argument's label (module docstring, *Labels*), in framework order."""
    accepted: frozenset[str] = frozenset()
    rejected: frozenset[str] = frozenset()

    def with_label(self, label: Label) -> tuple[str, ...]:
        """The arguments with ``label``, in framework order."""
        return tuple(arg for arg, own in self.labels.items() if own is label)

    def why_out(self, arg: str) -> tuple[str, ...]:
        """The attackers of an OUT ``arg`` that are IN: what defeats it; else ``()``.

        A rejected argument may have none: the room defeats it (see :attr:`rejected`).
        Under a multi-extension semantics an OUT argument may have none either, when its
        attackers are undecided but no extension can hold it.
        """
        if self.labels[arg] is not Label.OUT:
            return ()
        return tuple(a for a in self.framework.attackers(arg) if self.labels[a] is Label.IN)


class UnknownIdError(ValueError):
    """An id in ``accept`` or ``reject`` that the framework does not have."""


def check_ids(
    arguments: Iterable[str],
    accept: Iterable[str],
    reject: Iterable[str],
    *,
    noun: str = "argument",
) -> tuple[frozenset[str], frozenset[str]]:
    """The room's verdicts as sets, once every id is known and none is in both.

    Raises :class:`UnknownIdError` for the first unknown id (a ``noun`` with no such id),
    with a did-you-mean;
    ``ValueError`` for ids named both ways; ``TypeError`` for a bare string, which would
    be read letter by letter.
    """
    if isinstance(accept, str) or isinstance(reject, str):
        raise TypeError("accept and reject take collections of ids, e.g. ['a'], not a string")
    known = arguments if isinstance(arguments, (set, frozenset, dict)) else set(arguments)
    accepted, rejected = frozenset(accept), frozenset(reject)
    for option, ids in (("accept", accept), ("reject", reject)):
        for arg in ids:
            if arg not in known:
                hint = did_you_mean(arg, known)
                raise UnknownIdError(
                    f"cannot {option} `{arg}`: no {noun} has that id"
                    + (f"; {hint}" if hint else "")
                )
    if clash := accepted & rejected:
        raise ValueError(f"cannot both accept and reject {', '.join(sorted(clash))}")
    return accepted, rejected


def evaluate_framework(
    af: ArgumentationFramework,
    semantics: Semantics | str,
    *,
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
    budget: Budget | None = None,
) -> FrameworkEvaluation:
    """Evaluate an abstract framework: extensions and summary labels (module docstring)."""
    semantics = Semantics(semantics)
    accepted, rejected = check_ids(af.arguments, accept, reject)
    extensions, labels = _solve(af, semantics, accepted, rejected, budget)
    return FrameworkEvaluation(af, semantics, extensions, labels, accepted, rejected)


def _solve(
    af: ArgumentationFramework,
    semantics: Semantics,
    accept: frozenset[str],
    reject: frozenset[str],
    budget: Budget | None = None,
) -> tuple[tuple[tuple[str, ...], ...], dict[str, Label]]:
    if semantics is Semantics.GROUNDED:
        labelling = grounded(af, accept=accept, reject=reject)
        return (labelling.extension,), dict(labelling)
    found = labellings(af, semantics, accept=accept, reject=reject, budget=budget)
    extensions = tuple(labelling.extension for labelling in found)
    if not found:
        return extensions, dict.fromkeys(af.arguments, Label.UNDEC)
    counts = dict.fromkeys(af.arguments, 0)
    for extension in extensions:
        for arg in extension:
            counts[arg] += 1
    return extensions, {arg: _summary(n, len(found)) for arg, n in counts.items()}


def _summary(members: int, extensions: int) -> Label:
    """IN in every extension, OUT in none, UNDEC in between."""
    if members == extensions:
        return Label.IN
    return Label.UNDEC if members else Label.OUT


@dataclass(frozen=True)
class Scorecard:
    """How one speaker fares: their claims and concessions, by label.

    Both maps have every :class:`Label` as a key; ids are in file order.
    """

    speaker: Speaker
    side: Side
    claims: Mapping[Label, tuple[str, ...]]
    concessions: Mapping[Label, tuple[str, ...]]


@dataclass(frozen=True)
class Evaluation(FrameworkEvaluation):
    """A debate evaluated: labels keyed by node id, a reason for every OUT one.

    ``labels`` covers the question, every statement and argument, and every inference
    argument (keyed by relation id, see :attr:`inferences`).
    """

    debate: Debate = field(kw_only=True)
    bipolar: bool = field(default=False, kw_only=True)
    mapping: DebateMapping = field(kw_only=True)
    standard: Standard = field(default=Standard.PREPONDERANCE, kw_only=True)
    preference: Preference = field(default=NO_AUDIENCE, kw_only=True)
    verdicts: Mapping[str, Verdict] = field(default_factory=dict, kw_only=True)
    """How the question and each at-issue claim were decided, by id."""
    failed: Mapping[tuple[str, str], FailedAttack] = field(default_factory=dict, kw_only=True)
    """The attacks that do not defeat for :attr:`preference`, by ``(attacker, target)``."""

    @property
    def inferences(self) -> Mapping[str, Inference]:
        """The inference arguments the mapping introduced, by id."""
        return self.mapping.inferences

    @property
    def named_rejections(self) -> tuple[str, ...]:
        """The ids the room rejects by name; :attr:`rejected` adds what rests on them."""
        return tuple(n for n, origin in self.mapping.rejected.items() if origin.node is None)

    @property
    def question(self) -> Label:
        """The motion's fate under the proof standard: IN stands, OUT falls, UNDEC undecided."""
        return self.labels[self.debate.question.id]

    @property
    def verdict(self) -> Verdict | None:
        """How the question was decided; None when the room accepted or rejected it."""
        return self.verdicts.get(self.debate.question.id)

    def describe(self, node: str) -> str:
        """A short readable name for any labelled id, inference arguments included."""
        inference = self.inferences.get(node)
        if inference is None:
            return self.debate.label_of(node)
        kind = inference.relation.kind
        verb = "against" if kind is not RelationKind.SUPPORTS else "for"
        return (
            f"“{self.debate.label_of(inference.source)}” as a reason {verb} "
            f"“{self.debate.label_of(inference.target)}”"
        )

    @cached_property
    def reasons(self) -> Mapping[str, str]:
        """For every OUT id, one sentence on why, naming claims by title and [id]."""
        return {node: self._reason(node) for node in self.with_label(Label.OUT)}

    def _name(self, node: str) -> str:
        described = self.describe(node)
        return f"{described} [{node}]" if node in self.inferences else f"“{described}” [{node}]"

    def _reason(self, node: str) -> str:
        verdict = self.verdicts.get(node)
        if verdict is not None:
            return "the con reasons prevail: " + verdict.summary()
        parts: list[str] = []
        room = self.mapping.rejected.get(node)
        if room is not None:
            parts.append(
                "rejected by the room"
                if room.node is None
                else f"{_ROOM_VIA[room.via]} {self._name(room.node)}, which the room rejects"
            )
        defeaters = self.why_out(node)
        if defeaters:
            beaten = "; ".join(self._defeat(a, node) for a in defeaters)
            parts.append(f"{'also ' if parts else ''}defeated by {beaten}")
        if not parts:  # only a multi-extension summary gets here
            attackers = ", ".join(self._name(a) for a in self.framework.attackers(node))
            parts.append(
                f"in no {self.semantics} extension: none defends it against {attackers}"
                if attackers
                else "it rests on a claim that falls when weighed"
            )
        return "; ".join(parts)

    def _defeat(self, attacker: str, target: str) -> str:
        origin = self.mapping.origins[(attacker, target)]
        name = self._name(attacker)
        if origin.node is None:
            return name
        through = self._name(origin.node)
        return {
            Via.PREMISE: f"{name}, which attacks its premise {through}",
            Via.SOURCE: f"{name}, which attacks {through}, where this link starts",
            Via.SUPPORTED: f"{name}, which supports its attacker {through}",
            Via.SECONDARY: f"{name}, which attacks its support {through}",
        }[origin.via]

    def speaker_scorecard(self) -> list[Scorecard]:
        """For each declared speaker, in file order: their claims and concessions by label."""
        cards = []
        for profile in speaker_profiles(DebateIndex(self.debate)):
            claims: dict[Label, list[str]] = {label: [] for label in Label}
            conceded: dict[Label, list[str]] = {label: [] for label in Label}
            for node in profile.claims:
                claims[self.labels[node]].append(node)
            for node in profile.concessions:
                conceded[self.labels[node]].append(node)
            cards.append(
                Scorecard(
                    profile.speaker,
                    profile.side,
                    {label: tuple(ids) for label, ids in claims.items()},
                    {label: tuple(ids) for label, ids in conceded.items()},
                )
            )
        return cards


def evaluate(
    debate: Debate,
    semantics: Semantics | str = Semantics.GROUNDED,
    *,
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
    bipolar: bool = False,
    budget: Budget | None = None,
    audience: Preference = NO_AUDIENCE,
    standard: Standard | str = Standard.PREPONDERANCE,
) -> Evaluation:
    """Which claims of ``debate`` stand under ``semantics``, given the room's verdicts.

    ``accept`` and ``reject`` take node ids and inference ids (relation ids); an unknown
    id raises :class:`UnknownIdError` with a did-you-mean, one in both ``ValueError``.
    ``audience`` turns attacks into defeats by its ranking of values, and the question and
    at-issue claims are decided under ``standard`` (:mod:`argmap.analysis.weighing`).
    """
    semantics = Semantics(semantics)
    standard = Standard(standard)
    if isinstance(accept, str) or isinstance(reject, str):
        raise TypeError("accept and reject take collections of ids, e.g. ['a'], not a string")
    accept, reject = tuple(accept), tuple(reject)
    # Unknown ids do no harm to the mapping, which knows the inference ids to check against.
    mapping = map_debate(debate, bipolar=bipolar, accept=accept, reject=reject)
    accepted, _ = check_ids(mapping.framework.arguments, accept, reject, noun="claim")
    room = frozenset(mapping.rejected)
    sources = {inference.id: inference.source for inference in mapping.inferences.values()}
    values = node_values(debate, sources)
    origins = {pair: (origin.via.value, origin.node) for pair, origin in mapping.origins.items()}
    failed = value_defeats(origins, values, audience)
    marked = (
        node.id
        for nodes in (debate.statements, debate.arguments)
        for node in nodes.values()
        if node.at_issue
    )
    at_issue = [n for n in (debate.question.id, *marked) if n not in accepted and n not in room]
    stands_on = {a.id: a.premises for a in debate.arguments.values() if a.premises}
    stands_on.update({link: (source,) for link, source in sources.items()})
    links = {i.id: (i.relation.id, i.source) for i in mapping.inferences.values()}
    order = issue_order(debate, at_issue)
    weighing = Weighing(
        debate,
        mapping.framework.arguments,
        {pair: origin for pair, origin in origins.items() if pair not in failed},
        stands_on,
        bearings(debate, links, set(order)),
        order,
        values,
        audience,
        standard,
        room,
        accepted,
    )
    framework, extensions, labels = weighing.run(
        lambda af, rejected: _solve(af, semantics, accepted, rejected, budget)
    )
    return Evaluation(
        framework,
        semantics,
        extensions,
        labels,
        accepted,
        room,
        debate=debate,
        bipolar=bipolar,
        mapping=mapping,
        standard=standard,
        preference=audience,
        verdicts=weighing.verdicts,
        failed=failed,
    )
