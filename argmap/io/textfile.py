"""Reading a text file the way every reader must: bounded, regular files only, located errors.

Every reader (YAML, Argdown, AIF, Kialo, ICCMA frameworks, ``check --source``, the TUI's live
reload) comes through :func:`read_text`, so one function decides what argmap will read:

* regular files only, opened without blocking: a FIFO would hang ``check`` for ever and
  ``/dev/zero`` (or a symlink to it) would fill memory;
* at most ``ARGMAP_MAX_FILE_MB`` megabytes (:data:`argmap.io.limits.MAX_FILE_MB`);
* UTF-8, or UTF-16/UTF-32 when the file starts with their byte-order mark; UTF-16 without one
  is named as such rather than called binary;
* no control characters (see :mod:`argmap.model.text`), reported at their line and column,
  unless the caller only searches the text and never shows it raw.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from argmap.io.diagnostics import DebateLoadError, Diagnostic
from argmap.io.limits import MAX_FILE_MB
from argmap.model.text import describe_control, first_control

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
"""Byte-order marks, longest first: a UTF-32 LE mark begins with the UTF-16 LE one."""

_SNIFF = 8192
"""How much of the start of a file decides whether it is text at all."""

_FORMATS_READ = "argmap reads UTF-8 YAML debates (and Argdown, AIF JSON, Kialo text)"


def read_text(path: Path, *, controls: bool = False) -> str:
    """The text of the regular file at ``path``, or DebateLoadError saying what it is instead.

    ``controls=True`` lets control characters through, for text that is only searched (a
    source article in ``check --source``); whatever echoes it must escape them.
    """
    name = str(path)
    text = decode(read_bytes(path), name)
    if not controls:
        reject_controls(text, name)
    return text


def read_bytes(path: Path) -> bytes:
    """At most the size limit of a regular file's bytes; DebateLoadError for anything else."""
    name = str(path)
    limit = MAX_FILE_MB.value() * 1024 * 1024
    try:
        _refuse_non_regular(name, os.stat(path).st_mode)  # before opening: a FIFO open blocks
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise _fail(
            name,
            "no such file",
            "check the path, or run `argmap` in the folder that holds arguments.yaml",
        ) from None
    except OSError as error:
        raise _fail(name, f"cannot read the file: {error.strerror or error}") from None
    with os.fdopen(fd, "rb") as handle:
        try:
            info = os.fstat(fd)
            _refuse_non_regular(name, info.st_mode)  # the path may have changed since the stat
            if info.st_size > limit:
                raise _too_big(name, info.st_size)
            raw = handle.read(limit + 1)
        except OSError as error:
            raise _fail(name, f"cannot read the file: {error.strerror or error}") from None
    if len(raw) > limit:  # it grew while we read
        raise _too_big(name, len(raw))
    return raw


def decode(raw: bytes, name: str) -> str:
    """UTF-8 (or a BOM's encoding) text; a located DebateLoadError when it is not text."""
    encoding = next((enc for bom, enc in _BOMS if raw.startswith(bom)), None)
    if encoding is not None and encoding != "utf-8-sig":
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError as error:
            raise _fail(
                name,
                f"the file starts with a {encoding.upper()} byte-order mark but byte "
                f"{error.start} is not valid {encoding.upper()}",
                "save the file as UTF-8 (most editors offer it under 'Save with encoding')",
            ) from None
    head = raw[:_SNIFF]
    if b"\x00" in head:
        if _looks_like_utf16(head):
            raise _fail(
                name,
                "this file is UTF-16 text without a byte-order mark",
                "save it as UTF-8 (most editors offer it under 'Save with encoding')",
            )
        at = head.index(b"\x00")
        line, column = _position(raw, at)
        raise DebateLoadError(
            [
                Diagnostic(
                    name,
                    line,
                    column,
                    "this is a binary file, not a text debate file",
                    _FORMATS_READ,
                )
            ]
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, column = _position(raw, error.start)
        raise DebateLoadError(
            [
                Diagnostic(
                    name,
                    line,
                    column,
                    f"byte 0x{raw[error.start]:02x} is not valid UTF-8",
                    "save the file as UTF-8 (most editors offer it under 'Save with encoding')",
                )
            ]
        ) from None


def reject_controls(text: str, name: str) -> None:
    """DebateLoadError at the line and column of the first control character in ``text``."""
    match = first_control(text)
    if match is None:
        return
    start = match.start()
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    what = describe_control(match.group())
    hint = (
        "save the file with Unix (LF) or Windows (CRLF) line endings"
        if match.group() == "\r"
        else f"remove {what}: argmap never lets a file send control characters to a terminal"
    )
    raise DebateLoadError([Diagnostic(name, line, column, f"the file holds {what}", hint)])


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    """The 1-based line and (byte) column of ``offset``."""
    return raw.count(b"\n", 0, offset) + 1, offset - (raw.rfind(b"\n", 0, offset) + 1) + 1


def _looks_like_utf16(head: bytes) -> bool:
    """Mostly-ASCII UTF-16: every other byte is NUL, and hardly any of the rest are."""
    even, odd = head[0::2], head[1::2]
    for zeros, others in ((even, odd), (odd, even)):
        if zeros.count(0) >= 0.9 * len(zeros) and others.count(0) <= 0.1 * len(others):
            return True
    return False


def _refuse_non_regular(name: str, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise _folder(name)
    what = (
        "a named pipe (FIFO)"
        if stat.S_ISFIFO(mode)
        else "a device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "not a regular file"
    )
    raise _fail(
        name,
        f"this is {what}, not a file; argmap reads only regular files",
        "save the debate to a file first, then give that file's path",
    )


def _too_big(name: str, size: int) -> DebateLoadError:
    limit = MAX_FILE_MB.value()
    return _fail(
        name,
        f"the file is larger than {limit} MB ({size / 1024 / 1024:.1f} MB or more); "
        "argmap does not read files this large",
        MAX_FILE_MB.hint(str(max(limit * 2, int(size / 1024 / 1024) + 1))),
    )


def _folder(name: str) -> DebateLoadError:
    return _fail(name, "this is a folder, not a debate file", "give the path of a file inside it")


def _fail(name: str, message: str, hint: str | None = None) -> DebateLoadError:
    return DebateLoadError([Diagnostic(name, None, None, message, hint)])
