"""Diagnostics: what is wrong, where, and how to fix it.

Every reader (YAML, Argdown, AIF, Kialo, ICCMA) reports problems as :class:`Diagnostic` values so
that ``argmap check``, the TUI's banner and the editors reading ``--format json`` all show the
same ``file:line:col`` messages.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from argmap.model.text import escape_controls


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem. ``line`` and ``column`` are 1-based; ``None`` when a file has no position."""

    file: str
    line: int | None
    column: int | None
    message: str
    hint: str | None = None
    severity: Severity = Severity.ERROR

    @property
    def where(self) -> str:
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}:{self.column or 1}"

    def sort_key(self) -> tuple[str, int, int]:
        return (self.file, self.line or 0, self.column or 0)

    def __str__(self) -> str:
        """The message as a terminal may show it: control characters escaped."""
        text = f"{self.where}: {self.severity}: {self.message}"
        return escape_controls(f"{text}\n  hint: {self.hint}" if self.hint else text)

    def as_json(self) -> dict[str, object]:
        return {
            "line": self.line,
            "column": self.column,
            "message": escape_controls(
                f"{self.message} ({self.hint})" if self.hint else self.message
            ),
        }


class DebateLoadError(Exception):
    """A file could not be turned into a debate; ``diagnostics`` says why, with locations."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics = tuple(sorted(diagnostics, key=Diagnostic.sort_key))
        super().__init__("\n".join(str(d) for d in self.diagnostics))

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity is Severity.ERROR)


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """``did you mean `x`?`` for the closest choice, or None when nothing is close.

    A choice the word begins wins (``expert`` means ``expert-opinion``), then the most similar
    spelling (``gp`` for ``go``), then a choice that contains the word.
    """
    options = sorted(choices)
    lowered = word.lower()
    prefixed = [c for c in options if lowered and c.lower().startswith(lowered)]
    import difflib  # only for a message about a misspelling: most runs never need it

    close = difflib.get_close_matches(word, options, n=1, cutoff=0.5)
    contained = [c for c in options if lowered and lowered in c.lower()]
    best = (
        min(prefixed, key=len)
        if prefixed
        else close[0]
        if close
        else (min(contained, key=len) if contained else None)
    )
    return f"did you mean `{best}`?" if best else None


def unreadable_value(text: str, error: ValueError) -> str:
    """The message for a YAML value that cannot be constructed, short whatever the value.

    A 5,000-digit number is the usual hostile case: Python refuses to convert integers of more
    than 4,300 digits, and its own message ("use sys.set_int_max_str_digits()") is no help to
    the author, nor is the number echoed whole.
    """
    why = "a number this long" if "integer string conversion" in str(error) else str(error)
    shown = repr(text) if len(text) <= 60 else f"'{text[:20]}…' ({len(text):,} characters)"
    return f"cannot read value {shown}: {why}"
