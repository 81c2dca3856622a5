"""Authoring in the TUI: the actions behind the editing and seminar-room keys.

:class:`EditorApp` is the part of the application that edits. Each action asks what it must
(a capture form, a claim picked by search, a confirmation), turns the answer into an
operation of :mod:`argmap.analysis.editing`, and hands the result to the
:class:`~argmap.tui.session.EditSession`, which keeps the history and saves. The screens are
told to show the new version exactly as a reload would be shown. The editing modules load
on the first edit, so opening a debate is no slower for them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import App

from argmap.analysis.weighing import Standard
from argmap.tui.messages import SlideShown, VerdictsChanged, WeighingChanged
from argmap.tui.screens.main import ROOM_CYCLE, MainScreen
from argmap.tui.screens.seminar import SeminarScreen

if TYPE_CHECKING:
    from argmap.analysis.editing import Change, Claim, Stance
    from argmap.tui.session import EditSession, Saved
    from argmap.tui.view import DebateView


class EditorApp(App[None]):
    """Editing and room actions, shared by the main screen and seminar mode."""

    main: MainScreen
    view: DebateView | None
    session: EditSession | None
    path: Path

    @property
    def edits(self) -> EditSession:
        """The session (there is one as soon as the debate has been read)."""
        assert self.session is not None
        return self.session

    # -- where an action applies ---------------------------------------------------------------

    def say(self, message: str, **options: Any) -> None:
        """A notification whose text (claim titles, file names) is shown as text, never markup."""
        self.notify(message, markup=False, **options)

    def _target(self) -> str | None:
        """The claim an action is about: the tree's cursor, or the slide on screen."""
        screen = self.screen
        if isinstance(screen, SeminarScreen):
            return screen.current
        if isinstance(screen, MainScreen) and self.view is not None:
            return screen.selected
        return None

    def _edit_target(self) -> tuple[DebateView, str] | None:
        target = self._target()
        if self.view is None or target is None or self.session is None:
            return None
        return self.view, target

    # -- showing a new version -----------------------------------------------------------------

    def show_version(self, focus: str | None) -> None:
        """Show the session's current version everywhere, the cursor on ``focus``."""
        from argmap.tui.view import edited_view

        debate = self.edits.debate
        if self.view is None or debate is None:
            return
        view = edited_view(self.view, debate)
        self.view = view
        self.main.show_view(view)
        self.main.query_one("#header").show_unsaved(self.edits.dirty)  # type: ignore[attr-defined]
        for screen in self.screen_stack:
            if isinstance(screen, SeminarScreen):
                screen.show_view(view)
                if focus in screen.order:
                    screen.position = screen.order.index(focus)
        if focus is not None and view.has(focus):
            self.main.jump(focus, record=False)

    def _apply(self, change: Change, parent: str | None = None, stance: str = "") -> None:
        self.edits.apply(change, parent=parent, stance=stance)
        self.show_version(change.focus)
        if change.warnings:
            self.say("\n".join(change.warnings), title="Warning", severity="warning", timeout=8)

    def _attempt(
        self, make: Callable[[], Change], parent: str | None = None, stance: str = ""
    ) -> str | None:
        """Make an edit; the refusal in ``check``'s words, or None when it was made."""
        from argmap.analysis.editing import EditError

        try:
            change = make()
        except EditError as error:
            return error.message + (f" ({error.hint})" if error.hint else "")
        self._apply(change, parent, stance)
        return None

    def _capture(self, heading: str, submit: Callable[[Claim], str | None], **kw: Any) -> None:
        from argmap.tui.screens.capture import CaptureScreen

        view = self.view
        assert view is not None
        speakers = [*view.debate.speakers, *(s.name for s in view.debate.speakers.values())]
        self.push_screen(
            CaptureScreen(
                heading, submit, speakers=speakers, sources=list(view.debate.sources), **kw
            )
        )

    # -- editing actions -----------------------------------------------------------------------

    def action_add_claim(self, stance: Stance) -> None:
        """+ / -: a reason for, or an objection to, the claim under the cursor or on screen."""
        ready = self._edit_target()
        if ready is None:
            return
        view, target = ready
        from argmap.analysis import editing

        what = "Reason for" if stance == "pro" else "Objection to"
        label = " ".join(view.debate.label_of(target).split())

        def submit(claim: Claim) -> str | None:
            debate = self.edits.debate
            assert debate is not None
            return self._attempt(
                lambda: editing.add_claim(debate, target, stance, claim), target, stance
            )

        self._capture(f"{what}: {label}", submit)

    def action_edit_claim(self) -> None:
        """F2: edit the selected claim in the capture form, every field open; on an
        argument, its title, gist and premises."""
        ready = self._edit_target()
        if ready is None:
            return
        view, target = ready
        from argmap.analysis import editing

        if target in view.debate.arguments:
            self._edit_argument(view, target)
            return
        statement = view.debate.statements.get(target)
        if statement is None:
            self.say("The question is edited in the file: F2 edits claims and arguments", timeout=3)
            return
        first = statement.quotes[0] if statement.quotes else None
        claim = editing.Claim(
            title=statement.title or statement.text,
            text=statement.text if statement.title else "",
            speakers=statement.speakers,
            basis=statement.basis,
            quote=first.text if first else "",
            quote_source=first.source if first else None,
            tags=statement.tags,
            questions=statement.questions,
        )

        def submit(edited: Claim) -> str | None:
            debate = self.edits.debate
            assert debate is not None
            return self._attempt(lambda: editing.edit_claim(debate, target, edited))

        label = " ".join(view.debate.label_of(target).split())
        self._capture(f"Edit: {label}", submit, claim=claim)

    def _edit_argument(self, view: DebateView, target: str) -> None:
        from argmap.analysis import editing
        from argmap.tui.screens.capture import ArgumentScreen

        argument = view.debate.arguments[target]
        edit = editing.ArgumentEdit(argument.title, argument.gist or "", argument.premises)

        def submit(edited: editing.ArgumentEdit) -> str | None:
            debate = self.edits.debate
            assert debate is not None
            return self._attempt(lambda: editing.edit_argument(debate, target, edited))

        label = " ".join(argument.title.split())
        not_statements = {view.debate.question.id, *view.debate.arguments}
        self.push_screen(
            ArgumentScreen(f"Edit argument: {label}", submit, edit, view, not_statements)
        )

    def action_undercut(self) -> None:
        """An objection to the link that puts the selected claim under its parent."""
        ready = self._edit_target()
        if ready is None:
            return
        view, target = ready
        from argmap.analysis import editing

        relation = editing.home_relation(view.debate, target)
        if relation is None:
            self.say("Select a reason or objection: its link to its parent is undercut")
            return
        label = (
            f"Undercut the link: {view.debate.label_of(relation.source)} → "
            f"{view.debate.label_of(relation.target)}"
        )

        def submit(claim: Claim) -> str | None:
            debate = self.edits.debate
            assert debate is not None
            return self._attempt(
                lambda: editing.add_undercut(debate, relation.id, claim), relation.id, "undercut"
            )

        self._capture(" ".join(label.split()), submit)

    def action_link_claim(self) -> None:
        """Link the selected claim to another, chosen by search: supports/attacks/contradicts."""
        ready = self._edit_target()
        if ready is None:
            return
        view, source = ready
        from argmap.analysis import editing
        from argmap.model.debate import RelationKind
        from argmap.tui.screens.ask import ChoiceScreen, PickScreen

        def picked(target: str | None) -> None:
            if target is None:
                return
            ask = f"“{view.debate.label_of(source)}” … “{view.debate.label_of(target)}”"
            choices = [("s", "supports", "supports"), ("a", "attacks", "attacks")]
            choices.append(("c", "contradicts", "contradicts"))

            def chosen(kind: str | None) -> None:
                debate = self.edits.debate
                if kind is None or debate is None:
                    return
                refusal = self._attempt(
                    lambda: editing.link(debate, source, target, RelationKind(kind))
                )
                if refusal:
                    self.say(refusal, title="Not linked", severity="error", timeout=8)

            self.push_screen(ChoiceScreen(ask, choices), chosen)

        question = f"Link “{view.debate.label_of(source)}” to which claim?"
        self.push_screen(PickScreen(question, view, {source}), picked)

    def action_move_claim(self) -> None:
        """Hang the selected claim (and what is below it) under another claim."""
        ready = self._edit_target()
        if ready is None:
            return
        view, node = ready
        from argmap.analysis import editing
        from argmap.tui.screens.ask import ChoiceScreen, PickScreen

        def picked(parent: str | None) -> None:
            if parent is None:
                return
            ask = f"Move “{view.debate.label_of(node)}” under “{view.debate.label_of(parent)}” as"

            def chosen(stance: str | None) -> None:
                debate = self.edits.debate
                if stance is None or debate is None:
                    return
                refusal = self._attempt(
                    lambda: editing.move(debate, node, parent, stance)  # type: ignore[arg-type]
                )
                if refusal:
                    self.say(refusal, title="Not moved", severity="error", timeout=8)

            choices = [("p", "a reason for it", "pro"), ("c", "an objection to it", "con")]
            self.push_screen(ChoiceScreen(ask, choices), chosen)

        question = f"Move “{view.debate.label_of(node)}” under which claim?"
        self.push_screen(PickScreen(question, view, {node}), picked)

    def action_delete_claim(self) -> None:
        """Delete the selected claim, after saying what goes with it and what stays."""
        ready = self._edit_target()
        if ready is None:
            return
        view, node = ready
        from argmap.analysis import editing
        from argmap.tui.screens.ask import ChoiceScreen

        try:
            plan = editing.plan_deletion(view.debate, node)
        except editing.EditError as error:
            self.say(error.message, severity="error", timeout=4)
            return

        def chosen(answer: str | None) -> None:
            debate = self.edits.debate
            if answer == "y" and debate is not None:
                refusal = self._attempt(lambda: editing.delete(debate, node))
                if refusal:
                    self.say(refusal, title="Not deleted", severity="error", timeout=8)

        choices = [("y", "delete", "y"), ("n", "keep it", "n")]
        self.push_screen(ChoiceScreen(plan.sentence(view.debate), choices), chosen)

    def action_undo(self) -> None:
        if self.session is None:
            return
        change = self.edits.undo()
        if change is None:
            self.say("Nothing to undo", timeout=2)
            return
        self.show_version(self.main.selected)
        self.say(f"Undone: {change.description}", timeout=3)

    def action_redo(self) -> None:
        if self.session is None:
            return
        change = self.edits.redo()
        if change is None:
            self.say("Nothing to redo", timeout=2)
            return
        self.show_version(change.focus)
        self.say(f"Redone: {change.description}", timeout=3)

    # -- saving ----------------------------------------------------------------------------------

    def action_save(self) -> None:
        """Ctrl+S: into the author's file; an imported debate asks for a new YAML name."""
        if self.session is None:
            return
        if not self.session.is_yaml:
            self.action_save_as()
            return
        self._save(None)

    def action_save_as(self, then: Callable[[], object] | None = None) -> None:
        from argmap.tui.screens.ask import PromptScreen

        session = self.edits
        suggestion = session.path.with_suffix(".yaml")
        if suggestion.exists():
            suggestion = session.path.with_name(f"{session.path.stem}-edited.yaml")

        def named(name: str | None) -> None:
            if name is None:
                return
            target = Path(name).expanduser()
            if target.suffix.lower() not in (".yaml", ".yml"):
                self.say("Give a .yaml name: edits are saved as argmap YAML", severity="error")
                return
            if target.resolve() == session.path.resolve() and not session.is_yaml:
                self.say("That is the imported file: choose a new name", severity="error")
                return
            self._save(target, then)

        question = "Save the debate as argmap YAML, under the name:"
        self.push_screen(PromptScreen(question, str(suggestion)), named)

    @work(thread=True, exclusive=True, group="save", exit_on_error=False)
    def _save(self, target: Path | None, then: Callable[[], object] | None = None) -> None:
        from argmap.io.save import SaveError

        try:
            saved = self.edits.save(target)
        except (OSError, SaveError) as error:
            reason = "; ".join(error.problems) if isinstance(error, SaveError) else str(error)
            self.call_from_thread(
                self.notify, f"Not saved: {reason}", title="Save", severity="error", timeout=10
            )
            return
        self.call_from_thread(self._saved, saved)
        # The patched file is read back now that it is written: if it would read differently
        # (never seen in the tests), it is written again whole, and the user is told.
        try:
            fixed = self.edits.confirm()
        except (OSError, SaveError) as error:
            reason = "; ".join(error.problems) if isinstance(error, SaveError) else str(error)
            self.call_from_thread(
                self.notify, f"Not saved: {reason}", title="Save", severity="error", timeout=10
            )
            return
        if fixed is not None:
            self.call_from_thread(self._saved, fixed)
        if then is not None:
            self.call_from_thread(then)

    def _saved(self, saved: Saved) -> None:
        # Saved under a new name (an import, or "save as"): that file is the one edited now.
        self.path = path = saved.path
        self.main.query_one("#header").show_unsaved(self.edits.dirty)  # type: ignore[attr-defined]
        if saved.kept_layout:
            self.say(f"Saved {path}", title="Save", timeout=3)
        else:
            why = f" ({saved.reason})" if saved.reason else ""
            self.say(f"Saved {path} in argmap's own layout{why}", title="Save", severity="warning")

    # -- the room --------------------------------------------------------------------------------

    def action_verdict(self) -> None:
        """a in seminar mode: the room rejects, accepts or is neutral on the claim on screen."""
        ready = self._edit_target()
        if ready is None:
            return
        view, node = ready
        room = self.main.room
        verdict = ROOM_CYCLE[room.pop(node, None)]
        if verdict is not None:
            room[node] = verdict
        evaluation = self.main._evaluate(view)
        self._keep_verdicts()
        label = evaluation.labels.get(node)
        verb = {"reject": "rejects", "accept": "accepts", None: "is neutral on"}[verdict]
        self.say(
            f"The room {verb} this claim; it is now {label}."
            f"\nThe question is {evaluation.question}",
            title="Verdict",
            timeout=4,
        )
        if isinstance(self.screen, SeminarScreen):
            self.screen.show_view(view)

    def _keep_verdicts(self) -> None:
        verdicts = {k: v for k, v in self.main.room.items() if v in ("accept", "reject")}
        self.edits.set_room(self.edits.room.with_verdicts(verdicts))  # type: ignore[arg-type]

    def on_verdicts_changed(self, _: VerdictsChanged) -> None:
        if self.session is not None:
            self._keep_verdicts()

    def on_weighing_changed(self, _: WeighingChanged) -> None:
        if self.session is not None:
            chosen = self.main.weighing
            standard = None if chosen.standard is Standard.PREPONDERANCE else chosen.standard
            self.edits.set_room(self.edits.room.with_weighing(chosen.order, standard))

    def on_slide_shown(self, message: SlideShown) -> None:
        if self.session is not None:
            self.edits.set_room(self.edits.room.at_slide(message.node_id))

    def action_note(self) -> None:
        """A short note on the claim on screen, kept in the room's record."""
        ready = self._edit_target()
        if ready is None:
            return
        view, node = ready
        from argmap.tui.screens.ask import PromptScreen

        def typed(text: str | None) -> None:
            if text:
                now = dt.datetime.now(dt.UTC).replace(microsecond=0)
                self.edits.set_room(self.edits.room.with_note(node, text, now))
                self.say(f"Note kept on {view.debate.label_of(node)}", timeout=3)
                if isinstance(self.screen, SeminarScreen):
                    self.screen.show_view(view)

        self.push_screen(PromptScreen(f"Note on “{view.debate.label_of(node)}”:"), typed)

    def action_handout(self) -> None:
        """Write the seminar's handout: the debate in Markdown and what the room concluded."""
        view = self.view
        if view is None or self.session is None:
            return
        from argmap.io.atomic import atomic_write
        from argmap.render.handout import handout

        target = self.edits.path.with_name(f"{self.edits.path.stem}.handout.md")
        try:
            atomic_write(target, handout(view.debate, self.edits.room).text)
        except OSError as error:
            self.say(f"Handout not written: {error}", severity="error", timeout=8)
            return
        self.say(f"Handout written: {target}", title="Handout", timeout=6)

    # -- leaving and live reload -----------------------------------------------------------------

    def confirm_quit(self, quit_now: Callable[[], object]) -> None:
        """Quit, asking first when there are unsaved edits."""
        if not self.edits.dirty:
            quit_now()
            return
        from argmap.tui.screens.ask import ChoiceScreen

        def chosen(answer: str | None) -> None:
            if answer == "quit":
                quit_now()
            elif answer == "save":
                if self.edits.is_yaml:
                    self._save(None, quit_now)
                else:
                    self.action_save_as(quit_now)

        choices = [("s", "save and quit", "save"), ("q", "quit without saving", "quit")]
        self.push_screen(ChoiceScreen("There are unsaved edits.", choices), chosen)

    def changed_on_disk(self, view: DebateView, show: Callable[[DebateView], None]) -> None:
        """The file changed while there are unsaved edits: reload, keep, or save elsewhere."""
        from argmap.tui.screens.ask import ChoiceScreen

        def chosen(answer: str | None) -> None:
            if answer == "reload":
                self.edits.start(view.loaded, view.source_text)  # type: ignore[arg-type]
                show(view)
                self.main.query_one("#header").show_unsaved(False)  # type: ignore[attr-defined]
            elif answer == "keep":
                self._confirm_overwrite(view)
            elif answer == "as":
                self.action_save_as()

        question = (
            f"{self.edits.path.name} changed on disk, and you have unsaved edits. "
            "Reload it (your edits are dropped), keep your edits (and save over it), "
            "or save your edits under another name?"
        )
        choices = [("r", "reload", "reload"), ("k", "keep mine", "keep"), ("a", "save as", "as")]
        self.push_screen(ChoiceScreen(question, choices), chosen)

    def _confirm_overwrite(self, disk: DebateView) -> None:
        from argmap.tui.screens.ask import ChoiceScreen

        def chosen(answer: str | None) -> None:
            if answer == "y":
                # Save the edits whole: the file's text is no longer the one they were made on.
                self.edits.base_text = None
                self._save(None)

        question = "Save your version over the changed file? Its new changes are lost."
        self.push_screen(ChoiceScreen(question, [("y", "save over it", "y")]), chosen)
