"""The footer: every screen's keys, with Help and Quit always in view.

Textual's footer lists the focused widget's keys first and the app's last, so on a narrow
terminal ``? Help`` and ``q Quit`` were the first to be cut off: the two keys a newcomer
needs most. Here they come first.

Textual also rebuilds every key of the footer whenever the screen's keys *may* have
changed: each focus change, and each time a form (a modal screen) closes, 20 to 60 ms on a
large debate's main screen. This footer is rebuilt only when what it shows changed, so
Enter in the capture form shows the new claim without paying for a footer it already has.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

ALWAYS = frozenset({"help", "quit", "app.help", "app.quit"})
"""Actions whose keys the footer never lets go out of view."""


class KeyFooter(Footer):
    """A :class:`~textual.widgets.Footer` that keeps :data:`ALWAYS` keys visible."""

    def __init__(self) -> None:
        super().__init__()
        self._drawn_for: Hashable = None
        """What the footer's keys were last built from (see :func:`shown_keys`)."""

    def compose(self) -> ComposeResult:
        widgets = list(super().compose())
        first = [w for w in widgets if isinstance(w, FooterKey) and w.action in ALWAYS]
        yield from first
        yield from (w for w in widgets if w not in first)

    def bindings_changed(self, screen: Screen[object]) -> None:
        shown = shown_keys(screen)
        if self._bindings_ready and shown == self._drawn_for:
            return  # the same keys as on screen: nothing to rebuild
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._drawn_for = shown  # Footer rebuilds now (it does nothing otherwise)
        super().bindings_changed(screen)


def shown_keys(screen: Screen[object]) -> Hashable:
    """Everything about the screen's keys that the footer shows: which keys, their words,
    whether they are enabled, and their tooltips."""
    return tuple(
        (key, binding.action, binding.description, binding.key_display, enabled, tooltip)
        for key, (_, binding, enabled, tooltip) in screen.active_bindings.items()
        if binding.show or key == screen.app.COMMAND_PALETTE_BINDING
    )
