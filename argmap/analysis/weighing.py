"""Weighing, not only defeat: proof standards and audiences that rank values.

Dung semantics read a policy question like a defendant: one objection standing unanswered and
the motion falls.  But in a policy debate reasons stand on both sides, and the article's
analysts accept the same facts and *weigh* them differently.  This module adds the two models
formal argumentation has for that, and :mod:`argmap.analysis.evaluation` applies them.

Value-based argumentation (Bench-Capon, *Persuasion in practical argument using value-based
argumentation frameworks*, J. Logic Comput. 2003).  A reason ``promotes`` values; an audience
ranks them (:class:`Preference`).  An attack defeats its target for that audience only if the
attacker's value is not ranked below the target's.  An argument promoting several values counts
with the one the audience ranks highest.  Values an audience does not list rank below those it
lists, level with each other; a reason that promotes no value is a matter of fact: its attacks
always succeed, and so do attacks on it.  With no audience every value ranks level, so every
attack succeeds and the result is Dung's.  An attack that arises through something else (a
premise, the claim a link starts from, a support under ``bipolar``) succeeds when the attack
it comes from does.

Proof standards (Carneades: Gordon, Prakken and Walton, *The Carneades model of argument and
burden of proof*, Artificial Intelligence 171, 2007).  The question, and every claim marked
``at-issue``, is not labelled by its attackers but decided by comparing its *standing* (IN) pro
and con reasons.  A reason's strength is its value's place in the audience's ranking, then its
``weight`` (:data:`DEFAULT_WEIGHT` when none is given):

* ``scintilla``: some pro reason stands;
* ``preponderance`` (the default): the strongest standing pro reason is stronger than the
  strongest standing con reason (or none stands against it);
* ``clear-and-convincing``: preponderance, and the best pro weight exceeds :data:`ALPHA` and
  the best con weight by more than :data:`BETA`;
* ``beyond-reasonable-doubt``: clear and convincing, and the best con weight is below
  :data:`GAMMA`;
* ``dialectical-validity``: some pro reason stands and no con reason does.

The claim *stands* (IN) when its pro reasons meet the standard, *falls* (OUT) when instead its
con reasons meet the same standard against it, and is *undecided* otherwise: ties and missing
reasons never make a claim fall.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from argmap.analysis.framework import ArgumentationFramework, Label
from argmap.io.diagnostics import did_you_mean
from argmap.model.debate import Debate, RelationKind

DEFAULT_WEIGHT = 0.5
"""The weight of a reason that gives none: every unweighted reason weighs the same."""

ALPHA = 0.5
"""Clear and convincing: the strongest pro reason must weigh more than this."""

BETA = 0.3
"""Clear and convincing: ... and more than the strongest con reason by more than this."""

GAMMA = 0.2
"""Beyond reasonable doubt: the strongest con reason must weigh less than this."""

DOUBT = " (doubt)"
"""Suffix of the argument that keeps an undecided at-issue claim undecided while solving."""


class Standard(StrEnum):
    """A proof standard (module docstring)."""

    SCINTILLA = "scintilla"
    PREPONDERANCE = "preponderance"
    CLEAR_AND_CONVINCING = "clear-and-convincing"
    BEYOND_REASONABLE_DOUBT = "beyond-reasonable-doubt"
    DIALECTICAL_VALIDITY = "dialectical-validity"


class UnknownAudienceError(ValueError):
    """An audience or value id the debate does not declare."""


@dataclass(frozen=True)
class Preference:
    """An audience's ranking of values: who weighs what above what.

    ``id`` is the speaker or audience id it came from (None for a ranking given on the command
    line, or for :data:`NO_AUDIENCE`); ``ranking`` lists groups of level values, best first.
    """

    id: str | None
    name: str
    ranking: tuple[tuple[str, ...], ...] = ()
    _scores: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        top = len(self.ranking)
        scores = {value: top - place for place, group in enumerate(self.ranking) for value in group}
        object.__setattr__(self, "_scores", scores)

    @property
    def ranks_anything(self) -> bool:
        return bool(self._scores)

    def score(self, values: Iterable[str]) -> int:
        """The standing of the best of ``values``: higher is weightier; 0 if none is ranked."""
        return max((self._scores.get(value, 0) for value in values), default=0)

    def place(self, value: str | None) -> str:
        """``1st``, ``2nd`` ... in this ranking; ``unranked`` for a value it does not list."""
        for number, group in enumerate(self.ranking, 1):
            if value in group:
                suffix = {1: "st", 2: "nd", 3: "rd"}.get(number if number < 20 else number % 10)
                return f"{number}{suffix or 'th'}"
        return "unranked"

    def best(self, values: Sequence[str]) -> str | None:
        """The value of ``values`` this audience ranks highest (the first on a tie)."""
        if not values:
            return None
        return max(values, key=lambda value: self._scores.get(value, 0))

    def succeeds(self, attacker: Sequence[str], target: Sequence[str]) -> bool:
        """Whether an attack by a reason promoting ``attacker`` defeats one promoting ``target``.

        A reason that promotes no value is a matter of fact: it always defeats, and is always
        defeated.
        """
        if not attacker or not target:
            return True
        return self.score(attacker) >= self.score(target)

    def describe(self) -> str:
        """``security > exposure = rights``: the ranking as one line."""
        return " > ".join(" = ".join(group) for group in self.ranking) or "(no ranking)"


NO_AUDIENCE = Preference(None, "no audience")
"""Every value ranks level: every attack defeats, as in Dung's frameworks."""


def audiences(debate: Debate) -> dict[str, Preference]:
    """Every ranking the debate declares: speakers with ``ranks``, then ``audiences``."""
    found = {
        speaker.id: Preference(speaker.id, speaker.name, speaker.ranks)
        for speaker in debate.speakers.values()
        if speaker.ranks
    }
    for audience in debate.audiences.values():
        found[audience.id] = Preference(audience.id, audience.name, audience.ranking)
    return found


def audience(debate: Debate, audience_id: str) -> Preference:
    """The ranking of a speaker or a declared audience; raises :class:`UnknownAudienceError`."""
    known = audiences(debate)
    if audience_id in known:
        return known[audience_id]
    if audience_id in debate.speakers:
        raise UnknownAudienceError(
            f"speaker `{audience_id}` ranks no values: give them `ranks:` in the file"
        )
    hint = did_you_mean(audience_id, known)
    listing = ", ".join(known) or "none: declare `audiences:` or give a speaker `ranks:`"
    raise UnknownAudienceError(
        f"no audience `{audience_id}`" + (f"; {hint}" if hint else f"; audiences: {listing}")
    )


def ranking(debate: Debate, spec: str) -> Preference:
    """A ranking written ``security,exposure=rights`` (``=`` ranks values level)."""
    groups: list[tuple[str, ...]] = []
    seen: set[str] = set()
    for part in spec.split(","):
        group = tuple(value.strip() for value in part.split("=") if value.strip())
        for value in group:
            if value not in debate.values:
                hint = did_you_mean(value, debate.values)
                listing = ", ".join(debate.values) or "none: declare `values:` in the file"
                raise UnknownAudienceError(
                    f"--rank: no value `{value}`"
                    + (f"; {hint}" if hint else f"; the debate's values: {listing}")
                )
            if value in seen:
                raise UnknownAudienceError(f"--rank: `{value}` is ranked twice")
            seen.add(value)
        if group:
            groups.append(group)
    if not groups:
        raise UnknownAudienceError("--rank needs value ids, e.g. --rank security,exposure")
    return Preference(None, "the given ranking", tuple(groups))


# --- value-based defeat -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FailedAttack:
    """An attack that does not defeat for an audience, and the two values that decide it."""

    attacker: str
    target: str
    attacker_value: str | None
    target_value: str | None
    direct: bool
    """False when it arises through a premise, a link's source or a support."""


def node_values(debate: Debate, sources: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """The values each framework argument promotes; an inference has its source's.

    ``sources`` maps each inference argument id to the node it stands on.
    """
    values: dict[str, tuple[str, ...]] = {}
    for nodes in (debate.statements, debate.arguments):
        for node in nodes.values():
            if node.promotes:
                values[node.id] = node.promotes
    for inference, source in sources.items():
        if source in values:
            values[inference] = values[source]
    return values


def value_defeats(
    origins: Mapping[tuple[str, str], tuple[str, str | None]],
    values: Mapping[str, tuple[str, ...]],
    preference: Preference,
) -> dict[tuple[str, str], FailedAttack]:
    """The attacks that fail for ``preference``, keyed ``(attacker, target)``.

    ``origins`` gives, for each attack, how it arises: ``("relation", None)`` directly, or
    ``(via, node)`` through ``node``: a premise or source (the attack on ``node`` decides), a
    supported attacker (``node``'s attack decides) or an attacked supporter.
    """
    if not preference.ranks_anything or not values:
        return {}
    scores = {node: preference.score(promoted) for node, promoted in values.items()}
    failed: dict[tuple[str, str], FailedAttack] = {}
    for (attacker, target), (via, node) in origins.items():
        mine, theirs = attacker, target
        if node is not None:
            mine, theirs = (node, target) if via == "supported" else (attacker, node)
        if mine in scores and theirs in scores and scores[mine] < scores[theirs]:
            failed[(attacker, target)] = FailedAttack(
                attacker,
                target,
                preference.best(values[mine]),
                preference.best(values[theirs]),
                direct=node is None,
            )
    return failed


# --- proof standards --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Reason:
    """One pro or con reason bearing on an at-issue claim, with its label and strength."""

    node: str
    """The claim or argument giving the reason."""
    carrier: str
    """The framework argument whose label says whether it stands (an inference if undercut)."""
    pro: bool
    label: Label
    value: str | None
    score: int
    weight: float
    weighted: bool
    """Whether the author gave the weight (else it is :data:`DEFAULT_WEIGHT`)."""

    @property
    def stands(self) -> bool:
        return self.label is Label.IN

    @property
    def strength(self) -> tuple[int, float]:
        return (self.score, self.weight)


@dataclass(frozen=True)
class Verdict:
    """How an at-issue claim is decided: its reasons, the standard, and the outcome."""

    node: str
    label: Label
    standard: Standard
    preference: Preference
    reasons: tuple[Reason, ...]
    settled: bool = True
    """False when the claim bears on its own reasons and no verdict is consistent with them
    (it undercuts its own reason, say): it is then undecided whatever the count says."""

    @property
    def pros(self) -> tuple[Reason, ...]:
        """The standing pro reasons."""
        return tuple(r for r in self.reasons if r.pro and r.stands)

    @property
    def cons(self) -> tuple[Reason, ...]:
        """The standing con reasons."""
        return tuple(r for r in self.reasons if not r.pro and r.stands)

    @property
    def basis(self) -> str:
        """What the reasons were compared by: equal weights, weights, or a ranking."""
        if self.preference.ranks_anything and self.preference.id is None:
            return f"by the ranking {self.preference.describe()}"
        if self.preference.ranks_anything:
            return f"as {self.preference.name} ranks the values"
        standing = (*self.pros, *self.cons)
        return "with weights" if any(r.weighted for r in standing) else "with equal weights"

    def outcome(self, subject: str = "it") -> str:
        """``it stands``, ``it falls`` or ``undecided``."""
        verb = {Label.IN: " stands", Label.OUT: " falls"}.get(self.label)
        return subject + verb if verb else "undecided"

    def summary(self, subject: str = "it") -> str:
        """``2 pro and 1 con reasons stand; under preponderance with equal weights: undecided``."""
        pros, cons = len(self.pros), len(self.cons)
        noun = "reason stands" if pros + cons == 1 else "reasons stand"
        said = f"{pros} pro and {cons} con {noun}; under {self.standard} {self.basis}: "
        if not self.settled:
            return said + "undecided, as no verdict agrees with what it does to its own reasons"
        return said + self.outcome(subject)

    def why(self) -> str:
        """What the comparison came down to: the strongest reason on each side."""
        pros, cons = self.pros, self.cons
        if not pros and not cons:
            return "no reason stands on either side"
        if self.standard in {Standard.SCINTILLA, Standard.DIALECTICAL_VALIDITY}:
            return (
                "no con reason stands"
                if not cons
                else "a con reason stands"
                if pros
                else ("no pro reason stands")
            )
        pro = max(pros, key=lambda r: r.strength, default=None)
        con = max(cons, key=lambda r: r.strength, default=None)
        return f"strongest pro: {_strength(pro, self.preference)}; strongest con: " + (
            _strength(con, self.preference)
        )


def _strength(reason: Reason | None, preference: Preference) -> str:
    if reason is None:
        return "none"
    parts = [reason.node]
    if preference.ranks_anything:
        parts.append(f"{reason.value} (ranked {preference.place(reason.value)})")
    if reason.weighted or not preference.ranks_anything:
        parts.append(f"weight {reason.weight:g}")
    return ", ".join(parts)


def meets(standard: Standard, side: Sequence[Reason], other: Sequence[Reason]) -> bool:
    """Whether the standing reasons ``side`` meet ``standard`` against ``other``."""
    if standard is Standard.SCINTILLA:
        return bool(side)
    if standard is Standard.DIALECTICAL_VALIDITY:
        return bool(side) and not other
    if not side:
        return False
    best = max(r.strength for r in side)
    rival = max((r.strength for r in other), default=None)
    if rival is not None and not best > rival:
        return False
    if standard is Standard.PREPONDERANCE:
        return True
    weight = max(r.weight for r in side)
    against = max((r.weight for r in other), default=0.0)
    convincing = weight > ALPHA and weight - against > BETA
    if standard is Standard.CLEAR_AND_CONVINCING:
        return convincing
    return convincing and against < GAMMA


def decide(reasons: Sequence[Reason], standard: Standard) -> Label:
    """IN if the pros meet ``standard``; OUT if instead the cons meet it; else UNDEC."""
    pros = [r for r in reasons if r.pro and r.stands]
    cons = [r for r in reasons if not r.pro and r.stands]
    if meets(standard, pros, cons):
        return Label.IN
    if meets(standard, cons, pros):
        return Label.OUT
    return Label.UNDEC


# --- deciding at-issue claims inside a framework ---------------------------------------------

Solution = tuple[tuple[tuple[str, ...], ...], dict[str, Label]]
"""A solved framework: its extensions (sorted id tuples) and every argument's label."""

Solver = Callable[[ArgumentationFramework, frozenset[str]], Solution]
"""Solve a framework with extra rejections: ``(framework, reject) -> (extensions, labels)``."""


@dataclass(frozen=True, slots=True)
class Bearing:
    """A relation bearing on an at-issue claim: who gives it, through which argument, which way."""

    node: str
    carrier: str
    pro: bool


@dataclass
class Weighing:
    """Decides at-issue claims over a framework whose other claims keep Dung semantics.

    ``attacks`` is the defeat relation (value-based failures already removed); ``stands_on``
    maps each argument or inference to what it rests on (premises, a link's source), so that a
    claim decided out or undecided takes what rests on it along.
    """

    debate: Debate
    arguments: tuple[str, ...]
    attacks: Mapping[tuple[str, str], tuple[str, str | None]]
    stands_on: Mapping[str, tuple[str, ...]]
    bearings: Mapping[str, tuple[Bearing, ...]]
    at_issue: tuple[str, ...]
    values: Mapping[str, tuple[str, ...]]
    preference: Preference
    standard: Standard
    room_rejects: frozenset[str]
    room_accepts: frozenset[str] = frozenset()
    """What the room accepts is shielded from a fallen or undecided claim it rests on."""
    verdicts: dict[str, Verdict] = field(default_factory=dict)

    def run(
        self, solve: Solver
    ) -> tuple[ArgumentationFramework, tuple[tuple[str, ...], ...], dict[str, Label]]:
        """The defeat framework (no attacks on at-issue claims) and the final solution."""
        issue = set(self.at_issue)
        kept = [
            pair
            for pair, (via, node) in self.attacks.items()
            if pair[1] not in issue and not (node in issue and via in {"premise", "source"})
        ]
        base = ArgumentationFramework(self.arguments, kept)
        resting = self._resting()
        solved = solve(base, self.room_rejects)
        encoded: dict[str, Label] = {}
        for node in self.at_issue:
            if not base.targets(node) and not resting.get(node):
                # It bears on nothing: deciding it changes no other label.
                self.verdicts[node] = self._decide(node, solved[1])
                continue
            verdict, solved = self._settle(node, base, resting, encoded, solve)
            self.verdicts[node] = verdict
            encoded[node] = verdict.label
        extensions, labels = solved
        labels = {arg: labels[arg] for arg in self.arguments}
        labels.update({node: verdict.label for node, verdict in self.verdicts.items()})
        # A claim that bears on nothing was solved unattacked: keep it out of the extensions
        # unless it stands.  One that bears on others was solved with its verdict already.
        undecided = {
            n for n, v in self.verdicts.items() if v.label is not Label.IN and n not in encoded
        }
        shown = dict.fromkeys(
            tuple(arg for arg in extension if arg not in undecided and not arg.endswith(DOUBT))
            for extension in extensions
        )
        return base, tuple(sorted(shown)), labels

    def _settle(
        self,
        node: str,
        base: ArgumentationFramework,
        resting: Mapping[str, tuple[str, ...]],
        encoded: Mapping[str, Label],
        solve: Solver,
    ) -> tuple[Verdict, Solution]:
        """A verdict for a claim that bears on others, consistent with what it bears on.

        Its reasons may depend on it (it attacks one of its own objections), so a verdict is
        tried, the framework solved with it, and the claim decided again: the first verdict
        that gives itself back is kept, undecided first.  When none does, it is undecided.
        """
        tried: dict[Label, tuple[Verdict, Solution]] = {}
        order = [Label.UNDEC]
        for candidate in order:  # grows: then the verdict it gave, then the rest
            solved = solve(*self._encode(base, resting, {**encoded, node: candidate}))
            verdict = self._decide(node, solved[1])
            if verdict.label is candidate:
                return verdict, solved
            tried[candidate] = (verdict, solved)
            order += [label for label in (verdict.label, *Label) if label not in order]
        verdict, solved = tried[Label.UNDEC]
        return replace(verdict, label=Label.UNDEC, settled=False), solved

    def _resting(self) -> dict[str, tuple[str, ...]]:
        """For each at-issue claim, everything resting on it, however indirectly."""
        above: dict[str, list[str]] = defaultdict(list)
        for node, basis in self.stands_on.items():
            for base in basis:
                above[base].append(node)
        resting: dict[str, tuple[str, ...]] = {}
        for claim in self.at_issue:
            seen: dict[str, None] = {}
            stack = list(above.get(claim, ()))
            while stack:
                node = stack.pop()
                if node not in seen:
                    seen[node] = None
                    stack.extend(above.get(node, ()))
            resting[claim] = tuple(seen)
        return resting

    def _encode(
        self,
        base: ArgumentationFramework,
        resting: Mapping[str, tuple[str, ...]],
        verdicts: Mapping[str, Label],
    ) -> tuple[ArgumentationFramework, frozenset[str]]:
        """The framework with the verdicts so far: out claims rejected, undecided ones doubted.

        A doubt argument and the claim attack each other, and the doubt attacks what rests on
        the claim: grounded semantics leave both undecided, and the multi-extension semantics
        keep positions with and without the claim.
        """
        reject = set(self.room_rejects)
        doubts: list[str] = []
        attacks = list(base.attacks)
        for node, label in verdicts.items():
            above = [n for n in resting.get(node, ()) if n not in self.room_accepts]
            if label is Label.OUT:
                reject.add(node)
                reject.update(above)
            elif label is Label.UNDEC:
                doubt = node + DOUBT
                doubts.append(doubt)
                attacks += [(doubt, node), (node, doubt)]
                attacks += [(doubt, claim) for claim in above]
        return ArgumentationFramework((*base.arguments, *doubts), attacks), frozenset(reject)

    def _decide(self, node: str, labels: Mapping[str, Label]) -> Verdict:
        reasons = []
        for bearing in self.bearings.get(node, ()):
            own = self.debate.claim(bearing.node)
            values = self.values.get(bearing.carrier, ())
            weight = own.weight if own is not None else None
            reasons.append(
                Reason(
                    node=bearing.node,
                    carrier=bearing.carrier,
                    pro=bearing.pro,
                    label=labels.get(bearing.carrier, Label.UNDEC),
                    value=self.preference.best(values),
                    score=self.preference.score(values),
                    weight=DEFAULT_WEIGHT if weight is None else weight,
                    weighted=weight is not None,
                )
            )
        label = decide(reasons, self.standard)
        return Verdict(node, label, self.standard, self.preference, tuple(reasons))


def bearings(
    debate: Debate, links: Mapping[str, tuple[str, str]], at_issue: Collection[str]
) -> dict[str, tuple[Bearing, ...]]:
    """Every reason bearing on each node: supports are pro; attacks, undercuts and
    contradictions (from either end) are con.

    ``links`` maps each inference argument to its relation's id and the node it stands on: an
    undercut link is carried by its inference argument, so the reason stands only while its
    link does.  Only the nodes in ``at_issue`` are looked at.
    """
    carriers = {(relation, source): link for link, (relation, source) in links.items()}
    found: dict[str, list[Bearing]] = defaultdict(list)
    for relation in debate.relations.values():
        if relation.target in debate.relations:
            continue  # an undercut of a link: it bears on the link, not on a claim
        source, target = relation.source, relation.target
        if target in at_issue:
            carrier = carriers.get((relation.id, source), source)
            found[target].append(Bearing(source, carrier, relation.kind is RelationKind.SUPPORTS))
        if relation.kind is RelationKind.CONTRADICTS and source in at_issue:
            back = carriers.get((relation.id, target), target)
            found[source].append(Bearing(target, back, False))
    return {node: tuple(items) for node, items in found.items()}


def issue_order(debate: Debate, at_issue: Iterable[str]) -> tuple[str, ...]:
    """At-issue claims, the ones furthest below the question first, the question last.

    A claim's reasons are decided before it is, whenever they are at issue themselves.
    """
    question = debate.question.id
    claims = [node for node in dict.fromkeys(at_issue) if node != question]
    last = (question,) if question in set(at_issue) else ()
    if len(claims) < 2:
        return (*claims, *last)  # nothing to order
    below: dict[str, list[str]] = defaultdict(list)
    for relation in debate.relations.values():
        below[relation.target].append(relation.source)
    depth = {question: 0}
    frontier = [question]
    while frontier:
        following = []
        for node in frontier:
            for child in below.get(node, ()):
                if child not in depth:
                    depth[child] = depth[node] + 1
                    following.append(child)
        frontier = following
    claims.sort(key=lambda node: -depth.get(node, 0))
    return (*claims, *last)
