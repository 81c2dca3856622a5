"""One entry point to write a debate in any supported format.

:func:`render_debate` returns the text and what the format could not hold (``Written``);
:func:`write_debate` also writes it, atomically. ``argmap convert`` uses both, and prints the
losses as warnings so that nothing is dropped silently.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from argmap.formats.aif import write_aif
from argmap.formats.argdown_write import write_argdown
from argmap.formats.kialo import write_kialo
from argmap.formats.markdown import write_markdown
from argmap.formats.written import Written
from argmap.io.atomic import atomic_write
from argmap.io.readers import EXTENSIONS
from argmap.io.save import dump_debate
from argmap.model.debate import Debate

Writer = Callable[[Debate], Written]


def _yaml(debate: Debate) -> Written:
    """argmap's own format holds everything; it raises SaveError for what no file can say."""
    return Written(dump_debate(debate))


WRITERS: dict[str, Writer] = {
    "yaml": _yaml,
    "argdown": write_argdown,
    "aif": write_aif,
    "kialo": write_kialo,
    "markdown": write_markdown,
}
"""Format name → writer."""


def output_format(path: Path) -> str | None:
    """The format a path's extension names, or None when it names none."""
    return EXTENSIONS.get(path.suffix.lower())


def render_debate(debate: Debate, fmt: str) -> Written:
    """The debate as text in ``fmt``, with the losses; SaveError if YAML cannot hold it."""
    return WRITERS[fmt](debate)


def write_debate(debate: Debate, path: Path, fmt: str | None = None) -> Written:
    """Write the debate to ``path`` atomically, in ``fmt`` or the format of its extension."""
    chosen = fmt or output_format(path)
    if chosen is None:
        raise ValueError(f"cannot tell the format of {path} from its extension")
    written = render_debate(debate, chosen)
    atomic_write(path, written.text)
    return written
