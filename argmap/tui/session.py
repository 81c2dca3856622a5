"""A TUI session's edits and room record: what is unsaved, and how it is saved.

The screens never edit a debate or write a file themselves: they hand a
:class:`~argmap.analysis.editing.Change` to :class:`EditSession`, which keeps the history
(undo, redo, what is saved), writes edits into the author's file with the patch writer
(``argmap.io.patch``), and saves the room's record (``argmap.io.room``) after every change.
No Textual here: the tests and the benchmark drive a session without a screen.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Collection
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from argmap.analysis.editing import Change, History
from argmap.formats.registry import detect_format
from argmap.io.atomic import atomic_write
from argmap.io.diagnostics import DebateLoadError
from argmap.io.loaded import LoadedDebate
from argmap.io.patch import PatchError, check_patched, patch_text
from argmap.io.room import load_room, save_room
from argmap.io.save import SaveError, dump_debate
from argmap.model.debate import Debate
from argmap.model.room import Room


@dataclass(frozen=True, slots=True)
class Saved:
    """What a save did: where it wrote, and whether the author's layout was kept."""

    path: Path
    kept_layout: bool
    reason: str | None = None


@dataclass(frozen=True, slots=True, eq=False)
class _Unchecked:
    """A patched text written but not yet read back: what it must read as."""

    path: Path
    text: str
    debate: Debate


class EditSession:
    """The edits of one TUI session on one debate file, and the room's record beside it."""

    def __init__(
        self, path: Path, room_file: Path | None = None, values: Collection[str] | None = None
    ) -> None:
        """``room_file`` None keeps the room's record in memory only (``argmap tui`` always
        gives one: ``--room``, or ``<stem>.room.yaml`` beside the debate); ``values``, the
        debate's value ids, check the room's ranking."""
        self.path = path
        self.room_file = room_file
        self.history: History | None = None
        self.base: LoadedDebate | None = None
        self.base_text: str | None = None
        self.room = Room(debate=path.name)
        self._origins: dict[str, tuple[str, str]] = {}
        self._writes = ThreadPoolExecutor(max_workers=1, thread_name_prefix="room")
        self.room_problem: str | None = None
        """Why the room file could not be read (then it is never written over)."""
        self._own_texts: list[str] = []
        """The texts this session wrote last (the file watcher sees them come back)."""
        self._saving = threading.Lock()
        self._unchecked: _Unchecked | None = None
        try:
            if room_file is not None:
                self.room = load_room(room_file, path, values)
        except DebateLoadError as error:
            first = error.diagnostics[0] if error.diagnostics else None
            self.room_problem = f"{first.where}: {first.message}" if first else str(error)

    # -- the debate --------------------------------------------------------------------------

    @property
    def is_yaml(self) -> bool:
        """Is the file argmap YAML (saved in place), or an import (saved as a new file)?"""
        return detect_format(self.path) == "yaml"

    def start(self, loaded: LoadedDebate, text: str | None) -> None:
        """A version read from disk becomes the base: no edits, nothing unsaved."""
        self.base, self.base_text = loaded, text
        self.history = History(loaded.debate)

    @property
    def debate(self) -> Debate | None:
        return self.history.debate if self.history else None

    @property
    def dirty(self) -> bool:
        return self.history is not None and self.history.dirty

    def apply(self, change: Change, *, parent: str | None = None, stance: str = "") -> None:
        """Record an edit; claims it adds go in the room's record (under whom, as what, when)."""
        assert self.history is not None
        self.history.apply(change)
        for node in change.added:
            self._origins[node] = (parent or "", stance)
        self._record_added(change)

    def undo(self) -> Change | None:
        change = self.history.undo() if self.history else None
        if change is not None and self.debate is not None:
            self.set_room(self.room.keeping({*self.debate.node_ids()}))
        return change

    def redo(self) -> Change | None:
        change = self.history.redo() if self.history else None
        if change is not None:
            self._record_added(change)
        return change

    def _record_added(self, change: Change) -> None:
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        room = self.room
        for node in change.added:
            parent, stance = self._origins.get(node, ("", ""))
            if stance and not any(a.id == node for a in room.added):
                room = room.with_added(node, parent, stance, now)
        self.set_room(room)

    def is_own_save(self, text: str | None) -> bool:
        """Is this text on disk one this session has just written (its save coming back)?"""
        if text is None or text not in self._own_texts:
            return False
        del self._own_texts[: self._own_texts.index(text) + 1]
        return True

    def _wrote(self, path: Path, text: str) -> None:
        atomic_write(path, text)
        self._own_texts = [*self._own_texts[-1:], text]

    def save(self, target: Path | None = None) -> Saved:
        """Save the current version: into the author's text when possible, else whole.

        ``target`` None means the file itself (argmap YAML only: an imported debate is never
        written over its source). Raises OSError or SaveError when nothing could be written.

        A patch is written at once and read back afterwards by :meth:`confirm` (reading back
        10,000 claims costs several times the patch): call it next, off the UI thread. The
        base stays the version read from disk, so every save patches the author's own text
        and undoing every edit saves it byte for byte. A save written whole is read back
        before this returns: the next save patches that text.
        """
        with self._saving:
            debate, base = self.debate, self.base
            assert debate is not None and base is not None and self.history is not None
            path = target or self.path
            if target is None and not self.is_yaml:
                raise SaveError([f"{self.path.name} is not argmap YAML: save it under a new name"])
            reason = None
            if self.base_text is not None and path.resolve() == self.path.resolve():
                try:
                    text = patch_text(self.base_text, base, debate)
                except PatchError as error:
                    reason = str(error)
                else:
                    self._wrote(path, text)
                    self._unchecked = _Unchecked(path, text, debate)
                    self.history.mark_saved()
                    return Saved(path, True)
            self._save_whole(path, debate)
            self.history.mark_saved()
            return Saved(path, False, reason)

    def _save_whole(self, path: Path, debate: Debate) -> None:
        """Write ``debate`` in argmap's own layout; that text becomes the base to patch."""
        text = dump_debate(debate)
        self._wrote(path, text)
        self._unchecked = None
        try:
            self.base, self.base_text = check_patched(text, str(path), debate), text
        except PatchError:  # cannot happen for dump_debate's output; then never patch it
            self.base_text = None
        self.path = path

    def confirm(self) -> Saved | None:
        """Read the last patched save back; if it reads differently, write the debate whole.

        Returns what was done instead (a :class:`Saved` with the reason), or None when the
        file reads as the saved version (or a later save already replaced it).
        """
        with self._saving:
            unchecked, self._unchecked = self._unchecked, None
            if unchecked is None:
                return None
            try:
                check_patched(unchecked.text, str(unchecked.path), unchecked.debate)
            except PatchError as error:
                self._save_whole(unchecked.path, unchecked.debate)
                return Saved(unchecked.path, False, str(error))
            return None

    # -- the room ----------------------------------------------------------------------------

    def set_room(self, room: Room) -> None:
        if room != self.room:
            self.room = room
            self.save_room()

    def save_room(self) -> None:
        """Write the room file, off the caller's thread (never over one that could not be read).

        Writes run one at a time, in order, so the file always ends as the last record; a
        capture form's Enter never waits for the disk.
        """
        if self.room_problem is None and self.room_file is not None:
            self._writes.submit(save_room, self.room, self.room_file)

    def flush(self) -> None:
        """Wait until the saved file is checked and the room file holds the latest record."""
        self.confirm()
        self._writes.shutdown(wait=True)
        self._writes = ThreadPoolExecutor(max_workers=1, thread_name_prefix="room")
