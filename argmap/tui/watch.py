"""Watching the debate file for changes, for live reload.

The folder is watched, not the file: editors save by writing a new file and renaming it over
the old one, which a watch on the old file would miss. Changes to other files in the folder
are ignored; a burst of events from one save arrives as one change.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

from watchfiles import Change, awatch

DEBOUNCE_MS = 150
"""Events closer together than this are one save."""

STOP_CHECK_MS = 300
"""How often the watcher thread checks whether it should stop; bounds the delay on quit."""


class _Event:
    """What watchfiles needs of a stop event: ``is_set``. Settable from any thread."""

    def __init__(self) -> None:
        self._set = False

    def set(self) -> None:
        self._set = True

    def is_set(self) -> bool:
        return self._set


class FileWatch:
    """Iterate over the changes to one file until :meth:`stop` is called."""

    def __init__(self, path: Path) -> None:
        self.path = path.resolve()
        self._stop = _Event()

    def stop(self) -> None:
        self._stop.set()

    async def changes(self) -> AsyncIterator[None]:
        """Yield once after each save of the file (or its removal, or its creation)."""
        name = self.path.name

        def concerns(change: Change, changed: str) -> bool:
            return Path(changed).name == name

        async for _ in awatch(
            self.path.parent,
            watch_filter=concerns,
            debounce=DEBOUNCE_MS,
            stop_event=self._stop,
            rust_timeout=STOP_CHECK_MS,
            recursive=False,
        ):
            yield
