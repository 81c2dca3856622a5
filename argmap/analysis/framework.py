"""Dung-style abstract argumentation frameworks and their labellings.

An :class:`ArgumentationFramework` is deliberately tiny: argument ids and an attack
relation, nothing about what the arguments *say*.  The debate model is mapped onto it
elsewhere, so the semantics can be tested against the literature (and ICCMA instances)
without any debate in sight.

The framework keeps its attack relation twice over, as index-based adjacency lists.
The semantics in :mod:`argmap.analysis.semantics` walk these lists in their inner
loops, so they are computed once here rather than on every call.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from enum import StrEnum


class Label(StrEnum):
    """The status of one argument in a labelling (Caminada's three-valued view)."""

    IN = "in"
    OUT = "out"
    UNDEC = "undec"


class ArgumentationFramework:
    """An immutable abstract argumentation framework ``(arguments, attacks)``.

    ``arguments`` keeps the input order, which makes every derived listing stable and
    lets the semantics address arguments by position.  ``attacks`` is a set of
    ``(attacker, target)`` pairs; self-attacks are allowed.  Equality compares the
    argument tuple, order included, and the attack set.

    ``attacker_ids[i]`` and ``target_ids[i]`` list, by position, the arguments attacking
    and attacked by argument ``i``.  They follow the order the attacks were given in, not
    frozenset order (which varies with string hashing), so that algorithms walking them
    behave the same on every run.
    """

    __slots__ = ("_index", "arguments", "attacker_ids", "attacks", "target_ids")

    arguments: tuple[str, ...]
    attacks: frozenset[tuple[str, str]]
    attacker_ids: tuple[tuple[int, ...], ...]
    target_ids: tuple[tuple[int, ...], ...]
    _index: dict[str, int]

    def __init__(
        self, arguments: Iterable[str] = (), attacks: Iterable[tuple[str, str]] = ()
    ) -> None:
        """Build the framework; raises ``ValueError`` on duplicate or unknown ids."""
        args = tuple(arguments)
        index = {arg: i for i, arg in enumerate(args)}
        if len(index) != len(args):
            # ``index`` kept each id's last position, so a first occurrence is off.
            dup = next(a for i, a in enumerate(args) if index[a] != i)
            raise ValueError(f"argument {dup!r} is listed more than once")
        ordered = dict.fromkeys(attacks)  # deduplicated, in input order
        attackers: list[list[int]] = [[] for _ in args]
        targets: list[list[int]] = [[] for _ in args]
        try:
            for attacker, target in ordered:
                attackers[index[target]].append(index[attacker])
                targets[index[attacker]].append(index[target])
        except KeyError as err:
            raise ValueError(f"an attack uses unknown argument {err.args[0]!r}") from None
        object.__setattr__(self, "arguments", args)
        object.__setattr__(self, "attacks", frozenset(ordered))
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "attacker_ids", tuple(map(tuple, attackers)))
        object.__setattr__(self, "target_ids", tuple(map(tuple, targets)))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ArgumentationFramework):
            return NotImplemented
        return self.arguments == other.arguments and self.attacks == other.attacks

    def __hash__(self) -> int:
        return hash((self.arguments, self.attacks))

    def __repr__(self) -> str:
        # Small frameworks print as code that rebuilds them: handy in test failures.
        if len(self) <= 20:
            return f"ArgumentationFramework({list(self.arguments)!r}, {sorted(self.attacks)!r})"
        return f"<ArgumentationFramework: {len(self)} arguments, {len(self.attacks)} attacks>"

    def __len__(self) -> int:
        return len(self.arguments)

    def __contains__(self, arg: object) -> bool:
        return arg in self._index

    def index(self, arg: str) -> int:
        """Position of ``arg`` in :attr:`arguments`; ``KeyError`` if it is not there."""
        return self._index[arg]

    def attackers(self, arg: str) -> tuple[str, ...]:
        """The arguments attacking ``arg``, in the order their attacks were given."""
        return tuple(self.arguments[i] for i in self.attacker_ids[self._index[arg]])

    def targets(self, arg: str) -> tuple[str, ...]:
        """The arguments ``arg`` attacks, in the order those attacks were given."""
        return tuple(self.arguments[i] for i in self.target_ids[self._index[arg]])


class Labelling(Mapping[str, Label]):
    """An immutable total map from argument id to :class:`Label`.

    Labellings are hashable so that tests and callers can compare sets of them.
    """

    __slots__ = ("_labels",)

    def __init__(self, labels: Mapping[str, Label] | Iterable[tuple[str, Label]]) -> None:
        self._labels: dict[str, Label] = dict(labels)

    def __getitem__(self, arg: str) -> Label:
        return self._labels[arg]

    def __iter__(self) -> Iterator[str]:
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)

    def __hash__(self) -> int:
        return hash(frozenset(self._labels.items()))

    def __repr__(self) -> str:
        body = ", ".join(f"{arg}: {label.value}" for arg, label in self._labels.items())
        return f"Labelling({{{body}}})"

    @property
    def extension(self) -> tuple[str, ...]:
        """The arguments labelled IN, sorted: the extension this labelling stands for."""
        return tuple(sorted(arg for arg, label in self._labels.items() if label is Label.IN))
