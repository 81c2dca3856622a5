"""The argmap TUI application: loading, live reload, and the screens on top.

:func:`create_app` is the one way to make the app; the ``argmap tui`` command and the tests
both use it. The app paints at once and reads the debate in a worker thread, so a large file
never delays the first frame; every later version of the file is read the same way when it
changes on disk (live reload). A version that does not load leaves the last good one on
screen with the errors in a banner. If the very first read fails there is nothing to show:
the app exits with status 1 and :attr:`ArgmapApp.startup_problems` says why, for the command
to print.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual import work
from textual.app import SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from argmap.io.diagnostics import DebateLoadError, Diagnostic
from argmap.tui import keys
from argmap.tui.editor import EditorApp
from argmap.tui.palette import side_variables
from argmap.tui.screens.help import HelpScreen
from argmap.tui.screens.main import MainScreen
from argmap.tui.screens.seminar import SeminarScreen
from argmap.tui.screens.weighing import RoomWeighing
from argmap.tui.watch import FileWatch
from argmap.tui.widgets.argument_tree import ArgumentTree

if TYPE_CHECKING:
    from argmap.tui.session import EditSession
    from argmap.tui.view import DebateView

_HERE = Path(__file__).parent


class ArgmapApp(EditorApp):
    """The TUI. Make it with :func:`create_app`."""

    CSS_PATH: ClassVar = sorted(_HERE.rglob("*.tcss"))
    BINDINGS: ClassVar = [*keys.APP, *keys.EDIT, *keys.ROOM]
    TITLE = "argmap"

    def __init__(
        self,
        path: Path,
        *,
        watch: bool = True,
        export_dir: Path = Path("exports"),
        room_file: Path | None = None,
    ) -> None:
        super().__init__()
        self.path = path
        self.room_file = room_file
        self.session: EditSession | None = None
        """Edits and the room's record; made when the debate has first been read."""
        self.watching = watch
        self.main = MainScreen(path, export_dir)
        self.view: DebateView | None = None
        self.startup_problems: tuple[Diagnostic, ...] = ()
        self.reloads = 0
        """How many versions have been shown; tests wait on it."""
        self._watch = FileWatch(path)
        self._confirm_reload = False
        """Ctrl+R was pressed: say when the file is read (live reloads stay quiet)."""

    def get_default_screen(self) -> Screen[None]:
        return self.main

    def on_mount(self) -> None:
        # Read the file after the first frame is on screen, so a large debate never delays it.
        self.call_after_refresh(self.load)
        if self.watching:
            self._watch_file()

    # -- loading --------------------------------------------------------------------------------

    def load(self) -> None:
        """Read the file again in a worker; the result arrives in :meth:`_loaded`."""
        self._load()

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _load(self) -> DebateView:
        # Imported here, in the worker: the model, I/O and analysis layers load while the
        # first frame is already on screen.
        from argmap.tui.view import load_view

        return load_view(self.path)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group == "load" and event.state is WorkerState.SUCCESS:
            self._loaded(cast("DebateView", worker.result))
        elif worker.group == "load" and event.state is WorkerState.ERROR:
            self._failed(_problems(worker.error, self.path))
        elif worker.group == "warm" and event.state is WorkerState.ERROR:
            self.log.error("precomputing the debate view failed", worker.error)

    def _loaded(self, view: DebateView) -> None:
        session = self.session
        if session is None:
            self._start_session(view)
        elif session.is_own_save(view.source_text):
            self.reloads += 1  # this app's own save: nothing new to show
            return
        elif session.dirty:
            self.reloads += 1
            self.changed_on_disk(view, self._show)
            return
        else:
            session.start(view.loaded, view.source_text)  # type: ignore[arg-type]
        self._show(view)
        if self.session is not None and session is None:
            self._restore_room(view, self.session)

    def _restore_room(self, view: DebateView, session: EditSession) -> None:
        """The room file's verdicts and weighing, back on screen as the room left them."""
        room = session.room
        if not room.verdicts and not room.ranking and room.standard is None:
            return
        self.main.room = dict(known_room_verdicts(view, session))
        self.main.weighing = RoomWeighing.kept(room)
        self.main._evaluate(view)

    def _start_session(self, view: DebateView) -> None:
        from argmap.tui.session import EditSession

        self.session = EditSession(self.path, self.room_file, view.debate.values)
        self.session.start(view.loaded, view.source_text)  # type: ignore[arg-type]
        if self.session.room_problem:
            self.say(
                f"{self.session.room_problem}\nThe room's record is not kept this session.",
                title="Room file not read",
                severity="error",
                timeout=10,
            )

    def _show(self, view: DebateView) -> None:
        self.view = view
        self.main.show_view(view)
        for screen in self.screen_stack:
            if isinstance(screen, SeminarScreen):
                screen.show_view(view)
        self.reloads += 1
        if self._confirm_reload:
            self._confirm_reload = False
            self.notify(f"Reloaded {self.path.name}", timeout=2)
        self.run_worker(view.warm, thread=True, group="warm", exit_on_error=False)

    def _failed(self, problems: tuple[Diagnostic, ...]) -> None:
        if self.view is None:
            self.startup_problems = problems
            self._watch.stop()
            self.exit(return_code=1)
            return
        self.main.show_problems(problems)
        first = problems[0] if problems else None
        self.notify(
            f"{first.where}: {first.message}" if first else "the file did not load",
            title="Not reloaded: the file has errors",
            severity="error",
            timeout=6,
        )

    @work(group="watch", exit_on_error=False)
    async def _watch_file(self) -> None:
        async for _ in self._watch.changes():
            self.load()

    def action_reload(self) -> None:
        self._confirm_reload = True
        self.load()

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables and the side colours derived from them (``palette``)."""
        variables = super().get_css_variables()
        variables.update(side_variables(variables))
        self.theme_variables = variables
        return variables

    # -- help, palette, quitting ----------------------------------------------------------------

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """One entry per action, grouped by what it acts on, each saying what it does.

        Textual's own Quit, Keys, Maximize and Screenshot entries are left out: argmap has its
        own Quit and Help, and a screenshot writes files a reader did not ask for. On other
        screens than the main one, that screen's own keys are offered.
        """
        yield SystemCommand(
            "Theme",
            "Change the colours (every theme keeps sides readable)",
            self.action_change_theme,
        )
        tree = screen.query(ArgumentTree).first() if screen is self.main else None
        owners: dict[str, DOMNode | None] = {"app": self, "screen": screen, "tree": tree}
        table = (
            keys.PALETTE
            if screen is self.main
            else [
                ("", "app", keys.APP),
                ("", "screen", list(getattr(type(screen), "BINDINGS", []))),
            ]
        )
        seen: set[str] = set()
        for prefix, owner_name, bindings in table:
            owner = owners[owner_name]
            if owner is None:
                continue
            for binding in bindings:
                if not isinstance(binding, Binding) or binding.action in seen:
                    continue
                seen.add(binding.action)
                key = self.get_key_display(binding.with_key(binding.key.split(",")[0]))
                what = keys.WHAT_IT_DOES.get(binding.id or "", binding.description)
                yield SystemCommand(
                    f"{prefix}{binding.description}",
                    f"{what} (key: {key})",
                    partial(self.run_action, binding.action, owner),
                )

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """A toast whose text is always shown as typed: messages carry the debate's own text
        (claim ids, names, error excerpts), which must never be read as Textual markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    async def action_quit(self) -> None:
        if self.session is None:
            self._quit_now()
        else:
            self.confirm_quit(self._quit_now)

    def _quit_now(self) -> None:
        self._watch.stop()
        if self.session is not None:
            self.session.flush()
        self.exit()

    def on_unmount(self) -> None:
        self._watch.stop()
        if self.session is not None:
            self.session.flush()


def _problems(error: BaseException | None, path: Path) -> tuple[Diagnostic, ...]:
    """Diagnostics from a failed read; an unexpected error still gets a message, not a crash."""
    if isinstance(error, DebateLoadError):
        return error.errors or error.diagnostics
    reason = f"{type(error).__name__}: {error}" if error is not None else "unknown error"
    return (Diagnostic(str(path), None, None, f"could not read the debate ({reason})"),)


def known_room_verdicts(view: DebateView, session: EditSession) -> dict[str, str]:
    """The room file's verdicts on claims this version has."""
    return {n: v for n, v in session.room.verdicts.items() if view.has(n)}


def create_app(
    path: Path,
    *,
    watch: bool = True,
    export_dir: Path = Path("exports"),
    room_file: Path | None = None,
) -> ArgmapApp:
    """The TUI for the debate at ``path``; ``watch=False`` turns live reload off (tests).

    ``room_file`` is where the room's record is kept (``argmap tui`` passes ``--room`` or
    ``<stem>.room.yaml``); None keeps it in memory only, as the tests of other features do.
    """
    return ArgmapApp(path, watch=watch, export_dir=export_dir, room_file=room_file)
