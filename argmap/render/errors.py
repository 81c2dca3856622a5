"""The one error the render layer raises: its message is written for the person exporting."""

from __future__ import annotations


class RenderError(Exception):
    """A map could not be drawn or written; ``str()`` says why, ``hint`` what to do about it."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
