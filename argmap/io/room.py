"""The room file: a seminar's record beside its debate, ``<stem>.room.yaml`` by default.

Read with the same safe, located YAML reader as debates, so a hand-edited room file with a
mistake gets a ``file:line:col`` message; written atomically after every change, so a crash
mid-seminar loses at most the last key press. One file per class: ``--room PATH``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from argmap.io.atomic import atomic_write
from argmap.io.diagnostics import DebateLoadError, Diagnostic
from argmap.io.yamlsource import parse_yaml, read_text
from argmap.model.room import Room

HEADER = "# The room's record of a seminar on {debate} (argmap). Safe to delete.\n"


def room_path(debate_path: Path) -> Path:
    """Where the room file of a debate lives unless ``--room`` says otherwise."""
    return debate_path.with_name(f"{debate_path.stem}.room.yaml")


def load_room(path: Path, debate_path: Path) -> Room:
    """The room at ``path``; an empty one if there is no file yet."""
    if not path.exists():
        return Room(debate=debate_path.name)
    document = parse_yaml(read_text(path), str(path))
    if document.data is None:
        return Room(debate=debate_path.name)
    try:
        return Room.model_validate(document.data)
    except ValidationError as error:
        diagnostics = []
        for detail in error.errors(include_url=False):
            line, column = document.locate(tuple(detail["loc"]))
            where = ".".join(str(part) for part in detail["loc"]) or "file"
            diagnostics.append(
                Diagnostic(
                    str(path),
                    line,
                    column,
                    f"room file: `{where}`: {detail['msg']}",
                    "fix the line, or delete the room file to start the record again",
                )
            )
        raise DebateLoadError(diagnostics) from None


def dump_room(room: Room) -> str:
    data: dict[str, Any] = room.model_dump(mode="json", exclude_defaults=False)
    for key in ("notes", "added", "verdicts"):
        if not data[key]:
            del data[key]
    if data["slide"] is None:
        del data["slide"]
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return HEADER.format(debate=room.debate) + body


def save_room(room: Room, path: Path) -> None:
    """Write the room atomically (a temporary file renamed over the old one)."""
    atomic_write(path, dump_room(room))
