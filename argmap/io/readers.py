"""One entry point to read a debate from any supported format.

Every command (``check``, ``tui``, ``export``, ``evaluate``, ``convert``) reads through
:func:`read_debate`, so a format added here is available everywhere at once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from argmap.io.load import LoadedDebate, load_debate

Reader = Callable[[Path], LoadedDebate]

READERS: dict[str, Reader] = {
    "yaml": load_debate,
}
"""Format name → reader. Readers raise DebateLoadError with located diagnostics."""

EXTENSIONS: dict[str, str] = {
    ".yaml": "yaml",
    ".yml": "yaml",
}


def detect_format(path: Path) -> str:
    """The format a path's extension implies; argmap YAML when the extension is unknown."""
    return EXTENSIONS.get(path.suffix.lower(), "yaml")


def read_debate(path: Path, fmt: str | None = None) -> LoadedDebate:
    """Read a debate in ``fmt`` (detected from the extension when None)."""
    return READERS[fmt or detect_format(path)](path)
