"""What every reader hands back: the debate, where each of its ids was written, the warnings.

argmap's YAML loader and the readers of the other formats all return a :class:`LoadedDebate`,
so ``check``, the TUI and every other command report problems at the line they come from,
whatever the file's format. Kept apart from the YAML loader, so that reading another format
never imports the YAML document models.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Protocol

from argmap.io.diagnostics import Diagnostic, Severity
from argmap.io.yamlsource import PathKey
from argmap.model.debate import Debate


class Locator(Protocol):
    """A file that can say where a path into it lies: YAML, or an imported text format."""

    @property
    def name(self) -> str: ...

    def locate(self, path: Sequence[str | int], *, key: bool = False) -> tuple[int, int]: ...


@dataclass
class SourceMap:
    """Where each id of a debate was defined in its file, to report problems at that line."""

    document: Locator
    paths: dict[str, PathKey] = field(default_factory=dict)

    def locate(self, item_id: str, *, part: str | None = None) -> tuple[int | None, int | None]:
        path = self.paths.get(item_id)
        if path is None:
            return (None, None)
        return self.document.locate(path + ((part,) if part else ()))

    def diagnostic(
        self,
        item_id: str,
        message: str,
        hint: str | None = None,
        severity: Severity = Severity.WARNING,
    ) -> Diagnostic:
        line, column = self.locate(item_id)
        return Diagnostic(self.document.name, line, column, message, hint, severity)


@dataclass
class LoadedDebate:
    """A valid debate, where each of its ids was written, and the warnings loading raised."""

    debate: Debate
    source_map: SourceMap
    warnings: list[Diagnostic] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.source_map.document.name


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a debate is built.

    Loading allocates hundreds of thousands of objects and no garbage cycles; left running,
    the collector rescans them again and again and loading takes nearly three times as long
    (bench/bench_load.py measures both).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_keep_leftovers: Callable[[object], None] | None = None


@contextmanager
def leftovers_kept(keep: Callable[[object], None]) -> Iterator[None]:
    """Hand what readers leave over to ``keep`` while reading, rather than free it.

    A reader makes far more on the way to a debate than the debate itself (every place an
    Argdown file writes a claim, every relation line, the draft): freed object by object when
    the reader returns, that is 30 to 40 ms of a 20,000-statement file. A command that ends
    the process once it has the debate (``argmap check``) can leave it to the process's end
    instead, which gives the memory back at once; every other caller frees it as usual.
    """
    global _keep_leftovers
    outer, _keep_leftovers = _keep_leftovers, keep
    try:
        yield
    finally:
        _keep_leftovers = outer


def leftover(value: object) -> None:
    """What a reader made and no longer needs: kept where :func:`leftovers_kept` says so."""
    if _keep_leftovers is not None:
        _keep_leftovers(value)
