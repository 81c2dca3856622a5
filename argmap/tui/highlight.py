"""What the tree highlights (search results or one speaker's claims) and moving between them.

"Next" and "previous" follow the order the fully expanded tree shows claims in, starting from
the selected claim, and wrap around at the ends, as a text editor's find does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class Highlight:
    """A set of claims to highlight, where it came from, and how to name it."""

    kind: Literal["search", "speaker"]
    title: str
    ids: tuple[str, ...]
    """The claims, in tree display order."""

    def step(self, current: str | None, direction: int, position: Mapping[str, int]) -> str | None:
        """The claim after (``direction=1``) or before (``-1``) ``current``, wrapping around."""
        if not self.ids:
            return None
        if current in self.ids:
            index = self.ids.index(current)
            return self.ids[(index + direction) % len(self.ids)]
        here = position.get(current, -1) if current is not None else -1
        if direction > 0:
            return next((i for i in self.ids if position.get(i, -1) > here), self.ids[0])
        return next((i for i in reversed(self.ids) if position.get(i, -1) < here), self.ids[-1])

    def number(self, current: str | None) -> int | None:
        """1-based place of ``current`` among the highlighted claims, if it is one."""
        return self.ids.index(current) + 1 if current in self.ids else None


def in_display_order(ids: tuple[str, ...], position: Mapping[str, int]) -> tuple[str, ...]:
    """``ids`` sorted by where the tree shows them."""
    return tuple(sorted(dict.fromkeys(ids), key=lambda i: position.get(i, len(position))))
