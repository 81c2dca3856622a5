"""The one registry of formats every command reads and writes through.

Every command (``check``, ``tui``, ``export``, ``evaluate``, ``convert``) reads through
:func:`read_debate` and writes through :func:`render_debate` / :func:`write_debate`, so a
format added here is available everywhere at once. It lives in ``formats`` (above ``io``)
because it names every format; ``io`` holds argmap's own YAML and what all formats share.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from argmap.formats.written import Written
from argmap.io.diagnostics import DebateLoadError, Diagnostic
from argmap.io.loaded import LoadedDebate
from argmap.model.debate import Debate

Reader = Callable[[Path], LoadedDebate]
Writer = Callable[[Debate], Written]

KIALO_FORMATS = ("current", "classic")
"""Kialo's two export layouts: ``current`` (``Discussion Name:``, headers on their own line)
and ``classic`` (``Discussion Title:``, ``1.1. Pro: text`` on one line)."""


# Each format is imported when a file of it is read or written, so that opening a YAML debate
# (the common case, and the TUI's first paint) does not pay for parsers it does not use, and
# checking an Argdown file does not pay for argmap's YAML document models.


def read_yaml(path: Path) -> LoadedDebate:
    from argmap.io.load import load_debate

    return load_debate(path)


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
    "yaml": read_yaml,
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


def _yaml(debate: Debate) -> Written:
    """argmap's own format holds everything; it raises SaveError for what no file can say."""
    from argmap.io.save import dump_debate

    return Written(dump_debate(debate))


def _argdown(debate: Debate) -> Written:
    from argmap.formats.argdown_write import write_argdown

    return write_argdown(debate)


def _aif(debate: Debate) -> Written:
    from argmap.formats.aif import write_aif

    return write_aif(debate)


def _kialo(debate: Debate) -> Written:
    from argmap.formats.kialo import write_kialo

    return write_kialo(debate)


def _markdown(debate: Debate) -> Written:
    from argmap.formats.markdown import write_markdown

    return write_markdown(debate)


WRITERS: dict[str, Writer] = {
    "yaml": _yaml,
    "argdown": _argdown,
    "aif": _aif,
    "kialo": _kialo,
    "markdown": _markdown,
}
"""Format name → writer."""


def output_format(path: Path) -> str | None:
    """The format a path's extension names, or None when it names none."""
    return EXTENSIONS.get(path.suffix.lower())


def render_debate(debate: Debate, fmt: str, *, kialo_format: str = "current") -> Written:
    """The debate as text in ``fmt``, with the losses; SaveError if YAML cannot hold it.

    ``kialo_format`` picks Kialo's layout (:data:`KIALO_FORMATS`) when ``fmt`` is ``kialo``.
    """
    if fmt == "kialo" and kialo_format != "current":
        from argmap.formats.kialo import write_kialo

        return write_kialo(debate, classic=kialo_format == "classic")
    return WRITERS[fmt](debate)


def write_debate(debate: Debate, path: Path, fmt: str | None = None) -> Written:
    """Write the debate to ``path`` atomically, in ``fmt`` or the format of its extension."""
    from argmap.io.atomic import atomic_write

    chosen = fmt or output_format(path)
    if chosen is None:
        raise ValueError(f"cannot tell the format of {path} from its extension")
    written = render_debate(debate, chosen)
    atomic_write(path, written.text)
    return written
