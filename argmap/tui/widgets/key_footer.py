"""The footer: every screen's keys, with Help and Quit always in view.

Textual's footer lists the focused widget's keys first and the app's last, so on a narrow
terminal ``? Help`` and ``q Quit`` were the first to be cut off: the two keys a newcomer
needs most. Here they come first.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

ALWAYS = frozenset({"help", "quit", "app.help", "app.quit"})
"""Actions whose keys the footer never lets go out of view."""


class KeyFooter(Footer):
    """A :class:`~textual.widgets.Footer` that keeps :data:`ALWAYS` keys visible."""

    def compose(self) -> ComposeResult:
        widgets = list(super().compose())
        first = [w for w in widgets if isinstance(w, FooterKey) and w.action in ALWAYS]
        yield from first
        yield from (w for w in widgets if w not in first)
