"""One entry point to read a debate from any supported format.

Every command (``check``, ``tui``, ``export``, ``evaluate``, ``convert``) reads through
:func:`read_debate`, so a format added here is available everywhere at once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from argmap.io.diagnostics import DebateLoadError, Diagnostic
from argmap.io.load import LoadedDebate, load_debate

Reader = Callable[[Path], LoadedDebate]


# The exchange formats are imported when a file of theirs is read, so that opening a YAML debate
# (the common case, and the TUI's first paint) does not pay for parsers it does not use.


def read_argdown(path: Path) -> LoadedDebate:
    from argmap.formats.argdown_read import read_argdown

    return read_argdown(path)


def read_aif(path: Path) -> LoadedDebate:
    from argmap.formats.aif import read_aif

    return read_aif(path)


def read_kialo(path: Path) -> LoadedDebate:
    from argmap.formats.kialo import read_kialo

    return read_kialo(path)


READERS: dict[str, Reader] = {
    "yaml": load_debate,
    "argdown": read_argdown,
    "aif": read_aif,
    "kialo": read_kialo,
}
"""Format name → reader. Readers raise DebateLoadError with located diagnostics."""

EXTENSIONS: dict[str, str] = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".argdown": "argdown",
    ".ad": "argdown",
    ".json": "aif",
    ".txt": "kialo",
    ".md": "markdown",
}
"""File extension → format name, for reading and writing alike."""

WRITE_ONLY = frozenset({"markdown"})
"""Formats argmap writes but does not read: a handout is for people, not for round trips."""


def detect_format(path: Path) -> str:
    """The format a path's extension implies; argmap YAML when the extension is unknown."""
    return EXTENSIONS.get(path.suffix.lower(), "yaml")


def read_debate(path: Path, fmt: str | None = None) -> LoadedDebate:
    """Read a debate in ``fmt`` (detected from the extension when None)."""
    fmt = fmt or detect_format(path)
    reader = READERS.get(fmt)
    if reader is None:
        why = (
            "argmap writes Markdown outlines for handouts but cannot read them back"
            if fmt in WRITE_ONLY
            else f"argmap cannot read the format `{fmt}`"
        )
        raise DebateLoadError(
            [
                Diagnostic(
                    str(path),
                    None,
                    None,
                    why,
                    f"read one of: {', '.join(READERS)} (choose with --from)",
                )
            ]
        )
    return reader(path)
