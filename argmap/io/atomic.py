"""Atomic file writes: a reader, or a crash, never sees half a file.

Only a regular file can be replaced atomically. Anything else at the target (a named pipe a
script reads from, ``/dev/null``, a symlink to ``/proc/self/fd/1``) is written into directly:
renaming a temporary file over it would replace the pipe or the device with a regular file. A
symlink to a regular file is followed, so the link survives and its target is replaced.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from pathlib import Path

STDOUT = "-"
"""The output name that means standard output, for every command that writes a file."""

_TEMP_NAME_BYTES = 100
"""How much of the target's name the temporary file keeps: names may be 255 bytes at most."""


def write_output(path: Path | str, data: str | bytes) -> None:
    """Write ``data`` to standard output when ``path`` is ``-``, else atomically to the file."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if str(path) == STDOUT:
        sys.stdout.flush()
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
        return
    atomic_write(Path(path), payload)


def is_same_file(first: Path | str, second: Path | str) -> bool:
    """True when both paths name one existing file (through links, ``./`` or case folding)."""
    if STDOUT in (str(first), str(second)):
        return False
    try:
        return os.path.samefile(first, second)
    except OSError:  # one of them does not exist (yet)
        return Path(first).resolve() == Path(second).resolve()


def atomic_write(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename.

    ``os.replace`` is atomic on POSIX and Windows, so an existing good file is replaced whole or
    not at all; the temporary file is removed if anything fails before the rename. A target
    that exists but is not a regular file is written directly instead (see the module's
    docstring).
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        mode: int | None = os.stat(path).st_mode  # follows symlinks
    except OSError:  # nothing there yet (or a symlink loop, which the write below reports)
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        with path.open("wb") as handle:
            handle.write(payload)
        return
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    stem = path.name.encode("utf-8")[:_TEMP_NAME_BYTES].decode("utf-8", errors="ignore")
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{stem}.", suffix=".tmp")
    try:
        os.fchmod(fd, _mode_for(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets what the umask allows.

    ``mkstemp`` creates files readable by their owner only, which is right for a temporary
    file but wrong for a map or a debate someone else should be able to read.
    """
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
