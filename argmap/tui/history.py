"""Back and forward through the places a reader jumped between, like a web browser.

Only jumps are recorded (following a relation link, a search result, a breadcrumb, a jump link
in the tree, leaving seminar mode), not every cursor step: "back" returns to where the reader
was before the jump, wherever the cursor had wandered in between. A new jump clears the forward
list. A place is whatever the caller uses to find its way back; the main screen uses the path
of claim ids from the question (so a jump link and the claim's home are different places, and
the history survives a reload). Places that no longer exist are skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

Place = TypeVar("Place")


def _anywhere(place: object) -> bool:
    return True


class History(Generic[Place]):
    """Two stacks of places: where "back" and "forward" lead."""

    def __init__(self) -> None:
        self._back: list[Place] = []
        self._forward: list[Place] = []

    @property
    def back_stack(self) -> tuple[Place, ...]:
        """Earlier places, oldest first."""
        return tuple(self._back)

    @property
    def forward_stack(self) -> tuple[Place, ...]:
        """Places gone back from, the next one last."""
        return tuple(self._forward)

    def visit(self, current: Place | None, target: Place) -> None:
        """Record a jump from ``current`` (None before anything is selected) to ``target``."""
        if current is None or current == target:
            return
        self._back.append(current)
        self._forward.clear()

    def back(self, current: Place, exists: Callable[[Place], bool] = _anywhere) -> Place | None:
        """The place before the last jump, or None when there is none."""
        return _step(self._back, self._forward, current, exists)

    def forward(self, current: Place, exists: Callable[[Place], bool] = _anywhere) -> Place | None:
        """The place "back" last left, or None when there is none."""
        return _step(self._forward, self._back, current, exists)


def _step(
    source: list[Place], other: list[Place], current: Place, exists: Callable[[Place], bool]
) -> Place | None:
    while source:
        place = source.pop()
        if exists(place) and place != current:
            other.append(current)
            return place
    return None
