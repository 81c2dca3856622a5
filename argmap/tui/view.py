"""One loaded version of a debate, with everything the screens need computed from it.

A :class:`DebateView` is built off the UI thread when a file is (re)loaded and handed down to
the screens and widgets, which only read it. Keeping the analysis here, outside any widget,
is what lets the widgets stay about display and lets a reload swap the whole view at once.

This is the only TUI module that imports the model, I/O and analysis layers; the others refer
to their types for annotations only. The app imports this module in the worker that reads the
file, so the first frame is drawn before any of that code is even loaded.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from argmap.analysis.evaluation import Evaluation, evaluate
from argmap.analysis.graph import DebateIndex
from argmap.analysis.grow import grown_index, grown_shape, is_leaf_addition
from argmap.analysis.search import SearchIndex
from argmap.analysis.seminar import (
    SchemeQuestions,
    scheme_of,
    scheme_questions,
    teaching_order,
)
from argmap.analysis.speakers import NameHider, SpeakerProfile, speaker_profiles
from argmap.analysis.tree import Link, TreeShape, neighbours
from argmap.analysis.weighing import NO_AUDIENCE, Preference, Standard
from argmap.formats.registry import detect_format, read_debate
from argmap.io.diagnostics import Diagnostic
from argmap.io.load import parse_debate
from argmap.io.loaded import LoadedDebate
from argmap.io.schemes import scheme_catalogue
from argmap.io.yamlsource import read_text
from argmap.model.debate import Debate, Relation, Side
from argmap.model.schemes import Scheme


@dataclass(frozen=True, slots=True)
class Growth:
    """How a view differs from the one it was made from: one new ``leaf`` under ``parent``."""

    base: weakref.ReferenceType[DebateView]
    """The earlier view (weakly: a chain of edits must not keep every version's tree alive)."""
    leaf: str
    parent: str


@dataclass(eq=False)
class DebateView:
    """A debate and its derived structures. The expensive ones are computed on first use."""

    path: Path
    debate: Debate
    warnings: tuple[Diagnostic, ...] = ()
    loaded: LoadedDebate | None = None
    """The version read from disk and its source positions (edits are saved against it)."""
    source_text: str | None = None
    """The text ``loaded`` was read from, for an argmap YAML file (None for other formats)."""
    index: DebateIndex = field(init=False)
    shape: TreeShape = field(init=False)
    growth: Growth | None = field(default=None, init=False)
    """Set when this view is an earlier one plus one new leaf claim (see :func:`edited_view`),
    so the tree can add one line instead of drawing itself again."""

    def __post_init__(self) -> None:
        self.index = DebateIndex(self.debate)
        self.shape = TreeShape(self.index)

    @cached_property
    def sides(self) -> Mapping[str, Side]:
        """Each claim's side on the question; the question itself counts as pro."""
        return {**self.index.sides, self.debate.question.id: Side.PRO}

    @cached_property
    def tree_order(self) -> tuple[str, ...]:
        """Every node in the order the fully expanded tree shows it."""
        return tuple(self.shape.preorder())

    @cached_property
    def tree_position(self) -> Mapping[str, int]:
        """Where each node comes in :attr:`tree_order`."""
        return {node_id: i for i, node_id in enumerate(self.tree_order)}

    @cached_property
    def search(self) -> SearchIndex:
        return SearchIndex(self.debate)

    @cached_property
    def speakers(self) -> tuple[SpeakerProfile, ...]:
        return tuple(speaker_profiles(self.index))

    @cached_property
    def name_hider(self) -> NameHider:
        """Hides speakers' names in free text, for seminar mode's "Who said this?"."""
        return NameHider(self.debate.speakers.values())

    @cached_property
    def teaching_order(self) -> tuple[str, ...]:
        return teaching_order(self.shape)

    @property
    def schemes(self) -> Mapping[str, Scheme]:
        return scheme_catalogue()

    def side_of(self, node_id: str) -> Side:
        """A node's side on the question (the question itself counts as pro)."""
        return self.sides.get(node_id, Side.NEUTRAL)

    def links(self, node_id: str) -> list[Link]:
        """Every relation touching ``node_id``, as links for the detail pane."""
        return neighbours(self.index, node_id)

    def scheme_of(self, node_id: str) -> Scheme | None:
        """The argumentation scheme of an argument, for its critical questions."""
        return scheme_of(self.debate, node_id, self.schemes)

    def scheme_questions(self, node_id: str) -> SchemeQuestions | None:
        """An argument's critical questions with the scheme's letters filled from it."""
        scheme = self.scheme_of(node_id)
        return scheme_questions(self.index, node_id, scheme) if scheme is not None else None

    def has(self, node_id: str) -> bool:
        """Is ``node_id`` a node (question, statement or argument) of this version?"""
        debate = self.debate
        return (
            node_id == debate.question.id
            or node_id in debate.statements
            or node_id in debate.arguments
        )

    def speaker_names(self, node_id: str) -> list[str]:
        """The names of the speakers who assert ``node_id``."""
        node = self.debate.claim(node_id)
        if node is None:
            return []
        return [self.debate.speakers[s].name for s in node.speakers]

    def evaluate(
        self,
        room: Mapping[str, str],
        audience: Preference = NO_AUDIENCE,
        standard: Standard = Standard.PREPONDERANCE,
    ) -> Evaluation:
        """Grounded labels under the room's verdicts (claim id → ``accept`` or ``reject``),
        weighed by the room's ranking of the values and proof standard.

        Ids this version no longer has are left out, so a what-if survives a reload that
        removed one of its claims.
        """
        accept, reject = self.verdicts(room)
        return evaluate(
            self.debate, accept=accept, reject=reject, audience=audience, standard=standard
        )

    def verdicts(self, room: Mapping[str, str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The ids the room accepts and rejects that this version of the debate still has."""
        kept = {node_id: verdict for node_id, verdict in room.items() if self.has(node_id)}
        return (
            tuple(node_id for node_id, verdict in kept.items() if verdict == "accept"),
            tuple(node_id for node_id, verdict in kept.items() if verdict == "reject"),
        )

    def warm(self) -> None:
        """Compute the lazy parts now (call off the UI thread, after the first paint)."""
        for part in ("sides", "tree_position", "search", "speakers", "teaching_order"):
            getattr(self, part)
        _ = self.index.reachable  # the first edit extends it (analysis.grow)


def load_view(path: Path) -> DebateView:
    """Read ``path`` and build its view; raises DebateLoadError like :func:`read_debate`.

    Also derives the sides, which the first frame of the tree shows (the rest of the view
    waits for :meth:`DebateView.warm` or first use).
    """
    text: str | None = None
    if detect_format(path) == "yaml":
        text = read_text(path)
        loaded = parse_debate(text, str(path))
    else:
        loaded = read_debate(path)
    view = view_of(loaded, path, text)
    _ = view.sides
    return view


def view_of(loaded: LoadedDebate, path: Path, text: str | None = None) -> DebateView:
    return DebateView(path, loaded.debate, tuple(loaded.warnings), loaded, text)


def edited_view(base: DebateView, debate: Debate) -> DebateView:
    """A view of an edited debate that still saves against the version read from disk.

    A new reason or objection (one leaf claim) extends the base's index and tree instead of
    rebuilding them (``argmap.analysis.grow``), so Enter in the capture form stays fast on a
    large debate.
    """
    added = _last_added(base.debate, debate)
    if added is not None and is_leaf_addition(base.debate, debate, added):
        view = DebateView.__new__(DebateView)
        view.path, view.debate, view.warnings = base.path, debate, ()
        view.loaded, view.source_text = base.loaded, base.source_text
        view.index = grown_index(base.index, debate, added)
        view.shape = grown_shape(base.shape, view.index, added)
        view.growth = Growth(weakref.ref(base), added.source, added.target)
        if "sides" in base.__dict__ and "sides" in view.index.__dict__:
            view.__dict__["sides"] = {**view.index.sides, debate.question.id: Side.PRO}
        return view
    return DebateView(base.path, debate, (), base.loaded, base.source_text)


def _last_added(before: Debate, after: Debate) -> Relation | None:
    """The relation from ``after``'s one new statement, if that is what an edit added.

    Edits add a claim and its relation at the end of their mappings, so looking at the last
    ones is enough (a scan of 10,000 relations is not); anything else is not an addition.
    """
    if len(after.statements) != len(before.statements) + 1 or not after.relations:
        return None
    leaf = next(reversed(after.statements))
    relation = next(reversed(after.relations.values()))
    return relation if relation.source == leaf and leaf not in before.statements else None
