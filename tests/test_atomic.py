"""Every file argmap writes is replaced whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from argmap.io import atomic
from argmap.io.atomic import atomic_write


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "map.svg"
    target.write_text("good map", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        atomic_write(target, "half a map")
    assert target.read_text(encoding="utf-8") == "good map"
    assert os.listdir(tmp_path) == ["map.svg"]


def test_new_files_follow_the_umask_and_old_files_keep_their_mode(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.txt"
    old_umask = os.umask(0o022)
    try:
        atomic_write(fresh, "x")
    finally:
        os.umask(old_umask)
    assert fresh.stat().st_mode & 0o777 == 0o644
    fresh.chmod(0o600)
    atomic_write(fresh, b"y")
    assert fresh.stat().st_mode & 0o777 == 0o600
    assert fresh.read_bytes() == b"y"
