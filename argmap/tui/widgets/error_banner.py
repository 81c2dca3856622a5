"""The error banner: why the file on disk could not be shown, while the last good one is.

Shown after a reload fails; hidden again by the next good reload. Each problem is one
``file:line:col: message`` line, as ``argmap check`` prints it, so an editor's "go to" works.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

from argmap.io.diagnostics import Diagnostic

MAX_LINES = 4


class ErrorBanner(Static):
    """Hidden unless :meth:`show_problems` was given something to show."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.display = False
        self.problems: tuple[Diagnostic, ...] = ()

    def show_problems(self, problems: Sequence[Diagnostic]) -> None:
        """Show these problems above the map; an empty list hides the banner."""
        self.problems = tuple(problems)
        self.display = bool(problems)
        if not problems:
            self.update("")
            return
        lines = [
            Content.assemble(
                ("The file has errors; showing the last version that loaded. ", "bold"),
                "Fix and save: argmap reloads it.",
            )
        ]
        for problem in problems[:MAX_LINES]:
            lines.append(Content.assemble((f"{problem.where}: ", "bold"), problem.message))
            if problem.hint:
                lines.append(Content(f"  hint: {problem.hint}"))
        if len(problems) > MAX_LINES:
            lines.append(Content(f"… and {len(problems) - MAX_LINES} more (argmap check FILE)"))
        self.update(Content("\n").join(lines))
