"""What every reader of another format runs its parser inside.

The model refuses control characters in any text field (``argmap.model.text``), so a reader
that builds models from a file can meet a ``ValidationError`` wherever it constructs one (a
speaker's name, a question, a quote). :func:`guarded` turns those into diagnostics, and first
refuses raw control characters at the line and column where they stand, which is more than a
model error can say.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from argmap.io.diagnostics import DebateLoadError, Diagnostic
from argmap.io.textfile import reject_controls


@contextmanager
def guarded(text: str, name: str) -> Iterator[None]:
    """Refuse raw control characters in ``text``; report model errors raised inside."""
    reject_controls(text, name)
    try:
        yield
    except ValidationError as error:
        raise DebateLoadError(
            [_diagnostic(name, error.title, detail) for detail in error.errors(include_url=False)]
        ) from None


def _diagnostic(name: str, model: str, detail: ErrorDetails) -> Diagnostic:
    fields = [part for part in detail["loc"] if isinstance(part, str)]
    field = fields[-1] if fields else model.lower()
    hint = None
    if detail["type"] == "control_character":
        hint = f"remove {detail.get('ctx', {}).get('what', 'the control character')}"
    return Diagnostic(name, None, None, f"{model} `{field}` {detail['msg']}", hint)
