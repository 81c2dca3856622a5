"""The TUI's widgets, one a module; each one's styles are in the ``.tcss`` file beside it."""
