"""The room file: a seminar's record beside its debate, ``<stem>.room.yaml`` by default.

Read with the same safe, located YAML reader as debates, so a hand-edited room file with a
mistake gets a ``file:line:col`` message; written atomically after every change, so a crash
mid-seminar loses at most the last key press. One file per class: ``--room PATH``.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from argmap.io.atomic import atomic_write
from argmap.io.diagnostics import DebateLoadError, Diagnostic, did_you_mean
from argmap.io.yamlsource import parse_yaml, read_text
from argmap.model.room import Room

HEADER = "# The room's record of a seminar on {debate} (argmap). Safe to delete.\n"


def room_path(debate_path: Path) -> Path:
    """Where the room file of a debate lives unless ``--room`` says otherwise."""
    return debate_path.with_name(f"{debate_path.stem}.room.yaml")


FIX = "fix the line, or delete the room file to start the record again"


def load_room(path: Path, debate_path: Path, values: Collection[str] | None = None) -> Room:
    """The room at ``path``; an empty one if there is no file yet.

    ``values`` are the debate's value ids: a ranking that names another is refused, located,
    like any other mistake in the file (None: the debate is not known yet, nothing to check).
    """
    if not path.exists():
        return Room(debate=debate_path.name)
    document = parse_yaml(read_text(path), str(path))
    if document.data is None:
        return Room(debate=debate_path.name)
    try:
        room = Room.model_validate(document.data)
    except ValidationError as error:
        diagnostics = []
        for detail in error.errors(include_url=False):
            line, column = document.locate(tuple(detail["loc"]))
            where = ".".join(str(part) for part in detail["loc"]) or "file"
            diagnostics.append(
                Diagnostic(str(path), line, column, f"room file: `{where}`: {detail['msg']}", FIX)
            )
        raise DebateLoadError(diagnostics) from None
    unknown = [] if values is None else [v for v in room.ranking if v not in values]
    if unknown:
        diagnostics = []
        for place, value in enumerate(room.ranking):
            if value in unknown:
                line, column = document.locate(("ranking", place))
                hint = did_you_mean(value, values or ())
                listing = ", ".join(values or ()) or "none"
                diagnostics.append(
                    Diagnostic(
                        str(path),
                        line,
                        column,
                        f"room file: `ranking.{place}`: the debate has no value `{value}`"
                        + (f"; {hint}" if hint else f"; its values: {listing}"),
                        FIX,
                    )
                )
        raise DebateLoadError(diagnostics)
    return room


def dump_room(room: Room) -> str:
    data: dict[str, Any] = room.model_dump(mode="json", exclude_defaults=False)
    for key in ("notes", "added", "verdicts", "ranking"):
        if not data[key]:
            del data[key]
    for key in ("slide", "standard"):
        if data[key] is None:
            del data[key]
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return HEADER.format(debate=room.debate) + body


def save_room(room: Room, path: Path) -> None:
    """Write the room atomically (a temporary file renamed over the old one)."""
    atomic_write(path, dump_room(room))
