"""Dung (1995) semantics for :class:`ArgumentationFramework`, computed on labellings.

A *complete labelling* gives every argument one of IN/OUT/UNDEC such that an argument
is IN iff all its attackers are OUT, and OUT iff some attacker is IN (Caminada 2006).
Grounded, preferred and stable are the complete labellings with, respectively, the
least IN set, a maximal IN set, and no UNDEC.  Extensions are the IN sets.

How it is computed
------------------
* Grounded: one queue-driven pass, O(|arguments| + |attacks|).
* Complete / preferred / stable: every such labelling agrees with the grounded one where
  that is IN or OUT, so only the arguments it leaves undecided are searched, and those one
  strongly connected component of the attack graph at a time, in order, each for the labels
  its outside attackers have (:class:`_Decomposed`; Baroni, Giacomin and Guida 2005 show
  preferred semantics is SCC-recursive).  Within a component, a backtracking search over
  per-argument label domains propagates the labelling constraints to a fixpoint after each
  decision and branches on the undecided argument with the most attacks in and out,
  trying IN, then OUT, then UNDEC.  Stable simply never offers UNDEC.  Preferred prunes
  every branch whose possible IN set fits inside an extension found earlier; the label
  order ensures larger extensions are found before their subsets.  Frameworks of a dozen
  arguments are searched whole, and with at most seven left open every subset is tried.
* Budgets: listing stops beyond ``Budget.max_extensions`` extensions or
  ``Budget.max_arguments`` arguments with :class:`BudgetExceeded`, whose message gives the
  count (:func:`count_extensions` multiplies independent parts) and whose ``hint`` says
  what to do instead.

Results are deterministic: extensions (and labellings) are sorted by their sorted
member list.  With no extension at all (stable on an odd cycle), every argument is
vacuously sceptically accepted and none is credulously accepted, as in ICCMA.

Audience assumptions
--------------------
``accept`` and ``reject`` impose the room's verdict on some arguments before any
semantics runs.  Both are *edits to the framework*, so every semantics, and every
relation between them, holds unchanged for the edited framework:

* ``reject={x}``: a fresh, unattacked *audience* argument attacks ``x``.  The audience
  is IN under every semantics, so ``x`` is OUT in every labelling, and the arguments
  ``x`` attacked lose an attacker (they may be reinstated).
* ``accept={x}``: every attack on ``x`` is deleted (a self-attack too): the room
  shields ``x`` from its critics.  An unattacked argument is IN in the grounded
  labelling, hence in every complete, preferred and stable one; ``x``'s own attacks
  still stand.

The audience argument never appears in results.  An id in both sets, or one the
framework lacks, raises ``ValueError``.  Shielding was preferred over "keep only the
extensions containing ``x``" because it answers the question a debater asks ("what
follows if the judge buys ``x``?") for every semantics alike, grounded included, where
a filter would leave nothing to report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from argmap.analysis.framework import ArgumentationFramework, Label, Labelling

# A *domain* is the set of labels an argument may still take, as bit flags.
_IN, _OUT, _UNDEC = 1, 2, 4
_ANY = _IN | _OUT | _UNDEC
_TO_LABEL = {_IN: Label.IN, _OUT: Label.OUT}


class Semantics(StrEnum):
    """The Dung semantics this module implements."""

    GROUNDED = "grounded"
    COMPLETE = "complete"
    PREFERRED = "preferred"
    STABLE = "stable"


@dataclass(frozen=True, slots=True)
class _Graph:
    """Index adjacency after the audience edits; any audience argument comes last."""

    attackers: Sequence[Sequence[int]]
    targets: Sequence[Sequence[int]]


def _position(af: ArgumentationFramework, arg: str) -> int:
    if arg not in af:
        raise ValueError(f"argument {arg!r} is not in the framework")
    return af.index(arg)


def _graph(af: ArgumentationFramework, accept: Iterable[str], reject: Iterable[str]) -> _Graph:
    """Apply the audience edits described in the module docstring."""
    if isinstance(accept, str) or isinstance(reject, str):
        raise TypeError("accept and reject take collections of ids, e.g. ['a'], not a string")
    accepted = {_position(af, a) for a in accept}
    rejected = {_position(af, a) for a in reject}
    if clash := accepted & rejected:
        names = ", ".join(sorted(af.arguments[i] for i in clash))
        raise ValueError(f"cannot both accept and reject: {names}")
    if not accepted and not rejected:
        return _Graph(af.attacker_ids, af.target_ids)
    attackers = [list(a) for a in af.attacker_ids]
    targets = [list(t) for t in af.target_ids]
    for i in accepted:
        for attacker in attackers[i]:
            targets[attacker].remove(i)
        attackers[i] = []
    if rejected:
        audience = len(af)
        attackers.append([])
        targets.append(sorted(rejected))
        for i in rejected:
            attackers[i].append(audience)
    return _Graph(attackers, targets)


def _grounded_domains(graph: _Graph) -> list[int]:
    """Grounded labelling as domains: ``_IN``/``_OUT``, and ``_ANY`` for UNDEC.

    Each argument keeps a count of attackers not yet OUT; it becomes IN when the count
    reaches zero.  Every argument turns OUT at most once and then walks its targets
    once, which is what makes the whole pass linear.
    """
    domains = [_ANY] * len(graph.attackers)
    live = [len(a) for a in graph.attackers]
    queue = [i for i, n in enumerate(live) if n == 0]
    for i in queue:
        domains[i] = _IN
    while queue:
        for target in graph.targets[queue.pop()]:
            if domains[target] == _ANY:
                domains[target] = _OUT
                for t in graph.targets[target]:
                    live[t] -= 1
                    if live[t] == 0:
                        domains[t] = _IN
                        queue.append(t)
    return domains


def _is_open(domain: int) -> bool:
    """Whether more than one label is still possible."""
    return bool(domain & (domain - 1))


def _propagate(graph: _Graph, domains: list[int], changed: Iterable[int]) -> bool:
    """Narrow ``domains`` in place to a fixpoint; ``False`` if some domain empties.

    The constraint owned by argument ``x`` ties ``x`` to its attackers, so a change to
    ``y`` re-checks ``y`` and every target of ``y``.  Only values with no support left
    are removed, so no complete labelling is ever lost.  This is the innermost loop of
    every search, so it counts rather than collects, and keeps everything in locals
    (1, 2 and 4 are ``_IN``, ``_OUT`` and ``_UNDEC``).
    """
    attackers, targets = graph.attackers, graph.targets
    queue: list[int] = []
    queued: set[int] = set()
    narrowed: list[tuple[int, int]] = []  # (argument, mask) still to apply

    for y in changed:
        if y not in queued:
            queued.add(y)
            queue.append(y)
        for z in targets[y]:
            if z not in queued:
                queued.add(z)
                queue.append(z)
    while queue:
        x = queue.pop()
        queued.discard(x)
        can_in = can_undec = 0
        last_in = last_undec = -1
        some_in = False
        all_can_be_out = True
        for b in attackers[x]:
            domain = domains[b]
            if domain & 1:
                can_in += 1
                last_in = b
                if domain == 1:
                    some_in = True
            if domain & 4:
                can_undec += 1
                last_undec = b
            if not domain & 2:
                all_can_be_out = False
        support = (1 if all_can_be_out else 0) | (2 if can_in else 0)
        if can_undec and not some_in:
            support |= 4
        narrowed.append((x, support))
        label = domains[x] & support
        if label == 1:
            narrowed.extend((b, 2) for b in attackers[x])
        elif label == 2:
            if can_in == 1:
                narrowed.append((last_in, 1))
        elif label == 4:
            narrowed.extend((b, 6) for b in attackers[x])
            if can_undec == 1:
                narrowed.append((last_undec, 4))
        for y, mask in narrowed:
            domain = domains[y] & mask
            if domain != domains[y]:
                if not domain:
                    return False
                domains[y] = domain
                if y not in queued:
                    queued.add(y)
                    queue.append(y)
                for z in targets[y]:
                    if z not in queued:
                        queued.add(z)
                        queue.append(z)
        narrowed.clear()
    return True


def _search(
    graph: _Graph, domains: list[int], prune: Callable[[list[int]], bool] | None = None
) -> Iterator[list[int]]:
    """Yield each complete labelling refining ``domains`` that ``prune`` does not cut.

    Depth-first with an explicit stack, so deep searches cannot hit Python's recursion
    limit.  Branching order is fixed up front (most attacks in and out first): domains
    only shrink going down, so a child resumes scanning where its parent branched.
    """
    order = sorted(
        (i for i, d in enumerate(domains) if _is_open(d)),
        key=lambda i: -(len(graph.attackers[i]) + len(graph.targets[i])),
    )
    stack: list[tuple[list[int], int, Iterable[int]]] = [(domains, 0, range(len(domains)))]
    while stack:
        current, start, changed = stack.pop()
        if not _propagate(graph, current, changed) or (prune is not None and prune(current)):
            continue
        pos = None
        for k in range(start, len(order)):
            domain = current[order[k]]
            if domain & (domain - 1):  # still open
                pos = k
                break
        if pos is None:
            yield current
            continue
        arg = order[pos]
        for value in (_UNDEC, _OUT, _IN):  # pushed in reverse: IN is explored first
            if current[arg] & value:
                child = current.copy()
                child[arg] = value
                stack.append((child, pos + 1, (arg,)))


def _stable_domains(graph: _Graph) -> list[int]:
    """Start domains for stable: complete labellings that never offer UNDEC."""
    return [d & ~_UNDEC for d in _grounded_domains(graph)]


def _preferred(graph: _Graph, start: list[int] | None = None) -> list[list[int]]:
    """The preferred labellings: complete ones whose IN set is maximal.

    A branch whose possible IN set lies inside an extension already found cannot yield
    a new maximal one, so it is cut.  No extension found is superseded later: if F is a
    strictly larger complete extension than E, F's IN and OUT sets contain E's, so where
    the two first differ on a branching argument, F's label precedes E's in the order
    IN, OUT, UNDEC and F's branch is explored first.  ``containing[i]`` is the bitset of
    found extensions with ``i`` IN, making "does a found one hold all these?" a few ANDs.
    """
    domains = _grounded_domains(graph) if start is None else start.copy()
    open_args = [i for i, d in enumerate(domains) if _is_open(d)]
    found: list[list[int]] = []
    containing = dict.fromkeys(open_args, 0)

    def covered(current: list[int]) -> bool:
        """Whether a found extension holds every argument that may still be IN."""
        fits = (1 << len(found)) - 1
        for i in open_args:
            if current[i] & _IN:
                fits &= containing[i]
                if not fits:
                    return False
        return bool(fits)

    for labels in _search(graph, domains, covered):
        for i in open_args:
            if labels[i] == _IN:
                containing[i] |= 1 << len(found)
        found.append(labels)
    return found


DEFAULT_MAX_EXTENSIONS = 50_000
"""Most extensions listed before argmap stops and says so (``--max-extensions``).

A seminar debate has a handful, and the largest ICCMA-style instance argmap is tested on
(100 arguments) has 13,122 complete extensions; 20 pairs of claims contradicting each other
have 2**20 preferred ones, which no one reads and no machine should list.
"""

DEFAULT_MAX_ARGUMENTS = 200_000
"""Most arguments argmap enumerates complete, preferred or stable labellings of."""


class BudgetExceeded(ValueError):
    """Enumerating would go beyond a budget; ``hint`` says what to do instead."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


@dataclass(frozen=True, slots=True)
class Budget:
    """How much enumeration a caller allows; the defaults are far above ordinary debates."""

    max_extensions: int = DEFAULT_MAX_EXTENSIONS
    max_arguments: int = DEFAULT_MAX_ARGUMENTS


def _sccs(graph: _Graph) -> list[list[int]]:
    """Strongly connected components, attackers' components before their targets'.

    Tarjan's algorithm with an explicit stack (frameworks of 100,000 arguments would exceed
    Python's recursion limit). It finds components sinks first, so the list is reversed.
    """
    targets = graph.targets
    count = len(targets)
    index = [-1] * count
    low = [0] * count
    on_stack = [False] * count
    stack: list[int] = []
    found: list[list[int]] = []
    counter = 0
    for root in range(count):
        if index[root] >= 0:
            continue
        work = [(root, 0)]
        while work:
            node, child = work[-1]
            if child == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack[node] = True
            edges = targets[node]
            while child < len(edges):
                target = edges[child]
                child += 1
                if index[target] < 0:
                    work[-1] = (node, child)
                    work.append((target, 0))
                    break
                if on_stack[target] and index[target] < low[node]:
                    low[node] = index[target]
            else:
                work.pop()
                if work and low[node] < low[work[-1][0]]:
                    low[work[-1][0]] = low[node]
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack[member] = False
                        component.append(member)
                        if member == node:
                            break
                    found.append(component)
    found.reverse()
    return found


class _Decomposed:
    """A framework solved one strongly connected component at a time (Baroni et al., 2005).

    Every complete labelling restricted to a component is a complete labelling of that
    component *given* the labels of its attackers outside it, and conversely; the same holds
    for stable, and, by the SCC-recursiveness of preferred semantics, for preferred with
    "maximal IN within the component". So components are solved in order, each for the
    labels its outside attackers happen to have, and the answers are combined. A component
    sees its context through two added arguments: one unattacked (IN) that attacks members
    with an outside attacker IN, one attacking itself (UNDEC) that attacks members with an
    outside attacker UNDEC and none IN. The answer for each component and context is kept,
    so 20 independent pairs are solved 20 times, not 2**20.
    """

    def __init__(self, graph: _Graph, semantics: Semantics) -> None:
        self.graph = graph
        self.semantics = semantics
        # Every complete labelling (so every preferred and stable one) agrees with the
        # grounded one where that is IN or OUT: components decided there need no search.
        self.start = _grounded_domains(graph)
        start = self.start
        self.components = [c for c in _sccs(graph) if any(start[m] == _ANY for m in c)]
        self.member_of = [-1] * len(graph.attackers)
        for number, component in enumerate(self.components):
            for member in component:
                self.member_of[member] = number
        self.memo: dict[tuple[int, bytes], list[list[int]]] = {}

    def labellings(self) -> Iterator[list[int]]:
        """Every labelling, depth first over the components (an explicit stack)."""
        components = self.components
        if len(components) == 1 and len(components[0]) > 1:
            # One component left to search: the whole framework is its context already.
            yield from _whole(self.graph, self.start, self.semantics)
            return
        labels = self.start.copy()
        options: list[list[list[int]]] = []
        chosen: list[int] = []
        level = 0
        while level >= 0:
            if level == len(components):
                yield labels.copy()
                level -= 1
                continue
            if len(options) == level:
                options.append(self._local(level, labels))
                chosen.append(0)
            pick = chosen[level]
            if pick < len(options[level]):
                chosen[level] += 1
                for member, label in zip(components[level], options[level][pick], strict=True):
                    labels[member] = label
                level += 1
            else:
                options.pop()
                chosen.pop()
                level -= 1

    def _local(self, number: int, labels: list[int]) -> list[list[int]]:
        """The component's labellings (members in component order) given outside labels."""
        component = self.components[number]
        attackers = self.graph.attackers
        member_of = self.member_of
        context = bytearray(len(component))  # 0 free, 1 attacked by IN, 2 by UNDEC only
        for position, member in enumerate(component):
            for attacker in attackers[member]:
                if member_of[attacker] != number:
                    label = labels[attacker]
                    if label == _IN:
                        context[position] = 1
                        break
                    if label != _OUT:
                        context[position] = 2
        key = (number, bytes(context))
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = self._solve_component(component, context)
        return found

    def _solve_component(self, component: list[int], context: bytearray) -> list[list[int]]:
        semantics = self.semantics
        if len(component) == 1:
            (member,) = component
            if context[0] == 1:
                return [[_OUT]]
            attacks_itself = member in self.graph.attackers[member]
            if attacks_itself or context[0] == 2:
                return [] if semantics is Semantics.STABLE else [[_UNDEC]]
            return [[_IN]]
        if semantics is Semantics.STABLE and 2 in context:
            return []  # an outside attacker UNDEC: no stable labelling around it
        position = {member: local for local, member in enumerate(component)}
        size = len(component)
        local_attackers: list[list[int]] = [
            [position[a] for a in self.graph.attackers[member] if a in position]
            for member in component
        ]
        for how in (1, 2):
            # The context arguments: unattacked (IN), and attacking itself (UNDEC).
            if how in context:
                added = len(local_attackers)
                local_attackers.append([] if how == 1 else [added])
                for member_at, seen in enumerate(context):
                    if seen == how:
                        local_attackers[member_at].append(added)
        local_targets: list[list[int]] = [[] for _ in local_attackers]
        for target, sources in enumerate(local_attackers):
            for source in sources:
                local_targets[source].append(target)
        local = _Graph(local_attackers, local_targets)
        if semantics is Semantics.PREFERRED:
            solved = _preferred(local)
        elif semantics is Semantics.STABLE:
            solved = list(_search(local, _stable_domains(local)))
        else:
            solved = list(_search(local, _grounded_domains(local)))
        return [
            [_UNDEC if labels[i] == _ANY else labels[i] for i in range(size)] for labels in solved
        ]


_SMALL = 12
"""Frameworks this small are searched whole: splitting them costs more than it saves."""


_FEW = 7
"""With at most this many arguments left open by grounded, every subset of them is tried."""


def _few(graph: _Graph, start: list[int], semantics: Semantics) -> list[list[int]] | None:
    """The labellings, by trying each set of open arguments as bitmasks; None if too many.

    Grounded decides the rest, and nothing decided bears on the open arguments (an OUT one
    is beaten in every complete labelling, an IN one attacks only OUT ones), so a set ``e``
    of open arguments is a complete extension's open part when it is conflict-free and is
    exactly what it defends, and a stable one's when it attacks every other open argument.
    For the few open arguments of a small ICCMA instance this beats a search; at 8 it no
    longer does.
    """
    open_args = [i for i, d in enumerate(start) if d & (d - 1)]
    size = len(open_args)
    if size > _FEW:
        return None
    bit = {arg: 1 << place for place, arg in enumerate(open_args)}
    hits = [sum(bit.get(t, 0) for t in set(graph.targets[a])) for a in open_args]
    hit_by = [sum(bit.get(b, 0) for b in set(graph.attackers[a])) for a in open_args]
    attacked = [0] * (1 << size)
    for chosen in range(1, 1 << size):
        low = chosen & -chosen
        attacked[chosen] = attacked[chosen ^ low] | hits[low.bit_length() - 1]
    everything = (1 << size) - 1
    found: list[tuple[int, int]] = []
    for chosen, beaten in enumerate(attacked):
        if chosen & beaten:
            continue
        if semantics is Semantics.STABLE:
            if chosen | beaten == everything:
                found.append((chosen, beaten))
            continue
        defended = 0
        for place in range(size):
            if not hit_by[place] & ~beaten:
                defended |= 1 << place
        if defended == chosen:
            found.append((chosen, beaten))
    if semantics is Semantics.PREFERRED:
        found = [(e, b) for e, b in found if not any(e & o == e != o for o, _ in found)]
    solutions = []
    for chosen, beaten in found:
        labels = start.copy()
        for place, arg in enumerate(open_args):
            labels[arg] = _IN if chosen >> place & 1 else _OUT if beaten >> place & 1 else _UNDEC
        solutions.append(labels)
    return solutions


def _whole(graph: _Graph, start: list[int], semantics: Semantics) -> Iterator[list[int]]:
    """Every labelling of ``semantics`` refining the grounded domains ``start``."""
    if semantics is Semantics.PREFERRED:
        yield from _preferred(graph, start)
    elif semantics is Semantics.STABLE:
        yield from _search(graph, [d & ~_UNDEC for d in start])
    else:
        yield from _search(graph, start.copy())


def _solve(graph: _Graph, semantics: Semantics, budget: Budget | None = None) -> list[list[int]]:
    if semantics is Semantics.GROUNDED:
        return [_grounded_domains(graph)]
    budget = budget or Budget()
    if len(graph.attackers) > budget.max_arguments:
        raise BudgetExceeded(
            f"{semantics} semantics on {len(graph.attackers):,} arguments is more than argmap "
            f"enumerates (at most {budget.max_arguments:,})",
            "use --semantics grounded, which is linear in the size of the framework",
        )
    found: list[list[int]] = []
    if len(graph.attackers) <= _SMALL:
        start = _grounded_domains(graph)
        few = _few(graph, start, semantics)
        solutions = iter(few) if few is not None else _whole(graph, start, semantics)
    else:
        solutions = _Decomposed(graph, semantics).labellings()
    for labels in solutions:
        if len(found) == budget.max_extensions:
            raise _too_many(graph, semantics, budget)
        found.append(labels)
    return found


def _too_many(graph: _Graph, semantics: Semantics, budget: Budget) -> BudgetExceeded:
    total = count_labellings_of(graph, semantics, budget.max_extensions)
    how_many = f"{total:,}" if total is not None else f"more than {budget.max_extensions:,}"
    return BudgetExceeded(
        f"{semantics} semantics has {how_many} extensions here; argmap lists at most "
        f"{budget.max_extensions:,}",
        "raise the limit with --max-extensions N, or use --semantics grounded (one verdict, "
        "always quick)",
    )


def count_labellings_of(graph: _Graph, semantics: Semantics, cap: int) -> int | None:
    """How many labellings there are, or None when one independent part has more than ``cap``.

    Parts of the framework with no attack between them combine freely, so the count is the
    product of theirs: 30 independent pairs count as 2**30 after 30 small searches.
    """
    if semantics is Semantics.GROUNDED:
        return 1
    graph = _subgraph(graph, _without_sinks(graph))
    total = 1
    for part in _weak_components(graph):
        sub = _subgraph(graph, part)
        count = 0
        for _ in _Decomposed(sub, semantics).labellings():
            count += 1
            if count > cap:
                return None
        total *= count
        if total == 0:
            return 0
    return total


def _without_sinks(graph: _Graph) -> list[int]:
    """The arguments left once those attacking nothing (and not themselves) are peeled off.

    Such an argument has one label in every labelling of the rest, IN or OUT or UNDEC as its
    attackers decide (the rest is unattacked by it, and complete, preferred and stable
    labellings of an unattacked part are those of the whole, restricted), so it never
    changes a count. A debate's question attacks nothing: without it, the disputes under it
    fall apart into the independent parts whose counts multiply.
    """
    live = [len(targets) for targets in graph.targets]
    gone = [False] * len(live)
    queue = [i for i, n in enumerate(live) if n == 0]
    while queue:
        node = queue.pop()
        gone[node] = True
        for attacker in graph.attackers[node]:
            live[attacker] -= 1
            if live[attacker] == 0 and not gone[attacker]:
                queue.append(attacker)
    return [i for i, removed in enumerate(gone) if not removed]


def _weak_components(graph: _Graph) -> list[list[int]]:
    """Arguments grouped by connection through attacks in either direction."""
    seen = [False] * len(graph.attackers)
    parts = []
    for start in range(len(seen)):
        if seen[start]:
            continue
        seen[start] = True
        part = [start]
        for node in part:
            for other in (*graph.attackers[node], *graph.targets[node]):
                if not seen[other]:
                    seen[other] = True
                    part.append(other)
        parts.append(part)
    return parts


def _subgraph(graph: _Graph, members: Sequence[int]) -> _Graph:
    """The framework restricted to ``members``, renumbered; attacks from outside are dropped."""
    position = {member: local for local, member in enumerate(members)}
    return _Graph(
        [[position[a] for a in graph.attackers[m] if a in position] for m in members],
        [[position[t] for t in graph.targets[m] if t in position] for m in members],
    )


def _to_labelling(af: ArgumentationFramework, domains: list[int]) -> Labelling:
    return Labelling(
        (arg, _TO_LABEL.get(domains[i], Label.UNDEC)) for i, arg in enumerate(af.arguments)
    )


def grounded(
    af: ArgumentationFramework, *, accept: Iterable[str] = (), reject: Iterable[str] = ()
) -> Labelling:
    """The grounded labelling, in time linear in the size of the framework."""
    return _to_labelling(af, _grounded_domains(_graph(af, accept, reject)))


def labellings(
    af: ArgumentationFramework,
    semantics: Semantics | str,
    *,
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
    budget: Budget | None = None,
) -> list[Labelling]:
    """All labellings of ``semantics``, sorted by their extensions.

    Raises :class:`BudgetExceeded` (a ``ValueError``) rather than list more than
    ``budget.max_extensions`` of them, or enumerate a framework of more than
    ``budget.max_arguments``; :func:`count_extensions` counts without listing.
    """
    solved = _solve(_graph(af, accept, reject), Semantics(semantics), budget)
    return [_to_labelling(af, domains) for _, domains in _sorted(af, solved)]


def _sorted(af: ArgumentationFramework, solved: list[list[int]]) -> list[tuple[Any, list[int]]]:
    """Each solution with its sorted IN members, in the order of those members."""
    args = af.arguments
    keyed = [
        # ``domains`` may end with the audience argument, which is never reported.
        (sorted([arg for arg, label in zip(args, domains, strict=False) if label == _IN]), domains)
        for domains in solved
    ]
    keyed.sort(key=lambda pair: pair[0])
    return keyed


def extensions(
    af: ArgumentationFramework,
    semantics: Semantics | str,
    *,
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
    budget: Budget | None = None,
) -> list[frozenset[str]]:
    """All extensions of ``semantics``, sorted by their sorted member lists (see labellings)."""
    solved = _solve(_graph(af, accept, reject), Semantics(semantics), budget)
    return [frozenset(members) for members, _ in _sorted(af, solved)]


def count_extensions(
    af: ArgumentationFramework,
    semantics: Semantics | str,
    *,
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
    cap: int = DEFAULT_MAX_EXTENSIONS,
) -> int | None:
    """How many extensions ``semantics`` has, without listing them.

    Independent parts of the framework multiply, so 30 contradicting pairs count as 2**30
    at once. None when a single part has more than ``cap`` (it would have to be walked).
    """
    return count_labellings_of(_graph(af, accept, reject), Semantics(semantics), cap)


def complete_extensions(
    af: ArgumentationFramework, *, accept: Iterable[str] = (), reject: Iterable[str] = ()
) -> list[frozenset[str]]:
    """All complete extensions (the grounded one is always among them)."""
    return extensions(af, Semantics.COMPLETE, accept=accept, reject=reject)


def preferred_extensions(
    af: ArgumentationFramework, *, accept: Iterable[str] = (), reject: Iterable[str] = ()
) -> list[frozenset[str]]:
    """All preferred extensions: the subset-maximal complete ones (at least one)."""
    return extensions(af, Semantics.PREFERRED, accept=accept, reject=reject)


def stable_extensions(
    af: ArgumentationFramework, *, accept: Iterable[str] = (), reject: Iterable[str] = ()
) -> list[frozenset[str]]:
    """All stable extensions; ``[]`` when the framework has none."""
    return extensions(af, Semantics.STABLE, accept=accept, reject=reject)


def credulously_accepted(
    af: ArgumentationFramework,
    arg: str,
    semantics: Semantics | str,
    *,
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
) -> bool:
    """Whether ``arg`` is IN in at least one labelling of ``semantics``.

    For complete and preferred a single complete labelling with ``arg`` IN settles it
    (it extends to a preferred one), so the search stops at the first.
    """
    semantics = Semantics(semantics)
    graph = _graph(af, accept, reject)
    i = _position(af, arg)
    if semantics is Semantics.GROUNDED:
        return _grounded_domains(graph)[i] == _IN
    domains = _stable_domains(graph) if semantics is Semantics.STABLE else _grounded_domains(graph)
    domains[i] &= _IN
    return bool(domains[i]) and next(_search(graph, domains), None) is not None


def sceptically_accepted(
    af: ArgumentationFramework,
    arg: str,
    semantics: Semantics | str,
    *,
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
) -> bool:
    """Whether ``arg`` is IN in every labelling of ``semantics`` (vacuously, if none).

    Complete shares grounded's answer (grounded is the least complete labelling); stable
    looks for one stable labelling with ``arg`` OUT as a counterexample.
    """
    semantics = Semantics(semantics)
    graph = _graph(af, accept, reject)
    i = _position(af, arg)
    if semantics in (Semantics.GROUNDED, Semantics.COMPLETE):
        return _grounded_domains(graph)[i] == _IN
    if semantics is Semantics.PREFERRED:
        # Preferred semantics is directional: only what can reach ``arg`` decides it, and
        # the first preferred labelling with ``arg`` not IN settles the answer.
        ancestors = _ancestors(graph, i)
        sub = _subgraph(graph, ancestors)
        return all(labels[0] == _IN for labels in _Decomposed(sub, semantics).labellings())
    domains = _stable_domains(graph)
    domains[i] &= _OUT
    return not domains[i] or next(_search(graph, domains), None) is None


def _ancestors(graph: _Graph, start: int) -> list[int]:
    """``start`` first, then every argument with a chain of attacks reaching it."""
    seen = {start}
    found = [start]
    for node in found:
        for attacker in graph.attackers[node]:
            if attacker not in seen:
                seen.add(attacker)
                found.append(attacker)
    return found
