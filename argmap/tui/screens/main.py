"""The main screen: the argument tree on the left, the selected claim on the right.

This screen owns the reader's state (the selected claim, the jump history, what is
highlighted) and is the only place it changes: widgets send messages up, the screen asks the
analysis layer (through the :class:`~argmap.tui.view.DebateView`) and sets widget attributes
down.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.reactive import var
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.worker import Worker, WorkerState

from argmap.io.diagnostics import Diagnostic
from argmap.render.errors import RenderError
from argmap.tui import keys
from argmap.tui.format import MUTED, NO_LABELS
from argmap.tui.highlight import Highlight, in_display_order
from argmap.tui.history import History
from argmap.tui.messages import (
    ClaimHighlighted,
    JumpRequested,
    VerdictsChanged,
    WeighingChanged,
)
from argmap.tui.screens.confirm import ConfirmScreen
from argmap.tui.screens.scorecards import ScorecardScreen
from argmap.tui.screens.seminar import SeminarScreen
from argmap.tui.screens.speakers import SpeakersScreen
from argmap.tui.screens.weighing import RoomWeighing, WeighingScreen, weighing_words
from argmap.tui.widgets.argument_tree import ArgumentTree
from argmap.tui.widgets.breadcrumb import Breadcrumb
from argmap.tui.widgets.debate_header import DebateHeader
from argmap.tui.widgets.detail_pane import DetailPane
from argmap.tui.widgets.error_banner import ErrorBanner
from argmap.tui.widgets.key_footer import KeyFooter
from argmap.tui.widgets.search_panel import SearchPanel
from argmap.tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from argmap.analysis.evaluation import Evaluation
    from argmap.model.debate import Debate
    from argmap.tui.view import DebateView

_Step = Callable[[tuple[str, ...], Callable[[tuple[str, ...]], bool]], tuple[str, ...] | None]
"""History.back or History.forward."""

ROOM_CYCLE: Mapping[str | None, str | None] = {None: "reject", "reject": "accept", "accept": None}
"""What the what-if key does to a claim: neutral → rejected → accepted → neutral."""

NARROW = 100
"""Below this many columns the tree and the detail pane are stacked, not side by side."""

FOCUS_DEPTH = 2
"""How many relations away from the selected claim a focused export reaches."""


class MainScreen(Screen[None]):
    """Tree, detail pane, breadcrumb, search; see the module docstring."""

    BINDINGS: ClassVar = keys.MAIN
    AUTO_FOCUS = "#tree"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW, "-wide")]  # noqa: RUF012 (Textual reads it)
    """Narrower than ``NARROW`` columns, the panes stack (see main.tcss)."""

    labels: var[Mapping[str, str]] = var(NO_LABELS, init=False)
    """Badges per claim id for the tree and the detail pane (extension point, e.g. what-if)."""

    def __init__(self, path: Path, export_dir: Path) -> None:
        super().__init__(id="main")
        self.path = path
        self.export_dir = export_dir
        self.view: DebateView | None = None
        self.history: History[tuple[str, ...]] = History()
        """Places are paths of claim ids from the top of the tree (see ``History``)."""
        self.highlight: Highlight | None = None
        self._search_origin: tuple[str, ...] | None = None
        self._search_expanded: set[str] = set()
        """The claims open when the search began: what leaving it restores."""
        self.room: dict[str, str] = {}
        """The room's what-if verdicts: claim id → ``accept`` or ``reject``."""
        self.evaluation: Evaluation | None = None
        """The evaluation behind :attr:`labels`; None until the first what-if."""
        self.weighing = RoomWeighing()
        """The room's ranking of the values and proof standard (the weighing panel, ``v``)."""
        self.labels_hidden = False
        """The reader hid the what-if labels (``L``); the room's verdicts still hold."""
        self._exported: set[Path] = set()
        """Maps this session wrote: the only files ``e`` replaces without asking."""
        self._exporting: tuple[Path, float] | None = None
        """The map being written and when it started, for the progress in the status line."""
        self._export_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield DebateHeader(id="header")
        yield ErrorBanner(id="banner")
        yield Breadcrumb(id="breadcrumb")
        # Above the panes, where no notification (bottom right) can cover it.
        yield StatusLine(id="status")
        with Horizontal(id="panes"):
            yield ArgumentTree(id="tree")
            yield DetailPane(id="detail")
        yield SearchPanel(id="search")
        yield KeyFooter()

    def on_mount(self) -> None:
        if self.view is None:
            self.query_one(DebateHeader).show_loading(self.path.name)
            self.query_one(DetailPane).show_message(f"Loading {self.path}…")

    @property
    def argument_tree(self) -> ArgumentTree:
        return self.query_one(ArgumentTree)

    @property
    def selected(self) -> str | None:
        """The claim under the tree cursor (read from the tree, so a key pressed right after
        a move never acts on the claim before it)."""
        return self.argument_tree.cursor_claim if self.view is not None else None

    @property
    def crumbs(self) -> tuple[str, ...]:
        """Where the cursor is: claim ids from the top of the tree down to it."""
        return self.argument_tree.cursor_path if self.view is not None else ()

    # -- attributes down from the app ------------------------------------------------------

    def show_view(self, view: DebateView) -> None:
        """Show a (re)loaded or edited debate, keeping the selection, open nodes and highlight.

        An edit that adds one leaf claim adds one line to the tree; anything else (a reload,
        a delete, a move, an undo) draws the tree again.
        """
        tree = self.argument_tree
        if not tree.grow(view):
            expanded = () if self.view is None else tree.expanded_ids()
            # The same place if it is still there, else the deepest claim on its path that is.
            crumbs = self.crumbs
            keep = next((i for i in range(len(crumbs), 0, -1) if view.has(crumbs[i - 1])), 0)
            tree.show(view, expanded=expanded, place=crumbs[:keep])
        self.view = view
        self.query_one(DebateHeader).show(view)
        self.query_one(ErrorBanner).show_problems(())
        if self.highlight is not None:
            self._rehighlight(view, self.highlight)
        if self.evaluation is not None:
            self.room = {node_id: v for node_id, v in self.room.items() if view.has(node_id)}
            self._evaluate(view)

    def show_problems(self, problems: Sequence[Diagnostic]) -> None:
        """The file on disk is invalid: say why, above the last good version."""
        self.query_one(ErrorBanner).show_problems(problems)

    def watch_labels(self, labels: Mapping[str, str]) -> None:
        self.argument_tree.labels = labels
        self.query_one(DetailPane).labels = labels

    # -- messages up from the widgets --------------------------------------------------------

    @on(ClaimHighlighted)
    def _claim_highlighted(self, event: ClaimHighlighted) -> None:
        if self.view is None:
            return
        pane, crumb, status = (
            self.query_one(DetailPane),
            self.query_one(Breadcrumb),
            self.query_one(StatusLine),
        )
        pane.show(self.view, event.node_id)
        crumb.show(self.view, event.path)
        self._update_status()
        paint_now(pane, crumb, status)

    @on(JumpRequested)
    def _jump_requested(self, event: JumpRequested) -> None:
        event.stop()
        self.jump(event.node_id)
        self.argument_tree.focus()  # j and k move in the tree again, from the new claim

    def jump(self, node_id: str, *, record: bool = True) -> None:
        """Go to a claim's home in the tree; ``record`` it in the history (back/forward)."""
        if self.view is None or not self.view.has(node_id):
            return
        if record:
            self.history.visit(self.crumbs or None, tuple(self.view.shape.path(node_id)))
        self.argument_tree.reveal(node_id)

    # -- history -----------------------------------------------------------------------------

    def action_back(self) -> None:
        self._travel(self.history.back, "Nothing to go back to: jump somewhere first")

    def action_forward(self) -> None:
        self._travel(self.history.forward, "Nothing to go forward to")

    def _travel(self, step: _Step, empty: str) -> None:
        view = self.view
        if view is None or not self.crumbs:
            return
        place = step(self.crumbs, lambda path: view.has(path[-1]))
        if place is None:
            self.notify(empty, timeout=2)
            return
        self.argument_tree.reveal_place(place)

    # -- search --------------------------------------------------------------------------------

    def action_search(self) -> None:
        self._search_origin = self.crumbs or None
        self._search_expanded = self.argument_tree.expanded_ids()
        panel = self.query_one(SearchPanel)
        panel.open()
        if self.view is not None and panel.search_text:
            self._search(self.view, panel.search_text, preview=False)

    @on(SearchPanel.Changed)
    def _search_changed(self, event: SearchPanel.Changed) -> None:
        if self.view is not None:
            self._search(self.view, event.query, preview=True)

    @on(SearchPanel.Moved)
    def _search_moved(self, event: SearchPanel.Moved) -> None:
        self.argument_tree.reveal(event.node_id)

    @on(SearchPanel.Chosen)
    def _search_chosen(self, event: SearchPanel.Chosen) -> None:
        self.query_one(SearchPanel).hide()
        if self._search_origin is not None and self.view is not None:
            self.history.visit(self._search_origin, tuple(self.view.shape.path(event.node_id)))
        # What the previews opened closes again; the chosen claim's path stays open.
        self.argument_tree.open_only(self._search_expanded)
        self.argument_tree.reveal(event.node_id)
        self.argument_tree.focus()

    @on(SearchPanel.Closed)
    def _search_closed(self) -> None:
        self.argument_tree.open_only(self._search_expanded)  # as it was before the search
        if self._search_origin is not None:
            self.argument_tree.reveal_place(self._search_origin)
        self.argument_tree.focus()

    def _search(self, view: DebateView, query: str, *, preview: bool) -> None:
        matches = view.search.search(query, view.tree_order) if query.strip() else []
        self.query_one(SearchPanel).show_results(view, matches)
        ids = tuple(m.node_id for m in matches)
        self._set_highlight(Highlight("search", query.strip(), ids) if query.strip() else None)
        if preview and ids:
            self.argument_tree.reveal(ids[0])
        elif preview and self._search_origin:
            self.argument_tree.reveal_place(self._search_origin)

    # -- highlight: next / previous / clear ---------------------------------------------------

    def action_next_match(self) -> None:
        self._step_highlight(1)

    def action_previous_match(self) -> None:
        self._step_highlight(-1)

    def _step_highlight(self, direction: int) -> None:
        if self.view is None or self.highlight is None or not self.highlight.ids:
            self.notify("Nothing highlighted: press / to search or s to pick a speaker", timeout=3)
            return
        target = self.highlight.step(self.selected, direction, self.view.tree_position)
        if target is not None:
            self.jump(target, record=False)

    def action_clear_highlight(self) -> None:
        self._set_highlight(None)

    def _set_highlight(self, highlight: Highlight | None) -> None:
        self.highlight = highlight
        self.argument_tree.marked = frozenset(highlight.ids) if highlight else frozenset()
        self._update_status()

    def _rehighlight(self, view: DebateView, highlight: Highlight) -> None:
        """Recompute a highlight against a reloaded debate."""
        if highlight.kind == "search":
            self._search(view, highlight.title, preview=False)
            return
        profile = next((p for p in view.speakers if p.speaker.name == highlight.title), None)
        ids = in_display_order(profile.involved, view.tree_position) if profile else ()
        self._set_highlight(Highlight("speaker", highlight.title, ids))

    def _update_status(self) -> None:
        found = (self._export_status(), self._highlight_status(), self._room_status())
        parts = [part for part in found if part]
        self.query_one(StatusLine).show_text(Content("  │  ").join(parts) if parts else None)

    def _highlight_status(self) -> Content | None:
        highlight = self.highlight
        if highlight is None:
            return None
        what = (
            f"Search “{highlight.title}”"
            if highlight.kind == "search"
            else f"Claims of {highlight.title}"
        )
        count = len(highlight.ids)
        number = highlight.number(self.selected)
        where = f"{number} of {count}" if number else f"{count} highlighted"
        return Content.assemble(
            (what, "bold"),
            f": {where}",
            ("   n next · N previous · x clear", MUTED),
        )

    # -- what-if: the room's assumptions -------------------------------------------------------

    def action_what_if(self) -> None:
        """Cycle the selected claim through rejected, accepted and neutral; relabel at once."""
        view, node_id = self.view, self.selected
        if view is None or node_id is None:
            return
        verdict = ROOM_CYCLE[self.room.pop(node_id, None)]
        if verdict is not None:
            self.room[node_id] = verdict
        evaluation = self._evaluate(view)
        self.post_message(VerdictsChanged())  # the room file keeps them
        verb = {"reject": "rejects", "accept": "accepts", None: "is neutral on"}[verdict]
        self.notify(
            f"room {verb}: {node_id}\nThe question is now {evaluation.question}",
            title="What-if",
            timeout=4,
        )

    def action_clear_room(self) -> None:
        view = self.view
        if view is None:
            return
        if not self.room:
            self.notify("The room assumes nothing: press a on a claim to reject it", timeout=3)
            return
        self.room.clear()
        evaluation = self._evaluate(view)
        self.post_message(VerdictsChanged())
        self.notify(
            f"room assumes nothing\nThe question is {evaluation.question}",
            title="What-if",
            timeout=4,
        )

    def _evaluate(self, view: DebateView) -> Evaluation:
        """Evaluate under the room's verdicts and show the labels (well under 1 ms a time)."""
        weighing = self.weighing
        evaluation = view.evaluate(self.room, weighing.preference(view.debate), weighing.standard)
        self.evaluation = evaluation
        self._show_labels()
        return evaluation

    def _show_labels(self) -> None:
        evaluation = self.evaluation
        shown = evaluation is not None and not self.labels_hidden
        pane = self.query_one(DetailPane)
        pane.reasons = dict(evaluation.reasons) if shown and evaluation else NO_LABELS
        self.labels = (
            {node_id: str(label) for node_id, label in evaluation.labels.items()}
            if shown and evaluation
            else NO_LABELS
        )
        self._update_status()

    def action_toggle_labels(self) -> None:
        """Hide the what-if labels (the room's assumptions stay), or show them again."""
        view = self.view
        if view is None:
            return
        if self.evaluation is None:  # nothing assumed yet: show the debate's own labels
            self.labels_hidden = False
            self._evaluate(view)
            return
        self.labels_hidden = not self.labels_hidden
        self._show_labels()

    def assumptions(self) -> str:
        """What the room assumes, in words: ``room rejects: a, b · accepts: c``."""
        said = [
            f"{verb}: {', '.join(i for i, v in self.room.items() if v == verdict)}"
            for verdict, verb in (("reject", "rejects"), ("accept", "accepts"))
            if verdict in self.room.values()
        ]
        if self.weighing != RoomWeighing() and self.view is not None:
            said.append(f"weighs by {weighing_words(self.view.debate, self.weighing)}")
        return "room " + " · ".join(said) if said else "the room assumes nothing"

    def _room_status(self) -> Content | None:
        if self.evaluation is None:
            return None
        hidden = " · labels hidden" if self.labels_hidden else ""
        return Content.assemble(
            ("What-if", "bold"),
            f": {self.assumptions()} · question {self.evaluation.question}{hidden}",
            ("   a reject/accept/neutral · A clear · L labels · c scorecards", MUTED),
        )

    def action_weighing(self) -> None:
        """Open the weighing panel: the room ranks the values; Enter relabels the tree."""
        view = self.view
        if view is not None:
            accept, reject = view.verdicts(self.room)
            screen = WeighingScreen(view.debate, self.weighing, accept, reject)
            self.app.push_screen(screen, self._weighed)

    def _weighed(self, chosen: RoomWeighing | None) -> None:
        view = self.view
        if view is None or chosen is None:
            return
        self.weighing = chosen
        self.post_message(WeighingChanged())  # the room file keeps it
        evaluation = self._evaluate(view)
        self.notify(
            f"the room weighs by {weighing_words(view.debate, chosen)}\n"
            f"The question is now {evaluation.question}",
            title="What-if",
            timeout=4,
            markup=False,
        )

    def action_scorecards(self) -> None:
        view = self.view
        if view is not None:
            evaluation = self.evaluation or self._evaluate(view)
            self.app.push_screen(ScorecardScreen(evaluation, self.assumptions()))

    # -- speakers and seminar -----------------------------------------------------------------

    def action_speakers(self) -> None:
        if self.view is not None:
            self.app.push_screen(SpeakersScreen(self.view), self._speaker_chosen)

    def _speaker_chosen(self, speaker_id: str | None) -> None:
        view = self.view
        if view is None or speaker_id is None:
            return
        profile = next(p for p in view.speakers if p.speaker.id == speaker_id)
        ids = in_display_order(profile.involved, view.tree_position)
        self._set_highlight(Highlight("speaker", profile.speaker.name, ids))
        self.argument_tree.reveal_all(ids)
        if ids:
            self.jump(ids[0])
        else:
            self.notify(f"{profile.speaker.name} asserts no claim in this debate", timeout=3)

    def action_seminar(self) -> None:
        view = self.view
        if view is None:
            return
        order = view.teaching_order
        start = order.index(self.selected) if self.selected in order else 0
        seminar = SeminarScreen(view, start, self.weighing, view.verdicts(self.room))
        self.app.push_screen(seminar, self._seminar_left)

    def _seminar_left(self, node_id: str | None) -> None:
        if node_id is not None:
            self.jump(node_id)

    # -- export --------------------------------------------------------------------------------

    def action_export(self, scope: str, fmt: str = "svg") -> None:
        """Export the whole map, or (``scope="focus"``) the selected claim's neighbourhood, as
        SVG or (``fmt="html"``) as the interactive page that opens with the room's verdicts.

        The name says what the view was (``-focus-<id>``, ``-whatif``). A file this session did
        not write is never replaced without asking: it may be a map someone committed.
        """
        view = self.view
        if view is None or self._exporting is not None:
            return
        focus = self.selected if scope == "focus" and self.selected != view.shape.root else None
        labels = self._map_labels()
        target = export_path(
            self.export_dir, self.path, focus, whatif=labels is not None, suffix=f".{fmt}"
        )
        if target.exists() and target.resolve() not in self._exported:

            def answered(yes: bool | None) -> None:
                if yes:
                    self._start_export(view.debate, target, focus, labels, fmt)
                else:
                    self.notify(f"Not exported: {target} kept as it was", timeout=4)

            self.app.push_screen(
                ConfirmScreen(
                    f"Replace {target}?",
                    "argmap did not write this file in this session; it may be someone's work.",
                ),
                answered,
            )
            return
        self._start_export(view.debate, target, focus, labels, fmt)

    def _map_labels(self) -> dict[str, str] | None:
        """The what-if labels, when the map should carry them."""
        from argmap.render.options import EVALUATION_LABELS

        labels = dict(self.labels)
        return labels if labels and set(labels.values()) <= set(EVALUATION_LABELS) else None

    def _start_export(
        self,
        debate: Debate,
        target: Path,
        focus: str | None,
        labels: dict[str, str] | None,
        fmt: str,
    ) -> None:
        self._exporting = (target, time.monotonic())
        self._export_timer = self.set_interval(0.5, self._update_status)
        self._update_status()
        view = self.view
        verdicts = view.verdicts(self.room) if view is not None else ((), ())
        self._export(debate, target, focus, labels, fmt, verdicts)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(
        self,
        debate: Debate,
        target: Path,
        focus: str | None,
        labels: dict[str, str] | None,
        fmt: str,
        verdicts: tuple[tuple[str, ...], tuple[str, ...]],
    ) -> Path:
        from argmap.render.export import export_map  # Graphviz loads on the first export
        from argmap.render.options import MapOptions

        options = MapOptions(focus=focus, depth=FOCUS_DEPTH if focus else None, labels=labels)
        if fmt == "html":  # the page recomputes labels itself, from the room's verdicts
            accept, reject = verdicts
            export_map(debate, target, fmt, options, accept=accept, reject=reject)
        else:
            export_map(debate, target, fmt, options)
        return target

    def _export_status(self) -> Content | None:
        if self._exporting is None:
            return None
        target, started = self._exporting
        first = "" if self._exported else " (the first export starts the built-in Graphviz)"
        return Content.assemble(
            ("Exporting", "bold"),
            f" {target.name}… {time.monotonic() - started:.0f} s",
            (first, MUTED),
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != "export" or event.state not in (WorkerState.SUCCESS, WorkerState.ERROR):
            return
        self._exporting = None
        if self._export_timer is not None:
            self._export_timer.stop()
            self._export_timer = None
        self._update_status()
        if event.state is WorkerState.SUCCESS:
            assert isinstance(worker.result, Path)
            self._exported.add(worker.result.resolve())
            self.notify(f"Map saved: {worker.result}", title="Export", timeout=6)
        else:
            error = worker.error
            reason = str(error) or type(error).__name__
            if isinstance(error, RenderError) and error.hint:
                reason += f"\n{error.hint}"
            self.notify(f"Export failed: {reason}", title="Export", severity="error", timeout=10)


def paint_now(*widgets: Widget) -> None:
    """Hand the widgets' pending repaints (and layouts) to their screen at once.

    Textual sends a widget's repaint through that widget's own message queue, so it reaches
    the screen only when the widget next goes idle. The screen's frame timer can fire in
    between: the tree's new cursor line is drawn alone and the detail pane follows one frame
    later, 17 to 33 ms after the key (the timer's 60 Hz grid). Called from the screen's own
    handler, this puts them all in the frame that draws the cursor (``bench/bench_tui.py``).
    """
    for widget in widgets:
        for node in (widget, *widget.walk_children(Widget)):
            node._check_refresh()


def export_path(
    export_dir: Path,
    debate_file: Path,
    focus: str | None,
    *,
    whatif: bool = False,
    suffix: str = ".svg",
) -> Path:
    """``exports/<stem>.svg`` (or ``.html``); ``<stem>-focus-<claim id>`` for a focused map and
    ``-whatif`` for one with the room's labels, so a name always says which view it holds."""
    stem = debate_file.stem
    if focus is not None:
        stem = f"{stem}-focus-{re.sub(r'[^A-Za-z0-9._-]+', '_', focus)}"
    if whatif:
        stem += "-whatif"
    return export_dir / f"{stem}{suffix}"
