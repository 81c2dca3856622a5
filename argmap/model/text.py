"""Characters a debate may not hold: the ones that take over a terminal.

A debate file is shared between teachers and students, so its text is untrusted. ``ESC`` starts
terminal escape sequences (``\\e]52;`` sets the clipboard, ``\\e[2J`` clears the screen,
``\\e]0;`` sets the window title); other C0 and C1 controls move the cursor or ring the bell; the
bidirectional overrides and isolates make text read differently from what it holds. None of
them has a use in an argument, so every model field that holds text rejects them
(:func:`reject_controls`, which the model base class runs on every field), and every reader,
whatever its format, reports them as a validation error; the YAML reader finds them earlier,
at the scalar that holds them. Tab and newline are text; a
carriage return is allowed only as part of a CRLF line ending.

Anything that echoes what a *file* holds before it was validated (a diagnostic quoting an
unknown key, a file name) goes through :func:`escape_controls`, which shows ``\\x1b`` instead.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from pydantic_core import PydanticCustomError

_FORBIDDEN = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
CONTROLS = re.compile(f"[{_FORBIDDEN}]|\r(?!\n)")
"""C0 controls except tab, newline and the CR of a CRLF; DEL; C1; bidi overrides and isolates."""
_WITHOUT_CR = re.compile(f"[{_FORBIDDEN}]")
_LONE_CR = re.compile("\r(?!\n)")
_ASCII_TEXT = bytes(range(0x20, 0x7F)) + b"\t\n"
"""The ASCII a text without carriage returns may hold: deleting it leaves what it may not."""

_C0_NAMES = (
    "NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI "
    "DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS US"
)
_C0 = _C0_NAMES.split()


def describe_control(char: str) -> str:
    """A person's name for a control character: ``the ESC character (U+001B)``."""
    code = ord(char)
    if code < 0x20:
        name = _C0[code]
    elif code == 0x7F:
        name = "DEL"
    elif code <= 0x9F:
        name = "C1 control"
    else:
        name = unicodedata.name(char).lower()
    return f"the {name} character (U+{code:04X})"


def first_control(text: str) -> re.Match[str] | None:
    """Where the first forbidden character of ``text`` is, or None when there is none.

    Every model text field is checked on every load, and every file when it is read, so the
    common cases are made cheap: a printable string (no newline, no control) needs no search
    at all, nor does a file whose only unprintable characters are line ends and tabs (a copy
    without them is printable, or for ASCII, a copy without the allowed characters is empty: a
    few passes in C rather than a regex over every character); and a lone carriage return is
    looked for only when there is a carriage return.
    """
    if text.isprintable():  # every forbidden character is unprintable
        return None
    if text.isascii() and "\r" not in text:  # C0 controls and DEL are all it could hold
        if not text.encode("ascii").translate(None, _ASCII_TEXT):
            return None
    elif text.replace("\r\n", "").replace("\n", "").replace("\t", "").isprintable():
        return None
    found = _WITHOUT_CR.search(text)
    if "\r" in text:
        lone = _LONE_CR.search(text, 0, found.start() if found else len(text))
        if lone is not None:
            return lone
    return found


def escape_controls(text: str) -> str:
    """``text`` with each forbidden character shown as an escape (``\\x1b``, ``\\u202e``).

    For anything that prints what a file or a command line holds: the escape is what a person
    needs to find the character, and a terminal cannot act on it.
    """
    return CONTROLS.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def reject_controls(fields: dict[str, Any]) -> None:
    """Validate a model's fields: texts, lists of texts, and the keys of mappings.

    Run once per model (an "after" model validator), not once per field: every load checks
    every text, and one call per model is what keeps that cheap; so are the exact type tests
    and the printable fast path. Enum members (``str`` subclasses) come from a fixed set, and
    models inside a field have checked their own fields, so neither is looked at.
    """
    for name, value in fields.items():
        kind = type(value)
        if kind is str:
            if not value.isprintable():
                _check(name, value)
        elif kind is tuple or kind is list:
            for item in value:
                if type(item) is str and not item.isprintable():
                    _check(name, item)
        elif kind is dict:
            for key in value:
                if type(key) is str and not key.isprintable():
                    _check(name, key)


def _check(field: str, text: str) -> None:
    match = first_control(text)
    if match is not None:
        what = describe_control(match.group())
        raise PydanticCustomError(
            "control_character",
            "`{field}` holds {what}, which could take over a terminal",
            {"field": field, "what": what, "code": f"{ord(match.group()):04X}"},
        )
