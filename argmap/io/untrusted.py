"""What every reader of another format runs its parser inside.

The model refuses control characters in any text field (``argmap.model.text``), so a reader
that builds models from a file can meet a ``ValidationError`` wherever it constructs one (a
speaker's name, a question, a quote). :func:`guarded` turns those into diagnostics, and first
refuses raw control characters at the line and column where they stand, which is more than a
model error can say. A control character that came from an escape (JSON's ``\\u001b``) is
located at the first such escape in the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from argmap.io.diagnostics import DebateLoadError, Diagnostic
from argmap.io.textfile import reject_controls


@contextmanager
def guarded(text: str, name: str, *, checked: bool = False) -> Iterator[None]:
    """Refuse raw control characters in ``text`` (unless ``read_text`` has: ``checked``);
    report model errors raised inside."""
    if not checked:
        reject_controls(text, name)
    try:
        yield
    except ValidationError as error:
        raise DebateLoadError(
            [
                _diagnostic(text, name, error.title, detail)
                for detail in error.errors(include_url=False)
            ]
        ) from None


def _diagnostic(text: str, name: str, model: str, detail: ErrorDetails) -> Diagnostic:
    if detail["type"] == "control_character":
        context = detail.get("ctx", {})
        what = context.get("what", "the control character")
        line, column = _escape_at(text, str(context.get("code", "")))
        message = f"a {model.lower()}'s {detail['msg']}"
        return Diagnostic(name, line, column, message, f"remove {what}")
    fields = [part for part in detail["loc"] if isinstance(part, str)]
    field = fields[-1] if fields else model.lower()
    return Diagnostic(name, None, None, f"{model} `{field}`: {detail['msg']}")


def _escape_at(text: str, code: str) -> tuple[int | None, int | None]:
    """The line and column of the first escape (``\\u001b``, ``\\x1b``) that writes ``code``."""
    if not code:
        return None, None
    value = int(code, 16)
    pattern = rf"\\(?:u{value:04x}|x{value:02x})" + (r"|\\e" if value == 0x1B else "")
    match = re.search(pattern, text, re.IGNORECASE)
    if match is None:
        return None, None
    start = match.start()
    return text.count("\n", 0, start) + 1, start - (text.rfind("\n", 0, start) + 1) + 1
